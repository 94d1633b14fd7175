/**
 * The formulas of a target row's computed columns, in two modes:
 * - live: the columns call the add-in's IP.* functions, so a change of the method's settings applies
 *   to every sheet at once;
 * - portable: native functions only (IF, AND, OR, MAX, MIN, INDEX, SUM, COUNT, COUNTIF, SUMPRODUCT,
 *   ISNUMBER, ABS, LN, EXP, NA; no LET, LAMBDA or dynamic arrays), so Excel without the add-in, WPS
 *   and LibreOffice compute the same numbers and status words as method.ts assess(). The settings'
 *   thresholds and path shape are baked in.
 *
 * Each target's parameters (kind, comparator, base, milestones, target) are known when the formula is
 * written, so the portable formula is specialised per row: it only branches on what officials type.
 * It replays assess() step by step in the same order of floating-point operations, so results agree
 * to the last digit where Excel parses the plan's figures exactly (≤ 15 significant digits).
 * test/sheets/portable.test.ts checks this against assess() on random targets and actuals, and
 * scripts/e2e-libreoffice.mjs against a real spreadsheet.
 */
import type { Plan, Target } from "../core/catalog/schema";
import {
  dueYear,
  familyOf,
  type Point,
  planBaseline,
  STATUS_LABELS,
} from "../core/method/method";
import type { MethodSettings } from "../core/method/settings";
import { columnLetters as letters, type ComputedKey } from "./columns";

export type SheetMode = "live" | "portable";

/** How a row's formulas refer to its own cells: A1 references or structured table references. */
export interface RowRefs {
  /** A cell of this row in the computed or catalogue columns. */
  col(key: "id" | ComputedKey): string;
  /** The actual cell of a year. */
  actual(year: number): string;
  /** The actual cells of consecutive years from..to (inclusive). */
  range(from: number, to: number): string;
}

export interface FormulaInput {
  plan: Plan;
  target: Target;
  /** The sheet's actual columns: consecutive years, ascending. */
  years: readonly number[];
  settings: MethodSettings;
  refs: RowRefs;
  mode: SheetMode;
  /** How an IP function is spelled: "IP.STATUS" in Office JS, "_xldudf_IP_STATUS" in a file. */
  ipName?: (name: string) => string;
}

