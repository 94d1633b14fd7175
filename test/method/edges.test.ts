/**
 * The edge cases of issue #4, each with its defined answer, and the method's small parts.
 */
import {
  assess,
  cleanSeries,
  comparatorHolds,
  completionRatio,
  dueYear,
  expectedValue,
  familyOf,
  gapTo,
  MethodError,
  measureSeries,
  planBaseline,
  targetValue,
  trendAt,
} from "../../src/core/method/method";
import { DEFAULT_SETTINGS, resolveSettings } from "../../src/core/method/settings";
import { COMPOUND, LINEAR, obs, ref, synthetic } from "./helpers";

const expectNA = (f: () => unknown, en?: RegExp) => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(MethodError);
    expect((e as MethodError).code).toBe("NA");
    if (en) expect((e as MethodError).en).toMatch(en);
    return;
  }
  throw new Error("expected a MethodError NA");
};

describe("no base", () => {
  // JY-06 每万人有效发明专利拥有量超过6件: the plan prints no base.
  it("the first actual stands in for the base, and says so", () => {
    const a = assess(ref("JY-06"), obs({ 2020: 4.5, 2021: 5.2 }));
    expect(a.baseline).toEqual({ year: 2020, value: 4.5, observed: true });
  });

  it("with one actual there is no progress from a base and no pace: on track unless achieved", () => {
    const a = assess(ref("JY-06"), obs({ 2021: 5.2 }));
    expect(a.status).toBe("onTrack");
    expect(a.progress).toBeNull();
    expect(a.pace).toBeNull();
    // but the completion ratio 5.2/6 needs no base
    expect(a.completion).toBeCloseTo(5.2 / 6, 9);
    expect(a.projected).toBeNull();
  });

  it("no expected value without a base, before the target year", () => {
    expectNA(() => expectedValue(ref("JY-06"), 2021), /no base value/);
    expect(expectedValue(ref("JY-06"), 2022)).toBe(6);
  });

  it("additions and growth count from zero at the base year, or the year before the period", () => {
    // JZ-12 names its base year (2022, derived from the plan's 2025 table) but no value: 0 then.
    expect(planBaseline(ref("JZ-12"))).toEqual({ year: 2022, value: 0 });
    // JY-11 names no base year: 0 in the year before the period 2020–2022; JZ-25 the same before 2024–2035.
    expect(planBaseline(ref("JY-11"))).toEqual({ year: 2019, value: 0 });
    expect(planBaseline(ref("JZ-25"))).toEqual({ year: 2023, value: 0 });
    const growth = synthetic({ kind: "growth", comparator: "reach", base: { year: 2022, value: null }, target: { year: 2024, value: 20, max: null } });
    expect(planBaseline(growth)).toEqual({ year: 2022, value: 0 });
    expect(planBaseline(ref("JY-06"))).toBeNull();
    // A base year without a value is no base for a level.
    const yearOnly = synthetic({ kind: "level", comparator: "reach", base: { year: 2022, value: null }, target: { year: 2025, value: 10, max: null } });
    expect(planBaseline(yearOnly)).toBeNull();
  });
});

describe("base equal to target", () => {
  const flat = (comparator: "reach" | "exceed") =>
    synthetic({ kind: "level", comparator, base: { year: 2022, value: 10 }, target: { year: 2025, value: 10, max: null } });

  it("the path is flat", () => {
    expect(expectedValue(flat("reach"), 2023)).toBe(10);
    expect(expectedValue(flat("reach"), 2024, COMPOUND)).toBe(10);
  });

  it("holding the level achieves it: progress 1 (the span is zero, so progress is 1 when met, else 0)", () => {
    const a = assess(flat("reach"), obs({ 2024: 10 }));
    expect(a.status).toBe("achieved");
    expect(a.progress).toBe(1);
  });

  it("falling below is a move away: progress 0", () => {
    const a = assess(flat("reach"), obs({ 2024: 9 }));
    expect(a.status).toBe("regressed");
    expect(a.progress).toBe(0);
  });

  it("with 超过, holding the level is not enough: on track before the year (no pace), behind at it", () => {
    expect(assess(flat("exceed"), obs({ 2024: 10 })).status).toBe("onTrack");
    expect(assess(flat("exceed"), obs({ 2024: 10 })).pace).toBeNull();
    expect(assess(flat("exceed"), obs({ 2025: 10 })).status).toBe("behind");
    expect(assess(flat("exceed"), obs({ 2025: 10.5 })).status).toBe("achieved");
  });
});

