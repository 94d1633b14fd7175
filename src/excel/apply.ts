/**
 * Turns planned write operations into Office JS calls, in chunks that stay under Excel on the web's
 * 5 MB request limit (one context.sync() per chunk). The only module that writes the workbook.
 */
import { ACTUAL_VALIDATION } from "../sheets/model";
import type { CellStyle, SparseMatrix, WriteOp } from "./plan";

/** Bytes per sync we allow ourselves: the 5 MB limit less room for the request's own framing. */
export const REQUEST_LIMIT = 4_000_000;

/** UTF-8 size of an operation as it travels to Excel (Chinese text is 3 bytes a character). */
export function opBytes(op: WriteOp): number {
  const json = JSON.stringify(op);
  let bytes = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) bytes += 2;
  return bytes + 200;
}

/** Cells an operation writes (values, formulas or number formats). */
export function cellsOf(op: WriteOp): number {
  if (op.op === "cells") return op.data.reduce((n, r) => n + r.length, 0);
  if (op.op === "addRows") return op.values.reduce((n, r) => n + r.length, 0);
  return 0;
}

const CELL = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/;

/** Splits a block write into row slices of at most `limit` bytes each. */
function splitCells(op: Extract<WriteOp, { op: "cells" }>, limit: number): WriteOp[] {
  const m = CELL.exec(op.address);
  if (!m || op.data.length < 2) return [op];
  const [, c1, r1, c2 = c1] = m;
  const out: WriteOp[] = [];
  let rows: SparseMatrix = [];
  let bytes = 0;
  let start = Number(r1);
  const flush = () => {
    if (!rows.length) return;
    const end = start + rows.length - 1;
    out.push({ ...op, address: `${c1}${start}:${c2}${end}`, data: rows });
    start = end + 1;
    rows = [];
    bytes = 0;
  };
  for (const row of op.data) {
    const size = opBytes({ ...op, data: [row] }) - 200;
    if (rows.length && bytes + size > limit) flush();
    rows.push(row);
    bytes += size;
  }
  flush();
  return out;
}

/** Groups operations, in order, into requests of at most `limit` bytes. */
export function chunkOps(ops: readonly WriteOp[], limit = REQUEST_LIMIT): WriteOp[][] {
  const chunks: WriteOp[][] = [];
  let current: WriteOp[] = [];
  let size = 0;
  for (const op of ops) {
    const pieces = op.op === "cells" && opBytes(op) > limit / 2 ? splitCells(op, limit / 2) : [op];
    for (const piece of pieces) {
      const bytes = opBytes(piece);
      if (current.length && size + bytes > limit) {
        chunks.push(current);
        current = [];
        size = 0;
      }
      current.push(piece);
      size += bytes;
    }
  }
  if (current.length) chunks.push(current);
  return chunks;
}

/** Excel's column width is in points; a character of the default font is about 6 points wide. */
const POINTS_PER_CHAR = 6;

function applyStyle(range: Excel.Range, style: CellStyle): void {
  const { format } = range;
  if (style.bold != null) format.font.bold = style.bold;
  if (style.italic != null) format.font.italic = style.italic;
  if (style.size != null) format.font.size = style.size;
  if (style.color != null) format.font.color = style.color;
  if (style.wrap != null) format.wrapText = style.wrap;
  if (style.width != null) format.columnWidth = Math.round(style.width * POINTS_PER_CHAR);
  if (style.height != null) format.rowHeight = style.height;
  // Range.columnHidden (ExcelApi 1.2) hides every column the range touches.
  if (style.hideColumns) range.columnHidden = true;
}

/** Queues the operations on the context; the caller syncs. */
export function applyOps(context: Excel.RequestContext, ops: readonly WriteOp[]): void {
  const { workbook } = context;
  const sheets = new Map<string, Excel.Worksheet>();
  const sheet = (name: string) => {
    let ws = sheets.get(name);
    if (!ws) sheets.set(name, (ws = workbook.worksheets.getItem(name)));
    return ws;
  };
  for (const op of ops) {
    switch (op.op) {
      case "addSheet": {
        const ws = workbook.worksheets.add(op.sheet);
        if (op.first) ws.position = 0;
        sheets.set(op.sheet, ws);
        break;
      }
      case "cells": {
        const range = sheet(op.sheet).getRange(op.address);
        if (op.kind === "formulas") range.formulas = op.data;
        else range.numberFormat = op.data;
        break;
      }
      case "clear":
        sheet(op.sheet).getRange(op.address).clear("Contents");
        break;
      case "addTable": {
        const table = sheet(op.sheet).tables.add(op.address, true);
        table.name = op.table;
        table.style = "TableStyleMedium2";
        break;
      }
      case "addRows":
        workbook.tables.getItem(op.table).rows.add(undefined, op.values);
        break;
      case "addColumn":
        workbook.tables.getItem(op.table).columns.add(op.index, undefined, op.header);
        break;
      case "style":
        applyStyle(sheet(op.sheet).getRange(op.address), op.style);
        break;
      case "freeze":
        sheet(op.sheet).freezePanes.freezeAt(op.address);
        break;
      case "conditionalFormats": {
        const range = sheet(op.sheet).getRange(op.address);
        range.conditionalFormats.clearAll();
        for (const rule of op.rules) {
          if (rule.type === "dataBar") {
            const cf = range.conditionalFormats.add("DataBar");
            cf.dataBar.lowerBoundRule = { type: "Number", formula: "0" };
            cf.dataBar.upperBoundRule = { type: "Number", formula: "1" };
            cf.dataBar.positiveFormat.fillColor = "#638EC6";
          } else {
            const cf = range.conditionalFormats.add("CellValue");
            if (rule.fill) cf.cellValue.format.fill.color = rule.fill;
            if (rule.font) cf.cellValue.format.font.color = rule.font;
            cf.cellValue.rule = { formula1: `="${rule.text}"`, operator: "EqualTo" };
          }
        }
        break;
      }
      case "validation": {
        const dv = sheet(op.sheet).getRange(op.address).dataValidation;
        dv.clear();
        dv.rule = { decimal: { formula1: -1e15, formula2: 1e15, operator: "Between" } };
        dv.ignoreBlanks = true;
        dv.prompt = { showPrompt: true, title: ACTUAL_VALIDATION.title, message: ACTUAL_VALIDATION.prompt };
        dv.errorAlert = { showAlert: true, style: "Warning", title: ACTUAL_VALIDATION.title, message: ACTUAL_VALIDATION.error };
        break;
      }
      case "mark": {
        if (op.replace) workbook.names.getItem(op.name).delete();
        const item = workbook.names.add(op.name, op.formula);
        item.visible = false;
        break;
      }
      case "hideMark":
        workbook.names.getItem(op.name).visible = false;
        break;
      case "clearFilters":
        workbook.tables.getItem(op.table).clearFilters();
        break;
      case "filter":
        workbook.tables.getItem(op.table).columns.getItem(op.column).filter.apply(op.criteria as Excel.FilterCriteria);
        break;
      case "chart": {
        const ws = sheet(op.sheet);
        const source = ws.getRange(op.address);
        if (op.exists) ws.charts.getItem(op.name).setData(source, "Columns");
        else {
          const chart = ws.charts.add("BarStacked", source, "Columns");
          chart.name = op.name;
          chart.title.text = "各规划指标状态 Targets by status";
          chart.setPosition("L4");
        }
        break;
      }
    }
  }
}
