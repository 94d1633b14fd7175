/**
 * Actuals from a CSV file (columns id,year,value; one actual a row), for `npm run workbook
 * -- --actuals FILE.csv`. Every row that cannot be used is reported with its line, in Chinese and
 * English; nothing is dropped silently.
 */
import type { Catalog } from "../core/catalog/catalog";
import { cellNumber, excerpt } from "../core/method/input";
import { MethodError, type Observation } from "../core/method/method";
import { planYears } from "./model";

export interface ActualRow {
  id: string;
  year: number;
  value: number;
}

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

/** RFC 4180 fields: quotes, doubled quotes, commas and line breaks inside quotes; a BOM is skipped. */
export function csvRecords(text: string): Array<{ line: number; fields: string[] }> {
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
    } else if (c === '"' && field === "") quoted = true;
    else if (c === ",") {
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

/**
 * The usable rows of an actuals file and a bilingual problem for each row that is not: an unknown
 * id, a year outside the plan's sheet (its period, and the years after a target's base year), a
 * value that is not a number, a repeated id and year (the last one counts).
 */
export function parseActualsCsv(text: string, catalog: Catalog): { rows: ActualRow[]; problems: string[] } {
  const records = csvRecords(text);
  const problems: string[] = [];
  const rows: ActualRow[] = [];
  const at = (line: number) => ({ zh: `第 ${line} 行`, en: `line ${line}` });
  const report = (line: number, zh: string, en: string) => problems.push(`${at(line).zh}：${zh} / ${at(line).en}: ${en}`);
  if (records.length === 0) {
    problems.push("文件为空，应有 id,year,value 三列 / the file is empty; expected the columns id,year,value");
    return { rows, problems };
  }
  let order: Record<"id" | "year" | "value", number> = { id: 0, year: 1, value: 2 };
  const head = records[0].fields.map((f) => HEADERS[f.trim().toLowerCase()] ?? HEADERS[f.trim()]);
  const body = head.some(Boolean) ? records.slice(1) : records;
  if (head.some(Boolean)) {
    const missing = (["id", "year", "value"] as const).filter((k) => !head.includes(k));
    if (missing.length) {
      problems.push(`表头缺少列：${missing.join(", ")} / the header lacks the columns: ${missing.join(", ")}`);
      return { rows, problems };
    }
    order = { id: head.indexOf("id"), year: head.indexOf("year"), value: head.indexOf("value") };
  }
  const seen = new Map<string, { index: number; line: number }>();
  const yearsOf = new Map<string, number[]>();
  for (const { line, fields } of body) {
    const rawId = (fields[order.id] ?? "").trim();
    const rawYear = (fields[order.year] ?? "").trim();
    const rawValue = (fields[order.value] ?? "").trim();
    const entry = catalog.get(rawId);
    if (!entry) {
      report(line, `未知的指标编号「${excerpt(rawId)}」`, `unknown target id "${excerpt(rawId)}"`);
      continue;
    }
    const id = entry.target.id;
    const year = Number(rawYear);
    if (!/^\d{4}$/.test(rawYear)) {
      report(line, `年份「${excerpt(rawYear)}」无效`, `"${excerpt(rawYear)}" is not a year`);
      continue;
    }
    let years = yearsOf.get(entry.plan.id);
    if (!years) yearsOf.set(entry.plan.id, (years = planYears(entry.plan)));
    if (!years.includes(year)) {
      report(
        line,
        `${id} 的年份 ${year} 不在规划的年份范围 ${years[0]}–${years[years.length - 1]} 内`,
        `${year} is outside the years of ${id}'s plan (${years[0]}–${years[years.length - 1]})`,
      );
      continue;
    }
    let value: number | null;
    try {
      value = cellNumber(rawValue);
    } catch (e) {
      if (!(e instanceof MethodError)) throw e;
      report(line, `${id} ${year} 年：${e.zh}`, `${id} ${year}: ${e.en}`);
      continue;
    }
    if (value == null) {
      report(line, `${id} ${year} 年的实际值为空，已忽略`, `the actual of ${id} for ${year} is empty; ignored`);
      continue;
    }
    const key = `${id}|${year}`;
    const earlier = seen.get(key);
    if (earlier) {
      report(line, `${id} ${year} 年与第 ${earlier.line} 行重复，以本行为准`, `${id} ${year} repeats line ${earlier.line}; this line counts`);
      rows[earlier.index] = { id, year, value };
      seen.set(key, { index: earlier.index, line });
      continue;
    }
    seen.set(key, { index: rows.length, line });
    rows.push({ id, year, value });
  }
  return { rows, problems };
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