describe("a printed milestone below the base (the path moves backwards)", () => {
  // No bundled target has one since the audit (XZ-05's attachment figures are conflicts, not milestones);
  // modelled on XZ-05 as if its 0.5亿 for 2024 were a milestone: 57.5 (2023) → 50 (2024) → 100 (2026).
  const back = synthetic(
    {
      kind: "cumulative",
      comparator: "atLeast",
      base: { year: 2023, value: 57.5 },
      milestones: [{ year: 2024, value: 50 }],
      target: { year: 2026, value: 100, max: null },
    },
    { start: 2024, end: 2026 },
  );

  it("the path passes through the printed figure", () => {
    expect(expectedValue(back, 2024)).toBe(50);
    expect(expectedValue(back, 2025)).toBeCloseTo(75, 12); // 50 + 50·1/2
  });

  it("the expected move 50 − 57.5 is not forward: no pace, on track unless below the base", () => {
    const a = assess(back, obs({ 2024: 60 }));
    expect(a.expected).toBe(50);
    expect(a.pace).toBeNull();
    expect(a.status).toBe("onTrack");
    expect(assess(back, obs({ 2024: 55 })).status).toBe("regressed");
  });
});

describe("a yearly amount with a printed base", () => {
  // No bundled annual target prints a base since the audit (XZ-03 is a running total now); modelled on
  // XZ-03's old reading, PCT applications in the year: 5 in 2023, 10 printed for 2025, 15 in 2026.
  const yearly = synthetic(
    {
      kind: "annual",
      comparator: "reach",
      base: { year: 2023, value: 5 },
      milestones: [{ year: 2025, value: 10 }],
      target: { year: 2026, value: 15, max: null },
    },
    { start: 2024, end: 2026 },
  );

  it("the base year, before the period, answers the base; other years before the period are #N/A", () => {
    expect(expectedValue(yearly, 2023)).toBe(5);
    expect(expectedValue(yearly, 2024)).toBe(15); // the yearly bar
    expect(expectedValue(yearly, 2025)).toBe(10); // the printed milestone
    expectNA(() => expectedValue(yearly, 2022), /2022 is before the plan period \(2024–2026\)/);
  });

  it("in the base year nothing is expected yet: on track, unless the final target is already met", () => {
    expect(assess(yearly, obs({ 2023: 5 })).status).toBe("onTrack");
    expect(assess(yearly, obs({ 2023: 3 })).status).toBe("onTrack");
    expect(assess(yearly, obs({ 2023: 15 })).status).toBe("achieved");
  });

  it("after it, below the base is a move away; else the year's bar decides (4 → 倒退, 9.6/10 → 基本符合预期, 9/10 → 滞后)", () => {
    const a = assess(yearly, obs({ 2025: 4 }));
    expect([a.status, a.expected]).toEqual(["regressed", 10]);
    const b = assess(yearly, obs({ 2025: 9.6 }));
    expect(b.status).toBe("onTrack");
    expect(b.completion).toBeCloseTo(0.96, 12);
    expect(assess(yearly, obs({ 2025: 9 })).status).toBe("behind");
    expect(assess(yearly, obs({ 2025: 10 })).status).toBe("achieved");
  });
});

