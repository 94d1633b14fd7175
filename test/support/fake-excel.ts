/**
 * A strict stand-in for Excel's JavaScript API, for the parts the add-in's edge (src/excel) uses.
 * It behaves like Excel where mistakes would hide:
 * - properties must be loaded and synced before they are read (PropertyNotLoaded);
 * - queued operations run in order at context.sync(); an error stops the batch there, earlier
 *   operations stay applied, and the sync rejects with an Excel error code;
 * - a value/formula/number-format array must match the range's size (InvalidArgument);
 * - sheet names: ≤ 31 characters, none of []:*?/\, no leading or trailing ', unique
 *   (case-insensitive); table and workbook names: valid identifiers, unique across both;
 * - structured references ([@[header]], Table[header]) must name an existing table and header;
 * - a request larger than Excel on the web's 5 MB limit is refused (RequestPayloadSizeLimitExceeded);
 * - null in a written array leaves that cell as it is, "" clears it, a leading ' makes text;
 * - anything the API has but this stand-in does not model throws, so the edge cannot use it untested.
 * It counts syncs, requests and cells written, and offers the official's actions (type, sort,
 * filter, add a column, move rows, rename the sheet or table) as test helpers. It does not
 * calculate: a formula cell's value reads as "".
 *
 * Real Excel behaviours that surprise add-ins are modelled too, each behind a switch in
 * `FakeWorkbook.behaviour`, the harsher form on by default (docs/excel-behaviour.md lists them with
 * their sources): calculated columns fill formulas down a table column; writes across rows hidden by
 * a filter land on the visible rows; NamedItem.visible = false may do nothing; LAMBDA may be missing.
 */

export type Scalar = string | number | boolean;

export class FakeExcelError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(`${code}: ${message}`);
    this.name = "RichApi.Error";
  }
}

interface CellData {
  value: Scalar;
  formula?: string;
  numberFormat?: string;
}

export class SheetData {
  cells = new Map<string, CellData>();
  /** Rows hidden by a table's filter (0-based sheet rows). */
  hiddenRows = new Set<number>();
  /** Rows the official hid by hand (Hide rows), not by a filter. */
  manuallyHidden = new Set<number>();
  frozen: string | null = null;
  charts: ChartData[] = [];
  conditionalFormats: Array<{ address: string; rules: unknown[] }> = [];
  validations = new Map<string, unknown>();
  columnWidths = new Map<number, number>();
  /** Columns hidden through Range.columnHidden (0-based). */
  hiddenColumns = new Set<number>();
  styles = new Map<string, Record<string, unknown>>();
  constructor(
    readonly id: number,
    public name: string,
  ) {}

  get(row: number, col: number): CellData | undefined {
    return this.cells.get(`${row},${col}`);
  }
  set(row: number, col: number, cell: CellData | undefined): void {
    if (!cell || (cell.value === "" && cell.formula == null && cell.numberFormat == null)) this.cells.delete(`${row},${col}`);
    else this.cells.set(`${row},${col}`, cell);
  }
  /** Shown value: constants as typed, "" for empty and (not calculated) formula cells. */
  value(row: number, col: number): Scalar {
    const c = this.get(row, col);
    return c == null || c.formula != null ? "" : c.value;
  }
}

/** A column's filter as the API hands it out: criteria plus, in the stand-in, the test's rule. */
interface FilterSpec {
  criteria: { filterOn: string; criterion1: string };
  keep: (v: Scalar) => boolean;
}

export class TableData {
  style = "TableStyleMedium2";
  /** AutoFilter criteria by header (what the official filtered on). */
  filters = new Map<string, FilterSpec>();
  constructor(
    readonly id: number,
    public name: string,
    public sheet: SheetData,
    public top: number,
    public left: number,
    public width: number,
    public rows: number,
  ) {}
  get bottom(): number {
    return this.top + this.rows;
  }
  get right(): number {
    return this.left + this.width - 1;
  }
  headers(): string[] {
    return Array.from({ length: this.width }, (_, j) => String(this.sheet.value(this.top, this.left + j)));
  }
}

interface NameData {
  name: string;
  formula: string;
  visible: boolean;
}

interface ChartData {
  name: string;
  type: string;
  source: string;
  title?: string;
  position?: string;
}

// ---- addresses -----------------------------------------------------------------------------------
// Kept self-contained (no imports): scripts/e2e-browser.mjs transpiles this file alone for the browser.

const colIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
const letters = (index: number) => {
  let n = index + 1;
  let s = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
};
export interface Box {
  r1: number;
  c1: number;
  r2: number;
  c2: number;
}
export function parseAddress(address: string): Box {
  const local = address.includes("!") ? address.slice(address.lastIndexOf("!") + 1) : address;
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/.exec(local.toUpperCase());
  if (!m) throw new FakeExcelError("InvalidArgument", `The address ${address} is not valid.`);
  const r1 = Number(m[2]) - 1;
  const c1 = colIndex(m[1]);
  const r2 = m[4] ? Number(m[4]) - 1 : r1;
  const c2 = m[3] ? colIndex(m[3]) : c1;
  return { r1: Math.min(r1, r2), c1: Math.min(c1, c2), r2: Math.max(r1, r2), c2: Math.max(c1, c2) };
}
export const boxAddress = (b: Box) => `${letters(b.c1)}${b.r1 + 1}${b.r1 === b.r2 && b.c1 === b.c2 ? "" : `:${letters(b.c2)}${b.r2 + 1}`}`;
const overlaps = (a: Box, b: Box) => a.r1 <= b.r2 && b.r1 <= a.r2 && a.c1 <= b.c2 && b.c1 <= a.c2;

function utf8Bytes(value: unknown): number {
  const json = JSON.stringify(value) ?? "";
  let n = json.length;
  for (let i = 0; i < json.length; i++) if (json.charCodeAt(i) > 0x7f) n += 2;
  return n;
}

// ---- strictness ----------------------------------------------------------------------------------

const PASS = new Set(["then", "toJSON", "constructor", "asymmetricMatch", "$$typeof", "nodeType", "tagName", "@@__IMMUTABLE_ITERABLE__@@", "@@__IMMUTABLE_RECORD__@@"]);

/** Wraps an API object so reading or setting anything it does not model throws. */
function strict<T extends object>(obj: T, label: string): T {
  return new Proxy(obj, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && !(prop in target) && !PASS.has(prop)) {
        throw new Error(`fake Excel: ${label}.${prop} is not modelled (use what the stand-in supports, or model it)`);
      }
      return Reflect.get(target, prop, receiver);
    },
    set(target, prop, value, receiver) {
      if (typeof prop === "string" && !(prop in target)) throw new Error(`fake Excel: cannot set ${label}.${prop} (not modelled)`);
      return Reflect.set(target, prop, value, receiver);
    },
  });
}

function notLoaded(label: string, prop: string): never {
  throw new FakeExcelError(
    "PropertyNotLoaded",
    `The property '${prop}' of ${label} is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`,
  );
}

// ---- the workbook and the official's actions -----------------------------------------------------

