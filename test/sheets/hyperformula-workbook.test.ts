/**
 * Issue 11 §1: the whole portable workbook — every plan's sheet and the overview — recomputed in
 * HyperFormula, a second engine beside LibreOffice (npm run test:e2e): every computed cell equals
 * the method, and the overview's counts equal the statuses.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { STATUS_CODES } from "../../src/core/method/method";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { COMPUTED_KEYS } from "../../src/sheets/columns";
import { methodRow } from "../../src/sheets/method-row";
import { bodyColumnRange, buildWorkbookModel, columnIndexOf, overviewFormulas, statusCounts, tableGrid } from "../../src/sheets/model";
import { hfShown, hyperFormulaOf, sameCell } from "./support/evaluate-sheet";

const catalog = bundledCatalog();

it("recomputes the five plans' portable workbook with realistic actuals and its overview", () => {
  // Two or three years typed for every target: on the path, ahead, behind, a regression, a milestone done.
  const actuals = new Map(
    catalog.plans.flatMap((p) =>
      p.targets.map((t, i) => {
        const T = t.target.value ?? 1;
        const B = t.base?.value ?? (t.kind === "additions" || t.kind === "growth" ? 0 : T * 0.7);
        const factor = [1, 1.3, 0.6, -0.2, 1.6][i % 5];
        const values = t.kind === "milestone" ? [0, 1] : t.kind === "additions" ? [T / 4, (T / 4) * factor] : [B + (T - B) * 0.3, B + (T - B) * 0.6 * factor];
        return [t.id, values.map((value, k) => ({ year: p.period.start + k, value }))];
      }),
    ),
  );
  const model = buildWorkbookModel(catalog, undefined, { mode: "portable", settings: DEFAULT_SETTINGS, actuals });
  const overviewRows = model.sheets.map((s) => [s.plan.id, s.sheetName, ...overviewFormulas(bodyColumnRange(s, "status"), bodyColumnRange(s, "id"))]);
  const hf = hyperFormulaOf([
    ...model.sheets.map((s) => ({ name: s.sheetName, headerRow: s.headerRow, grid: tableGrid(s, "file") })),
    { name: model.overview.sheetName, headerRow: model.overview.headerRow + 1, grid: overviewRows },
  ]);
  try {
    const bad: string[] = [];
    let cells = 0;
    for (const sheet of model.sheets) {
      const id = hf.getSheetId(sheet.sheetName) as number;
      sheet.rows.forEach((row, i) => {
        const want = methodRow(sheet.plan, row.target, sheet.years, actuals.get(row.target.id) ?? [], DEFAULT_SETTINGS);
        for (const k of COMPUTED_KEYS) {
          cells++;
          const got = hfShown(hf.getCellValue({ sheet: id, row: sheet.headerRow + 1 + i, col: columnIndexOf(sheet, k) }));
          if (!sameCell(got, want[k], k === "projection" ? 1e-7 : 1e-9)) bad.push(`${row.target.id} ${k}: HyperFormula ${got} method ${want[k]}`);
        }
      });
    }
    const ov = hf.getSheetId(model.overview.sheetName) as number;
    model.sheets.forEach((sheet, i) => {
      const counts = statusCounts(sheet, actuals);
      const got = STATUS_CODES.map((_, j) => hf.getCellValue({ sheet: ov, row: model.overview.headerRow + 1 + i, col: 2 + j }));
      expect([sheet.plan.id, got]).toEqual([sheet.plan.id, STATUS_CODES.map((c) => counts[c])]);
    });
    expect(bad).toEqual([]);
    expect(cells).toBe(213 * COMPUTED_KEYS.length);
  } finally {
    hf.destroy();
  }
});
