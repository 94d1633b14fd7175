/**
 * Actuals from a CSV file (columns id,year,value; one actual a row), for `npm run workbook
 * -- --actuals FILE.csv`. Every row that cannot be used is reported with its line, in Chinese and
 * English; nothing is dropped silently and no number is read as another: a comma that is not a
 * thousands separator, or a column too many, is an error rather than a guess.
 * Runs in Node and in the browser (TextDecoder only).
 */
import type { Catalog } from "../core/catalog/catalog";
import type { Plan } from "../core/catalog/schema";
import { cellNumber, excerpt, writtenYear } from "../core/method/input";
import { MethodError, type Observation, planBaseline } from "../core/method/method";
import { planYears } from "./model";

export interface ActualRow {
  id: string;
  year: number;
  value: number;
  /** The file's line, for messages about the row after parsing. */
  line?: number;
}

export interface ActualsCsvResult {
  rows: ActualRow[];
  /** The first MAX_PROBLEMS problems, then one line counting the rest. */
  problems: string[];
  /** Every problem, listed or not. */
  problemCount: number;
  /** How the file was read where that is not plain UTF-8 and commas (not problems). */
  notes: string[];
  /** Rows that were read and are written, but that the method will not count (not problems). */
  warnings: string[];
}

/** Problem lines listed in full; the rest are counted. */
export const MAX_PROBLEMS = 50;

const HEADERS: Record<string, "id" | "year" | "value"> = {
  id: "id",
  编号: "id",
  指标编号: "id",
  year: "year",
  年份: "year",
  年: "year",
  value: "value",
  实际值: "value",
  实际: "value",
};

export type CsvEncoding = "UTF-8" | "UTF-16LE" | "UTF-16BE" | "GBK";

/**
 * Text from a file's bytes: a BOM says UTF-8 or UTF-16 (Excel's "Unicode text" is UTF-16LE with a
 * BOM); UTF-16 without one shows as NUL bytes in every other place; bytes that are not valid UTF-8
 * are GBK, as Chinese Excel saves "CSV (逗号分隔)" (decoded as GB18030, its superset).
 */
export function decodeCsvBytes(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  const decode = (label: string, b: Uint8Array, fatal = false) => new TextDecoder(label, { fatal, ignoreBOM: false }).decode(b);
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: decode("utf-16le", bytes), encoding: "UTF-16LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: decode("utf-16be", bytes), encoding: "UTF-16BE" };
  const head = bytes.subarray(0, 512);
  let evenNul = 0;
  let oddNul = 0;
  head.forEach((b, i) => {
    if (b === 0) {
      if (i % 2) oddNul++;
      else evenNul++;
    }
  });
  if (oddNul + evenNul > head.length / 4) {
    return oddNul >= evenNul ? { text: decode("utf-16le", bytes), encoding: "UTF-16LE" } : { text: decode("utf-16be", bytes), encoding: "UTF-16BE" };
  }
  try {
    return { text: decode("utf-8", bytes, true), encoding: "UTF-8" };
  } catch {
    return { text: decode("gb18030", bytes), encoding: "GBK" };
  }
}

type Separator = "," | ";" | "\t";

/** The separator of the first non-empty line: a tab or semicolon that appears twice wins over commas. */
function detectSeparator(s: string): Separator {
  const counts: Record<Separator, number> = { ",": 0, ";": 0, "\t": 0 };
  let quoted = false;
  let seen = false;
  for (const c of s) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === "\n" || c === "\r")) {
      if (seen) break;
    } else if (!quoted && c in counts) counts[c as Separator]++;
    else if (c.trim() !== "") seen = true;
  }
  if (counts["\t"] >= 2) return "\t";
  if (counts[";"] >= 2) return ";";
  return ",";
}

/** RFC 4180 fields: quotes, doubled quotes, separators and line breaks inside quotes; a BOM is skipped. */
export function csvRecords(text: string, separator: Separator = ","): Array<{ line: number; fields: string[] }> {
  const s = text.replace(/^\uFEFF/, "");
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else {
        if (c === "\n") line++;
        field += c;
      }
    } else if (c === '"' && field.trim() === "") {
      quoted = true;
      field = "";
    } else if (c === separator) {
      fields.push(field);
      field = "";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && s[i + 1] === "\n") i++;
      fields.push(field);
      out.push({ line: start, fields });
      fields = [];
      field = "";
      line++;
      start = line;
    } else field += c;
  }
  if (field !== "" || fields.length) {
    fields.push(field);
    out.push({ line: start, fields });
  }
  return out.filter((r) => r.fields.some((f) => f.trim() !== ""));
}

/** The years a plan's sheet has, or will have, a column for: its earliest base year (or the year 新增 count from) to its last target year. */
export function importYears(plan: Plan): { first: number; last: number } {
  let first = plan.period.start;
  let last = plan.period.end;
  for (const t of plan.targets) {
    if (t.base) first = Math.min(first, t.base.year);
    // The year 新增 targets count from has a column on the sheet (planYears()): accept it too.
    if (t.kind === "additions") first = Math.min(first, t.base?.year ?? plan.period.start - 1);
    if (t.target.year != null) last = Math.max(last, t.target.year);
    for (const m of t.milestones) last = Math.max(last, m.year);
  }
  return { first, last };
}

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0C\uFF0E]/g;
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?%?$/;

