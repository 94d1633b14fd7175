/**
 * The columns of a target sheet: their keys, the header text officials see, and widths. Headers are
 * also how a refresh recognises the add-in's columns in a table the official has rearranged, so a
 * header text, once shipped, must not change (add a new key instead).
 */

/** Columns filled from the catalogue. */
export type CatalogKey =
  | "id"
  | "name"
  | "unit"
  | "attribute"
  | "area"
  | "kind"
  | "baseYear"
  | "baseValue"
  | "targetYear"
  | "targetValue"
  | "targetMax";

/** Columns computed by formulas from the row's actuals. */
export type ComputedKey =
  | "startYear"
  | "startValue"
  | "latestYear"
  | "latest"
  | "expected"
  | "progress"
  | "status"
  | "projection";

/** Text columns written by the add-in after the computed ones. */
export type TrailingKey = "quote" | "note";

/** One column per year: what officials type. */
export type ActualKey = `actual:${number}`;

/** One column per year: the milestone the plan prints for that year (a plain value, or empty). */
export type MilestoneKey = `milestone:${number}`;

/**
 * Plain-value parameter columns the formulas read (grouped at the right): codes of the target's
 * kind, family and comparator, its direction as a sign, the cell scales, and τ (how far a base the
 * plan derives may lie from the stored one, in method units: docs/method.md §2a). Values, never formulas, so every row of
 * a computed column can hold the same formula (Excel's calculated columns fill formulas down).
 */
export type ParamKey = "kindCode" | "familyCode" | "comparatorCode" | "sign" | "scale" | "ipScale" | "baseTolerance";

/**
 * Technical computed columns (at the far right, grouped): intermediate results the portable
 * formulas share, so that no formula grows past what every spreadsheet reads. Same formula in
 * every row, like the visible computed columns.
 */
export type HelperKey =
  | "due"
  | "pbYear"
  | "pbValue"
  | "lastTyped"
  | "mNow"
  | "dPrevYear"
  | "dNextYear"
  | "dPrevValue"
  | "dNextValue"
  | "aPrevYear"
  | "aNextYear"
  | "aPrevValue"
  | "aNextValue"
  | "aExpected"
  | "trendFrom"
  | "addBefore"
  | "tN"
  | "tSx"
  | "tSxx"
  | "tSy"
  | "tSxy"
  | "tLy"
  | "tLxy";

export type ColumnKey = CatalogKey | ComputedKey | TrailingKey | ActualKey | MilestoneKey | ParamKey | HelperKey;

/** Keys a formula refers to by column (every key but the actual years, which go by year). */
export type RefKey = Exclude<ColumnKey, ActualKey>;

export type ColumnRole = "catalog" | "actual" | "computed" | "text";

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  role: ColumnRole;
  /** Width in Excel character units. */
  width: number;
  /** The year of an actual or milestone column. */
  year?: number;
  /** A parameter or helper column: grouped (and collapsed) at the right, out of officials' way. */
  technical?: boolean;
}

export const ID_HEADER = "编号";

const CATALOG_HEADERS: Record<CatalogKey, [string, number]> = {
  id: [ID_HEADER, 9],
  name: ["指标 Target", 34],
  unit: ["单位 Unit", 10],
  attribute: ["属性 Attribute", 9],
  area: ["领域 Area", 8],
  kind: ["类型 Kind", 14],
  baseYear: ["基期年 Base year", 9],
  baseValue: ["基期值 Base", 12],
  targetYear: ["目标年 Target year", 9],
  targetValue: ["目标值 Target", 12],
  targetMax: ["上限 Max", 10],
};

const COMPUTED_HEADERS: Record<ComputedKey, [string, number]> = {
  startYear: ["起点年 Start year", 9],
  startValue: ["起点值 Start", 12],
  latestYear: ["最新年份 Latest year", 9],
  latest: ["最新实际 Latest", 12],
  expected: ["序时进度 Expected", 12],
  progress: ["进度 Progress", 12],
  status: ["状态 Status", 13],
  projection: ["预测 Projection", 12],
};

const TRAILING_HEADERS: Record<TrailingKey, [string, number]> = {
  quote: ["原文 Quote", 40],
  note: ["备注 Note", 36],
};

// Technical headers are short: live formulas refer to them by name ([@[辅:基点年 bY]]) in every row.
const PARAM_HEADERS: Record<ParamKey, [string, number]> = {
  kindCode: ["类型码 kind", 10],
  familyCode: ["类别码 family", 10],
  comparatorCode: ["比较码 cmp", 9],
  sign: ["方向 sign", 6],
  scale: ["比例 scale", 10],
  ipScale: ["函数比例 ipScale", 10],
  baseTolerance: ["基数容差 tau", 10],
};

const HELPER_HEADERS: Record<HelperKey, [string, number]> = {
  due: ["辅:截止年 due", 7],
  pbYear: ["辅:基点年 bY", 7],
  pbValue: ["辅:基点值 bV", 10],
  lastTyped: ["辅:末填年 lastY", 7],
  mNow: ["辅:当年目标 mNow", 10],
  dPrevYear: ["辅:序前年 dY0", 7],
  dNextYear: ["辅:序后年 dY1", 7],
  dPrevValue: ["辅:序前值 dV0", 10],
  dNextValue: ["辅:序后值 dV1", 10],
  aPrevYear: ["辅:测前年 aY0", 7],
  aNextYear: ["辅:测后年 aY1", 7],
  aPrevValue: ["辅:测前值 aV0", 10],
  aNextValue: ["辅:测后值 aV1", 10],
  aExpected: ["辅:测序时 aE", 10],
  trendFrom: ["辅:趋势起年 tFrom", 7],
  addBefore: ["辅:基前新增 addPre", 10],
  tN: ["辅:趋势n tN", 6],
  tSx: ["辅:趋势Σx tSx", 8],
  tSxx: ["辅:趋势Σxx tSxx", 8],
  tSy: ["辅:趋势Σy tSy", 10],
  tSxy: ["辅:趋势Σxy tSxy", 10],
  tLy: ["辅:趋势Σly tLy", 10],
  tLxy: ["辅:趋势Σxly tLxy", 10],
};

