/**
 * The progress method: how far a target has come, whether that is on schedule, and what it will
 * take to get there. Pure functions of a plan's target and the yearly actuals officials typed;
 * every formula and threshold is written down in docs/method.md.
 */
import type { Plan, Target } from "../catalog/schema";
import { baseTolerance } from "./rounding";
import { DEFAULT_SETTINGS, type MethodSettings } from "./settings";

/** One yearly actual as an official typed it. */
export interface Observation {
  year: number;
  value: number;
}

export type StatusCode = "achieved" | "ahead" | "onTrack" | "behind" | "regressed" | "noData";

export const STATUS_CODES: readonly StatusCode[] = ["achieved", "ahead", "onTrack", "behind", "regressed", "noData"];

/** The words of China's plan reviews, with English beside them. */
export const STATUS_LABELS: Readonly<Record<StatusCode, { zh: string; en: string }>> = {
  achieved: { zh: "已实现", en: "Achieved" },
  ahead: { zh: "快于预期", en: "Ahead of schedule" },
  onTrack: { zh: "基本符合预期", en: "On track" },
  behind: { zh: "滞后", en: "Behind schedule" },
  regressed: { zh: "倒退", en: "Moving away" },
  noData: { zh: "无数据", en: "No data" },
};

/** A question the method cannot answer for this target; the functions show it as #N/A or #VALUE!. */
export class MethodError extends Error {
  constructor(
    readonly code: "NA" | "VALUE",
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "MethodError";
  }
}

export interface TargetRef {
  plan: Plan;
  target: Target;
}

type Family = "path" | "yearly" | "milestone" | "qualitative";

/** How a kind is measured: along a path from base to target, against a yearly bar, or yes/no. */
export function familyOf(kind: Target["kind"]): Family {
  switch (kind) {
    case "level":
    case "cumulative":
    case "additions":
    case "growth":
      return "path";
    case "annual":
    case "growthRate":
      return "yearly";
    case "milestone":
      return "milestone";
    default:
      return "qualitative";
  }
}

export interface Point {
  year: number;
  value: number;
  /** True when the point is the first actual, standing in for a base the plan does not give. */
  observed?: boolean;
}

const sign = (t: Target) => (t.direction === "decrease" ? -1 : 1);
const eps = (x: number) => 1e-9 * Math.max(1, Math.abs(x));
/**
 * At least the threshold, within the same tolerance as every other comparison: a pace or
 * completion that is a threshold up to rounding (4.8 → 5.37 against 5.25 gives 0.9499999999999996)
 * counts as reaching it. The portable formulas compare the same way (src/sheets/formulas.ts).
 */
export const atLeast = (value: number, threshold: number) => value >= threshold - eps(threshold);

/** The year the plan's target is due; the period's end when the plan names none. */
export function dueYear({ plan, target }: TargetRef): number {
  return target.target.year ?? plan.period.end;
}

/**
 * The plan's own starting point for a target: its printed base; for additions and growth kinds,
 * zero at the base year (or the year before the period) since they count from there.
 */
export function planBaseline({ plan, target }: TargetRef): Point | null {
  if (target.kind === "additions" || target.kind === "growth") {
    return { year: target.base?.year ?? plan.period.start - 1, value: 0 };
  }
  if (target.base && target.base.value != null) return { year: target.base.year, value: target.base.value };
  // A running total the plan gives no base for (累计超过140亿元) is counted over the plan period.
  if (target.kind === "cumulative") return { year: plan.period.start - 1, value: 0 };
  return null;
}

/** Sorted, one value per year (the last typed wins), finite numbers only. */
export function cleanSeries(series: readonly Observation[]): Observation[] {
  const byYear = new Map<number, number>();
  for (const o of series) {
    if (o && Number.isInteger(o.year) && typeof o.value === "number" && Number.isFinite(o.value)) byYear.set(o.year, o.value);
  }
  return [...byYear.entries()].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value }));
}

