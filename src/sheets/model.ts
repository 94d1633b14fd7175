/**
 * The target sheets as plain data, computed from the catalogue: one sheet per plan (a title block
 * above an Excel table, a row per target, a column per year for the actuals officials type, then
 * the computed columns) and an overview sheet. No Office JS and no ExcelJS here: src/sheets/xlsx.ts
 * writes this model to a file, src/excel/ writes and refreshes it in a live workbook.
 */
import type { Catalog } from "../core/catalog/catalog";
import { noteIn, type Plan, type Target } from "../core/catalog/schema";
import { comparatorLabel, kindLabel } from "../core/functions/ip";
import { assess, familyOf, type Observation, STATUS_CODES, STATUS_LABELS, type StatusCode, type TargetRef } from "../core/method/method";
import { isPercentTarget } from "../core/method/percent";
import { baseTolerance } from "../core/method/rounding";
import type { MethodSettings } from "../core/method/settings";
import {
  a1Block,
  actualKey,
  type ColumnKey,
  type ColumnSpec,
  columnLetters,
  headerOf,
  isMilestoneKey,
  milestoneKey,
  planColumns,
  type RefKey,
} from "./columns";
import { a1Refs, DROPPED_LABEL, type RowFormulas, type RowRefs, rowFormulas, type SheetMode, tableRefs } from "./formulas";

export type CellValue = string | number | null;

export interface SheetOptions {
  mode: SheetMode;
  settings: MethodSettings;
  /** Actuals to fill in, by target id (the .xlsx builder and tests; a live refresh never writes actuals). */
  actuals?: Map<string, Observation[]>;
  /** Sheet names the workbook already uses; the model never takes one (compared case-insensitively). */
  takenSheetNames?: Iterable<string>;
  /** Table and defined names the workbook already uses. */
  takenTableNames?: Iterable<string>;
}

export interface SheetRow {
  target: Target;
  /** Values of the catalogue, actual and text columns. */
  values: Partial<Record<ColumnKey, CellValue>>;
  /** Number format of the row's value columns (base, target, actuals, latest, expected …). */
  valueFormat: string;
}

export interface ConditionalFormatSpec {
  column: ColumnKey;
  /** dataBar from 0 to 1, or a fill when the cell equals `text`. */
  type: "dataBar" | "equals";
  text?: string;
  fill?: string;
  font?: string;
}

export interface PlanSheet {
  plan: Plan;
  mode: SheetMode;
  settings: MethodSettings;
  sheetName: string;
  tableName: string;
  /** Workbook name that marks the sheet as the add-in's (it follows renames; see docs/sheets.md). */
  markName: string;
  /** Title block lines, from A1 down. */
  title: string[];
  /** 0-based row of the table's header; the table starts in column A. */
  headerRow: number;
  years: number[];
  /** Years of the milestone columns: the actual years and any other year a milestone is printed for. */
  milestoneYears: number[];
  columns: ColumnSpec[];
  rows: SheetRow[];
  /** Rows and columns frozen (title block and header; id and name). */
  freeze: { rows: number; columns: number };
  conditionalFormats: ConditionalFormatSpec[];
}

export interface OverviewSheet {
  sheetName: string;
  markName: string;
  title: string[];
  header: string[];
  /** 0-based row of the header. */
  headerRow: number;
  plans: Array<{ planId: string; name: string; title: string; targets: number; counts: Record<StatusCode, number> }>;
}

export interface WorkbookModel {
  sheets: PlanSheet[];
  overview: OverviewSheet;
}

export const MARK_PREFIX = "IPTargets.";
export const OVERVIEW_MARK = `${MARK_PREFIX}Overview`;
export const OVERVIEW_NAME = "总览";
export const markNameOf = (planId: string) => `${MARK_PREFIX}${planId}`;

/** Text a status cell shows, Chinese as the plan reviews write it. */
export const statusText = (code: StatusCode) => STATUS_LABELS[code].zh;

