/**
 * fast-check generators of valid plans, targets, actuals and settings, covering every kind,
 * comparator and direction, with and without base values and milestones.
 */
import fc from "fast-check";
import type { Kind, Plan, PlanInput, Target } from "../../../src/core/catalog/schema";
import { validatePlan } from "../../../src/core/catalog/validate";
import type { Observation } from "../../../src/core/method/method";
import { resolveSettings, type MethodSettings } from "../../../src/core/method/settings";

const KINDS: Kind[] = ["level", "cumulative", "additions", "annual", "growthRate", "growth", "milestone", "qualitative"];

/** Figures as plans print them: integers, one or two decimals, large round sums. */
export const figure = fc.oneof(
  fc.integer({ min: 0, max: 200 }),
  fc.integer({ min: 0, max: 100000 }),
  fc.integer({ min: 0, max: 9999 }).map((n) => n / 100),
  fc.integer({ min: 1, max: 500 }).map((n) => n * 1_000_000),
);

/** The units a target's cells can be in: plain, a percentage (cells hold 0.95), 亿元 or 万件 (cells hold 0.575). */
export type UnitPick = "plain" | "percent" | "yi" | "wan";
const UNITS: Record<UnitPick, { unit: string; display: { unit: string; scale: number } | null }> = {
  plain: { unit: "件", display: null },
  percent: { unit: "%", display: null },
  yi: { unit: "元", display: { unit: "亿元", scale: 100000000 } },
  wan: { unit: "件", display: { unit: "万件", scale: 10000 } },
};

export function targetArb(
  planId: string,
  index: number,
  start: number,
  end: number,
  units: readonly UnitPick[] = ["plain"],
): fc.Arbitrary<PlanInput["targets"][number]> {
  return fc
    .record({
      unitPick: fc.constantFrom(...units),
      kind: fc.constantFrom(...KINDS),
      comparatorPick: fc.constantFrom("reach", "exceed", "atLeast", "atMost", "range"),
      decrease: fc.boolean(),
      // "derived": a base the plan does not print, derived from "<target>，较<year>年增长<g>%" (τ > 0).
      baseMode: fc.constantFrom("none", "value", "yearOnly", "derived"),
      rate: fc.integer({ min: 1, max: 60 }),
      baseYear: fc.integer({ min: start - 4, max: end - 1 }),
      baseValue: figure,
      targetYear: fc.integer({ min: start, max: end }),
      targetValue: figure,
      spread: fc.integer({ min: 1, max: 50 }),
      milestones: fc.uniqueArray(fc.record({ year: fc.integer({ min: start, max: end }), value: figure }), {
        selector: (m) => m.year,
        maxLength: 3,
      }),
    })
    .map((r) => {
      const quantitative = r.kind !== "milestone" && r.kind !== "qualitative";
      const comparator = !quantitative ? "none" : r.comparatorPick === "range" && r.kind === "growthRate" ? "reach" : r.comparatorPick;
      const targetYear = Math.max(r.targetYear, r.baseMode === "none" ? start : r.baseYear + 1);
      const baseYear = Math.min(r.baseYear, targetYear - 1);
      const derived = r.baseMode === "derived" && quantitative && r.targetValue > 0;
      const factor = 1 + ((r.decrease ? -1 : 1) * r.rate) / 100;
      const base =
        r.baseMode === "none"
          ? null
          : {
              year: baseYear,
              value: derived ? Math.round((r.targetValue / factor) * 100) / 100 : r.baseMode === "value" ? r.baseValue : null,
            };
      const milestones = quantitative
        ? r.milestones.filter((m) => !base || m.year > base.year)
        : [];
      return {
        id: `${planId}-${String(index + 1).padStart(2, "0")}`,
        name: { zh: `指标${index + 1}`, en: `Target ${index + 1}` },
        ...UNITS[r.unitPick],
        area: "创造" as const,
        kind: r.kind,
        comparator: comparator as Target["comparator"],
        direction: r.decrease ? ("decrease" as const) : ("increase" as const),
        base,
        target: {
          year: targetYear,
          value: quantitative ? r.targetValue : null,
          max: comparator === "range" ? r.targetValue + r.spread : null,
        },
        milestones,
        section: "表1",
        quotes: derived ? [`达到${r.targetValue}件，较${baseYear}年${r.decrease ? "下降" : "增长"}${r.rate}%`] : ["原文"],
        derived: derived ? [{ field: "baseValue" as const, note: `${r.targetValue}/${factor}` }] : [],
      };
    });
}