/**
 * The series of the measured quantity: for additions the running sum of yearly additions
 * (from the year after the baseline); for a qualitative target without a base the values from the
 * period's first year on (its reference, §7); else the values as typed.
 */
export function measureSeries(ref: TargetRef, series: readonly Observation[]): Observation[] {
  const clean = cleanSeries(series);
  if (familyOf(ref.target.kind) === "qualitative" && !planBaseline(ref)) return clean.filter((o) => o.year >= ref.plan.period.start);
  if (ref.target.kind !== "additions") return clean;
  const from = (planBaseline(ref)?.year ?? -Infinity) + 1;
  let sum = 0;
  const out: Observation[] = [];
  for (const o of clean) {
    if (o.year < from) continue;
    sum += o.value;
    out.push({ year: o.year, value: sum });
  }
  return out;
}

/** Does the value meet the target as the plan's words put it? null where no figure decides. */
export function comparatorHolds(target: Target, value: number, bar: number | null = target.target.value): boolean | null {
  if (target.kind === "milestone") return value >= 1;
  if (bar == null) return null;
  const s = sign(target);
  switch (target.comparator) {
    case "exceed":
      return s * (value - bar) > eps(bar);
    case "atMost":
      return value <= bar + eps(bar);
    case "range":
      return value >= bar - eps(bar) && value <= (target.target.max ?? Infinity) + eps(target.target.max ?? 0);
    default:
      return s * (value - bar) >= -eps(bar);
  }
}

function interpolate(a: Point, b: Point, year: number, shape: MethodSettings["path"], kind: Target["kind"]): number {
  if (b.year === a.year) return b.value;
  const f = (year - a.year) / (b.year - a.year);
  if (shape === "compound") {
    // Growth in % compounds on the index (100 + x); other kinds on the value itself.
    const shift = kind === "growth" ? 100 : 0;
    const va = a.value + shift;
    const vb = b.value + shift;
    if (va > 0 && vb > 0) return va * Math.pow(vb / va, f) - shift;
  }
  return a.value + (b.value - a.value) * f;
}

/** The anchors of the expected path: baseline, printed milestones after it, then the target. */
function pathAnchors(ref: TargetRef, baseline: Point | null): Point[] {
  const { target } = ref;
  const due = dueYear(ref);
  const anchors: Point[] = baseline ? [baseline] : [];
  for (const m of [...target.milestones].sort((a, b) => a.year - b.year)) {
    if ((!baseline || m.year > baseline.year) && m.year < due) anchors.push({ year: m.year, value: m.value });
  }
  if (target.target.value != null && (!baseline || due > baseline.year)) anchors.push({ year: due, value: target.target.value });
  return anchors;
}

function checkYear(ref: TargetRef, year: number): void {
  if (!Number.isInteger(year)) {
    throw new MethodError("VALUE", `年份须为整数：${year}`, `the year must be a whole number: ${year}`);
  }
  if (year > ref.plan.period.end && year > dueYear(ref)) {
    throw new MethodError(
      "NA",
      `${year} 年在规划期（${ref.plan.period.start}–${ref.plan.period.end}）之后，规划未给出该年的目标`,
      `${year} is after the plan period (${ref.plan.period.start}–${ref.plan.period.end}); the plan sets nothing for it`,
    );
  }
}

function noFigure(ref: TargetRef): MethodError {
  const what = ref.target.kind === "milestone" ? { zh: "是否完成型（里程碑）", en: "a yes/no milestone" } : { zh: "定性", en: "qualitative" };
  return new MethodError(
    "NA",
    `${ref.target.id} 为${what.zh}目标，规划未给出数值`,
    `${ref.target.id} is ${what.en}; the plan gives no figure`,
  );
}

/**
 * The value expected in a year (序时进度): the printed milestone for that year; else, on the path
 * from the baseline through the milestones to the target (linear or compound); for yearly kinds,
 * the yearly bar. After the target year the target itself is expected to hold.
 * `baseline` overrides the plan's (the status uses the first actual where the plan gives none).
 */