export class FakeWorkbook {
  sheets: SheetData[] = [];
  tables: TableData[] = [];
  names: NameData[] = [];
  activeSheet: SheetData | null = null;
  selection: { sheet: string; address: string } | null = null;
  syncs = 0;
  requests: Array<{ bytes: number; operations: number }> = [];
  cellsWritten = 0;
  /** Workbook-name operations (add, delete) the add-in made. */
  nameOps = 0;
  payloadLimit = 5 * 1024 * 1024;
  /** Real Excel behaviours, each switchable; the harsher form is on by default. */
  behaviour = {
    /**
     * AutoCorrect "Fill formulas in tables to create calculated columns" (on by default in Excel):
     * a formula written into a table column that is otherwise empty, or that holds one formula in
     * every row, fills the whole column with the last formula written (office-js #2093, #5909,
     * #6745, #1916); rows added to such a column get its formula.
     */
    calculatedColumns: true,
    /** A write across rows hidden by a filter lands its rows on the visible rows in turn (office-js #224). */
    filteredWritesMisplace: true,
    /** Adding rows to a filtered table is refused (assumed, harsher: the add-in must clear the filter first). */
    filteredRowsAddRefused: true,
    /** NamedItem.visible = false does nothing (office-js #3878, #3949). */
    namesStayVisible: true,
    /** Excel has LAMBDA (Microsoft 365); without it, a name whose formula uses LAMBDA is refused. */
    lambda: false,
    /**
     * "Enable automatic percent entry" (on by default): in a percent-formatted cell a typed 95 is
     * stored as 0.95, as is a typed 95% in any cell. The typing itself is test/excel/helpers.ts
     * typeAsOfficial() over test/support/excel-entry.ts (this file stays free of imports).
     */
    automaticPercentEntry: true,
  };
  private nextId = 1;
  private filterRules = new Map<string, (v: Scalar) => boolean>();

  constructor(sheetNames: string[] = ["Sheet1"]) {
    for (const n of sheetNames) this.addSheet(n);
  }

