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
