/**
 * What to write, as plain data: from the sheet model and what the workbook holds (read in one sync),
 * the list of operations that creates a plan's sheet or refreshes it. Pure, so the rules that keep
 * officials' numbers safe are tested without Excel:
 * - rows are matched by target id, never by position;
 * - actual columns are never written in existing rows (typed values cannot be lost or moved);
 * - columns the official added, and rows without an id, are never written;
 * - a target the plan dropped keeps its row, flagged; nothing is deleted.
 */
import { normalizeId } from "../core/catalog/catalog";
import { MethodError } from "../core/method/method";
import {
  a1,
  a1Block,
  type ColumnKey,
  type ComputedKey,
  columnLetters,
  headerOf,
  isActualKey,
  keyOfHeader,
  yearOfKey,
  roleOf,
} from "../sheets/columns";
import { a1Refs, DROPPED_LABEL, type RowRefs, tableRefs } from "../sheets/formulas";
import {
  catalogValues,
  cellScale,
  type CellValue,
  columnFormat,
  type ConditionalFormatSpec,
  DROPPED_NOTE,
  formulasFor,
  type OverviewSheet,
  overviewFormulas,
  type PlanSheet,
  quoteSheet,
  type SheetRow,
} from "../sheets/model";
import { actualInMethodUnits, actualsInCellUnits, OldUnitsFormulaError, tidy } from "./units";

export type Cell = string | number | boolean;
export type Matrix = Cell[][];
/** A block to write; null leaves that cell as it is (Office JS skips null entries). */
export type SparseMatrix = Array<Array<Cell | null>>;

export interface CellStyle {
  bold?: boolean;
  italic?: boolean;
  size?: number;
  color?: string;
  wrap?: boolean;
  /** Column width in characters. */
  width?: number;
  /** Row height in points. */
  height?: number;
  /** Hide the range's whole columns (technical columns, as the .xlsx builder groups and hides them). */
  hideColumns?: boolean;
}

export type WriteOp =
  | { op: "addSheet"; sheet: string; first?: boolean }
  /** Values and formulas (formulas takes both), or number formats, of a block. */
  | { op: "cells"; sheet: string; address: string; kind: "formulas" | "numberFormat"; data: SparseMatrix }
  | { op: "clear"; sheet: string; address: string }
  | { op: "addTable"; sheet: string; address: string; table: string }
  | { op: "addRows"; table: string; values: Matrix }
  | { op: "addColumn"; table: string; index: number; header: string }
  | { op: "style"; sheet: string; address: string; style: CellStyle }
  | { op: "freeze"; sheet: string; address: string }
  | { op: "conditionalFormats"; sheet: string; address: string; rules: ConditionalFormatSpec[] }
  | { op: "validation"; sheet: string; address: string }
  /** Creates or re-points the hidden workbook name that marks a sheet as the add-in's. */
  | { op: "mark"; name: string; formula: string; replace: boolean }
  /** Hides a mark that shows (NamedItem.visible may not take on some builds: marks work either way). */
  | { op: "hideMark"; name: string }
  /** Shows every row of a filtered table before the writes (office-js #224). */
  | { op: "clearFilters"; table: string }
  /** Puts the official's filter back on a column after the writes. */
  | { op: "filter"; table: string; column: string; criteria: FilterCriteria }
  | { op: "chart"; sheet: string; address: string; name: string; exists: boolean };

/** A column's filter as Office JS hands it out (AutoFilter.criteria), passed back as it came. */
export type FilterCriteria = { filterOn?: string } & Record<string, unknown>;

/** What the read sync found of one of the add-in's tables. */
export interface FoundTable {
  planId: string;
  tableName: string;
  sheetName: string;
  /** 0-based row and column of the header's first cell. */
  top: number;
  left: number;
  header: string[];
  /** Body values; absent when only the header was read (plans not being refreshed). */
  body?: Cell[][];
  /** The mark points at cells (as the .xlsx builder writes it): re-point it at the table. */
  markNeedsUpdate: boolean;
  /** The mark shows in the Name Manager: hide it (without deleting it). */
  markVisible?: boolean;
  /** Body formulas, read only for a table of an earlier version whose actuals change unit. */
  formulas?: Cell[][];
}

