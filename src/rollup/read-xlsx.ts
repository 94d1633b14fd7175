/**
 * Reads the add-in's tables out of an .xlsx without a spreadsheet library: the workbook's names,
 * sheets and tables, then only the cells of the columns the roll-up needs (编号, 比例 scale, the
 * year columns) by a scan of the sheet XML. ExcelJS loads every cell and style and takes about ten
 * times as long (bench/rollup.ts measures both), which 200 county workbooks cannot afford.
 *
 * Sheets are found by the add-in's marks only (the hidden names IPTargets.<PLAN>), never by a
 * sheet's name or position; columns by their header texts (src/sheets/columns.ts). Every cell is
 * untrusted text: nothing here evaluates a formula, it takes the value the file cached.
 */
import { tableOfFormula } from "../excel/marks";
import { keyOfHeader, columnIndex } from "../sheets/columns";
import { MARK_PREFIX, OVERVIEW_MARK } from "../sheets/model";
import { ZipError, type ZipArchive } from "./zip";

/** A cell as the file stores it. `formula`: the cell holds a formula and this is its cached result. */
export type RawCell =
  | { kind: "number"; value: number; formula: boolean }
  | { kind: "text"; text: string; formula: boolean }
  | { kind: "bool"; value: boolean; formula: boolean }
  | { kind: "error"; text: string; formula: boolean }
  /** A formula the file holds no result for (written by a tool that does not calculate). */
  | { kind: "uncalculated" };

/** One of the add-in's tables, found by its mark. Rows and columns are 1-based as a person counts them. */
export interface MarkedTable {
  planId: string;
  sheet: string;
  headerRow: number;
  /** Header text by column (1-based). */
  header: Map<number, string>;
  /** Body rows in sheet order, with the cells of the wanted columns that hold something. */
  rows: Array<{ row: number; cells: Map<number, RawCell> }>;
  /** The sheet holds the add-in's functions (`_xldudf_IP_…`): written in live mode. */
  live: boolean;
}

export interface WorkbookRead {
  tables: MarkedTable[];
  /** Marks whose sheet or table is gone (deleted sheet, #REF!), by name. */
  staleMarks: string[];
  /** The values of the document setting IPTargets.plans found in the web-extension parts. */
  storedPlans: string[];
}

// ---- XML helpers --------------------------------------------------------------------------------

const ENTITY: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes XML entities, then OOXML's _xHHHH_ escapes of characters XML cannot carry. */
export function decodeXml(s: string, ooxml = false): string {
  let out =
    s.indexOf("&") < 0
      ? s
      : s.replace(/&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);/g, (_, e: string) => {
          if (e[0] !== "#") return ENTITY[e];
          const code = e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
          return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : "";
        });
  if (ooxml && out.indexOf("_x") >= 0) out = out.replace(/_x([0-9a-fA-F]{4})_/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
  return out;
}

/** Attributes of a start tag's inside (name="v" or name='v'); a namespace prefix is kept (r:id). */
export function attributes(s: string): Map<string, string> {
  const out = new Map<string, string>();
  const re = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
  for (let m = re.exec(s); m; m = re.exec(s)) out.set(m[1], decodeXml(m[2] ?? m[3] ?? ""));
  return out;
}

/** An attribute whatever namespace prefix the writer gave it (r:id, x:id …). */
function prefixed(attrs: Map<string, string>, local: string): string | undefined {
  for (const [k, v] of attrs) if (k === local || k.endsWith(":" + local)) return v;
  return undefined;
}

/** The text of a string item (<si>, <is>): every <t> run, without phonetic runs (<rPh>). */
function stringItemText(inner: string): string {
  const body = inner.indexOf("<rPh") >= 0 ? inner.replace(/<rPh\b[\s\S]*?<\/rPh>/g, "") : inner;
  let out = "";
  const re = /<t\b[^>]*?(?:\/>|>([\s\S]*?)<\/t>)/g;
  for (let m = re.exec(body); m; m = re.exec(body)) out += m[1] ?? "";
  return decodeXml(out, true);
}

