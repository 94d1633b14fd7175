/**
 * The 汇总 workbook (issue 13 §2; docs/rollup.md): what the province collected, the same bytes in Node
 * and in the browser. Five sheets — 说明 (when, how many files, how many problems), 实际值 (every
 * actual with the file, sheet and row it came from), 按统计口径 (the province's figure beside the sum of
 * its cities and counties), 冲突 and 问题.
 *
 * Plain values and native number formats only: no formula at all (nothing to recalculate, and the
 * same figures in WPS and LibreOffice), no `!` escapes in formats (LibreOffice does not read them).
 * Every text that came out of a workbook (file, sheet, id, problem) is untrusted: it is written as a
 * text value, so "=…" stays text and never becomes a formula.
 */
import { Catalog, normalizeId } from "../core/catalog/catalog";
import { measureById } from "../core/catalog/measures";
import type { Plan, Target } from "../core/catalog/schema";
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
    duplicateMark: "另有文件（或行）填了相同数值",
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
    duplicateMark: "the same figure is in another file (or row)",
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

export const rollupWorkbookXlsx: RollupWorkbookXlsx = async (result, given, lang) => {
  const t = T[lang];
  const catalog = withWorkbookPlans(given, result);
  const now = new Date();
  const book: Book = { styles: new Styles(), strings: new SharedStrings() };
  const sheets = [
    aboutSheet(new Sheet(t.sheets.about, book), result, lang, now),
    actualsSheet(new Sheet(t.sheets.actuals, book), result, catalog, lang),
    measuresSheet(new Sheet(t.sheets.measures, book), result.byMeasure, catalog, lang),
    conflictsSheet(new Sheet(t.sheets.conflicts, book), result, catalog, lang),
    problemsSheet(new Sheet(t.sheets.problems, book), result.problems, lang),
  ];
  return xlsxPackage(book, sheets, now);
};

/**
 * The catalogue the result's ids were resolved against: the given one plus the plans the workbooks
 * stored (a county's own plan), which the reader may hand over as `workbookPlans`, so those targets
 * are named and shown in their units too.
 */
function withWorkbookPlans(catalog: Catalog, result: RollupResult): Catalog {
  const stored = (result as RollupResult & { workbookPlans?: readonly Plan[] }).workbookPlans ?? [];
  const added = stored.filter((p) => catalog.plan(p.id) == null);
  return added.length ? new Catalog([...catalog.plans, ...added], catalog.issues) : catalog;
}

// ---------------------------------------------------------------------------------------------
// Cells

/**
 * Text from a workbook as a cell's text: control characters (which the file's XML cannot hold) become
 * U+FFFD and it is cut at Excel's 32,767 characters. Every string is written as a text cell (a shared
 * string), never as a formula, whatever it starts with.
 */
export function safeText(text: string | null | undefined): string {
  if (text == null) return "";
  // eslint-disable-next-line no-control-regex -- control characters are what it removes
  const clean = String(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, "\ufffd");
  return clean.length > 32767 ? clean.slice(0, 32766) + "…" : clean;
}

/** One table on a sheet: a bold header row, the rows, widths, an autofilter; the header frozen when it starts the sheet. */
function table(ws: Sheet, headerRow: number, header: readonly string[], rows: readonly Cell[][], widths: readonly number[], formats: ReadonlyArray<Array<string | null>> = []): Sheet {
  header.forEach((h, j) => ws.set(headerRow, j, h, { font: "bold", fill: true, wrap: true }));
  rows.forEach((cells, i) => cells.forEach((v, j) => ws.set(headerRow + 1 + i, j, v, formats[i]?.[j] ?? undefined)));
  widths.forEach((w, j) => ws.width(j, w));
  ws.autoFilter = `A${headerRow}:${columnLetters(header.length - 1)}${headerRow + Math.max(rows.length, 1)}`;
  if (headerRow === 1) ws.freezeRows = 1;
  return ws;
}

// ---------------------------------------------------------------------------------------------
// 说明

