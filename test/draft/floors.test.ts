/**
 * The drafter against the bundled plans, whose encoded targets are the answer key (see
 * src/core/draft/score.ts for what counts). Floors: recall ≥ 85 %, precision ≥ 70 %.
 * The texts come from data/sources/; without them this test fails, by design.
 */
import { draftPlan } from "../../src/core/draft";
import { scorePlan, totals } from "../../src/core/draft/score";
import { bundledPlans, readSource, SOURCE_DIRS } from "./texts";

describe("drafting the bundled plans from their texts", () => {
  const plans = bundledPlans();

  it("finds every plan's text", () => {
    const missing = plans.filter((p) => !readSource(p.source)).map((p) => `${p.id}: ${p.source}`);
    if (missing.length) {
      throw new Error(`plan texts missing — looked in ${SOURCE_DIRS.join(" and ")}:\n${missing.join("\n")}`);
    }
    expect(plans.length).toBeGreaterThan(0);
  });

  it("meets the floors: recall ≥ 85 %, precision ≥ 70 %", () => {
    const scores = plans.map((plan) => {
      const source = readSource(plan.source);
      if (!source) throw new Error(`no text for ${plan.id} (${plan.source}) in ${SOURCE_DIRS.join(" or ")}`);
      return scorePlan(plan, draftPlan(source.text).proposals);
    });
    const t = totals(scores);
    expect(t.figures).toBeGreaterThan(0);
    const report = scores.map((s) => `${s.plan}: missed ${s.missed.join("; ") || "none"}; extra ${s.extra.join("; ") || "none"}`).join("\n");
    if (t.recall < 0.85 || t.precision < 0.7) throw new Error(`recall ${t.recall.toFixed(3)}, precision ${t.precision.toFixed(3)}\n${report}`);
    expect(t.recall).toBeGreaterThanOrEqual(0.85);
    expect(t.precision).toBeGreaterThanOrEqual(0.7);
  });

  it("reads each plan's particulars where its text prints them", () => {
    for (const plan of plans) {
      const { meta } = draftPlan(readSource(plan.source)!.text);
      expect(meta.title).not.toBeNull();
      expect(meta.draft).toBe(plan.draft);
      if (plan.docNumber) expect(meta.docNumber).toBe(plan.docNumber);
      expect(meta.period?.end).toBe(plan.period.end);
    }
  });
});
