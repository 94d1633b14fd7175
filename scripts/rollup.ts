/**
 * Collects the target workbooks the cities and counties filled in and writes one 汇总 workbook
 * (issue 13 §2):
 *   npm run rollup -- FILES.xlsx… --out 汇总.xlsx [--plans DIR] [--lang en]
 * A folder among the files stands for the .xlsx files in it. --plans DIR adds plan files laid out
 * as deployed beside the add-in (a county's plan the add-in does not bundle); plans a workbook
 * stores are read from it too. Prints per file what it read, every problem with file, sheet and
 * row, and every conflict. Exit 0 when the roll-up was written (problems are reported, not fatal);
 * 1 when the arguments are wrong or no file could be read.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import type { Catalog } from "../src/core/catalog/catalog";
import { mergePlans, type SourcedFile } from "../src/core/catalog/sources";
import { readPlanFiles, readPlanText } from "../src/node/plan-files";
import { collectWorkbooks, type RollupInputFile, type RollupProblem, rollupCatalog, rollupWorkbookXlsx } from "../src/rollup";

const USAGE =
  "用法 usage: npm run rollup -- FILES.xlsx… --out 汇总.xlsx [--plans DIR] [--lang en]\n" +
  "  读取各地填报的目标工作簿（加载项生成的），写出一个汇总工作簿；--plans DIR：另加规划文件（如未内置的县级规划）；--lang en：汇总表用英文\n" +
  "  reads the target workbooks the add-in wrote and the officials filled in, writes one roll-up workbook; --plans DIR: more plan files (a county's plan not bundled); --lang en: the roll-up in English";

const fail = (zh: string, en: string) => {
  console.error(`${zh} / ${en}\n${USAGE}`);
  return 1;
};

interface Args {
  files: string[];
  out: string;
  plans?: string;
  lang: "zh" | "en";
}

function parseArgs(args: string[]): Args | string {
  const files: string[] = [];
  const values: Record<string, string> = {};
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === "--out" || a === "--plans" || a === "--lang") {
      const v = args[i + 1];
      if (v == null || v.startsWith("--")) return `${a} 需要一个值 / ${a} needs a value`;
      values[a] = v;
      i++;
    } else if (a.startsWith("--")) return `未知选项 / unknown option: ${a}`;
    else files.push(a);
  }
  if (!values["--out"]) return "缺少 --out / --out is missing";
  if (files.length === 0) return "没有给出要汇总的工作簿 / no workbooks given";
  const lang = values["--lang"] ?? "zh";
  if (lang !== "zh" && lang !== "en") return `--lang 只能是 zh 或 en / --lang must be zh or en: ${lang}`;
  return { files, out: values["--out"], plans: values["--plans"], lang };
}

/** The bundled plans, plus the folder's plan files as deployed ones (validated; bad ones named). */
function catalogWith(dir: string | undefined): { catalog: Catalog; notes: string[] } | string {
  const bundled = readPlanFiles();
  const sourced: SourcedFile[] = bundled.files.map((f) => ({ ...f, origin: "bundled" as const }));
  if (dir) {
    let names: string[];
    try {
      names = fs
        .readdirSync(dir)
        .filter((f) => f.toLowerCase().endsWith(".json"))
        .sort();
    } catch (e) {
      return `无法读取规划目录 ${dir} / cannot read the plans folder ${dir}: ${(e as Error).message}`;
    }
    for (const name of names) sourced.push({ origin: "deployed", file: path.join(dir, name), text: readPlanText(path.join(dir, name)) });
  }
  const merged = mergePlans(sourced);
  return { catalog: merged.catalog, notes: [...bundled.parseErrors, ...merged.notes.map((n) => `${n.file} ${n.path}: ${n.zh} / ${n.en}`)] };
}

