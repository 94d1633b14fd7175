/**
 * The interface of the roll-up (issue 13 §2): the province collects the workbooks its cities and
 * counties filled in, reads every actual from them and writes one 汇总 workbook. Pure data here;
 * src/rollup/index.ts implements it (ExcelJS/JSZip, the same code in Node and in the browser), the
 * CLI (`npm run rollup`) and the task pane's 汇总 action call it.
 */
import type { Catalog } from "../core/catalog/catalog";
import type { Kind, Level, Plan } from "../core/catalog/schema";

/** A bilingual message a person reads. */
export interface RollupText {
  zh: string;
  en: string;
}

/** One workbook handed in: its file name (shown to officials, it is theirs) and its bytes. */
export interface RollupInputFile {
  name: string;
  bytes: Uint8Array;
}

/** One typed actual found in a workbook, in the method's units (元 not 亿元, 95 for 95 %). */
export interface CollectedActual {
  file: string;
  /** The sheet's name as the file has it now (an official may have renamed it). */
  sheet: string;
  /** 1-based row in that sheet, for "see row 12". */
  row: number;
  planId: string;
  targetId: string;
  year: number;
  value: number;
}

/** A file, sheet or cell that could not be used, named so an official can find it. */
export interface RollupProblem {
  file: string;
  sheet?: string;
  row?: number;
  /** not-ours: no sheet of the add-in; corrupt: not a readable .xlsx; text: text where a number belongs;
   *  unknown-target: an id no plan in the catalogue or the workbook defines; other: anything else. */
  kind: "not-ours" | "corrupt" | "text" | "unknown-target" | "other";
  message: RollupText;
}

/** The same target and year with different values in two or more files: shown, never resolved. */
export interface RollupConflict {
  targetId: string;
  year: number;
  values: Array<{ file: string; sheet: string; row: number; value: number }>;
}

/** One level's figure for a measure and year: a plan's own actual, or the sum over plans of a level. */
export interface MeasureFigure {
  level: Level;
  /** The plans whose actuals make this figure (one for a province's own figure). */
  planIds: string[];
  /** Regions of those plans, as the plans name them (河南省, 焦作市 …). */
  regions: string[];
  /** null when nothing may be summed (the measure does not add up, or kinds differ: see note). */
  value: number | null;
  kind: Kind;
  note?: RollupText;
}

/** Per measure and year: the province's figure beside the sum of its cities (and of its counties). */
export interface MeasureRollupRow {
  measure: string;
  year: number;
  unit: string;
  additive: boolean;
  figures: MeasureFigure[];
}

export interface RollupResult {
  files: Array<{ name: string; sheets: number; actuals: number; planIds: string[]; mode: "live" | "portable" | "unknown" }>;
  actuals: CollectedActual[];
  conflicts: RollupConflict[];
  byMeasure: MeasureRollupRow[];
  problems: RollupProblem[];
  /**
   * Plans read from the workbooks themselves (a county's own plan the catalogue lacks, stored in the
   * workbook's document settings), validated; ids were resolved against the catalogue plus these.
   * Pass rollupCatalog(catalog, result) to whatever needs to name their targets.
   */
  workbookPlans?: Plan[];
}

export interface RollupOptions {
  /** Called after each file, for a progress bar (done of total). */
  onProgress?: (done: number, total: number) => void;
  /**
   * Inflates raw deflate data (the parts of an .xlsx). By default the platform's
   * DecompressionStream; Node callers (npm run rollup) pass zlib.inflateRawSync, several times
   * faster there. The reader is the same either way.
   */
  inflateRaw?: (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;
}

/**
 * What src/rollup/index.ts exports (the pane loads it on demand):
 *   collectWorkbooks(files, catalog, options?) → Promise<RollupResult>   never throws for a bad file: it is a problem
 *   rollupWorkbookXlsx(result, catalog, lang) → Promise<Uint8Array>      the 汇总.xlsx
 */
export type CollectWorkbooks = (files: readonly RollupInputFile[], catalog: Catalog, options?: RollupOptions) => Promise<RollupResult>;
export type RollupWorkbookXlsx = (result: RollupResult, catalog: Catalog, lang: "zh" | "en") => Promise<Uint8Array>;