export function parseSharedStrings(xml: string): string[] {
  const out: string[] = [];
  const re = /<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) out.push(m[1] ? stringItemText(m[1]) : "");
  return out;
}

interface Relationship {
  type: string;
  target: string;
}

function parseRels(xml: string | null, partDir: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>();
  if (!xml) return out;
  const re = /<(?:\w+:)?Relationship\b([^>]*?)\/?>/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const a = attributes(m[1]);
    const id = a.get("Id");
    const target = a.get("Target");
    if (!id || !target || a.get("TargetMode") === "External") continue;
    out.set(id, { type: a.get("Type") ?? "", target: resolvePart(partDir, target) });
  }
  return out;
}

/** A relationship target as a part name: absolute (/xl/…) or relative to the source part's folder. */
function resolvePart(dir: string, target: string): string {
  const raw = target.startsWith("/") ? target.slice(1) : dir + target;
  const parts: string[] = [];
  for (const p of raw.split("/")) {
    if (p === "..") parts.pop();
    else if (p !== "." && p !== "") parts.push(p);
  }
  return parts.join("/");
}

const dirOf = (part: string) => part.slice(0, part.lastIndexOf("/") + 1);
const relsOf = (part: string) => `${dirOf(part)}_rels/${part.slice(part.lastIndexOf("/") + 1)}.rels`;

/** "A7:BW107" → 1-based corners. */
function parseRef(ref: string): { r1: number; c1: number; r2: number; c2: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return null;
  const c1 = columnIndex(m[1]) + 1;
  const r1 = Number(m[2]);
  return { r1, c1, r2: m[4] ? Number(m[4]) : r1, c2: m[3] ? columnIndex(m[3]) + 1 : c1 };
}

/** A mark's formula as an A1 reference ('焦作 JZ'!$A$7:$BW$7), as the .xlsx builder writes it. */
function parseSheetRef(formula: string): { sheet: string; ref: NonNullable<ReturnType<typeof parseRef>> } | null {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!=#[\]]+))!(\S+)$/.exec(formula.trim());
  if (!m) return null;
  const ref = parseRef(m[3]);
  if (!ref) return null;
  return { sheet: m[1] != null ? m[1].replace(/''/g, "'") : m[2], ref };
}

interface SheetInfo {
  name: string;
  part: string;
}

interface TableInfo {
  name: string;
  displayName: string;
  sheet: SheetInfo;
  ref: NonNullable<ReturnType<typeof parseRef>>;
  headerRows: number;
  totalsRows: number;
}

/** What to read of one sheet for one mark. */
interface ReadSpec {
  planId: string;
  headerRow: number;
  firstCol: number;
  lastCol: number;
  lastRow: number;
  header: Map<number, string>;
  /** Columns of 编号, 比例 scale and the years, once the header row has been read. */
  wanted: Set<number> | null;
  rows: Map<number, Map<number, RawCell>>;
}

/** Is this header one of the columns the roll-up reads? */
function wantedHeader(text: string): boolean {
  const key = keyOfHeader(text);
  if (key === "id" || key === "scale" || (key != null && key.startsWith("actual:"))) return true;
  // A year's actuals whose header was edited (2024 实际值): read, so the figures are reported, not lost silently.
  return key == null && looksLikeActualHeader(text);
}

/** A header that names a year's actuals but is not the add-in's (2024 实际值, 实际2024). */
export function looksLikeActualHeader(text: string): boolean {
  return /实际/.test(text) && /(?:^|\D)(19|20)\d{2}(?:\D|$)/.test(text);
}

// ---- the workbook -------------------------------------------------------------------------------

/**
 * The add-in's tables in a workbook. Throws ZipError when the archive is not an .xlsx at all; a
 * workbook without marks gives no tables (the caller says "not one of ours").
 */