export interface PlanOutcome {
  planId: string;
  sheetName: string;
  tableName: string;
  /** Rows added for targets new to the sheet. */
  added: number;
  /** Existing rows whose catalogue figures changed. */
  updated: number;
  /** Existing rows whose catalogue figures were already current (their formulas are rewritten). */
  kept: number;
  /** Rows of targets no longer in the plan: kept with their actuals, marked 已不在规划中. */
  flagged: number;
  /** Things the official should know, in Chinese and English. */
  notes: string[];
}

export interface Planned {
  ops: WriteOp[];
  outcome: PlanOutcome;
  /** Where the overview counts this plan's rows after the writes. */
  source: OverviewSource;
}

/** Where the overview counts a plan's rows. */
export interface OverviewSource {
  planId: string;
  sheetName: string;
  statusRange: string;
  idRange: string;
}

const TITLE_STYLES: CellStyle[] = [{ bold: true, size: 14 }, { italic: true, color: "#595959" }, { size: 9, color: "#595959" }];

/** Text Excel must not read as a formula (a leading = + - @): prefixed with ' as a typist would. */
export function asText(v: CellValue | undefined): Cell {
  if (v == null) return "";
  if (typeof v === "string" && /^[=+\-@]/.test(v)) return "'" + v;
  return v;
}

export const markFormula = (tableName: string) => `=${tableName}[#Headers]`;

const isFormula = (v: Cell | null | undefined): v is string => typeof v === "string" && v.startsWith("=");

/**
 * A formula that is only a constant (=2022, =-0.5, =""), as the value it stands for: a parameter
 * cell is never written as a formula, so a calculated column's fill-down has nothing of ours to
 * copy from it, and the cell keeps its own number (docs/excel-behaviour.md, calculated columns).
 */
export function constantOf(v: Cell): Cell {
  if (!isFormula(v)) return v;
  const body = v.slice(1).trim();
  if (/^-?(\d+\.?\d*|\.\d+)([Ee][+-]?\d+)?$/.test(body)) return Number(body);
  const text = /^"((?:[^"]|"")*)"$/.exec(body);
  if (text) return asText(text[1].replace(/""/g, '"'));
  return v;
}

/**
 * The writes of one computed column, safe under Excel's calculated columns: first its formulas
 * (null over the rows that will hold a value, undefined leaves a row out), then the values. When
 * Excel fills the column with a formula it wrote (office-js #2093, #5909), the values written after
 * it stand as exceptions; when it does not, the order changes nothing.
 */
function computedColumnOps(
  sheet: string,
  firstRow: number,
  column: number,
  n: number,
  at: (i: number) => Cell | undefined,
): WriteOp[] {
  return [
    ...columnRuns(sheet, firstRow, column, n, (i) => {
      const v = at(i);
      return v === undefined ? undefined : isFormula(v) ? v : null;
    }, "formulas"),
    ...columnRuns(sheet, firstRow, column, n, (i) => {
      const v = at(i);
      return v === undefined || isFormula(v) ? undefined : v;
    }, "formulas"),
  ];
}

function titleOps(sheetName: string, lines: string[], row: number, col: number): WriteOp[] {
  return [
    { op: "cells", sheet: sheetName, address: a1Block(row, col, lines.length, 1), kind: "formulas", data: lines.map((l) => [asText(l)]) },
    ...lines.map((_, i): WriteOp => ({
      op: "style",
      sheet: sheetName,
      address: a1(row + i, col),
      style: TITLE_STYLES[Math.min(i, TITLE_STYLES.length - 1)],
    })),
  ];
}

// ---- a new sheet ---------------------------------------------------------------------------------

