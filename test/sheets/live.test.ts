/**
 * Live formulas as Excel may really run them. Issue 9 §2: several Excel builds hand blank cells
 * inside a range argument to a custom function as 0, so XZ-01 with only 1810 typed for 2024 would
 * read 倒退 (as [[1810,0,0]]) instead of 快于预期 ([[1810,null,null]]). The live formulas pass the
 * year cells through IF(cells="","",cells): an empty actual never reaches IP.* as 0.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { createIpFunctions } from "../../src/core/functions/ip";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { buildPlanSheet } from "../../src/sheets/model";
import { evaluateLive } from "./support/evaluate-sheet";

const catalog = bundledCatalog();
const plan = catalog.plan("XZ")!;

describe("the stand-in's blanks-as-0 switch", () => {
  it("is what makes IP.STATUS read XZ-01 as moving away", () => {
    const ip = createIpFunctions(catalog);
    expect(ip.STATUS("XZ-01", [[1810, 0, 0]], 2026)).toBe("倒退");
    expect(ip.STATUS("XZ-01", [[1810, null, null]], 2026)).toBe("快于预期");
  });
});

describe.each([true, false])("live sheet, blanks as 0: %s", (blanksAsZero) => {
  it("XZ-01 with 1810 typed for 2024 only reads 快于预期, its progress and projection from that actual alone", () => {
    const sheet = buildPlanSheet(plan, { mode: "live", settings: DEFAULT_SETTINGS, actuals: new Map([["XZ-01", [{ year: 2024, value: 1810 }]]]) });
    const row = evaluateLive(sheet, catalog, { blanksAsZero })[sheet.rows.findIndex((r) => r.target.id === "XZ-01")];
    expect(row).toMatchObject({ latestYear: 2024, latest: 1810, expected: 1800, status: "快于预期" });
    expect(row.progress).toBeCloseTo(35 / 225, 12);
    expect(row.projection).toBeCloseTo(1880, 9);
  });
});