describe("zero and negative values", () => {
  // Net change from −5 (2022) to 10 (2025): expected 2023 = −5 + 15/3 = 0, 2024 = −5 + 15·2/3 = 5.
  const net = synthetic({ kind: "level", comparator: "reach", base: { year: 2022, value: -5 }, target: { year: 2025, value: 10, max: null } });

  it("a path through zero, linear; compound cannot take logs of a negative base and stays linear", () => {
    expect(expectedValue(net, 2023)).toBeCloseTo(0, 12);
    expect(expectedValue(net, 2024)).toBeCloseTo(5, 12);
    expect(expectedValue(net, 2024, COMPOUND)).toBeCloseTo(5, 12);
  });

  it("2 in 2024: moved 7 of the expected 10 → pace 0.7, progress 7/15, completion 2/10", () => {
    const a = assess(net, obs({ 2024: 2 }));
    expect(a.status).toBe("behind");
    expect(a.pace).toBeCloseTo(0.7, 9);
    expect(a.progress).toBeCloseTo(7 / 15, 9);
    expect(a.completion).toBeCloseTo(0.2, 9);
  });

  it("−6 is further from the target than the base → regressed", () => {
    expect(assess(net, obs({ 2024: -6 })).status).toBe("regressed");
  });

  it("a target of zero has no completion ratio (division by zero), but progress from the base", () => {
    const toZero = synthetic({ kind: "level", comparator: "reach", base: { year: 2022, value: -10 }, target: { year: 2025, value: 0, max: null } });
    const a = assess(toZero, obs({ 2024: -4 }));
    expect(a.completion).toBeNull();
    expect(a.progress).toBeCloseTo(0.6, 9); // (−4 + 10)/(0 + 10)
  });

  it("a zero base (JZ-08, 0 → 15) works on both paths", () => {
    expect(expectedValue(ref("JZ-08"), 2024, COMPOUND)).toBeCloseTo(10, 12);
    expect(assess(ref("JZ-08"), obs({ 2024: 0 })).status).toBe("behind"); // moved 0 of 10: pace 0
  });

  it("a negative growth rate is a move away (JY-14)", () => {
    expect(assess(ref("JY-14"), obs({ 2021: -0.5 })).status).toBe("regressed");
    expect(assess(ref("JY-14"), obs({ 2021: 0 })).status).toBe("behind");
  });
});

describe("percentages and scores", () => {
  it("a percentage is compared in its own unit: 95 means 95 %, not 0.95 (XZ-14 按期结案率95%以上)", () => {
    expect(assess(ref("XZ-14"), obs({ 2026: 95 })).status).toBe("achieved");
    expect(assess(ref("XZ-14"), obs({ 2026: 94.9 })).status).toBe("behind");
    expect(assess(ref("XZ-14"), obs({ 2026: 94.9 })).completion).toBeCloseTo(94.9 / 95, 9);
  });

  it("a score is in points (HN-15 满意度82分): 80 points are 80/82 of it", () => {
    expect(assess(ref("HN-15"), obs({ 2025: 80 })).completion).toBeCloseTo(80 / 82, 9);
    expect(assess(ref("HN-15"), obs({ 2025: 82 })).status).toBe("achieved");
    expect(assess(ref("JY-19"), obs({ 2022: 80 })).status).toBe("achieved"); // 80分以上: at least
  });
});

describe("years outside what the plan answers", () => {
  it("before the base: expected value and status are #N/A, naming the years", () => {
    expectNA(() => expectedValue(ref("JZ-05"), 2021), /2021 is before the base year \(2022\)/);
    expectNA(() => assess(ref("JZ-05"), obs({ 2021: 48000 })), /2021 is before the base year \(2022\)/);
    expectNA(() => assess(ref("HN-33"), obs({ 2019: 1 })), /before the base year/);
  });

  it("between the base year and the period's start: answered (JZ-05 2023, period from 2024)", () => {
    expect(expectedValue(ref("JZ-05"), 2023)).toBeCloseTo(49409 + 17591 / 3, 6);
  });

  it("after the period: #N/A", () => {
    expectNA(() => expectedValue(ref("JZ-05"), 2036), /after the plan period/);
    expectNA(() => assess(ref("JZ-05"), obs({ 2024: 60000 }), 2036), /after the plan period/);
    expectNA(() => assess(ref("JY-06"), obs({ 2023: 7 }), 2023), /2023 is after the plan period \(2020–2022\)/);
    expectNA(() => targetValue(ref("XC-01"), 2025), /after the plan period/);
  });

  it("after the target year, inside the period: the target itself is expected (JZ-05, 2030)", () => {
    expect(expectedValue(ref("JZ-05"), 2030)).toBe(67000);
    const a = assess(ref("JZ-05"), obs({ 2030: 66000 }));
    expect(a.status).toBe("behind");
    expect(a.requiredPerYear).toBeNull();
    expect(a.projected).toBe(66000);
    expect(assess(ref("JZ-05"), obs({ 2030: 70000 })).status).toBe("achieved");
  });

  it("a target year already past: assessed at its own year, nothing more required (JY, 2020–2022)", () => {
    const a = assess(ref("JY-12"), obs({ 2020: 100000000, 2022: 280000000 }));
    expect(a.year).toBe(2022);
    expect(a.status).toBe("behind"); // 2.8亿 does not 突破 3亿
    expect(a.requiredPerYear).toBeNull();
    expect(a.projected).toBe(280000000);
    expect(a.gap).toBe(20000000);
  });

  // assess() promises to throw "only for a year the plan cannot answer", and expectedValue() says the
  // plan cannot answer JY-18 (维权服务工作站服务企业每年不低于20家, plan 2020–2022, no base) for 2019. assess() for
  // the same year falls back to the target value instead (method.ts, yearly branch: `safeExpected(...) ??
  // target.target.value`) and reports 已实现 for 25 in 2019, a year the plan says nothing about.
  it("a yearly amount in a year before the period is #N/A, as its expected value is", () => {
    expectNA(() => expectedValue(ref("JY-18"), 2019), /2019 is before the plan period \(2020–2022\)/);
    expectNA(() => assess(ref("JY-18"), obs({ 2019: 25 }), 2019), /before the plan period/);
  });
});