export function expectedValue(
  ref: TargetRef,
  year: number,
  settings: MethodSettings = DEFAULT_SETTINGS,
  baseline: Point | null = planBaseline(ref),
): number {
  checkYear(ref, year);
  const { target } = ref;
  const fam = familyOf(target.kind);
  if (fam === "milestone" || fam === "qualitative") throw noFigure(ref);
  const printed = target.milestones.find((m) => m.year === year);
  if (printed) return printed.value;
  const due = dueYear(ref);
  const tv = target.target.value as number;
  if (year >= due) return tv;
  if (fam === "yearly") {
    // The base year's amount is the base itself; the yearly bar starts with the period.
    if (target.base && target.base.value != null && year === target.base.year) return target.base.value;
    if (year < ref.plan.period.start) {
      throw new MethodError(
        "NA",
        `${year} 年在规划期（${ref.plan.period.start}–${ref.plan.period.end}）之前`,
        `${year} is before the plan period (${ref.plan.period.start}–${ref.plan.period.end})`,
      );
    }
    return tv;
  }
  const anchors = pathAnchors(ref, baseline);
  if (anchors.length === 0 || year < anchors[0].year) {
    if (baseline) {
      throw new MethodError(
        "NA",
        `${year} 年早于基期（${baseline.year} 年）`,
        `${year} is before the base year (${baseline.year})`,
      );
    }
    throw new MethodError(
      "NA",
      `${target.id} 规划未给出基期值，无法推算 ${year} 年的序时进度`,
      `the plan gives ${target.id} no base value, so there is no expected value for ${year}`,
    );
  }
  for (let i = 1; i < anchors.length; i++) {
    if (year <= anchors[i].year) return interpolate(anchors[i - 1], anchors[i], year, settings.path, target.kind);
  }
  return anchors[anchors.length - 1].value;
}

/** What IP.TARGET answers: the target, or for a year its milestone / expected value. */
export function targetValue(ref: TargetRef, year?: number | null, settings: MethodSettings = DEFAULT_SETTINGS): number {
  const fam = familyOf(ref.target.kind);
  if (fam === "milestone" || fam === "qualitative") throw noFigure(ref);
  if (year == null || year === dueYear(ref)) return ref.target.target.value as number;
  return expectedValue(ref, year, settings);
}

export interface Assessment {
  status: StatusCode;
  /** The year assessed: the latest year with an actual (up to the year asked about). */
  year: number | null;
  /** The measured value then: the actual, or for additions the sum since the base. */
  achieved: number | null;
  /** The value expected that year (序时进度), where the method has one. */
  expected: number | null;
  /** (achieved − base) / (target − base): share of the way from base to target. */
  progress: number | null;
  /** achieved / target (完成率); target / achieved when lower is better. */
  completion: number | null;
  /** Progress made over progress expected since the base: the number the thresholds cut. */
  pace: number | null;
  /** Value expected in the target year from the actuals' trend (settings.path). */
  projected: number | null;
  /** Change per year still needed from the assessed year to the target year. */
  requiredPerYear: number | null;
  baseline: Point | null;
  /** Remaining distance to the target in its good direction (≤ 0 once passed). */
  gap: number | null;
}

const EMPTY: Omit<Assessment, "status"> = {
  year: null,
  achieved: null,
  expected: null,
  progress: null,
  completion: null,
  pace: null,
  projected: null,
  requiredPerYear: null,
  baseline: null,
  gap: null,
};

function safeExpected(ref: TargetRef, year: number, settings: MethodSettings, baseline: Point | null): number | null {
  try {
    return expectedValue(ref, year, settings, baseline);
  } catch {
    return null;
  }
}

/** achieved / bar, or bar / achieved when lower is better; null where the ratio means nothing. */
export function completionRatio(target: Target, achieved: number, bar: number | null = target.target.value): number | null {
  if (target.kind === "milestone") return achieved >= 1 ? 1 : 0;
  if (bar == null) return null;
  if (target.direction === "decrease") return achieved > 0 ? bar / achieved : null;
  return bar > 0 ? achieved / bar : null;
}

