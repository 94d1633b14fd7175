/** The Office JS edge the task pane loads on first use (see src/taskpane/office/workbook.ts). */
export {
  type ActualProblem,
  excelRun,
  type ExcelRunner,
  OldExcelError,
  type PlanSummary,
  readActuals,
  type ReadActualsOptions,
  type RefreshOptions,
  type RefreshProgress,
  type RefreshSummary,
  selectTarget,
  WRITE_EXCEL_API,
  writeOrRefreshSheets,
} from "./workbook";
export { OldUnitsFormulaError } from "./units";
