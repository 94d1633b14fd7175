/**
 * The IP.* worksheet functions from a shell, for scripts and for checking the docs' examples:
 *   npm run --silent ip -- STATUS JZ-05 60000 2024
 * prints what =IP.STATUS("JZ-05",60000,2024) returns: a value, "#N/A: message" / "#VALUE!: message"
 * for an error, tab-separated lines for a spilled array. A range argument is written with commas
 * ("50000,55000,,60000", an empty item is an empty cell).
 */
import { runIpCommand } from "../src/node/ip-cli";

const { output, code } = runIpCommand(process.argv.slice(2));
process.stdout.write(output + "\n");
process.exit(code);
