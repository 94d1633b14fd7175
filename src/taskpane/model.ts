/**
 * What the views compute from the catalogue and the actuals read back from the workbook:
 * each target's status, counts per status, and the points of the expected-path chart.
 */
import type { Catalog, CatalogEntry } from "../core/catalog/catalog";
import type { Plan } from "../core/catalog/schema";
import {
  type Assessment,
  assess,
  dueYear,
  expectedValue,
  familyOf,
  measureSeries,
  type Observation,
  planBaseline,
  STATUS_CODES,
  type StatusCode,
} from "../core/method/method";
import type { MethodSettings } from "../core/method/settings";

export type Actuals = ReadonlyMap<string, readonly Observation[]>;
export type StatusCounts = Record<StatusCode, number>;

/** The assessment of a target from its actuals; a series the method cannot read counts as no data. */
export function assessTarget(entry: CatalogEntry, actuals: Actuals, settings: MethodSettings): Assessment | null {
  try {
    return assess(entry, actuals.get(entry.target.id) ?? [], null, settings);
  } catch {
    return null;
  }
}

export function statusOf(entry: CatalogEntry, actuals: Actuals, settings: MethodSettings): StatusCode {
  return assessTarget(entry, actuals, settings)?.status ?? "noData";
}

export function computeStatuses(catalog: Catalog, actuals: Actuals, settings: MethodSettings): Map<string, StatusCode> {
  const out = new Map<string, StatusCode>();
  for (const entry of catalog.entries()) out.set(entry.target.id, statusOf(entry, actuals, settings));
  return out;
}

export function emptyCounts(): StatusCounts {
  return Object.fromEntries(STATUS_CODES.map((s) => [s, 0])) as StatusCounts;
}

export function countStatuses(plan: Plan, statuses: ReadonlyMap<string, StatusCode>): StatusCounts {
  const counts = emptyCounts();
  for (const t of plan.targets) counts[statuses.get(t.id) ?? "noData"]++;
  return counts;
}

/** True when any target of the plan has at least one actual. */
export function planHasActuals(plan: Plan, actuals: Actuals): boolean {
  return plan.targets.some((t) => (actuals.get(t.id)?.length ?? 0) > 0);
}

export interface ChartPoint {
  year: number;
  value: number;
}

export interface PathChartData {
  expected: ChartPoint[];
  actual: ChartPoint[];
  target: ChartPoint | null;
  /** The plan's base (or the method's zero for additions), labelled on the chart; null without one. */
  base: ChartPoint | null;
  /** From the last actual to the value the actuals' trend reaches in the target year; empty when none. */
  projection: ChartPoint[];
}

/**
 * The expected path year by year from the baseline (or the period's start) to the target year, and
 * the actuals as the method measures them (for additions, the running sum). Null when the target
 * has no numeric path (milestones, qualitative targets).
 */
export function pathChartData(entry: CatalogEntry, series: readonly Observation[], settings: MethodSettings): PathChartData | null {
  const fam = familyOf(entry.target.kind);
  if (fam === "milestone" || fam === "qualitative" || entry.target.target.value == null) return null;
  const due = dueYear(entry);
  const baseline = planBaseline(entry);
  const from = Math.min(baseline?.year ?? entry.plan.period.start, due);
  const expected: ChartPoint[] = [];
  for (let year = from; year <= due; year++) {
    try {
      expected.push({ year, value: expectedValue(entry, year, settings) });
    } catch {
      // No expected value that year (no base printed): the line starts where the method can say.
    }
  }
  const actual: ChartPoint[] = measureSeries(entry, series).map(({ year, value }) => ({ year, value }));
  const last = actual.at(-1);
  let projection: ChartPoint[] = [];
  if (last && last.year < due) {
    try {
      const projected = assess(entry, series, null, settings).projected;
      if (projected != null && Number.isFinite(projected)) projection = [last, { year: due, value: projected }];
    } catch {
      // No trend the method can read: no projection drawn.
    }
  }
  return {
    expected,
    actual,
    target: { year: due, value: entry.target.target.value },
    base: baseline ? { year: baseline.year, value: baseline.value } : null,
    projection,
  };
}

