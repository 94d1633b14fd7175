/**
 * The plan's own particulars from its text: title, issuer, 文号, date, draft status, level, region
 * and period. Each is read where Chinese government documents print it; nothing is guessed
 * beyond the rules written here.
 */
import type { Level } from "../catalog/schema";
import type { DraftMeta } from "./types";
import { normalizeChars } from "./text";

const PLAN_WORDS = /(规划|方案|意见|纲要|计划|办法|要点|措施|行动)$/;

function clean(line: string): string {
  return line
    .replace(/^[#\s*]+/, "")
    .replace(/\*+/g, "")
    .trim();
}

/** Drops the white space a PDF conversion leaves between characters, keeps it between Latin words. */
function unspace(s: string): string {
  return s.replace(/\s+/g, (m, i: number, all: string) =>
    /[A-Za-z0-9]/.test(all[i - 1] ?? "") && /[A-Za-z0-9]/.test(all[i + m.length] ?? "") ? " " : "",
  );
}

function findTitle(lines: string[]): string | null {
  for (const raw of lines.slice(0, 80)) {
    const line = unspace(clean(raw));
    if (line.length < 6 || line.length > 70) continue;
    if (/通知|^关于|《|印发|[。；]/.test(line)) continue;
    const core = line.replace(/[（(][^（）()]*[）)]$/, "").replace(/[（(][^（）()]*[）)]$/, "");
    if (PLAN_WORDS.test(core)) return line.replace(/[（(](征求意见稿|草案|讨论稿|送审稿)[）)]$/, "");
  }
  // Only the notice names it: 关于印发《…》的通知
  for (const raw of lines.slice(0, 40)) {
    const m = /印发\s*《([^》]{4,60})》/.exec(raw);
    if (m) return unspace(m[1]);
  }
  return null;
}

function findIssuer(lines: string[], title: string | null): string | null {
  for (const raw of lines.slice(0, 15)) {
    const m = /^(.{2,40}?)\s*文件$/.exec(clean(raw));
    if (m) return unspace(m[1]);
  }
  for (const raw of lines.slice(-15).reverse()) {
    const m = /^(.{2,40}?)\s+20\d\d\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*(印发)?$/.exec(clean(raw));
    if (m && !/[，。]/.test(m[1])) return unspace(m[1]);
  }
  const m = title && /^(.{2,12}?(省|市|县|区))/.exec(title);
  return m ? m[1] : null;
}

function findDocNumber(lines: string[]): string | null {
  for (const raw of lines.slice(0, 20)) {
    const line = unspace(clean(normalizeChars(raw)));
    const m = /^([\u4e00-\u9fa5]{1,12}[〔（(［[]20\d\d[〕）)］\]]\d{1,4}号)$/.exec(line);
    if (m) return unspace(clean(raw));
  }
  return null;
}

function findDate(lines: string[]): string | null {
  const candidates = [...lines.slice(-20).reverse(), ...lines.slice(0, 20)];
  for (const raw of candidates) {
    const line = clean(normalizeChars(raw));
    if (line.length > 60) continue;
    const m = /(20\d\d)\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*(印发)?$/.exec(line);
    if (m) return `${m[1]}-${m[2].padStart(2, "0")}-${m[3].padStart(2, "0")}`;
  }
  return null;
}

function guessLevel(s: string): Level | null {
  if (/示范区/.test(s)) return "zone";
  if (/县/.test(s)) return "county";
  if (/市/.test(s)) return "city";
  if (/省/.test(s)) return "province";
  return null;
}

const FIVE_YEAR: Record<string, { start: number; end: number }> = {
  十三五: { start: 2016, end: 2020 },
  十四五: { start: 2021, end: 2025 },
  十五五: { start: 2026, end: 2030 },
};

/**
 * The particulars. `targetYears` are the future years the text aims at (到2025年 …), `tableYears`
 * the year columns of its target tables: they give the period when the title does not.
 */
export function readMeta(
  lines: string[],
  years: { goalYears: number[]; baseYears: number[]; scheduleStarts: number[] },
): DraftMeta {
  const title = findTitle(lines);
  const issuer = findIssuer(lines, title);
  const head = lines.slice(0, 40).join("\n");
  const draft = /征求意见稿|草案|讨论稿|送审稿/.test(head);
  let period: DraftMeta["period"] = null;
  let periodFrom: DraftMeta["periodFrom"] = null;
  const t = title ? normalizeChars(title) : "";
  const range = /(20\d\d)\s*[-至到]\s*(20\d\d)\s*年?/.exec(t);
  if (range) {
    period = { start: Number(range[1]), end: Number(range[2]) };
    periodFrom = "title";
  } else {
    const five = /(十三五|十四五|十五五)/.exec(t);
    if (five) {
      period = FIVE_YEAR[five[1]];
      periodFrom = "fiveYearPlan";
    } else if (/^(20\d\d)\s*年/.test(t.replace(/^[^\d]{0,20}?(?=20\d\d)/, "")) && /(20\d\d)\s*年(度)?[^\d]{0,30}(要点|计划|方案|安排)$/.test(t)) {
      // 2025年知识产权工作要点: a plan for one year.
      const y = Number(/(20\d\d)/.exec(t)![1]);
      period = { start: y, end: y };
      periodFrom = "title";
    } else if (years.goalYears.length) {
      const end = Math.max(...years.goalYears);
      let start = end;
      if (years.scheduleStarts.length) start = Math.min(...years.scheduleStarts);
      else if (years.baseYears.length) start = Math.min(...years.baseYears) + 1;
      period = { start: Math.min(start, end), end };
      periodFrom = "targets";
    }
  }
  const regionMatch = /^(.{2,12}?(省|市|县|示范区|区))/.exec(issuer ?? title ?? "");
  return {
    title,
    issuer,
    docNumber: findDocNumber(lines),
    date: findDate(lines),
    period,
    periodFrom,
    draft,
    level: guessLevel(`${issuer ?? ""}${title ?? ""}`),
    region: regionMatch ? regionMatch[1] : null,
  };
}
