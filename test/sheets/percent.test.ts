/**
 * Issue 9 §3: an official who types 95% or 95 into the actual cell of a percent target gets the
 * status of 95 %, in portable and live mode. Typing goes through test/support/excel-entry.ts (what
 * Excel stores for what is typed, given the cell's number format); the rule for IP.*: percent
 * figures going in and out are Excel percentages, 0.95 = 95 %.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { methodRow } from "../../src/sheets/method-row";
import { buildPlanSheet, columnFormat } from "../../src/sheets/model";
import { excelEntry, isPercentFormat } from "../support/excel-entry";
import { COMPUTED_KEYS } from "../../src/sheets/columns";
import { evaluateLive, evaluatePortable, ipExtras, sameCell } from "./support/evaluate-sheet";

const catalog = bundledCatalog();
const plan = catalog.plan("XZ")!;
const id = "XZ-14"; // a level in %, no base

describe("excel-entry", () => {
  it("stores what Excel stores", () => {
    expect(excelEntry("95%", "General")).toBe(0.95);
    expect(excelEntry("95", "0.0%")).toBe(0.95);
    expect(excelEntry("0.95", "0.0%")).toBe(0.95);
    expect(excelEntry("95", "0.0%", { automaticPercentEntry: false })).toBe(95);
    expect(excelEntry("95", "General")).toBe(95);
    expect(excelEntry("1,234", "#,##0")).toBe(1234);
    expect(excelEntry("约50", "General")).toBe("约50");
    expect(excelEntry("'95", "0.0%")).toBe("95");
    expect(excelEntry("", "0.0%")).toBeNull();
    expect(isPercentFormat('0.0"%"')).toBe(false);
    expect(isPercentFormat("0.0%")).toBe(true);
  });
});

/** The sheet after typing `typed` into the target's 2025 cell, through the cell's own format. */
function typedSheet(mode: "portable" | "live", typed: string) {
  const sheet = buildPlanSheet(plan, { mode, settings: DEFAULT_SETTINGS });
  const i = sheet.rows.findIndex((r) => r.target.id === id);
  const format = columnFormat("actual:2025", sheet.rows[i]);
  const stored = excelEntry(typed, format);
  sheet.rows[i].values["actual:2025"] = stored;
  return { sheet, i, format, stored };
}

describe.each(["95%", "95"])("typing %s into a percent target's actual cell", (typed) => {
  it("stores 0.95 in a cell formatted as a percentage", () => {
    const { format, stored } = typedSheet("portable", typed);
    expect(isPercentFormat(format)).toBe(true);
    expect(stored).toBe(0.95);
  });

  it("gives the status of 95 % in portable mode", () => {
    const { sheet, i } = typedSheet("portable", typed);
    const got = evaluatePortable(sheet)[i];
    const want = methodRow(plan, sheet.rows[i].target, sheet.years, [{ year: 2025, value: 95 }], DEFAULT_SETTINGS);
    for (const k of COMPUTED_KEYS) expect([k, sameCell(got[k], want[k])]).toEqual([k, true]);
    expect(got.latest).toBe(0.95);
    expect(got.status).not.toBe(methodRow(plan, sheet.rows[i].target, sheet.years, [{ year: 2025, value: 0.95 }], DEFAULT_SETTINGS).status);
  });

  it("hands IP.* the cell's 0.95 in live mode (the percent rule of src/core/functions/ip.ts)", () => {
    const { sheet, i } = typedSheet("live", typed);
    const seen: unknown[] = [];
    const extras = ipExtras(catalog, () => DEFAULT_SETTINGS);
    const status = extras["IP.STATUS"];
    extras["IP.STATUS"] = (args) => {
      seen.push(args);
      return status(args);
    };
    evaluateLive(sheet, catalog, {}, extras);
    expect(seen[i]).toEqual([id, [["", "", 0.95, ""]], 2026]);
  });
});