/** The files named, a folder standing for its .xlsx files. */
function inputFiles(names: string[]): { files: RollupInputFile[]; unreadable: string[] } {
  const files: RollupInputFile[] = [];
  const unreadable: string[] = [];
  for (const name of names) {
    let list = [name];
    try {
      if (fs.statSync(name).isDirectory()) {
        list = fs
          .readdirSync(name)
          .filter((f) => /\.xlsx$/i.test(f) && !f.startsWith("~$"))
          .sort()
          .map((f) => path.join(name, f));
      }
    } catch {
      // reported below as unreadable
    }
    for (const file of list) {
      try {
        files.push({ name: file, bytes: new Uint8Array(fs.readFileSync(file)) });
      } catch (e) {
        unreadable.push(`${file}: 无法打开 / cannot open: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    }
  }
  return { files, unreadable };
}

function where(p: RollupProblem): string {
  const zh = [p.file, p.sheet != null ? `工作表“${p.sheet}”` : "", p.row != null ? `第 ${p.row} 行` : ""].filter(Boolean).join("，");
  const en = [p.sheet != null ? `sheet "${p.sheet}"` : "", p.row != null ? `row ${p.row}` : ""].filter(Boolean).join(", ");
  return en ? `${zh} (${en})` : zh;
}

const MODE = { live: "联动公式 live", portable: "通用公式 portable", unknown: "" } as const;

async function main(argv: string[]): Promise<number> {
  if (argv.includes("--help") || argv.length === 0) {
    console.log(USAGE);
    return argv.length === 0 ? 1 : 0;
  }
  const args = parseArgs(argv);
  if (typeof args === "string") return fail(args.split(" / ")[0], args.split(" / ")[1] ?? args);
  const loaded = catalogWith(args.plans);
  if (typeof loaded === "string") return fail(loaded.split(" / ")[0], loaded.split(" / ")[1] ?? loaded);
  for (const n of loaded.notes) console.error(`规划 plans: ${n}`);
  const { files, unreadable } = inputFiles(args.files);
  for (const u of unreadable) console.error(u);

  // Node's zlib inflates several times faster than its DecompressionStream.
  const result = await collectWorkbooks(files, loaded.catalog, { inflateRaw: (d) => zlib.inflateRawSync(d) });
  for (const f of result.files) {
    const plans = f.planIds.join(", ");
    console.log(
      f.sheets
        ? `${f.name}: ${f.sheets} 张表（${plans}，${MODE[f.mode]}），${f.actuals} 个实际值 / ${f.sheets} sheet(s) (${plans}), ${f.actuals} actual(s)`
        : `${f.name}: 未读取 / not read`,
    );
  }
  if (result.workbookPlans?.length) {
    const ids = result.workbookPlans.map((p) => `${p.id} ${p.region.zh}`).join(", ");
    console.log(`工作簿中保存的规划已加入汇总 / plans stored in the workbooks, added to the roll-up: ${ids}`);
  }
  if (result.problems.length) {
    console.log(`\n问题 problems (${result.problems.length}):`);
    for (const p of result.problems) console.log(`  ${where(p)}: ${p.message.zh} / ${p.message.en}`);
  }
  if (result.conflicts.length) {
    console.log(
      `\n冲突（同一指标同一年份在不同文件中数值不同，未作取舍）/ conflicts (same target and year, different values; not resolved) (${result.conflicts.length}):`,
    );
    for (const c of result.conflicts) {
      const values = c.values.map((v) => `${v.value}（${v.file}，${v.sheet}，第 ${v.row} 行 row ${v.row}）`).join(" ≠ ");
      console.log(`  ${c.targetId} ${c.year}: ${values}`);
    }
  }
  const read = result.files.filter((f) => f.sheets > 0).length;
  if (read === 0) {
    console.error(`\n没有一个文件能读取，未写汇总 / no file could be read; no roll-up written`);
    return 1;
  }
  const data = await rollupWorkbookXlsx(result, rollupCatalog(loaded.catalog, result), args.lang);
  fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
  fs.writeFileSync(args.out, data);
  const total = files.length + unreadable.length;
  console.log(
    `\n已写入 ${args.out}：读取 ${read}/${total} 个文件，${result.actuals.length} 个实际值，${result.problems.length + unreadable.length} 个问题，${result.conflicts.length} 处冲突 / ` +
      `wrote ${args.out}: ${read} of ${total} files read, ${result.actuals.length} actuals, ${result.problems.length + unreadable.length} problems, ${result.conflicts.length} conflicts`,
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    console.error((e as Error).stack ?? String(e));
    process.exit(1);
  },
);
