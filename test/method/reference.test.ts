/**
 * Issue 11 §5: a qualitative target's reference is the plan's base, else the period's first year
 * on, never whatever older year was typed (HN-02, plan 2021–2025: 2018's 370 made 2023's 347 倒退).
 */
import { assess, MethodError, measureSeries, qualitativeReference } from "../../src/core/method/method";
import { obs, ref } from "./helpers";

describe("the reference of a qualitative target", () => {
  it("HN-02 with 2018's 370 typed: 347 in 2023 is not 倒退, nothing in the period to compare with", () => {
    const a = assess(ref("HN-02"), obs({ 2018: 370, 2023: 347 }));
    expect(a.status).toBe("onTrack");
    expect(a.baseline).toBeNull();
  });

  it("HN-02 compared from the period's first actual: 360 in 2021 → 347 in 2023 is 倒退, → 380 基本符合预期", () => {
    const a = assess(ref("HN-02"), obs({ 2018: 370, 2021: 360, 2023: 347 }));
    expect(a.status).toBe("regressed");
    expect(a.baseline).toEqual({ year: 2021, value: 360, observed: true });
    expect(assess(ref("HN-02"), obs({ 2018: 400, 2022: 360, 2023: 380 })).status).toBe("onTrack");
  });

  it("the plan's base wins where it prints one (HN-33, 7亿 in 2020)", () => {
    expect(qualitativeReference(ref("HN-33"), obs({ 2021: 1 }), 2023)).toEqual({ year: 2020, value: 700000000 });
    expect(assess(ref("HN-33"), obs({ 2021: 900000000, 2023: 800000000 })).status).toBe("onTrack");
  });

  it("years before the period are not read at all: alone they are no data (and uncountedYears names them)", () => {
    expect(measureSeries(ref("HN-02"), obs({ 2018: 370, 2021: 360 }))).toEqual([{ year: 2021, value: 360 }]);
    expect(assess(ref("HN-02"), obs({ 2018: 370 })).status).toBe("noData");
    expect(assess(ref("HN-02"), obs({ 2018: 370, 2023: 347 }), 2020).status).toBe("noData");
    // with a printed base a year before it is #N/A, as for every kind
    expect(() => assess(ref("HN-33"), obs({ 2019: 1 }))).toThrow(MethodError);
  });

  it("the period's first year itself is a reference (JY-15, 2020–2022, lower is better)", () => {
    expect(assess(ref("JY-15"), obs({ 2019: 20, 2020: 30, 2021: 35 })).status).toBe("regressed");
    expect(assess(ref("JY-15"), obs({ 2019: 40, 2020: 30, 2021: 25 })).status).toBe("onTrack");
  });
});
