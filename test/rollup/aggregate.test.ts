/** The roll-up's figures: conflicts shown never resolved, sums of like with like, every omission said. */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Catalog } from "../../src/core/catalog/catalog";
import { measureById } from "../../src/core/catalog/measures";
import { aggregateActuals, sameValue } from "../../src/rollup/aggregate";
import type { MeasureFigure, MeasureRollupRow } from "../../src/rollup/types";
import { actual, ADDITIVE, plan, province, RATIO, target } from "./sum-fixtures";

const catalog = province();
const A = ADDITIVE.id;
const R = RATIO.id;

const rowsOf = (rows: MeasureRollupRow[], measure: string, year: number) => rows.filter((r) => r.measure === measure && r.year === year);
const levelOf = (f: MeasureFigure) => (f.level === "zone" ? "city" : f.level);

describe("aggregateActuals: conflicts", () => {
  it("shows the same id and year with different values in two files as a conflict, with every value and its place", () => {
    const { conflicts } = aggregateActuals(
      [actual("甲市.xlsx", "CA-01", 2024, 100, "甲市 CA"), actual("甲市（改）.xlsx", "CA-01", 2024, 120, "改名"), actual("甲市.xlsx", "CA-01", 2023, 90)],
      catalog,
    );
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]).toMatchObject({ targetId: "CA-01", year: 2024 });
    expect(conflicts[0].values).toEqual([
      expect.objectContaining({ file: "甲市.xlsx", sheet: "甲市 CA", value: 100 }),
      expect.objectContaining({ file: "甲市（改）.xlsx", sheet: "改名", value: 120 }),
    ]);
    expect(conflicts[0].values.every((v) => v.row > 0)).toBe(true);
  });

  it("takes the same value in two files (also within a relative 1e-9, and an id typed in lower case) for no conflict", () => {
    const { conflicts, byMeasure } = aggregateActuals(
      [actual("a.xlsx", "CB-01", 2024, 0.3), actual("b.xlsx", " cb-01", 2024, 0.1 + 0.2), actual("c.xlsx", "CB-01", 2024, 0.3 * (1 + 5e-10))],
      catalog,
    );
    expect(conflicts).toEqual([]);
    const [row] = rowsOf(byMeasure, A, 2024);
    const cities = row.figures.find((f) => f.level === "city")!;
    expect(cities.value).toBeCloseTo(0.3, 12);
    expect(cities.note?.zh).toMatch(/CB-01 2024年在 3 个文件中数值相同，只计一次/);
    expect(cities.note?.en).toMatch(/CB-01 2024: the same figure in 3 files, counted once/);
  });

  it("draws the line at a relative 1e-9", () => {
    expect(sameValue(1000, 1000 * (1 + 5e-10))).toBe(true);
    expect(sameValue(1000, 1000 * (1 + 2e-9))).toBe(false);
    expect(sameValue(0, 0)).toBe(true);
    expect(sameValue(0, 1e-300)).toBe(false);
    const { conflicts } = aggregateActuals([actual("a.xlsx", "KA-01", 2024, 1000), actual("b.xlsx", "KA-01", 2024, 1000 * (1 + 2e-9))], catalog);
    expect(conflicts).toHaveLength(1);
  });

  it("lists conflicts of targets without a measure and of ids no plan knows too (they are still a disagreement)", () => {
    const { conflicts, byMeasure } = aggregateActuals(
      [actual("a.xlsx", "CA-05", 2024, 1), actual("b.xlsx", "CA-05", 2024, 2), actual("a.xlsx", "QQ-01", 2024, 1), actual("b.xlsx", "QQ-01", 2024, 3)],
      catalog,
    );
    expect(conflicts.map((c) => c.targetId)).toEqual(["CA-05", "QQ-01"]);
    expect(byMeasure).toEqual([]);
  });
});