/** Fill and font colours of each status word (Excel's good / neutral / bad palette). */
export const STATUS_COLOURS: Record<StatusCode | "dropped", { fill: string; font: string }> = {
  achieved: { fill: "#C6EFCE", font: "#006100" },
  ahead: { fill: "#DDEBF7", font: "#1F4E78" },
  onTrack: { fill: "#E2EFDA", font: "#375623" },
  behind: { fill: "#FFEB9C", font: "#9C5700" },
  regressed: { fill: "#FFC7CE", font: "#9C0006" },
  noData: { fill: "#EDEDED", font: "#595959" },
  dropped: { fill: "#D9D9D9", font: "#7F7F7F" },
};

// ---- names ---------------------------------------------------------------------------------------

const SHEET_NAME_MAX = 31;

/** A sheet name Excel accepts: ≤ 31 characters, none of []:*?/\, not starting or ending with '. */
export function safeSheetName(raw: string): string {
  let s = raw.replace(/[[\]:*?/\\]/g, " ").replace(/\s+/g, " ").trim().replace(/^'+|'+$/g, "").trim();
  if (!s || s.toLowerCase() === "history") s = s ? `${s} 1` : "Sheet";
  return cut(s, SHEET_NAME_MAX).replace(/'+$/, "").trim();
}

function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let out = "";
  for (const ch of s) {
    if (out.length + ch.length > max) break;
    out += ch;
  }
  return out;
}

/** `name`, or `name (2)`, `name (3)` … the first one not taken (case-insensitive), within 31 characters. */
export function uniqueSheetName(name: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = safeSheetName(name);
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) {
    const suffix = ` (${n})`;
    const candidate = cut(base, SHEET_NAME_MAX - suffix.length).trimEnd() + suffix;
    if (!used.has(candidate.toLowerCase())) return candidate;
  }
}

/** IP_JZ, or IP_JZ_2 … when the workbook already uses the name for a table or a defined name. */
export function uniqueTableName(planId: string, taken: Iterable<string>): string {
  const used = new Set([...taken].map((t) => t.toLowerCase()));
  const base = `IP_${planId}`;
  if (!used.has(base.toLowerCase())) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`.toLowerCase())) return `${base}_${n}`;
}

export const planSheetName = (plan: Plan) => safeSheetName(`${plan.shortName.zh} ${plan.id}`);

// ---- rows ----------------------------------------------------------------------------------------

/**
 * The actual columns of a plan: from its earliest base year (or the year 新增 targets count from,
 * or the period's start) to its end, so officials can type the published base-year figure too.
 */
export function planYears(plan: Plan): number[] {
  let first = plan.period.start;
  for (const t of plan.targets) {
    if (t.base) first = Math.min(first, t.base.year);
    if (t.kind === "additions") first = Math.min(first, t.base?.year ?? plan.period.start - 1);
  }
  const years: number[] = [];
  for (let y = first; y <= plan.period.end; y++) years.push(y);
  return years;
}

/** The years of a plan's milestone columns: its actual years and every year a target prints a milestone for. */
export function planMilestoneYears(plan: Plan): number[] {
  const years = new Set(planYears(plan));
  for (const t of plan.targets) for (const m of t.milestones) years.add(m.year);
  return [...years].sort((a, b) => a - b);
}

function decimalsOf(n: number | null | undefined): number {
  if (n == null || Number.isInteger(n)) return 0;
  const m = /\.(\d+)/.exec(String(n));
  return m ? m[1].length : 0;
}

/**
 * Method units per unit of the target's cells. Cells hold figures the way the plan prints them and
 * an official types them: 亿元 and 万件 as 0.575 and 112.1 (the method counts 元 and 件), and the
 * figures of percent targets (isPercentTarget: unit %, or a growth kind, as IP.* reads them) as
 * Excel's percentages, 0.95 for 95 % (the method counts percent points). The scale
 * column carries this factor to the formulas.
 */
export function cellScale(t: Target): number {
  if (t.kind === "milestone") return 1;
  if (isPercentTarget(t)) return 100;
  if (t.display && t.unit && t.display.scale > 0) return t.display.scale;
  return 1;
}

/**
 * IP.* units per unit of the target's cells: as cellScale(), except that IP.* take and return the
 * figures of percent targets as Excel percentages (0.95 = 95 %, the rule of src/core/functions/ip.ts).
 */
export function ipScale(t: Target): number {
  return isPercentTarget(t) ? 1 : cellScale(t);
}

/** A figure in method units as its cell holds it. */
export const toCell = (t: Target, v: number | null | undefined): number | null => (v == null ? null : v / cellScale(t));

/** Decimals the plan prints the target's figures with, in the unit its cells hold (at most 3). */
export function planDecimals(t: Target): number {
  const figures = [t.base?.value, t.target.value, t.target.max, ...t.milestones.map((m) => m.value)].map((v) => toCell(t, v));
  return Math.min(3, Math.max(0, ...figures.map(decimalsOf)));
}

/**
 * Decimals a statistic is published with whatever the plan prints. A figure per 10,000 people
 * (每万人口…拥有量, measures *-per-10k) is published as 2.64件: a plan's round "3件" must not make a
 * typed 2.64 show as 3, which reads as the target met.
 */
export function customaryDecimals(t: Target): number {
  return /-per-10k$/.test(t.measure ?? "") || /每万人/.test(t.name.zh) ? 2 : 0;
}

/**
 * The number format of a target's values, in the unit its cells hold (cellScale()): 亿元 and 万件
 * with as many decimals as the plan prints, % as Excel percentages with one decimal, 分 with one,
 * counts with the plan's decimals (per-head figures with at least two: customaryDecimals), milestones ✓/✗. Plain formats only: no `!` escapes and no
 * thousands scaling, which LibreOffice and WPS do not show as Excel does.
 */
export function valueFormat(t: Target): string {
  if (t.kind === "milestone") return '[=1]"✓ 完成";[=0]"未完成";General';
  const decimals = Math.max(customaryDecimals(t), planDecimals(t));
  const fixed = (min: number) => `0${Math.max(min, decimals) ? "." + "0".repeat(Math.max(min, decimals)) : ""}`;
  if (isPercentTarget(t)) return "0.0%";
  if (t.display && t.unit && cellScale(t) !== 1) return `${fixed(1)}"${t.display.unit.replace(/"/g, "")}"`;
  if (t.unit === "分") return '0.0"分"';
  return decimals ? `#,##0.${"0".repeat(decimals)}` : "#,##0";
}