/** Plans whose targets' cells are in any of `units`. */
export const planArbOf = (units: readonly UnitPick[]): fc.Arbitrary<Plan> => fc
  .record({
    start: fc.integer({ min: 2018, max: 2026 }),
    length: fc.integer({ min: 0, max: 7 }),
    count: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ start, length, count }) =>
    fc
      .tuple(...Array.from({ length: count }, (_, i) => targetArb("TP", i, start, start + length, units)))
      .map((targets) => {
        const raw: PlanInput = {
          formatVersion: 1,
          id: "TP",
          title: { zh: "测试规划", en: "Test plan" },
          shortName: { zh: "测试", en: "Test" },
          issuer: { zh: "测试局", en: "Test bureau" },
          draft: false,
          level: "city",
          region: { zh: "测试市", en: "Test city" },
          period: { start, end: start + length },
          source: "test.txt",
          targets,
        };
        const result = validatePlan("test.json", raw);
        if (!result.ok) throw new Error(result.issues.map((i) => `${i.path}: ${i.en}`).join("\n"));
        return result.plan;
      }),
  );

/** Plans in every unit. */
export const planArb: fc.Arbitrary<Plan> = planArbOf(["plain", "percent", "yi", "wan"]);

/** Typed actuals for the given years: gaps, zeros, regressions, exact hits of the figures. */
export function actualsArb(years: readonly number[], t: Target): fc.Arbitrary<Observation[]> {
  const scale = Math.max(1, Math.abs(t.target.value ?? 0), Math.abs(t.base?.value ?? 0));
  const exact = [t.target.value, t.target.max, t.base?.value, ...t.milestones.map((m) => m.value)].filter(
    (v): v is number => v != null,
  );
  const from = t.base?.value ?? 0;
  const to = t.target.value ?? scale;
  const value =
    t.kind === "milestone"
      ? fc.constantFrom(0, 1)
      : fc.oneof(
          // Near the path from base to target, where the pace thresholds decide.
          { weight: 3, arbitrary: fc.integer({ min: 60, max: 130 }).map((p) => Math.round((from + ((to - from) * p) / 100) * 100) / 100) },
          { weight: 4, arbitrary: fc.integer({ min: -50, max: 250 }).map((p) => Math.round(((scale * p) / 100) * 100) / 100) },
          { weight: 2, arbitrary: exact.length ? fc.constantFrom(...exact) : fc.constant(0) },
          { weight: 1, arbitrary: fc.integer({ min: -5, max: 5 }) },
          // Near the base (±3 %), where a derived base's tolerance τ decides 倒退 or not.
          { weight: 2, arbitrary: fc.integer({ min: -30, max: 30 }).map((d) => Math.round(from * (1 + d / 1000) * 100) / 100) },
        );
  return fc
    .tuple(...years.map(() => fc.option(value, { freq: 2 })))
    .map((vals) => vals.flatMap((v, i) => (v == null ? [] : [{ year: years[i], value: v }])));
}

export const settingsArb: fc.Arbitrary<MethodSettings> = fc
  .record({
    path: fc.constantFrom("linear", "compound"),
    onTrack: fc.integer({ min: 70, max: 100 }),
    ahead: fc.integer({ min: 100, max: 130 }),
  })
  .map((s) => resolveSettings({ path: s.path, thresholds: { onTrack: s.onTrack / 100, ahead: s.ahead / 100 } }));
