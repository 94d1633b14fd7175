/**
 * Replaced by s3 (the 汇总 workbook's writer): this stand-in keeps the collect branch and its CLI
 * working until the merge, with one plain sheet of the collected actuals.
 */
import ExcelJS from "exceljs";
import type { Catalog } from "../core/catalog/catalog";
import type { RollupWorkbookXlsx } from "./types";

export const rollupWorkbookXlsx: RollupWorkbookXlsx = async (result, catalog: Catalog, lang) => {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(lang === "en" ? "Actuals" : "实际值");
  ws.addRow(["文件 file", "工作表 sheet", "行 row", "编号 id", "指标 target", "年份 year", "实际值 value"]);
  for (const a of result.actuals)
    ws.addRow([a.file, a.sheet, a.row, a.targetId, catalog.get(a.targetId)?.target.name[lang] ?? "", a.year, a.value]);
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
};
