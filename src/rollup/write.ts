/**
 * The 汇总 workbook (issue 13 §2; docs/rollup.md): what the province collected, written with ExcelJS in
 * Node and in the browser. Five sheets — 说明 (when, how many files, how many problems), 实际值 (every
 * actual with the file, sheet and row it came from), 按统计口径 (the province's figure beside the sum of
 * its cities and counties), 冲突 and 问题.
 *
 * Plain values and native number formats only: no formula at all (nothing to recalculate, and the
 * same figures in WPS and LibreOffice), no `!` escapes in formats (LibreOffice does not read them).
 * Every text that came out of a workbook (file, sheet, id, problem) is untrusted: it is written as a
 * text value, so "=…" stays text and never becomes a formula.
 */
import ExcelJS from "exceljs";
import type { Catalog } from "../core/catalog/catalog";
import { measureById } from "../core/catalog/measures";
import type { Target } from "../core/catalog/schema";
import { kindLabel } from "../core/functions/ip";
import { isPercentTarget } from "../core/method/percent";
import { columnLetters } from "../sheets/columns";
import { cellScale, toCell, valueFormat } from "../sheets/model";
import type { MeasureFigure, MeasureRollupRow, RollupProblem, RollupResult, RollupText, RollupWorkbookXlsx } from "./types";

type Lang = "zh" | "en";
type Cell = string | number | Date | null;

const T = {
  zh: {
    sheets: { about: "说明", actuals: "实际值", measures: "按统计口径", conflicts: "冲突", problems: "问题" },
    title: "知识产权规划目标 · 汇总",
    subtitle: "由各地报送的目标工作表汇总而成；数值为各文件所填，未作修改。",
    about: {
      key: "项目",
      value: "内容",
      collected: "汇总时间",
      files: "收到文件",
      read: "读出实际值的文件",
      actuals: "实际值",
      years: "年份",
      measures: "按统计口径的行",
      conflicts: "冲突（同一指标同一年份数值不同）",
      problems: "问题（无法读取的文件、工作表或单元格）",
    },
    filesHeader: ["文件", "工作表数", "实际值数", "规划", "公式模式", "问题数"],
    modes: { live: "联动公式", portable: "通用公式", unknown: "未知" },
    guide: [
      "怎么看：",
      "· 实际值：每个读出的实际值及其文件、工作表、行；单位与填报表一致（如亿元、%）。",
      "· 按统计口径：省级数值与各市（含济源示范区）之和、各县之和并列；只有可相加的口径、可比的类别（期末存量与存量、当年流量与流量、同一基期的累计值）才相加；“报送地区数”是已报送的地区，不一定是全省。",
      "· 冲突：同一指标同一年份在不同文件（或行）中数值不同；未计入任何合计，请与报送单位核实后只保留一个。",
      "· 问题：无法读取的文件、不是本加载项生成的工作簿、应填数字处为文字等；请对方修正后重新报送。",
    ],
    actualsHeader: ["文件", "工作表", "行", "规划", "编号", "指标", "年份", "实际值", "单位", "说明"],
    conflictMark: "⚠ 冲突，见“冲突”表",
    duplicateMark: "另有文件填了相同数值",
    measuresHeader: [
      "统计口径",
      "年份",
      "类别",
      "单位",
      "省级数值",
      "省级规划",
      "市级合计",
      "市级报送地区数",
      "县级合计",
      "县级报送地区数",
      "省级减市级合计",
      "各地数值（未相加）",
      "说明",
    ],
    flow: "当年流量（年度值、期内新增）",
    groupNames: { province: "省级", cities: "市级", counties: "县级" },
    conflictsHeader: ["序号", "编号", "规划", "指标", "年份", "文件", "工作表", "行", "数值", "单位"],
    problemsHeader: ["文件", "工作表", "行", "类型", "说明"],
    kinds: {
      "not-ours": "不是本加载项的工作簿",
      corrupt: "文件损坏或不是 .xlsx",
      text: "应填数字处为文字",
      "unknown-target": "未知指标编号",
      other: "其他",
    },
    sep: "；",
    colon: "：",
  },
  en: {
    sheets: { about: "About", actuals: "Actuals", measures: "By measure", conflicts: "Conflicts", problems: "Problems" },
    title: "IP plan targets · roll-up",
    subtitle: "Collected from the target workbooks the regions sent; every figure as the files hold it, unchanged.",
    about: {
      key: "Item",
      value: "Value",
      collected: "Collected at",
      files: "Files received",
      read: "Files with actuals",
      actuals: "Actuals",
      years: "Years",
      measures: "Rows by measure",
      conflicts: "Conflicts (one target and year, different values)",
      problems: "Problems (files, sheets or cells that could not be read)",
    },
    filesHeader: ["File", "Sheets", "Actuals", "Plans", "Formula mode", "Problems"],
    modes: { live: "live", portable: "portable", unknown: "unknown" },
    guide: [
      "How to read it:",
      "· Actuals: every actual read, with its file, sheet and row, in the unit the target sheet shows (亿元, % …).",
      "· By measure: the province's figure beside the sum of its cities (the Jiyuan zone among them) and of its counties. Only measures that add up are summed, and only comparable kinds (year-end stock with stock, the year's flow with flow, running totals from the same base year). “Reported” counts the regions that sent a figure: not necessarily the whole province.",
      "· Conflicts: one target and year with different values in two files (or rows); left out of every sum. Ask the region which is right and keep one.",
      "· Problems: files that could not be read, workbooks the add-in did not write, text where a number belongs. Ask the sender to fix and send again.",
    ],
    actualsHeader: ["File", "Sheet", "Row", "Plan", "Id", "Target", "Year", "Actual", "Unit", "Note"],
    conflictMark: "⚠ conflict, see Conflicts",
    duplicateMark: "another file has the same figure",
    measuresHeader: [
      "Measure",
      "Year",
      "Kind",
      "Unit",
      "Province",
      "Province plan",
      "Sum of cities",
      "Cities reported",
      "Sum of counties",
      "Counties reported",
      "Province minus cities",
      "Figures by region (not summed)",
      "Note",
    ],
    flow: "flow in the year (yearly amounts, additions)",
    groupNames: { province: "Province", cities: "Cities", counties: "Counties" },
    conflictsHeader: ["No.", "Id", "Plan", "Target", "Year", "File", "Sheet", "Row", "Value", "Unit"],
    problemsHeader: ["File", "Sheet", "Row", "Kind", "Message"],
    kinds: {
      "not-ours": "not a workbook of the add-in",
      corrupt: "corrupt or not an .xlsx",
      text: "text where a number belongs",
      "unknown-target": "unknown target id",
      other: "other",
    },
    sep: "; ",
    colon: ": ",
  },
} as const;