/** Validation of the actual cells: a number, with a bilingual hint (a warning, so pasted text still goes in). */
export const ACTUAL_VALIDATION = {
  title: "实际值 Actual",
  prompt: "按“单位”列的单位填写（亿元填 0.6；百分比填 95%；里程碑填 1 或 0） / In the unit the Unit column names (0.6 for 0.6亿元; 95% for a percentage; 1 or 0 for a milestone)",
  error: "请填写数字 / Please type a number",
};

export const PROGRESS_FORMAT = "0.0%";
export const YEAR_FORMAT = "0";

/** Number format of a column in a row (null: leave General). */
export function columnFormat(key: ColumnKey, row: SheetRow): string | null {
  switch (key) {
    case "baseYear":
    case "targetYear":
    case "startYear":
    case "latestYear":
    case "due":
    case "pbYear":
    case "dPrevYear":
    case "dNextYear":
    case "aPrevYear":
    case "aNextYear":
      return YEAR_FORMAT;
    case "progress":
      return PROGRESS_FORMAT;
    case "baseValue":
    case "targetValue":
    case "targetMax":
    case "startValue":
    case "latest":
    case "expected":
    case "projection":
      return row.valueFormat;
    default:
      return key.startsWith("actual:") || isMilestoneKey(key) ? row.valueFormat : null;
  }
}

function kindText(t: Target): string {
  let s = kindLabel(t.kind);
  if (t.comparator !== "reach" && t.comparator !== "none") s += `（${comparatorLabel(t.comparator)}）`;
  if (t.direction === "decrease") s += "，越低越好";
  return s;
}

/** The unit the cells hold, which is the unit an official types in. */
function unitText(t: Target): string {
  if (t.display && t.unit && cellScale(t) !== 1) return t.display.unit;
  return t.unit;
}