describe("aggregateActuals: per measure and year", () => {
  const actuals = [
    // year-end stock of the additive measure
    actual("省.xlsx", "PV-01", 2024, 60000),
    actual("甲市.xlsx", "CA-01", 2024, 100),
    actual("甲市（改）.xlsx", "CA-01", 2024, 120),
    actual("乙市.xlsx", "CB-01", 2024, 50),
    actual("丙示范区.xlsx", "ZN-01", 2024, 30),
    actual("子县.xlsx", "KA-01", 2024, 10),
    actual("丑县.xlsx", "KB-01", 2024, 5),
    // the ratio, not additive
    actual("省.xlsx", "PV-02", 2024, 9.5),
    actual("甲市.xlsx", "CA-02", 2024, 11.2),
    actual("乙市.xlsx", "CB-02", 2024, 7.1),
    // the year's flow: additions and yearly amounts
    actual("省.xlsx", "PV-03", 2024, 20),
    actual("甲市.xlsx", "CA-03", 2024, 7),
    actual("乙市.xlsx", "CB-03", 2024, 8),
    // running totals from different base years
    actual("甲市.xlsx", "CA-04", 2024, 300),
    actual("乙市.xlsx", "CB-04", 2024, 70),
    // no measure; unknown id
    actual("甲市.xlsx", "CA-05", 2024, 4),
    actual("甲市.xlsx", "QQ-09", 2024, 4),
    // another year
    actual("乙市.xlsx", "CB-01", 2025, 55),
  ];
  const { byMeasure } = aggregateActuals(actuals, catalog);
  const rows = rowsOf(byMeasure, A, 2024);
  const stock = rows.find((r) => r.figures.some((f) => f.kind === "level"))!;

  it("puts the province's own figure beside the sum of its cities (a city-level zone among them) and of its counties", () => {
    expect(stock).toMatchObject({ measure: A, year: 2024, unit: ADDITIVE.unit, additive: true });
    const [prov, cities, counties, ...rest] = stock.figures;
    expect(rest).toEqual([]);
    expect(prov).toMatchObject({ level: "province", planIds: ["PV"], regions: ["测试省"], value: 60000, kind: "level" });
    expect(cities).toMatchObject({ level: "city", planIds: ["CB", "ZN"], regions: ["乙市", "丙示范区"], value: 80, kind: "level" });
    expect(counties).toMatchObject({ level: "county", planIds: ["KA", "KB"], value: 15 });
  });

  it("leaves a conflicting id out of the sum and says so, and says how many regions the sum holds and who did not report", () => {
    const cities = stock.figures.find((f) => f.level === "city")!;
    expect(cities.note?.zh).toContain("2 个地区报送（乙市、丙示范区）");
    expect(cities.note?.zh).toContain("未报送：丁市");
    expect(cities.note?.zh).toContain("不一定是全省合计");
    expect(cities.note?.zh).toMatch(/CA-01 2024年的数值在不同文件或行中不一致，未计入/);
    expect(cities.note?.en).toContain("2 regions reported (City B, Zone C); not reported: City D");
    expect(cities.note?.en).toMatch(/CA-01 2024: the files disagree, left out/);
    const counties = stock.figures.find((f) => f.level === "county")!;
    expect(counties.note?.en).toContain("2 regions reported (County K, County L);");
    expect(counties.note?.en).not.toContain("not reported");
  });

  it("never sums a measure that does not add up: the reason once, then each plan's own figure", () => {
    const [ratio] = rowsOf(byMeasure, R, 2024);
    expect(ratio.additive).toBe(false);
    const cities = ratio.figures.filter((f) => levelOf(f) === "city");
    expect(cities[0]).toMatchObject({ level: "city", planIds: ["CA", "CB"], value: null });
    expect(cities[0].note?.zh).toContain("不能逐级相加");
    expect(cities[0].note?.en).toContain("does not add up");
    expect(cities.slice(1)).toEqual([
      expect.objectContaining({ level: "city", planIds: ["CA"], value: 11.2 }),
      expect.objectContaining({ level: "city", planIds: ["CB"], value: 7.1 }),
    ]);
    expect(ratio.figures[0]).toMatchObject({ level: "province", planIds: ["PV"], value: 9.5 });
    // No figure of more than one plan carries a number.
    expect(ratio.figures.filter((f) => f.planIds.length > 1 && f.value !== null)).toEqual([]);
  });

  it("sums the year's flow (additions and yearly amounts) in a row of its own, apart from the year-end stock", () => {
    const flow = rows.find((r) => r.figures.some((f) => f.kind === "additions" || f.kind === "annual"))!;
    expect(flow).not.toBe(stock);
    expect(flow.figures[0]).toMatchObject({ level: "province", planIds: ["PV"], value: 20, kind: "annual" });
    expect(flow.figures[1]).toMatchObject({ level: "city", planIds: ["CA", "CB"], value: 15 });
    expect(flow.figures[1].note?.zh).toContain("年度值与期内新增均为当年流量");
    // The stock row holds none of the flow's plans' flow targets: 60000 is the province's stock alone.
    expect(stock.figures[0].value).toBe(60000);
  });

  it("sums running totals only with totals from the same base year", () => {
    const cumulative = rows.filter((r) => r.figures.some((f) => f.kind === "cumulative"));
    expect(cumulative).toHaveLength(2);
    expect(cumulative.map((r) => r.figures.map((f) => [f.planIds, f.value]))).toEqual([[[["CA"], 300]], [[["CB"], 70]]]);
    expect(cumulative[0].figures[0].note?.zh).toContain("以2020年为基期");
    expect(cumulative[1].figures[0].note?.en).toContain("base year 2022");
    // Rows of one measure and year: stock, flow, then the running totals by base year.
    expect(rows.map((r) => r.figures[0].kind)).toEqual(["level", "annual", "cumulative", "cumulative"]);
  });

  it("keeps targets without a measure and unknown ids out of the rows, and gives each year its rows", () => {
    const planIds = byMeasure.flatMap((r) => r.figures.flatMap((f) => f.planIds));
    expect(planIds).not.toContain("QQ");
    expect(byMeasure.every((r) => r.measure === A || r.measure === R)).toBe(true);
    const later = rowsOf(byMeasure, A, 2025);
    expect(later).toHaveLength(1);
    expect(later[0].figures).toEqual([expect.objectContaining({ level: "city", planIds: ["CB"], value: 55 })]);
    expect(later[0].figures[0].note?.zh).toContain("1 个地区报送（乙市）；未报送：甲市、丁市、丙示范区");
    expect(byMeasure.map((r) => `${r.measure} ${r.year}`)).toEqual(
      [...byMeasure].sort((a, b) => (a.measure === b.measure ? a.year - b.year : 0)).map((r) => `${r.measure} ${r.year}`),
    );
  });

  it("shows a level whose only figure conflicts as an empty figure with the reason", () => {
    const { byMeasure: only } = aggregateActuals([actual("a.xlsx", "PV-01", 2024, 1), actual("b.xlsx", "PV-01", 2024, 2)], catalog);
    expect(only).toHaveLength(1);
    expect(only[0].figures).toEqual([expect.objectContaining({ level: "province", planIds: ["PV"], value: null })]);
    expect(only[0].figures[0].note?.en).toContain("PV-01 2024: the files disagree");
  });
});

