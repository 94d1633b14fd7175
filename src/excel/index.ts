/** The Office JS edge the task pane loads on first use (see src/taskpane/office/workbook.ts). */
export {
  type ActualProblem,
  excelRun,
  type ExcelRunner,
  type PlanSummary,
  readActuals,
  type ReadActualsOptions,
  type RefreshOptions,
  type RefreshProgress,
  type RefreshSummary,
  selectTarget,
  writeOrRefreshSheets,
} from "./workbook";