/** Creates a plan's sheet: title, table with every target, formats, the mark. */
export function planNewSheet(sheet: PlanSheet): Planned {
  const name = sheet.sheetName;
  const cols = sheet.columns.length;
  const n = sheet.rows.length;
  const top = sheet.headerRow;
  const ops: WriteOp[] = [{ op: "addSheet", sheet: name }, ...titleOps(name, sheet.title, 0, 0)];
  ops.push({ op: "cells", sheet: name, address: a1Block(top, 0, 1, cols), kind: "formulas", data: [sheet.columns.map((c) => c.header)] });
  // Ids, table and mark first: a write cancelled or cut off after them is completed by the next
  // refresh, which finds the sheet by its mark and the rows by their ids.
  ops.push({ op: "cells", sheet: name, address: a1Block(top + 1, 0, n, 1), kind: "formulas", data: sheet.rows.map((r) => [r.target.id]) });
  ops.push({ op: "addTable", sheet: name, address: a1Block(top, 0, n + 1, cols), table: sheet.tableName });
  ops.push({ op: "mark", name: sheet.markName, formula: markFormula(sheet.tableName), replace: false });
  const refsAt = (i: number): RowRefs =>
    sheet.mode === "portable"
      ? a1Refs(top + 1 + i, (k) => sheet.columns.findIndex((c) => c.key === (typeof k === "number" ? `actual:${k}` : k)))
      : tableRefs(sheet.tableName, (k) => headerOf(typeof k === "number" ? `actual:${k}` : k), "ui");
  const body = sheet.rows.map((row, i) => {
    const f = formulasFor(sheet, row.target, refsAt(i));
    return sheet.columns.map((c): Cell => {
      if (c.role === "computed") return constantOf(f[c.key as ComputedKey]);
      if (c.role === "actual") return "";
      return asText(row.values[c.key]);
    });
  });
  // Computed columns' values after their formulas (see computedColumnOps).
  ops.push({
    op: "cells",
    sheet: name,
    address: a1Block(top + 1, 0, n, cols),
    kind: "formulas",
    data: body.map((cells) => cells.map((v, j) => (sheet.columns[j].role === "computed" && !isFormula(v) ? null : v))),
  });
  sheet.columns.forEach((c, j) => {
    if (c.role !== "computed") return;
    ops.push(...columnRuns(name, top + 1, j, n, (i) => (isFormula(body[i][j]) ? undefined : body[i][j]), "formulas"));
  });
  ops.push({
    op: "cells",
    sheet: name,
    address: a1Block(top + 1, 0, n, cols),
    kind: "numberFormat",
    data: sheet.rows.map((row) => sheet.columns.map((c) => columnFormat(c.key, row) ?? "General")),
  });
  ops.push({ op: "style", sheet: name, address: a1Block(top, 0, 1, cols), style: { wrap: true, height: 32 } });
  // Milestone, parameter and helper columns are the formulas' own: hidden, as in the .xlsx (Excel's Unhide shows them).
  sheet.columns.forEach((c, j) => ops.push({ op: "style", sheet: name, address: a1(top, j), style: c.technical ? { width: c.width, hideColumns: true } : { width: c.width } }));
  ops.push({ op: "freeze", sheet: name, address: a1Block(0, 0, sheet.freeze.rows, sheet.freeze.columns) });
  ops.push(...bodyRules(sheet, name, top + 1, n, (key) => sheet.columns.findIndex((c) => c.key === key)));
  return {
    ops,
    outcome: { planId: sheet.plan.id, sheetName: name, tableName: sheet.tableName, added: n, updated: 0, kept: 0, flagged: 0, notes: [] },
    source: overviewSource(
      { planId: sheet.plan.id, sheetName: name, tableName: sheet.tableName, top, left: 0, header: sheet.columns.map((c) => c.header) },
      n,
      sheet.mode,
    ),
  };
}

/** Data bar, status colours and the actuals' validation over the body rows. */
function bodyRules(sheet: PlanSheet, name: string, firstRow: number, n: number, col: (key: ColumnKey) => number): WriteOp[] {
  if (n === 0) return [];
  const ops: WriteOp[] = [];
  for (const key of ["progress", "status"] as const) {
    const c = col(key);
    if (c >= 0) {
      ops.push({ op: "conditionalFormats", sheet: name, address: a1Block(firstRow, c, n, 1), rules: sheet.conditionalFormats.filter((r) => r.column === key) });
    }
  }
  const years = sheet.years;
  const from = col(`actual:${years[0]}`);
  const to = col(`actual:${years[years.length - 1]}`);
  if (from >= 0 && to >= from) ops.push({ op: "validation", sheet: name, address: a1Block(firstRow, from, n, to - from + 1) });
  return ops;
}

// ---- a refresh -----------------------------------------------------------------------------------

type RowRole = { kind: "target"; row: SheetRow } | { kind: "dropped"; id: string } | { kind: "user" };

