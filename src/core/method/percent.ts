/**
 * Percent figures at the edge of IP.* (issue 9 §3). The method and the plan files keep percentages in
 * percent points (95 % is 95); Excel keeps them as fractions (typing 95% stores 0.95, and a cell
 * formatted as percent turns a typed 95 into 0.95). The rule: percent figures going into and out of
 * IP.* are Excel percentages, 0.95 = 95 %. docs/method.md §1a states it.
 */
import type { Target } from "../catalog/schema";
import { type CellValue, cellNumber, excerpt } from "./input";
import { MethodError } from "./method";

/** Whether a target's figures are percentages: unit %, or a kind measured in % (growth, growthRate). */
export function isPercentTarget(target: Pick<Target, "unit" | "kind">): boolean {
  return target.unit === "%" || target.unit === "％" || target.kind === "growth" || target.kind === "growthRate";
}

/**
 * The largest figure the plan prints for the target, in percent points (target, upper end, base,
 * milestones); null when it prints none.
 */
function largestPrinted(target: Target): number | null {
  const figures = [target.target.value, target.target.max, target.base?.value ?? null, ...target.milestones.map((m) => m.value)];
  const present = figures.filter((v): v is number => v != null).map(Math.abs);
  return present.length ? Math.max(...present) : null;
}

/** Above 150 % a fraction is taken for a number typed in points (95 in a General cell) … */
const LARGEST_FRACTION = 1.5;

/** 0.95 → 95 without binary noise (0.07 · 100 is 7.000000000000001). */
const toPoints = (fraction: number) => Number((fraction * 100).toPrecision(15));

/**
 * An actual of a percent target as IP.* receives it, in the method's percent points: a number is an
 * Excel percentage (0.95 → 95); text "95%" is 95 points, other text a fraction like a number. Where
 * the plan's figures are all at most 100 %, a value above 150 % (|x| > 1.5) is #VALUE!: it is a
 * percent typed into a General cell (95 for 95 %).
 */
export function percentActual(v: CellValue, target: Target): number | null {
  const n = cellNumber(v);
  if (n == null) return null;
  const typedPercent = typeof v === "string" && /[%％]\s*$/.test(v);
  const fraction = typedPercent ? n / 100 : n;
  const largest = largestPrinted(target);
  if (Math.abs(fraction) > LARGEST_FRACTION && (largest == null || largest <= 100)) {
    const shown = typeof v === "string" ? `「${excerpt(v)}」` : String(v);
    throw new MethodError(
      "VALUE",
      `${target.id} 是百分比指标，实际值${shown}将读作 ${toPoints(fraction)}%；百分比请输入 95% 或 0.95`,
      `${target.id} is a percentage and the actual ${shown} would read as ${toPoints(fraction)} %; type 95% or 0.95`,
    );
  }
  return typedPercent ? n : toPoints(fraction);
}

/** A figure of a percent target as IP.* returns it: percent points → Excel percentage (95 → 0.95). */
export function percentOut(points: number): number {
  return points / 100;
}