  /** Runs a batch as Excel.run does: a fresh context, and a final sync of what is still queued. */
  run = async <T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    const context = new FakeContext(this);
    const result = await batch(context as unknown as Excel.RequestContext);
    if (context.pending()) await context.sync();
    return result;
  };

  sheet(name: string): SheetData {
    const s = this.sheets.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!s) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: sheet ${name}.`);
    return s;
  }

  table(name: string): TableData {
    const t = this.tables.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!t) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: table ${name}.`);
    return t;
  }

  addSheet(name: string, first = false): SheetData {
    checkSheetName(name, this.sheets.map((s) => s.name));
    const s = new SheetData(this.nextId++, name);
    if (first) this.sheets.unshift(s);
    else this.sheets.push(s);
    return s;
  }

  checkNewName(name: string, kind: "table" | "name"): void {
    if (!/^[A-Za-z_\\\u4e00-\u9fff][A-Za-z0-9_.\\\u4e00-\u9fff]*$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^[RrCc]$/.test(name) || name.length > 255) {
      throw new FakeExcelError("InvalidArgument", `The ${kind} name ${name} is not valid.`);
    }
    const lower = name.toLowerCase();
    if (this.tables.some((t) => t.name.toLowerCase() === lower) || this.names.some((n) => n.name.toLowerCase() === lower)) {
      throw new FakeExcelError("ItemAlreadyExists", `A table or name called ${name} already exists.`);
    }
  }

  newTableId(): number {
    return this.nextId++;
  }

  // -- the official's actions (as through Excel's user interface) --

  /** The table a mark name points at. */
  markedTable(markName: string): TableData {
    const n = this.names.find((x) => x.name === markName);
    if (!n) throw new Error(`no name ${markName}`);
    const m = /^=?([^\s[\]'!=]+)\[/.exec(n.formula);
    if (m) return this.table(m[1]);
    const sheet = /^=?'?((?:[^'!]|'')+)'?!/.exec(n.formula)?.[1]?.replace(/''/g, "'");
    const t = this.tables.find((x) => x.sheet.name === sheet);
    if (!t) throw new Error(`no table for ${markName}`);
    return t;
  }

  /** Types into a cell of a table body row (0-based body row, header text). */
  type(table: TableData, bodyRow: number, header: string, value: Scalar | null): void {
    const j = table.headers().indexOf(header);
    if (j < 0) throw new Error(`no column ${header} in ${table.name}`);
    const r = table.top + 1 + bodyRow;
    const c = table.left + j;
    const old = table.sheet.get(r, c);
    if (value == null || value === "") table.sheet.set(r, c, old?.numberFormat ? { value: "", numberFormat: old.numberFormat } : undefined);
    else if (typeof value === "string" && value.startsWith("=")) table.sheet.set(r, c, { value: "", formula: value, numberFormat: old?.numberFormat });
    else table.sheet.set(r, c, { value, numberFormat: old?.numberFormat });
  }

  /** Reorders the body rows: row i of the result is the old row order[i] (sort, cut and paste). */
  reorderRows(table: TableData, order: number[]): void {
    // Excel moves a formula with its row: references to the row's own cells follow it.
    const rows = order.map((from) =>
      Array.from({ length: table.width }, (_, j) => table.sheet.get(table.top + 1 + from, table.left + j)),
    );
    rows.forEach((cells, i) =>
      cells.forEach((cell, j) => {
        const moved = cell?.formula ? { ...cell, formula: shiftRows(cell.formula, i - order[i]) } : cell;
        table.sheet.set(table.top + 1 + i, table.left + j, moved);
      }),
    );
  }

  /** Sorts the body by a column as Excel does: numbers, then text, blanks last. */
  sort(table: TableData, header: string, descending = false): void {
    const j = table.headers().indexOf(header);
    const key = (i: number) => table.sheet.value(table.top + 1 + i, table.left + j);
    const rank = (v: Scalar) => (v === "" ? 2 : typeof v === "number" ? 0 : 1);
    const order = Array.from({ length: table.rows }, (_, i) => i).sort((a, b) => {
      const va = key(a);
      const vb = key(b);
      if (rank(va) !== rank(vb)) return rank(va) - rank(vb);
      if (va === "") return 0;
      const c = typeof va === "number" ? (va as number) - (vb as number) : String(va).localeCompare(String(vb));
      return descending ? -c : c;
    });
    this.reorderRows(table, order);
  }

  /** Hides the body rows whose cell in the column fails the test (AutoFilter). */
  filter(table: TableData, header: string, keep: (v: Scalar) => boolean): void {
    if (!table.headers().includes(header)) throw new Error(`no column ${header} in ${table.name}`);
    const id = `stand-in rule ${this.filterRules.size + 1}`;
    this.filterRules.set(id, keep);
    table.filters.set(header, { criteria: { filterOn: "Custom", criterion1: id }, keep });
    applyFilters(table);
  }

  /** Applies criteria handed out by the API (TableColumn.filter.apply). */
  applyCriteria(table: TableData, header: string, criteria: { filterOn?: string; criterion1?: string }): void {
    const keep = criteria.criterion1 != null ? this.filterRules.get(criteria.criterion1) : undefined;
    if (!keep) throw new FakeExcelError("InvalidArgument", `The filter criteria ${JSON.stringify(criteria)} are not valid.`);
    if (!table.headers().includes(header)) throw new FakeExcelError("ItemNotFound", `The requested resource doesn't exist: column ${header}.`);
    table.filters.set(header, { criteria: { filterOn: "Custom", criterion1: criteria.criterion1 as string }, keep });
    applyFilters(table);
  }

  clearFilter(table: TableData): void {
    table.filters.clear();
    applyFilters(table);
  }

  /**
   * The official types in the row below the table: the table grows by that row (cells below it are
   * not moved in this stand-in) and, with calculated columns on, those columns give it their formula.
   */
  addRowByHand(table: TableData, header: string, value: Scalar): void {
    const j = table.headers().indexOf(header);
    if (j < 0) throw new Error(`no column ${header} in ${table.name}`);
    const calculated = Array.from({ length: table.width }, (_, k) => (this.behaviour.calculatedColumns ? calculatedFormula(table, table.left + k) : null));
    table.rows++;
    const r = table.bottom;
    calculated.forEach((f, k) => {
      if (f != null) table.sheet.set(r, table.left + k, { value: "", formula: shiftRows(f, r), numberFormat: table.sheet.get(r - 1, table.left + k)?.numberFormat });
    });
    this.type(table, table.rows - 1, header, value);
  }

  /** Hides a body row by hand (Home → Format → Hide rows), not through a filter. */
  hideRow(table: TableData, bodyRow: number): void {
    table.sheet.manuallyHidden.add(table.top + 1 + bodyRow);
  }

  /** Inserts a table column at index with the header (the official's own column). */
  insertColumn(table: TableData, index: number, header: string): void {
    insertTableColumn(this, table, index, header);
  }

  /** Deletes the table column with this header, as an official would (cells to its right move left). */
  deleteColumn(table: TableData, header: string): void {
    const index = table.headers().indexOf(header);
    if (index < 0) throw new FakeExcelError("InvalidArgument", `no column ${header}`);
    const at = table.left + index;
    const sheet = table.sheet;
    for (let r = table.top; r <= table.bottom; r++) {
      const row = [...sheet.cells.keys()].filter((k) => Number(k.split(",")[0]) === r).map((k) => Number(k.split(",")[1])).filter((c) => c >= at).sort((a, b) => a - b);
      sheet.set(r, at, undefined);
      for (const c of row) {
        if (c === at) continue;
        sheet.set(r, c - 1, sheet.get(r, c));
        sheet.set(r, c, undefined);
      }
    }
    table.width--;
  }

  /** Deletes a sheet and its tables; names that pointed there turn into #REF! as in Excel. */
  deleteSheet(sheet: SheetData): void {
    const gone = this.tables.filter((t) => t.sheet === sheet).map((t) => t.name.toLowerCase());
    this.sheets = this.sheets.filter((s) => s !== sheet);
    this.tables = this.tables.filter((t) => t.sheet !== sheet);
    for (const n of this.names) {
      const table = /^=?([^\s[\]'!=]+)\[/.exec(n.formula)?.[1]?.toLowerCase();
      if ((table && gone.includes(table)) || n.formula.includes(`${sheet.name}'!`) || n.formula.includes(`=${sheet.name}!`)) n.formula = "=#REF!";
    }
  }

  renameSheet(sheet: SheetData, name: string): void {
    checkSheetName(name, this.sheets.filter((s) => s !== sheet).map((s) => s.name));
    const quote = (n: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(n) ? n : `'${n.replace(/'/g, "''")}'`);
    const old = sheet.name;
    sheet.name = name;
    const fix = (f: string) => f.split(`'${old.replace(/'/g, "''")}'!`).join(`${quote(name)}!`).split(`=${old}!`).join(`=${quote(name)}!`);
    for (const n of this.names) n.formula = fix(n.formula);
    for (const s of this.sheets) for (const c of s.cells.values()) if (c.formula) c.formula = fix(c.formula);
  }

  renameTable(table: TableData, name: string): void {
    this.checkNewName(name, "table");
    const old = table.name;
    table.name = name;
    const fix = (f: string) => f.replace(new RegExp(`(^|[^A-Za-z0-9_.])${old.replace(/[.\\]/g, "\\$&")}\\[`, "gi"), `$1${name}[`);
    for (const n of this.names) n.formula = fix(n.formula);
    for (const s of this.sheets) for (const c of s.cells.values()) if (c.formula) c.formula = fix(c.formula);
  }
}

function checkSheetName(name: string, existing: string[]): void {
  if (!name || name.length > 31 || /[[\]:*?/\\]/.test(name) || name.startsWith("'") || name.endsWith("'") || name.toLowerCase() === "history") {
    throw new FakeExcelError("InvalidArgument", `The sheet name "${name}" is not valid: at most 31 characters, none of []:*?/\\.`);
  }
  if (existing.some((n) => n.toLowerCase() === name.toLowerCase())) {
    throw new FakeExcelError("ItemAlreadyExists", `A sheet called "${name}" already exists.`);
  }
}

/** Rows hidden by the table's filters: a row shows when every filtered column keeps its value. */
function applyFilters(table: TableData): void {
  const headers = table.headers();
  for (let i = 0; i < table.rows; i++) {
    const r = table.top + 1 + i;
    const shown = [...table.filters].every(([h, f]) => {
      const j = headers.indexOf(h);
      return j < 0 || f.keep(table.sheet.value(r, table.left + j));
    });
    if (shown) table.sheet.hiddenRows.delete(r);
    else table.sheet.hiddenRows.add(r);
  }
}

// A1 references outside string literals, not part of a name or number (LOG10( or 1E15 are not cells).
const A1_REF = /(?<![A-Za-z0-9_.\]])(\$?[A-Z]{1,3})(\$?)(\d+)(?![\dA-Za-z_.(])/g;

/** Moves a formula by `delta` rows, as copying it down does: relative row numbers change, $-rows stay. */
export function shiftRows(formula: string, delta: number): string {
  return formula
    .split('"')
    .map((part, i) => (i % 2 ? part : part.replace(A1_REF, (_, col: string, abs: string, row: string) => `${col}${abs}${abs ? row : Number(row) + delta}`)))
    .join('"');
}

/** A formula as it is in R1C1 terms at a row (the same text for every row of a calculated column). */
export const relativeFormula = (formula: string, row: number) => shiftRows(formula, -row);

const blankCell = (c: CellData | undefined) => c == null || (c.formula == null && c.value === "");

/** The formula every body row of a table column holds (in R1C1 terms), or null. */
export function calculatedFormula(table: TableData, column: number): string | null {
  let common: string | null = null;
  for (let r = table.top + 1; r <= table.bottom; r++) {
    const f = table.sheet.get(r, column)?.formula;
    if (f == null) return null;
    const rel = relativeFormula(f, r);
    if (common != null && rel !== common) return null;
    common = rel;
  }
  return common;
}

/**
 * Excel's calculated columns after a write into a table's body: per table column the write put a
 * formula in, when the column's other cells (those the write did not set) are all empty or all hold
 * one formula, the whole column becomes a calculated column with the last formula written, cells
 * just written included (office-js #5909, #6745: "set to the bottom most formula"; #1916).
 */
function fillCalculatedColumns(wb: FakeWorkbook, sheet: SheetData, box: Box, set: (r: number, c: number) => boolean): void {
  if (!wb.behaviour.calculatedColumns) return;
  for (const table of wb.tables) {
    if (table.sheet !== sheet || table.rows === 0) continue;
    const r1 = Math.max(box.r1, table.top + 1);
    const r2 = Math.min(box.r2, table.bottom);
    if (r1 > r2) continue;
    for (let c = Math.max(box.c1, table.left); c <= Math.min(box.c2, table.right); c++) {
      let last: { r: number; formula: string } | null = null;
      for (let r = r1; r <= r2; r++) {
        const f = set(r, c) ? sheet.get(r, c)?.formula : undefined;
        if (f != null) last = { r, formula: f };
      }
      if (!last) continue;
      const others: number[] = [];
      for (let r = table.top + 1; r <= table.bottom; r++) if (!(r >= box.r1 && r <= box.r2 && set(r, c))) others.push(r);
      const rels = new Set(others.map((r) => {
        const cell = sheet.get(r, c);
        return blankCell(cell) ? "" : cell?.formula != null ? relativeFormula(cell.formula, r) : "\u0000value";
      }));
      rels.delete("");
      if (rels.size > 1 || rels.has("\u0000value")) continue;
      const rel = relativeFormula(last.formula, last.r);
      for (let r = table.top + 1; r <= table.bottom; r++) {
        const old = sheet.get(r, c);
        sheet.set(r, c, { value: "", formula: shiftRows(rel, r), numberFormat: old?.numberFormat });
      }
    }
  }
}

/** Excel's TableColumnCollection.add: cells of the table's rows from that column on shift right. */
function insertTableColumn(wb: FakeWorkbook, table: TableData, index: number, header: string): void {
  if (index < 0 || index > table.width) throw new FakeExcelError("InvalidArgument", `column index ${index} is outside the table`);
  const at = table.left + index;
  const sheet = table.sheet;
  for (let r = table.top; r <= table.bottom; r++) {
    const row = [...sheet.cells.keys()].filter((k) => Number(k.split(",")[0]) === r).map((k) => Number(k.split(",")[1])).filter((c) => c >= at).sort((a, b) => b - a);
    for (const c of row) {
      sheet.set(r, c + 1, sheet.get(r, c));
      sheet.set(r, c, undefined);
    }
  }
  const taken = new Set(table.headers().map((h) => h.toLowerCase()));
  let name = header;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${header}${n}`;
  table.width++;
  sheet.set(table.top, at, { value: name });
  void wb;
}

// ---- the request context and API objects ---------------------------------------------------------

class FakeContext {
  private queue: Array<{ run: () => void; bytes: number }> = [];
  readonly workbook: WorkbookApi;
  readonly application: ApplicationApi;
  constructor(readonly wb: FakeWorkbook) {
    this.workbook = strict(new WorkbookApi(this), "Workbook");
    this.application = strict(new ApplicationApi(this), "Application");
    return strict(this, "RequestContext");
  }
  enqueue(run: () => void, payload: unknown = null): void {
    this.queue.push({ run, bytes: 120 + utf8Bytes(payload) });
  }
  pending(): boolean {
    return this.queue.length > 0;
  }
  async sync(): Promise<void> {
    const queue = this.queue;
    this.queue = [];
    const bytes = queue.reduce((n, q) => n + q.bytes, 0);
    this.wb.syncs++;
    this.wb.requests.push({ bytes, operations: queue.length });
    if (bytes > this.wb.payloadLimit) {
      throw new FakeExcelError("RequestPayloadSizeLimitExceeded", `The request payload size (${bytes} bytes) has exceeded the limit.`);
    }
    for (const q of queue) q.run();
  }
}

class ApplicationApi {
  suspended = { calculation: false, screen: false };
  constructor(private readonly ctx: FakeContext) {}
  suspendApiCalculationUntilNextSync(): void {
    this.ctx.enqueue(() => (this.suspended.calculation = true));
  }
  suspendScreenUpdatingUntilNextSync(): void {
    this.ctx.enqueue(() => (this.suspended.screen = true));
  }
}

/** Parses a load argument into property paths. */
function paths(props?: string | string[]): string[] {
  if (props == null) return [];
  return (Array.isArray(props) ? props : props.split(",")).map((p) => p.trim()).filter(Boolean);
}

abstract class ApiObject {
  protected loaded = new Map<string, unknown>();
  constructor(
    protected readonly ctx: FakeContext,
    protected readonly label: string,
  ) {}
  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) notLoaded(this.label, prop);
    return this.loaded.get(prop) as T;
  }
  /** Values of the loadable properties, read at the moment the load runs. */
  protected abstract snapshot(prop: string): unknown;
  load(props?: string | string[]): this {
    const list = paths(props);
    this.ctx.enqueue(() => {
      for (const p of list) this.loaded.set(p, this.snapshot(p));
    });
    return this;
  }
}

class WorkbookApi {
  readonly names: NamesApi;
  readonly worksheets: WorksheetsApi;
  readonly tables: TablesApi;
  constructor(ctx: FakeContext) {
    this.names = strict(new NamesApi(ctx), "NamedItemCollection");
    this.worksheets = strict(new WorksheetsApi(ctx), "WorksheetCollection");
    this.tables = strict(new TablesApi(ctx, null), "TableCollection");
  }
}

class NamesApi extends ApiObject {
  constructor(ctx: FakeContext) {
    super(ctx, "NamedItemCollection");
  }
  protected snapshot(): unknown {
    return null;
  }
  get items(): NamedItemApi[] {
    return this.read("items");
  }
  override load(props?: string | string[]): this {
    const list = paths(props);
    for (const p of list) if (!/^items\/(name|type|formula|visible)$/.test(p)) throw new FakeExcelError("InvalidArgument", `cannot load ${p}`);
    this.ctx.enqueue(() => {
      this.loaded.set(
        "items",
        this.ctx.wb.names.map((n) => {
          const item = new NamedItemApi(this.ctx, () => n);
          for (const p of list) item.preload(p.slice("items/".length));
          return strict(item, "NamedItem");
        }),
      );
    });
    return this;
  }
  add(name: string, reference: string): NamedItemApi {
    let made: NameData | null = null;
    this.ctx.enqueue(() => {
      this.ctx.wb.checkNewName(name, "name");
      if (/\bLAMBDA\(/i.test(reference) && !this.ctx.wb.behaviour.lambda) {
        throw new FakeExcelError("InvalidArgument", `The formula ${reference.slice(0, 40)}… is not valid (this Excel has no LAMBDA).`);
      }
      this.ctx.wb.nameOps++;
      made = { name, formula: reference.startsWith("=") ? reference : `=${reference}`, visible: true };
      checkFormulaRefs(this.ctx.wb, made.formula, null);
      this.ctx.wb.names.push(made);
    }, [name, reference]);
    return strict(new NamedItemApi(this.ctx, () => made ?? fail("ItemNotFound", `name ${name}`)), "NamedItem");
  }
  getItem(name: string): NamedItemApi {
    return strict(
      new NamedItemApi(this.ctx, () => this.ctx.wb.names.find((n) => n.name.toLowerCase() === name.toLowerCase()) ?? fail("ItemNotFound", `name ${name}`)),
      "NamedItem",
    );
  }
}

function fail(code: string, what: string): never {
  throw new FakeExcelError(code, `The requested resource doesn't exist: ${what}.`);
}

/** Excel's NamedItem.type: a reference that still resolves is a Range; a broken one an Error. */
function nameType(wb: FakeWorkbook, n: NameData): string {
  const table = /^=?([^\s[\]'!=]+)\[/.exec(n.formula)?.[1];
  if (table) return wb.tables.some((t) => t.name.toLowerCase() === table.toLowerCase()) ? "Range" : "Error";
  if (n.formula.includes("#REF!")) return "Error";
  const sheet = /^=?(?:'((?:[^']|'')+)'|([^'!]+))!/.exec(n.formula);
  if (sheet) return wb.sheets.some((s) => s.name === (sheet[1]?.replace(/''/g, "'") ?? sheet[2])) ? "Range" : "Error";
  return "String";
}