describe("aggregateActuals: figures that must not be summed", () => {
  it("leaves out a plan with two targets of one measure and kind that disagree, and counts agreeing ones once", () => {
    const two = new Catalog([
      plan("CA", "city", ["甲市", "City A"], [target("CA-01", A, "level"), target("CA-02", A, "level")]),
      plan("CB", "city", ["乙市", "City B"], [target("CB-01", A, "level"), target("CB-02", A, "level")]),
      plan("CC", "city", ["丁市", "City D"], [target("CC-01", A, "level")]),
    ]);
    const { byMeasure } = aggregateActuals(
      [
        actual("a.xlsx", "CA-01", 2024, 10),
        actual("a.xlsx", "CA-02", 2024, 11),
        actual("b.xlsx", "CB-01", 2024, 5),
        actual("b.xlsx", "CB-02", 2024, 5),
        actual("c.xlsx", "CC-01", 2024, 1),
      ],
      two,
    );
    expect(byMeasure).toHaveLength(1);
    expect(byMeasure[0].figures).toEqual([expect.objectContaining({ planIds: ["CB", "CC"], value: 6 })]);
    expect(byMeasure[0].figures[0].note?.zh).toContain("甲市有多个同口径同类别的指标（CA-01、CA-02）且数值不同，未计入");
  });

  it("never sums growth rates, and leaves out a target whose unit does not fit its measure", () => {
    const rates = new Catalog([
      plan("CA", "city", ["甲市", "City A"], [target("CA-01", A, "growthRate"), target("CA-02", A, "level", { unit: "家" })]),
      plan("CB", "city", ["乙市", "City B"], [target("CB-01", A, "growthRate"), target("CB-02", A, "level")]),
    ]);
    const { byMeasure } = aggregateActuals(
      [actual("a.xlsx", "CA-01", 2024, 12), actual("b.xlsx", "CB-01", 2024, 8), actual("a.xlsx", "CA-02", 2024, 3), actual("b.xlsx", "CB-02", 2024, 4)],
      rates,
    );
    const [stock, rate] = byMeasure;
    expect(stock.figures).toEqual([expect.objectContaining({ planIds: ["CB"], value: 4 })]);
    expect(stock.figures[0].note?.zh).toMatch(/CA-02 的单位“家”与统计口径.*不符，未计入/);
    expect(rate.figures[0]).toMatchObject({ planIds: ["CA", "CB"], value: null, kind: "growthRate" });
    expect(rate.figures[0].note?.en).toContain("growth rates");
    expect(rate.figures.slice(1).map((f) => f.value)).toEqual([12, 8]);
  });

  it("shows several province-level plans one by one", () => {
    const two = new Catalog([
      plan("PV", "province", ["测试省", "Test Province"], [target("PV-01", A, "level")]),
      plan("PW", "province", ["测试省", "Test Province"], [target("PW-01", A, "level")]),
    ]);
    const { byMeasure } = aggregateActuals([actual("a.xlsx", "PV-01", 2024, 10), actual("b.xlsx", "PW-01", 2024, 12)], two);
    expect(byMeasure[0].figures.map((f) => [f.planIds.join(), f.value])).toEqual([
      ["PV,PW", null],
      ["PV", 10],
      ["PW", 12],
    ]);
  });
});

