/**
 * Reading what officials type. Every workbook cell is untrusted text: this turns cell values into
 * numbers or says, in Chinese and English, why it cannot.
 */
import { MethodError } from "./method";

export type CellValue = number | string | boolean | null | undefined;

const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0C\uFF05\uFF0D\uFF0B]/g;

/** Short, printable excerpt of untrusted text for a message. */
export function excerpt(s: string, max = 24): string {
  // eslint-disable-next-line no-control-regex
  const clean = s.replace(/[\u0000-\u001f\u007f]/g, " ").trim();
  return clean.length > max ? clean.slice(0, max) + "…" : clean;
}

const YES = new Set(["是", "完成", "已完成", "已实现", "达成", "yes", "y", "done", "true", "√", "✓"]);
const NO = new Set(["否", "未完成", "未实现", "no", "n", "false", "×", "✗"]);

/**
 * A cell as a number; null for an empty cell. Accepts what people type: 1,234 · ６００００ · 95% (→ 95,
 * the unit is %) · 是/否 for milestones. Anything else is a #VALUE! error naming the text.
 */
export interface Label {
  zh: string;
  en: string;
}
export const ACTUAL: Label = { zh: "实际值", en: "the actual" };

export function cellNumber(v: CellValue, what: Label = ACTUAL): number | null {
  if (v == null) return null;
  if (typeof v === "number") {
    if (!Number.isFinite(v)) throw new MethodError("VALUE", `${what.zh}不是有效数字`, `${what.en} is not a finite number`);
    return v;
  }
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "object") {
    throw new MethodError("VALUE", `${what.zh}不是数字`, `${what.en} is not a number`);
  }
  const raw = String(v);
  const s = raw
    .replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\s,，]/g, "")
    .trim();
  if (s === "") return null;
  const lower = s.toLowerCase();
  if (YES.has(lower)) return 1;
  if (NO.has(lower)) return 0;
  const m = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?)(%)?$/i.exec(s);
  if (m) {
    const n = Number(m[1]);
    if (!Number.isFinite(n)) throw new MethodError("VALUE", `${what.zh}「${excerpt(raw)}」超出数值范围`, `${what.en} "${excerpt(raw)}" is out of range`);
    return n;
  }
  throw new MethodError("VALUE", `${what.zh}「${excerpt(raw)}」不是数字`, `${what.en} "${excerpt(raw)}" is not a number`);
}

const YEAR_TEXT = /^(\d{4})(?:\s*年(?:度|底|末)?)?$/;

/** A year as officials write it in a header or a CSV: 2024, 2024年, 2024年度, 2024年底 / 年末, full-width digits too; else null. */
export function writtenYear(text: string): number | null {
  const m = YEAR_TEXT.exec(text.replace(FULL_WIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim());
  return m ? Number(m[1]) : null;
}

/** A year argument: a whole number in a sane range (or a year written 2024年), or null when omitted. */
export function cellYear(v: CellValue): number | null {
  const written = typeof v === "string" ? writtenYear(v) : null;
  const n = written ?? cellNumber(v, { zh: "年份", en: "the year" });
  if (n == null) return null;
  if (!Number.isInteger(n) || n < 1900 || n > 2200) {
    throw new MethodError("VALUE", `年份「${n}」无效`, `"${n}" is not a valid year`);
  }
  return n;
}

/** A range argument as a flat list, refusing a block of several rows and columns. */
export function flatRange(v: CellValue | CellValue[][] | CellValue[], what: Label): CellValue[] {
  if (!Array.isArray(v)) return [v];
  const rows = v as unknown[];
  if (rows.length && Array.isArray(rows[0])) {
    const m = rows as CellValue[][];
    const width = Math.max(...m.map((r) => r.length));
    if (m.length > 1 && width > 1) {
      throw new MethodError("VALUE", `${what.zh}须为单行或单列区域`, `${what.en} must be a single row or column`);
    }
    return m.flat();
  }
  return rows as CellValue[];
}