describe("actuals that skip years", () => {
  it("the latest year with an actual is assessed (JZ-05: 55000 in 2023, 2024 empty)", () => {
    // expected 2023 = 55272.667; pace = (55000 − 49409)/(55272.667 − 49409) = 5591/5863.667 = 0.95350 → on track
    // required = (67000 − 55000)/(2025 − 2023) = 6000 a year
    const a = assess(ref("JZ-05"), obs({ 2023: 55000 }), 2024);
    expect(a.year).toBe(2023);
    expect(a.status).toBe("onTrack");
    expect(a.pace).toBeCloseTo(5591 / 5863.666667, 6);
    expect(a.requiredPerYear).toBeCloseTo(6000, 9);
  });

  it("additions sum the years that were typed (JY-11: 4 in 2020, none typed for 2021, 7 in 2022 → 11)", () => {
    const a = assess(ref("JY-11"), obs({ 2020: 4, 2022: 7 }));
    expect(a.achieved).toBe(11);
    expect(a.status).toBe("achieved");
  });

  it("the trend uses the years as they are, gaps and all", () => {
    // (2022, 49409), (2024, 60000), (2025 unknown): slope 5295.5 a year → 65295.5 in 2025
    expect(assess(ref("JZ-05"), obs({ 2024: 60000 })).projected).toBeCloseTo(65295.5, 6);
    // points 2020 → 1, 2021 → 2, 2023 → 4: exactly on a line of slope 1 → 2025: 6
    expect(trendAt([{ year: 2020, value: 1 }, { year: 2021, value: 2 }, { year: 2023, value: 4 }], 2025, "linear")).toBeCloseTo(6, 9);
  });

  it("as of a year, later actuals are ignored", () => {
    const a = assess(ref("JZ-05"), obs({ 2023: 55000, 2024: 60000, 2025: 67000 }), 2024);
    expect(a.year).toBe(2024);
    expect(a.status).toBe("behind");
  });
});

describe("lower is better", () => {
  // 结案时间 as a figure (no bundled quantitative target falls): 30 days in 2020 → 20 days in 2022.
  const days = (comparator: "reach" | "exceed" | "atMost") =>
    synthetic({ kind: "level", comparator, direction: "decrease", base: { year: 2020, value: 30 }, target: { year: 2022, value: 20, max: null } }, { start: 2020, end: 2022 });

  it("26 days in 2021: expected 25; moved 4 of 5 → pace 0.8, progress (26 − 30)/(20 − 30) = 0.4, completion 20/26", () => {
    const a = assess(days("reach"), obs({ 2021: 26 }));
    expect(a.expected).toBe(25);
    expect(a.status).toBe("behind");
    expect(a.pace).toBeCloseTo(0.8, 9);
    expect(a.progress).toBeCloseTo(0.4, 9);
    expect(a.completion).toBeCloseTo(20 / 26, 9);
    expect(a.gap).toBe(6); // 26 − 20 days still to cut
    expect(a.requiredPerYear).toBe(-6); // (20 − 26)/(2022 − 2021): down 6 days a year
  });

  it("24.5 days: pace 5.5/5 = 1.1 → ahead; 20 → achieved; 31 → regressed", () => {
    expect(assess(days("reach"), obs({ 2021: 24.5 })).status).toBe("ahead");
    expect(assess(days("reach"), obs({ 2021: 20 })).status).toBe("achieved");
    expect(assess(days("reach"), obs({ 2021: 19 })).status).toBe("achieved");
    expect(assess(days("reach"), obs({ 2021: 31 })).status).toBe("regressed");
  });

  it("超过 for lower-is-better means strictly below; 不超过 allows equality", () => {
    expect(assess(days("exceed"), obs({ 2022: 20 })).status).toBe("behind");
    expect(assess(days("exceed"), obs({ 2022: 19.9 })).status).toBe("achieved");
    expect(assess(days("atMost"), obs({ 2022: 20 })).status).toBe("achieved");
    expect(assess(days("atMost"), obs({ 2022: 20.1 })).status).toBe("behind");
  });

  it("completion is target/actual; none for an actual of zero", () => {
    expect(completionRatio(days("reach").target, 25)).toBeCloseTo(0.8, 9);
    expect(completionRatio(days("reach").target, 0)).toBeNull();
  });
});