/**
 * A value field as a number (null when empty). A comma is only a thousands separator (1,234 ·
 * 12,345,678.5); "1,5" or "1.234,5" may be decimal commas and are refused, never guessed.
 */
function csvNumber(raw: string, separator: Separator): number | null {
  const s = raw.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\s/g, "");
  // Semicolons separate fields where the comma is the decimal sign, and there 1.234 is a thousand.
  if (separator === ";" && /^[+-]?[1-9]\d{0,2}(\.\d{3})+%?$/.test(s)) {
    throw new MethodError(
      "VALUE",
      `实际值「${excerpt(raw)}」在分号分隔的文件中可能是千位点（${s.replace(/\./g, "")}）也可能是小数：请不写千位分隔`,
      `in a semicolon-separated file "${excerpt(raw)}" may be a thousands point (${s.replace(/\./g, "")}) or a decimal: write it without thousands separators`,
    );
  }
  if (s.includes(",") && !THOUSANDS.test(s)) {
    throw new MethodError(
      "VALUE",
      `实际值「${excerpt(raw)}」中的逗号不是千位分隔（小数请用小数点，如 1.5；千位写作 1,234 或不写）`,
      `the comma in "${excerpt(raw)}" is not a thousands separator (write decimals with a point, 1.5; thousands as 1,234 or without)`,
    );
  }
  return cellNumber(s === raw ? raw : s);
}

const REREAD = {
  zh: "请另存为“CSV UTF-8”或用 npm run workbook -- --actuals 直接读取",
  en: 'save it as "CSV UTF-8" or read it with npm run workbook -- --actuals',
};

/**
 * The usable rows of an actuals file and a bilingual problem for each row that is not: an unknown
 * id, a year no sheet of the plan can hold, a value that is not a number (or whose comma is
 * ambiguous), a column too many, a repeated id and year (the last one counts).
 */
