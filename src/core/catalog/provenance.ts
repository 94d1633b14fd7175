/**
 * Holds every figure of a plan against the plan's own text (data/sources/<source>): each quote stands
 * in the text, each figure is written in its quotes, each year is named. Stricter than the outside
 * check (../shared/tools/check-provenance.mjs) in four ways, each catching a real kind of typing
 * mistake:
 * - a year is not a figure: "到2025年" does not make 2025 a target value;
 * - a scaled figure needs its unit beside the number: 57500000 needs "5750万", 0.95 needs "95%";
 *   so "100亿" typed as 100 (or "6.8万件" as 6.8) fails;
 * - base, target and milestone years must be written in a quote, or in a `derived` note;
 * - a Chinese numeral is a figure only before a measure word: 三大, 一次, not the 一 of 进一步.
 * Pure: the caller reads the files. Messages name the JSON path, in Chinese and English.
 */
import { noteTexts, type Plan, type Target } from "./schema";
import type { CatalogIssue } from "./validate";

/** White space removed, as the texts break lines and pad table cells. */
export const squash = (s: string): string => s.replace(/[\s\u3000]+/g, "");

const HAN_NUMERAL: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A number as written in a quote, and the values it may stand for. */
export interface WrittenFigure {
  text: string;
  values: number[];
  /** A year (2025年, 2024-2035): never a figure. */
  year: boolean;
  /** The scaling unit right after the number (万, 亿, %), else "". */
  unit: string;
}

const YEAR_MIN = 1990;
const YEAR_MAX = 2100;

/**
 * The numbers of a quote with what each may mean. The unit right after a number decides its scale:
 * 万 ×10⁴, 亿 ×10⁸, % either the percent figure or ÷100; a bare number means itself only. With
 * `headerScale`, a bracketed table header unit such as （亿） or （万元） in the same quote scales
 * bare numbers too (used for conflicts, which have no `derived` to say so).
 */
export function writtenFigures(raw: string, headerScale = false): WrittenFigure[] {
  const out: WrittenFigure[] = [];
  // Full-width digits, point and percent (２.５％, as county texts often print them) read as ASCII;
  // one character for one, so positions stay.
  const quote = raw.replace(/[\uFF10-\uFF19\uFF0E\uFF05]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const header = headerScale ? headerUnitScale(quote) : null;
  // 1,200 with a thousands separator is one number.
  for (const m of quote.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?/g)) {
    const n = Number(m[0].replace(/,/g, ""));
    const start = m.index ?? 0;
    const before = quote.slice(0, start);
    const after = quote.slice(start + m[0].length);
    const next = after.replace(/^[ \t\u3000]+/, "").charAt(0);
    const isInt4 = /^\d{4}$/.test(m[0]) && n >= YEAR_MIN && n <= YEAR_MAX;
    const year =
      isInt4 &&
      (next === "年" ||
        /^[ \t]*[-—–~～至到][ \t]*\d{4}(?!\d)/.test(after) ||
        /(?<!\d)\d{4}[ \t]*[-—–~～至到][ \t]*$/.test(before));
    let values: number[];
    if (year) values = [];
    else if (next === "万") values = [n * 1e4];
    else if (next === "亿") values = [n * 1e8];
    else if (next === "%" || next === "％") values = [n, n / 100];
    else if (header) values = [n, n * header];
    else values = [n];
    out.push({ text: m[0], values, year, unit: "万亿%％".includes(next) && next !== "" ? next : "" });
  }
  // A Chinese numeral counts when a measure word follows it (三大, 十大, 一次, 两家), not in 进一步 or 两新一转.
  for (const m of quote.matchAll(/([一两二三四五六七八九十])(?=[大次个家项件名所批类座条位种支处场])/g)) {
    out.push({ text: m[1], values: [HAN_NUMERAL[m[1]]], year: false, unit: "" });
  }
  return out;
}