const CATALOG_COMPARED: ColumnKey[] = [
  "name", "unit", "attribute", "area", "kind", "baseYear", "baseValue", "targetYear", "targetValue", "targetMax",
];

function sameCell(found: Cell | undefined, want: CellValue | undefined): boolean {
  const blank = (v: unknown) => v == null || v === "";
  if (blank(found) || blank(want)) return blank(found) && blank(want);
  if (typeof want === "number") return Number(found) === want;
  return String(found).trim() === String(want).trim();
}

/**
 * Refreshes one of the add-in's tables to the model: adds the columns and rows it lacks, rewrites
 * the add-in's columns of the rows it recognises by id, flags rows of dropped targets. Writes are
 * per column and per run of consecutive rows of targets, so neither the official's own columns nor
 * any actual cell of an existing row is ever in a written range.
 */
export function planRefresh(found: FoundTable, sheet: PlanSheet): Planned {
  const notes: string[] = [];
  const ops: WriteOp[] = [];
  const name = found.sheetName;
  const table = found.tableName;
  const body = found.body ?? [];

  // Columns: the header as it will be after adding what is missing, and where each came from.
  const header = [...found.header];
  const keys = header.map(keyOfHeader);
  const origin: Array<number | null> = header.map((_, j) => j);
  const modelKeys = sheet.columns.map((c) => c.key);
  const added = new Set<ColumnKey>();
  modelKeys.forEach((key, m) => {
    if (keys.includes(key)) return;
    let index = -1;
    for (let p = m - 1; p >= 0 && index < 0; p--) {
      const at = keys.indexOf(modelKeys[p]);
      if (at >= 0) index = at + 1;
    }
    if (index < 0) {
      for (let p = m + 1; p < modelKeys.length && index < 0; p++) {
        const at = keys.indexOf(modelKeys[p]);
        if (at >= 0) index = at;
      }
    }
    if (index < 0) index = header.length;
    header.splice(index, 0, headerOf(key));
    keys.splice(index, 0, key);
    origin.splice(index, 0, null);
    added.add(key);
    ops.push({ op: "addColumn", table, index, header: headerOf(key) });
  });
  const col = (key: ColumnKey) => keys.indexOf(key);
  if (added.has("id")) {
    notes.push("编号列缺失，已重新添加；原有行因无编号不再更新 / the id column was missing and was added again; rows without an id are no longer updated");
  }

  // Rows: matched by id; rows of other ids are flagged, rows without an id are the official's.
  const originalIdCol = origin[col("id")] ?? null;
  const byId = new Map(sheet.rows.map((r) => [r.target.id, r]));
  const present = new Set<string>();
  const duplicates = new Set<string>();
  const roles: RowRole[] = body.map((cells) => {
    const raw = originalIdCol == null ? "" : String(cells[originalIdCol] ?? "");
    if (raw.trim() === "") return { kind: "user" };
    const id = normalizeId(raw);
    const row = byId.get(id);
    if (!row) return { kind: "dropped", id };
    if (present.has(id)) duplicates.add(id);
    present.add(id);
    return { kind: "target", row };
  });
  for (const id of duplicates) notes.push(`⚠ ${id} 出现在多行，各行分别计算 / ${id} is on several rows; each row is computed on its own`);
  const missing = sheet.rows.filter((r) => !present.has(r.target.id));
  if (missing.length) {
    ops.push({ op: "addRows", table, values: missing.map((r) => header.map((_, j) => (j === col("id") ? r.target.id : ""))) });
  }
  const all: RowRole[] = [...roles, ...missing.map((row): RowRole => ({ kind: "target", row }))];
  const firstRow = found.top + 1;
  const n = all.length;

  // After the added columns (the parameter and helper columns among them): should a refresh be cut
  // off after the converted figures went out, the table already reads as new, and is not converted twice.
  if (!actualsInCellUnits(found.header.map(keyOfHeader))) {
    const converted = convertOldActuals(found, sheet, roles, (key) => found.left + col(key));
    ops.push(...converted.ops);
    notes.push(...converted.notes);
  }

  // The actual columns must stand side by side, in year order, for the formulas' year ranges.
  const yearCols = sheet.years.map((y) => col(`actual:${y}`));
  const contiguous = yearCols.every((c, i) => i === 0 || c === yearCols[i - 1] + 1);
  if (!contiguous) {
    notes.push(
      "实际值列之间插入了其他列或顺序被打乱，计算列未更新；请把各年实际值列按年份相邻排列后再刷新 / " +
        "columns were inserted between the actual columns or their order changed, so the computed columns were not updated; put the year columns side by side in year order and refresh again",
    );
  }

  const refsAt = (i: number): RowRefs =>
    sheet.mode === "portable"
      ? a1Refs(firstRow + i, (k) => found.left + col(typeof k === "number" ? `actual:${k}` : k))
      : tableRefs(table, (k) => header[col(typeof k === "number" ? `actual:${k}` : k)], "ui");
  const formulas = all.map((r, i) => (r.kind === "target" && contiguous ? formulasFor(sheet, r.row.target, refsAt(i)) : null));
  const catalog = all.map((r) => (r.kind === "target" ? catalogValues(r.row.target) : null));
  const oldNote = (i: number) => {
    const c = origin[col("note")];
    return i < body.length && c != null ? String(body[i][c] ?? "") : "";
  };

  /** The value of our column `key` in row i, or undefined to leave the cell alone. */
  const valueAt = (key: ColumnKey, i: number): Cell | undefined => {
    const r = all[i];
    if (r.kind === "user") return undefined;
    const role = roleOf(key);
    if (r.kind === "dropped") {
      if (role === "computed") return key === "status" ? DROPPED_LABEL : "";
      if (key === "note") {
        const old = oldNote(i);
        return old.startsWith(DROPPED_LABEL) ? undefined : asText(old ? `${DROPPED_NOTE}；${old}` : DROPPED_NOTE);
      }
      return undefined;
    }
    if (role === "computed") {
      const f = formulas[i]?.[key as ComputedKey];
      return f === undefined ? undefined : constantOf(f);
    }
    return asText((catalog[i] as Record<string, CellValue>)[key]);
  };
  const formatAt = (key: ColumnKey, i: number): Cell | undefined => {
    const r = all[i];
    if (r.kind !== "target") return undefined;
    return columnFormat(key, r.row) ?? undefined;
  };

  for (const key of keys) {
    if (key == null || key === "id" || !modelKeys.includes(key)) continue;
    const c = col(key);
    if (roleOf(key) === "computed") ops.push(...computedColumnOps(name, firstRow, found.left + c, n, (i) => valueAt(key, i)));
    else if (!isActualKey(key)) ops.push(...columnRuns(name, firstRow, found.left + c, n, (i) => valueAt(key, i), "formulas"));
    if (columnFormat(key, sheet.rows[0]) != null) ops.push(...columnRuns(name, firstRow, found.left + c, n, (i) => formatAt(key, i), "numberFormat"));
    if (added.has(key)) {
      const spec = sheet.columns.find((s) => s.key === key);
      // A technical column a refresh adds is hidden like those of a new sheet; columns already there keep what the official chose.
      ops.push({ op: "style", sheet: name, address: a1(found.top, found.left + c), style: { width: spec?.width, wrap: true, ...(spec?.technical ? { hideColumns: true } : {}) } });
    }
  }
  if (contiguous) ops.push(...bodyRules(sheet, name, firstRow, n, (key) => (col(key) < 0 ? -1 : found.left + col(key))));

  // Title block above the table, where there is room for it.
  if (found.top >= sheet.headerRow) ops.push(...titleOps(name, sheet.title, found.top - sheet.headerRow, found.left));
  if (found.markNeedsUpdate) ops.push({ op: "mark", name: sheet.markName, formula: markFormula(table), replace: true });
  else if (found.markVisible) ops.push({ op: "hideMark", name: sheet.markName });

  let updated = 0;
  let kept = 0;
  roles.forEach((r, i) => {
    if (r.kind !== "target") return;
    const want = catalogValues(r.row.target);
    const changed = CATALOG_COMPARED.some((k) => {
      const c = col(k);
      if (c < 0 || !modelKeys.includes(k)) return false;
      const o = origin[c];
      return o == null || !sameCell(body[i][o], want[k]);
    });
    if (changed) updated++;
    else kept++;
  });
  return {
    ops,
    outcome: {
      planId: sheet.plan.id,
      sheetName: name,
      tableName: table,
      added: missing.length,
      updated,
      kept,
      flagged: roles.filter((r) => r.kind === "dropped").length,
      notes,
    },
    source: overviewSource({ planId: sheet.plan.id, sheetName: name, tableName: table, top: found.top, left: found.left, header }, n, sheet.mode),
  };
}