/** Counts per status over any set of targets (a measure's, across plans). */
export function countEntries(entries: readonly CatalogEntry[], statuses: ReadonlyMap<string, StatusCode>): StatusCounts {
  const counts = emptyCounts();
  for (const { target } of entries) counts[statuses.get(target.id) ?? "noData"]++;
  return counts;
}

const LEVEL_RANK: Record<string, number> = { province: 0, city: 1, zone: 2, county: 3 };

/** A measure's targets as officials read them: the province first, then cities, zones, counties (plan order within a level). */
export function byLevel(entries: readonly CatalogEntry[]): CatalogEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => (LEVEL_RANK[a.e.plan.level] ?? 9) - (LEVEL_RANK[b.e.plan.level] ?? 9) || a.i - b.i)
    .map(({ e }) => e);
}

export type CompareScale = "percent" | "absolute";

/** One plan's line on the comparison chart: its own path (base → milestones → target) and its actuals. */
export interface CompareSeries {
  planId: string;
  targetId: string;
  path: ChartPoint[];
  actual: ChartPoint[];
}

/**
 * Absolute values compare only where every target counts the same thing the same way: one unit
 * and one kind (a stock of 件 beside an increase of 件 would mislead). Otherwise only % of target.
 */
export function absoluteComparable(entries: readonly CatalogEntry[]): boolean {
  if (entries.length === 0) return false;
  const { unit, kind } = entries[0].target;
  return entries.every((e) => e.target.unit === unit && e.target.kind === kind);
}

/**
 * Each plan's path and actuals for the comparison chart on one time axis. Plans of a province and
 * of a county differ by orders of magnitude, so by default every value is a % of that plan's own
 * target (100 = the plan's target). Targets without a numeric path (or a zero target, in percent)
 * are left out; the view names them.
 */
export function compareSeries(
  entries: readonly CatalogEntry[],
  actuals: Actuals,
  settings: MethodSettings,
  scale: CompareScale,
): CompareSeries[] {
  const out: CompareSeries[] = [];
  for (const entry of entries) {
    const data = pathChartData(entry, actuals.get(entry.target.id) ?? [], settings);
    const goal = entry.target.target.value;
    if (!data || !data.target || goal == null) continue;
    if (scale === "percent" && goal === 0) continue;
    const k = (v: number) => (scale === "percent" ? (v / goal) * 100 : v);
    const end = data.target;
    const points = [
      ...(data.base ? [data.base] : []),
      ...entry.target.milestones.filter((m) => m.year < end.year).map((m) => ({ year: m.year, value: m.value })),
      end,
    ].sort((a, b) => a.year - b.year);
    out.push({
      planId: entry.plan.id,
      targetId: entry.target.id,
      path: points.map((p) => ({ year: p.year, value: k(p.value) })),
      actual: data.actual.map((p) => ({ year: p.year, value: k(p.value) })),
    });
  }
  return out;
}

/**
 * The actuals a roll-up collected (src/rollup), as the views read actuals: by target id, by year.
 * A target and year in conflict (different values in two files) is left out, never resolved here;
 * `conflicted` says how many were left out.
 */
export function actualsFromRollup(result: {
  actuals: ReadonlyArray<{ targetId: string; year: number; value: number }>;
  conflicts: ReadonlyArray<{ targetId: string; year: number }>;
}): { actuals: Map<string, Observation[]>; conflicted: number } {
  const conflicted = new Set(result.conflicts.map((c) => `${c.targetId}\u0000${c.year}`));
  const byTarget = new Map<string, Map<number, number>>();
  for (const a of result.actuals) {
    if (conflicted.has(`${a.targetId}\u0000${a.year}`)) continue;
    const years = byTarget.get(a.targetId) ?? new Map<number, number>();
    years.set(a.year, a.value);
    byTarget.set(a.targetId, years);
  }
  const actuals = new Map<string, Observation[]>();
  for (const [id, years] of byTarget) {
    actuals.set(
      id,
      [...years].sort((a, b) => a[0] - b[0]).map(([year, value]) => ({ year, value })),
    );
  }
  return { actuals, conflicted: conflicted.size };
}