describe("strict comparators (超过/突破: equal is not achieved)", () => {
  it.each([
    ["JZ-02 突破25件", "JZ-02", 25, false],
    ["JZ-02", "JZ-02", 25.0001, true],
    ["HN-10 累计超过140亿元", "HN-10", 14000000000, false],
    // 1 000 yuan past 140亿 (comparisons allow a relative 1e-9 for rounding: 14 yuan here)
    ["HN-10", "HN-10", 14000001000, true],
    ["JY-04 突破1500件", "JY-04", 1500, false],
    ["JZ-05 达到 6.7万件", "JZ-05", 67000, true],
    ["XZ-14 95%以上", "XZ-14", 95, true],
    ["XZ-14", "XZ-14", 94.99, false],
  ] as const)("%s: %s → %s", (_label, id, value, holds) => {
    expect(comparatorHolds(ref(id).target, value)).toBe(holds);
  });
});

describe("ranges (inside, below, above)", () => {
  it.each([
    // HN-32 建设3-5家 (additions), at the target year 2025
    ["HN-32", 2025, 2, false, "behind"],
    ["HN-32", 2025, 3, true, "achieved"],
    ["HN-32", 2025, 5, true, "achieved"],
    ["HN-32", 2025, 5.5, false, "ahead"],
    // XZ-24 每年10-15场次 (annual)
    ["XZ-24", 2025, 9, false, "behind"],
    ["XZ-24", 2025, 15, true, "achieved"],
    // JY-25 新增2-3家 (additions, summed)
    ["JY-25", 2022, 1, false, "behind"],
    ["JY-25", 2022, 2.5, true, "achieved"],
    ["JY-25", 2022, 4, false, "ahead"],
  ] as const)("%s, %s: actual %s → holds %s, %s", (id, year, value, holds, status) => {
    expect(comparatorHolds(ref(id).target, value)).toBe(holds);
    expect(assess(ref(id), [{ year, value }]).status).toBe(status);
  });

  it("the gap and the completion ratio run to the lower end", () => {
    expect(gapTo(ref("HN-32").target, 2)).toBe(1);
    expect(completionRatio(ref("HN-32").target, 2)).toBeCloseTo(2 / 3, 9);
  });
});