export const rollupWorkbookXlsx: RollupWorkbookXlsx = async (result, catalog, lang) => {
  const wb = new ExcelJS.Workbook();
  wb.creator = "知识产权规划目标 IP plan targets";
  const now = new Date();
  wb.created = now;
  const t = T[lang];
  writeAbout(wb.addWorksheet(t.sheets.about), result, lang, now);
  writeActuals(wb.addWorksheet(t.sheets.actuals), result, catalog, lang);
  writeMeasures(wb.addWorksheet(t.sheets.measures), result.byMeasure, catalog, lang);
  writeConflicts(wb.addWorksheet(t.sheets.conflicts), result, catalog, lang);
  writeProblems(wb.addWorksheet(t.sheets.problems), result.problems, lang);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
};

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * Text from a workbook as a cell's text: control characters (which would break the file's XML) become
 * U+FFFD and it is cut at Excel's 32,767 characters. A string value is written as text by ExcelJS,
 * never as a formula, whatever it starts with.
 */
export function safeText(text: string | null | undefined): string {
  if (text == null) return "";
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const clean = String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd");
  return clean.length > 32767 ? clean.slice(0, 32766) + "…" : clean;
}

/** One table on a sheet: a bold header row, the rows, widths; frozen header and autofilter when it starts the sheet. */
function table(ws: ExcelJS.Worksheet, headerRow: number, header: readonly string[], rows: readonly Cell[][], widths: readonly number[], formats: ReadonlyArray<Array<string | null>> = []): void {
  const head = ws.getRow(headerRow);
  header.forEach((h, j) => {
    const cell = head.getCell(j + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { vertical: "middle", wrapText: true };
    cell.fill = { type: "pattern", pattern: "solid", fgColor: { argb: "FFDDEBF7" } };
  });
  rows.forEach((cells, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    cells.forEach((v, j) => {
      if (v === null || v === "") return;
      const cell = r.getCell(j + 1);
      cell.value = typeof v === "string" ? safeText(v) : v;
      const fmt = formats[i]?.[j];
      if (fmt) cell.numFmt = fmt;
    });
  });
  widths.forEach((w, j) => (ws.getColumn(j + 1).width = w));
  ws.autoFilter = `A${headerRow}:${columnLetters(header.length - 1)}${headerRow + Math.max(rows.length, 1)}`;
  if (headerRow === 1) ws.views = [{ state: "frozen", xSplit: 0, ySplit: 1 }];
}

// ---------------------------------------------------------------------------------------------
// 说明

function writeAbout(ws: ExcelJS.Worksheet, result: RollupResult, lang: Lang, now: Date): void {
  const t = T[lang];
  ws.getCell(1, 1).value = t.title;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.getCell(2, 1).value = t.subtitle;
  ws.getCell(2, 1).font = { italic: true, color: { argb: "FF595959" } };
  const years = [...new Set(result.actuals.map((a) => a.year))].sort((a, b) => a - b);
  const facts: Array<[string, Cell, string | null]> = [
    // ExcelJS stores a date as UTC: shift it so the cell shows the collecting machine's local time.
    [t.about.collected, new Date(now.getTime() - now.getTimezoneOffset() * 60000), "yyyy-mm-dd hh:mm"],
    [t.about.files, result.files.length, "0"],
    [t.about.read, result.files.filter((f) => f.actuals > 0).length, "0"],
    [t.about.actuals, result.actuals.length, "0"],
    [t.about.years, years.length ? (years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`) : "—", null],
    [t.about.measures, result.byMeasure.length, "0"],
    [t.about.conflicts, result.conflicts.length, "0"],
    [t.about.problems, result.problems.length, "0"],
  ];
  const head = ws.getRow(4);
  [t.about.key, t.about.value].forEach((h, j) => {
    head.getCell(j + 1).value = h;
    head.getCell(j + 1).font = { bold: true };
  });
  facts.forEach(([key, value, fmt], i) => {
    const r = ws.getRow(5 + i);
    r.getCell(1).value = key;
    const cell = r.getCell(2);
    cell.value = value;
    cell.alignment = { horizontal: "left" };
    if (fmt) cell.numFmt = fmt;
  });
  let at = 5 + facts.length + 1;
  t.guide.forEach((line, i) => {
    const cell = ws.getCell(at + i, 1);
    cell.value = line;
    if (i === 0) cell.font = { bold: true };
  });
  at += t.guide.length + 1;

  const problemsOf = new Map<string, number>();
  for (const p of result.problems) problemsOf.set(p.file, (problemsOf.get(p.file) ?? 0) + 1);
  const names = [...result.files.map((f) => f.name), ...[...problemsOf.keys()].filter((n) => !result.files.some((f) => f.name === n))];
  const rows: Cell[][] = names.map((name) => {
    const f = result.files.find((x) => x.name === name);
    return [name, f?.sheets ?? 0, f?.actuals ?? 0, f?.planIds.join(lang === "zh" ? "、" : ", ") ?? "", t.modes[f?.mode ?? "unknown"], problemsOf.get(name) ?? 0];
  });
  table(ws, at, t.filesHeader, rows, [44, 12, 12, 16, 12, 10]);
  ws.getColumn(1).width = 44;
}

// ---------------------------------------------------------------------------------------------
// 实际值

function unitText(target: Target): string {
  if (target.display && target.unit && cellScale(target) !== 1 && !isPercentTarget(target)) return target.display.unit;
  return target.unit;
}

function planLabel(catalog: Catalog, planId: string, lang: Lang): string {
  const plan = catalog.plan(planId);
  return plan ? `${plan.shortName[lang]} ${plan.id}` : planId;
}

function writeActuals(ws: ExcelJS.Worksheet, result: RollupResult, catalog: Catalog, lang: Lang): void {
  const t = T[lang];
  const conflicting = new Set(result.conflicts.map((c) => `${c.targetId}\u0000${c.year}`));
  const count = new Map<string, number>();
  const keyOf = (id: string, year: number) => `${catalog.get(id)?.target.id ?? id}\u0000${year}`;
  for (const a of result.actuals) count.set(keyOf(a.targetId, a.year), (count.get(keyOf(a.targetId, a.year)) ?? 0) + 1);
  const rows: Cell[][] = [];
  const formats: Array<Array<string | null>> = [];
  for (const a of result.actuals) {
    const entry = catalog.get(a.targetId);
    const key = keyOf(a.targetId, a.year);
    const mark = conflicting.has(key) ? t.conflictMark : (count.get(key) ?? 0) > 1 ? t.duplicateMark : "";
    const value = entry ? toCell(entry.target, a.value) : a.value;
    rows.push([
      a.file,
      a.sheet,
      a.row,
      entry ? planLabel(catalog, entry.plan.id, lang) : a.planId,
      entry?.target.id ?? a.targetId,
      entry?.target.name[lang] ?? "",
      a.year,
      value,
      entry ? unitText(entry.target) : "",
      mark,
    ]);
    formats.push([null, null, "0", null, null, null, "0", entry ? valueFormat(entry.target) : "General", null, null]);
  }
  table(ws, 1, t.actualsHeader, rows, [28, 18, 6, 12, 9, 40, 7, 14, 7, 22], formats);
}

// ---------------------------------------------------------------------------------------------
// 按统计口径

/** How a measure row's figures are shown: a common display unit (亿元) when every target of it uses one. */
interface Display {
  unit: string;
  scale: number;
  format: string;
  percent: boolean;
}

function displayOf(row: MeasureRollupRow, catalog: Catalog): Display {
  const targets = catalog
    .byMeasure(row.measure)
    .filter((e) => row.figures.some((f) => f.planIds.includes(e.plan.id)))
    .map((e) => e.target);
  const values = row.figures.map((f) => f.value).filter((v): v is number => v != null);
  if (row.unit === "%" || row.unit === "％") return { unit: "%", scale: 100, format: "0.0%", percent: true };
  const scaled = targets.filter((x) => cellScale(x) !== 1 && !isPercentTarget(x));
  const first = scaled[0]?.display;
  if (first && scaled.length === targets.length && scaled.every((x) => x.display?.unit === first.unit && x.display?.scale === first.scale)) {
    const decimals = Math.min(3, Math.max(1, ...values.map((v) => decimalsOf(v / first.scale))));
    return { unit: first.unit, scale: first.scale, format: `0.${"0".repeat(decimals)}`, percent: false };
  }
  const decimals = Math.min(3, Math.max(0, ...values.map(decimalsOf)));
  return { unit: row.unit, scale: 1, format: decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0", percent: false };
}

function decimalsOf(n: number): number {
  if (Number.isInteger(n)) return 0;
  const m = /\.(\d+)/.exec(String(Number(n.toPrecision(12))));
  return m ? m[1].length : 0;
}

const GROUP_LEVELS = { province: ["province"], cities: ["city", "zone"], counties: ["county"] } as const;
type Group = keyof typeof GROUP_LEVELS;

/** One level's part of a row: the summed (or own) figure, or the plans' figures when not summed. */
interface Part {
  value: number | null;
  reported: number;
  planIds: string[];
  each: MeasureFigure[];
  notes: RollupText[];
}

function partOf(row: MeasureRollupRow, group: Group): Part | null {
  const figs = row.figures.filter((f) => (GROUP_LEVELS[group] as readonly string[]).includes(f.level));
  if (!figs.length) return null;
  const notes = figs.map((f) => f.note).filter((n): n is RollupText => n != null);
  // aggregate.ts: a figure without a value followed by each plan's own figure means "not summed".
  if (figs.length > 1 && figs[0].value === null) {
    return { value: null, reported: figs[0].planIds.length, planIds: figs[0].planIds, each: figs.slice(1), notes };
  }
  return { value: figs[0].value, reported: figs[0].planIds.length, planIds: figs[0].planIds, each: [], notes };
}

function kindText(row: MeasureRollupRow, lang: Lang): string {
  const kind = row.figures[0]?.kind;
  if (kind === "annual" || kind === "additions") return T[lang].flow;
  return kindLabel(kind ?? "", lang);
}

function writeMeasures(ws: ExcelJS.Worksheet, rowsIn: readonly MeasureRollupRow[], catalog: Catalog, lang: Lang): void {
  const t = T[lang];
  const rows: Cell[][] = [];
  const formats: Array<Array<string | null>> = [];
  const regionsOf = (ids: readonly string[]) => ids.map((id) => catalog.plan(id)?.region[lang] ?? id).join(lang === "zh" ? "、" : ", ");
  for (const row of rowsIn) {
    const d = displayOf(row, catalog);
    const shown = (v: number | null) => (v == null ? null : d.percent ? v / 100 : v / d.scale);
    const asText = (v: number) => (d.percent ? `${Number(v.toPrecision(12))}%` : `${Number((v / d.scale).toPrecision(12))}${d.scale !== 1 ? d.unit : ""}`);
    const prov = partOf(row, "province");
    const cities = partOf(row, "cities");
    const counties = partOf(row, "counties");
    const summed = (p: Part | null) => (p && !p.each.length ? p.value : null);
    const provValue = summed(prov);
    const cityValue = summed(cities);
    const difference = row.additive && provValue != null && cityValue != null ? provValue - cityValue : null;
    const each = [prov, cities, counties]
      .flatMap((p) => p?.each ?? [])
      .map((f) => `${regionsOf(f.planIds)} ${f.value == null ? "—" : asText(f.value)}`)
      .join(t.sep);
    const note = (["province", "cities", "counties"] as const)
      .map((g) => {
        const p = { province: prov, cities, counties }[g];
        return p && p.notes.length ? `${t.groupNames[g]}${t.colon}${p.notes.map((n) => n[lang]).join(t.sep)}` : "";
      })
      .filter(Boolean)
      .join(lang === "zh" ? "。" : ". ");
    rows.push([
      measureById(row.measure)?.name[lang] ?? row.measure,
      row.year,
      kindText(row, lang),
      d.unit,
      shown(provValue),
      prov ? regionsOf(prov.planIds) : "",
      shown(cityValue),
      cities ? cities.reported : null,
      shown(summed(counties)),
      counties ? counties.reported : null,
      shown(difference),
      each,
      note,
    ]);
    formats.push([null, "0", null, null, d.format, null, d.format, "0", d.format, "0", d.format, null, null]);
  }
  table(ws, 1, t.measuresHeader, rows, [24, 7, 16, 7, 14, 14, 14, 10, 14, 10, 14, 36, 80], formats);
}

// ---------------------------------------------------------------------------------------------
// 冲突 and 问题

function writeConflicts(ws: ExcelJS.Worksheet, result: RollupResult, catalog: Catalog, lang: Lang): void {
  const rows: Cell[][] = [];
  const formats: Array<Array<string | null>> = [];
  result.conflicts.forEach((c, i) => {
    const entry = catalog.get(c.targetId);
    for (const v of c.values) {
      rows.push([
        i + 1,
        c.targetId,
        entry ? planLabel(catalog, entry.plan.id, lang) : "",
        entry?.target.name[lang] ?? "",
        c.year,
        v.file,
        v.sheet,
        v.row,
        entry ? toCell(entry.target, v.value) : v.value,
        entry ? unitText(entry.target) : "",
      ]);
      formats.push(["0", null, null, null, "0", null, null, "0", entry ? valueFormat(entry.target) : "General", null]);
    }
  });
  table(ws, 1, T[lang].conflictsHeader, rows, [6, 9, 12, 40, 7, 28, 18, 6, 14, 7], formats);
}

function writeProblems(ws: ExcelJS.Worksheet, problems: readonly RollupProblem[], lang: Lang): void {
  const t = T[lang];
  const rows: Cell[][] = problems.map((p) => [p.file, p.sheet ?? "", p.row ?? null, t.kinds[p.kind] ?? p.kind, p.message[lang] || p.message.zh]);
  const formats = problems.map(() => [null, null, "0", null, null]);
  table(ws, 1, t.problemsHeader, rows, [28, 18, 6, 22, 90], formats);
}
