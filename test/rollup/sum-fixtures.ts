/**
 * A synthetic province for the roll-up's sums: one province plan, three cities and a city-level zone,
 * two counties, with targets of an additive measure (stock, flow, running totals from two base years)
 * and of a non-additive one. The measures are taken from the vocabulary as it stands (the first
 * additive and the first non-additive entry), so the tests follow data/measures.json as it grows.
 */
import { Catalog } from "../../src/core/catalog/catalog";
import { MEASURES } from "../../src/core/catalog/measures";
import { type Kind, type Level, Plan, type PlanInput } from "../../src/core/catalog/schema";
import type { CollectedActual } from "../../src/rollup/types";

export const ADDITIVE = MEASURES.find((m) => m.additive && m.unit === "件") ?? MEASURES.find((m) => m.additive)!;
export const RATIO = MEASURES.find((m) => !m.additive)!;

type TargetInput = PlanInput["targets"][number];

export function target(id: string, measure: string | null, kind: Kind, extra: Partial<TargetInput> = {}): TargetInput {
  const m = MEASURES.find((x) => x.id === measure);
  return {
    id,
    name: { zh: `${m?.name.zh ?? "其他指标"}（${id}）`, en: `${m?.name.en ?? "Other"} (${id})` },
    unit: m?.unit ?? "家",
    area: "创造",
    kind,
    comparator: "reach",
    target: { year: 2025, value: 100, max: null },
    section: "表1",
    quotes: ["达到100"],
    measure,
    ...extra,
  };
}

export function plan(id: string, level: Level, region: [string, string], targets: TargetInput[]): Plan {
  return Plan.parse({
    formatVersion: 1,
    id,
    title: { zh: `${region[0]}知识产权规划`, en: `${region[1]} IP plan` },
    shortName: { zh: region[0], en: region[1] },
    issuer: { zh: `${region[0]}市场监督管理局`, en: `${region[1]} AMR` },
    draft: false,
    level,
    region: { zh: region[0], en: region[1] },
    period: { start: 2021, end: 2025 },
    source: "x.txt",
    targets,
  });
}

/**
 * PV province; CA, CB, CC cities; ZN a city-level zone; KA, KB counties.
 *  -01 level of ADDITIVE (PV's printed in 万件), -02 level of RATIO, -03 the year's flow of ADDITIVE
 *  (CA additions, CB and PV annual), -04 running totals of ADDITIVE (CA from 2020, CB from 2022), CA-05 and CA-06 (in %) no measure.
 */
export function province(): Catalog {
  const A = ADDITIVE.id;
  const R = RATIO.id;
  return new Catalog([
    plan("PV", "province", ["测试省", "Test Province"], [
      target("PV-01", A, "level", { display: { unit: "万件", scale: 10000 }, base: { year: 2020, value: 52000 }, target: { year: 2025, value: 81000, max: null } }),
      target("PV-02", R, "level", { target: { year: 2025, value: 12.5, max: null } }),
      target("PV-03", A, "annual"),
    ]),
    plan("CA", "city", ["甲市", "City A"], [
      target("CA-01", A, "level"),
      target("CA-02", R, "level"),
      target("CA-03", A, "additions"),
      target("CA-04", A, "cumulative", { base: { year: 2020, value: 100 } }),
      target("CA-05", null, "level"),
      target("CA-06", null, "level", { unit: "%", target: { year: 2025, value: 95, max: null } }),
    ]),
    plan("CB", "city", ["乙市", "City B"], [
      target("CB-01", A, "level"),
      target("CB-02", R, "level"),
      target("CB-03", A, "annual"),
      target("CB-04", A, "cumulative", { base: { year: 2022, value: 50 } }),
    ]),
    plan("CC", "city", ["丁市", "City D"], [target("CC-01", A, "level")]),
    plan("ZN", "zone", ["丙示范区", "Zone C"], [target("ZN-01", A, "level"), target("ZN-02", R, "level")]),
    plan("KA", "county", ["子县", "County K"], [target("KA-01", A, "level")]),
    plan("KB", "county", ["丑县", "County L"], [target("KB-01", A, "level")]),
  ]);
}

let row = 7;
/** An actual as the reader reports it (row numbers only need to differ). */
export function actual(file: string, targetId: string, year: number, value: number, sheet = "Sheet"): CollectedActual {
  row += 1;
  return { file, sheet, row, planId: targetId.split("-")[0], targetId, year, value };
}
