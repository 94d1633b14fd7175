/**
 * Issue 11 §2: at a pace (or completion) of exactly a threshold, the method and the sheets agree.
 * docs/method.md §7: pace ≥ 1.05 → 快于预期, ≥ 0.95 → 基本符合预期; a pace that is the threshold up to
 * rounding (4.8 → 5.37 for JY-06 gives 0.9499999999999996) counts as the threshold. Checked in
 * TypeScript (assess) and in HyperFormula (the portable sheet), on the plans' own cases and on
 * generated boundary cases: actuals built so that the pace is a threshold.
 */
import fc from "fast-check";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Catalog } from "../../src/core/catalog/catalog";
import type { Plan, Target } from "../../src/core/catalog/schema";
import { assess, comparatorHolds, dueYear, expectedValue, familyOf, type Observation, planBaseline, STATUS_LABELS } from "../../src/core/method/method";
import { DEFAULT_SETTINGS, type MethodSettings } from "../../src/core/method/settings";
import { methodRow } from "../../src/sheets/method-row";
import { buildPlanSheet } from "../../src/sheets/model";
import { planArb, settingsArb } from "./support/arbitraries";
import { evaluatePortable, sameCell } from "./support/evaluate-sheet";

const catalog = bundledCatalog();
const word = (code: keyof typeof STATUS_LABELS) => STATUS_LABELS[code].zh;

function sheetStatus(plan: Plan, id: string, obs: Observation[], settings: MethodSettings = DEFAULT_SETTINGS): string | number {
  const sheet = buildPlanSheet(plan, { mode: "portable", settings, actuals: new Map([[id, obs]]) });
  return evaluatePortable(sheet)[sheet.rows.findIndex((r) => r.target.id === id)].status;
}

describe("the plans' own boundary cases", () => {
  it.each([
    ["JY-06", [{ year: 2020, value: 4.8 }, { year: 2021, value: 5.37 }], "onTrack"],
    ["XZ-05", [{ year: 2024, value: 72375000 }], "ahead"],
  ] as const)("%s %j reads as its threshold says", (id, obs, code) => {
    const entry = catalog.get(id)!;
    const series = obs.map((o) => ({ ...o }));
    expect(assess(entry, series, entry.plan.period.end).status).toBe(code);
    expect(sheetStatus(entry.plan, id, series)).toBe(word(code));
  });
});

// Rule 3 of docs/method.md §7 with a derived base (§2a): 许昌's 2022 bases are derived from "较2022年增长
// 20%/17%" (3000, 58119.66; τ = 12.97, 678.62). The published 2022 figures (2990, 57932), in the base
// year or after it, are within τ and do not read 倒退; a figure further below does.
describe("a derived base's tolerance τ in the sheet", () => {
  it.each([
    ["XC-01", [{ year: 2022, value: 2990 }], "倒退 never in the base year"],
    ["XC-01", [{ year: 2022, value: 2990 }, { year: 2023, value: 2990 }], "within τ"],
    ["XC-03", [{ year: 2023, value: 57932 }], "within τ"],
    ["XC-01", [{ year: 2023, value: 2980 }], "beyond τ"],
  ] as const)("%s %j (%s) reads as assess() says", (id, obs, why) => {
    const entry = catalog.get(id)!;
    const series = obs.map((o) => ({ ...o }));
    const want = assess(entry, series, entry.plan.period.end).status;
    expect(want === "regressed").toBe(why === "beyond τ");
    expect(sheetStatus(entry.plan, id, series)).toBe(word(want));
  });
});

/** A plan's path target with a single actual whose pace since the plan's baseline is `threshold`. */
const boundary = fc
  .tuple(planArb, settingsArb, fc.nat(), fc.nat(), fc.boolean())
  .map(([plan, settings, pickTarget, pickYear, ahead]) => {
    const candidates = plan.targets.filter((t) => familyOf(t.kind) === "path" && planBaseline({ plan, target: t }) != null);
    if (!candidates.length) return null;
    const target = candidates[pickTarget % candidates.length];
    const ref = { plan, target };
    const base = planBaseline(ref)!;
    const sheetYears = buildPlanSheet(plan, { mode: "portable", settings }).years;
    const years = sheetYears.filter((y) => y > base.year && y < dueYear(ref));
    if (!years.length) return null;
    const year = years[pickYear % years.length];
    const E = expectedValue(ref, year, settings, base);
    const threshold = ahead ? settings.thresholds.ahead : settings.thresholds.onTrack;
    const s = target.direction === "decrease" ? -1 : 1;
    if (s * (E - base.value) <= 1e-9 * Math.max(1, Math.abs(target.target.value ?? 0))) return null;
    const value = base.value + threshold * (E - base.value);
    // Additions are typed per year; one year's addition is the whole sum here.
    return { plan, target, settings, obs: [{ year, value }], ahead };
  })
  .filter((c): c is NonNullable<typeof c> => c != null);

describe("generated boundary cases", () => {
  it("a pace of exactly a threshold gets that threshold's status, in TypeScript and in HyperFormula", () => {
    fc.assert(
      fc.property(boundary, ({ plan, target, settings, obs, ahead }) => {
        const a = assess({ plan, target }, obs, plan.period.end, settings);
        const met = comparatorHolds(target, a.achieved as number) === true;
        const beyond = target.comparator === "range" && target.target.max != null;
        // With equal thresholds (1 and 1) a pace of exactly onTrack is also exactly ahead.
        const wantAhead = ahead || settings.thresholds.onTrack >= settings.thresholds.ahead;
        if (!met && !beyond && a.status !== "regressed") expect(a.status).toBe(wantAhead ? "ahead" : "onTrack");
        const want = methodRow(plan, target, buildPlanSheet(plan, { mode: "portable", settings }).years, obs, settings);
        const got = sheetStatus(new Catalog([plan]).plan(plan.id)!, target.id, obs, settings);
        expect(sameCell(got, want.status)).toBe(true);
      }),
      { numRuns: 150 },
    );
  });
});

// Completion of yearly kinds against the on-track threshold, the same tolerance.
it("a yearly amount of exactly the threshold's share of its bar is on track", () => {
  const entry = [...catalog.entries()].find((e) => e.target.kind === "annual" && e.target.direction !== "decrease" && (e.target.target.value ?? 0) > 0);
  if (!entry) throw new Error("no annual target");
  const t: Target = entry.target;
  const year = entry.plan.period.start;
  const bar = expectedValue(entry, year);
  const obs = [{ year, value: bar * 0.95 }];
  expect(assess(entry, obs, entry.plan.period.end).status).toBe("onTrack");
  expect(sheetStatus(entry.plan, t.id, obs)).toBe(word("onTrack"));
});