export type RowFormulas = Record<ComputedKey, string>;

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
export function a1Refs(row: number, column: (key: "id" | ComputedKey | number) => number): RowRefs {
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
export function tableRefs(tableName: string, header: (key: "id" | ComputedKey | number) => string, style: "ui" | "file"): RowRefs {
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

/** A number as Excel reads it; negative numbers in parentheses so they compose safely. */
export function lit(n: number): string {
  if (!Number.isFinite(n)) throw new Error(`not a finite number: ${n}`);
  const s = String(n).toUpperCase();
  return n < 0 ? `(${s})` : s;
}

const text = (s: string) => `"${s.replace(/"/g, '""')}"`;
const EMPTY = '""';

/** A value that is either known when the formula is written (number) or computed in the cell. */
type Num = number | string;
const show = (x: Num) => (typeof x === "number" ? lit(x) : `(${x})`);

/** method.ts eps(): 1e-9·max(1,|x|), folded when x is known. */
function eps(x: Num): string {
  return typeof x === "number" ? `(1E-9*${lit(Math.max(1, Math.abs(x)))})` : `(1E-9*MAX(1,ABS(${x})))`;
}

/** sign·(a − b), as method.ts computes it (negation is exact, so b − a when lower is better). */
function signed(target: Target, a: Num, b: Num): string {
  return target.direction === "decrease" ? `(${show(b)}-${show(a)})` : `(${show(a)}-${show(b)})`;
}

/** method.ts comparatorHolds(target, value, bar) for the quantitative kinds. */
function holds(target: Target, value: string, bar: Num): string {
  const v = `(${value})`;
  switch (target.comparator) {
    case "exceed":
      return `${signed(target, v, bar)}>${eps(bar)}`;
    case "atMost":
      return `${v}<=${show(bar)}+${eps(bar)}`;
    case "range": {
      const low = `${v}>=${show(bar)}-${eps(bar)}`;
      const max = target.target.max;
      return max == null ? low : `AND(${low},${v}<=${lit(max)}+${eps(max)})`;
    }
    default:
      return `${signed(target, v, bar)}>=-${eps(bar)}`;
  }
}

/** IF(Y=year1,value1,IF(Y=year2,value2,…otherwise)) over the printed milestones. */
function printedChain(Y: string, target: Target, otherwise: string): string {
  return [...target.milestones]
    .sort((a, b) => b.year - a.year)
    .reduce((acc, m) => `IF(${Y}=${m.year},${lit(m.value)},${acc})`, otherwise);
}

interface Anchor {
  y: Num;
  v: Num;
}

/** method.ts interpolate(a, b, year, shape, kind) for a segment of the expected path. */
function interpolate(a: Anchor, b: Anchor, Y: string, shape: MethodSettings["path"], target: Target): string {
  const f = `((${Y}-${show(a.y)})/(${show(b.y)}-${show(a.y)}))`;
  const linear = `(${show(a.v)}+(${show(b.v)}-${show(a.v)})*${f})`;
  if (shape !== "compound") return linear;
  const shift = target.kind === "growth" ? 100 : 0;
  const plus = (x: Num) => (shift ? `(${show(x)}+${shift})` : show(x));
  const compound = `(${plus(a.v)}*(${plus(b.v)}/${plus(a.v)})^${f}${shift ? `-${shift}` : ""})`;
  if (typeof a.v === "number" && typeof b.v === "number") return a.v + shift > 0 && b.v + shift > 0 ? compound : linear;
  return `IF(AND(${plus(a.v)}>0,${plus(b.v)}>0),${compound},${linear})`;
}

/**
 * method.ts expectedValue() for the path kinds (level, cumulative, additions, growth) in year Y,
 * from `base` (the plan's baseline, the first actual, or none) through the printed milestones to the
 * target. `onNA` is what a year the method cannot answer gives.
 */
function pathExpected(ref: { plan: Plan; target: Target }, Y: string, base: Anchor | null, shape: MethodSettings["path"], onNA: string): string {
  const { target } = ref;
  const due = dueYear(ref);
  const T = target.target.value as number;
  const milestones = [...target.milestones].sort((a, b) => a.year - b.year).filter((m) => m.year < due);
  let inner: string;
  if (!base || (typeof base.y === "number" && typeof base.v === "number")) {
    // The anchors are known now: filter and interpolate as pathAnchors() does.
    const anchors: Anchor[] = base ? [base] : [];
    for (const m of milestones) if (!base || m.year > (base.y as number)) anchors.push({ y: m.year, v: m.value });
    if (!base || due > (base.y as number)) anchors.push({ y: due, v: T });
    if (anchors.length === 0) inner = onNA;
    else {
      let segs = show(anchors[anchors.length - 1].v);
      for (let i = anchors.length - 1; i >= 1; i--) {
        segs = `IF(${Y}<=${show(anchors[i].y)},${interpolate(anchors[i - 1], anchors[i], Y, shape, target)},${segs})`;
      }
      inner = `IF(${Y}<${show(anchors[0].y)},${onNA},${segs})`;
    }
  } else {
    // The baseline is the first actual (year and value in the row's start cells): a milestone is an
    // anchor only after it, so the segment's lower end is chosen in the cell. Y ≥ base year here.
    const tail: Anchor[] = [...milestones.map((m) => ({ y: m.year, v: m.value })), { y: due, v: T }];
    let segs = show(tail[tail.length - 1].v);
    for (let k = tail.length - 1; k >= 0; k--) {
      const fromBase = interpolate(base, tail[k], Y, shape, target);
      const seg =
        k === 0
          ? fromBase
          : `IF(${show(tail[k - 1].y)}>${show(base.y)},${interpolate(tail[k - 1], tail[k], Y, shape, target)},${fromBase})`;
      segs = `IF(${Y}<=${show(tail[k].y)},${seg},${segs})`;
    }
    inner = segs;
  }
  return printedChain(Y, target, `IF(${Y}>=${due},${lit(T)},${inner})`);
}

// ---- the columns ---------------------------------------------------------------------------------

/**
 * The columns computed with native functions in both modes (the start point and the latest actual),
 * and in portable mode all the others.
 */
function nativeFormulas(input: FormulaInput): RowFormulas {
  const { plan, target, years, settings, refs } = input;
  const ref = { plan, target };
  const fam = familyOf(target.kind);
  const due = dueYear(ref);
  const planBase = planBaseline(ref);
  const y0 = years[0];
  const yN = years[years.length - 1];
  // Additions count only what was added after the baseline year (measureSeries()).
  const counted = target.kind === "additions" ? years.filter((y) => y > (planBase as Point).year) : [...years];
  const Y = refs.col("latestYear");
  const A = refs.col("latest");
  const SY = refs.col("startYear");
  const SV = refs.col("startValue");
  const all = refs.range(y0, yN);

  if (counted.length === 0) {
    return {
      startYear: planBase ? lit(planBase.year) : EMPTY,
      startValue: planBase ? lit(planBase.value) : EMPTY,
      latestYear: EMPTY,
      latest: EMPTY,
      expected: EMPTY,
      progress: EMPTY,
      status: text(NO_DATA),
      projection: EMPTY,
    };
  }
  const cnt = refs.range(counted[0], counted[counted.length - 1]);
  const latestYear = `IF(COUNT(${cnt})=0,"",MAX(${counted.map((y) => `ISNUMBER(${refs.actual(y)})*${y}`).join(",")}))`;
  const latest =
    target.kind === "additions" ? `IF(${Y}="","",SUM(${cnt}))` : `IF(${Y}="","",INDEX(${all},${Y}-${y0 - 1}))`;
  const firstYear = `MIN(${years.map((y) => `IF(ISNUMBER(${refs.actual(y)}),${y},9999)`).join(",")})`;
  const startValueOf = `IF(${SY}="","",INDEX(${all},${SY}-${y0 - 1}))`;

  // assess() refuses a latest actual before the plan's base year (#N/A); only possible when the
  // sheet has columns before that year (another target of the plan has an earlier base).
  const guarded = fam !== "milestone" && planBase != null && counted[0] < planBase.year;
  const guard = (expr: string, onNA: string) => (guarded ? `IF(${Y}<${(planBase as Point).year},${onNA},${expr})` : expr);
  const ifData = (expr: string, none = EMPTY) => `IF(${Y}="",${none},${expr})`;
  const label = (code: keyof typeof STATUS_LABELS) => text(STATUS_LABELS[code].zh);
  const { ahead, onTrack } = settings.thresholds;

  let start: [string, string];
  let expected = EMPTY;
  let progress = EMPTY;
  let status: string;
  let projection = EMPTY;

  if (fam === "milestone") {
    start = [EMPTY, EMPTY];
    progress = ifData(`IF(${A}>=1,1,0)`);
    status = ifData(`IF(${A}>=1,${label("achieved")},IF(${Y}>=${due},${label("behind")},${label("onTrack")}))`, text(NO_DATA));
  } else if (fam === "qualitative") {
    start = planBase
      ? [lit(planBase.year), lit(planBase.value)]
      : [`IF(COUNT(${all})<2,"",${firstYear})`, startValueOf];
    // Moved away from the reference point (the plan's base, else the first actual when it is older).
    const moved = planBase
      ? `${signed(target, A, planBase.value)}<-${eps(A)}`
      : `IF(${SY}="",FALSE,${signed(target, A, SV)}<-${eps(A)})`;
    status = ifData(guard(`IF(${moved},${label("regressed")},${label("onTrack")})`, "NA()"), text(NO_DATA));
  } else if (fam === "yearly") {
    start = planBase ? [lit(planBase.year), lit(planBase.value)] : [EMPTY, EMPTY];
    const T = target.target.value as number;
    // expectedValue(): the printed milestone, the target from the due year, the base itself in the
    // base year, nothing (#N/A) before the period, else the target.
    const bar = (onNA: string) => {
      let rest = lit(T);
      if (counted[0] < plan.period.start) rest = `IF(${Y}<${plan.period.start},${onNA},${rest})`;
      const base = target.base;
      if (base && base.value != null && years.includes(base.year)) rest = `IF(${Y}=${base.year},${lit(base.value)},${rest})`;
      return printedChain(Y, target, `IF(${Y}>=${due},${lit(T)},${rest})`);
    };
    expected = ifData(bar(EMPTY));
    const B = bar("NA()");
    const barVaries =
      target.milestones.length > 0 ||
      counted[0] < plan.period.start ||
      (target.base?.value != null && years.includes(target.base.year));
    const barNum: Num = barVaries ? B : T;
    // In the base year (before the period) nothing is expected yet: only the target itself counts.
    const atBase = planBase && planBase.year < plan.period.start && years.includes(planBase.year) ? `${Y}=${planBase.year}` : null;
    const isAchieved = atBase ? `IF(${atBase},${holds(target, A, T)},${holds(target, A, barNum)})` : holds(target, A, barNum);
    const completion =
      target.direction === "decrease" ? `IF(${A}>0,${show(barNum)}/${A},"")` : `IF(${show(barNum)}>0,${A}/${show(barNum)},"")`;
    const completionOk =
      target.direction === "decrease"
        ? `IF(${A}>0,${show(barNum)}/${A}>=${lit(onTrack)},FALSE)`
        : `IF(${show(barNum)}>0,${A}/${show(barNum)}>=${lit(onTrack)},FALSE)`;
    const regressed =
      target.kind === "growthRate"
        ? `${target.direction === "decrease" ? `(-${A})` : A}<-${eps(A)}`
        : planBase
          ? `AND(${Y}>${planBase.year},${signed(target, A, planBase.value)}<-${eps(planBase.value)})`
          : "FALSE";
    const max = target.target.max;
    const beyondRange = target.comparator === "range" && max != null ? `${signed(target, A, max)}>${eps(max)}` : "FALSE";
    const onTrackNow = atBase ? `OR(${atBase},${completionOk})` : completionOk;
    // Where the bar is #N/A the method refuses the year: no progress, no projection.
    const known = (expr: string) => (typeof barNum === "number" ? expr : `IF(ISNUMBER(${B}),${expr},"")`);
    progress = ifData(guard(known(completion), EMPTY));
    status = ifData(
      guard(
        `IF(${isAchieved},${label("achieved")},IF(${beyondRange},${label("ahead")},IF(${regressed},${label("regressed")},IF(${onTrackNow},${label("onTrack")},${label("behind")}))))`,
        "NA()",
      ),
      text(NO_DATA),
    );
    projection = ifData(guard(known(trend(input, counted, null, 0)), EMPTY));
  } else {
    // Path kinds: level, cumulative, additions, growth.
    const T = target.target.value as number;
    const base: Anchor = planBase ? { y: planBase.year, v: planBase.value } : { y: SY, v: SV };
    start = planBase
      ? [lit(planBase.year), lit(planBase.value)]
      : [ifData(firstYear), startValueOf];
    expected = ifData(
      pathExpected(ref, Y, planBase ? { y: planBase.year, v: planBase.value } : null, settings.path, EMPTY),
    );
    const E = pathExpected(ref, Y, base, settings.path, "NA()");
    const isAchieved = holds(target, A, T);
    const span = planBase ? T - planBase.value : null;
    const fraction = `(${A}-${show(base.v)})/(${lit(T)}-${show(base.v)})`;
    const rawProgress =
      span != null
        ? Math.abs(span) > 1e-9 * Math.max(1, Math.abs(T))
          ? fraction
          : `IF(${isAchieved},1,0)`
        : `IF(ABS(${lit(T)}-${SV})>${eps(T)},${fraction},IF(${isAchieved},1,0))`;
    progress = ifData(guard(planBase ? rawProgress : `IF(${SY}<${Y},${rawProgress},"")`, EMPTY));

    const moved = signed(target, A, base.v);
    const expectedMove = signed(target, E, base.v);
    const pace = `${moved}/${expectedMove}`;
    const max = target.target.max;
    const beyondRange =
      target.comparator === "range" && max != null ? `${signed(target, A, max)}>${eps(max)}` : "FALSE";
    const byPace = `IF(${expectedMove}>${eps(T)},IF(${pace}>=${lit(ahead)},${label("ahead")},IF(${pace}>=${lit(onTrack)},${label("onTrack")},${label("behind")})),${label("onTrack")})`;
    status = ifData(
      guard(
        `IF(${isAchieved},${label("achieved")},IF(${beyondRange},${label("ahead")},IF(${moved}<-${eps(base.v)},${label("regressed")},IF(${Y}>=${due},${label("behind")},${byPace}))))`,
        "NA()",
      ),
      text(NO_DATA),
    );
    // The trend runs through the plan's base and the actuals after it, or through the actuals alone.
    const trendYears = planBase ? counted.filter((y) => y > planBase.year) : counted;
    const shift = target.kind === "growth" ? 100 : 0;
    projection = ifData(
      guard(`IF(${Y}>=${due},${A},${trend(input, trendYears, planBase, shift)})`, EMPTY),
    );
  }

  return {
    startYear: start[0],
    startValue: start[1],
    latestYear,
    latest,
    expected,
    progress,
    status,
    projection,
  };
}

/**
 * method.ts trendAt(): the least-squares line (or line through logs, compound) through the points,
 * read at the due year. Years are counted from the due year so the reading is the intercept.
 * For additions the points are running sums of the typed additions.
 */
function trend(input: FormulaInput, years: readonly number[], base: Point | null, shift: number): string {
  const { target, refs, settings } = input;
  const due = dueYear(input);
  if (years.length === 0) return EMPTY;
  const from = years[0];
  const R = refs.range(from, years[years.length - 1]);
  const xs = years.map((y) => y - due);
  const arr = (vals: number[]) => `{${vals.map((v) => String(v)).join(",")}}`;
  const bx = base ? base.year - due : 0;
  const plusBase = (expr: string, extra: string) => (base ? `(${expr}+${extra})` : expr);
  const n = base ? `(COUNT(${R})+1)` : `COUNT(${R})`;
  const Sx = plusBase(`SUMPRODUCT(--ISNUMBER(${R}),${arr(xs)})`, lit(bx));
  const Sxx = plusBase(`SUMPRODUCT(--ISNUMBER(${R}),${arr(xs.map((x) => x * x))})`, lit(bx * bx));
  const cumulative = target.kind === "additions";
  const pointValue = (y: number) => (cumulative ? `SUM(${refs.range(from, y)})` : refs.actual(y));
  let Sy: string;
  let Sxy: string;
  if (cumulative) {
    Sy = `(${years.map((y) => `ISNUMBER(${refs.actual(y)})*${pointValue(y)}`).join("+")})`;
    Sxy = `(${years.map((y, i) => `ISNUMBER(${refs.actual(y)})*${pointValue(y)}*${lit(xs[i])}`).join("+")})`;
  } else {
    Sy = plusBase(`SUM(${R})`, lit(base?.value ?? 0));
    Sxy = plusBase(`SUMPRODUCT(${R},${arr(xs)})`, `${lit(bx)}*${lit(base?.value ?? 0)}`);
  }
  const fit = (sy: string, sxy: string) => {
    const slope = `((${n}*${sxy}-${Sx}*${sy})/(${n}*${Sxx}-${Sx}^2))`;
    return `((${sy}-${slope}*${Sx})/${n})`;
  };
  const linear = fit(Sy, Sxy);
  let value = linear;
  // Compound: a line through ln(value + shift) when every point is above −shift.
  if (settings.path === "compound" && (!base || base.value + shift > 0) && !cumulative) {
    const ln = (y: number) => `IF(ISNUMBER(${refs.actual(y)}),LN(${refs.actual(y)}${shift ? `+${shift}` : ""}),0)`;
    const lnBase = base ? `LN(${lit(base.value)}${shift ? `+${shift}` : ""})` : "";
    const SLy = plusBase(`(${years.map(ln).join("+")})`, lnBase);
    const SLxy = plusBase(`(${years.map((y, i) => `${ln(y)}*${lit(xs[i])}`).join("+")})`, `${lnBase}*${lit(bx)}`);
    const logFit = `(EXP(${fit(SLy, SLxy)})${shift ? `-${shift}` : ""})`;
    value = `IF(COUNTIF(${R},"<=${-shift}")=0,${logFit},${linear})`;
  }
  return `IF(${n}<2,"",${value})`;
}

/** The computed columns that call the add-in's functions in live mode. */
function liveFormulas(input: FormulaInput): Partial<RowFormulas> {
  const { years, refs } = input;
  const fn = input.ipName ?? ((name: string) => `IP.${name}`);
  const id = refs.col("id");
  const Y = refs.col("latestYear");
  const all = refs.range(years[0], years[years.length - 1]);
  const last = years[years.length - 1];
  return {
    expected: `IF(${Y}="","",IFERROR(${fn("EXPECTED")}(${id},${Y}),""))`,
    progress: `IFERROR(${fn("PROGRESS")}(${id},${all},${last}),"")`,
    status: `${fn("STATUS")}(${id},${all},${last})`,
    projection: `IFERROR(${fn("PROJECT")}(${id},${all},{${years.join(",")}}),"")`,
  };
}
