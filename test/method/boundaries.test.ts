/**
 * Generated boundary cases of every comparison docs/method.md lists (§5 comparators, §7 thresholds
 * and the 倒退 rule with its base tolerance τ, the yearly bar) and of the percent rule of IP.* (§1a).
 * Each case sits a hair (one part in a million) on either side of its edge, or on the edge itself
 * where the arithmetic is exact, so the answer is fixed by the documented rule alone.
 * (Edges that floating point lands a few ulps off — a pace of 0.9499999999999996 — are the shared
 * tolerance's business: test/sheets holds those for the method and the formulas alike.)
 */
import fc from "fast-check";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { createIpFunctions } from "../../src/core/functions/ip";
import { assess, comparatorHolds, expectedValue, STATUS_LABELS, type StatusCode } from "../../src/core/method/method";
import { MethodError } from "../../src/core/method/method";
import { percentActual } from "../../src/core/method/percent";
import { baseTolerance } from "../../src/core/method/rounding";
import type { MethodSettings } from "../../src/core/method/settings";
import { ref, synthetic } from "./helpers";

const RUNS = { numRuns: 300 };
const HAIR = 1e-6;
/** A step of one part in a million of the larger of 1 and |x|: far above rounding, far below any real difference. */
const hair = (x: number) => HAIR * Math.max(1, Math.abs(x));

const valueArb = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.double({ min: -1e9, max: 1e9, noNaN: true }));
const dirArb = fc.constantFrom<"increase" | "decrease">("increase", "decrease");

describe("§5 comparators at their edges", () => {
  const target = (comparator: "reach" | "atLeast" | "exceed" | "atMost" | "range", direction: "increase" | "decrease", value: number, max: number | null = null) =>
    synthetic({ kind: "level", comparator, direction, target: { year: 2025, value, max } }).target;

  it("reach / 不低于: met at the bar, met a hair past it, not met a hair short", () => {
    fc.assert(
      fc.property(fc.constantFrom<"reach" | "atLeast">("reach", "atLeast"), dirArb, valueArb, (c, d, bar) => {
        const s = d === "increase" ? 1 : -1;
        const t = target(c, d, bar);
        expect(comparatorHolds(t, bar)).toBe(true);
        expect(comparatorHolds(t, bar + s * hair(bar))).toBe(true);
        expect(comparatorHolds(t, bar - s * hair(bar))).toBe(false);
      }),
      RUNS,
    );
  });

  it("超过 / 突破: equal is not met; a hair past it is", () => {
    fc.assert(
      fc.property(dirArb, valueArb, (d, bar) => {
        const s = d === "increase" ? 1 : -1;
        const t = target("exceed", d, bar);
        expect(comparatorHolds(t, bar)).toBe(false);
        expect(comparatorHolds(t, bar + s * hair(bar))).toBe(true);
        expect(comparatorHolds(t, bar - s * hair(bar))).toBe(false);
      }),
      RUNS,
    );
  });

  it("不超过: met at the bar and below, not a hair above", () => {
    fc.assert(
      fc.property(valueArb, (bar) => {
        const t = target("atMost", "decrease", bar);
        expect(comparatorHolds(t, bar)).toBe(true);
        expect(comparatorHolds(t, bar - hair(bar))).toBe(true);
        expect(comparatorHolds(t, bar + hair(bar))).toBe(false);
      }),
      RUNS,
    );
  });

  it("a range: both ends included, a hair outside either is not", () => {
    fc.assert(
      fc.property(valueArb, fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (lo, width) => {
        const hi = lo + width;
        const t = target("range", "increase", lo, hi);
        expect(comparatorHolds(t, lo)).toBe(true);
        expect(comparatorHolds(t, hi)).toBe(true);
        expect(comparatorHolds(t, lo - hair(lo))).toBe(false);
        expect(comparatorHolds(t, hi + hair(hi))).toBe(false);
      }),
      RUNS,
    );
  });
});

/** A path target, base B in y0 → T in y0 + span, with the target in its good direction. */
const pathArb = fc
  .record({
    direction: dirArb,
    y0: fc.integer({ min: 2010, max: 2030 }),
    span: fc.integer({ min: 2, max: 10 }),
    B: fc.double({ min: 1, max: 1e6, noNaN: true }),
    distance: fc.double({ min: 1, max: 1e6, noNaN: true }),
    at: fc.integer({ min: 1, max: 9 }),
    onTrack: fc.double({ min: 0.5, max: 0.99, noNaN: true }),
    ahead: fc.double({ min: 1.01, max: 1.5, noNaN: true }),
    path: fc.constantFrom<"linear" | "compound">("linear", "compound"),
  })
  .map(({ direction, y0, span, B, distance, at, onTrack, ahead, path }) => {
    const T = direction === "increase" ? B + distance : Math.max(B - distance, B / 2);
    const r = synthetic(
      { kind: "level", comparator: "reach", direction, base: { year: y0, value: B }, target: { year: y0 + span, value: T, max: null } },
      { start: y0 + 1, end: y0 + span },
    );
    const settings: MethodSettings = { path, thresholds: { onTrack, ahead } };
    return { r, B, T, s: direction === "increase" ? 1 : -1, Y: y0 + Math.min(at, span - 1), settings };
  });