function aboutSheet(ws: Sheet, result: RollupResult, lang: Lang, now: Date): Sheet {
  const t = T[lang];
  ws.set(1, 0, t.title, { font: "title" });
  ws.set(2, 0, t.subtitle, { font: "muted" });
  const years = [...new Set(result.actuals.map((a) => a.year))].sort((a, b) => a - b);
  const facts: Array<[string, Cell, string | undefined]> = [
    // A date cell holds wall-clock time: the collecting machine's local time.
    [t.about.collected, new Date(now.getTime() - now.getTimezoneOffset() * 60000), "yyyy-mm-dd hh:mm"],
    [t.about.files, result.files.length, "0"],
    [t.about.read, result.files.filter((f) => f.actuals > 0).length, "0"],
    [t.about.actuals, result.actuals.length, "0"],
    [t.about.years, years.length ? (years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`) : "—", undefined],
    [t.about.measures, result.byMeasure.length, "0"],
    [t.about.conflicts, result.conflicts.length, "0"],
    [t.about.problems, result.problems.length, "0"],
  ];
  ws.set(4, 0, t.about.key, { font: "bold" });
  ws.set(4, 1, t.about.value, { font: "bold" });
  facts.forEach(([key, value, numFmt], i) => {
    ws.set(5 + i, 0, key);
    ws.set(5 + i, 1, value, { numFmt, left: true });
  });
  let at = 5 + facts.length + 1;
  t.guide.forEach((line, i) => ws.set(at + i, 0, line, i === 0 ? { font: "bold" } : {}));
  at += t.guide.length + 1;

  const problemsOf = new Map<string, number>();
  for (const p of result.problems) problemsOf.set(p.file, (problemsOf.get(p.file) ?? 0) + 1);
  const files = new Map(result.files.map((f) => [f.name, f]));
  const names = [...files.keys(), ...[...problemsOf.keys()].filter((n) => !files.has(n))];
  const rows: Cell[][] = names.map((name) => {
    const f = files.get(name);
    return [name, f?.sheets ?? 0, f?.actuals ?? 0, f?.planIds.join(lang === "zh" ? "、" : ", ") ?? "", t.modes[f?.mode ?? "unknown"], problemsOf.get(name) ?? 0];
  });
  // Column B also holds the date above: wide enough for "2026-12-01 09:30".
  return table(ws, at, t.filesHeader, rows, [44, 18, 12, 16, 12, 10]);
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

function actualsSheet(ws: Sheet, result: RollupResult, catalog: Catalog, lang: Lang): Sheet {
  const t = T[lang];
  const conflicting = new Set(result.conflicts.map((c) => `${c.targetId}\u0000${c.year}`));
  const count = new Map<string, number>();
  // Ids as aggregate.ts keys them: the catalogue's spelling, else normalised.
  const keyOf = (id: string, year: number) => `${catalog.get(id)?.target.id ?? normalizeId(id)}\u0000${year}`;
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
  return table(ws, 1, t.actualsHeader, rows, [28, 18, 6, 12, 9, 40, 7, 14, 7, 22], formats);
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

function measuresSheet(ws: Sheet, rowsIn: readonly MeasureRollupRow[], catalog: Catalog, lang: Lang): Sheet {
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
  return table(ws, 1, t.measuresHeader, rows, [24, 7, 16, 7, 14, 14, 14, 10, 14, 10, 14, 36, 80], formats);
}

// ---------------------------------------------------------------------------------------------
// 冲突 and 问题

function conflictsSheet(ws: Sheet, result: RollupResult, catalog: Catalog, lang: Lang): Sheet {
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
  return table(ws, 1, T[lang].conflictsHeader, rows, [6, 9, 12, 40, 7, 28, 18, 6, 14, 7], formats);
}

function problemsSheet(ws: Sheet, problems: readonly RollupProblem[], lang: Lang): Sheet {
  const t = T[lang];
  const rows: Cell[][] = problems.map((p) => [p.file, p.sheet ?? "", p.row ?? null, t.kinds[p.kind] ?? p.kind, p.message[lang] || p.message.zh]);
  const formats = problems.map(() => [null, null, "0", null, null]);
  return table(ws, 1, t.problemsHeader, rows, [28, 18, 6, 22, 90], formats);
}

// ---------------------------------------------------------------------------------------------
// The file: SpreadsheetML written directly (ExcelJS took 7–12 s for the 100,000 actuals of 200 county
// workbooks; this takes about one). Only what the roll-up uses: text, numbers, dates, number formats,
// bold/large/grey fonts, one fill, wrap, column widths, a frozen header, an autofilter.

interface Style {
  numFmt?: string;
  font?: "bold" | "title" | "muted";
  fill?: boolean;
  wrap?: boolean;
  left?: boolean;
}

/** The registries every sheet of one file shares. */
interface Book {
  styles: Styles;
  strings: SharedStrings;
}

/**
 * A sheet as it is written: each row's cells become XML as they are set (columns in ascending order
 * within a row), so 100,000 rows are not held as objects.
 */
class Sheet {
  /** Finished rows' XML, and the row being set (flattened to one string when the next row starts: few live objects). */
  private readonly rows = new Map<number, string>();
  private current: { row: number; cells: string[]; last: number } | null = null;
  readonly widths = new Map<number, number>();
  freezeRows = 0;
  autoFilter: string | null = null;

  constructor(
    readonly name: string,
    private readonly book: Book,
  ) {}

  /** Sets a cell (row 1-based, column 0-based); an empty value leaves it blank. A string style is a number format. */
  set(row: number, col: number, value: Cell | undefined, style?: Style | string): void {
    if (value === null || value === undefined || value === "") return;
    if (typeof value === "number" && !Number.isFinite(value)) return;
    if (this.current?.row !== row) {
      this.flush();
      if (this.rows.has(row)) throw new Error(`row ${row} set again after another row`);
      this.current = { row, cells: [], last: -1 };
    }
    const r = this.current;
    if (col <= r.last) throw new Error(`cell ${columnLetters(col)}${row} set after a cell to its right`);
    r.last = col;
    const s = this.book.styles.index(style);
    const attrs = `r="${columnLetters(col)}${row}"${s ? ` s="${s}"` : ""}`;
    // Text is always a shared string (t="s"): never a formula, whatever it starts with.
    if (typeof value === "string") r.cells.push(`<c ${attrs} t="s"><v>${this.book.strings.index(safeText(value))}</v></c>`);
    else r.cells.push(`<c ${attrs}><v>${typeof value === "number" ? value : excelDate(value)}</v></c>`);
  }

  private flush(): void {
    if (this.current) this.rows.set(this.current.row, this.current.cells.join(""));
    this.current = null;
  }

  width(col: number, width: number): void {
    this.widths.set(col, width);
  }

  xml(first: boolean): string {
    this.flush();
    const parts: string[] = [XML_HEAD, `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">`];
    const top = `A${this.freezeRows + 1}`;
    const view = this.freezeRows
      ? `<pane ySplit="${this.freezeRows}" topLeftCell="${top}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="${top}" sqref="${top}"/>`
      : "";
    parts.push(`<sheetViews><sheetView${first ? ' tabSelected="1"' : ""} workbookViewId="0">${view}</sheetView></sheetViews>`);
    parts.push('<sheetFormatPr defaultRowHeight="15"/>');
    if (this.widths.size) {
      const cols = [...this.widths].sort((a, b) => a[0] - b[0]).map(([c, w]) => `<col min="${c + 1}" max="${c + 1}" width="${w}" customWidth="1"/>`);
      parts.push(`<cols>${cols.join("")}</cols>`);
    }
    parts.push("<sheetData>");
    for (const r of [...this.rows.keys()].sort((a, b) => a - b)) parts.push(`<row r="${r}">${this.rows.get(r)}</row>`);
    parts.push("</sheetData>");
    if (this.autoFilter) parts.push(`<autoFilter ref="${this.autoFilter}"/>`);
    parts.push("</worksheet>");
    return parts.join("");
  }
}

const FONTS = {
  normal: '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  bold: '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>',
  title: '<font><b/><sz val="14"/><name val="Calibri"/><family val="2"/></font>',
  muted: '<font><i/><sz val="11"/><color rgb="FF595959"/><name val="Calibri"/><family val="2"/></font>',
};
const FONT_IDS = { bold: 1, title: 2, muted: 3 } as const;

/** Cell formats (xf) and number formats, registered as the cells use them. */
class Styles {
  private readonly formats = new Map<string, number>();
  private readonly xfs = new Map<string, number>([["", 0]]);
  private readonly xfXml = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];

  private readonly byFormat = new Map<string, number>();

  index(style: Style | string | undefined): number {
    if (!style) return 0;
    if (typeof style === "string") {
      // The common case, a number format alone: looked up without building a key.
      let id = this.byFormat.get(style);
      if (id === undefined) this.byFormat.set(style, (id = this.index({ numFmt: style })));
      return id;
    }
    const key = `${style.numFmt ?? ""}\u0000${style.font ?? ""}\u0000${style.fill ? 1 : 0}${style.wrap ? 1 : 0}${style.left ? 1 : 0}`;
    let id = this.xfs.get(key);
    if (id !== undefined) return id;
    let fmtId = 0;
    if (style.numFmt && style.numFmt !== "General") {
      fmtId = this.formats.get(style.numFmt) ?? 164 + this.formats.size;
      this.formats.set(style.numFmt, fmtId);
    }
    const fontId = style.font ? FONT_IDS[style.font] : 0;
    const fillId = style.fill ? 2 : 0;
    const align = style.wrap || style.left ? `<alignment${style.left ? ' horizontal="left"' : ""}${style.wrap ? ' vertical="center" wrapText="1"' : ""}/>` : "";
    this.xfXml.push(
      `<xf numFmtId="${fmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"` +
        `${fmtId ? ' applyNumberFormat="1"' : ""}${fontId ? ' applyFont="1"' : ""}${fillId ? ' applyFill="1"' : ""}` +
        (align ? ` applyAlignment="1">${align}</xf>` : "/>"),
    );
    id = this.xfXml.length - 1;
    this.xfs.set(key, id);
    return id;
  }

  xml(): string {
    const fmts = [...this.formats].map(([code, id]) => `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`).join("");
    return (
      XML_HEAD +
      `<styleSheet xmlns="${NS_MAIN}">` +
      (fmts ? `<numFmts count="${this.formats.size}">${fmts}</numFmts>` : "") +
      `<fonts count="4">${FONTS.normal}${FONTS.bold}${FONTS.title}${FONTS.muted}</fonts>` +
      '<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>' +
      '<fill><patternFill patternType="solid"><fgColor rgb="FFDDEBF7"/><bgColor indexed="64"/></patternFill></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      `<cellXfs count="${this.xfXml.length}">${this.xfXml.join("")}</cellXfs>` +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      "</styleSheet>"
    );
  }
}

/** Every text once (the file's shared strings). */
class SharedStrings {
  private readonly ids = new Map<string, number>();
  private count = 0;

  index(text: string): number {
    this.count += 1;
    let id = this.ids.get(text);
    if (id === undefined) this.ids.set(text, (id = this.ids.size));
    return id;
  }

  xml(): string {
    const items: string[] = [];
    for (const text of this.ids.keys()) {
      const space = /^\s|\s$|\n/.test(text) ? ' xml:space="preserve"' : "";
      items.push(`<si><t${space}>${escapeXml(text)}</t></si>`);
    }
    return XML_HEAD + `<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.ids.size}">${items.join("")}</sst>`;
  }
}

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";

function escapeXml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => (c === "&" ? "&amp;" : c === "<" ? "&lt;" : c === ">" ? "&gt;" : "&quot;"));
}

