/**
 * Invariants of the method, checked with fast-check over generated targets and actuals and over
 * every bundled target: the expected path passes through the base, the target and every printed
 * milestone (linear and compound); progress moves with the actual in the target's good direction;
 * 已实现 exactly when the comparator holds; the status never throws inside the period.
 */
import fc from "fast-check";
import type { Target } from "../../src/core/catalog/schema";
import {
  assess,
  comparatorHolds,
  dueYear,
  expectedValue,
  familyOf,
  planBaseline,
  STATUS_CODES,
  type StatusCode,
  type TargetRef,
} from "../../src/core/method/method";
import type { MethodSettings } from "../../src/core/method/settings";
import { catalog, COMPOUND, LINEAR, ref, synthetic } from "./helpers";

const RUNS = { numRuns: 300 };
const all = [...catalog.entries()];
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

const settingsArb = fc.constantFrom<MethodSettings>(LINEAR, COMPOUND);

/** A path target from base (year, value) through milestones to the target, as a plan could print it. */
function pathArb(opts: { kind: "level" | "cumulative" | "additions" | "growth"; min: number; max: number; direction?: "increase" | "decrease" }) {
  const value = fc.double({ min: opts.min, max: opts.max, noNaN: true, noDefaultInfinity: true });
  return fc
    .record({
      baseYear: fc.integer({ min: 2000, max: 2030 }),
      span: fc.integer({ min: 1, max: 12 }),
      baseValue: value,
      targetValue: value,
      offsets: fc.uniqueArray(fc.integer({ min: 1, max: 11 }), { maxLength: 5 }),
      milestoneValues: fc.array(value, { minLength: 5, maxLength: 5 }),
    })
    .map(({ baseYear, span, baseValue, targetValue, offsets, milestoneValues }) => {
      const due = baseYear + span;
      const milestones = offsets
        .filter((o) => o < span)
        .sort((a, b) => a - b)
        .map((o, i) => ({ year: baseYear + o, value: milestoneValues[i] }));
      const countsFromZero = opts.kind === "additions" || opts.kind === "growth";
      return synthetic(
        {
          kind: opts.kind,
          comparator: "reach",
          direction: opts.direction ?? "increase",
          base: { year: baseYear, value: countsFromZero ? null : baseValue },
          target: { year: due, value: targetValue, max: null },
          milestones,
        },
        { start: baseYear, end: due },
      );
    });
}

function expectThroughAnchors(r: TargetRef, settings: MethodSettings) {
  const base = planBaseline(r);
  const hasBase = base != null;
  if (hasBase) expect(close(expectedValue(r, base!.year, settings), base!.value)).toBe(true);
  for (const m of r.target.milestones) {
    if (!hasBase || m.year >= base!.year) expect(expectedValue(r, m.year, settings)).toBe(m.value);
  }
  expect(expectedValue(r, dueYear(r), settings)).toBe(r.target.target.value);
}

describe("the expected path passes through the base, the target and every printed milestone", () => {
  it.each([
    ["level, any values", pathArb({ kind: "level", min: -1e6, max: 1e6 })],
    ["level, positive values (compound takes logs)", pathArb({ kind: "level", min: 1e-3, max: 1e9 })],
    ["cumulative", pathArb({ kind: "cumulative", min: 0, max: 1e10 })],
    ["additions (from zero)", pathArb({ kind: "additions", min: 0, max: 1e4 })],
    ["growth (from zero, compounding on 100 + x)", pathArb({ kind: "growth", min: -99, max: 500 })],
    ["lower is better", pathArb({ kind: "level", min: 1, max: 1e4, direction: "decrease" })],
  ])("%s, linear and compound", (_label, arb) => {
    fc.assert(fc.property(arb, settingsArb, (r, settings) => expectThroughAnchors(r, settings)), RUNS);
  });

  it("for every bundled target with a figure", () => {
    let checked = 0;
    for (const r of all) {
      if (familyOf(r.target.kind) !== "path") continue;
      for (const settings of [LINEAR, COMPOUND]) {
        // Without a base the path starts at the first printed milestone, else only the target is known.
        expectThroughAnchors(r, settings);
      }
      checked++;
    }
    expect(checked).toBeGreaterThan(50);
  });

  it("and in between it stays within its two anchors (it never overshoots)", () => {
    fc.assert(
      fc.property(pathArb({ kind: "level", min: 1e-3, max: 1e6 }), settingsArb, fc.integer({ min: 0, max: 12 }), (r, settings, k) => {
        const base = planBaseline(r)!;
        const year = Math.min(base.year + k, dueYear(r));
        const anchors = [base, ...r.target.milestones, { year: dueYear(r), value: r.target.target.value! }];
        const after = anchors.findIndex((a) => a.year >= year);
        const lo = anchors[Math.max(0, after - 1)];
        const hi = anchors[after];
        const v = expectedValue(r, year, settings);
        const [min, max] = [Math.min(lo.value, hi.value), Math.max(lo.value, hi.value)];
        expect(v).toBeGreaterThanOrEqual(min - 1e-9 * Math.max(1, max));
        expect(v).toBeLessThanOrEqual(max + 1e-9 * Math.max(1, max));
      }),
      RUNS,
    );
  });
});

