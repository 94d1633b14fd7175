/**
 * The IP.* worksheet functions from a shell, for scripts and for checking the docs' examples:
 *   npm run --silent ip -- STATUS JZ-05 60000 2024
 *   npm run --silent ip -- STATUS JZ-05 '{52000,56000,60000}' 2024
 *   npm run --silent ip -- '=IP.STATUS("JZ-05",{52000,56000,60000},2024)'
 * prints what =IP.STATUS("JZ-05",60000,2024) returns: a value, "#N/A: message" / "#VALUE!: message"
 * for an error, tab-separated lines for a spilled array. A range argument is written with commas
 * ("50000,55000,,60000", an empty item is an empty cell) or as Excel's array constant in quotes.
 * A plan file that cannot be read is reported on stderr (exit code 1) and the other plans answer.
 */
import { loadIpFunctions, runIpCommand } from "../src/node/ip-cli";

try {
  const { fns, problems } = loadIpFunctions();
  for (const p of problems) console.error(p);
  if (problems.length) {
    console.error("以上规划文件有问题，其中的指标暂不可用 / the plan files above have problems; their targets are unavailable");
  }
  const { output, code } = runIpCommand(process.argv.slice(2), fns);
  process.stdout.write(output + "\n");
  process.exit(code || (problems.length ? 1 : 0));
} catch (e) {
  console.error(`#VALUE!: ${(e as Error).message}`);
  process.exit(1);
}