/** The scale of a bracketed header unit: （亿）, （亿元）, (万元), （万件）. */
function headerUnitScale(quote: string): number | null {
  const m = /[（(](万|亿)[^（）()]{0,3}[）)]/.exec(quote);
  if (!m) return null;
  return m[1] === "万" ? 1e4 : 1e8;
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Whether a quote writes the value (with `headerScale`, a bracketed header unit in the same quote scales bare numbers). */
export function written(value: number, quotes: readonly string[], headerScale = false): boolean {
  return quotes.some((q) => writtenFigures(q, headerScale).some((f) => f.values.some((v) => same(v, value))));
}

/** How a value's digits stand in the quotes when no reading matches: as a year, or with another scale. */
type Near = { kind: "year" } | { kind: "unscaled"; written: string; means: number } | { kind: "bare"; written: string };

function near(value: number, quotes: readonly string[]): Near | null {
  for (const q of quotes) {
    for (const f of writtenFigures(q, false)) {
      const n = Number(f.text);
      if (!Number.isFinite(n)) continue;
      if (f.year && same(n, value)) return { kind: "year" };
      if (f.year || f.values.length === 0) continue;
      // "2亿" typed as 2: the number is there, its unit's scale is not.
      if (same(n, value) && !same(f.values[0], n)) return { kind: "unscaled", written: `${f.text}${f.unit}`, means: f.values[0] };
      // 68000 from a bare "6.8": the scale may come from a table header, which derived must say.
      if ([n * 1e4, n * 1e8, n / 100].some((v) => same(v, value))) return { kind: "bare", written: f.text };
    }
  }
  return null;
}

/** Whether a quote names the year (2025 in 到2025年, 2025年目标, 2024-2025). */
export function namesYear(year: number, quotes: readonly string[]): boolean {
  const re = new RegExp(`(?<!\\d)${year}(?!\\d)`);
  return quotes.some((q) => re.test(q));
}

function yearNamed(year: number, t: Target): boolean {
  return namesYear(year, t.quotes) || namesYear(year, t.derived.flatMap((d) => noteTexts(d.note)));
}

/**
 * Problems of one plan against its source text (`text` undefined when the file is missing).
 * Every problem names `file` and a JSON path.
 */
export function checkPlanProvenance(file: string, plan: Plan, text: string | undefined): CatalogIssue[] {
  const out: CatalogIssue[] = [];
  const add = (path: string, zh: string, en: string) => out.push({ file, path, zh, en });
  if (text === undefined) {
    add(
      "$.source",
      `找不到规划原文 data/sources/${plan.source}：请把规划全文存为该文件（UTF-8 文本）`,
      `the plan's text data/sources/${plan.source} is missing: save the plan's full text under that name (UTF-8 text)`,
    );
    return out;
  }
  const source = squash(text);
  plan.targets.forEach((t, i) => {
    const at = `$.targets[${i}]`;
    t.quotes.forEach((q, j) => {
      if (!source.includes(squash(q))) {
        add(`${at}.quotes[${j}]`, `原文中找不到这段引文：«${q.slice(0, 40)}»`, `this quote is not in ${plan.source}: «${q.slice(0, 40)}»`);
      }
    });
    const derived = new Set(t.derived.map((d) => d.field));
    const figure = (field: string, path: string, value: number | null | undefined) => {
      if (value == null || derived.has(field)) return;
      if (written(value, t.quotes)) return;
      const why = near(value, t.quotes);
      if (why?.kind === "year") {
        add(path, `${value} 在引文中是年份，不是数值（${field}）`, `${value} is a year in the quotes, not a figure (${field})`);
      } else if (why?.kind === "unscaled") {
        add(
          path,
          `${value} 与引文中的“${why.written}”不符：数值须换算为基本单位，应为 ${why.means}（${field}）`,
          `${value} does not match "${why.written}" in the quotes: figures are in base units, so it is ${why.means} (${field})`,
        );
      } else if (why?.kind === "bare") {
        add(
          path,
          `引文中的 ${why.written} 旁没有万、亿或 %，不能换算为 ${value}；单位若在表头，请在 derived 中写明（${field}）`,
          `${why.written} stands in the quotes without 万, 亿 or % beside it, so it cannot be ${value}; if the unit is in a table header, say so in derived (${field})`,
        );
      } else {
        add(path, `${value} 未写在引文中，也未在 derived 中说明（${field}）`, `${value} is not written in its quotes and not listed in derived (${field})`);
      }
    };
    figure("baseValue", `${at}.base.value`, t.base?.value);
    figure("targetValue", `${at}.target.value`, t.target.value);
    figure("targetMax", `${at}.target.max`, t.target.max);
    t.milestones.forEach((m, j) => figure(`milestones.${m.year}`, `${at}.milestones[${j}].value`, m.value));
    const year = (field: string, path: string, y: number | null | undefined) => {
      if (y == null || derived.has(field) || yearNamed(y, t)) return;
      add(
        path,
        `年份 ${y} 未写在引文中（如“到${y}年”或表头），也未在 derived 说明中出现（${field}）`,
        `the year ${y} is not written in a quote (such as 到${y}年 or a table header) nor in a derived note (${field})`,
      );
    };
    year("baseYear", `${at}.base.year`, t.base?.year);
    year("targetYear", `${at}.target.year`, t.target.year);
    t.milestones.forEach((m, j) => year(`milestones.${m.year}`, `${at}.milestones[${j}].year`, m.year));
    t.conflicts.forEach((c, j) => {
      if (!source.includes(squash(c.quote))) {
        add(`${at}.conflicts[${j}].quote`, `冲突引文不在原文中：«${c.quote.slice(0, 40)}»`, `the conflict's quote is not in ${plan.source}: «${c.quote.slice(0, 40)}»`);
      } else if (c.value != null && !written(c.value, [c.quote], true)) {
        add(`${at}.conflicts[${j}].value`, `冲突数值 ${c.value} 未写在其引文中`, `the conflicting figure ${c.value} is not written in its quote`);
      }
    });
  });
  return out;
}
