/**
 * Workbooks for the roll-up tests, made as officials make them: written by src/sheets/xlsx.ts, values
 * typed with ExcelJS as Excel stores them (numbers; 95% as 0.95; text), then changed the way Excel
 * changes the file when rows are sorted or filtered, a sheet or table renamed, a column inserted.
 * The structural edits work on the XML parts (JSZip), where those actions leave their traces.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { columnIndex, columnLetters } from "../../src/sheets/columns";

export async function openXlsx(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

export const toBytes = async (wb: ExcelJS.Workbook) => new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);

/** The header row of the add-in's table on a sheet (the row whose first cell says 编号). */
export function headerRowOf(ws: ExcelJS.Worksheet): number {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getCell(r, 1).value === "编号") return r;
  throw new Error(`no 编号 header on ${ws.name}`);
}

export interface Typed {
  id: string;
  year: number;
  value: ExcelJS.CellValue;
}

/** Types values into the actual cells of a plan's sheet, found by id and header. */
export async function typeActuals(bytes: Uint8Array, sheetName: string, typed: Typed[]): Promise<Uint8Array> {
  const wb = await openXlsx(bytes);
  const ws = wb.getWorksheet(sheetName)!;
  const hr = headerRowOf(ws);
  const header = ws.getRow(hr).values as unknown[];
  for (const t of typed) {
    const col = header.indexOf(`${t.year}年实际`);
    let row = hr + 1;
    while (row <= ws.rowCount && ws.getCell(row, 1).value !== t.id) row++;
    if (col < 0 || row > ws.rowCount) throw new Error(`no cell for ${t.id} ${t.year}`);
    ws.getCell(row, col).value = t.value;
  }
  return toBytes(wb);
}

/** Rewrites parts of an .xlsx. */
export async function editZip(
  bytes: Uint8Array,
  edit: (zip: JSZip, text: (p: string) => Promise<string>) => Promise<void>,
): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  await edit(zip, async (p) => {
    const f = zip.file(p);
    if (!f) throw new Error(`no part ${p}`);
    return f.async("string");
  });
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE" });
}

/** The worksheet part and table part of a sheet, by its name. */
export async function partsOf(zip: JSZip, sheetName: string): Promise<{ sheet: string; table: string | null }> {
  const wb = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const escaped = sheetName.replace(/&/g, "&amp;");
  const rid = new RegExp(`<sheet [^>]*name="${escaped}"[^>]*r:id="(\\w+)"`).exec(wb)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${rid}"`).exec(rels);
  const sheet = "xl/" + (target?.[1] ?? target?.[2] ?? "").replace(/^\/?xl\//, "");
  const sheetRels = zip.file(sheet.replace(/worksheets\//, "worksheets/_rels/") + ".rels");
  const tableTarget = sheetRels ? /Target="([^"]*tables\/[^"]+)"/.exec(await sheetRels.async("string"))?.[1] : undefined;
  const table = tableTarget ? "xl/tables/" + tableTarget.replace(/^.*tables\//, "") : null;
  return { sheet, table };
}

/** Sorting: the body rows in reverse order (cells move with their row; row numbers are renumbered). */
export function reverseRows(sheetXml: string, first: number, last: number): string {
  const re = /<row\b([^>]*?)\br="(\d+)"([^>/]*)>([\s\S]*?)<\/row>/g;
  const inner = new Map<number, string>();
  for (const m of sheetXml.matchAll(re)) inner.set(Number(m[2]), m[4]);
  return sheetXml.replace(re, (all, a: string, r: string, b: string) => {
    const n = Number(r);
    if (n < first || n > last) return all;
    const from = first + last - n;
    const body = (inner.get(from) ?? "").replace(/(<c\b[^>]*?\br=")([A-Z]+)\d+"/g, `$1$2${n}"`);
    return `<row${a}r="${n}"${b}>${body}</row>`;
  });
}

/** Filtering: rows hidden, as Excel stores rows a filter hides. */
export function hideRows(sheetXml: string, rows: number[]): string {
  return sheetXml.replace(/<row\b([^>]*?)\br="(\d+)"/g, (all, a: string, r: string) =>
    rows.includes(Number(r)) ? `<row${a}hidden="1" r="${r}"` : all,
  );
}

/**
 * Inserting a column before column `at` (1-based) of the table, headed `header` (an inline string,
 * as some writers store text), with the given values by row: every cell at or right of it moves.
 */
export function insertColumn(
  sheetXml: string,
  at: number,
  headerRow: number,
  header: string,
  values: Map<number, string> = new Map(),
): string {
  const shifted = sheetXml.replace(/(<c\b[^>]*?\br=")([A-Z]+)(\d+)"/g, (all, p: string, letters: string, row: string) => {
    const c = columnIndex(letters) + 1;
    return c >= at ? `${p}${columnLetters(c)}${row}"` : all;
  });
  const newLetters = columnLetters(at - 1);
  return shifted.replace(/<row\b([^>]*?)\br="(\d+)"([^>/]*)>([\s\S]*?)<\/row>/g, (all, a: string, r: string, b: string, body: string) => {
    const n = Number(r);
    const text = n === headerRow ? header : values.get(n);
    if (text == null) return all;
    const cell = `<c r="${newLetters}${n}" t="inlineStr"><is><t>${text}</t></is></c>`;
    const next = body.search(new RegExp(`<c\\b[^>]*?\\br="${columnLetters(at)}${n}"`));
    const joined = next < 0 ? body + cell : body.slice(0, next) + cell + body.slice(next);
    return `<row${a}r="${r}"${b}>${joined}</row>`;
  });
}

/** The table part after a column was inserted before table column `at` (1-based sheet column). */
export function insertTableColumn(tableXml: string, at: number, header: string): string {
  const ref = /\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/.exec(tableXml)!;
  const first = columnIndex(ref[1]) + 1;
  const grown = tableXml.replace(
    /\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g,
    (_, a: string, r1: string, c: string, r2: string) => `ref="${a}${r1}:${columnLetters(columnIndex(c) + 1)}${r2}"`,
  );
  let k = 0;
  return grown
    .replace(/<tableColumns count="(\d+)"/, (_, n: string) => `<tableColumns count="${Number(n) + 1}"`)
    .replace(/<tableColumn\b/g, (m) => (k++ === at - first ? `<tableColumn id="9999" name="${header}"/>${m}` : m));
}