class NamedItemApi extends ApiObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => NameData,
  ) {
    super(ctx, "NamedItem");
  }
  preload(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }
  protected snapshot(prop: string): unknown {
    const n = this.resolve();
    if (prop === "type") return nameType(this.ctx.wb, n);
    if (prop === "name" || prop === "formula" || prop === "visible") return n[prop];
    throw new FakeExcelError("InvalidArgument", `cannot load ${prop}`);
  }
  get name(): string {
    return this.read("name");
  }
  get type(): string {
    return this.read("type");
  }
  get formula(): string {
    return this.read("formula");
  }
  set formula(f: string) {
    this.ctx.enqueue(() => {
      if (/\bLAMBDA\(/i.test(f) && !this.ctx.wb.behaviour.lambda) throw new FakeExcelError("InvalidArgument", `The formula ${f.slice(0, 40)}… is not valid (this Excel has no LAMBDA).`);
      this.resolve().formula = f.startsWith("=") ? f : `=${f}`;
    }, f);
  }
  get visible(): boolean {
    return this.read("visible");
  }
  set visible(v: boolean) {
    this.ctx.enqueue(() => {
      const n = this.resolve();
      // office-js #3878, #3949: on some builds hiding a name does nothing.
      if (!this.ctx.wb.behaviour.namesStayVisible) n.visible = v;
    });
  }
  delete(): void {
    this.ctx.enqueue(() => {
      const n = this.resolve();
      this.ctx.wb.nameOps++;
      this.ctx.wb.names = this.ctx.wb.names.filter((x) => x !== n);
    });
  }
}

