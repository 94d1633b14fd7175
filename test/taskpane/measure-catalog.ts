/**
 * Catalogues for the measure views' tests. Until the plans name their measures (data/plans, issue
 * 13) the bundled targets carry none, so the tests assign some to real targets here; `withoutMeasures`
 * strips them so the empty state is tested whatever the data says.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Catalog } from "../../src/core/catalog/catalog";
import type { Plan } from "../../src/core/catalog/schema";

/** Target id → measure id, on real bundled targets (units and kinds as the plans print them). */
export const TEST_MEASURES: Record<string, string> = {
  "HN-04": "valid-trademarks",
  "JZ-05": "valid-trademarks",
  "XC-03": "valid-trademarks",
  "XZ-04": "valid-trademarks",
  "XC-01": "valid-invention-patents",
  "XZ-01": "valid-invention-patents",
  "XC-02": "invention-patents-per-10k",
  "JY-06": "invention-patents-per-10k",
};

function remap(measureOf: (id: string) => string | null, edit?: (plan: Plan) => Plan): Catalog {
  const plans = bundledCatalog().plans.map((p) => {
    const plan = { ...p, targets: p.targets.map((t) => ({ ...t, measure: measureOf(t.id) })) };
    return edit ? edit(plan) : plan;
  });
  return new Catalog(plans);
}

export function measuredCatalog(edit?: (plan: Plan) => Plan): Catalog {
  return remap((id) => TEST_MEASURES[id] ?? null, edit);
}

export function withoutMeasures(): Catalog {
  return remap(() => null);
}