export function parseActualsCsv(text: string, catalog: Catalog): ActualsCsvResult {
  const all: string[] = [];
  const rows: ActualRow[] = [];
  const notes: string[] = [];
  const warnings: string[] = [];
  const done = (): ActualsCsvResult => {
    const problems = all.slice(0, MAX_PROBLEMS);
    const rest = all.length - problems.length;
    if (rest > 0) problems.push(`另有 ${rest} 行有问题未列出 / ${rest} more lines with problems not listed`);
    return { rows, problems, problemCount: all.length, notes, warnings };
  };
  const report = (line: number, zh: string, en: string) => all.push(`第 ${line} 行：${zh} / line ${line}: ${en}`);

  // Text decoded with the wrong encoding would read as unknown ids on every line: name it instead.
  if (text.includes("\u0000")) {
    all.push(`文件是 UTF-16 编码（Excel 的“Unicode 文本”）：${REREAD.zh} / the file is UTF-16 (Excel's "Unicode text"): ${REREAD.en}`);
    return done();
  }
  if (text.includes("\uFFFD")) {
    all.push(`文件不是 UTF-8 编码（可能是 GBK）：${REREAD.zh} / the file is not UTF-8 (GBK?): ${REREAD.en}`);
    return done();
  }
  const separator = detectSeparator(text.replace(/^\uFEFF/, ""));
  if (separator === ";") notes.push("以分号分隔 / semicolon-separated");
  if (separator === "\t") notes.push("以制表符分隔 / tab-separated");
  const records = csvRecords(text, separator);
  if (records.length === 0) {
    all.push("文件为空，应有 id,year,value 三列 / the file is empty; expected the columns id,year,value");
    return done();
  }

  let order: Record<"id" | "year" | "value", number> = { id: 0, year: 1, value: 2 };
  let width = 3;
  const first = records[0];
  const head = first.fields.map((f) => HEADERS[f.trim().toLowerCase()] ?? HEADERS[f.trim()]);
  const hasHeader = head.some(Boolean);
  const body = hasHeader ? records.slice(1) : records;
  if (hasHeader) {
    const missing = (["id", "year", "value"] as const).filter((k) => !head.includes(k));
    if (missing.length) {
      report(first.line, `表头缺少列：${missing.join(", ")}`, `the header lacks the columns: ${missing.join(", ")}`);
      return done();
    }
    order = { id: head.indexOf("id"), year: head.indexOf("year"), value: head.indexOf("value") };
    first.fields.forEach((f, i) => {
      if (!head[i] && f.trim() !== "") {
        report(first.line, `表头中的「${excerpt(f)}」不是 id、year、value 之一，该列未读入`, `the header column "${excerpt(f)}" is not id, year or value; it was not read`);
      } else if (head[i] && head.indexOf(head[i]) !== i) {
        report(first.line, `表头中的「${excerpt(f)}」重复，只读第一个`, `the header column "${excerpt(f)}" repeats; only the first is read`);
      }
    });
    width = Math.max(3, ...first.fields.map((f, i) => (f.trim() === "" ? 0 : i + 1)));
  }

  const seen = new Map<string, { index: number; line: number }>();
  const rangeOf = new Map<string, { first: number; last: number; sheet: number[] }>();
  for (const { line, fields } of body) {
    // Trailing empty columns (Excel writes them when another row is wider) carry nothing.
    let n = fields.length;
    while (n > width && fields[n - 1].trim() === "") n--;
    if (n > width) {
      const extra = fields.slice(width, n).join(separator);
      const value = (fields[order.value] ?? "").trim();
      const numberSplit = separator === "," && order.value === width - 1 && /^[+-]?\d+$/.test(value) && /^\d{3}$/.test(fields[width].trim());
      const joined = [value, ...fields.slice(width, n).map((f) => f.trim())].join(",");
      report(
        line,
        `该行有 ${n} 列，应为 ${width} 列（多出「${excerpt(extra)}」）${numberSplit ? `；若 ${joined} 是一个数，请写作 ${joined.replace(/,/g, "")} 或加引号 "${joined}"` : ""}`,
        `${n} columns where ${width} belong (extra "${excerpt(extra)}")${numberSplit ? `; if ${joined} is one number, write ${joined.replace(/,/g, "")} or quote it: "${joined}"` : ""}`,
      );
      continue;
    }
    const rawId = (fields[order.id] ?? "").trim();
    const rawYear = (fields[order.year] ?? "").trim();
    const rawValue = (fields[order.value] ?? "").trim();
    const entry = catalog.get(rawId);
    if (!entry) {
      report(line, `未知的指标编号「${excerpt(rawId)}」`, `unknown target id "${excerpt(rawId)}"`);
      continue;
    }
    const id = entry.target.id;
    const year = writtenYear(rawYear) ?? NaN;
    if (Number.isNaN(year)) {
      report(line, `年份「${excerpt(rawYear)}」无效`, `"${excerpt(rawYear)}" is not a year`);
      continue;
    }
    let range = rangeOf.get(entry.plan.id);
    if (!range) rangeOf.set(entry.plan.id, (range = { ...importYears(entry.plan), sheet: planYears(entry.plan) }));
    if (year < range.first || year > range.last) {
      report(
        line,
        `${id} 的年份 ${year} 不在规划的年份范围 ${range.first}–${range.last} 内`,
        `${year} is outside the years of ${id}'s plan (${range.first}–${range.last})`,
      );
      continue;
    }
    let value: number | null;
    try {
      value = csvNumber(rawValue, separator);
    } catch (e) {
      if (!(e instanceof MethodError)) throw e;
      report(line, `${id} ${year} 年：${e.zh}`, `${id} ${year}: ${e.en}`);
      continue;
    }
    if (value == null) {
      report(line, `${id} ${year} 年的实际值为空，已忽略`, `the actual of ${id} for ${year} is empty; ignored`);
      continue;
    }
    // A year the plan allows (a base year) that this version's sheet model has no column for.
    if (!range.sheet.includes(year)) {
      report(
        line,
        `${id} ${year} 年的值已读入，但本版工作表没有 ${year} 年列，未写入`,
        `${id} ${year} was read, but this version's sheet has no ${year} column; not written`,
      );
      continue;
    }
    // 新增 counts the years after its starting year: a value for that year or before is kept but never counts.
    const from = entry.target.kind === "additions" ? planBaseline({ plan: entry.plan, target: entry.target }) : null;
    if (from && year <= from.year) {
      warnings.push(
        `第 ${line} 行：${id} 为新增类指标，从 ${from.year} 年之后逐年累计：${year} 年的值已写入，但不计入进度 / ` +
          `line ${line}: ${id} counts additions after ${from.year}: the value for ${year} is written but never counts`,
      );
    }
    const key = `${id}|${year}`;
    const earlier = seen.get(key);
    if (earlier) {
      report(line, `${id} ${year} 年与第 ${earlier.line} 行重复，以本行为准`, `${id} ${year} repeats line ${earlier.line}; this line counts`);
      rows[earlier.index] = { id, year, value, line };
      seen.set(key, { index: earlier.index, line });
      continue;
    }
    seen.set(key, { index: rows.length, line });
    rows.push({ id, year, value, line });
  }
  return done();
}

/** An actuals file's bytes, decoded (UTF-8, UTF-16 or GBK) and parsed; a non-UTF-8 encoding is noted. */
export function readActualsCsv(bytes: Uint8Array, catalog: Catalog): ActualsCsvResult & { encoding: CsvEncoding } {
  const { text, encoding } = decodeCsvBytes(bytes);
  const result = parseActualsCsv(text, catalog);
  if (encoding !== "UTF-8") result.notes.unshift(`按 ${encoding} 解码 / decoded as ${encoding}`);
  return { ...result, encoding };
}

/** Actual rows grouped by target id, as the sheet model takes them. */
export function actualsById(rows: readonly ActualRow[]): Map<string, Observation[]> {
  const out = new Map<string, Observation[]>();
  for (const r of rows) {
    let list = out.get(r.id);
    if (!list) out.set(r.id, (list = []));
    list.push({ year: r.year, value: r.value });
  }
  return out;
}