/** Remaining distance to the bar in the target's good direction. */
export function gapTo(target: Target, achieved: number, bar: number | null = target.target.value): number | null {
  if (bar == null) return null;
  return target.direction === "decrease" ? achieved - bar : bar - achieved;
}

/** Least-squares line (or line through logs for compound) through the points, read at `year`. */
export function trendAt(points: readonly Point[], year: number, shape: MethodSettings["path"], shift = 0): number | null {
  const pts = points.filter((p, i, all) => all.findIndex((q) => q.year === p.year) === i);
  if (pts.length < 2) return null;
  const useLog = shape === "compound" && pts.every((p) => p.value + shift > 0);
  const ys = pts.map((p) => (useLog ? Math.log(p.value + shift) : p.value));
  const xs = pts.map((p) => p.year);
  const n = pts.length;
  const mx = xs.reduce((a, b) => a + b, 0) / n;
  const my = ys.reduce((a, b) => a + b, 0) / n;
  let sxx = 0;
  let sxy = 0;
  for (let i = 0; i < n; i++) {
    sxx += (xs[i] - mx) ** 2;
    sxy += (xs[i] - mx) * (ys[i] - my);
  }
  if (sxx === 0) return null;
  const fit = my + (sxy / sxx) * (year - mx);
  return useLog ? Math.exp(fit) - shift : fit;
}

/**
 * The full assessment of a target from its yearly actuals, as of `asOf` (default: all of them).
 * Throws MethodError only for a year the plan cannot answer; missing data is status noData.
 */
