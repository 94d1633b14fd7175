/**
 * The formulas of a target sheet's computed columns, in two modes:
 * - live: the columns call the add-in's IP.* functions, so a change of the method's settings applies
 *   to every sheet at once;
 * - portable: native functions only (IF, AND, OR, MAX, MIN, INDEX, SUM, COUNT, COUNTIF, ISNUMBER, N,
 *   ABS, LN, EXP, NA, TRUE, FALSE; no LET, LAMBDA, array constants or dynamic arrays), so Excel
 *   without the add-in, WPS, LibreOffice and HyperFormula compute the same numbers and status words
 *   as method.ts assess().
 *
 * ONE FORMULA PER COLUMN. Every row of a computed column holds the same formula (the same in R1C1
 * terms): it refers only to cells of its own row, and reads the row's target from plain-value
 * columns (base, target, upper end, the milestone printed for each year, the kind, family and
 * comparator codes, the direction as a sign). Only what is the same for the whole sheet is written
 * into the formula: the plan period, the sheet's years and the method's settings. So Excel's
 * calculated columns, which fill a formula written into one row down over the others, can never give
 * one target another's numbers, and a row the official adds gets the right formulas.
 *
 * The portable formulas replay assess() step by step in the same order of floating-point operations
 * (the least-squares projection excepted: it sums in another order). Intermediate results shared by
 * several columns sit in helper columns (HelperKey) so that no formula grows past what every
 * spreadsheet reads. test/sheets/portable.test.ts checks every computed cell against assess() in
 * HyperFormula, scripts/e2e-libreoffice.mjs in LibreOffice.
 */
import type { Plan, Target } from "../core/catalog/schema";
import { STATUS_LABELS } from "../core/method/method";
import type { MethodSettings } from "../core/method/settings";
import { columnLetters as letters, type ComputedKey, type HelperKey, HELPER_KEYS, milestoneKey, type RefKey } from "./columns";

export type SheetMode = "live" | "portable";

/** How a row's formulas refer to its own cells: A1 references or structured table references. */
export interface RowRefs {
  /** A cell of this row in a column other than the actual years. */
  col(key: RefKey): string;
  /** The actual cell of a year. */
  actual(year: number): string;
  /** The actual cells of consecutive years from..to (inclusive). */
  range(from: number, to: number): string;
}

export interface FormulaInput {
  plan: Plan;
  /** Unused: the formulas are the same for every target (kept for callers that pass it). */
  target?: Target;
  /** The sheet's actual columns: consecutive years, ascending. */
  years: readonly number[];
  /** The years of the sheet's milestone columns (default: the actual years). */
  milestoneYears?: readonly number[];
  /** Whether the sheet has the 上限 (upper end of a range) column. */
  hasMax?: boolean;
  settings: MethodSettings;
  refs: RowRefs;
  mode: SheetMode;
  /** How an IP function is spelled: "IP.STATUS" in Office JS, "_xldudf_IP_STATUS" in a file. */
  ipName?: (name: string) => string;
  /** Formulas as a file stores them (functions newer than Excel 2007 with their _xlfn. prefix). */
  file?: boolean;
}

export type RowFormulas = Record<ComputedKey | HelperKey, string>;

export const NO_DATA = STATUS_LABELS.noData.zh;
/** Status of a row whose target the plan no longer has (not a method status). */
export const DROPPED_LABEL = "已不在规划中";

/** Every computed column of a row, each a formula beginning with "=". */
export function rowFormulas(input: FormulaInput): RowFormulas {
  const native = nativeFormulas(input);
  const out = input.mode === "live" ? { ...native, ...liveFormulas(input) } : native;
  return Object.fromEntries(Object.entries(out).map(([k, f]) => [k, "=" + f])) as RowFormulas;
}

/** A cell reference as a portable A1 reference. */
export function a1Refs(row: number, column: (key: RefKey | number) => number): RowRefs {
  const ref = (col: number) => `$${letters(col)}${row + 1}`;
  return {
    col: (key) => ref(column(key)),
    actual: (year) => ref(column(year)),
    range: (from, to) => (from === to ? ref(column(from)) : `${ref(column(from))}:${ref(column(to))}`),
  };
}