/** A path target whose target lies in its good direction from its base. */
const wellFormedArb = fc
  .record({
    direction: fc.constantFrom<"increase" | "decrease">("increase", "decrease"),
    comparator: fc.constantFrom<"reach" | "exceed" | "atLeast">("reach", "exceed", "atLeast"),
    kind: fc.constantFrom<"level" | "cumulative">("level", "cumulative"),
    baseYear: fc.integer({ min: 2010, max: 2030 }),
    span: fc.integer({ min: 1, max: 10 }),
    base: fc.double({ min: 0, max: 1e6, noNaN: true }),
    distance: fc.double({ min: 1e-3, max: 1e6, noNaN: true }),
  })
  .map(({ direction, comparator, kind, baseYear, span, base, distance }) =>
    synthetic(
      {
        kind,
        comparator,
        direction,
        base: { year: baseYear, value: base },
        target: { year: baseYear + span, value: direction === "increase" ? base + distance : base - distance, max: null },
      },
      { start: baseYear, end: baseYear + span },
    ),
  );

const RANK: Record<StatusCode, number> = { noData: -1, regressed: 0, behind: 1, onTrack: 2, ahead: 3, achieved: 4 };

describe("progress moves with the actual", () => {
  const pair = fc.tuple(fc.double({ min: -2e6, max: 3e6, noNaN: true }), fc.double({ min: -2e6, max: 3e6, noNaN: true }));

  it("rises with the actual when higher is better, falls when lower is better; a better actual never gets a worse status", () => {
    fc.assert(
      fc.property(wellFormedArb, pair, fc.integer({ min: 0, max: 10 }), settingsArb, (r, [x, y], k, settings) => {
        const year = Math.min(r.target.base!.year + k, dueYear(r));
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const a = assess(r, [{ year, value: lo }], year, settings);
        const b = assess(r, [{ year, value: hi }], year, settings);
        if (r.target.direction === "increase") {
          expect(b.progress!).toBeGreaterThanOrEqual(a.progress!);
          expect(RANK[b.status]).toBeGreaterThanOrEqual(RANK[a.status]);
        } else {
          expect(b.progress!).toBeLessThanOrEqual(a.progress!);
          expect(RANK[b.status]).toBeLessThanOrEqual(RANK[a.status]);
        }
      }),
      RUNS,
    );
  });

  it("for every bundled target with a base and a figure, in every year of its path", () => {
    const withBase = all
      .filter((r) => familyOf(r.target.kind) === "path" && planBaseline(r) && r.target.target.value! > planBaseline(r)!.value)
      .map((r) => r.target.id);
    expect(withBase.length).toBeGreaterThan(10);
    fc.assert(
      fc.property(fc.constantFrom(...withBase), pair, fc.integer({ min: 1, max: 20 }), (id, [x, y], k) => {
        const r = ref(id);
        const base = planBaseline(r)!;
        const year = Math.min(base.year + k, dueYear(r));
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        const scale = Math.abs(r.target.target.value!) / 1e6 || 1;
        const a = assess(r, [{ year, value: lo * scale }], year);
        const b = assess(r, [{ year, value: hi * scale }], year);
        expect(b.progress!).toBeGreaterThanOrEqual(a.progress!);
      }),
      RUNS,
    );
  });

  it("the completion ratio of a yearly amount rises with the actual", () => {
    const yearly = all.filter((r) => familyOf(r.target.kind) === "yearly").map((r) => r.target.id);
    fc.assert(
      fc.property(fc.constantFrom(...yearly), pair, (id, [x, y]) => {
        const r = ref(id);
        const year = dueYear(r);
        const [lo, hi] = x <= y ? [x, y] : [y, x];
        expect(assess(r, [{ year, value: hi }], year).completion!).toBeGreaterThanOrEqual(assess(r, [{ year, value: lo }], year).completion!);
      }),
      RUNS,
    );
  });
});