export function assess(
  ref: TargetRef,
  series: readonly Observation[],
  asOf?: number | null,
  settings: MethodSettings = DEFAULT_SETTINGS,
): Assessment {
  const { target } = ref;
  const fam = familyOf(target.kind);
  if (asOf != null) checkYear(ref, asOf);
  const measured = measureSeries(ref, series).filter((o) => asOf == null || o.year <= asOf);
  const latest = measured[measured.length - 1];
  if (!latest) return { status: "noData", ...EMPTY, baseline: planBaseline(ref) };
  if (asOf == null) checkYear(ref, latest.year);
  const due = dueYear(ref);
  const A = latest.value;
  const Y = latest.year;
  const s = sign(target);

  if (fam === "milestone") {
    const done = A >= 1;
    return {
      ...EMPTY,
      status: done ? "achieved" : Y >= due ? "behind" : "onTrack",
      year: Y,
      achieved: A,
      progress: done ? 1 : 0,
      completion: done ? 1 : 0,
    };
  }

  const planBase = planBaseline(ref);
  const first = measured[0];
  if (planBase && Y < planBase.year) {
    throw new MethodError("NA", `${Y} 年早于基期（${planBase.year} 年）`, `${Y} is before the base year (${planBase.year})`);
  }

  if (fam === "qualitative") {
    const ref0 = qualitativeReference(ref, measured, Y);
    const moved = ref0 ? s * (A - ref0.value) : 0;
    return {
      ...EMPTY,
      status: moved < -eps(A) ? "regressed" : "onTrack",
      year: Y,
      achieved: A,
      baseline: ref0 ? { ...ref0, observed: !planBase } : null,
    };
  }

  if (fam === "yearly") {
    const bar = expectedValue(ref, Y, settings, planBase);
    // In the base year itself nothing is expected yet: only the final target can be met there.
    const atBase = planBase != null && Y === planBase.year && Y < ref.plan.period.start;
    const holds = comparatorHolds(target, A, atBase ? target.target.value : bar) === true;
    const completion = completionRatio(target, A, bar);
    const regressed =
      target.kind === "growthRate" ? s * A < -eps(A) : planBase != null && Y > planBase.year && s * (A - planBase.value) < -eps(planBase.value);
    const beyondRange = target.comparator === "range" && target.target.max != null && s * (A - target.target.max) > eps(target.target.max);
    let status: StatusCode;
    if (holds) status = "achieved";
    else if (beyondRange) status = "ahead";
    else if (regressed) status = "regressed";
    else if (atBase || (completion != null && atLeast(completion, settings.thresholds.onTrack))) status = "onTrack";
    else status = "behind";
    const years = Y - (ref.plan.period.start - 1);
    const span = due - (ref.plan.period.start - 1);
    let required: number | null = null;
    if (Y < due && target.target.value != null) {
      required =
        target.kind === "growthRate" && years > 0 && span > years
          ? (span * target.target.value - years * A) / (span - years)
          : target.target.value;
    }
    const trend = trendAt(measured, due, settings.path);
    return {
      ...EMPTY,
      status,
      year: Y,
      achieved: A,
      expected: bar,
      progress: completion,
      completion,
      pace: completion,
      projected: trend,
      requiredPerYear: required,
      baseline: planBase,
      gap: gapTo(target, A, bar),
    };
  }

  // Path kinds: level, cumulative, additions, growth.
  const T = target.target.value as number;
  const baseline: Point = planBase ?? { year: first.year, value: first.value, observed: true };
  const expected = safeExpected(ref, Y, settings, baseline);
  const holds = comparatorHolds(target, A) === true;
  const moved = s * (A - baseline.value);
  const span = T - baseline.value;
  const progress = Math.abs(span) > eps(T) ? (A - baseline.value) / span : holds ? 1 : 0;
  const expectedMove = expected == null ? 0 : s * (expected - baseline.value);
  const pace = expectedMove > eps(T) ? moved / expectedMove : null;
  const beyondRange = target.comparator === "range" && target.target.max != null && s * (A - target.target.max) > eps(target.target.max);

  let status: StatusCode;
  if (holds) status = "achieved";
  else if (beyondRange) status = "ahead";
  else if (moved < -eps(baseline.value)) status = "regressed";
  else if (Y >= due) status = "behind";
  else if (pace == null) status = "onTrack";
  else if (atLeast(pace, settings.thresholds.ahead)) status = "ahead";
  else if (atLeast(pace, settings.thresholds.onTrack)) status = "onTrack";
  else status = "behind";

  // 倒退 needs a move away from the base beyond what the plan's rounding of a derived base allows,
  // after the base year (docs/method.md §7, rule 3); short of that the pace (≤ 0) gives 滞后.
  if (status === "regressed" && !movedAwayFromBase(ref, Y, moved, baseline)) status = Y >= due || pace != null ? "behind" : "onTrack";
  const shift = target.kind === "growth" ? 100 : 0;
  const trendPoints: Point[] = planBase ? [planBase, ...measured.filter((o) => o.year > planBase.year)] : measured;
  const projected = Y >= due ? A : trendAt(trendPoints, due, settings.path, shift);
  let requiredPerYear: number | null = null;
  if (Y < due) requiredPerYear = (T - A) / (due - Y);

  return {
    status,
    year: Y,
    achieved: A,
    expected,
    progress: planBase || baseline.year < Y ? progress : null,
    completion: completionRatio(target, A),
    pace,
    projected,
    requiredPerYear,
    baseline,
    gap: gapTo(target, A),
  };
}

/**
 * Whether a path target has moved away from its base (rule 3 of §7): only after the base year, and
 * by more than τ = baseTolerance (the rounding of a derived base; 0 for a printed one).
 */
function movedAwayFromBase(ref: TargetRef, year: number, moved: number, baseline: Point): boolean {
  return year > baseline.year && moved < -(baseline.observed ? 0 : baseTolerance(ref));
}

/**
 * What a qualitative target's direction is judged against (docs/method.md §7): the plan's base, else
 * the first actual from the period's first year on, when it is older than the year assessed. An
 * older year typed (HN-02's 2018) is no reference for the plan's period (measureSeries drops it).
 */
export function qualitativeReference(ref: TargetRef, measured: readonly Observation[], year: number): Point | null {
  const planBase = planBaseline(ref);
  if (planBase) return planBase;
  const first = measured.find((o) => o.year >= ref.plan.period.start);
  return first && first.year < year ? { year: first.year, value: first.value } : null;
}
