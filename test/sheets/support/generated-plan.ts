/**
 * A large plan for the budget tests and the benchmark: n targets over 2024–2035 in the mix of kinds
 * the real plans have. Built as an object, not loaded from JSON, because target ids of four digits
 * (GEN-1234) are beyond the plan file format's two or three.
 */
import { Catalog } from "../../../src/core/catalog/catalog";
import type { Kind, Plan, Target } from "../../../src/core/catalog/schema";

const MIX: Kind[] = ["level", "level", "cumulative", "additions", "annual", "milestone", "milestone", "qualitative", "growthRate", "growth"];

export function generatedPlan(n: number, id = "GEN"): Plan {
  const targets: Target[] = Array.from({ length: n }, (_, i) => {
    const kind = MIX[i % MIX.length];
    const quantitative = kind !== "milestone" && kind !== "qualitative";
    const base = kind === "level" || kind === "cumulative" ? { year: 2023, value: 100 + (i % 97) } : null;
    return {
      id: `${id}-${String(i + 1).padStart(4, "0")}`,
      name: { zh: `生成指标第${i + 1}项（专利、商标与地理标志运用）`, en: `Generated target ${i + 1}` },
      unit: kind === "growthRate" || kind === "growth" ? "%" : "件",
      display: null,
      area: "创造",
      attribute: i % 3 === 0 ? "约束性" : "预期性",
      kind,
      comparator: quantitative ? (i % 7 === 0 ? "exceed" : "reach") : "none",
      direction: "increase",
      base,
      target: { year: i % 2 ? 2030 : 2035, value: quantitative ? 150 + (i % 211) : null, max: null },
      milestones: kind === "level" && i % 4 === 0 ? [{ year: 2027, value: 120 + (i % 97) }] : [],
      responsible: [],
      section: "表1",
      quotes: [`到2035年，生成指标第${i + 1}项达到${150 + (i % 211)}件，较基期明显提高。`],
      derived: [],
      conflicts: [],
      note: null,
      measure: null,
    };
  });
  return {
    formatVersion: 1,
    id,
    title: { zh: `生成的规划（${n} 项指标）`, en: `Generated plan (${n} targets)` },
    shortName: { zh: "生成", en: "Generated" },
    issuer: { zh: "测试", en: "Test" },
    docNumber: null,
    date: null,
    draft: false,
    level: "city",
    region: { zh: "测试", en: "Test" },
    period: { start: 2024, end: 2035 },
    source: "generated.txt",
    targets,
  };
}

export const generatedCatalog = (n: number) => new Catalog([generatedPlan(n)]);