describe("the method's small parts", () => {
  it("familyOf", () => {
    expect(["level", "cumulative", "additions", "growth"].map((k) => familyOf(k as never))).toEqual(["path", "path", "path", "path"]);
    expect(familyOf("annual")).toBe("yearly");
    expect(familyOf("growthRate")).toBe("yearly");
    expect(familyOf("milestone")).toBe("milestone");
    expect(familyOf("qualitative")).toBe("qualitative");
  });

  it("dueYear is the target year", () => {
    expect(dueYear(ref("JZ-05"))).toBe(2025);
    expect(dueYear(ref("JZ-14"))).toBe(2035);
  });

  it("cleanSeries: sorted, one value a year (the last typed wins), finite values and whole years only", () => {
    expect(
      cleanSeries([
        { year: 2024, value: 3 },
        { year: 2022, value: 1 },
        { year: 2024, value: 4 },
        { year: 2023, value: NaN },
        { year: 2023.5, value: 2 },
        { year: 2025, value: Infinity },
        null as never,
      ]),
    ).toEqual([
      { year: 2022, value: 1 },
      { year: 2024, value: 4 },
    ]);
  });

  it("measureSeries sums additions from the year after the baseline", () => {
    // JZ-12 counts from 2022: what is typed for 2022 itself is not an addition of the period.
    expect(measureSeries(ref("JZ-12"), obs({ 2022: 99, 2023: 1000, 2024: 500, 2025: 700 }))).toEqual([
      { year: 2023, value: 1000 },
      { year: 2024, value: 1500 },
      { year: 2025, value: 2200 },
    ]);
    expect(measureSeries(ref("JZ-05"), obs({ 2024: 1, 2023: 2 }))).toEqual([
      { year: 2023, value: 2 },
      { year: 2024, value: 1 },
    ]);
  });

  it("trendAt: needs two distinct years; compound through logs where every value is positive", () => {
    expect(trendAt([{ year: 2024, value: 1 }], 2025, "linear")).toBeNull();
    expect(trendAt([{ year: 2024, value: 1 }, { year: 2024, value: 2 }], 2025, "linear")).toBeNull();
    // 100 → 121 over two years is 10 % a year: 2025 → 133.1
    expect(trendAt([{ year: 2022, value: 100 }, { year: 2024, value: 121 }], 2025, "compound")).toBeCloseTo(133.1, 9);
    // a non-positive value: compound falls back to the line, −10 → 10 → 20 in 2025
    expect(trendAt([{ year: 2023, value: -10 }, { year: 2024, value: 10 }], 2025, "compound")).toBeCloseTo(30, 9);
  });

  it("targetValue: the target, or for a year its milestone or expected value", () => {
    expect(targetValue(ref("JZ-05"))).toBe(67000);
    expect(targetValue(ref("JZ-05"), 2025)).toBe(67000);
    expect(targetValue(ref("JZ-05"), 2024)).toBeCloseTo(61136.333333, 5);
    expect(targetValue(ref("XZ-32"), 2024)).toBe(1000000); // the printed 100万元
    // XZ-05 prints no milestone (the attachment's 0.5亿 is a conflict): on the path, 57.5M + 42.5M·1/3
    expect(targetValue(ref("XZ-05"), 2024)).toBeCloseTo(57500000 + 42500000 / 3, 5);
    expect(targetValue(ref("HN-32"))).toBe(3);
    expectNA(() => targetValue(ref("XC-10")), /yes\/no milestone/);
  });
});

describe("settings", () => {
  it("defaults: linear path, ahead at 1.05, on track at 0.95", () => {
    expect(DEFAULT_SETTINGS).toEqual({ path: "linear", thresholds: { ahead: 1.05, onTrack: 0.95 } });
    expect(Object.isFrozen(DEFAULT_SETTINGS)).toBe(true);
    expect(Object.isFrozen(DEFAULT_SETTINGS.thresholds)).toBe(true);
  });

  it("resolveSettings fills gaps, rejects nonsense and orders the two thresholds", () => {
    expect(resolveSettings()).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings(null)).toEqual(DEFAULT_SETTINGS);
    expect(resolveSettings({ path: "compound" })).toEqual({ ...DEFAULT_SETTINGS, path: "compound" });
    expect(resolveSettings({ path: "exponential" }).path).toBe("linear");
    expect(resolveSettings({ thresholds: { onTrack: 0.9 } }).thresholds).toEqual({ ahead: 1.05, onTrack: 0.9 });
    expect(resolveSettings({ thresholds: { onTrack: 1.2, ahead: 1.1 } }).thresholds).toEqual({ ahead: 1.2, onTrack: 1.1 });
    for (const bad of [0, -1, 10, NaN, Infinity, "0.9", null]) {
      expect(resolveSettings({ thresholds: { onTrack: bad } }).thresholds.onTrack).toBe(0.95);
    }
  });

  it("the thresholds decide the status: JZ-05 60000 in 2024 (pace 0.903) is on track at a 0.9 cut-off", () => {
    const loose = resolveSettings({ thresholds: { onTrack: 0.9 } });
    expect(assess(ref("JZ-05"), obs({ 2024: 60000 }), 2024, LINEAR).status).toBe("behind");
    expect(assess(ref("JZ-05"), obs({ 2024: 60000 }), 2024, loose).status).toBe("onTrack");
    // and ahead can be moved too: pace 1.07365 is only on track if ahead needs 1.1
    expect(assess(ref("JZ-05"), obs({ 2024: 62000 }), 2024, resolveSettings({ thresholds: { ahead: 1.1 } })).status).toBe("onTrack");
  });
});
