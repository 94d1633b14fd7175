/**
 * The progress method on real targets of every plan and every kind, with every figure worked out
 * by hand beside it. Defaults: linear path, thresholds ahead 1.05 / on track 0.95
 * (pace = (actual − base) / (expected − base), see docs/method.md).
 */
import { assess, type Assessment, expectedValue, MethodError, STATUS_CODES, STATUS_LABELS, type StatusCode, type TargetRef } from "../../src/core/method/method";
import type { MethodSettings } from "../../src/core/method/settings";
import { COMPOUND, LINEAR, obs, ref, synthetic } from "./helpers";

// growth (较基期增长x%) appears in no bundled plan: modelled on XC-01's words
// "达到3600件，较2022年增长20%", read as a growth of 20 % over 2022 by 2024.
const GROWTH = synthetic({ kind: "growth", comparator: "reach", base: { year: 2022, value: null }, target: { year: 2024, value: 20, max: null } }, { start: 2023, end: 2024 });

describe("expected value (序时进度)", () => {
  it.each<[string, TargetRef, number, MethodSettings, number]>([
    // level, JZ-05: base 2022 49409, target 2025 67000 (span 17591 over 3 years)
    ["JZ-05 base year", ref("JZ-05"), 2022, LINEAR, 49409],
    ["JZ-05 2023 linear: 49409 + 17591·1/3", ref("JZ-05"), 2023, LINEAR, 55272.666667],
    ["JZ-05 2024 linear: 49409 + 17591·2/3", ref("JZ-05"), 2024, LINEAR, 61136.333333],
    ["JZ-05 2024 compound: 49409·(67000/49409)^(2/3)", ref("JZ-05"), 2024, COMPOUND, 60532.027848],
    ["JZ-05 target year", ref("JZ-05"), 2025, LINEAR, 67000],
    ["JZ-05 after the target year, inside the period: the target holds", ref("JZ-05"), 2030, LINEAR, 67000],
    // level with a zero base, JZ-08: 0 → 15; compound cannot start at 0, so it is linear
    ["JZ-08 2024 linear: 0 + 15·2/3", ref("JZ-08"), 2024, LINEAR, 10],
    ["JZ-08 2024 compound falls back to linear at a zero base", ref("JZ-08"), 2024, COMPOUND, 10],
    // cumulative, JZ-02: 19 → 25
    ["JZ-02 2024: 19 + 6·2/3", ref("JZ-02"), 2024, LINEAR, 23],
    // additions, JZ-12: from 0 in 2022 (its base year, that of the plan's 2025 table) to 3000 in 2025
    ["JZ-12 2022: the additions' baseline", ref("JZ-12"), 2022, LINEAR, 0],
    ["JZ-12 2023: 0 + 3000·1/3", ref("JZ-12"), 2023, LINEAR, 1000],
    ["JZ-12 2024: 0 + 3000·2/3", ref("JZ-12"), 2024, LINEAR, 2000],
    // level with printed milestones, XZ-01: 2023 1775, 2024 1800, 2025 1900, 2026 2000
    ["XZ-01 2023 base", ref("XZ-01"), 2023, LINEAR, 1775],
    ["XZ-01 2024 printed", ref("XZ-01"), 2024, LINEAR, 1800],
    ["XZ-01 2025 printed (compound too)", ref("XZ-01"), 2025, COMPOUND, 1900],
    // cumulative with printed milestones, XZ-03 (PCT累计申请量): 5 in 2023, 5 / 10 printed for 2024 / 2025, 15 in 2026
    ["XZ-03 2024 printed 5, the base again", ref("XZ-03"), 2024, LINEAR, 5],
    ["XZ-03 2025 printed 10", ref("XZ-03"), 2025, LINEAR, 10],
    ["XZ-03 2025 printed 10 (compound too)", ref("XZ-03"), 2025, COMPOUND, 10],
    // cumulative, XZ-05: 57.5M (2023) → 100M (2026), a straight path (span 42.5M over 3 years); the
    // attachment's 0.5亿 / 0.8亿 are flagged conflicts, not milestones
    ["XZ-05 2024: 57.5M + 42.5M·1/3, not the attachment's 0.5亿", ref("XZ-05"), 2024, LINEAR, 71666666.666667],
    ["XZ-05 2025: 57.5M + 42.5M·2/3, not the attachment's 0.8亿", ref("XZ-05"), 2025, LINEAR, 85833333.333333],
    // annual with milestones, XZ-32: 100 / 150 / 200 万元 a year
    ["XZ-32 2024 yearly bar", ref("XZ-32"), 2024, LINEAR, 1000000],
    ["XZ-32 2025 yearly bar", ref("XZ-32"), 2025, LINEAR, 1500000],
    ["XZ-32 2026 yearly bar", ref("XZ-32"), 2026, LINEAR, 2000000],
    // level, HN-04: 2020 1121000 → 2025 2250000 (span 1129000 over 5 years)
    ["HN-04 2023 linear: 1121000 + 1129000·3/5", ref("HN-04"), 2023, LINEAR, 1798400],
    ["HN-04 2023 compound: 1121000·(2250000/1121000)^(3/5)", ref("HN-04"), 2023, COMPOUND, 1702753.399078],
    // level with a derived base, XC-01: 3000 (= 3600/1.2) in 2022 → 3600 in 2024
    ["XC-01 2023 linear: 3000 + 600/2", ref("XC-01"), 2023, LINEAR, 3300],
    ["XC-01 2023 compound: 3000·√1.2", ref("XC-01"), 2023, COMPOUND, 3286.335345],
    // annual without milestones, JY-18: 不低于20家 every year of 2020–2022
    ["JY-18 2021 yearly bar", ref("JY-18"), 2021, LINEAR, 20],
    ["JY-18 2020 yearly bar, the period's first year", ref("JY-18"), 2020, LINEAR, 20],
    // additions with a range, XC-13: 3–5 by 2024, from 0 in 2022: the path runs to the lower end
    ["XC-13 2023: 0 + 3·1/2", ref("XC-13"), 2023, LINEAR, 1.5],
    // additions, JY-11: 10 by 2022 from 0 in 2019
    ["JY-11 2021: 10·2/3", ref("JY-11"), 2021, LINEAR, 6.666667],
    // growth rate, JY-14: the yearly bar is the rate itself
    ["JY-14 2020: 20 % a year", ref("JY-14"), 2020, LINEAR, 20],
    // growth since 2022 (synthetic): 0 in 2022 → 20 in 2024
    ["growth 2023 linear: 20/2", GROWTH, 2023, LINEAR, 10],
    ["growth 2023 compound on the index: 100·√1.2 − 100", GROWTH, 2023, COMPOUND, 9.544511],
  ])("%s", (_label, target, year, settings, value) => {
    expect(expectedValue(target, year, settings)).toBeCloseTo(value, 5);
  });

  it.each<[string, TargetRef, number, RegExp]>([
    ["a year before the base (JZ-05, 2021)", ref("JZ-05"), 2021, /2021 is before the base year \(2022\)/],
    ["a year after the period (JZ-05, 2036)", ref("JZ-05"), 2036, /2036 is after the plan period \(2024–2035\)/],
    ["a level with no base before its target year (JY-06, 2021)", ref("JY-06"), 2021, /gives JY-06 no base value/],
    ["a yearly amount before the period (JY-18, 2019)", ref("JY-18"), 2019, /2019 is before the plan period/],
    ["a level with no base before its target year (XC-04, 2023)", ref("XC-04"), 2023, /gives XC-04 no base value/],
    ["a yes/no milestone (JZ-14)", ref("JZ-14"), 2030, /JZ-14 is a yes\/no milestone; the plan gives no figure/],
    ["a qualitative direction (JZ-18)", ref("JZ-18"), 2030, /JZ-18 is qualitative; the plan gives no figure/],
  ])("no answer for %s: MethodError NA", (_label, target, year, message) => {
    try {
      expectedValue(target, year);
      throw new Error("expected a MethodError");
    } catch (e) {
      expect(e).toBeInstanceOf(MethodError);
      expect((e as MethodError).code).toBe("NA");
      expect((e as MethodError).en).toMatch(message);
      expect((e as MethodError).zh).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("a year that is not whole is a VALUE error", () => {
    expect(() => expectedValue(ref("JZ-05"), 2024.5)).toThrow(expect.objectContaining({ code: "VALUE" }));
  });
});

type Want = Partial<Pick<Assessment, "year" | "expected" | "progress" | "completion" | "pace" | "projected" | "requiredPerYear" | "gap">> & { status: StatusCode };

function expectAssessment(a: Assessment, want: Want) {
  expect(a.status).toBe(want.status);
  for (const k of ["year", "expected", "progress", "completion", "pace", "projected", "requiredPerYear", "gap"] as const) {
    if (!(k in want)) continue;
    const v = want[k];
    if (v === null) expect(a[k]).toBeNull();
    else expect(a[k]).toBeCloseTo(v as number, 4);
  }
}

describe("assessment of real targets, every plan and every kind", () => {
  it.each<[string, TargetRef, Record<number, number>, number | null, MethodSettings, Want]>([
    // ── JZ, level: JZ-05, base 2022 49409 → 2025 67000; expected 2024 = 61136.333 (expected move 11727.333)
    // progress = 10591/17591 = 0.60207; completion = 60000/67000 = 0.89552; pace = 10591/11727.333 = 0.90310 < 0.95 → 滞后;
    // gap = 67000 − 60000 = 7000; required = 7000/(2025 − 2024) = 7000;
    // projected: line through (2022, 49409), (2024, 60000), slope 5295.5 → 60000 + 5295.5 = 65295.5
    ["JZ-05 60000 in 2024: behind", ref("JZ-05"), { 2024: 60000 }, 2024, LINEAR,
      { status: "behind", year: 2024, expected: 61136.333333, progress: 0.602069, completion: 0.895522, pace: 0.903104, gap: 7000, requiredPerYear: 7000, projected: 65295.5 }],
    // pace = 11591/11727.333 = 0.98837 → 基本符合预期
    ["JZ-05 61000 in 2024: on track", ref("JZ-05"), { 2024: 61000 }, 2024, LINEAR, { status: "onTrack", pace: 0.988375 }],
    // pace = 12591/11727.333 = 1.07365 ≥ 1.05 → 快于预期
    ["JZ-05 62000 in 2024: ahead", ref("JZ-05"), { 2024: 62000 }, 2024, LINEAR, { status: "ahead", pace: 1.073645 }],
    ["JZ-05 67000 in 2024: achieved early", ref("JZ-05"), { 2024: 67000 }, 2024, LINEAR, { status: "achieved", progress: 1, gap: 0 }],
    // 49000 < base 49409: moved away from the target → 倒退; progress = −409/17591
    ["JZ-05 49000 in 2024: regressed", ref("JZ-05"), { 2024: 49000 }, 2024, LINEAR, { status: "regressed", progress: -0.023250 }],
    // target year reached and not met → 滞后; nothing is required per year any more; projected = the actual
    ["JZ-05 66000 in 2025: behind at the target year", ref("JZ-05"), { 2025: 66000 }, 2025, LINEAR,
      { status: "behind", requiredPerYear: null, projected: 66000, gap: 1000 }],
    // compound: expected = 60532.028, move 11123.028, pace = 10591/11123.028 = 0.95217 → 基本符合预期
    ["JZ-05 60000 in 2024, compound path: on track", ref("JZ-05"), { 2024: 60000 }, 2024, COMPOUND,
      { status: "onTrack", expected: 60532.027848, pace: 0.952169 }],
    // least squares through (2022, 49409), (2023, 55000), (2024, 60000): mean 54803, slope (5394 + 5197)/2 = 5295.5
    // → 2025: 54803 + 2·5295.5 = 65394
    ["JZ-05 series 55000, 60000: linear projection", ref("JZ-05"), { 2023: 55000, 2024: 60000 }, 2024, LINEAR, { status: "behind", projected: 65394 }],
    // log-linear fit through the same three points, read at 2025
    ["JZ-05 series 55000, 60000: compound projection", ref("JZ-05"), { 2023: 55000, 2024: 60000 }, 2024, COMPOUND, { status: "onTrack", projected: 66341.484836 }],
    // ── JZ, level with base 0: JZ-08 0 → 15; expected 2024 = 10; pace = 8/10 = 0.8; progress = completion = 8/15
    ["JZ-08 8 in 2024: behind", ref("JZ-08"), { 2024: 8 }, 2024, LINEAR, { status: "behind", expected: 10, pace: 0.8, progress: 0.533333, completion: 0.533333 }],
    // ── JZ, cumulative 突破 (exceed): JZ-02 19 → 25; expected 2024 = 23; pace = 4/4 = 1
    ["JZ-02 23 in 2024: on track", ref("JZ-02"), { 2024: 23 }, 2024, LINEAR, { status: "onTrack", expected: 23, pace: 1 }],
    ["JZ-02 25 in 2025: exactly 25 does not exceed 25 → behind", ref("JZ-02"), { 2025: 25 }, 2025, LINEAR, { status: "behind", progress: 1 }],
    ["JZ-02 26 in 2025: achieved", ref("JZ-02"), { 2025: 26 }, 2025, LINEAR, { status: "achieved" }],
    // ── JZ, additions: JZ-12 3000 new patents by 2025, counted from 0 in 2022; expected 2024 = 3000·2/3 = 2000
    // pace = 1400/2000 = 0.7; progress = completion = 1400/3000; required = (3000 − 1400)/1 = 1600;
    // projected: (2022, 0), (2024, 1400), slope 700 → 2100
    ["JZ-12 1400 added in 2024: behind", ref("JZ-12"), { 2024: 1400 }, 2024, LINEAR,
      { status: "behind", expected: 2000, pace: 0.7, progress: 0.466667, completion: 0.466667, requiredPerYear: 1600, projected: 2100 }],
    // 2023 counts too: 900 + 1100 = 2000 = expected 2024 → pace 1; projected (2022, 0), (2023, 900), (2024, 2000):
    // mean (2023, 966.667), slope 2000/2 = 1000 → 966.667 + 2·1000 = 2966.667
    ["JZ-12 900 + 1100 added in 2023–2024: on track", ref("JZ-12"), { 2023: 900, 2024: 1100 }, 2024, LINEAR,
      { status: "onTrack", expected: 2000, pace: 1, progress: 0.666667, requiredPerYear: 1000, projected: 2966.666667 }],
    // 1400 + 1700 = 3100 ≥ 3000
    ["JZ-12 1400 + 1700 added: achieved", ref("JZ-12"), { 2024: 1400, 2025: 1700 }, 2025, LINEAR, { status: "achieved", progress: 3100 / 3000 }],
    // ── XZ, level with printed milestones: XZ-01 1775 (2023), 1800, 1900, 2000 (2026)
    // expected 2025 = 1900; pace = (1880 − 1775)/(1900 − 1775) = 105/125 = 0.84; progress = 105/225; completion = 1880/2000
    ["XZ-01 1880 in 2025: behind the printed 1900", ref("XZ-01"), { 2025: 1880 }, 2025, LINEAR,
      { status: "behind", expected: 1900, pace: 0.84, progress: 0.466667, completion: 0.94, requiredPerYear: 120 }],
    // pace = (1800 − 1775)/(1800 − 1775) = 1
    ["XZ-01 1800 in 2024: on track with the printed 1800", ref("XZ-01"), { 2024: 1800 }, 2024, LINEAR, { status: "onTrack", pace: 1 }],
    // ── XZ, cumulative: XZ-05 57.5M (2023) → 100M (2026); the attachment's 0.5亿 / 0.8亿 are conflicts, not
    // milestones, so expected 2025 = 57.5M + 42.5M·2/3 = 85.8333M (expected move 28.3333M)
    // pace = (85 − 57.5)/(85.8333 − 57.5) = 27.5/28.3333 = 0.97059; progress = 27.5/42.5; completion = 0.85;
    // required = 15M/1; projected: (2023, 57.5M), (2025, 85M), slope 13.75M → 98.75M
    ["XZ-05 85M in 2025: on track on the straight path to 1亿", ref("XZ-05"), { 2025: 85000000 }, 2025, LINEAR,
      { status: "onTrack", expected: 85833333.333333, pace: 0.970588, progress: 0.647059, completion: 0.85, requiredPerYear: 15000000, projected: 98750000 }],
    // pace = (90 − 57.5)/28.3333 = 32.5/28.3333 = 1.14706 ≥ 1.05
    ["XZ-05 90M in 2025: ahead", ref("XZ-05"), { 2025: 90000000 }, 2025, LINEAR, { status: "ahead", pace: 1.147059 }],
    ["XZ-05 1亿 in 2026: 不低于 holds at equality", ref("XZ-05"), { 2026: 100000000 }, 2026, LINEAR, { status: "achieved", completion: 1 }],
    // The attachment's 0.5亿 for 2024 (below the 2023 total 0.575亿) is no anchor: expected 2024 =
    // 57.5M + 42.5M·1/3 = 71.6667M, move 14.1667M; pace = 2.5/14.1667 = 0.17647 → 滞后
    ["XZ-05 60M in 2024: behind the straight path, the conflicting 0.5亿 is not used", ref("XZ-05"), { 2024: 60000000 }, 2024, LINEAR,
      { status: "behind", expected: 71666666.666667, pace: 0.176471 }],
    // ── XZ, annual with milestones: XZ-32 bars 100万 (2024), 150万 (2025), 200万 (2026)
    ["XZ-32 100万 in 2024: meets that year's bar", ref("XZ-32"), { 2024: 1000000 }, 2024, LINEAR, { status: "achieved", expected: 1000000, completion: 1 }],
    // completion = 145/150 = 0.96667 ≥ 0.95; required = the final yearly bar 200万
    ["XZ-32 145万 in 2025: on track", ref("XZ-32"), { 2025: 1450000 }, 2025, LINEAR, { status: "onTrack", completion: 0.966667, requiredPerYear: 2000000, gap: 50000 }],
    // completion = 140/150 = 0.93333 < 0.95
    ["XZ-32 140万 in 2025: behind", ref("XZ-32"), { 2025: 1400000 }, 2025, LINEAR, { status: "behind", completion: 0.933333 }],
    // ── XZ, cumulative with printed milestones: XZ-03 PCT累计申请量 5 (2023), 5 (2024), 10 (2025), 15 (2026)
    // 4 < 5 → 倒退
    ["XZ-03 4 in 2025: below the 2023 base → regressed", ref("XZ-03"), { 2025: 4 }, 2025, LINEAR, { status: "regressed", expected: 10 }],
    // pace = (9.6 − 5)/(10 − 5) = 0.92 < 0.95; progress = 4.6/10 = 0.46; completion = 9.6/15 = 0.64; required = 5.4/1
    ["XZ-03 9.6 in 2025: behind the printed 10", ref("XZ-03"), { 2025: 9.6 }, 2025, LINEAR,
      { status: "behind", expected: 10, pace: 0.92, progress: 0.46, completion: 0.64, requiredPerYear: 5.4 }],
    // pace = 5/5 = 1
    ["XZ-03 10 in 2025: on track with the printed 10", ref("XZ-03"), { 2025: 10 }, 2025, LINEAR, { status: "onTrack", pace: 1 }],
    // 2024 prints the base again (5): the path does not move forward, so there is no pace → 基本符合预期
    ["XZ-03 5 in 2024: a flat stretch of the path, no pace", ref("XZ-03"), { 2024: 5 }, 2024, LINEAR, { status: "onTrack", expected: 5, pace: null, progress: 0 }],
    // ── XZ, annual range 10–15 场次: XZ-24
    ["XZ-24 12 in 2025: inside the range", ref("XZ-24"), { 2025: 12 }, 2025, LINEAR, { status: "achieved" }],
    ["XZ-24 9.6 in 2025: below, 9.6/10 = 0.96", ref("XZ-24"), { 2025: 9.6 }, 2025, LINEAR, { status: "onTrack", completion: 0.96 }],
    ["XZ-24 9 in 2025: below, 9/10 = 0.9", ref("XZ-24"), { 2025: 9 }, 2025, LINEAR, { status: "behind", completion: 0.9 }],
    // ── HN, level: HN-04 1121000 (2020) → 2250000 (2025); expected 2023 = 1798400, move 677400
    // pace = 579000/677400 = 0.85474; progress = 579000/1129000 = 0.51284
    ["HN-04 1.7M in 2023: behind on the linear path", ref("HN-04"), { 2023: 1700000 }, 2023, LINEAR, { status: "behind", pace: 0.854739, progress: 0.512843 }],
    // compound expected 1702753.399, move 581753.399: pace = 579000/581753.399 = 0.99527
    ["HN-04 1.7M in 2023: on track on the compound path", ref("HN-04"), { 2023: 1700000 }, 2023, COMPOUND, { status: "onTrack", pace: 0.995267 }],
    // ── HN, additions range 3–5 家 (建设 N 家: what the period adds) with no base: HN-32
    ["HN-32 4 in 2025: inside 3–5 → achieved", ref("HN-32"), { 2025: 4 }, 2025, LINEAR, { status: "achieved" }],
    ["HN-32 6 in 2025: above 5 → ahead", ref("HN-32"), { 2025: 6 }, 2025, LINEAR, { status: "ahead", gap: -3 }],
    ["HN-32 2 in 2025: below 3 at the target year → behind", ref("HN-32"), { 2025: 2 }, 2025, LINEAR, { status: "behind" }],
    // additions with no printed base count from 0 the year before the period (2020):
    // 1 + 1 = 2 by 2024; expected 2024 = 0 + 3·4/5 = 2.4; pace = 2/2.4 = 0.833 < 0.95 → behind; progress = 2/3
    ["HN-32 1 then 1 added: additions count from zero before the period", ref("HN-32"), { 2023: 1, 2024: 1 }, 2024, LINEAR,
      { status: "behind", expected: 2.4, pace: 0.833333, progress: 0.666667 }],
    // ── HN, score in points: HN-15 82分, no base; observed base 78 (2021); expected 2023 = 78 + 4·2/4 = 80
    ["HN-15 78 then 80 分: on track; completion 80/82", ref("HN-15"), { 2021: 78, 2023: 80 }, 2023, LINEAR,
      { status: "onTrack", expected: 80, pace: 1, progress: 0.5, completion: 0.975610 }],
    // ── XC, level with a derived base: XC-01 3000 → 3600; expected 2023 = 3300
    // pace = 250/300 = 0.83333; progress = 250/600; completion = 3250/3600 = 0.90278; required = 350
    ["XC-01 3250 in 2023: behind", ref("XC-01"), { 2023: 3250 }, 2023, LINEAR,
      { status: "behind", expected: 3300, pace: 0.833333, progress: 0.416667, completion: 0.902778, requiredPerYear: 350 }],
    // ── XC, level with no printed base: XC-04 1亿 by 2024. A single actual is its own (observed) base:
    // no progress, no pace → 基本符合预期 whatever its size; completion = 0.96; required = (1亿 − 0.96亿)/1 = 4M
    ["XC-04 0.96亿 in 2023 alone: its own base, no pace → on track", ref("XC-04"), { 2023: 96000000 }, 2023, LINEAR,
      { status: "onTrack", expected: 96000000, progress: null, pace: null, completion: 0.96, gap: 4000000, requiredPerYear: 4000000 }],
    ["XC-04 0.9亿 in 2023 alone: no pace → on track", ref("XC-04"), { 2023: 90000000 }, 2023, LINEAR, { status: "onTrack", pace: null, completion: 0.9 }],
    // with 2022's 0.6亿 typed as the base: expected 2023 = 0.6亿 + 0.4亿/2 = 0.8亿; pace = 0.2/0.2 = 1; progress 0.5;
    // required 0.2亿; projected (2022, 0.6亿), (2023, 0.8亿) → 1亿
    ["XC-04 0.6亿 then 0.8亿: on track", ref("XC-04"), { 2022: 60000000, 2023: 80000000 }, 2023, LINEAR,
      { status: "onTrack", expected: 80000000, pace: 1, progress: 0.5, completion: 0.8, requiredPerYear: 20000000, projected: 100000000 }],
    // pace = 0.15/0.2 = 0.75 → 滞后
    ["XC-04 0.6亿 then 0.75亿: behind", ref("XC-04"), { 2022: 60000000, 2023: 75000000 }, 2023, LINEAR, { status: "behind", pace: 0.75 }],
    ["XC-04 1亿 in 2024: achieved; nothing required after the target year", ref("XC-04"), { 2024: 100000000 }, 2024, LINEAR, { status: "achieved", requiredPerYear: null }],
    // ── XC, additions range 3–5: XC-13, yearly additions summed
    ["XC-13 2 + 2 = 4: inside 3–5", ref("XC-13"), { 2023: 2, 2024: 2 }, 2024, LINEAR, { status: "achieved" }],
    ["XC-13 2 + 4 = 6: above 5 → ahead", ref("XC-13"), { 2023: 2, 2024: 4 }, 2024, LINEAR, { status: "ahead" }],
    // expected 2023 = 1.5; pace = 1/1.5 = 0.66667; progress = 1/3
    ["XC-13 1 in 2023: behind", ref("XC-13"), { 2023: 1 }, 2023, LINEAR, { status: "behind", pace: 0.666667, progress: 0.333333 }],
    // ── JY, level 超过 with no base: JY-06; observed base 4.5 (2020); expected 2021 = 4.5 + 1.5/2 = 5.25
    // pace = 0.7/0.75 = 0.93333; progress = 0.7/1.5; completion = 5.2/6; projected 5.2 + 0.7 = 5.9
    ["JY-06 4.5 then 5.2: behind", ref("JY-06"), { 2020: 4.5, 2021: 5.2 }, 2021, LINEAR,
      { status: "behind", expected: 5.25, pace: 0.933333, progress: 0.466667, completion: 0.866667, projected: 5.9 }],
    ["JY-06 6 in 2022: 超过 6 means more than 6 → behind", ref("JY-06"), { 2022: 6 }, 2022, LINEAR, { status: "behind", completion: 1 }],
    ["JY-06 6.1 in 2022: achieved", ref("JY-06"), { 2022: 6.1 }, 2022, LINEAR, { status: "achieved" }],
    // ── JY, level 突破 1500 with no base: JY-04 (2022's applications must pass 1500)
    // one actual: its own base, no pace; equal is not 突破 → on track (completion 1500/1500 = 1)
    ["JY-04 1500 in 2021: equal is not 突破 → on track (1500/1500 = 1)", ref("JY-04"), { 2021: 1500 }, 2021, LINEAR, { status: "onTrack", completion: 1, pace: null }],
    ["JY-04 1501 in 2021: achieved", ref("JY-04"), { 2021: 1501 }, 2021, LINEAR, { status: "achieved" }],
    ["JY-04 1500 in 2022: equal is not 突破 at the target year → behind", ref("JY-04"), { 2022: 1500 }, 2022, LINEAR, { status: "behind", completion: 1 }],
    // ── JY, annual 不低于20家 每年: JY-18
    // completion 19/20 = 0.95 ≥ 0.95 → 基本符合预期; gap 1; required: the yearly bar 20
    ["JY-18 19 in 2021: 0.95 → on track", ref("JY-18"), { 2021: 19 }, 2021, LINEAR, { status: "onTrack", expected: 20, completion: 0.95, gap: 1, requiredPerYear: 20 }],
    // 18/20 = 0.9 → 滞后
    ["JY-18 18 in 2021: 0.9 → behind", ref("JY-18"), { 2021: 18 }, 2021, LINEAR, { status: "behind", completion: 0.9 }],
    // meeting the bar in an earlier year achieves it for that year
    ["JY-18 20 in 2020: achieved for that year", ref("JY-18"), { 2020: 20 }, 2020, LINEAR, { status: "achieved", completion: 1, requiredPerYear: 20 }],
    ["JY-18 20 in 2022: achieved; nothing required after the target year", ref("JY-18"), { 2022: 20 }, 2022, LINEAR, { status: "achieved", requiredPerYear: null }],
    // ── JY, growth rate ≥ 20 %: JY-14, period 2020–2022 (3 years)
    // completion 18/20 = 0.9; required: 2 years at 18 → (3·20 − 2·18)/(3 − 2) = 24
    ["JY-14 18 % in 2021: behind", ref("JY-14"), { 2021: 18 }, 2021, LINEAR, { status: "behind", completion: 0.9, requiredPerYear: 24 }],
    // 19.2/20 = 0.96; required (3·20 − 1·19.2)/(3 − 1) = 20.4
    ["JY-14 19.2 % in 2020: on track", ref("JY-14"), { 2020: 19.2 }, 2020, LINEAR, { status: "onTrack", completion: 0.96, requiredPerYear: 20.4 }],
    ["JY-14 −5 % in 2021: regressed", ref("JY-14"), { 2021: -5 }, 2021, LINEAR, { status: "regressed" }],
    ["JY-14 20 % in 2022: achieved", ref("JY-14"), { 2022: 20 }, 2022, LINEAR, { status: "achieved", requiredPerYear: null }],
    // ── JY, additions: JY-11 10 by 2022 from 0 in 2019; 3 + 3 = 6; expected 2021 = 6.667
    // pace = 6/6.667 = 0.9; progress = 0.6; required = (10 − 6)/1 = 4; projected through (2019,0),(2020,3),(2021,6) → 9
    ["JY-11 3 + 3 added: behind", ref("JY-11"), { 2020: 3, 2021: 3 }, 2021, LINEAR,
      { status: "behind", expected: 6.666667, pace: 0.9, progress: 0.6, requiredPerYear: 4, projected: 9 }],
    // ── growth since the base (synthetic, 20 % over 2022 by 2024): expected 2023 = 10
    // pace = 9.6/10 = 0.96; required = (20 − 9.6)/1 = 10.4; projected (2022, 0), (2023, 9.6) → 19.2
    ["growth 9.6 % in 2023: on track", GROWTH, { 2023: 9.6 }, 2023, LINEAR, { status: "onTrack", expected: 10, pace: 0.96, progress: 0.48, requiredPerYear: 10.4, projected: 19.2 }],
    // compound: expected 9.5445, pace 9.6/9.5445 = 1.00581; projection on the index: 100·1.096² − 100 = 20.1216
    ["growth 9.6 % in 2023, compound", GROWTH, { 2023: 9.6 }, 2023, COMPOUND, { status: "onTrack", pace: 1.005814, projected: 20.1216 }],
    ["growth 12 % in 2023: 1.2 → ahead", GROWTH, { 2023: 12 }, 2023, LINEAR, { status: "ahead", pace: 1.2 }],
    ["growth 20 % in 2024: achieved", GROWTH, { 2024: 20 }, 2024, LINEAR, { status: "achieved" }],
    ["growth 19 % in 2024: behind", GROWTH, { 2024: 19 }, 2024, LINEAR, { status: "behind" }],
    ["growth −1 % in 2023: regressed", GROWTH, { 2023: -1 }, 2023, LINEAR, { status: "regressed" }],
  ])("%s", (_label, target, actuals, asOf, settings, want) => {
    expectAssessment(assess(target, obs(actuals), asOf, settings), want);
  });

  it.each<[string, TargetRef, Record<number, number>, number, StatusCode, number]>([
    // ── milestones (yes/no): 1 once done, 0 before
    ["JZ-14 not yet done in 2024, due 2035", ref("JZ-14"), { 2024: 0 }, 2024, "onTrack", 0],
    ["JZ-14 done", ref("JZ-14"), { 2026: 1 }, 2026, "achieved", 1],
    ["JZ-14 not done in its year", ref("JZ-14"), { 2035: 0 }, 2035, "behind", 0],
    ["XC-10 申报成功 not done by 2024", ref("XC-10"), { 2024: 0 }, 2024, "behind", 0],
    ["XZ-18 done in 2024", ref("XZ-18"), { 2024: 1 }, 2024, "achieved", 1],
    ["HN-21 not yet done in 2022", ref("HN-21"), { 2022: 0 }, 2022, "onTrack", 0],
    ["JY-16 done in 2022", ref("JY-16"), { 2022: 1 }, 2022, "achieved", 1],
  ])("milestone %s", (_label, target, actuals, asOf, status, progress) => {
    const a = assess(target, obs(actuals), asOf);
    expect(a.status).toBe(status);
    expect(a.progress).toBe(progress);
    expect(a.completion).toBe(progress);
    expect(a.expected).toBeNull();
  });

  it.each<[string, TargetRef, Record<number, number>, StatusCode]>([
    // ── qualitative: only the direction since the base (or the first actual) is judged
    ["HN-33 fund 6亿 in 2023, below the 2020 7亿 → regressed", ref("HN-33"), { 2023: 600000000 }, "regressed"],
    ["HN-33 fund 8亿 in 2023 → on track", ref("HN-33"), { 2023: 800000000 }, "onTrack"],
    ["JY-15 结案时间 30 → 25 days (lower is better) → on track", ref("JY-15"), { 2020: 30, 2021: 25 }, "onTrack"],
    ["JY-15 结案时间 30 → 35 days → regressed", ref("JY-15"), { 2020: 30, 2021: 35 }, "regressed"],
    ["XZ-06 one value, nothing to compare → on track", ref("XZ-06"), { 2024: 1200 }, "onTrack"],
    ["XC-06 one value → on track", ref("XC-06"), { 2023: 1 }, "onTrack"],
    ["JZ-18 falls from 5 to 4 → regressed", ref("JZ-18"), { 2024: 5, 2025: 4 }, "regressed"],
  ])("qualitative %s", (_label, target, actuals, status) => {
    const a = assess(target, obs(actuals));
    expect(a.status).toBe(status);
    expect(a.progress).toBeNull();
    expect(a.completion).toBeNull();
  });

  it("no actual at all is 无数据, for every kind, never a zero", () => {
    for (const id of ["JZ-05", "JZ-12", "XZ-05", "XZ-32", "HN-32", "XC-10", "JY-14", "JY-15"]) {
      const a = assess(ref(id), []);
      expect(a.status).toBe("noData");
      expect(a.achieved).toBeNull();
      expect(a.progress).toBeNull();
      expect(a.completion).toBeNull();
    }
    expect(assess(GROWTH, []).status).toBe("noData");
    // The plan's own baseline is still reported.
    expect(assess(ref("JZ-05"), []).baseline).toEqual({ year: 2022, value: 49409 });
  });

  it("every status code has its Chinese and English name", () => {
    expect(STATUS_CODES).toEqual(["achieved", "ahead", "onTrack", "behind", "regressed", "noData"]);
    expect(STATUS_LABELS).toEqual({
      achieved: { zh: "已实现", en: "Achieved" },
      ahead: { zh: "快于预期", en: "Ahead of schedule" },
      onTrack: { zh: "基本符合预期", en: "On track" },
      behind: { zh: "滞后", en: "Behind schedule" },
      regressed: { zh: "倒退", en: "Moving away" },
      noData: { zh: "无数据", en: "No data" },
    });
  });
});