/** What an official should know beside the figures: conflicts first, visibly flagged; the plan data's notes in Chinese only. */
export function noteText(t: Target): string {
  const parts: string[] = [];
  for (const c of t.conflicts) {
    parts.push(`⚠ 数据冲突 Conflict: ${noteIn(c.note, "zh")}（另一处 other figure: ${c.value ?? "—"}）`);
  }
  if (t.milestones.length) {
    parts.push(`阶段目标 Milestones: ${[...t.milestones].sort((a, b) => a.year - b.year).map((m) => `${m.year}年 ${m.value}`).join("；")}`);
  }
  for (const d of t.derived) parts.push(`推算 Derived: ${noteIn(d.note, "zh")}`);
  if (t.note) parts.push(noteIn(t.note, "zh"));
  if (t.responsible.length) parts.push(`责任单位：${t.responsible.join("、")}`);
  return parts.join("；");
}

/** The note of a row whose target the plan no longer has. */
export const DROPPED_NOTE = `${DROPPED_LABEL}：规划修订后已无此指标，保留本行及已填实际值 / No longer in the plan: row and typed actuals kept`;

/** τ of a target's derived base, in method units (rounding.ts reads the target's own figures and quotes only). */
const tauOf = (t: Target): number => baseTolerance({ target: t } as TargetRef);

/**
 * The values of a target's catalogue, text, milestone and parameter columns: everything the row's
 * formulas read about the target, as plain values.
 */
export function catalogValues(t: Target): Partial<Record<ColumnKey, CellValue>> {
  const milestones = Object.fromEntries(t.milestones.map((m) => [milestoneKey(m.year), toCell(t, m.value)]));
  return {
    ...milestones,
    kindCode: t.kind,
    familyCode: familyOf(t.kind),
    comparatorCode: t.comparator,
    sign: t.direction === "decrease" ? -1 : 1,
    scale: cellScale(t),
    ipScale: ipScale(t),
    baseTolerance: tauOf(t),
    id: t.id,
    name: t.name.zh,
    unit: unitText(t),
    attribute: t.attribute ?? "",
    area: t.area,
    kind: kindText(t),
    baseYear: t.base?.year ?? null,
    baseValue: toCell(t, t.base?.value),
    targetYear: t.target.year,
    targetValue: toCell(t, t.target.value),
    targetMax: toCell(t, t.target.max),
    quote: t.quotes.join(" ｜ "),
    note: noteText(t),
  };
}

/** What a live sheet says of itself: it computes only where the add-in runs. */
export const LIVE_NOTE = {
  zh: "联动（IP.* 函数，只在装有本加载项的 Excel 中计算；在 WPS、LibreOffice 或未装加载项的 Excel 中计算列显示 #NAME?，请改用通用模式生成）",
  en: "live (IP.* functions, computed only in Excel with this add-in; in WPS, LibreOffice or Excel without it the computed columns show #NAME?: build the workbook in portable mode instead)",
};

/** The ideographic space that separates the fields of a Chinese title line. */
const GAP = "\u3000";

function planTitle(plan: Plan, mode: SheetMode): string[] {
  const period = `${plan.period.start}–${plan.period.end}`;
  return [
    plan.title.zh,
    plan.title.en,
    // The plan as officials cite it (title above, issuer, 文号); never the file name it was transcribed into (issue 12).
    `发布机关：${plan.issuer.zh}${GAP}文号：${plan.docNumber ?? "无"}${GAP}规划期：${period}年${GAP}${plan.draft ? "征求意见稿（草案）" : "正式文件"}`,
    `Issuer: ${plan.issuer.en} · No.: ${plan.docNumber ?? "none"} · Period: ${period} · ${plan.draft ? "Draft for comment" : "Final"}`,
    `在「年实际」列按“单位”列的单位填写各年实际值（亿元填 0.6，百分比填 95%），其余列自动计算。公式：${mode === "live" ? LIVE_NOTE.zh : "通用（原生函数，WPS / LibreOffice 可用）"} / Type each year's actual in the "年实际" columns in the unit the Unit column names (0.6 for 0.6亿元, 95% for a percentage); the rest computes itself. Formulas: ${mode === "live" ? LIVE_NOTE.en : "portable (native functions)"}`,
  ];
}

