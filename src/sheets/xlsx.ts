/**
 * The target sheets as an .xlsx file, written with ExcelJS from the sheet model: for officials on
 * WPS or LibreOffice (portable formulas), for the task pane's "download workbook", and for tests.
 * Runs in Node and in the browser (no node: imports anywhere in src/sheets).
 */
import ExcelJS from "exceljs";
import type { Catalog } from "../core/catalog/catalog";
import { DEFAULT_SETTINGS, type MethodSettings } from "../core/method/settings";
import { actualsById, type ActualRow } from "./actuals-csv";
import { a1Block, columnLetters, type ComputedKey, headerOf } from "./columns";
import {
  ACTUAL_VALIDATION,
  bodyColumnRange,
  buildWorkbookModel,
  type CellValue,
  columnFormat,
  columnIndexOf,
  ipFunctionName,
  type OverviewSheet,
  overviewFormulas,
  type PlanSheet,
  quoteSheet,
  tableGrid,
} from "./model";

export { parseActualsCsv, type ActualRow } from "./actuals-csv";

export interface BuildXlsxOptions {
  /** Plan ids; all plans when omitted. */
  plans?: string[];
  /** Native formulas only (WPS, LibreOffice, Excel without the add-in); else IP.* formulas. */
  portable?: boolean;
  actuals?: ActualRow[];
  settings?: MethodSettings;
}

const argb = (hex: string) => "FF" + hex.replace("#", "").toUpperCase();

export async function buildWorkbookXlsx(catalog: Catalog, options: BuildXlsxOptions = {}): Promise<Uint8Array> {
  const mode = options.portable ? "portable" : "live";
  const model = buildWorkbookModel(catalog, options.plans, {
    mode,
    settings: options.settings ?? DEFAULT_SETTINGS,
    actuals: options.actuals ? actualsById(options.actuals) : undefined,
  });
  const wb = new ExcelJS.Workbook();
  wb.creator = "知识产权规划目标 IP plan targets";
  wb.created = new Date(0);
  // The file carries formulas without cached results: ask Excel to compute on open.
  wb.calcProperties.fullCalcOnLoad = true;
  writeOverview(wb, model.overview, model.sheets);
  for (const sheet of model.sheets) writePlanSheet(wb, sheet);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

function writePlanSheet(wb: ExcelJS.Workbook, sheet: PlanSheet): void {
  const ws = wb.addWorksheet(sheet.sheetName, {
    views: [{ state: "frozen", xSplit: sheet.freeze.columns, ySplit: sheet.freeze.rows }],
  });
  writeTitle(ws, sheet.title);
  if (sheet.mode === "live" && sheet.rows.length) {
    // Under the title: a cell that says so where the add-in is missing (WPS, LibreOffice, Excel
    // without it), instead of leaving the computed columns to look blank or broken.
    const cell = ws.getCell(sheet.headerRow, 1);
    cell.value = { formula: addInMissing(sheet, `"⚠ ${LIVE_MISSING}"`, '""') } as ExcelJS.CellFormulaValue;
    cell.font = { bold: true, color: { argb: "FF9C0006" } };
  }

  const grid = tableGrid(sheet, "file");
  const [header, ...body] = grid;
  ws.addTable({
    name: sheet.tableName,
    ref: a1Block(sheet.headerRow, 0, 1, 1),
    headerRow: true,
    style: { theme: "TableStyleMedium2", showRowStripes: true },
    columns: header.map((h) => ({ name: String(h), filterButton: true })),
    // Only the model's computed columns hold formulas; every other cell (names, quotes, notes: plan
    // text, untrusted) is written as the text it is, even when it starts with "=" (issue 11 §6).
    rows: body.map((row) => row.map((v, j) => (sheet.columns[j].role === "computed" ? formulaCell(v) : v))),
  });

  if (sheet.mode === "live") {
    // IP.* over IF(ISNUMBER(cells),…) needs the argument evaluated as an array. Office JS writes it
    // into dynamic-array Excel, which does; in a file a plain formula would be a legacy one (implicit
    // intersection), so these are single-cell array formulas (allowed in tables, unlike multi-cell ones).
    body.forEach((row, i) =>
      row.forEach((v, j) => {
        if (typeof v === "string" && /IP_(STATUS|PROGRESS|PROJECT)\(/.test(v)) {
          const address = `${columnLetters(j)}${sheet.headerRow + 2 + i}`;
          ws.getCell(address).value = { formula: v.slice(1), shareType: "array", ref: address } as unknown as ExcelJS.CellValue;
        }
      }),
    );
  }

  sheet.columns.forEach((c, j) => {
    const column = ws.getColumn(j + 1);
    column.width = c.width;
    // Milestones, codes and helpers: grouped and collapsed at the right (the outline's + opens them).
    if (c.technical) {
      column.outlineLevel = 1;
      column.hidden = true;
    }
    const head = ws.getCell(sheet.headerRow + 1, j + 1);
    head.alignment = { wrapText: true, vertical: "middle" };
  });
  ws.getRow(sheet.headerRow + 1).height = 32;
  sheet.rows.forEach((row, i) => {
    const r = ws.getRow(sheet.headerRow + 2 + i);
    sheet.columns.forEach((c, j) => {
      const fmt = columnFormat(c.key, row);
      if (fmt) r.getCell(j + 1).numFmt = fmt;
    });
  });

  if (sheet.rows.length) {
    const firstBody = sheet.headerRow + 2;
    const lastBody = sheet.headerRow + 1 + sheet.rows.length;
    const years = sheet.years;
    const from = columnLetters(columnIndexOf(sheet, `actual:${years[0]}`));
    const to = columnLetters(columnIndexOf(sheet, `actual:${years[years.length - 1]}`));
    // One rule for the whole block (ExcelJS has it, its typings do not).
    const validations = (ws as unknown as { dataValidations: { add(address: string, rule: ExcelJS.DataValidation): void } }).dataValidations;
    validations.add(`${from}${firstBody}:${to}${lastBody}`, {
      type: "decimal",
      operator: "between",
      formulae: [-1e15, 1e15],
      allowBlank: true,
      showInputMessage: true,
      promptTitle: ACTUAL_VALIDATION.title,
      prompt: ACTUAL_VALIDATION.prompt,
      showErrorMessage: true,
      errorStyle: "warning",
      errorTitle: ACTUAL_VALIDATION.title,
      error: ACTUAL_VALIDATION.error,
    });
    for (const cf of sheet.conditionalFormats) {
      const col = columnLetters(columnIndexOf(sheet, cf.column));
      const ref = `${col}${firstBody}:${col}${lastBody}`;
      if (cf.type === "dataBar") {
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: "dataBar",
              priority: 1,
              cfvo: [
                { type: "num", value: 0 },
                { type: "num", value: 1 },
              ],
              color: { argb: "FF638EC6" },
            } as unknown as ExcelJS.ConditionalFormattingRule,
          ],
        });
      } else {
        ws.addConditionalFormatting({
          ref,
          rules: [
            {
              type: "cellIs",
              operator: "equal",
              priority: 2,
              formulae: [`"${cf.text}"`],
              style: {
                fill: { type: "pattern", pattern: "solid", bgColor: { argb: argb(cf.fill as string) } },
                font: { color: { argb: argb(cf.font as string) } },
              },
            },
          ],
        });
      }
    }
  }
  // The mark: a workbook name on the table's header row, which follows the sheet when renamed.
  const lastCol = columnLetters(sheet.columns.length - 1);
  wb.definedNames.add(`${quoteSheet(sheet.sheetName)}!$A$${sheet.headerRow + 1}:$${lastCol}$${sheet.headerRow + 1}`, sheet.markName);
}