/** Excel's serial day number of a date cell (the 1900 system). */
const excelDate = (d: Date) => d.getTime() / 86400000 + 25569;

const absolute = (ref: string) => ref.replace(/([A-Z]+)(\d+)/g, "$$$1$$$2");

async function xlsxPackage(book: Book, sheets: readonly Sheet[], now: Date): Promise<Uint8Array> {
  const sheetParts = sheets.map((s, i) => s.xml(i === 0));
  const quoteName = (name: string) => `'${name.replace(/'/g, "''")}'`;
  const filters = sheets
    .map((s, i) => (s.autoFilter ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">${escapeXml(`${quoteName(s.name)}!${absolute(s.autoFilter)}`)}</definedName>` : ""))
    .join("");
  const workbook =
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}"><bookViews><workbookView/></bookViews><sheets>` +
    sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join("") +
    `</sheets>${filters ? `<definedNames>${filters}</definedNames>` : ""}</workbook>`;
  const workbookRels =
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join("") +
    `<Relationship Id="rId${sheets.length + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${sheets.length + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    "</Relationships>";
  const ct = "application/vnd.openxmlformats-officedocument";
  const contentTypes =
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${ct}.spreadsheetml.sheet.main+xml"/>` +
    sheets.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${ct}.spreadsheetml.worksheet+xml"/>`).join("") +
    `<Override PartName="/xl/styles.xml" ContentType="${ct}.spreadsheetml.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${ct}.spreadsheetml.sharedStrings+xml"/>` +
    '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
    `<Override PartName="/docProps/app.xml" ContentType="${ct}.extended-properties+xml"/>` +
    "</Types>";
  const rootRels =
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">` +
    `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
    `<Relationship Id="rId3" Type="${NS_REL}/extended-properties" Target="docProps/app.xml"/>` +
    "</Relationships>";
  const iso = now.toISOString().replace(/\.\d{3}Z$/, "Z");
  const core =
    XML_HEAD +
    '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" ' +
    'xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    "<dc:title>知识产权规划目标汇总 IP plan targets roll-up</dc:title><dc:creator>知识产权规划目标 IP plan targets</dc:creator>" +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${iso}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${iso}</dcterms:modified>` +
    "</cp:coreProperties>";
  const app = XML_HEAD + '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>IP plan targets</Application></Properties>';
  return zip(
    [
      ["[Content_Types].xml", contentTypes],
      ["_rels/.rels", rootRels],
      ["docProps/core.xml", core],
      ["docProps/app.xml", app],
      ["xl/workbook.xml", workbook],
      ["xl/_rels/workbook.xml.rels", workbookRels],
      ["xl/styles.xml", book.styles.xml()],
      ["xl/sharedStrings.xml", book.strings.xml()],
      ...sheetParts.map((xml, i): [string, string] => [`xl/worksheets/sheet${i + 1}.xml`, xml]),
    ],
    now,
  );
}

// ---------------------------------------------------------------------------------------------
// The zip container: deflated by the platform's CompressionStream (Node 18+, current browsers), or
// stored uncompressed where there is none (a valid, larger file).

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = CRC_TABLE[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

async function deflateRaw(data: Uint8Array): Promise<Uint8Array | null> {
  if (typeof CompressionStream === "undefined") return null;
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream("deflate-raw"));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

async function zip(files: ReadonlyArray<[string, string]>, when: Date): Promise<Uint8Array> {
  const encoder = new TextEncoder();
  const time = (when.getHours() << 11) | (when.getMinutes() << 5) | (when.getSeconds() >> 1);
  const date = ((Math.max(1980, when.getFullYear()) - 1980) << 9) | ((when.getMonth() + 1) << 5) | when.getDate();
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of files) {
    const raw = encoder.encode(text);
    const deflated = await deflateRaw(raw);
    const data = deflated ?? raw;
    const method = deflated ? 8 : 0;
    const crc = crc32(raw);
    const nameBytes = encoder.encode(name);
    const local = new Uint8Array(30 + nameBytes.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, 0x0800, true); // UTF-8 names
    lv.setUint16(8, method, true);
    lv.setUint16(10, time, true);
    lv.setUint16(12, date, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, raw.length, true);
    lv.setUint16(26, nameBytes.length, true);
    local.set(nameBytes, 30);
    const entry = new Uint8Array(46 + nameBytes.length);
    const cv = new DataView(entry.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, 0x0800, true);
    cv.setUint16(10, method, true);
    cv.setUint16(12, time, true);
    cv.setUint16(14, date, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, raw.length, true);
    cv.setUint16(28, nameBytes.length, true);
    cv.setUint32(42, offset, true);
    entry.set(nameBytes, 46);
    chunks.push(local, data);
    central.push(entry);
    offset += local.length + data.length;
  }
  const centralSize = central.reduce((n, c) => n + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, files.length, true);
  ev.setUint16(10, files.length, true);
  ev.setUint32(12, centralSize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + centralSize + 22);
  let p = 0;
  for (const c of [...chunks, ...central, end]) {
    out.set(c, p);
    p += c.length;
  }
  return out;
}