/**
 * A table written before the scale column holds typed actuals in the method's units (80000000 for
 * 0.8亿元, 95 for 95 %); the new formulas read them in the cell's unit (cellScale). Each typed figure
 * of a target whose unit changes is written back once, divided by that factor: its meaning is kept,
 * and the notes list every cell converted. A formula in such a cell refuses the whole refresh
 * (OldUnitsFormulaError): its value cannot change without replacing what the official typed. Rows
 * of targets the plan dropped are left as they are (their unit is unknown) and named in the notes.
 */
function convertOldActuals(
  found: FoundTable,
  sheet: PlanSheet,
  roles: RowRole[],
  column: (key: ColumnKey) => number,
): { ops: WriteOp[]; notes: string[] } {
  const body = found.body ?? [];
  const oldKeys = found.header.map(keyOfHeader);
  const actualCols = oldKeys.flatMap((k, o) => (k && isActualKey(k) && sheet.years.includes(yearOfKey(k)) ? [{ key: k, o }] : []));
  const formulaCells: Array<{ id: string; year: number; address: string; scale: number }> = [];
  const done: string[] = [];
  const doneEn: string[] = [];
  const left: string[] = [];
  const writes = new Map<ColumnKey, Map<number, Cell>>();
  roles.forEach((r, i) => {
    if (r.kind === "user") return;
    for (const { key, o } of actualCols) {
      const raw = body[i]?.[o];
      const formula = found.formulas?.[i]?.[o];
      const isFormula = typeof formula === "string" && formula.startsWith("=");
      if (!isFormula && (raw == null || raw === "")) continue;
      const address = a1(found.top + 1 + i, column(key));
      const year = yearOfKey(key);
      if (r.kind === "dropped") {
        left.push(`${r.id} ${year} ${address}`);
        continue;
      }
      const target = r.row.target;
      const scale = cellScale(target);
      if (scale === 1) continue;
      if (isFormula) {
        formulaCells.push({ id: target.id, year, address, scale });
        continue;
      }
      let value: number | null;
      try {
        value = actualInMethodUnits(raw, 1, target);
      } catch (e) {
        if (!(e instanceof MethodError)) throw e;
        left.push(`${target.id} ${year} ${address}`);
        continue;
      }
      if (value == null) continue;
      const cell = tidy(value / scale);
      const perColumn = writes.get(key) ?? new Map<number, Cell>();
      perColumn.set(i, cell);
      writes.set(key, perColumn);
      done.push(`${address}（${target.id} ${year}年）${raw} → ${cell}`);
      doneEn.push(`${address} (${target.id} ${year}) ${raw} → ${cell}`);
    }
  });
  if (formulaCells.length) throw new OldUnitsFormulaError(found.sheetName, formulaCells);
  const ops: WriteOp[] = [];
  for (const [key, rows] of writes) ops.push(...columnRuns(found.sheetName, found.top + 1, column(key), roles.length, (i) => rows.get(i), "formulas"));
  const notes: string[] = [];
  if (done.length) {
    notes.push(
      `本表由旧版本生成，实际值原按基本单位（元、件、百分点）填写，已换算为本表单位，数值含义不变：${done.join("；")} / ` +
        `This sheet was made by an earlier version with actuals in base units (元, 件, percent points); they were converted to the sheet's unit, meaning unchanged: ${doneEn.join("; ")}`,
    );
  }
  if (left.length) {
    notes.push(
      `⚠ 旧版本工作表中以下实际值未换算（非数字，或该指标已不在规划中），请按“单位”列核对：${left.join("、")} / ` +
        `These actuals of a sheet from an earlier version were not converted (not a number, or the target is no longer in the plan); check them against the Unit column: ${left.join(", ")}`,
    );
  }
  return { ops, notes };
}

