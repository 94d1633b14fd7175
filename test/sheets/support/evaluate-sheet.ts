/** Evaluates a model sheet's formulas (as the .xlsx would hold them) with the test evaluator. */
import { bundledCatalog } from "../../../src/core/catalog/bundled";
import { createIpFunctions } from "../../../src/core/functions/ip";
import { MethodError } from "../../../src/core/method/method";
import type { MethodSettings } from "../../../src/core/method/settings";
import type { Catalog } from "../../../src/core/catalog/catalog";
import { columnLetters as letters, type ComputedKey, COMPUTED_KEYS } from "../../../src/sheets/columns";
import { columnIndexOf, type PlanSheet, tableGrid } from "../../../src/sheets/model";
import { type ExtraFunctions, FormulaSheet, type Scalar, XlError } from "./formula-eval";

export type Shown = number | string;

/** The native functions portable formulas may use: in Excel since 2007, in WPS and LibreOffice. */
export const PORTABLE_FUNCTIONS = new Set(["IF", "AND", "OR", "NOT", "MAX", "MIN", "ABS", "INDEX", "SUM", "COUNT", "COUNTIF", "SUMPRODUCT", "ISNUMBER", "N", "LN", "EXP", "NA"]);

/** Function names a formula calls. */
export const functionsOf = (formula: string) => [...formula.matchAll(/([A-Z][A-Z0-9._]*)\(/g)].map((m) => m[1]);

/** What a cell shows, as the e2e compares it: "" for empty, "#N/A" for errors of that kind. */
export function shown(v: Scalar | XlError): Shown {
  if (v instanceof XlError) return v.code;
  if (v == null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** The computed cells of every row of a portable sheet. */
export function evaluatePortable(sheet: PlanSheet): Array<Record<ComputedKey, Shown>> {
  const grid = tableGrid(sheet, "file");
  const cells: Array<Array<Scalar | undefined>> = [];
  grid.forEach((row, i) => (cells[sheet.headerRow + i] = row as Scalar[]));
  const fs = new FormulaSheet(cells);
  return sheet.rows.map((_, i) =>
    Object.fromEntries(COMPUTED_KEYS.map((k) => [k, shown(fs.cell(sheet.headerRow + 1 + i, columnIndexOf(sheet, k)))])) as Record<
      ComputedKey,
      Shown
    >,
  );
}

/** IP.* as the evaluator calls them, over a catalogue and settings (live mode). */
export function ipExtras(catalog: Catalog = bundledCatalog(), settings: () => MethodSettings): ExtraFunctions {
  const fns = createIpFunctions(catalog, settings) as unknown as Record<string, (...a: unknown[]) => unknown>;
  const out: ExtraFunctions = {};
  for (const name of Object.keys(fns)) {
    const call = (args: unknown[]) => {
      try {
        return fns[name](...args) as Scalar;
      } catch (e) {
        if (e instanceof MethodError) return new XlError(e.code === "NA" ? "#N/A" : "#VALUE!");
        throw e;
      }
    };
    out[`IP.${name}`] = call;
  }
  return out;
}

/**
 * The computed cells of a live sheet, with structured references resolved to A1 for the
 * evaluator: the same formulas as Office JS writes, IP.* backed by createIpFunctions.
 */
export function evaluateLive(sheet: PlanSheet, catalog: Catalog): Array<Record<ComputedKey, Shown>> {
  const extras = ipExtras(catalog, () => sheet.settings);
  const cells: Array<Array<Scalar | undefined>> = [];
  const headerIndex = new Map(sheet.columns.map((c, i) => [c.header, i]));
  sheet.rows.forEach((_row, i) => {
    const r = sheet.headerRow + 1 + i;
    const toA1 = (formula: string) =>
      formula.replace(/\[@\[([^\]]+)\](?::\[([^\]]+)\])?\]/g, (_m, a: string, b?: string) => {
        const ca = headerIndex.get(a) as number;
        const ref = (c: number) => `$${letters(c)}${r + 1}`;
        return b ? `${ref(ca)}:${ref(headerIndex.get(b) as number)}` : ref(ca);
      });
    const grid = tableGrid(sheet, "ui")[i + 1];
    cells[r] = grid.map((v) => (typeof v === "string" && v.startsWith("=") ? toA1(v) : v)) as Scalar[];
  });
  const fs = new FormulaSheet(cells, extras);
  return sheet.rows.map((_, i) =>
    Object.fromEntries(COMPUTED_KEYS.map((k) => [k, shown(fs.cell(sheet.headerRow + 1 + i, columnIndexOf(sheet, k)))])) as Record<
      ComputedKey,
      Shown
    >,
  );
}


/** Numbers agree within `rel` (relative, and absolute near zero); text exactly. */
export function sameCell(a: Shown, b: Shown, rel = 1e-9): boolean {
  if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) <= rel * Math.max(1, Math.abs(a), Math.abs(b));
  return a === b;
}
