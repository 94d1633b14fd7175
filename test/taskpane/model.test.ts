/** @jest-environment node */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { assess } from "../../src/core/method/method";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { describeGoal, formatValue } from "../../src/taskpane/format";
import { formulasFor } from "../../src/taskpane/formulas";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { computeStatuses, countStatuses, pathChartData, planHasActuals } from "../../src/taskpane/model";
import { niceTicks } from "../../src/taskpane/components/PathChart";

const catalog = bundledCatalog();
const jz05 = catalog.get("JZ-05")!;

describe("formatting targets", () => {
  it("writes the goal in plain words", () => {
    expect(describeGoal(jz05.target, zhCN)).toBe("到 2025 年达到 67,000件");
    expect(describeGoal(jz05.target, enUS)).toBe("By 2025, reach 67,000 items");
  });

  it("shows scaled values the plan's way and percentages with %", () => {
    const scaled = [...catalog.entries()].find((e) => e.target.display?.unit === "万元")!;
    expect(formatValue(scaled.target, 57_500_000, zhCN)).toBe("5,750万元");
    const pct = [...catalog.entries()].find((e) => e.target.unit === "%")!;
    expect(formatValue(pct.target, 95, enUS)).toBe("95%");
    expect(formatValue(jz05.target, null, zhCN)).toBe("—");
  });

  it("writes 万 and 亿 figures in English by millions and billions, in their base unit", () => {
    const trademarks = catalog.get("HN-04")!.target; // 万件
    expect(formatValue(trademarks, 2_028_100, zhCN)).toBe("202.81万件");
    expect(formatValue(trademarks, 2_028_100, enUS)).toBe("2.03 million items");
    const pledge = catalog.get("XZ-05")!.target; // 亿元
    expect(formatValue(pledge, 57_500_000, enUS)).toBe("57.5 million yuan");
    expect(formatValue(catalog.get("HN-10")!.target, 14_000_000_000, enUS)).toBe("14 billion yuan");
    expect(formatValue(catalog.get("XZ-12")!.target, 850_000, enUS)).toBe("850,000 yuan");
    expect(describeGoal(trademarks, enUS)).toBe("By 2025, reach 2.25 million items");
  });

  it("describes ranges, milestones and qualitative targets", () => {
    const range = catalog.get("XC-16")!;
    expect(describeGoal(range.target, zhCN)).toContain("2家 至 3家");
    const milestone = catalog.get("XZ-20")!;
    expect(describeGoal(milestone.target, zhCN)).toBe("2026 年前完成");
    const qualitative = catalog.get("HN-06")!;
    expect(describeGoal(qualitative.target, enUS)).toContain("no figure");
  });
});

describe("statuses from actuals", () => {
  const actuals = new Map([
    ["JZ-05", [{ year: 2024, value: 70000 }]],
    ["JZ-06", [{ year: 2024, value: 5 }]],
  ]);

  it("assesses each target, no data where nothing was typed", () => {
    const statuses = computeStatuses(catalog, actuals, DEFAULT_SETTINGS);
    expect(statuses.get("JZ-05")).toBe("achieved");
    expect(statuses.get("JZ-06")).toBe("regressed");
    expect(statuses.get("JZ-01")).toBe("noData");
    const counts = countStatuses(catalog.plan("JZ")!, statuses);
    expect(counts.achieved).toBe(1);
    expect(counts.regressed).toBe(1);
    expect(counts.noData).toBe(catalog.plan("JZ")!.targets.length - 2);
    expect(planHasActuals(catalog.plan("JZ")!, actuals)).toBe(true);
    expect(planHasActuals(catalog.plan("XZ")!, actuals)).toBe(false);
  });

  it("counts an unreadable series as no data instead of failing", () => {
    const early = new Map([["JZ-05", [{ year: 2019, value: 1 }]]]);
    expect(computeStatuses(catalog, early, DEFAULT_SETTINGS).get("JZ-05")).toBe("noData");
  });
});

