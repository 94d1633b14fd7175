/**
 * Writes the target sheets to an .xlsx file with ExcelJS, for officials on WPS or LibreOffice and for
 * testing:
 *   npm run workbook -- --out targets.xlsx [--plans JZ,XZ] [--live] [--actuals FILE.csv]
 * By default the computed columns hold 通用公式 portable formulas (native functions: Excel without
 * the add-in, WPS and LibreOffice compute them); --live writes 联动公式 live IP.* formulas, which
 * only Excel with the add-in computes. --portable is accepted and is the default.
 * --actuals fills in actuals from a CSV file with the columns id,year,value.
 * Every unusable row of that file is reported on stderr; the workbook is still written from the
 * rest, and the exit code is then 1.
 */
import fs from "node:fs";
import path from "node:path";
import { loadCatalogFromDisk } from "../src/node/plan-files";
import { type ActualRow, readActualsCsv } from "../src/sheets/actuals-csv";
import { buildWorkbookXlsx } from "../src/sheets/xlsx";

const USAGE =
  "用法 usage: npm run workbook -- --out targets.xlsx [--plans JZ,XZ] [--live] [--actuals FILE.csv]\n" +
  "  默认通用公式（未装加载项的 Excel、WPS、LibreOffice 都能计算）；--live 联动公式（IP.* 函数，只在装有本加载项的 Excel 中计算）\n" +
  "  portable formulas by default (Excel without the add-in, WPS, LibreOffice); --live: live IP.* formulas (Excel with the add-in only)";

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v == null || v.startsWith("--")) throw new Error(`${name} 需要一个值 / ${name} needs a value`);
  return v;
}

async function main(args: string[]): Promise<number> {
  const known = new Set(["--out", "--plans", "--portable", "--live", "--actuals", "--help"]);
  const unknown = args.filter((a) => a.startsWith("--") && !known.has(a));
  if (args.includes("--help") || unknown.length) {
    if (unknown.length) console.error(`未知选项 / unknown options: ${unknown.join(" ")}`);
    console.error(USAGE);
    return unknown.length ? 2 : 0;
  }
  if (args.includes("--live") && args.includes("--portable")) {
    console.error(`--live 与 --portable 只能选一个 / choose one of --live and --portable\n${USAGE}`);
    return 2;
  }
  const live = args.includes("--live");
  const out = option(args, "--out");
  if (!out) {
    console.error(`缺少 --out / --out is missing\n${USAGE}`);
    return 2;
  }
  const { catalog, problems: catalogProblems } = loadCatalogFromDisk();
  for (const p of catalogProblems) console.error(p);
  const plans = option(args, "--plans")
    ?.split(",")
    .map((s) => s.trim().toUpperCase())
    .filter(Boolean);
  const unknownPlans = plans?.filter((p) => !catalog.plan(p)) ?? [];
  if (unknownPlans.length) {
    console.error(`未知的规划编号 / unknown plan ids: ${unknownPlans.join(", ")} (known: ${catalog.plans.map((p) => p.id).join(", ")})`);
    return 2;
  }
  let problemCount = 0;
  let actuals: ActualRow[] | undefined;
  const actualsFile = option(args, "--actuals");
  if (actualsFile) {
    let bytes: Uint8Array;
    try {
      bytes = fs.readFileSync(actualsFile);
    } catch (e) {
      console.error(`无法读取 ${actualsFile} / cannot read ${actualsFile}: ${(e as Error).message}`);
      return 2;
    }
    // Bytes, not "utf8": the file may be GBK (Chinese Excel's CSV) or UTF-16 (Excel's Unicode text).
    const parsed = readActualsCsv(bytes, catalog);
    problemCount = parsed.problemCount;
    actuals = parsed.rows;
    for (const n of parsed.notes) console.error(`${actualsFile}: ${n}`);
    for (const p of parsed.problems) console.error(`${actualsFile} ${p}`);
    for (const w of parsed.warnings) console.error(`${actualsFile} ${w}`);
  }
  const data = await buildWorkbookXlsx(catalog, { plans, portable: !live, actuals });
  fs.mkdirSync(path.dirname(path.resolve(out)), { recursive: true });
  fs.writeFileSync(out, data);
  const count = plans?.length ?? catalog.plans.length;
  const mode = live
    ? { zh: "联动公式，只在装有本加载项的 Excel 中计算", en: "live formulas, for Excel with the add-in only" }
    : { zh: "通用公式，未装加载项的 Excel、WPS、LibreOffice 都能计算", en: "portable formulas, for any spreadsheet" };
  console.log(
    `已写入 ${out}（${mode.zh}）：${count} 个规划，${actuals?.length ?? 0} 个实际值${problemCount ? `，${problemCount} 行有问题（见上）` : ""} / ` +
      `wrote ${out} (${mode.en}): ${count} plans, ${actuals?.length ?? 0} actuals${problemCount ? `, ${problemCount} rows with problems (above)` : ""}`,
  );
  return problemCount || catalogProblems.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error((e as Error).message);
    process.exit(2);
  },
);