/** The sheet of one plan: title, columns, a row per target with its catalogue values and actuals. */
export function buildPlanSheet(plan: Plan, opts: SheetOptions): PlanSheet {
  const years = planYears(plan);
  const milestoneYears = planMilestoneYears(plan);
  const withMax = plan.targets.some((t) => t.target.max != null);
  const columns = planColumns(years, withMax, milestoneYears);
  const title = planTitle(plan, opts.mode);
  const rows: SheetRow[] = plan.targets.map((target) => {
    const values = catalogValues(target);
    const typed = opts.actuals?.get(target.id) ?? [];
    for (const y of milestoneYears) values[milestoneKey(y)] ??= null;
    for (const y of years) values[actualKey(y)] = null;
    for (const o of typed) if (years.includes(o.year)) values[actualKey(o.year)] = toCell(target, o.value);
    return { target, values, valueFormat: valueFormat(target) };
  });
  const conditionalFormats: ConditionalFormatSpec[] = [
    { column: "progress", type: "dataBar" },
    ...[...STATUS_CODES, "dropped" as const].map((code) => ({
      column: "status" as ColumnKey,
      type: "equals" as const,
      text: code === "dropped" ? DROPPED_LABEL : statusText(code),
      fill: STATUS_COLOURS[code].fill,
      font: STATUS_COLOURS[code].font,
    })),
  ];
  return {
    plan,
    mode: opts.mode,
    settings: opts.settings,
    sheetName: uniqueSheetName(planSheetName(plan), opts.takenSheetNames ?? []),
    tableName: uniqueTableName(plan.id, opts.takenTableNames ?? []),
    markName: markNameOf(plan.id),
    title,
    headerRow: title.length + 1,
    years,
    milestoneYears,
    columns,
    rows,
    freeze: { rows: title.length + 2, columns: 2 },
    conditionalFormats,
  };
}

// ---- formulas at the sheet's own layout ----------------------------------------------------------