/**
 * Structured references to this row of a table: "[@[编号]]" as typed in Excel (style "ui"), or
 * "IP_JZ[[#This Row],[编号]]" as stored in a file (style "file").
 */
export function tableRefs(tableName: string, header: (key: RefKey | number) => string, style: "ui" | "file"): RowRefs {
  const esc = (h: string) => h.replace(/['#[\]]/g, (c) => "'" + c);
  const one = (h: string) => (style === "ui" ? `[@[${esc(h)}]]` : `${tableName}[[#This Row],[${esc(h)}]]`);
  const span = (a: string, b: string) =>
    style === "ui" ? `[@[${esc(a)}]:[${esc(b)}]]` : `${tableName}[[#This Row],[${esc(a)}]:[${esc(b)}]]`;
  return {
    col: (key) => one(header(key)),
    actual: (year) => one(header(year)),
    range: (from, to) => (from === to ? one(header(from)) : span(header(from), header(to))),
  };
}

// ---- expression helpers ------------------------------------------------------------------------

/**
 * A number as every engine reads it: never with an exponent (HyperFormula rejects `1E-9`);
 * negative numbers in parentheses so they compose safely.
 */
export function lit(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  let s = String(n);
  if (/e/i.test(s)) s = n.toFixed(20).replace(/\.?0+$/, "");
  return n < 0 ? `(${s})` : s;
}

const text = (s: string) => `"${s.replace(/"/g, '""')}"`;
const EMPTY = '""';
const TRUE = "TRUE()";
const FALSE = "FALSE()";
const label = (code: keyof typeof STATUS_LABELS) => text(STATUS_LABELS[code].zh);

/** method.ts eps(): 1e-9·max(1,|x|), written without an exponent. */
const eps = (x: string) => `(0.000000001*MAX(1,ABS(${x})))`;

/** The cells and sheet constants one row's formulas are written from. */
interface Ctx {
  refs: RowRefs;
  years: readonly number[];
  ms: readonly number[];
  start: number;
  end: number;
  settings: MethodSettings;
  /** Kind, family, comparator codes; sign (1 higher is better, −1 lower); method units per cell unit. */
  K: string;
  F: string;
  C: string;
  S: string;
  SC: string;
  BY: string;
  /** The base value's cell (cell units) and the base value in method units. */
  BVc: string;
  BV: string;
  T: string;
  MXc: string | null;
  MX: string | null;
  DUE: string;
  /** τ, the tolerance of a derived base (method units, 0 for a printed one). */
  TAU: string;
  PBY: string;
  PBV: string;
  Y: string;
  /** The latest actual and the start value: their cells (cell units) and in method units. */
  Ac: string;
  A: string;
  SY: string;
  SVc: string;
  SV: string;
  all: string;
  /** The milestone cell of a year. */
  M: (year: number) => string;
}

function context(input: FormulaInput): Ctx {
  const { refs, years, plan } = input;
  const c = (k: RefKey) => refs.col(k);
  const SC = c("scale");
  // A figure read from a cell, in method units; exact where the scale is 1.
  const m = (cell: string) => `(${cell}*${SC})`;
  return {
    refs,
    years,
    ms: input.milestoneYears ?? years,
    start: plan.period.start,
    end: plan.period.end,
    settings: input.settings,
    K: c("kindCode"),
    F: c("familyCode"),
    C: c("comparatorCode"),
    S: c("sign"),
    SC,
    BY: c("baseYear"),
    BVc: c("baseValue"),
    BV: m(c("baseValue")),
    T: m(c("targetValue")),
    MXc: input.hasMax ? c("targetMax") : null,
    MX: input.hasMax ? m(c("targetMax")) : null,
    DUE: c("due"),
    TAU: c("baseTolerance"),
    PBY: c("pbYear"),
    PBV: c("pbValue"),
    Y: c("latestYear"),
    Ac: c("latest"),
    A: m(c("latest")),
    SY: c("startYear"),
    SVc: c("startValue"),
    SV: m(c("startValue")),
    all: refs.range(years[0], years[years.length - 1]),
    M: (y) => c(milestoneKey(y)),
  };
}

/** IF(x=y1,M1,IF(x=y2,M2,…otherwise)) over the milestone columns. */
function chain(x: Ctx, at: string, otherwise: string): string {
  return [...x.ms].reverse().reduce((acc, y) => `IF(${at}=${y},${x.M(y)},${acc})`, otherwise);
}

/** The milestone printed for the latest year (helper column mNow: its cell, "" or a blank when none). */
const printed = (x: Ctx) => x.refs.col("mNow");
/** A milestone cell's value in method units. */
const inUnits = (x: Ctx, cell: string) => `(${cell})*${x.SC}`;

/** method.ts comparatorHolds(target, value, bar) for the quantitative kinds, the comparator read from its code. */
function holds(x: Ctx, v: string, bar: string): string {
  const { C, S, MX, MXc } = x;
  const max = MX ? `IF(ISNUMBER(${MXc}),${v}<=${MX}+${eps(MX)},${TRUE})` : TRUE;
  return (
    `IF(${C}="exceed",${S}*(${v}-${bar})>${eps(bar)},` +
    `IF(${C}="atMost",${v}<=${bar}+${eps(bar)},` +
    `IF(${C}="range",AND(${v}>=${bar}-${eps(bar)},${max}),` +
    `${S}*(${v}-${bar})>=-${eps(bar)})))`
  );
}

/** Past a range's upper end in the good direction. */
function beyondRange(x: Ctx): string {
  const { C, S, A, MX, MXc } = x;
  return MX ? `IF(AND(${C}="range",ISNUMBER(${MXc})),${S}*(${A}-${MX})>${eps(MX)},${FALSE})` : FALSE;
}

/** At least the threshold (one tolerance for every threshold comparison, as method.ts atLeast()). */
const atLeast = (v: string, threshold: number) => `${v}>=${lit(threshold)}-${eps(lit(threshold))}`;

/** The index shift of the compound path: 100 for growth in %, else 0. */
const shift = (x: Ctx) => `IF(${x.K}="growth",100,0)`;

/** method.ts interpolate() between anchors (PY, PV) and (NY, NV) in the latest year. */
function interpolate(x: Ctx, PY: string, NY: string, PV: string, NV: string): string {
  const f = `((${x.Y}-${PY})/(${NY}-${PY}))`;
  const linear = `(${PV}+(${NV}-${PV})*${f})`;
  if (x.settings.path !== "compound") return linear;
  const sh = shift(x);
  const pa = `(${PV}+${sh})`;
  const pb = `(${NV}+${sh})`;
  return `IF(AND(${pa}>0,${pb}>0),(${pa}*(${pb}/${pa})^${f}-${sh}),${linear})`;
}

/**
 * method.ts expectedValue() for the path kinds in the latest year, from the anchors in the helper
 * columns (PY = 0 where there is none: the year is before the path starts).
 */
function pathExpected(x: Ctx, PY: string, NY: string, PV: string, NV: string, onNA: string, out = (v: string) => v): string {
  const p = printed(x);
  return `IF(ISNUMBER(${p}),${out(inUnits(x, p))},IF(${x.Y}>=${x.DUE},${out(x.T)},IF(${PY}=0,${onNA},${out(interpolate(x, PY, NY, PV, NV))})))`;
}

/** method.ts expectedValue() for the yearly kinds: the printed milestone, the target, the base in its year. */
function yearlyBar(x: Ctx, onNA: string, out = (v: string) => v): string {
  const p = printed(x);
  const { Y, DUE, T, BY, BV, BVc } = x;
  return `IF(ISNUMBER(${p}),${out(inUnits(x, p))},IF(${Y}>=${DUE},${out(T)},IF(AND(ISNUMBER(${BVc}),${Y}=${BY}),${out(BV)},IF(${Y}<${x.start},${onNA},${out(T)}))))`;
}

/**
 * The anchors of the expected path around the latest year, from a baseline (by, bv) — the plan's
 * (display: 序时进度) or the one assess() uses (the first actual where the plan gives none) — through
 * the printed milestones after it and before the due year, to the target in the due year.
 */
function anchors(x: Ctx, by: string, bv: string, which: "d" | "a"): Pick<RowFormulas, `${"d" | "a"}${"Prev" | "Next"}${"Year" | "Value"}`> {
  const { Y, F, DUE, T, M } = x;
  const key = (s: string) => `${which}${s}` as HelperKey;
  const NY = x.refs.col(key("NextYear"));
  const PY = x.refs.col(key("PrevYear"));
  // After the baseline year (N() of "" is 0: every milestone is after no baseline).
  const after = (y: number) => `(${y}>N(${by}))`;
  const skip = `OR(${Y}="",${F}<>"path")`;
  const next = `MIN(${DUE},${x.ms.map((y) => `IF(ISNUMBER(${M(y)})*(${y}>=${Y})*(${y}<${DUE})*${after(y)},${y},9999)`).join(",")})`;
  const prev = `IF(AND(ISNUMBER(${by}),${Y}<${by}),0,MAX(N(${by}),${x.ms
    .map((y) => `IF(ISNUMBER(${M(y)})*(${y}<${NY})*${after(y)},${y},0)`)
    .join(",")}))`;
  return {
    [key("NextYear")]: `IF(${skip},"",${next})`,
    [key("PrevYear")]: `IF(${skip},"",${prev})`,
    [key("PrevValue")]: `IF(OR(${skip},${PY}=0),"",IF(AND(ISNUMBER(${by}),${PY}=${by}),${bv},${inUnits(x, chain(x, PY, EMPTY))}))`,
    [key("NextValue")]: `IF(${skip},"",IF(${NY}=${DUE},${T},${inUnits(x, chain(x, NY, EMPTY))}))`,
  } as Pick<RowFormulas, `${"d" | "a"}${"Prev" | "Next"}${"Year" | "Value"}`>;
}

// ---- the columns ---------------------------------------------------------------------------------

/**
 * The columns computed with native functions: in both modes the start point, the latest actual and
 * the baseline helpers; in portable mode all the others.
 */
function nativeFormulas(input: FormulaInput): RowFormulas {
  const x = context(input);
  const { refs, years, K, F, S, SC, BY, BV, BVc, T, DUE, PBY, PBV, Y, A, SY, SV, all, start } = x;
  const y0 = years[0];
  const col = (k: HelperKey) => refs.col(k);
  const a = (y: number) => refs.actual(y);

  // The plan's own starting point (planBaseline()): additions and growth count from 0 at the base
  // year or the year before the period; a printed base value; a running total without one from 0.
  const pbYear = `IF(OR(${K}="additions",${K}="growth"),IF(ISNUMBER(${BY}),${BY},${start - 1}),IF(ISNUMBER(${BVc}),${BY},IF(${K}="cumulative",${start - 1},"")))`;
  // In method units (the helpers and the formulas that read them all count in method units).
  const pbValue = `IF(OR(${K}="additions",${K}="growth"),0,IF(ISNUMBER(${BVc}),${BV},IF(${K}="cumulative",0,"")))`;
  const due = `IF(ISNUMBER(${refs.col("targetYear")}),${refs.col("targetYear")},${x.end})`;

  // The latest typed year; for additions it counts only when after the baseline year
  // (measureSeries()), and then it is also the latest counted year.
  const lastTyped = `MAX(${years.map((y) => `ISNUMBER(${a(y)})*${y}`).join(",")})`;
  const L = col("lastTyped");
  // A qualitative target without the plan's base counts from the period's first year (measureSeries()).
  const ownBase = `AND(${F}="qualitative",NOT(ISNUMBER(${PBY})))`;
  const latestYear = `IF(${L}>IF(${K}="additions",${PBY},IF(${ownBase},${start - 1},0)),${L},"")`;
  const addedSum = years.map((y) => `N(${a(y)})*(${y}>${PBY})`).join("+");
  const latest = `IF(${Y}="","",IF(${K}="additions",${addedSum},INDEX(${all},1,${Y}-${y0 - 1})))`;
  // The first typed year (for a qualitative target, from the period's first year on).
  const firstYear = `MIN(${years.map((y) => `IF(${y < start ? `AND(ISNUMBER(${a(y)}),${F}<>"qualitative")` : `ISNUMBER(${a(y)})`},${y},9999)`).join(",")})`;
  // Where progress is measured from (assess().baseline): the plan's, else for path kinds the first
  // actual, for qualitative ones the first actual in the period when it is older than the latest
  // (qualitativeReference()). Y="" is tested first: a number is less than text in a comparison.
  const startYear = `IF(${F}="milestone","",IF(ISNUMBER(${PBY}),${PBY},IF(${Y}="","",IF(${F}="path",${firstYear},IF(AND(${F}="qualitative",${firstYear}<${Y}),${firstYear},"")))))`;
  // In cell units, like the actuals (the plan's base back from method units).
  const startValue = `IF(${F}="milestone","",IF(ISNUMBER(${PBY}),${PBV}/${SC},IF(${SY}="","",INDEX(${all},1,${SY}-${y0 - 1}))))`;

  const live = input.mode === "live";
  const unused = Object.fromEntries(HELPER_KEYS.map((k) => [k, EMPTY])) as Record<HelperKey, string>;
  const base: Record<HelperKey | ComputedKey, string> = { ...unused, pbYear, pbValue, lastTyped, startYear, startValue, latestYear, latest, expected: EMPTY, progress: EMPTY, status: EMPTY, projection: EMPTY };
  if (live) return base;
  base.due = due;
  // The milestone of the latest year, read once for the formulas that need it.
  // (A formula that returns a blank cell shows 0 in Excel: a blank milestone must stay "".)
  const now = chain(x, Y, EMPTY);
  base.mNow = `IF(${Y}="","",IF(ISNUMBER(${now}),${now},""))`;

  const { ahead, onTrack } = x.settings.thresholds;
  // assess() refuses a latest actual before the plan's base year (#N/A).
  const beforeBase = `AND(ISNUMBER(${PBY}),${Y}<${PBY})`;
  const d = anchors(x, PBY, PBV, "d");
  const an = anchors(x, SY, SV, "a");
  const [dPY, dNY, dPV, dNV] = (["dPrevYear", "dNextYear", "dPrevValue", "dNextValue"] as const).map(col);
  const [aPY, aNY, aPV, aNV] = (["aPrevYear", "aNextYear", "aPrevValue", "aNextValue"] as const).map(col);
  const E = col("aExpected");

  // 序时进度 as expectedValue() gives it from the plan's baseline; "" where it has none.
  // Shown in cell units.
  const shown = (v: string) => `${v}/${SC}`;
  const expected = `IF(${Y}="","",IF(${F}="path",${pathExpected(x, dPY, dNY, dPV, dNV, EMPTY, shown)},IF(${F}="yearly",${yearlyBar(x, EMPTY, shown)},"")))`;
  // What assess() compares with: the path from its baseline ("" where safeExpected() gives null),
  // or the yearly bar (#N/A where the method refuses the year).
  const aExpected = `IF(${Y}="","",IF(${F}="path",${pathExpected(x, aPY, aNY, aPV, aNV, EMPTY)},IF(${F}="yearly",${yearlyBar(x, "NA()")},"")))`;

  const completion = (bar: string) => `IF(${S}<0,IF(${A}>0,${bar}/${A},""),IF(${bar}>0,${A}/${bar},""))`;
  const completionOk = (bar: string) =>
    `IF(${S}<0,IF(${A}>0,${atLeast(`${bar}/${A}`, onTrack)},${FALSE}),IF(${bar}>0,${atLeast(`${A}/${bar}`, onTrack)},${FALSE}))`;
  const pathProgress = `IF(OR(ISNUMBER(${PBY}),${SY}<${Y}),IF(ABS(${T}-${SV})>${eps(T)},(${A}-${SV})/(${T}-${SV}),IF(${holds(x, A, T)},1,0)),"")`;
  const progress = `IF(${Y}="","",IF(${F}="milestone",IF(${A}>=1,1,0),IF(${beforeBase},"",IF(${F}="yearly",IF(ISNUMBER(${E}),${completion(E)},""),IF(${F}="path",${pathProgress},"")))))`;

  const milestoneStatus = `IF(${A}>=1,${label("achieved")},IF(${Y}>=${DUE},${label("behind")},${label("onTrack")}))`;
  const qualitativeStatus = `IF(${SY}="",${label("onTrack")},IF(${S}*(${A}-${SV})<-${eps(A)},${label("regressed")},${label("onTrack")}))`;
  // In the base year itself (before the period) nothing is expected yet: only the target counts.
  const atBase = `AND(ISNUMBER(${PBY}),${Y}=${PBY},${Y}<${start})`;
  const yearlyRegressed = `IF(${K}="growthRate",${S}*${A}<-${eps(A)},IF(ISNUMBER(${PBY}),AND(${Y}>${PBY},${S}*(${A}-${PBV})<-${eps(PBV)}),${FALSE}))`;
  const yearlyStatus =
    `IF(${holds(x, A, `IF(${atBase},${T},${E})`)},${label("achieved")},IF(${beyondRange(x)},${label("ahead")},` +
    `IF(${yearlyRegressed},${label("regressed")},IF(OR(${atBase},${completionOk(E)}),${label("onTrack")},${label("behind")}))))`;
  const pace = `(${S}*(${A}-${SV}))/(${S}*(${E}-${SV}))`;
  const byPace = `IF(${atLeast(pace, ahead)},${label("ahead")},IF(${atLeast(pace, onTrack)},${label("onTrack")},${label("behind")}))`;
  const paceExists = `IF(ISNUMBER(${E}),${S}*(${E}-${SV}),0)>${eps(T)}`;
  // Rule 3 (倒退): after the baseline year, away from it by more than max(ε, τ), τ only for the
  // plan's base (an observed one is exact); short of that, 滞后 where a pace or the due year decides.
  const tau = `IF(ISNUMBER(${PBY}),${x.TAU},0)`;
  const movedAway = `AND(${Y}>${SY},${S}*(${A}-${SV})<-${tau})`;
  const pathStatus =
    `IF(${holds(x, A, T)},${label("achieved")},IF(${beyondRange(x)},${label("ahead")},` +
    `IF(${S}*(${A}-${SV})<-${eps(SV)},IF(${movedAway},${label("regressed")},IF(OR(${Y}>=${DUE},${paceExists}),${label("behind")},${label("onTrack")})),` +
    `IF(${Y}>=${DUE},${label("behind")},IF(${paceExists},${byPace},${label("onTrack")})))))`;
  const status =
    `IF(${Y}="",${text(NO_DATA)},IF(${F}="milestone",${milestoneStatus},IF(${beforeBase},NA(),` +
    `IF(${F}="qualitative",${qualitativeStatus},IF(${F}="yearly",${yearlyStatus},${pathStatus})))))`;

  const trendSums = trendHelpers(x);
  const trend = trendValue(x);
  const projection =
    `IF(${Y}="","",IF(OR(${F}="milestone",${F}="qualitative"),"",IF(${beforeBase},"",` +
    `IF(${F}="yearly",IF(ISNUMBER(${E}),${trend},""),IF(${Y}>=${DUE},${x.Ac},${trend})))))`;

  return { ...base, ...d, ...an, aExpected, ...trendSums, expected, progress, status, projection };
}

/**
 * method.ts trendAt() as sums over the points (helper columns): the plan's baseline (path kinds)
 * and the actuals after its year, or all actuals; for additions the running sums of the typed
 * additions. Years are counted from the due year, so the fitted line's intercept is the projection.
 */
function trendHelpers(x: Ctx): Pick<RowFormulas, "trendFrom" | "addBefore" | "tN" | "tSx" | "tSxx" | "tSy" | "tSxy" | "tLy" | "tLxy"> {
  const { refs, years, K, F, PBY, PBV, DUE, SC } = x;
  const a = (y: number) => refs.actual(y);
  const am = (y: number) => `${a(y)}*${SC}`;
  const TF = refs.col("trendFrom");
  const PRE = refs.col("addBefore");
  // Points are the typed years after TF (the plan's baseline year for path kinds, else 0: all).
  const inc = (y: number) => `ISNUMBER(${a(y)})*(${y}>${TF})`;
  const dx = (y: number | string) => `(${y}-${DUE})`;
  const first = years[0];
  // Additions: the running sum of what was added after the baseline year: the sum so far less
  // what was typed up to the baseline year (which never counts).
  const running = (y: number) => `(SUM(${refs.range(first, y)})-${PRE})`;
  const value = (y: number) => `IF(${K}="additions",${running(y)},${a(y)})*${SC}`;
  const basePart = (term: string) => `IF(${TF}>0,${term},0)`;
  const count = (term: (y: number) => string) => years.map((y) => `${inc(y)}${term(y)}`).join("+");
  const sum = (term: (y: number) => string) => years.map((y) => `IF(${inc(y)},${term(y)},0)`).join("+");
  const out = {
    trendFrom: `IF(AND(${F}="path",ISNUMBER(${PBY})),${PBY},0)`,
    addBefore: years.map((y) => `N(${a(y)})*(${y}<=N(${PBY}))`).join("+"),
    tN: `(${TF}>0)+${count(() => "")}`,
    tSx: `${basePart(dx(TF))}+${count((y) => `*${dx(y)}`)}`,
    tSxx: `${basePart(`${dx(TF)}^2`)}+${count((y) => `*${dx(y)}^2`)}`,
    tSy: `${basePart(PBV)}+${sum(value)}`,
    tSxy: `${basePart(`${dx(TF)}*${PBV}`)}+${sum((y) => `${value(y)}*${dx(y)}`)}`,
    tLy: EMPTY,
    tLxy: EMPTY,
  };
  if (x.settings.path === "compound") {
    // A line through ln(value + shift) when every point is above −shift, else "" (linear).
    const sh = shift(x);
    const bad = `OR(IF(${TF}>0,${PBV}+${sh}<=0,${FALSE}),${years.map((y) => `IF(${inc(y)},${am(y)}+${sh}<=0,${FALSE})`).join(",")})`;
    const ln = (v: string) => `LN(${v}+${sh})`;
    out.tLy = `IF(${bad},"",${basePart(ln(PBV))}+${sum((y) => ln(am(y)))})`;
    out.tLxy = `IF(${bad},"",${basePart(`${ln(PBV)}*${dx(TF)}`)}+${sum((y) => `${ln(am(y))}*${dx(y)}`)})`;
  }
  return out;
}

/** The least-squares line through the sums, read at the due year (compound: through the logs). */
function trendValue(x: Ctx): string {
  const c = (k: HelperKey) => x.refs.col(k);
  const n = c("tN");
  const fit = (sy: string, sxy: string) => {
    const slope = `((${n}*${sxy}-${c("tSx")}*${sy})/(${n}*${c("tSxx")}-${c("tSx")}^2))`;
    return `((${sy}-${slope}*${c("tSx")})/${n})`;
  };
  const linear = fit(c("tSy"), c("tSxy"));
  const value = x.settings.path === "compound" ? `IF(ISNUMBER(${c("tLy")}),EXP(${fit(c("tLy"), c("tLxy"))})-${shift(x)},${linear})` : linear;
  return `IF(${n}<2,"",(${value})/${x.SC})`;
}

/** The computed columns that call the add-in's functions in live mode. */
function liveFormulas(input: FormulaInput): Partial<RowFormulas> {
  const { years, refs } = input;
  const fn = input.ipName ?? ((name: string) => `IP.${name}`);
  const id = refs.col("id");
  const Y = refs.col("latestYear");
  const range = refs.range(years[0], years[years.length - 1]);
  // Some Excel builds hand blank cells of a range argument to a custom function as 0 (office-js
  // #5262): pass numbers (scaled, below) and everything else as text, a blank as "", so an empty
  // year is never read as an actual of 0; typed text (是, 1,850) reaches IP.* as typed. Custom
  // functions exist only where arrays evaluate.
  // Cells hold figures in the plan's unit (0.575 亿元); IP.* count in their own (元): numbers are
  // scaled by the row's ipScale, which is 1 wherever the cell unit is IP.*'s (percentages too).
  const k = refs.col("ipScale");
  const all = `IF(ISNUMBER(${range}),${range}*${k},${range}&"")`;
  const last = years[years.length - 1];
  // Only #N/A ("the method has no answer") is left blank: without the add-in (WPS, LibreOffice,
  // Excel without it) the cells show #NAME? instead of looking empty, and bad input shows #VALUE!.
  const ifna = input.file ? "_xlfn.IFNA" : "IFNA";
  return {
    expected: `IF(${Y}="","",${ifna}(${fn("EXPECTED")}(${id},${Y})/${k},""))`,
    progress: `${ifna}(${fn("PROGRESS")}(${id},${all},${last}),"")`,
    status: `${fn("STATUS")}(${id},${all},${last})`,
    projection: `${ifna}(${fn("PROJECT")}(${id},${all},{${years.join(",")}})/${k},"")`,
  };
}