class WorksheetsApi extends ApiObject {
  constructor(ctx: FakeContext) {
    super(ctx, "WorksheetCollection");
  }
  protected snapshot(): unknown {
    return null;
  }
  get items(): WorksheetApi[] {
    return this.read("items");
  }
  override load(props?: string | string[]): this {
    const list = paths(props);
    for (const p of list) if (p !== "items/name") throw new FakeExcelError("InvalidArgument", `cannot load ${p}`);
    this.ctx.enqueue(() => {
      this.loaded.set(
        "items",
        this.ctx.wb.sheets.map((s) => {
          const ws = new WorksheetApi(this.ctx, () => s);
          if (list.length) ws.preload("name");
          return strict(ws, "Worksheet");
        }),
      );
    });
    return this;
  }
  add(name: string): WorksheetApi {
    let made: SheetData | null = null;
    this.ctx.enqueue(() => (made = this.ctx.wb.addSheet(name)), name);
    return strict(new WorksheetApi(this.ctx, () => made ?? fail("ItemNotFound", `sheet ${name}`)), "Worksheet");
  }
  getItem(name: string): WorksheetApi {
    return strict(new WorksheetApi(this.ctx, () => this.ctx.wb.sheet(name)), "Worksheet");
  }
}

class WorksheetApi extends ApiObject {
  readonly tables: TablesApi;
  readonly freezePanes: { freezeAt(range: string | RangeApi): void };
  readonly charts: ChartsApi;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => SheetData,
  ) {
    super(ctx, "Worksheet");
    this.tables = strict(new TablesApi(ctx, resolve), "TableCollection");
    this.freezePanes = strict(
      {
        freezeAt: (range: string | RangeApi) => {
          ctx.enqueue(() => {
            const s = resolve();
            s.frozen = typeof range === "string" ? boxAddress(parseAddress(range)) : boxAddress(range.box());
          });
        },
      },
      "WorksheetFreezePanes",
    );
    this.charts = strict(new ChartsApi(ctx, resolve), "ChartCollection");
  }
  preload(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }
  protected snapshot(prop: string): unknown {
    if (prop === "name") return this.resolve().name;
    throw new FakeExcelError("InvalidArgument", `cannot load ${prop}`);
  }
  get name(): string {
    return this.read("name");
  }
  set position(index: number) {
    this.ctx.enqueue(() => {
      const s = this.resolve();
      const wb = this.ctx.wb;
      wb.sheets = wb.sheets.filter((x) => x !== s);
      wb.sheets.splice(index, 0, s);
    });
  }
  get position(): number {
    return this.read("position");
  }
  getRange(address: string): RangeApi {
    const box = parseAddress(address);
    return strict(new RangeApi(this.ctx, () => ({ sheet: this.resolve(), box })), "Range");
  }
  activate(): void {
    this.ctx.enqueue(() => (this.ctx.wb.activeSheet = this.resolve()));
  }
}

class ChartsApi extends ApiObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: () => SheetData,
  ) {
    super(ctx, "ChartCollection");
  }
  protected snapshot(): unknown {
    return null;
  }
  get items(): Array<{ name: string }> {
    return this.read("items");
  }
  override load(props?: string | string[]): this {
    const list = paths(props);
    for (const p of list) if (p !== "items/name") throw new FakeExcelError("InvalidArgument", `cannot load ${p}`);
    this.ctx.enqueue(() => this.loaded.set("items", this.sheet().charts.map((c) => ({ name: c.name }))));
    return this;
  }
  add(type: string, source: RangeApi, seriesBy: string): ChartApi {
    const chart: ChartData = { name: `Chart ${Math.random().toString(36).slice(2, 6)}`, type, source: "" };
    this.ctx.enqueue(() => {
      if (seriesBy !== "Columns" && seriesBy !== "Rows" && seriesBy !== "Auto") throw new FakeExcelError("InvalidArgument", `seriesBy ${seriesBy}`);
      chart.source = boxAddress(source.box());
      this.sheet().charts.push(chart);
    });
    return strict(new ChartApi(this.ctx, () => chart), "Chart");
  }
  getItem(name: string): ChartApi {
    return strict(new ChartApi(this.ctx, () => this.sheet().charts.find((c) => c.name === name) ?? fail("ItemNotFound", `chart ${name}`)), "Chart");
  }
}

