/**
 * Issue 11 §5: typed values that can never count are reported with why, in Chinese and English —
 * and the list is exact: dropping the years it names never changes an assessment (property test
 * over every bundled target).
 */
import fc from "fast-check";
import { countedYears, uncountedReason, uncountedYears } from "../../src/core/method/countable";
import { assess, type Assessment, type Observation } from "../../src/core/method/method";
import { catalog, ref, synthetic } from "./helpers";

describe("countedYears and uncountedYears", () => {
  it("a 新增 target counted from 2023: a 2023 value never counts", () => {
    const t = synthetic({ kind: "additions", comparator: "reach", base: { year: 2023, value: null }, target: { year: 2026, value: 30 } }, { start: 2024, end: 2026 });
    expect(countedYears(t)).toEqual({ from: 2024, to: 2026 });
    expect(uncountedYears(t, [2024, 2023, 2025, 2023])).toEqual([
      {
        year: 2023,
        zh: "新增类指标从 2024 年起逐年相加（基期 2023 年），2023 年的值不计入",
        en: "additions are summed from 2024 (the base year is 2023); the value for 2023 is not counted",
      },
    ]);
    // and indeed: the additions of 2023 are not summed
    expect(assess(t, [{ year: 2023, value: 10 }, { year: 2024, value: 5 }]).achieved).toBe(5);
  });

  it("JZ-12 (新增 from 0 in 2022): 2022 and before never count; JY-11 (no base year): 2019 and before", () => {
    expect(countedYears(ref("JZ-12"))).toEqual({ from: 2023, to: 2035 });
    expect(uncountedYears(ref("JZ-12"), [2021, 2022, 2023]).map((u) => u.year)).toEqual([2021, 2022]);
    expect(countedYears(ref("JY-11"))).toEqual({ from: 2020, to: 2022 });
  });

  it("a level with a printed base (XZ-01, 2023): before the base never counts, the base year does", () => {
    expect(uncountedYears(ref("XZ-01"), [2022, 2023, 2026, 2027])).toEqual([
      { year: 2022, zh: "2022 年早于基期（2023 年），不计入", en: "2022 is before the base year (2023), so it is not counted" },
      {
        year: 2027,
        zh: "2027 年在规划期（2024–2026）之后，规划未给出该年的目标，不计入",
        en: "2027 is after the plan period (2024–2026); the plan sets nothing for it, so it is not counted",
      },
    ]);
  });

  it("a level without a base (XC-04): any year up to the plan's end counts (the first stands in for a base)", () => {
    expect(countedYears(ref("XC-04"))).toEqual({ from: null, to: 2024 });
    expect(uncountedYears(ref("XC-04"), [2020, 2022, 2024])).toEqual([]);
  });

  it("a qualitative target without a base (HN-02, 2021–2025): years before 2021", () => {
    expect(countedYears(ref("HN-02"))).toEqual({ from: 2021, to: 2025 });
    expect(uncountedReason(ref("HN-02"), 2018)?.en).toBe(
      "2018 is before the plan period's first year (2021); a qualitative target is not judged against it, so it is not counted",
    );
    expect(countedYears(ref("HN-33"))).toEqual({ from: 2020, to: 2025 }); // its printed base
  });

  it("yearly amounts and milestones: only years after the plan", () => {
    expect(countedYears(ref("JY-18"))).toEqual({ from: null, to: 2022 });
    expect(countedYears(ref("XC-10"))).toEqual({ from: null, to: 2024 });
  });

  it("every reason is bilingual and names the year", () => {
    for (const e of catalog.entries()) {
      for (const u of uncountedYears(e, [1999, 2019, 2020, 2021, 2022, 2040])) {
        expect(u.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(u.zh).toContain(String(u.year));
        expect(u.en).toContain(String(u.year));
      }
    }
  });
});

type Outcome = { ok: Assessment } | { error: string };
const outcome = (f: () => Assessment): Outcome => {
  try {
    return { ok: f() };
  } catch (e) {
    return { error: (e as Error).message };
  }
};

describe("the list is exact: the years it names change no assessment", () => {
  const all = [...catalog.entries()];
  it("for every bundled target, random actuals and every year asked about", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...all),
        fc.array(fc.record({ year: fc.integer({ min: -4, max: 14 }), value: fc.double({ min: -1e6, max: 1e6, noNaN: true }) }), { maxLength: 7 }),
        (e, raw) => {
          const start = e.plan.period.start;
          const series: Observation[] = raw.map((o) => ({ year: start + o.year - 2, value: o.value }));
          const drop = new Set(uncountedYears(e, series.map((o) => o.year)).map((u) => u.year));
          const kept = series.filter((o) => !drop.has(o.year));
          const { to } = countedYears(e);
          for (let asOf = start - 6; asOf <= to; asOf++) {
            const full = outcome(() => assess(e, series, asOf));
            if ("error" in full) continue; // a year the method cannot answer is #N/A either way
            expect(outcome(() => assess(e, kept, asOf))).toEqual(full);
          }
          const full = outcome(() => assess(e, series));
          if ("ok" in full) expect(outcome(() => assess(e, kept))).toEqual(full);
        },
      ),
      { numRuns: 400 },
    );
  });
});
