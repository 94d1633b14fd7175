/** Targets for the method tests: the bundled ones by id, and synthetic ones for kinds no plan has. */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Plan, type PlanInput } from "../../src/core/catalog/schema";
import type { Observation, TargetRef } from "../../src/core/method/method";
import { DEFAULT_SETTINGS, type MethodSettings } from "../../src/core/method/settings";

export const catalog = bundledCatalog();

export function ref(id: string): TargetRef {
  const e = catalog.get(id);
  if (!e) throw new Error(`no target ${id}`);
  return e;
}

export const LINEAR: MethodSettings = DEFAULT_SETTINGS;
export const COMPOUND: MethodSettings = { ...DEFAULT_SETTINGS, path: "compound" };

/** Actuals as {year: value}. */
export const obs = (byYear: Record<number, number>): Observation[] =>
  Object.entries(byYear).map(([year, value]) => ({ year: Number(year), value }));

type TargetInput = PlanInput["targets"][number];

/**
 * A one-target plan "SY" validated by the real schema (defaults filled in), for what no bundled plan
 * has: a growth target, lower-is-better figures, zero and negative values, base equal to target.
 */
export function synthetic(t: Partial<TargetInput> & Pick<TargetInput, "kind" | "comparator" | "target">, period = { start: 2023, end: 2025 }): TargetRef {
  const plan = Plan.parse({
    formatVersion: 1,
    id: "SY",
    title: { zh: "合成", en: "Synthetic" },
    shortName: { zh: "合成", en: "Synthetic" },
    issuer: { zh: "测试", en: "Test" },
    draft: false,
    level: "city",
    region: { zh: "测试", en: "Test" },
    period,
    source: "synthetic.txt",
    targets: [
      {
        id: "SY-01",
        name: { zh: "合成指标", en: "Synthetic target" },
        unit: "",
        area: "其他",
        section: "—",
        quotes: ["—"],
        ...t,
      },
    ],
  });
  return { plan, target: plan.targets[0] };
}
