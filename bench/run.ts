/**
 * npm run bench: prints every benchmark figure of the add-in. Figures are ratios to baselines
 * measured in the same run wherever a ratio means something; nothing here passes or fails a test.
 */
import fs from "node:fs";
import path from "node:path";
import { benchCore } from "./core";

type Figures = Record<string, string | number>;

function print(title: string, figures: Figures) {
  console.log(`\n## ${title}`);
  const width = Math.max(...Object.keys(figures).map((k) => k.length));
  for (const [k, v] of Object.entries(figures)) console.log(`  ${k.padEnd(width)}  ${v}`);
}

async function optional(file: string, fn: string): Promise<Figures | null> {
  if (!fs.existsSync(path.join(__dirname, file + ".ts"))) return null;
  const mod = await import(`./${file}`);
  return typeof mod[fn] === "function" ? mod[fn]() : null;
}

async function main() {
  print("Catalogue, lookup and functions / 目录、查找与函数", benchCore());
  const sheets = await optional("sheets", "benchSheets");
  if (sheets) print("Target sheets / 目标工作表", sheets);
  const pane = await optional("taskpane", "benchTaskpane");
  if (pane) print("Task pane / 任务窗格", pane);
  const engines = await optional("engines", "benchEngines");
  if (engines) print("Other spreadsheet engines / 其他电子表格引擎", engines);
  const draft = await optional("draft", "benchDraft");
  if (draft) print("Drafting plans from their text / 从规划文本起草", draft);
  const rollup = await optional("rollup", "benchRollup");
  if (rollup) print("Roll-up of 200 county workbooks / 汇总 200 个县的工作簿", rollup);
  // Every floor again at the end, where it is seen: the task pane's (issue 12 §3) and the roll-up's (issue 13 §2).
  const floors: Figures = Object.fromEntries(Object.entries(pane ?? {}).filter(([k]) => k.startsWith("floor:")).map(([k, v]) => [k.slice("floor: ".length), v]));
  for (const [k, v] of Object.entries(rollup ?? {})) if (/floor < 10 s/.test(k)) floors[`roll-up ${k}`] = v;
  if (Object.keys(floors).length) print("Floors / 底线", floors);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