describe("path chart data", () => {
  it("runs from the base year to the target year through the target", () => {
    const data = pathChartData(jz05, [{ year: 2023, value: 55000 }], DEFAULT_SETTINGS)!;
    expect(data.expected[0]).toEqual({ year: 2022, value: 49409 });
    expect(data.expected.at(-1)).toEqual({ year: 2025, value: 67000 });
    expect(data.expected).toHaveLength(4);
    expect(data.actual).toEqual([{ year: 2023, value: 55000 }]);
    expect(data.target).toEqual({ year: 2025, value: 67000 });
  });

  it("has the base to label, and the projection from the actuals' trend to the target year", () => {
    const data = pathChartData(jz05, [{ year: 2023, value: 52000 }, { year: 2024, value: 56000 }], DEFAULT_SETTINGS)!;
    expect(data.base).toEqual({ year: 2022, value: 49409 });
    const projected = assess(jz05, [{ year: 2023, value: 52000 }, { year: 2024, value: 56000 }], null, DEFAULT_SETTINGS).projected!;
    expect(data.projection).toEqual([
      { year: 2024, value: 56000 },
      { year: 2025, value: projected },
    ]);
    expect(projected).toBeGreaterThan(56000);
    expect(projected).toBeLessThan(67000);
  });

  it("projects nothing without actuals, or once the target year has an actual", () => {
    expect(pathChartData(jz05, [], DEFAULT_SETTINGS)!.projection).toEqual([]);
    expect(pathChartData(jz05, [{ year: 2025, value: 68000 }], DEFAULT_SETTINGS)!.projection).toEqual([]);
  });

  it("passes through printed milestones", () => {
    const xz04 = catalog.get("XZ-04")!;
    const data = pathChartData(xz04, [], DEFAULT_SETTINGS)!;
    expect(data.expected).toContainEqual({ year: 2024, value: 33000 });
    expect(data.expected).toContainEqual({ year: 2025, value: 34000 });
  });

  it("has nothing to draw for milestones and qualitative targets", () => {
    expect(pathChartData(catalog.get("XZ-20")!, [], DEFAULT_SETTINGS)).toBeNull();
    expect(pathChartData(catalog.get("HN-06")!, [], DEFAULT_SETTINGS)).toBeNull();
  });

  it("picks round ticks", () => {
    expect(niceTicks(0, 100)).toEqual([0, 50, 100]);
    expect(niceTicks(49000, 68000)).toEqual([50000, 60000]);
    expect(niceTicks(5, 5)).toEqual([5]);
    // Enough gridlines to read a value off at 320 px.
    expect(niceTicks(49000, 68000, 4)).toEqual([50000, 55000, 60000, 65000]);
  });
});

describe("formulas offered for a target", () => {
  it("offers the target, this year's expected value, the base, the name and the quote", () => {
    const offers = formulasFor(jz05, [], zhCN, 2024).map((f) => f.formula);
    expect(offers).toEqual([
      '=IP.TARGET("JZ-05")',
      '=IP.EXPECTED("JZ-05",2024)',
      '=IP.BASELINE("JZ-05")',
      '=IP.INFO("JZ-05","name")',
      '=IP.INFO("JZ-05","quote")',
    ]);
  });

  it("adds the status for the latest actual, in English for English users", () => {
    const offers = formulasFor(jz05, [{ year: 2023, value: 55000 }], enUS, 2024).map((f) => f.formula);
    expect(offers).toContain('=IP.STATUS("JZ-05",55000,2023,"en")');
    expect(offers).toContain('=IP.INFO("JZ-05","name_en")');
  });

  it("offers only the words for a yes/no milestone", () => {
    const offers = formulasFor(catalog.get("XZ-20")!, [], zhCN, 2024).map((f) => f.formula);
    expect(offers).toEqual(['=IP.INFO("XZ-20","name")', '=IP.INFO("XZ-20","quote")']);
  });

  it("does not offer an expected value once the target year has come", () => {
    const offers = formulasFor(jz05, [], zhCN, 2030).map((f) => f.formula);
    expect(offers.some((f) => f.startsWith("=IP.EXPECTED"))).toBe(false);
  });
});