/** Writes of one column, one per run of consecutive rows that have something to write. */
function columnRuns(
  sheet: string,
  firstRow: number,
  column: number,
  n: number,
  at: (i: number) => Cell | null | undefined,
  kind: "formulas" | "numberFormat",
): WriteOp[] {
  const ops: WriteOp[] = [];
  let start = -1;
  let run: SparseMatrix = [];
  const flush = () => {
    // null (leave as is) at a run's ends is dropped; a run of nothing but null is no write.
    while (run.length && run[run.length - 1][0] === null) run.pop();
    while (run.length && run[0][0] === null) {
      run.shift();
      start++;
    }
    if (start >= 0 && run.length) ops.push({ op: "cells", sheet, address: a1Block(firstRow + start, column, run.length, 1), kind, data: run });
    start = -1;
    run = [];
  };
  for (let i = 0; i < n; i++) {
    const v = at(i);
    if (v === undefined) {
      flush();
      continue;
    }
    if (start < 0) start = i;
    run.push([v]);
  }
  flush();
  return ops;
}

// ---- the overview --------------------------------------------------------------------------------

/** Where the overview finds a plan's statuses: the table's column (live), or an A1 range (portable). */
export function overviewSource(found: Pick<FoundTable, "planId" | "sheetName" | "tableName" | "top" | "left" | "header">, rows: number, mode: PlanSheet["mode"]): OverviewSource {
  const keys = found.header.map(keyOfHeader);
  const status = keys.indexOf("status");
  const id = keys.indexOf("id");
  if (mode === "live") {
    return {
      planId: found.planId,
      sheetName: found.sheetName,
      statusRange: `${found.tableName}[${found.header[status] ?? headerOf("status")}]`,
      idRange: `${found.tableName}[${found.header[id] ?? headerOf("id")}]`,
    };
  }
  const range = (c: number) => {
    const letters = columnLetters(found.left + c);
    return `${quoteSheet(found.sheetName)}!$${letters}$${found.top + 2}:$${letters}$${found.top + 1 + Math.max(1, rows)}`;
  };
  return { planId: found.planId, sheetName: found.sheetName, statusRange: range(status), idRange: range(id) };
}

