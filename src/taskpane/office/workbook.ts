/**
 * What the task pane asks of the workbook, behind one interface so views never touch Office JS and
 * tests hand in a fake. The Excel implementation loads the sheet writer (src/excel) on first use,
 * keeping it out of the first screen's JavaScript.
 */
import type { Observation } from "../../core/method/method";
import type { MethodSettings } from "../../core/method/settings";
import type { FormulaMode } from "../../office/settings-store";

export interface WriteProgress {
  done: number;
  total: number;
  message?: string;
}

export interface PlanWriteSummary {
  planId: string;
  sheetName: string;
  added: number;
  updated: number;
  kept: number;
  flagged: number;
}

export interface WriteResult {
  plans: PlanWriteSummary[];
  syncs: number;
  cancelled: boolean;
}

/** A cell in an actual column that is not a number (kept as typed, left out of the figures). */
export interface UnreadableActual {
  planId: string;
  sheetName: string;
  address: string;
  zh: string;
  en: string;
}

export interface WriteOptions {
  mode: FormulaMode;
  settings: MethodSettings;
  onProgress?: (p: WriteProgress) => void;
  signal?: AbortSignal;
}

export interface WorkbookActions {
  writeOrRefreshSheets(planIds: string[], options: WriteOptions): Promise<WriteResult>;
  /** Actuals typed in the add-in's sheets, by target id; cells that are not numbers go to `unreadable`. */
  readActuals(unreadable?: UnreadableActual[]): Promise<Map<string, Observation[]>>;
  /** Selects the target's row; false when no sheet of the add-in has it. */
  selectTarget(id: string): Promise<boolean>;
  /** Puts a formula into the top-left cell of the current selection. */
  insertFormula(formula: string): Promise<void>;
  /** Asks Excel to recalculate everything (after a settings change). */
  recalculate(): Promise<void>;
}

/** Raised by insertFormula when there is no cell to write to. */
export class NoSelectionError extends Error {
  constructor() {
    super("no cell selected");
    this.name = "NoSelectionError";
  }
}

const loadSheetWriter = () => import(/* webpackChunkName: "excel" */ "../../excel");

export function createExcelWorkbook(): WorkbookActions {
  return {
    async writeOrRefreshSheets(planIds, options) {
      const excel = await loadSheetWriter();
      return excel.writeOrRefreshSheets(planIds, options);
    },
    async readActuals(unreadable) {
      const excel = await loadSheetWriter();
      return excel.readActuals({ problems: unreadable });
    },
    async selectTarget(id) {
      const excel = await loadSheetWriter();
      return excel.selectTarget(id);
    },
    async insertFormula(formula) {
      await Excel.run(async (context) => {
        const selection = context.workbook.getSelectedRange();
        selection.load("address");
        await context.sync();
        if (!selection.address) throw new NoSelectionError();
        selection.getCell(0, 0).formulas = [[formula]];
        await context.sync();
      });
    },
    async recalculate() {
      await Excel.run(async (context) => {
        context.workbook.application.calculate(Excel.CalculationType.full);
        await context.sync();
      });
    },
  };
}