class ChartApi {
  readonly title: { text: string };
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => ChartData,
  ) {
    const enqueue = (t: string) => ctx.enqueue(() => (resolve().title = t));
    this.title = strict(
      {
        set text(t: string) {
          enqueue(t);
        },
        get text(): string {
          return notLoaded("ChartTitle", "text");
        },
      },
      "ChartTitle",
    );
  }
  set name(n: string) {
    this.ctx.enqueue(() => (this.resolve().name = n));
  }
  get name(): string {
    return notLoaded("Chart", "name");
  }
  setData(source: RangeApi, seriesBy: string): void {
    this.ctx.enqueue(() => {
      void seriesBy;
      this.resolve().source = boxAddress(source.box());
    });
  }
  setPosition(cell: string): void {
    this.ctx.enqueue(() => (this.resolve().position = cell));
  }
}

class TablesApi extends ApiObject {
  constructor(
    ctx: FakeContext,
    private readonly sheet: (() => SheetData) | null,
  ) {
    super(ctx, "TableCollection");
  }
  protected snapshot(): unknown {
    return null;
  }
  get items(): TableApi[] {
    return this.read("items");
  }
  override load(props?: string | string[]): this {
    const list = paths(props);
    for (const p of list) if (!/^items\/(name|worksheet\/name)$/.test(p)) throw new FakeExcelError("InvalidArgument", `cannot load ${p}`);
    this.ctx.enqueue(() => {
      const all = this.ctx.wb.tables.filter((t) => !this.sheet || t.sheet === this.sheet());
      this.loaded.set(
        "items",
        all.map((t) => {
          const api = new TableApi(this.ctx, () => t);
          for (const p of list) api.preload(p.slice("items/".length));
          return strict(api, "Table");
        }),
      );
    });
    return this;
  }
  add(address: string, hasHeaders: boolean): TableApi {
    if (!this.sheet) throw new Error("fake Excel: workbook.tables.add with a sheet-qualified address is not modelled; use worksheet.tables.add");
    const sheetOf = this.sheet;
    let made: TableData | null = null;
    this.ctx.enqueue(() => {
      const wb = this.ctx.wb;
      const sheet = sheetOf();
      const box = parseAddress(address);
      if (!hasHeaders) throw new Error("fake Excel: tables without headers are not modelled");
      for (const t of wb.tables) {
        if (t.sheet === sheet && overlaps(box, { r1: t.top, c1: t.left, r2: t.bottom, c2: t.right })) {
          throw new FakeExcelError("InvalidArgument", "A table can't overlap another table.");
        }
      }
      let n = 1;
      while (wb.tables.some((t) => t.name === `Table${n}`) || wb.names.some((x) => x.name === `Table${n}`)) n++;
      made = new TableData(wb.newTableId(), `Table${n}`, sheet, box.r1, box.c1, box.c2 - box.c1 + 1, box.r2 - box.r1);
      // Headers: empty ones become Column1…, repeated ones get a number, as Excel does.
      const seen = new Set<string>();
      for (let j = 0; j < made.width; j++) {
        let h = String(sheet.value(box.r1, box.c1 + j)).trim() || `Column${j + 1}`;
        const base = h;
        for (let k = 2; seen.has(h.toLowerCase()); k++) h = `${base}${k}`;
        seen.add(h.toLowerCase());
        sheet.set(box.r1, box.c1 + j, { ...(sheet.get(box.r1, box.c1 + j) ?? {}), value: h, formula: undefined });
      }
      wb.tables.push(made);
    }, address);
    return strict(new TableApi(this.ctx, () => made ?? fail("ItemNotFound", "table")), "Table");
  }
  getItem(name: string): TableApi {
    return strict(new TableApi(this.ctx, () => this.ctx.wb.table(name)), "Table");
  }
}

class TableApi extends ApiObject {
  readonly rows: { add(index: number | null | undefined, values?: Scalar[][]): void };
  readonly columns: {
    add(index: number | null | undefined, values?: Scalar[][], name?: string): void;
    getItem(name: string): { filter: { apply(criteria: unknown): void } };
  };
  readonly autoFilter: AutoFilterApi;
  constructor(
    ctx: FakeContext,
    readonly resolve: () => TableData,
  ) {
    super(ctx, "Table");
    this.rows = strict(
      {
        add: (index: number | null | undefined, values?: Scalar[][]) => {
          ctx.enqueue(() => {
            const t = resolve();
            if (index != null && index !== -1 && index !== t.rows) throw new Error("fake Excel: inserting rows inside a table is not modelled");
            const data = values ?? [new Array(t.width).fill("")];
            if (data.some((r) => r.length !== t.width)) {
              throw new FakeExcelError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size or dimensions of the range.");
            }
            const k = data.length;
            const sheet = t.sheet;
            const wb = ctx.wb;
            if (wb.behaviour.filteredRowsAddRefused && t.filters.size > 0) {
              throw new FakeExcelError("InvalidOperation", "This operation is not permitted because the table is filtered.");
            }
            // Columns that are calculated columns now give their formula to the new rows.
            const calculated = Array.from({ length: t.width }, (_, j) => (wb.behaviour.calculatedColumns ? calculatedFormula(t, t.left + j) : null));
            // Cells below the table, in its columns, move down to make room.
            const below = [...sheet.cells.keys()]
              .map((key) => key.split(",").map(Number))
              .filter(([r, c]) => r > t.bottom && c >= t.left && c <= t.right)
              .sort((a, b) => b[0] - a[0]);
            for (const [r, c] of below) {
              sheet.set(r + k, c, sheet.get(r, c));
              sheet.set(r, c, undefined);
            }
            const first = t.bottom + 1;
            t.rows += k;
            data.forEach((row, i) =>
              row.forEach((v, j) => {
                const f = calculated[j];
                if ((v == null || v === "") && f != null) sheet.set(first + i, t.left + j, { value: "", formula: shiftRows(f, first + i) });
                else writeCell(wb, sheet, first + i, t.left + j, v, "formulas");
              }),
            );
            const box = { r1: first, c1: t.left, r2: t.bottom, c2: t.right };
            fillCalculatedColumns(wb, sheet, box, (r, c) => data[r - first]?.[c - t.left] != null);
            wb.cellsWritten += k * t.width;
          }, values);
        },
      },
      "TableRowCollection",
    );
    this.columns = strict(
      {
        add: (index: number | null | undefined, values?: Scalar[][], name?: string) => {
          ctx.enqueue(() => {
            if (values != null) throw new Error("fake Excel: column values on add are not modelled");
            const t = resolve();
            insertTableColumn(ctx.wb, t, index == null || index === -1 ? t.width : index, name ?? `Column${t.width + 1}`);
          }, name);
        },
        getItem: (name: string) =>
          strict(
            {
              filter: strict(
                {
                  apply: (criteria: unknown) => {
                    ctx.enqueue(() => ctx.wb.applyCriteria(resolve(), name, criteria as { criterion1?: string }), criteria);
                  },
                },
                "Filter",
              ),
            },
            "TableColumn",
          ),
      },
      "TableColumnCollection",
    );
    this.autoFilter = strict(new AutoFilterApi(ctx, resolve), "AutoFilter");
  }
  /** Table.clearFilters: every row shows; the filter buttons stay. */
  clearFilters(): void {
    this.ctx.enqueue(() => this.ctx.wb.clearFilter(this.resolve()));
  }
  preload(prop: string): void {
    this.loaded.set(prop, this.snapshot(prop));
  }
  protected snapshot(prop: string): unknown {
    const t = this.resolve();
    if (prop === "name") return t.name;
    if (prop === "worksheet/name") {
      const ws = new WorksheetApi(this.ctx, () => t.sheet);
      ws.preload("name");
      return strict(ws, "Worksheet");
    }
    throw new FakeExcelError("InvalidArgument", `cannot load ${prop}`);
  }
  get name(): string {
    return this.read("name");
  }
  set name(n: string) {
    this.ctx.enqueue(() => {
      const t = this.resolve();
      if (t.name === n) return;
      this.ctx.wb.checkNewName(n, "table");
      t.name = n;
    }, n);
  }
  set style(s: string) {
    this.ctx.enqueue(() => (this.resolve().style = s));
  }
  get style(): string {
    return this.read("style");
  }
  get worksheet(): WorksheetApi {
    return this.read("worksheet/name");
  }
  private range(part: "all" | "header" | "body"): RangeApi {
    return strict(
      new RangeApi(this.ctx, () => {
        const t = this.resolve();
        const r1 = part === "body" ? t.top + 1 : t.top;
        const r2 = part === "header" ? t.top : t.bottom;
        return { sheet: t.sheet, box: { r1, c1: t.left, r2, c2: t.right } };
      }),
      "Range",
    );
  }
  getRange(): RangeApi {
    return this.range("all");
  }
  getHeaderRowRange(): RangeApi {
    return this.range("header");
  }
  getDataBodyRange(): RangeApi {
    return this.range("body");
  }
}

