/**
 * What the computed columns of a row must show, straight from the method (assess, expectedValue):
 * the reference the portable formulas are checked against, in the tests and in the LibreOffice run.
 * "" stands for an empty cell, "#N/A" for a year the method cannot answer. Figures are in the
 * unit the target's cells hold (cellScale(): 0.575 for 0.575亿元, 0.95 for 95 %), as the sheet shows them.
 */
import type { Plan, Target } from "../core/catalog/schema";
import {
  assess,
  expectedValue,
  familyOf,
  measureSeries,
  MethodError,
  type Observation,
  STATUS_LABELS,
} from "../core/method/method";
import type { MethodSettings } from "../core/method/settings";
import type { ComputedKey } from "./columns";
import { cellScale } from "./model";

export type ExpectedCell = number | string;

export function methodRow(
  plan: Plan,
  target: Target,
  years: readonly number[],
  actuals: readonly Observation[],
  settings: MethodSettings,
): Record<ComputedKey, ExpectedCell> {
  const ref = { plan, target };
  const fam = familyOf(target.kind);
  const last = years[years.length - 1];
  const inSheet = actuals.filter((o) => years.includes(o.year));
  const measured = measureSeries(ref, inSheet);
  const latest = measured[measured.length - 1];
  const out: Record<ComputedKey, ExpectedCell> = {
    startYear: "",
    startValue: "",
    latestYear: latest?.year ?? "",
    latest: latest?.value ?? "",
    expected: "",
    progress: "",
    status: "",
    projection: "",
  };
  if (latest) {
    try {
      out.expected = fam === "milestone" || fam === "qualitative" ? "" : expectedValue(ref, latest.year, settings);
    } catch (e) {
      if (!(e instanceof MethodError)) throw e;
    }
  }
  try {
    const a = assess(ref, inSheet, last, settings);
    out.status = STATUS_LABELS[a.status].zh;
    if (fam !== "milestone" && a.baseline) {
      out.startYear = a.baseline.year;
      out.startValue = a.baseline.value;
    }
    if (a.status !== "noData") {
      if (fam !== "qualitative") out.progress = a.progress ?? "";
      if (fam !== "qualitative" && fam !== "milestone") out.projection = a.projected ?? "";
    }
  } catch (e) {
    if (!(e instanceof MethodError)) throw e;
    out.status = "#N/A";
    const base = assess(ref, [], last, settings).baseline;
    if (fam !== "milestone" && base) {
      out.startYear = base.year;
      out.startValue = base.value;
    }
  }
  const scale = cellScale(target);
  for (const k of ["startValue", "latest", "expected", "projection"] as const) {
    if (typeof out[k] === "number") out[k] = (out[k] as number) / scale;
  }
  return out;
}
