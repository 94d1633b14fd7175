/**
 * Writes the implementation report (规划实施情况报告) as a Word document:
 *   npm run report -- --out 报告.docx --actuals FILE.csv [--plans JZ,XZ] [--year 2024] [--lang en] [--midterm]
 *
 * --midterm writes the 中期评估 (mid-term evaluation): its own title, and each plan's time elapsed
 * (时间进度) beside its targets' state.
 * FILE.csv has the columns id,year,value, as for `npm run workbook`. Bad input (an unknown plan,
 * an unreadable file, a year outside the plans) is reported in Chinese and English, exit code 1.
 * Rows of the file that cannot be used are reported too; the report is still written from the
 * rest, and the exit code is then 1. See docs/report.md.
 */
import fs from "node:fs";
import path from "node:path";
import { loadCatalogFromDisk } from "../src/node/plan-files";
import { readReportActuals } from "../src/report/actuals";
import { buildReportDocx } from "../src/report/docx";
import { buildReport, ReportInputError } from "../src/report/model";

const USAGE = "用法 usage: npm run report -- --out 报告.docx --actuals FILE.csv [--plans JZ,XZ] [--year 2024] [--lang en] [--midterm]";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v == null || v.startsWith("--")) throw new ReportInputError(`${name} 需要一个值`, `${name} needs a value`);
  return v;
}

async function main(args: string[]): Promise<number> {
  const known = new Set(["--out", "--plans", "--actuals", "--year", "--lang", "--midterm", "--help"]);
  const unknown = args.filter((a) => a.startsWith("--") && !known.has(a));
  if (args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  if (unknown.length) throw new ReportInputError(`未知选项：${unknown.join(" ")}`, `unknown options: ${unknown.join(" ")}`);
  const out = option(args, "--out");
  const file = option(args, "--actuals");
  if (!out) throw new ReportInputError("缺少 --out（报告文件名）", "--out (the report's file name) is missing");
  if (!file) throw new ReportInputError("缺少 --actuals（实际值 CSV 文件）", "--actuals (the CSV file of actuals) is missing");
  const langArg = option(args, "--lang") ?? "zh";
  if (langArg !== "zh" && langArg !== "en") throw new ReportInputError(`语言「${langArg}」无效，请用 zh 或 en`, `language "${langArg}" is not valid; use zh or en`);
  const yearArg = option(args, "--year");
  let year: number | null = null;
  if (yearArg != null) {
    year = /^\d{4}$/.test(yearArg.trim()) ? Number(yearArg) : NaN;
    if (!Number.isInteger(year)) throw new ReportInputError(`年份「${yearArg}」无效`, `"${yearArg}" is not a year`);
  }
  const plans = option(args, "--plans")?.split(",").filter((s) => s.trim());

  const { catalog, problems: catalogProblems } = loadCatalogFromDisk();
  for (const p of catalogProblems) console.error(p);
  let bytes: Uint8Array;
  try {
    bytes = fs.readFileSync(file);
  } catch (e) {
    throw new ReportInputError(`无法读取实际值文件 ${file}（${(e as NodeJS.ErrnoException).code ?? "错误"}）`, `cannot read the actuals file ${file} (${(e as Error).message})`);
  }
  const { actuals, count, problems } = readReportActuals(bytes, catalog);
  for (const p of problems) console.error(`${file} ${p}`);
  const model = buildReport(catalog, { plans, actuals, year, lang: langArg, kind: args.includes("--midterm") ? "midterm" : "annual" });
  const data = await buildReportDocx(model);
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, data);
  console.log(
    `已写入 ${out}：${model.plans.length} 个规划，${model.year} 年，${count} 个实际值${problems.length ? `，${problems.length} 行有问题（见上）` : ""} / ` +
      `wrote ${out}: ${model.plans.length} plans, ${model.year}, ${count} actuals${problems.length ? `, ${problems.length} rows with problems (above)` : ""}`,
  );
  return problems.length || catalogProblems.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    if (e instanceof ReportInputError) console.error(`${e.zh}\n${e.en}\n${USAGE}`);
    else console.error((e as Error).stack ?? String(e));
    process.exit(1);
  },
);
