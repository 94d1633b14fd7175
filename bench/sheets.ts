/**
 * Figures of the target sheets: syncs and cells per write and refresh (the five plans, and a
 * generated plan of 2,000 targets) against the strict Excel stand-in, and the time to build the
 * sheet model and the .xlsx. Times are also given as ratios to a baseline measured in the same run:
 * a plain loop writing the same number of cells (short strings) into arrays.
 */
import { bundledCatalog } from "../src/core/catalog/bundled";
import type { Catalog } from "../src/core/catalog/catalog";
import { DEFAULT_SETTINGS } from "../src/core/method/settings";
import { writeOrRefreshSheets } from "../src/excel";
import type { SheetMode } from "../src/sheets/formulas";
import { buildWorkbookModel, tableGrid } from "../src/sheets/model";
import { buildWorkbookXlsx } from "../src/sheets/xlsx";
import { methodRow } from "../src/sheets/method-row";
import { buildPlanSheet } from "../src/sheets/model";
import { COMPUTED_KEYS } from "../src/sheets/columns";
import { evaluatePortable, sameCell } from "../test/sheets/support/evaluate-sheet";
import { generatedCatalog } from "../test/sheets/support/generated-plan";
import { FakeWorkbook } from "../test/support/fake-excel";
import { medianMs, medianMsAsync } from "./timing";

/** The baseline: filling rows × cols arrays with short strings, as a writer at least must. */
function baselineMs(cells: number, cols = 30): number {
  const rows = Math.ceil(cells / cols);
  return medianMs(() => {
    const grid: string[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: string[] = new Array(cols);
      for (let j = 0; j < cols; j++) row[j] = `r${i}c${j}`;
      grid.push(row);
    }
    return grid;
  });
}

/** Syncs, cells and the largest request of a first write and of a refresh. */
async function writeFigures(catalog: Catalog, plans: string[], mode: SheetMode) {
  const wb = new FakeWorkbook();
  const options = { mode, settings: DEFAULT_SETTINGS, catalog, run: wb.run };
  const first = await writeOrRefreshSheets(plans, options);
  const firstBytes = Math.max(...wb.requests.map((r) => r.bytes));
  const before = wb.requests.length;
  const refresh = await writeOrRefreshSheets(plans, options);
  const refreshBytes = Math.max(...wb.requests.slice(before).map((r) => r.bytes));
  return { first, refresh, firstBytes, refreshBytes };
}

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(2);

export async function benchSheets(): Promise<Record<string, string | number>> {
  const out: Record<string, string | number> = {};
  const five = bundledCatalog();
  const all = five.plans.map((p) => p.id);
  const big = generatedCatalog(2000);

  for (const mode of ["portable", "live"] as const) {
    const f = await writeFigures(five, all, mode);
    out[`five plans, ${mode}: first write syncs / cells`] = `${f.first.syncs} / ${f.first.cellsWritten}`;
    out[`five plans, ${mode}: refresh syncs / cells`] = `${f.refresh.syncs} / ${f.refresh.cellsWritten}`;
    out[`five plans, ${mode}: largest request MB (first / refresh)`] = `${mb(f.firstBytes)} / ${mb(f.refreshBytes)}`;
    const g = await writeFigures(big, ["GEN"], mode);
    out[`2,000 targets, ${mode}: first write syncs / cells`] = `${g.first.syncs} / ${g.first.cellsWritten}`;
    out[`2,000 targets, ${mode}: refresh syncs / cells`] = `${g.refresh.syncs} / ${g.refresh.cellsWritten}`;
    out[`2,000 targets, ${mode}: largest request MB (first / refresh)`] = `${mb(g.firstBytes)} / ${mb(g.refreshBytes)}`;
  }

  // The second engine: every computed cell of the five plans' portable sheets, recomputed in
  // HyperFormula with the same actuals in every row, against the method (floor: 0 mismatches).
  let compared = 0;
  let mismatches = 0;
  const hfMs = medianMs(() => {
    compared = 0;
    mismatches = 0;
    for (const plan of five.plans) {
      for (const values of [[1], [0, 1], [3, 2.5, 4, 100000]]) {
        const actuals = new Map(plan.targets.map((t) => [t.id, values.map((v, i) => ({ year: plan.period.start + i, value: v }))]));
        const sheet = buildPlanSheet(plan, { mode: "portable", settings: DEFAULT_SETTINGS, actuals });
        const got = evaluatePortable(sheet);
        sheet.rows.forEach((row, i) => {
          const want = methodRow(plan, row.target, sheet.years, actuals.get(row.target.id) ?? [], DEFAULT_SETTINGS);
          for (const k of COMPUTED_KEYS) {
            compared++;
            if (!sameCell(got[i][k], want[k], k === "projection" ? 1e-7 : 1e-9)) mismatches++;
          }
        });
      }
    }
  }, 1);
  out["HyperFormula: portable cells compared / mismatches (five plans × 3 fillings)"] = `${compared} / ${mismatches}`;
  out["HyperFormula: recompute and compare ms"] = hfMs.toFixed(0);

  // Building the model: sheets with every formula rendered, as a writer needs them.
  for (const [label, catalog] of [
    ["five plans", five],
    ["2,000 targets", big],
  ] as const) {
    const opts = { mode: "portable" as const, settings: DEFAULT_SETTINGS };
    let cells = 0;
    const modelMs = medianMs(() => {
      cells = 0;
      for (const sheet of buildWorkbookModel(catalog, undefined, opts).sheets) for (const row of tableGrid(sheet)) cells += row.length;
    });
    const base = baselineMs(cells);
    out[`${label}: model cells`] = cells;
    out[`${label}: model build ms (ratio to baseline)`] = `${modelMs.toFixed(1)} (${(modelMs / base).toFixed(1)}×)`;
    const xlsxMs = await medianMsAsync(() => buildWorkbookXlsx(catalog, { portable: true }), label === "five plans" ? 3 : 1);
    out[`${label}: .xlsx build ms (ratio to baseline)`] = `${xlsxMs.toFixed(0)} (${(xlsxMs / base).toFixed(0)}×)`;
  }
  return out;
}