export async function readWorkbook(zip: ZipArchive): Promise<WorkbookRead> {
  const rootRels = parseRels(await zip.text("_rels/.rels"), "");
  const officeDoc = [...rootRels.values()].find((r) => /\/officeDocument$/.test(r.type))?.target ?? "xl/workbook.xml";
  const workbookXml = await zip.text(officeDoc);
  if (workbookXml == null || !/<(?:\w+:)?workbook\b/.test(workbookXml)) {
    throw new ZipError("不是 Excel 工作簿（.xlsx）：缺少 workbook.xml", "not an Excel workbook (.xlsx): no workbook.xml");
  }
  const wbRels = parseRels(await zip.text(relsOf(officeDoc)), dirOf(officeDoc));

  const sheets: SheetInfo[] = [];
  const sheetRe = /<(?:\w+:)?sheet\b([^>]*?)\/?>/g;
  for (let m = sheetRe.exec(workbookXml); m; m = sheetRe.exec(workbookXml)) {
    const a = attributes(m[1]);
    const rel = wbRels.get(prefixed(a, "id") ?? "");
    const name = a.get("name");
    if (name != null && rel && /\/worksheet$/.test(rel.type)) sheets.push({ name, part: rel.target });
  }

  const marks: Array<{ name: string; formula: string }> = [];
  const nameRe = /<(?:\w+:)?definedName\b([^>]*)>([\s\S]*?)<\/(?:\w+:)?definedName>/g;
  for (let m = nameRe.exec(workbookXml); m; m = nameRe.exec(workbookXml)) {
    const a = attributes(m[1]);
    const name = a.get("name") ?? "";
    if (!name.startsWith(MARK_PREFIX) || name === OVERVIEW_MARK) continue;
    // A name scoped to one sheet (as Excel leaves it when a sheet is copied in) comes after a workbook one.
    const entry = { name, formula: decodeXml(m[2]).trim() };
    if (a.has("localSheetId")) marks.push(entry);
    else marks.unshift(entry);
  }

  const storedPlans = await readStoredPlans(zip);
  if (marks.length === 0) return { tables: [], staleMarks: [], storedPlans };

  // Tables only when a mark names one (=IP_JZ[#Headers]) or to size an A1 mark's body.
  const tables: TableInfo[] = [];
  for (const sheet of sheets) {
    const rels = parseRels(await zip.text(relsOf(sheet.part)), dirOf(sheet.part));
    for (const rel of rels.values()) {
      if (!/\/table$/.test(rel.type)) continue;
      const xml = await zip.text(rel.target);
      const head = xml ? /<(?:\w+:)?table\b([^>]*)>/.exec(xml) : null;
      if (!head) continue;
      const a = attributes(head[1]);
      const ref = parseRef(a.get("ref") ?? "");
      if (!ref) continue;
      tables.push({
        name: a.get("name") ?? "",
        displayName: a.get("displayName") ?? a.get("name") ?? "",
        sheet,
        ref,
        headerRows: Number(a.get("headerRowCount") ?? 1),
        totalsRows: Number(a.get("totalsRowCount") ?? 0),
      });
    }
  }

  const lower = (s: string) => s.toLowerCase();
  const specs = new Map<SheetInfo, ReadSpec[]>();
  const staleMarks: string[] = [];
  const seen = new Set<string>();
  for (const mark of marks) {
    const planId = mark.name.slice(MARK_PREFIX.length);
    if (seen.has(planId)) continue;
    let sheet: SheetInfo | undefined;
    let spec: Omit<ReadSpec, "planId" | "header" | "wanted" | "rows"> | null = null;
    const tableName = mark.formula.includes("#REF!") ? null : tableOfFormula(mark.formula);
    if (tableName) {
      const t = tables.find((x) => lower(x.displayName) === lower(tableName) || lower(x.name) === lower(tableName));
      if (t && t.headerRows > 0) {
        sheet = t.sheet;
        spec = { headerRow: t.ref.r1, firstCol: t.ref.c1, lastCol: t.ref.c2, lastRow: t.ref.r2 - t.totalsRows };
      }
    } else if (!mark.formula.includes("#REF!")) {
      const a1 = parseSheetRef(mark.formula);
      sheet = a1 ? sheets.find((s) => lower(s.name) === lower(a1.sheet)) : undefined;
      if (a1 && sheet) {
        // The table whose header row this is sizes the body (it grows with rows and columns the
        // official adds; the name does not). Without one, every row below the header counts.
        const t = tables.find((x) => x.sheet === sheet && x.ref.r1 === a1.ref.r1 && x.ref.c1 <= a1.ref.c1 && a1.ref.c1 <= x.ref.c2);
        spec = t
          ? { headerRow: t.ref.r1, firstCol: t.ref.c1, lastCol: t.ref.c2, lastRow: t.ref.r2 - t.totalsRows }
          : { headerRow: a1.ref.r1, firstCol: a1.ref.c1, lastCol: Infinity, lastRow: Infinity };
      }
    }
    if (!sheet || !spec) {
      staleMarks.push(mark.name);
      continue;
    }
    seen.add(planId);
    const list = specs.get(sheet) ?? [];
    list.push({ ...spec, planId, header: new Map(), wanted: null, rows: new Map() });
    specs.set(sheet, list);
  }

  for (const list of specs.values()) {
    // Without a table, a body ends where the next of the add-in's tables on the sheet begins.
    const byRow = [...list].sort((a, b) => a.headerRow - b.headerRow);
    byRow.forEach((spec, i) => {
      if (spec.lastRow === Infinity && byRow[i + 1]) spec.lastRow = byRow[i + 1].headerRow - 1;
    });
  }
  // A sheet-scoped copy of a mark that points nowhere is no loss when the plan was found by another.
  const lost = staleMarks.filter((name) => !seen.has(name.slice(MARK_PREFIX.length)));
  staleMarks.length = 0;
  staleMarks.push(...lost);

  const out: MarkedTable[] = [];
  let shared: string[] | null = null;
  const sharedPart = [...wbRels.values()].find((r) => /\/sharedStrings$/.test(r.type))?.target ?? "xl/sharedStrings.xml";
  for (const sheet of sheets) {
    const list = specs.get(sheet);
    if (!list) continue;
    const xml = await zip.text(sheet.part);
    if (xml == null) {
      for (const s of list) staleMarks.push(MARK_PREFIX + s.planId);
      continue;
    }
    if (shared == null) shared = parseSharedStrings((await zip.text(sharedPart)) ?? "");
    scanSheet(xml, shared, list);
    const live = xml.includes("_xldudf_");
    for (const s of list) {
      out.push({
        planId: s.planId,
        sheet: sheet.name,
        headerRow: s.headerRow,
        header: s.header,
        rows: [...s.rows.entries()].sort((a, b) => a[0] - b[0]).map(([row, cells]) => ({ row, cells })),
        live,
      });
    }
  }
  return { tables: out, staleMarks, storedPlans };
}