class AutoFilterApi extends ApiObject {
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => TableData,
  ) {
    super(ctx, "AutoFilter");
  }
  protected snapshot(prop: string): unknown {
    const t = this.resolve();
    if (prop === "isDataFiltered") return t.filters.size > 0;
    if (prop === "enabled") return true;
    // One entry per column of the table; a column without a filter has no filterOn.
    if (prop === "criteria") return t.headers().map((h) => ({ ...(t.filters.get(h)?.criteria ?? {}) }));
    throw new FakeExcelError("InvalidArgument", `cannot load AutoFilter.${prop}`);
  }
  get isDataFiltered(): boolean {
    return this.read("isDataFiltered");
  }
  get enabled(): boolean {
    return this.read("enabled");
  }
  get criteria(): Array<{ filterOn?: string }> {
    return this.read("criteria");
  }
}

/** Writes one cell as Excel does for a value typed through the API. */
function writeCell(wb: FakeWorkbook, sheet: SheetData, r: number, c: number, v: Scalar | null, kind: "formulas" | "values" | "numberFormat"): void {
  if (v === null || v === undefined) return;
  const old = sheet.get(r, c);
  if (kind === "numberFormat") {
    sheet.set(r, c, { value: old?.value ?? "", formula: old?.formula, numberFormat: String(v) });
    return;
  }
  if (typeof v === "string" && v.startsWith("=")) {
    checkFormulaRefs(wb, v, { sheet, r, c });
    sheet.set(r, c, { value: "", formula: v, numberFormat: old?.numberFormat });
  } else if (typeof v === "string" && v.startsWith("'")) sheet.set(r, c, { value: v.slice(1), numberFormat: old?.numberFormat });
  else sheet.set(r, c, { value: v, numberFormat: old?.numberFormat });
}

/** Structured references must name a table that exists and headers it has (else Excel refuses the formula). */
function checkFormulaRefs(wb: FakeWorkbook, formula: string, at: { sheet: SheetData; r: number; c: number } | null): void {
  const unescape = (h: string) => h.replace(/'(.)/g, "$1");
  const thisRow = /\[@\[((?:[^\]']|'.)+)\](?::\[((?:[^\]']|'.)+)\])?\]/g;
  let m: RegExpExecArray | null;
  while ((m = thisRow.exec(formula))) {
    const table = at && wb.tables.find((t) => t.sheet === at.sheet && at.r > t.top && at.r <= t.bottom && at.c >= t.left && at.c <= t.right);
    if (!table) throw new FakeExcelError("InvalidArgument", `The formula ${formula.slice(0, 60)}… uses [@…] outside a table.`);
    for (const h of [m[1], m[2]].filter(Boolean)) {
      if (!table.headers().includes(unescape(h as string))) throw new FakeExcelError("InvalidArgument", `The table ${table.name} has no column "${unescape(h as string)}".`);
    }
  }
  const named = /(?:^|[^A-Za-z0-9_.\]\u4e00-\u9fff])([A-Za-z_\u4e00-\u9fff][A-Za-z0-9_.\u4e00-\u9fff]*)\[(?!@)((?:[^\]']|'.)*)\]/g;
  while ((m = named.exec(formula))) {
    const table = wb.tables.find((t) => t.name.toLowerCase() === m![1].toLowerCase());
    if (!table) throw new FakeExcelError("InvalidArgument", `The formula refers to a table ${m[1]} that does not exist.`);
    const spec = m[2];
    if (spec.startsWith("#")) continue;
    if (!table.headers().includes(unescape(spec))) throw new FakeExcelError("InvalidArgument", `The table ${table.name} has no column "${unescape(spec)}".`);
  }
}

interface Resolved {
  sheet: SheetData;
  box: Box;
}

