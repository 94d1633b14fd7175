/**
 * Portable formulas give what the method gives, in HyperFormula (a second, independent engine;
 * LibreOffice is the third, in npm run test:e2e): for random plans (every kind, comparator,
 * direction, with and without base values and milestones), random actuals (gaps, zeros,
 * regressions, exact hits) and random settings, every computed cell of the portable sheet equals
 * methodRow() — assess() and expectedValue() — and the live sheet's IP.* formulas agree too.
 */
import fc from "fast-check";
import { Catalog } from "../../src/core/catalog/catalog";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import type { Target } from "../../src/core/catalog/schema";
import { MethodError, type Observation } from "../../src/core/method/method";
import { isPercentTarget, percentActual } from "../../src/core/method/percent";
import { COMPUTED_KEYS } from "../../src/sheets/columns";
import { methodRow } from "../../src/sheets/method-row";
import { buildPlanSheet, cellScale, ipScale, tableGrid } from "../../src/sheets/model";
import { actualsArb, planArb, settingsArb } from "./support/arbitraries";
import { evaluateLive, evaluatePortable, functionsOf, PORTABLE_FUNCTIONS, sameCell } from "./support/evaluate-sheet";

// Cells hold figures in the plan's unit (0.575 亿元), read back × the scale: a figure may come back
// one unit in the last place off, which a short span from base to target magnifies. 1e-9 relative is
// still far below anything a sheet shows; projections sum in another order (1e-7).
const tolerance = (key: string) => (key === "projection" ? 1e-7 : 1e-9);

function mismatches(
  plan: Parameters<typeof buildPlanSheet>[0],
  actuals: Map<string, Observation[]>,
  settings = DEFAULT_SETTINGS,
  mode: "portable" | "live" = "portable",
) {
  const sheet = buildPlanSheet(plan, { mode, settings, actuals });
  const got = mode === "portable" ? evaluatePortable(sheet) : evaluateLive(sheet, new Catalog([plan]));
  const out: string[] = [];
  if (mode === "portable") {
    for (const row of tableGrid(sheet)) {
      for (const cell of row) {
        if (typeof cell !== "string" || !cell.startsWith("=")) continue;
        for (const fn of functionsOf(cell)) if (!PORTABLE_FUNCTIONS.has(fn)) out.push(`${fn} is not a portable function: ${cell.slice(0, 80)}`);
      }
    }
  }
  sheet.rows.forEach((row, i) => {
    const typed = actuals.get(row.target.id) ?? [];
    const want = methodRow(plan, row.target, sheet.years, typed, settings);
    // IP.* read a percent target's actuals as Excel percentages and refuse one beyond ±150 % where the
    // plan prints nothing above 100 % (docs/method.md §1a): the live cells that pass actuals show #VALUE!.
    if (mode === "live" && refusedByIp(row.target, typed.filter((o) => sheet.years.includes(o.year)))) {
      want.progress = want.status = "#VALUE!";
      // IP.PROJECT answers #N/A (a blank cell) for a target without figures before it reads the actuals.
      if (row.target.kind !== "milestone" && row.target.kind !== "qualitative") want.projection = "#VALUE!";
    }
    for (const k of COMPUTED_KEYS) {
      if (!sameCell(got[i][k], want[k], tolerance(k))) {
        out.push(`${row.target.id} ${row.target.kind}/${row.target.comparator}/${row.target.direction} ${k}: sheet ${got[i][k]} method ${want[k]}`);
      }
    }
  });
  return out;
}

/** Whether IP.* refuse one of a percent target's actuals as the live sheet passes it (cell value × ipScale). */
function refusedByIp(target: Target, typed: Observation[]): boolean {
  if (!isPercentTarget(target)) return false;
  return typed.some((o) => {
    try {
      percentActual((o.value / cellScale(target)) * ipScale(target), target);
      return false;
    } catch (e) {
      if (e instanceof MethodError) return true;
      throw e;
    }
  });
}

const withActualsOf = (plans: typeof planArb) => plans.chain((plan) => {
  const sheet = buildPlanSheet(plan, { mode: "portable", settings: DEFAULT_SETTINGS });
  return fc
    .tuple(...plan.targets.map((t) => actualsArb(sheet.years, t)))
    .map((lists) => ({ plan, actuals: new Map(plan.targets.map((t, i) => [t.id, lists[i]])) }));
});
const withActuals = withActualsOf(planArb);

describe("portable formulas agree with the method", () => {
  it("on random plans, actuals and settings", () => {
    fc.assert(
      fc.property(withActuals, settingsArb, ({ plan, actuals }, settings) => {
        const bad = mismatches(plan, actuals, settings);
        if (bad.length) throw new Error(bad.join("\n") + "\n" + JSON.stringify({ plan: plan.targets, actuals: [...actuals], settings }));
      }),
      { numRuns: 300 },
    );
  });

  it("on the five bundled plans with the same actuals in every row", () => {
    const catalog = bundledCatalog();
    for (const plan of catalog.plans) {
      for (const values of [[], [1], [0, 1], [3, 2.5, 4, 100000], [-1, 0, 5e7, 1e8, 2e8]]) {
        const actuals = new Map(
          plan.targets.map((t) => [t.id, values.map((v, i) => ({ year: plan.period.start + i, value: v }))]),
        );
        for (const settings of [DEFAULT_SETTINGS, { ...DEFAULT_SETTINGS, path: "compound" as const }]) {
          expect(mismatches(plan, actuals, settings)).toEqual([]);
        }
      }
    }
  });
});

describe("live formulas call IP.* with this row's actuals and year", () => {
  it("on random plans and actuals", () => {
    fc.assert(
      fc.property(withActuals, settingsArb, ({ plan, actuals }, settings) => {
        const bad = mismatches(plan, actuals, settings, "live");
        if (bad.length) throw new Error(bad.join("\n"));
      }),
      { numRuns: 200 },
    );
  });
});
