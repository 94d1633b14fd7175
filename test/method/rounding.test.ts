/**
 * Issue 11 §5: a derived base is only as exact as the figures the plan prints. 许昌 prints
 * "达到3600件，较2022年增长20%" and "6.8万件，较2022年增长17%"; the published 2022 figures 2990 and
 * 57932 lie within the rounding of the derived 3000 and 58119.66 and must not read 倒退, nor may
 * any actual typed for the base year itself.
 */
import { assess, type TargetRef } from "../../src/core/method/method";
import { baseTolerance, printedGrowth } from "../../src/core/method/rounding";
import { catalog, obs, ref, synthetic } from "./helpers";

describe("baseTolerance: the rounding of a base derived from a printed growth rate", () => {
  it("XC-01: 3600 / 1.2 = 3000, but 20 % means 19.5–20.5 %: the base lies in [2987.14, 3012.97]", () => {
    expect(printedGrowth(ref("XC-01"))).toEqual({ figure: "3600", scale: 1, rate: "20", direction: 1, year: 2022 });
    // (3600 + 0.5)/1.195 − 3000 = 12.97; 3000 − (3600 − 0.5)/1.205 = 12.86
    expect(baseTolerance(ref("XC-01"))).toBeCloseTo(3600.5 / 1.195 - 3000, 9);
    expect(baseTolerance(ref("XC-01"))).toBeCloseTo(12.970711, 5);
  });

  it("XC-03: 6.8万 means 67500–68500 and 17 % means 16.5–17.5 %: the base lies in [57446.81, 58798.28]", () => {
    expect(printedGrowth(ref("XC-03"))).toEqual({ figure: "6.8", scale: 10000, rate: "17", direction: 1, year: 2022 });
    expect(baseTolerance(ref("XC-03"))).toBeCloseTo(68500 / 1.165 - 58119.66, 6);
    expect(baseTolerance(ref("XC-03"))).toBeCloseTo(678.623, 3);
  });

  it("the published 2022 figures lie within it", () => {
    expect(3000 - 2990).toBeLessThanOrEqual(baseTolerance(ref("XC-01")));
    expect(58119.66 - 57932).toBeLessThanOrEqual(baseTolerance(ref("XC-03")));
  });

  it("is 0 for every base the plan prints (and for targets without a base)", () => {
    const nonZero = [...catalog.entries()].filter((e) => baseTolerance(e) > 0).map((e) => e.target.id);
    expect(nonZero.sort()).toEqual(["XC-01", "XC-03"]);
  });

  const derived = (quote: string, base: number, target: number, direction: "increase" | "decrease" = "increase"): TargetRef =>
    synthetic({
      kind: "level",
      comparator: direction === "increase" ? "reach" : "atMost",
      direction,
      base: { year: 2022, value: base },
      target: { year: 2025, value: target },
      quotes: [quote],
      derived: [{ field: "baseValue", note: "derived" }],
    });

  it("reads decimals of the rate and a fall (下降)", () => {
    // 12.5 % printed to 0.1 %: rate 12.45–12.55 %; T exact to 1
    const up = derived("达到4500件，较2022年增长12.5%", 4000, 4500);
    expect(baseTolerance(up)).toBeCloseTo(Math.max(4500.5 / 1.1245 - 4000, 4000 - 4499.5 / 1.1255), 9);
    // 下降10%: B = T/0.9
    const down = derived("降至90天以内，较2022年下降10%", 100, 90, "decrease");
    expect(printedGrowth(down)?.direction).toBe(-1);
    expect(baseTolerance(down)).toBeCloseTo(Math.max(90.5 / 0.895 - 100, 100 - 89.5 / 0.905), 9);
  });

  it("uses only the rate's rounding when the printed figure is not the stored target", () => {
    const t = derived("达到3600件，较2022年增长20%", 3000, 3700);
    expect(baseTolerance(t)).toBeCloseTo(Math.max(3700 / 1.195 - 3000, 3000 - 3700 / 1.205), 9);
  });

  it("is 0 when the base is printed, or derived from other words", () => {
    const printed = synthetic({ kind: "level", comparator: "reach", base: { year: 2022, value: 3000 }, target: { year: 2025, value: 3600 }, quotes: ["达到3600件，较2022年增长20%"] });
    expect(baseTolerance(printed)).toBe(0);
    expect(baseTolerance(derived("基数为表中数据", 3000, 3600))).toBe(0);
    expect(baseTolerance(derived("达到3600件，较2021年增长20%", 3000, 3600))).toBe(0); // another year
  });
});

describe("the status within the rounding of a derived base", () => {
  it("XC-01 with 2022's published 2990: not 倒退 in 2022, nor in 2023 (behind the path instead)", () => {
    expect(assess(ref("XC-01"), obs({ 2022: 2990 })).status).toBe("onTrack");
    const a = assess(ref("XC-01"), obs({ 2022: 2990, 2023: 2990 }));
    expect(a.status).toBe("behind");
    expect(a.pace).toBeCloseTo(-10 / 300, 9); // the figures are unchanged: only the word is
    expect(assess(ref("XC-01"), obs({ 2023: 2990 })).status).toBe("behind");
  });

  it("XC-03 with 2022's published 57932: not 倒退", () => {
    expect(assess(ref("XC-03"), obs({ 2022: 57932 })).status).toBe("onTrack");
    expect(assess(ref("XC-03"), obs({ 2022: 57932, 2023: 57932 })).status).toBe("behind");
  });

  it("beyond the rounding it is 倒退 again", () => {
    expect(assess(ref("XC-01"), obs({ 2023: 2987 })).status).toBe("regressed"); // 13 > 12.97
    expect(assess(ref("XC-03"), obs({ 2023: 57440 })).status).toBe("regressed"); // 679.66 > 678.62
  });

  it("at the target year a shortfall within the rounding is 滞后, not 倒退", () => {
    expect(assess(ref("XC-01"), obs({ 2024: 2995 })).status).toBe("behind");
  });
});

describe("an actual in the base year itself never reads 倒退", () => {
  it("a printed base (XZ-01, 1775 in 2023): 1700 typed for 2023 is 基本符合预期, 1700 in 2024 倒退", () => {
    expect(assess(ref("XZ-01"), obs({ 2023: 1700 })).status).toBe("onTrack");
    expect(assess(ref("XZ-01"), obs({ 2024: 1700 })).status).toBe("regressed");
  });

  it("XC-01: even far below the derived base in 2022 (the base year cannot move away from itself)", () => {
    expect(assess(ref("XC-01"), obs({ 2022: 2500 })).status).toBe("onTrack");
  });

  it("reaching the target in the base year is still 已实现", () => {
    expect(assess(ref("XZ-01"), obs({ 2023: 2000 })).status).toBe("achieved");
  });
});