describe("§7 path statuses at their edges", () => {
  it("pace a hair above / below 基本符合预期 and 快于预期", () => {
    fc.assert(
      fc.property(pathArb, ({ r, B, Y, settings }) => {
        const E = expectedValue(r, Y, settings);
        const at = (pace: number) => assess(r, [{ year: Y, value: B + pace * (E - B) }], Y, settings).status;
        const { onTrack, ahead } = settings.thresholds;
        const cases: [number, StatusCode][] = [
          [onTrack * (1 + HAIR), "onTrack"],
          [onTrack * (1 - HAIR), "behind"],
          [ahead * (1 + HAIR), "ahead"],
          [ahead * (1 - HAIR), "onTrack"],
          [0, "behind"],
        ];
        for (const [pace, want] of cases) {
          const A = B + pace * (E - B);
          // a pace past the target's own figure is simply 已实现
          const expected = comparatorHolds(r.target, A) ? "achieved" : want;
          expect([pace, at(pace)]).toEqual([pace, expected]);
        }
      }),
      RUNS,
    );
  });

  it("倒退 only a hair beyond the base, after the base year; never in the base year", () => {
    fc.assert(
      fc.property(pathArb, ({ r, B, s, Y, settings }) => {
        const y0 = r.target.base!.year;
        const away = B - s * hair(B);
        expect(assess(r, [{ year: Y, value: away }], Y, settings).status).toBe("regressed");
        expect(assess(r, [{ year: y0, value: away }], y0, settings).status).toBe("onTrack");
        expect(assess(r, [{ year: Y, value: B }], Y, settings).status).toBe("behind"); // no move: pace 0
      }),
      RUNS,
    );
  });

  it("a derived base (XC-01, XC-03): within τ 滞后, a hair beyond τ 倒退", () => {
    for (const id of ["XC-01", "XC-03"]) {
      const r = ref(id);
      const B = r.target.base!.value!;
      const tau = baseTolerance(r);
      expect(tau).toBeGreaterThan(0);
      expect(assess(r, [{ year: 2023, value: B - tau * (1 - HAIR) }]).status).toBe("behind");
      expect(assess(r, [{ year: 2023, value: B - tau - hair(B) }]).status).toBe("regressed");
      expect(assess(r, [{ year: 2024, value: B - tau * (1 - HAIR) }]).status).toBe("behind");
    }
  });
});

describe("§7 yearly bar at its edge", () => {
  it("completion a hair above / below 基本符合预期 against the year's bar", () => {
    fc.assert(
      fc.property(fc.double({ min: 1, max: 1e6, noNaN: true }), fc.double({ min: 0.5, max: 0.99, noNaN: true }), (bar, onTrack) => {
        const r = synthetic({ kind: "annual", comparator: "atLeast", target: { year: 2025, value: bar, max: null } });
        const settings: MethodSettings = { path: "linear", thresholds: { onTrack, ahead: 1.05 } };
        const at = (c: number) => assess(r, [{ year: 2024, value: c * bar }], 2024, settings).status;
        expect(at(onTrack * (1 + HAIR))).toBe("onTrack");
        expect(at(onTrack * (1 - HAIR))).toBe("behind");
        expect(at(1)).toBe("achieved");
        expect(at(1 - HAIR)).toBe(1 - HAIR >= onTrack ? "onTrack" : "behind");
      }),
      RUNS,
    );
  });
});

describe("§1a the percent rule of IP.* at its edges", () => {
  const IP = createIpFunctions(bundledCatalog());
  const points = (x: number) => Number((x * 100).toPrecision(15));

  it("a fraction in [−1.5, 1.5] reads as the method reads its points; beyond it is #VALUE!", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("XZ-14", "JY-14", "HN-14", "JZ-16"),
        fc.oneof(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.constantFrom(-1.5, 1.5, 0, 0.95, 0.2)),
        (id, x) => {
          const e = ref(id);
          const year = e.target.target.year!;
          expect(IP.STATUS(id, x, year)).toBe(STATUS_LABELS[assess(e, [{ year, value: points(x) }], year).status].zh);
          expect(percentActual(x, e.target)).toBe(points(x));
        },
      ),
      RUNS,
    );
  });

  it("a hair beyond ±150 % is #VALUE!", () => {
    fc.assert(
      fc.property(fc.constantFrom("XZ-14", "JY-14"), fc.double({ min: 1.5 + 1e-9, max: 1e9, noNaN: true }), fc.constantFrom(1, -1), (id, x, sign) => {
        let thrown: unknown;
        try {
          IP.STATUS(id, sign * x, ref(id).target.target.year);
        } catch (err) {
          thrown = err;
        }
        expect(thrown).toBeInstanceOf(MethodError);
        expect((thrown as MethodError).code).toBe("VALUE");
      }),
      RUNS,
    );
  });

  it("figures out are the method's points over 100", () => {
    for (const id of ["XZ-14", "JY-14", "HN-14", "JZ-16"]) {
      const e = ref(id);
      expect(IP.TARGET(id)).toBe(e.target.target.value! / 100);
      for (let y = e.plan.period.start; y <= e.target.target.year!; y++) {
        let want: number | null = null;
        try {
          want = expectedValue(e, y) / 100;
        } catch {
          want = null;
        }
        if (want != null) expect(IP.EXPECTED(id, y)).toBe(want);
      }
    }
  });
});