/** What a live workbook's overview counts say where IP.* cannot run (the number of targets still counts). */
export const ADD_IN_NEEDED = "需加载项 add-in needed";

/** What a live workbook says where IP.* cannot run. */
export const LIVE_MISSING =
  "本表使用联动公式（IP.*），只在装有本加载项的 Excel 中计算；请用通用模式重新生成（npm run workbook 默认即通用） / Live formulas need the add-in: rebuild this workbook in portable mode";

/**
 * A formula that is `missing` where the add-in's functions do not exist, else `present`. ISERR is
 * true for #NAME? (no such function) but not for #N/A, which IP.TARGET answers for targets without
 * a figure.
 */
function addInMissing(sheet: PlanSheet, missing: string, present: string): string {
  const id = sheet.rows[0].target.id.replace(/"/g, '""');
  return `IF(ISERR(${ipFunctionName("file")("TARGET")}("${id}")),${missing},${present})`;
}

/** A cell the model writes as a formula ("=…"); anything else as its value. */
function formulaCell(v: CellValue): ExcelJS.CellValue {
  if (typeof v === "string" && v.startsWith("=")) return { formula: v.slice(1) } as ExcelJS.CellFormulaValue;
  return v;
}

function writeTitle(ws: ExcelJS.Worksheet, lines: string[]): void {
  lines.forEach((line, i) => {
    const cell = ws.getCell(i + 1, 1);
    cell.value = line;
    cell.font = i === 0 ? { bold: true, size: 14 } : i === 1 ? { italic: true, color: { argb: "FF595959" } } : { size: 9, color: { argb: "FF595959" } };
  });
}

function writeOverview(wb: ExcelJS.Workbook, overview: OverviewSheet, sheets: readonly PlanSheet[]): void {
  const ws = wb.addWorksheet(overview.sheetName, { views: [{ state: "frozen", ySplit: overview.headerRow + 1 }] });
  writeTitle(ws, overview.title);
  const head = ws.getRow(overview.headerRow + 1);
  overview.header.forEach((h, j) => {
    const cell = head.getCell(j + 1);
    cell.value = h;
    cell.font = { bold: true };
    cell.alignment = { wrapText: true, vertical: "middle" };
    ws.getColumn(j + 1).width = j === 1 ? 16 : 12;
  });
  head.height = 32;
  sheets.forEach((sheet, i) => {
    const row = ws.getRow(overview.headerRow + 2 + i);
    const statusRange =
      sheet.mode === "portable" ? bodyColumnRange(sheet, "status") : `${sheet.tableName}[${headerOf("status" as ComputedKey)}]`;
    const idRange = sheet.mode === "portable" ? bodyColumnRange(sheet, "id") : `${sheet.tableName}[${headerOf("id")}]`;
    let counts = overviewFormulas(statusRange, idRange);
    // Live counts where the add-in is missing would all be 0: say so instead.
    if (sheet.mode === "live" && sheet.rows.length) {
      counts = counts.map((f, j) => (j === counts.length - 1 ? f : "=" + addInMissing(sheet, `"${ADD_IN_NEEDED}"`, f.slice(1))));
    }
    const cells: ExcelJS.CellValue[] = [sheet.plan.id, sheet.sheetName, ...counts.map((f) => formulaCell(f))];
    cells.forEach((v, j) => (row.getCell(j + 1).value = v));
  });
  wb.definedNames.add(`${quoteSheet(overview.sheetName)}!$A$1`, overview.markName);
}