describe("aggregateActuals over the bundled plans (whatever measures they carry)", () => {
  const bundled = bundledCatalog();
  const entries = [...bundled.entries()];
  // One actual per target for 2024, distinct values so a wrong pairing shows.
  const actuals = entries.map(({ plan, target }, i) => actual(`${plan.region.zh}.xlsx`, target.id, 2024, 1000 + i));
  const valueOf = new Map(actuals.map((a) => [a.targetId, a.value]));
  const { conflicts, byMeasure } = aggregateActuals(actuals, bundled);

  it("finds no conflict where every target has one figure", () => {
    expect(conflicts).toEqual([]);
  });

  it("puts every target that carries a measure in a row of its measure, and no other target anywhere", () => {
    for (const { plan, target } of entries) {
      const rows = byMeasure.filter((r) => r.figures.some((f) => f.planIds.includes(plan.id)) && r.measure === target.measure);
      if (target.measure) expect(rows.length).toBeGreaterThan(0);
      else expect(byMeasure.some((r) => r.measure === target.measure)).toBe(false);
    }
    expect(new Set(byMeasure.map((r) => r.measure))).toEqual(new Set(bundled.measureIds()));
  });

  it("sums only additive measures, and each sum is the sum of the figures of the plans it names", () => {
    const flow = ["annual", "additions"];
    const sameClass = (a: string, b: string) => a === b || (flow.includes(a) && flow.includes(b));
    for (const row of byMeasure) {
      expect(row.additive).toBe(measureById(row.measure)?.additive ?? false);
      for (const f of row.figures) {
        if (f.value === null) continue;
        if (f.planIds.length > 1) expect(row.additive).toBe(true);
        // Each named plan's target of the row's measure and kind (a plan with two is left out of sums).
        const perPlan = f.planIds.map((id) => entries.filter((e) => e.plan.id === id && e.target.measure === row.measure && sameClass(e.target.kind, f.kind)));
        if (perPlan.some((list) => list.length !== 1)) continue;
        const expected = perPlan.reduce((s, [e]) => s + valueOf.get(e.target.id)!, 0);
        expect(f.value).toBeCloseTo(expected, 6);
      }
    }
  });
});
