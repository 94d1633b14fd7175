/**
 * Issue 9 §1: every computed column holds the same formula in every row (the same in R1C1 terms),
 * and every parameter the formulas read is a plain value, never a formula. Excel's calculated
 * columns fill a formula written into one row down over the others; with one formula per column
 * that can never give a target another's numbers.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { buildPlanSheet, tableGrid } from "../../src/sheets/model";
import { toR1C1 } from "./support/r1c1";

const catalog = bundledCatalog();

describe("the A1 → R1C1 converter", () => {
  it("makes references relative to the formula's cell, and leaves text and structured references alone", () => {
    expect(toR1C1('=IF($K12="","x$K12",INDEX($K12:$W12,1,$Z12-2022))', 11, 26)).toBe(
      '=IF(R[0]C11="","x$K12",INDEX(R[0]C11:R[0]C23,1,R[0]C26-2022))',
    );
    expect(toR1C1("=K$7+$A$1+LN(2)", 9, 12)).toBe("=R7C[-2]+R1C1+LN(2)");
    expect(toR1C1("=IP.STATUS([@[编号]],[@[2024年实际]:[2026年实际]],2026)", 8, 3)).toBe("=IP.STATUS([@[编号]],[@[2024年实际]:[2026年实际]],2026)");
    // Different rows' formulas that differ only in their own row number are the same formula.
    expect(toR1C1("=$K8*2", 7, 30)).toBe(toR1C1("=$K9*2", 8, 30));
    expect(toR1C1("=$K8*2", 7, 30)).not.toBe(toR1C1("=$K8*2", 8, 30));
  });
});

describe.each(["portable", "live"] as const)("%s sheets", (mode) => {
  it.each(catalog.plans.map((p) => [p.id]))("%s: one formula per computed column, parameters as plain values", (planId) => {
    for (const path of ["linear", "compound"] as const) {
      const sheet = buildPlanSheet(catalog.plan(planId)!, { mode, settings: { ...DEFAULT_SETTINGS, path } });
      const [, ...body] = tableGrid(sheet, mode === "portable" ? "file" : "ui");
      sheet.columns.forEach((c, j) => {
        const cells = body.map((row) => row[j]);
        if (c.role === "computed") {
          const r1c1 = new Set(cells.map((f, i) => {
            expect(typeof f === "string" && f.startsWith("=")).toBe(true);
            return toR1C1(String(f), sheet.headerRow + 1 + i, j);
          }));
          if (r1c1.size !== 1) throw new Error(`${planId} ${mode} ${c.header}: ${r1c1.size} different formulas`);
        } else {
          for (const v of cells) if (typeof v === "string" && v.startsWith("=")) throw new Error(`${planId} ${c.header} holds a formula: ${v}`);
        }
      });
    }
  });
});