export const COMPUTED_KEYS = Object.keys(COMPUTED_HEADERS) as ComputedKey[];
export const PARAM_KEYS = Object.keys(PARAM_HEADERS) as ParamKey[];
export const HELPER_KEYS = Object.keys(HELPER_HEADERS) as HelperKey[];

export const actualKey = (year: number): ActualKey => `actual:${year}`;
export const actualHeader = (year: number): string => `${year}年实际`;
export const milestoneKey = (year: number): MilestoneKey => `milestone:${year}`;
export const milestoneHeader = (year: number): string => `${year}年目标`;

export function isActualKey(key: ColumnKey): key is ActualKey {
  return key.startsWith("actual:");
}

export function isMilestoneKey(key: ColumnKey): key is MilestoneKey {
  return key.startsWith("milestone:");
}

export function yearOfKey(key: ActualKey | MilestoneKey): number {
  return Number(key.slice(key.indexOf(":") + 1));
}

const NAMED: Array<[Record<string, [string, number]>, ColumnRole, boolean]> = [
  [CATALOG_HEADERS, "catalog", false],
  [COMPUTED_HEADERS, "computed", false],
  [TRAILING_HEADERS, "text", false],
  [PARAM_HEADERS, "catalog", true],
  [HELPER_HEADERS, "computed", true],
];

function named(key: ColumnKey): { header: string; width: number; role: ColumnRole; technical: boolean } {
  for (const [table, role, technical] of NAMED) {
    const hit = table[key];
    if (hit) return { header: hit[0], width: hit[1], role, technical };
  }
  throw new Error(`unknown column ${key}`);
}

/** Which role a column key plays (parameter and milestone columns are values like the catalogue's). */
export function roleOf(key: ColumnKey): ColumnRole {
  if (isActualKey(key)) return "actual";
  if (isMilestoneKey(key)) return "catalog";
  return named(key).role;
}

export function headerOf(key: ColumnKey): string {
  if (isActualKey(key)) return actualHeader(yearOfKey(key));
  if (isMilestoneKey(key)) return milestoneHeader(yearOfKey(key));
  return named(key).header;
}

export function columnSpec(key: ColumnKey): ColumnSpec {
  if (isActualKey(key)) return { key, header: headerOf(key), role: "actual", width: 11, year: yearOfKey(key) };
  if (isMilestoneKey(key)) return { key, header: headerOf(key), role: "catalog", width: 10, year: yearOfKey(key), technical: true };
  const n = named(key);
  const spec: ColumnSpec = { key, header: n.header, role: n.role, width: n.width };
  if (n.technical) spec.technical = true;
  return spec;
}

/**
 * The column layout of a plan's table: catalogue, one actual per year, computed, text, then (out of
 * the way, grouped) the milestones printed per year, the parameter codes and the helper columns.
 */
export function planColumns(years: readonly number[], withMax: boolean, milestoneYears: readonly number[] = years): ColumnSpec[] {
  const catalog: CatalogKey[] = [
    "id", "name", "unit", "attribute", "area", "kind", "baseYear", "baseValue", "targetYear", "targetValue",
  ];
  if (withMax) catalog.push("targetMax");
  const keys: ColumnKey[] = [
    ...catalog,
    ...years.map(actualKey),
    ...COMPUTED_KEYS,
    "quote",
    "note",
    ...milestoneYears.map(milestoneKey),
    ...PARAM_KEYS,
    ...HELPER_KEYS,
  ];
  return keys.map(columnSpec);
}

/** Finds the key a header text stands for, tolerant of spaces officials may add or lose. */
export function keyOfHeader(header: unknown): ColumnKey | null {
  const text = String(header ?? "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const year = /^(\d{4})\s*年实际$/.exec(text);
  if (year) return actualKey(Number(year[1]));
  const milestone = /^(\d{4})\s*年目标$/.exec(text);
  if (milestone) return milestoneKey(Number(milestone[1]));
  for (const [table] of NAMED) {
    for (const [key, [h]] of Object.entries(table)) if (h === text) return key as ColumnKey;
  }
  return null;
}

/** Column letters of a 0-based column index: 0 → A, 27 → AB. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based column index of column letters: A → 0. */
export function columnIndex(letters: string): number {
  let n = 0;
  for (const c of letters.toUpperCase()) n = n * 26 + (c.charCodeAt(0) - 64);
  return n - 1;
}

/** A1 address of a 0-based row/column, e.g. (6, 0) → A7. */
export function a1(row: number, col: number, absoluteColumn = false): string {
  return `${absoluteColumn ? "$" : ""}${columnLetters(col)}${row + 1}`;
}

/** A1 address of a block given its 0-based top-left corner and size. */
export function a1Block(row: number, col: number, rows: number, cols: number): string {
  const tl = a1(row, col);
  return rows === 1 && cols === 1 ? tl : `${tl}:${a1(row + rows - 1, col + cols - 1)}`;
}