class RangeApi extends ApiObject {
  readonly format: RangeFormatApi;
  readonly conditionalFormats: ConditionalFormatsApi;
  readonly dataValidation: DataValidationApi;
  constructor(
    ctx: FakeContext,
    private readonly resolve: () => Resolved,
  ) {
    super(ctx, "Range");
    this.format = strict(new RangeFormatApi(ctx, resolve), "RangeFormat");
    this.conditionalFormats = strict(new ConditionalFormatsApi(ctx, resolve), "ConditionalFormatCollection");
    this.dataValidation = strict(new DataValidationApi(ctx, resolve), "DataValidation");
  }
  box(): Box {
    return this.resolve().box;
  }
  protected snapshot(prop: string): unknown {
    const { sheet, box } = this.resolve();
    const grid = <T>(f: (r: number, c: number) => T): T[][] =>
      Array.from({ length: box.r2 - box.r1 + 1 }, (_, i) => Array.from({ length: box.c2 - box.c1 + 1 }, (_, j) => f(box.r1 + i, box.c1 + j)));
    switch (prop) {
      case "values":
        return grid((r, c) => sheet.value(r, c));
      case "formulas":
        return grid((r, c) => sheet.get(r, c)?.formula ?? sheet.value(r, c));
      case "numberFormat":
        return grid((r, c) => sheet.get(r, c)?.numberFormat ?? "General");
      case "rowIndex":
        return box.r1;
      case "columnIndex":
        return box.c1;
      case "rowCount":
        return box.r2 - box.r1 + 1;
      case "columnCount":
        return box.c2 - box.c1 + 1;
      case "address":
        return `${sheet.name.includes(" ") ? `'${sheet.name}'` : sheet.name}!${boxAddress(box)}`;
      default:
        throw new FakeExcelError("InvalidArgument", `cannot load Range.${prop} in the stand-in`);
    }
  }
  get values(): Scalar[][] {
    return this.read("values");
  }
  get formulas(): Scalar[][] {
    return this.read("formulas");
  }
  get numberFormat(): string[][] {
    return this.read("numberFormat");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  get address(): string {
    return this.read("address");
  }
  private write(kind: "values" | "formulas" | "numberFormat", data: Array<Array<Scalar | null>>): void {
    const copy = data.map((r) => [...r]);
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      const rows = box.r2 - box.r1 + 1;
      const cols = box.c2 - box.c1 + 1;
      if (copy.length !== rows || copy.some((r) => r.length !== cols)) {
        throw new FakeExcelError(
          "InvalidArgument",
          `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${copy.length}×${copy[0]?.length ?? 0} for ${rows}×${cols}).`,
        );
      }
      const wb = this.ctx.wb;
      // office-js #224: across rows hidden by a filter, the data's rows land on the visible rows in turn.
      let rowOf = (i: number): number | null => box.r1 + i;
      const sheetRows = Array.from({ length: rows }, (_, i) => box.r1 + i);
      if (wb.behaviour.filteredWritesMisplace && rows > 1 && sheetRows.some((r) => sheet.hiddenRows.has(r))) {
        const visible = sheetRows.filter((r) => !sheet.hiddenRows.has(r));
        rowOf = (i) => visible[i] ?? null;
      }
      const written = new Set<string>();
      copy.forEach((row, i) => {
        const r = rowOf(i);
        if (r == null) return;
        row.forEach((v, j) => {
          writeCell(wb, sheet, r, box.c1 + j, v, kind);
          if (v != null) written.add(`${r},${box.c1 + j}`);
        });
      });
      if (kind !== "numberFormat") fillCalculatedColumns(wb, sheet, box, (r, c) => written.has(`${r},${c}`));
      wb.cellsWritten += rows * cols;
    }, copy);
  }
  /** Range.columnHidden: setting it hides (or shows) every column the range touches, whatever its rows. */
  set columnHidden(hidden: boolean) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      for (let c = box.c1; c <= box.c2; c++) {
        if (hidden) sheet.hiddenColumns.add(c);
        else sheet.hiddenColumns.delete(c);
      }
    });
  }
  set values(data: Array<Array<Scalar | null>>) {
    this.write("values", data);
  }
  set formulas(data: Array<Array<Scalar | null>>) {
    this.write("formulas", data);
  }
  set numberFormat(data: Array<Array<Scalar | null>>) {
    this.write("numberFormat", data);
  }
  clear(applyTo?: string): void {
    this.ctx.enqueue(() => {
      if (applyTo !== "Contents") throw new Error(`fake Excel: clear(${applyTo}) is not modelled`);
      const { sheet, box } = this.resolve();
      for (let r = box.r1; r <= box.r2; r++) {
        for (let c = box.c1; c <= box.c2; c++) {
          const old = sheet.get(r, c);
          sheet.set(r, c, old?.numberFormat ? { value: "", numberFormat: old.numberFormat } : undefined);
        }
      }
    });
  }
  select(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      this.ctx.wb.selection = { sheet: sheet.name, address: boxAddress(box) };
    });
  }
}

class RangeFormatApi {
  readonly font: Record<string, unknown>;
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Resolved,
  ) {
    const style = (key: string, v: unknown) =>
      ctx.enqueue(() => {
        const { sheet, box } = resolve();
        const a = boxAddress(box);
        sheet.styles.set(a, { ...(sheet.styles.get(a) ?? {}), [key]: v });
      });
    this.font = strict(
      {
        set bold(v: boolean) {
          style("bold", v);
        },
        set italic(v: boolean) {
          style("italic", v);
        },
        set size(v: number) {
          style("size", v);
        },
        set color(v: string) {
          style("color", v);
        },
      },
      "RangeFont",
    );
  }
  set wrapText(v: boolean) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      sheet.styles.set(boxAddress(box), { ...(sheet.styles.get(boxAddress(box)) ?? {}), wrap: v });
    });
  }
  set columnWidth(points: number) {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      for (let c = box.c1; c <= box.c2; c++) sheet.columnWidths.set(c, points);
    });
  }
  set rowHeight(points: number) {
    this.ctx.enqueue(() => void points);
  }
}

class ConditionalFormatsApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Resolved,
  ) {}
  clearAll(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      sheet.conditionalFormats = sheet.conditionalFormats.filter((cf) => !overlaps(parseAddress(cf.address), box));
    });
  }
  add(type: string): Record<string, unknown> {
    if (type !== "DataBar" && type !== "CellValue") throw new Error(`fake Excel: conditional format ${type} is not modelled`);
    const rule: Record<string, unknown> = { type };
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      sheet.conditionalFormats.push({ address: boxAddress(box), rules: [rule] });
    });
    const record = (path: string) => (v: unknown) => this.ctx.enqueue(() => (rule[path] = v));
    if (type === "DataBar") {
      return strict(
        {
          dataBar: strict(
            {
              set lowerBoundRule(v: unknown) {
                record("lower")(v);
              },
              set upperBoundRule(v: unknown) {
                record("upper")(v);
              },
              positiveFormat: strict(
                {
                  set fillColor(v: string) {
                    record("fill")(v);
                  },
                },
                "ConditionalDataBarPositiveFormat",
              ),
            },
            "DataBarConditionalFormat",
          ),
        },
        "ConditionalFormat",
      );
    }
    return strict(
      {
        cellValue: strict(
          {
            format: strict(
              {
                fill: strict(
                  {
                    set color(v: string) {
                      record("fill")(v);
                    },
                  },
                  "ConditionalRangeFill",
                ),
                font: strict(
                  {
                    set color(v: string) {
                      record("font")(v);
                    },
                  },
                  "ConditionalRangeFont",
                ),
              },
              "ConditionalRangeFormat",
            ),
            set rule(v: { formula1: string; operator: string }) {
              record("rule")(v);
            },
          },
          "CellValueConditionalFormat",
        ),
      },
      "ConditionalFormat",
    );
  }
}

class DataValidationApi {
  constructor(
    private readonly ctx: FakeContext,
    private readonly resolve: () => Resolved,
  ) {}
  private set(key: string, v: unknown): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      const a = boxAddress(box);
      sheet.validations.set(a, { ...((sheet.validations.get(a) as object) ?? {}), [key]: v });
    });
  }
  clear(): void {
    this.ctx.enqueue(() => {
      const { sheet, box } = this.resolve();
      for (const a of [...sheet.validations.keys()]) if (overlaps(parseAddress(a), box)) sheet.validations.delete(a);
    });
  }
  set rule(v: unknown) {
    this.set("rule", v);
  }
  set ignoreBlanks(v: boolean) {
    this.set("ignoreBlanks", v);
  }
  set prompt(v: unknown) {
    this.set("prompt", v);
  }
  set errorAlert(v: unknown) {
    this.set("errorAlert", v);
  }
}