/** Index of a column key in the sheet's layout. */
export function columnIndexOf(sheet: Pick<PlanSheet, "columns">, key: ColumnKey): number {
  const i = sheet.columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no column ${key}`);
  return i;
}

/**
 * References of a row at the model's own layout: A1 in portable mode (LibreOffice and WPS read
 * them everywhere), structured references in live mode ("ui": as Office JS writes them, "file": as
 * an .xlsx stores them).
 */
export function ownRefs(sheet: PlanSheet, rowIndex: number, style: "ui" | "file"): RowRefs {
  const keyOf = (k: RefKey | number): ColumnKey => (typeof k === "number" ? actualKey(k) : k);
  if (sheet.mode === "portable") {
    return a1Refs(sheet.headerRow + 1 + rowIndex, (k) => columnIndexOf(sheet, keyOf(k)));
  }
  return tableRefs(sheet.tableName, (k) => headerOf(keyOf(k)), style);
}

/** How an IP function is spelled: as typed in Excel, or as an .xlsx file stores an add-in function. */
export function ipFunctionName(style: "ui" | "file"): (name: string) => string {
  return style === "ui" ? (name) => `IP.${name}` : (name) => `_xldudf_IP_${name}`;
}

/** The formulas of a row's computed columns: the same for every target (the target is read from the row's cells). */
export function formulasFor(sheet: PlanSheet, target: Target | undefined, refs: RowRefs, style: "ui" | "file" = "ui"): RowFormulas {
  return rowFormulas({
    plan: sheet.plan,
    target,
    years: sheet.years,
    milestoneYears: sheet.milestoneYears,
    hasMax: sheet.columns.some((c) => c.key === "targetMax"),
    settings: sheet.settings,
    refs,
    mode: sheet.mode,
    ipName: ipFunctionName(style),
    file: style === "file",
  });
}

/** The sheet's rows as a grid (header first) of values and formulas, at the model's layout. */
export function tableGrid(sheet: PlanSheet, style: "ui" | "file" = "ui"): CellValue[][] {
  const header = sheet.columns.map((c) => c.header);
  const body = sheet.rows.map((row, i) => {
    const f = formulasFor(sheet, row.target, ownRefs(sheet, i, style), style);
    return sheet.columns.map((c) => (c.role === "computed" ? f[c.key as keyof RowFormulas] : (row.values[c.key] ?? null)));
  });
  return [header, ...body];
}

/** A1 address of the whole table (header and body) at the model's layout. */
export function tableAddress(sheet: PlanSheet): string {
  return a1Block(sheet.headerRow, 0, sheet.rows.length + 1, sheet.columns.length);
}

/** A1 range of one column's body, absolute, on the sheet: "'焦作 JZ'!$X$8:$X$67". */
export function bodyColumnRange(sheet: PlanSheet, key: ColumnKey): string {
  const col = columnLetters(columnIndexOf(sheet, key));
  const top = sheet.headerRow + 2;
  const bottom = sheet.headerRow + 1 + Math.max(1, sheet.rows.length);
  return `${quoteSheet(sheet.sheetName)}!$${col}$${top}:$${col}$${bottom}`;
}

/** A sheet name as a formula writes it: quoted unless plain letters, digits and underscores. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

// ---- the workbook --------------------------------------------------------------------------------

export const OVERVIEW_STATUS_COLUMNS: Array<StatusCode | "dropped"> = [...STATUS_CODES, "dropped"];

/** Counts by status of a sheet's rows for the given actuals (what its status column will show). */
export function statusCounts(sheet: PlanSheet, actuals?: Map<string, Observation[]>): Record<StatusCode, number> {
  const counts = Object.fromEntries(STATUS_CODES.map((c) => [c, 0])) as Record<StatusCode, number>;
  for (const row of sheet.rows) {
    try {
      counts[assess({ plan: sheet.plan, target: row.target }, actuals?.get(row.target.id) ?? [], sheet.years[sheet.years.length - 1], sheet.settings).status]++;
    } catch {
      // A year the method cannot answer shows #N/A in the sheet; it counts under no status.
    }
  }
  return counts;
}

export function buildOverview(sheets: readonly PlanSheet[], opts: SheetOptions): OverviewSheet {
  const taken = [...(opts.takenSheetNames ?? []), ...sheets.map((s) => s.sheetName)];
  return {
    sheetName: uniqueSheetName(OVERVIEW_NAME, taken),
    markName: OVERVIEW_MARK,
    title: ["规划目标总览", "Overview of plan targets: counts by status / 各规划按状态计数"],
    // Name first and the status counts next to it: the chart reads them as one block.
    header: [
      "规划 Plan",
      "名称 Name",
      ...OVERVIEW_STATUS_COLUMNS.map((c) => (c === "dropped" ? `${DROPPED_LABEL} Dropped` : `${STATUS_LABELS[c].zh} ${STATUS_LABELS[c].en}`)),
      "指标数 Targets",
    ],
    headerRow: 3,
    plans: sheets.map((s) => ({
      planId: s.plan.id,
      name: s.sheetName,
      title: s.plan.title.zh,
      targets: s.rows.length,
      counts: statusCounts(s, opts.actuals),
    })),
  };
}

/**
 * The overview's counting formulas for one plan: COUNTIF over the plan's status column, given how
 * to refer to that column (a structured reference in live mode, an A1 range in portable mode).
 */
export function overviewFormulas(statusRange: string, idRange: string): string[] {
  return [
    ...OVERVIEW_STATUS_COLUMNS.map((c) => `=COUNTIF(${statusRange},"${c === "dropped" ? DROPPED_LABEL : statusText(c)}")`),
    `=COUNTIF(${idRange},"?*")`,
  ];
}

/** The sheets of the chosen plans (all when none are named) and the overview. */
export function buildWorkbookModel(catalog: Catalog, planIds: readonly string[] | undefined, opts: SheetOptions): WorkbookModel {
  const wanted = planIds && planIds.length ? planIds : catalog.plans.map((p) => p.id);
  const unknown = wanted.filter((id) => !catalog.plan(id));
  if (unknown.length) {
    throw new Error(
      `未知的规划编号：${unknown.join(", ")}（可用：${catalog.plans.map((p) => p.id).join(", ")}） / unknown plan ids: ${unknown.join(", ")}`,
    );
  }
  const takenSheets = [...(opts.takenSheetNames ?? [])];
  const takenTables = [...(opts.takenTableNames ?? [])];
  const sheets: PlanSheet[] = [];
  for (const id of wanted) {
    const sheet = buildPlanSheet(catalog.plan(id) as Plan, { ...opts, takenSheetNames: takenSheets, takenTableNames: takenTables });
    takenSheets.push(sheet.sheetName);
    takenTables.push(sheet.tableName, sheet.markName);
    sheets.push(sheet);
  }
  return { sheets, overview: buildOverview(sheets, { ...opts, takenSheetNames: takenSheets }) };
}
