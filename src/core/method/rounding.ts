/**
 * How exact a plan's derived base is. A plan that prints only "达到3600件，较2022年增长20%" implies a
 * 2022 base of 3600 / 1.2 = 3000, but 20 % is itself rounded to a whole percent, so the base the plan
 * had in mind lies anywhere from 3600 / 1.205 to 3600 / 1.195. docs/method.md §2a works out the bound;
 * the status uses it so that a published base-year figure within it does not read 倒退.
 * Pure functions of the plan data, so a sheet can store the figure per row.
 */
import type { TargetRef } from "./method";

/** Half a unit of the last digit printed: "20" → 0.5, "6.8" → 0.05, "12.5" → 0.05. */
function halfLastDigit(printed: string): number {
  const dot = printed.indexOf(".");
  const decimals = dot < 0 ? 0 : printed.length - dot - 1;
  return 0.5 * Math.pow(10, -decimals);
}

const SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 };
const UP = new Set(["增长", "提高", "增加", "提升"]);

/**
 * What the plan prints for a base it does not state: the target figure as printed, the rate and
 * its direction, parsed from the quote "…<figure>[万|亿]<unit>，较<year>年<增长|下降><rate>%".
 * null when the base is printed (no `baseValue` derivation) or the quote has no such words.
 */
export interface PrintedGrowth {
  /** The target figure as printed and its scale (6.8 and 10000 for "6.8万"). */
  figure: string;
  scale: number;
  /** The rate as printed, in percent ("20"), and +1 for 增长 / −1 for 下降. */
  rate: string;
  direction: 1 | -1;
  year: number;
}

export function printedGrowth({ target }: TargetRef): PrintedGrowth | null {
  if (!target.base || target.base.value == null || !target.derived.some((d) => d.field === "baseValue")) return null;
  for (const q of target.quotes) {
    const m = /(\d+(?:\.\d+)?)\s*(万|亿)?[^\d，,。；;]{0,6}[，,、]?\s*较\s*(\d{4})\s*年\s*(增长|提高|增加|提升|下降|减少|降低)\s*(\d+(?:\.\d+)?)\s*[%％]/.exec(q);
    if (!m || Number(m[3]) !== target.base.year) continue;
    return { figure: m[1], scale: SCALE[m[2] ?? ""] ?? 1, rate: m[5], direction: UP.has(m[4]) ? 1 : -1, year: Number(m[3]) };
  }
  return null;
}

/**
 * τ, how far the true base may lie from the stored one because the plan rounds what it prints: with
 * T the target (± half its last printed digit, when the printed figure is the stored target) and
 * g the rate (± half its last printed digit), the base T/(1 ± g) lies in
 * [(T − h_T)/(1 ± g + h_g), (T + h_T)/(1 ± g − h_g)]; τ is the larger distance from the stored base
 * to either end. 0 for a base the plan prints (or one derived otherwise).
 * XC-01 (3600, 20 %): [2987.14, 3012.97] → τ = 12.97; XC-03 (6.8万, 17 %): [57446.81, 58798.28] → 678.62.
 */
export function baseTolerance(ref: TargetRef): number {
  const g = printedGrowth(ref);
  const B = ref.target.base?.value;
  const T = ref.target.target.value;
  if (!g || B == null || T == null) return 0;
  const printedT = Number(g.figure) * g.scale;
  // Only a figure that is the stored target says how exactly the target was printed.
  const hT = Math.abs(printedT - T) <= 1e-9 * Math.max(1, Math.abs(T)) ? halfLastDigit(g.figure) * g.scale : 0;
  const f = 1 + (g.direction * Number(g.rate)) / 100;
  const hg = halfLastDigit(g.rate) / 100;
  if (!(f - hg > 0) || !(T - hT > 0)) return 0;
  const low = (T - hT) / (f + hg);
  const high = (T + hT) / (f - hg);
  return Math.max(high - B, B - low, 0);
}
