/**
 * The formulas' own columns (milestones, parameter codes, helpers) are hidden in a sheet the pane
 * writes, as they are grouped and hidden in a downloaded .xlsx: officials see the plan, their
 * actuals and the results. Range.columnHidden (ExcelApi 1.2) hides whole sheet columns.
 */
import { buildPlanSheet } from "../../src/sheets/model";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { FakeWorkbook } from "../support/fake-excel";
import { catalog, tableOf, write } from "./helpers";

function technicalColumns(planId: string, mode: "live" | "portable"): Set<string> {
  const sheet = buildPlanSheet(catalog.plan(planId)!, { mode, settings: DEFAULT_SETTINGS });
  return new Set(sheet.columns.filter((c) => c.technical).map((c) => c.header));
}

describe.each(["portable", "live"] as const)("hidden technical columns (%s)", (mode) => {
  it("hides exactly the technical columns of a new sheet", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JZ", "XZ"], { mode });
    for (const planId of ["JZ", "XZ"]) {
      const table = tableOf(wb, planId);
      const technical = technicalColumns(planId, mode);
      expect(technical.size).toBeGreaterThan(5);
      const hidden = new Set([...table.sheet.hiddenColumns].map((c) => table.headers()[c - table.left]));
      expect(hidden).toEqual(technical);
      // What officials work with stays in view.
      for (const header of ["编号", "指标", "状态", "2025年实际"]) expect(hidden.has(header)).toBe(false);
    }
  });

  it("leaves a column the official showed again as it is on refresh", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JZ"], { mode });
    const table = tableOf(wb, "JZ");
    expect(table.sheet.hiddenColumns.size).toBeGreaterThan(0);
    const shown = Math.min(...table.sheet.hiddenColumns);
    table.sheet.hiddenColumns.delete(shown);
    await write(wb, ["JZ"], { mode });
    expect(tableOf(wb, "JZ").sheet.hiddenColumns.has(shown)).toBe(false);
  });

  it("hides a technical column a refresh adds back (deleted by hand)", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JZ"], { mode });
    const header = "比例 scale";
    expect(technicalColumns("JZ", mode).has(header)).toBe(true);
    wb.deleteColumn(tableOf(wb, "JZ"), header);
    tableOf(wb, "JZ").sheet.hiddenColumns.clear();
    await write(wb, ["JZ"], { mode });
    const table = tableOf(wb, "JZ");
    const at = table.left + table.headers().indexOf(header);
    expect(table.headers()).toContain(header);
    expect(table.sheet.hiddenColumns.has(at)).toBe(true);
  });
});