/** The bar a year's actual is held against: the year's bar for yearly amounts, else the target. */
function barFor(r: TargetRef, year: number): number | null {
  return familyOf(r.target.kind) === "yearly" ? expectedValue(r, year) : r.target.target.value;
}

/** Years a target can be assessed in: from its base (or the period's start) to the period's end. */
const yearsOf = (r: TargetRef) => {
  const from = Math.max(r.plan.period.start, r.target.base?.year ?? -Infinity);
  return fc.integer({ min: from, max: r.plan.period.end });
};

describe("已实现 exactly when the comparator holds", () => {
  const quantitative = all.filter((r) => ["path", "yearly", "milestone"].includes(familyOf(r.target.kind)));

  it("for every bundled target, any actual, any year in its period", () => {
    const target = fc.constantFrom(...quantitative.map((r) => r.target.id));
    fc.assert(
      fc.property(
        target.chain((id) => {
          const r = ref(id);
          return fc.tuple(
            fc.constant(id),
            yearsOf(r),
            fc.oneof(
              fc.double({ min: -1e12, max: 2e12, noNaN: true }),
              // values at and right around the figures, where the comparator's edge lies
              fc.constantFrom(...[r.target.target.value, r.target.target.max, ...r.target.milestones.map((m) => m.value), 0, 1].filter((v): v is number => v != null)),
            ),
            settingsArb,
          );
        }),
        ([id, year, value, settings]) => {
          const r = ref(id);
          const a = assess(r, [{ year, value }], year, settings);
          const holds = comparatorHolds(r.target, value, barFor(r, year)) === true;
          expect(a.status === "achieved").toBe(holds);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it("the exact figure: 达到/不低于 hold at equality, 超过/突破 do not", () => {
    for (const r of quantitative) {
      const t: Target = r.target;
      if (t.target.value == null || t.kind === "milestone") continue;
      const year = dueYear(r);
      const a = assess(r, [{ year, value: barFor(r, year)! }], year);
      expect([t.id, a.status === "achieved"]).toEqual([t.id, t.comparator !== "exceed"]);
    }
  });

  it("qualitative targets are never 已实现 (no figure decides)", () => {
    const qualitative = all.filter((r) => r.target.kind === "qualitative").map((r) => r.target.id);
    fc.assert(
      fc.property(fc.constantFrom(...qualitative), fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 4 }), (id, values) => {
        const r = ref(id);
        const start = Math.max(r.plan.period.start, r.target.base?.year ?? -Infinity);
        const series = values.map((value, i) => ({ year: Math.min(start + i, r.plan.period.end), value }));
        expect(assess(r, series).status).not.toBe("achieved");
        expect(comparatorHolds(r.target, values[0])).toBeNull();
      }),
      RUNS,
    );
  });
});

describe("the status never throws for any finite series inside the period", () => {
  const finite = fc.double({ noNaN: true, noDefaultInfinity: true });

  it.each(catalog.plans.map((p) => [p.id, p] as const))("plan %s, every target", (_id, plan) => {
    fc.assert(
      fc.property(
        fc.constantFrom(...plan.targets.map((t) => t.id)),
        fc.array(fc.record({ year: fc.integer({ min: plan.period.start, max: plan.period.end }), value: finite }), { maxLength: 8 }),
        fc.option(fc.integer({ min: plan.period.start, max: plan.period.end }), { nil: null }),
        settingsArb,
        (id, series, asOf, settings) => {
          const a = assess(ref(id), series, asOf, settings);
          expect(STATUS_CODES).toContain(a.status);
          // 无数据 exactly when nothing was typed up to the year asked about; never a made-up zero.
          const typed = series.some((o) => asOf == null || o.year <= asOf);
          expect(a.status === "noData").toBe(!typed);
          if (!typed) expect(a.achieved).toBeNull();
        },
      ),
      { numRuns: 200 },
    );
  });
});
