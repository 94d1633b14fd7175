/**
 * Evaluates a model sheet's formulas: portable ones in HyperFormula (an independent,
 * Excel-compatible engine), live ones with the test evaluator and IP.* bound to createIpFunctions.
 */
import { HyperFormula } from "hyperformula";
import { bundledCatalog } from "../../../src/core/catalog/bundled";
import { createIpFunctions } from "../../../src/core/functions/ip";
import { MethodError } from "../../../src/core/method/method";
import type { MethodSettings } from "../../../src/core/method/settings";
import type { Catalog } from "../../../src/core/catalog/catalog";
import { columnLetters as letters, type ComputedKey, COMPUTED_KEYS } from "../../../src/sheets/columns";
import { columnIndexOf, type PlanSheet, tableGrid } from "../../../src/sheets/model";
import { type EvalOptions, type ExtraFunctions, FormulaSheet, type Scalar, XlError } from "./formula-eval";

export type Shown = number | string;

/** The native functions portable formulas may use: in Excel since 2007, in WPS, LibreOffice and HyperFormula. */
export const PORTABLE_FUNCTIONS = new Set(["IF", "AND", "OR", "NOT", "MAX", "MIN", "ABS", "INDEX", "SUM", "COUNT", "COUNTIF", "ISNUMBER", "N", "LN", "EXP", "NA", "TRUE", "FALSE"]);

/** Function names a formula calls. */
export const functionsOf = (formula: string) => [...formula.matchAll(/([A-Z][A-Z0-9._]*)\(/g)].map((m) => m[1]);

/** What a cell shows, as the e2e compares it: "" for empty, "#N/A" for errors of that kind. */
export function shown(v: Scalar | XlError): Shown {
  if (v instanceof XlError) return v.code;
  if (v == null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v;
}

/** HyperFormula as a second engine: full precision out (no display rounding), Excel's defaults otherwise. */
export const HF_CONFIG = { licenseKey: "gpl-v3", smartRounding: false } as const;

/** A cell of the model as HyperFormula reads raw content: text that could parse as something else is quoted. */
function hfContent(v: unknown): number | string | boolean | null {
  if (v == null) return null;
  if (typeof v === "string" && !v.startsWith("=")) return v === "" ? null : "'" + v;
  return v as number | string | boolean;
}

/** What HyperFormula shows for a cell, as the e2e compares it. */
export function hfShown(v: unknown): Shown {
  if (v == null) return "";
  if (typeof v === "object" && v && "type" in v) return `#${String((v as { type: string }).type).replace("NA", "N/A")}${(v as { type: string }).type === "NA" ? "" : "!"}`;
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return v as number | string;
}

/** Loads grids (header rows at `headerRow`) into one HyperFormula instance, a sheet each. */
export function hyperFormulaOf(sheets: Array<{ name: string; headerRow: number; grid: unknown[][] }>): HyperFormula {
  const data: Record<string, Array<Array<number | string | boolean | null>>> = {};
  for (const s of sheets) {
    const rows: Array<Array<number | string | boolean | null>> = Array.from({ length: s.headerRow }, () => []);
    for (const r of s.grid) rows.push(r.map(hfContent));
    data[s.name] = rows;
  }
  return HyperFormula.buildFromSheets(data, HF_CONFIG);
}

/** The computed cells of every row of a portable sheet, as HyperFormula computes them. */
export function evaluatePortable(sheet: PlanSheet, grid = tableGrid(sheet, "file")): Array<Record<ComputedKey, Shown>> {
  const hf = hyperFormulaOf([{ name: "S", headerRow: sheet.headerRow, grid }]);
  try {
    const id = hf.getSheetId("S") as number;
    return sheet.rows.map((_, i) =>
      Object.fromEntries(
        COMPUTED_KEYS.map((k) => [k, hfShown(hf.getCellValue({ sheet: id, row: sheet.headerRow + 1 + i, col: columnIndexOf(sheet, k) }))]),
      ) as Record<ComputedKey, Shown>,
    );
  } finally {
    hf.destroy();
  }
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
export function evaluateLive(
  sheet: PlanSheet,
  catalog: Catalog,
  options: EvalOptions = {},
  extras: ExtraFunctions = ipExtras(catalog, () => sheet.settings),
): Array<Record<ComputedKey, Shown>> {
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
  const fs = new FormulaSheet(cells, extras, options);
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