export const OVERVIEW_CHART = "IPTargets_StatusChart";
/** Rows of the overview the add-in owns below its header (cleared before each write). */
const OVERVIEW_ROWS = 60;

/** Writes the overview: a row of counting formulas per plan with a sheet, and a chart. */
export function planOverview(
  overview: OverviewSheet,
  found: { sheetName: string; chartExists: boolean; markVisible: boolean } | null,
  sources: readonly OverviewSource[],
): WriteOp[] {
  const name = found?.sheetName ?? overview.sheetName;
  const ops: WriteOp[] = [];
  if (!found) ops.push({ op: "addSheet", sheet: name, first: true });
  const width = overview.header.length;
  const hr = overview.headerRow;
  ops.push({ op: "clear", sheet: name, address: a1Block(hr + 1, 0, OVERVIEW_ROWS, width) });
  ops.push(...titleOps(name, overview.title, 0, 0));
  ops.push({ op: "cells", sheet: name, address: a1Block(hr, 0, 1, width), kind: "formulas", data: [overview.header] });
  ops.push({ op: "style", sheet: name, address: a1Block(hr, 0, 1, width), style: { bold: true, wrap: true, height: 32 } });
  overview.header.forEach((_, j) => ops.push({ op: "style", sheet: name, address: a1(hr, j), style: { width: j === 1 ? 16 : 12 } }));
  if (sources.length) {
    ops.push({
      op: "cells",
      sheet: name,
      address: a1Block(hr + 1, 0, sources.length, width),
      kind: "formulas",
      data: sources.map((s) => [s.planId, asText(s.sheetName), ...overviewFormulas(s.statusRange, s.idRange)]),
    });
    // Name and the six status counts: one series per status, one bar per plan.
    ops.push({ op: "chart", sheet: name, address: a1Block(hr, 1, sources.length + 1, 7), name: OVERVIEW_CHART, exists: found?.chartExists ?? false });
  }
  if (!found) ops.push({ op: "mark", name: overview.markName, formula: `=${quoteSheet(name)}!$A$1`, replace: false });
  else if (found.markVisible) ops.push({ op: "hideMark", name: overview.markName });
  return ops;
}