/**
 * The plans a workbook stores (document setting IPTargets.plans). Excel keeps document settings
 * of an add-in as <we:property name="…" value="JSON"/> in xl/webextensions/webextension*.xml.
 */
async function readStoredPlans(zip: ZipArchive): Promise<string[]> {
  const out: string[] = [];
  for (const part of zip.names.filter((n) => /^xl\/webextensions\/webextension\d*\.xml$/i.test(n))) {
    const xml = (await zip.text(part)) ?? "";
    const re = /<(?:\w+:)?property\b([^>]*?)\/?>/g;
    for (let m = re.exec(xml); m; m = re.exec(xml)) {
      const a = attributes(m[1]);
      if (a.get("name") === "IPTargets.plans" && a.get("value") != null) out.push(a.get("value")!);
    }
  }
  return out;
}

// ---- the sheet's cells --------------------------------------------------------------------------

/**
 * One pass over a sheet's XML: each spec's header row, then the cells of its wanted columns in
 * the rows of its body. Cell and row addresses are optional in the format: counted when absent.
 */
function scanSheet(xml: string, shared: readonly string[], specs: ReadSpec[]): void {
  const first = Math.min(...specs.map((s) => s.headerRow));
  const re = /<(?:\w+:)?row\b([^>]*?)(\/?)>|<(?:\w+:)?c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:\w+:)?c>)/g;
  let row = 0;
  let col = 0;
  const start = xml.search(/<(?:\w+:)?sheetData\b/);
  re.lastIndex = start < 0 ? 0 : start;
  const plainEnd = xml.lastIndexOf("</sheetData>");
  const end = plainEnd >= 0 ? plainEnd : xml.search(/<\/(?:\w+:)?sheetData>/);
  for (let m = re.exec(xml); m && (end < 0 || m.index < end); m = re.exec(xml)) {
    if (m[1] !== undefined) {
      const r = /\br="(\d+)"/.exec(m[1]);
      row = r ? Number(r[1]) : row + 1;
      col = 0;
      continue;
    }
    const attrs = m[3];
    const r = /\br="\$?([A-Za-z]{1,3})\$?(\d+)"/.exec(attrs);
    if (r) {
      col = columnIndex(r[1]) + 1;
      row = Number(r[2]);
    } else col++;
    if (row < first || m[4] === undefined) continue;
    for (const s of specs) {
      if (col < s.firstCol || col > s.lastCol) continue;
      if (row === s.headerRow) {
        const cell = cellOf(attrs, m[4], shared);
        if (cell && (cell.kind === "text" || cell.kind === "number"))
          s.header.set(col, cell.kind === "text" ? cell.text : String(cell.value));
      } else if (row > s.headerRow && row <= s.lastRow) {
        if (s.wanted == null) s.wanted = new Set([...s.header].filter(([, h]) => wantedHeader(h)).map(([c]) => c));
        if (!s.wanted.has(col)) continue;
        const cell = cellOf(attrs, m[4], shared);
        if (!cell) continue;
        let cells = s.rows.get(row);
        if (!cells) s.rows.set(row, (cells = new Map()));
        cells.set(col, cell);
      }
    }
  }
}

