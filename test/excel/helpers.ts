/** Shared set-up of the edge tests: the bundled catalogue, the stand-in, quick access to tables. */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import type { Catalog } from "../../src/core/catalog/catalog";
import { writeOrRefreshSheets, type RefreshOptions } from "../../src/excel";
import { markNameOf } from "../../src/sheets/model";
import { excelEntry } from "../support/excel-entry";
import { FakeWorkbook, type TableData } from "../support/fake-excel";

export const catalog = bundledCatalog();
export const ALL = catalog.plans.map((p) => p.id);

export function write(wb: FakeWorkbook, plans: string[] = ALL, extra: Partial<RefreshOptions> = {}, cat: Catalog = catalog) {
  return writeOrRefreshSheets(plans, { mode: "portable", settings: DEFAULT_SETTINGS, catalog: cat, run: wb.run, ...extra });
}

export const tableOf = (wb: FakeWorkbook, planId: string): TableData => wb.markedTable(markNameOf(planId));

/** The body row (0-based) holding a target id, or -1. */
export function rowOf(table: TableData, id: string): number {
  const j = table.headers().indexOf("编号");
  for (let i = 0; i < table.rows; i++) if (table.sheet.value(table.top + 1 + i, table.left + j) === id) return i;
  return -1;
}

export function cellOf(table: TableData, id: string, header: string) {
  const i = rowOf(table, id);
  const j = table.headers().indexOf(header);
  if (i < 0 || j < 0) return undefined;
  return table.sheet.get(table.top + 1 + i, table.left + j);
}

/**
 * An official types text into a target's cell: stored as Excel stores it given the cell's number
 * format (percent entry, thousands commas, text), per test/support/excel-entry.ts.
 */
export function typeAsOfficial(wb: FakeWorkbook, table: TableData, id: string, header: string, typed: string): void {
  const format = cellOf(table, id, header)?.numberFormat ?? "General";
  const stored = excelEntry(typed, format, { automaticPercentEntry: wb.behaviour.automaticPercentEntry });
  wb.type(table, rowOf(table, id), header, stored);
}

export const valueOf = (table: TableData, id: string, header: string) => {
  const c = cellOf(table, id, header);
  return c == null ? "" : c.formula ?? c.value;
};

import { loadCatalog } from "../../src/core/catalog/catalog";
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import type { PlanInput } from "../../src/core/catalog/schema";

/** The bundled plans, changed as a revision might change them; the changed plans must still load. */
export function revisedCatalog(change: (plans: Map<string, PlanInput>) => void): Catalog {
  const plans = new Map(BUNDLED_PLAN_FILES.map((f) => [(f.data as PlanInput).id, structuredClone(f.data) as PlanInput]));
  change(plans);
  const revised = loadCatalog([...plans.values()].map((data) => ({ file: `${data.id}.json`, data })));
  if (revised.issues.length) throw new Error(revised.issues.map((i) => `${i.path}: ${i.en}`).join("\n"));
  return revised;
}
