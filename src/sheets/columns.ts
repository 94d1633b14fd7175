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

export type ColumnKey = CatalogKey | ComputedKey | TrailingKey | ActualKey;

export type ColumnRole = "catalog" | "actual" | "computed" | "text";

export interface ColumnSpec {
  key: ColumnKey;
  header: string;
  role: ColumnRole;
  /** Width in Excel character units. */
  width: number;
  /** The year of an actual column. */
  year?: number;
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

export const COMPUTED_KEYS = Object.keys(COMPUTED_HEADERS) as ComputedKey[];

export const actualKey = (year: number): ActualKey => `actual:${year}`;
export const actualHeader = (year: number): string => `${year}年实际`;

export function isActualKey(key: ColumnKey): key is ActualKey {
  return key.startsWith("actual:");
}

export function yearOfKey(key: ActualKey): number {
  return Number(key.slice("actual:".length));
}

/** Which role a column key plays. */
export function roleOf(key: ColumnKey): ColumnRole {
  if (isActualKey(key)) return "actual";
  if (key in COMPUTED_HEADERS) return "computed";
  if (key in TRAILING_HEADERS) return "text";
  return "catalog";
}

export function headerOf(key: ColumnKey): string {
  if (isActualKey(key)) return actualHeader(yearOfKey(key));
  return (CATALOG_HEADERS as Record<string, [string, number]>)[key]?.[0] ??
    (COMPUTED_HEADERS as Record<string, [string, number]>)[key]?.[0] ??
    (TRAILING_HEADERS as Record<string, [string, number]>)[key][0];
}

function widthOf(key: ColumnKey): number {
  if (isActualKey(key)) return 11;
  return ((CATALOG_HEADERS as Record<string, [string, number]>)[key] ??
    (COMPUTED_HEADERS as Record<string, [string, number]>)[key] ??
    (TRAILING_HEADERS as Record<string, [string, number]>)[key])[1];
}

export function columnSpec(key: ColumnKey): ColumnSpec {
  const spec: ColumnSpec = { key, header: headerOf(key), role: roleOf(key), width: widthOf(key) };
  if (isActualKey(key)) spec.year = yearOfKey(key);
  return spec;
}

/** The column layout of a plan's table: catalogue, one actual per year, computed, then text. */
export function planColumns(years: readonly number[], withMax: boolean): ColumnSpec[] {
  const catalog: CatalogKey[] = [
    "id", "name", "unit", "attribute", "area", "kind", "baseYear", "baseValue", "targetYear", "targetValue",
  ];
  if (withMax) catalog.push("targetMax");
  const keys: ColumnKey[] = [...catalog, ...years.map(actualKey), ...COMPUTED_KEYS, "quote", "note"];
  return keys.map(columnSpec);
}

/** Finds the key a header text stands for, tolerant of spaces officials may add or lose. */
export function keyOfHeader(header: unknown): ColumnKey | null {
  const text = String(header ?? "").replace(/\s+/g, " ").trim();
  if (!text) return null;
  const year = /^(\d{4})\s*年实际$/.exec(text);
  if (year) return actualKey(Number(year[1]));
  for (const table of [CATALOG_HEADERS, COMPUTED_HEADERS, TRAILING_HEADERS] as Array<Record<string, [string, number]>>) {
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