/** A cell's value from its type and children; null for a cell that holds nothing. */
function cellOf(attrs: string, inner: string, shared: readonly string[]): RawCell | null {
  const t = /\bt="(\w+)"/.exec(attrs)?.[1] ?? "n";
  const formula = /<(?:\w+:)?f\b/.test(inner);
  const v = /<(?:\w+:)?v\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:\w+:)?v>)/.exec(inner);
  const raw = v ? decodeXml(v[1] ?? "") : null;
  switch (t) {
    case "s": {
      if (raw == null) return null;
      const text = shared[Number(raw)] ?? "";
      return text === "" ? null : { kind: "text", text, formula };
    }
    case "inlineStr": {
      const is = /<(?:\w+:)?is\b[^>]*>([\s\S]*?)<\/(?:\w+:)?is>/.exec(inner);
      const text = is ? stringItemText(is[1]) : "";
      return text === "" ? null : { kind: "text", text, formula };
    }
    case "str":
    case "d": {
      const text = decodeXml(raw ?? "", true);
      return text === "" ? null : { kind: "text", text, formula };
    }
    case "b":
      return raw == null ? (formula ? { kind: "uncalculated" } : null) : { kind: "bool", value: raw.trim() === "1", formula };
    case "e":
      return { kind: "error", text: raw ?? "#VALUE!", formula };
    default: {
      if (raw == null || raw.trim() === "") return formula ? { kind: "uncalculated" } : null;
      const value = Number(raw);
      return Number.isFinite(value) ? { kind: "number", value, formula } : { kind: "text", text: raw, formula };
    }
  }
}
