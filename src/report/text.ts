/**
 * The report's words, in Chinese (as official reviews write them) and English. Figures arrive
 * already formatted as the sheets show them (display.ts); these functions only put words around them.
 */
import type { Plan, Target } from "../core/catalog/schema";
import { type Point, STATUS_CODES, STATUS_LABELS, type StatusCode } from "../core/method/method";
import type { MethodSettings } from "../core/method/settings";
import { enUS } from "../taskpane/i18n/en-US";
import { decimalsToTell, formatShare, planFigureExtra, proseFigure } from "./display";

export type ReportLang = "zh" | "en";
/** The yearly 实施情况 report, or the 中期评估 that also weighs the time gone by. */
export type ReportKind = "annual" | "midterm";

export interface SentenceInput {
  target: Target;
  name: string;
  fam: "path" | "yearly" | "milestone" | "qualitative";
  status: StatusCode;
  /** The year assessed and the value measured then (the sum since the base for additions). */
  year: number;
  due: number;
  achieved: number;
  /** 序时进度 in method units, the value the sheet shows (null where the sheet shows none). */
  expected: number | null;
  completion: number | null;
  projected: number | null;
  baseline: Point | null;
}

const eps = (x: number) => 1e-9 * Math.max(1, Math.abs(x));

/** -1, 0 or 1: how a value compares with another, to the method's tolerance. */
function compare(a: number, b: number): number {
  return Math.abs(a - b) <= eps(b) ? 0 : a > b ? 1 : -1;
}

/** 万 and 亿 before a unit, as English counts: 202.8万件 is 2.028 million items, 115.0亿元 11.50 billion yuan. */
const CHINESE_SCALE: Record<string, number> = { 万: 1e4, 亿: 1e8 };

function enFigure(t: Target, value: number, extraDecimals = 0): string {
  const zh = proseFigure(t, value, extraDecimals);
  const m = /^(-?[\d.]+)(.*)$/.exec(zh);
  if (!m || !m[2]) return zh;
  const unit = m[2];
  if (unit === "%") return zh;
  const scaled = /^(万|亿)(.+)$/.exec(unit);
  const base = scaled && (enUS.units as Record<string, string>)[scaled[2]];
  if (scaled && base) return `${englishMagnitude(m[1], CHINESE_SCALE[scaled[1]])} ${base}`;
  const en = (enUS.units as Record<string, string>)[unit] ?? unit;
  return `${m[1]} ${en}`;
}

/**
 * A figure shown in 万 or 亿 (its printed decimals are its precision) as English writes it: millions
 * or billions with as many decimals as that precision allows, else the whole number, grouped.
 */
function englishMagnitude(shown: string, scale: number): string {
  const decimals = shown.includes(".") ? shown.length - shown.indexOf(".") - 1 : 0;
  const value = Number(shown) * scale;
  const step = Math.abs(value) >= 1e9 ? 1e9 : Math.abs(value) >= 1e6 ? 1e6 : 1;
  const places = Math.max(0, decimals + Math.round(Math.log10(step / scale)));
  const text = (value / step).toLocaleString("en-US", { minimumFractionDigits: places, maximumFractionDigits: places });
  return step === 1e9 ? `${text} billion` : step === 1e6 ? `${text} million` : text;
}

/** A figure with its unit in running text of the given language. */
export function figure(t: Target, value: number, lang: ReportLang): string {
  return lang === "zh" ? proseFigure(t, value) : enFigure(t, value);
}

/** The target figure in words: 67000件, 3至5家. */
function goalZh(t: Target): string {
  const v = t.target.value as number;
  const own = planFigureExtra(t); // the plan's own decimals: 目标3件
  if (t.comparator === "range" && t.target.max != null)
    return `${proseFigure(t, v, own).replace(/[^\d.-]+$/, "")}至${proseFigure(t, t.target.max, own)}`;
  return proseFigure(t, v, own);
}

function goalEn(t: Target): string {
  const v = t.target.value as number;
  const own = planFigureExtra(t);
  if (t.comparator === "range" && t.target.max != null) return `${enFigure(t, v, own).replace(/ .*$/, "")} to ${enFigure(t, t.target.max, own)}`;
  return enFigure(t, v, own);
}

const STATUS_PHRASE_ZH: Record<StatusCode, string> = {
  achieved: "已实现目标",
  ahead: "进度快于预期",
  onTrack: "进度基本符合预期",
  behind: "进度滞后",
  regressed: "出现倒退",
  noData: "无数据",
};

const STATUS_PHRASE_EN: Record<StatusCode, string> = {
  achieved: "the target is achieved",
  ahead: "ahead of schedule",
  onTrack: "on track",
  behind: "behind schedule",
  regressed: "moving away from the target",
  noData: "no data",
};

function sentenceZh(s: SentenceInput): string {
  const t = s.target;
  if (s.fam === "milestone") {
    if (s.achieved >= 1) return `截至${s.year}年底，${s.name}已完成。`;
    return s.year >= s.due
      ? `截至${s.year}年底，${s.name}尚未完成，按规划应于${s.due}年完成，进度滞后。`
      : `截至${s.year}年底，${s.name}尚未完成，按规划于${s.due}年完成。`;
  }
  const A = proseFigure(t, s.achieved);
  if (s.fam === "qualitative") {
    const parts = [`截至${s.year}年底，${s.name}为${A}（定性目标，规划未给出数值）`];
    if (s.baseline) {
      const c = compare(s.achieved, s.baseline.value);
      const from = `${s.baseline.year}年（${proseFigure(t, s.baseline.value)}）`;
      parts.push(c === 0 ? `与${from}持平` : `较${from}${c > 0 ? "有所上升" : "有所下降"}`);
    }
    parts.push(s.status === "regressed" ? "出现倒退" : "符合规划方向");
    return parts.join("，") + "。";
  }
  const parts: string[] = [];
  if (s.fam === "yearly") {
    parts.push(`${s.year}年，${s.name}${A}`);
    const bar = s.expected;
    if (t.comparator === "range" && t.target.max != null) parts.push(`年度目标为${goalZh(t)}`);
    else if (bar != null && s.completion != null) parts.push(`为年度目标${proseFigure(t, bar)}的${formatShare(s.completion)}`);
  } else {
    parts.push(`截至${s.year}年底，${s.name}${t.kind === "additions" ? "累计" : ""}${A}`);
    if (t.comparator === "range" && t.target.max != null) parts.push(`${s.due}年目标为${goalZh(t)}`);
    else if (t.direction === "decrease")
      parts.push(`${s.due}年目标为${goalZh(t)}（越低越好）${s.completion != null ? `，完成率${formatShare(s.completion)}` : ""}`);
    else if (s.completion != null) parts.push(`为${s.due}年目标${goalZh(t)}的${formatShare(s.completion)}`);
    if (s.expected != null && s.year < s.due && s.status !== "achieved") {
      const c = compare(s.achieved, s.expected);
      const E = proseFigure(t, s.expected, c === 0 ? 0 : decimalsToTell(t, s.expected, s.achieved));
      parts.push(c === 0 ? `与序时进度（${E}）持平` : `${c > 0 ? "高于" : "低于"}序时进度（${E}）`);
    }
  }
  let text = parts.join("，");
  if (s.status === "regressed" && s.baseline) text += `，较${s.baseline.year}年（${proseFigure(t, s.baseline.value)}）出现倒退`;
  else text += `，${STATUS_PHRASE_ZH[s.status]}`;
  if (s.projected != null && s.year < s.due && s.status !== "achieved") {
    text += `；按现有趋势${s.due}年预计${t.kind === "additions" ? "累计" : ""}达到${proseFigure(t, s.projected)}`;
  }
  return text + "。";
}

function sentenceEn(s: SentenceInput): string {
  const t = s.target;
  if (s.fam === "milestone") {
    if (s.achieved >= 1) return `${s.name}: done by the end of ${s.year}.`;
    return s.year >= s.due
      ? `${s.name}: not done by the end of ${s.year}; the plan set ${s.due}, so it is behind schedule.`
      : `${s.name}: not done by the end of ${s.year}; the plan sets ${s.due}.`;
  }
  const A = enFigure(t, s.achieved);
  if (s.fam === "qualitative") {
    let text = `${s.name}: ${A} at the end of ${s.year} (a qualitative target; the plan gives no figure)`;
    if (s.baseline) {
      const c = compare(s.achieved, s.baseline.value);
      const from = `${s.baseline.year} (${enFigure(t, s.baseline.value)})`;
      text += c === 0 ? `, level with ${from}` : `, ${c > 0 ? "up" : "down"} from ${from}`;
    }
    return `${text}; ${s.status === "regressed" ? "moving away from the plan's direction" : "in the plan's direction"}.`;
  }
  const parts: string[] = [];
  if (s.fam === "yearly") {
    parts.push(`${s.name}: ${A} in ${s.year}`);
    if (t.comparator === "range" && t.target.max != null) parts.push(`the yearly target is ${goalEn(t)}`);
    else if (s.expected != null && s.completion != null)
      parts.push(`${formatShare(s.completion)} of the yearly target of ${enFigure(t, s.expected)}`);
  } else {
    parts.push(`${s.name}: ${t.kind === "additions" ? "a total of " : ""}${A} by the end of ${s.year}`);
    if (t.comparator === "range" && t.target.max != null) parts.push(`the ${s.due} target is ${goalEn(t)}`);
    else if (t.direction === "decrease") parts.push(`the ${s.due} target is ${goalEn(t)} (lower is better)`);
    else if (s.completion != null) parts.push(`${formatShare(s.completion)} of the ${s.due} target of ${goalEn(t)}`);
    if (s.expected != null && s.year < s.due && s.status !== "achieved") {
      const c = compare(s.achieved, s.expected);
      const E = enFigure(t, s.expected, c === 0 ? 0 : decimalsToTell(t, s.expected, s.achieved));
      parts.push(c === 0 ? `level with the expected ${E}` : `${c > 0 ? "above" : "below"} the expected ${E}`);
    }
  }
  let text = parts.join(", ");
  if (s.status === "regressed" && s.baseline) text += `; moving away from the ${s.baseline.year} value (${enFigure(t, s.baseline.value)})`;
  else text += `; ${STATUS_PHRASE_EN[s.status]}`;
  if (s.projected != null && s.year < s.due && s.status !== "achieved") {
    text += `. On the current trend it would reach ${enFigure(t, s.projected)} in ${s.due}`;
  }
  return text + ".";
}

type Counts = Record<StatusCode | "na", number>;

export interface ReportText {
  title(year: number, kind?: ReportKind): string;
  subtitle(year: number): string;
  h1Overall: string;
  h1Targets: string;
  h1NoData: string;
  h1Conflicts: string;
  planHeading(index: number, name: string): string;
  tableCaption(n: number, name: string): string;
  tableHeader(year: number): string[];
  /** Column widths in millimetres; they add up to GB/T 9704's 156 mm text width. */
  tableWidthsMm: number[];
  tableNote(settings: MethodSettings): string;
  unit(u: string): string;
  inYear(year: number): string;
  summary(name: string, plan: Plan, asOf: number, year: number, counts: Counts, total: number, quantitative: number, kind?: ReportKind): string;
  sentence(s: SentenceInput): string;
  noDataList(items: string[]): string;
  conflict(id: string, name: string, note: string, other: string | null): string;
  none: string;
  noConflicts: string;
  na: string;
  /** Words of the docx layout. */
  page: (n: string) => string;
}

const ZH_NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const zhOrdinal = (i: number) => (i < 10 ? ZH_NUMERALS[i] : i < 19 ? `十${ZH_NUMERALS[i - 10]}` : String(i + 1));

/**
 * The share of a plan's period gone by the end of `asOf` (时间进度): whole years of the period, so a
 * 2021–2025 plan at the end of 2023 is 3 of 5 years, 60 %.
 */
export function timeElapsed(plan: Plan, asOf: number): { years: number; of: number; share: number } {
  const of = plan.period.end - plan.period.start + 1;
  const years = Math.max(0, Math.min(of, asOf - plan.period.start + 1));
  return { years, of, share: years / of };
}

function summaryZh(name: string, plan: Plan, asOf: number, year: number, counts: Counts, total: number, quantitative: number, kind: ReportKind = "annual"): string {
  // A draft says so once: not again after a title that already ends in （征求意见稿）.
  const doc = plan.docNumber ? `（${plan.docNumber}）` : plan.draft && !/征求意见稿|草案|送审稿/.test(name) ? "（征求意见稿）" : "";
  const parts = STATUS_CODES.filter((c) => counts[c] > 0).map((c) => `${STATUS_LABELS[c].zh}${counts[c]}项`);
  if (counts.na) parts.push(`无法评估${counts.na}项`);
  const when = asOf < year ? `规划期已于${asOf}年结束，按${asOf}年底评估` : `截至${asOf}年底`;
  const elapsed = timeElapsed(plan, asOf);
  const time =
    kind !== "midterm" ? "" : elapsed.years === 0 ? `规划期尚未开始（自${plan.period.start}年起）；` : `规划实施${elapsed.years}年（共${elapsed.of}年），时间进度${formatShare(elapsed.share)}；`;
  return `${name}${doc}规划期${plan.period.start}—${plan.period.end}年，共有目标${total}项，其中数值目标${quantitative}项。${when}，${time}${parts.join("，")}。`;
}

function summaryEn(name: string, plan: Plan, asOf: number, year: number, counts: Counts, total: number, quantitative: number, kind: ReportKind = "annual"): string {
  const doc = plan.docNumber ? ` (${plan.docNumber})` : plan.draft && !/draft/i.test(name) ? " (draft for comment)" : "";
  const parts = STATUS_CODES.filter((c) => counts[c] > 0).map((c) => `${STATUS_LABELS[c].en.toLowerCase()} ${counts[c]}`);
  if (counts.na) parts.push(`not assessable ${counts.na}`);
  const when = asOf < year ? `The plan period ended in ${asOf}; assessed at the end of ${asOf}` : `At the end of ${asOf}`;
  const elapsed = timeElapsed(plan, asOf);
  const time =
    kind !== "midterm"
      ? ""
      : elapsed.years === 0
        ? `, the plan period has not begun (it starts in ${plan.period.start})`
        : `, ${elapsed.years} of the plan's ${elapsed.of} years have passed (${formatShare(elapsed.share)} of the time)`;
  return `${name}${doc}, ${plan.period.start}–${plan.period.end}, has ${total} targets, ${quantitative} of them with a figure. ${when}${time}: ${parts.join(", ")}.`;
}

export const TEXT: Record<ReportLang, ReportText> = {
  zh: {
    title: (year, kind) => (kind === "midterm" ? "知识产权规划实施中期评估报告" : `知识产权规划主要指标${year}年实施情况报告`),
    subtitle: (year) => `（数据截至${year}年底）`,
    h1Overall: "一、总体情况",
    h1Targets: "二、主要指标完成情况",
    h1NoData: "三、尚无数据的指标",
    h1Conflicts: "四、规划数据冲突说明",
    planHeading: (i, name) => `（${zhOrdinal(i)}）${name}`,
    tableCaption: (n, name) => `表${n}\u3000${name}主要指标完成情况表`,
    tableHeader: (year) => ["序号", "指标", "单位", "基期值", "目标值", `${year}年实际`, "序时进度", "进度", "状态"],
    tableWidthsMm: [9, 31, 11, 18, 18, 18, 17, 16, 18],
    tableNote: (s) =>
      `注：进度为自基期至目标已完成的比例，年度类指标为完成率；序时进度为按${s.path === "compound" ? "等比" : "线性"}路径（含规划所列阶段目标）推算的当年应达值；实际进度与序时进度之比不低于${formatShare(s.thresholds.ahead)}为快于预期，不低于${formatShare(s.thresholds.onTrack)}为基本符合预期，否则为滞后。实际值未填到报告年份的，标注其最新年份。`,
    unit: (u) => u,
    inYear: (y) => `${y}年`,
    summary: summaryZh,
    sentence: sentenceZh,
    noDataList: (items) => `以下${items.length}项指标尚无实际值，未作评估：${items.join("；")}。`,
    conflict: (id, name, note, other) => `${id} ${name}：${note}${other ? `（另一处数字：${other}）` : ""}`,
    none: "无。",
    noConflicts: "规划各部分数字一致，无冲突。",
    na: "无法评估",
    page: (n) => `— ${n} —`,
  },
  en: {
    title: (year, kind) => (kind === "midterm" ? "Mid-term Evaluation of the IP Plans' Implementation" : `Implementation of the IP Plans' Main Targets in ${year}`),
    subtitle: (year) => `(data to the end of ${year})`,
    h1Overall: "1. Overview",
    h1Targets: "2. Main targets",
    h1NoData: "3. Targets without data",
    h1Conflicts: "4. Conflicting figures in the plans",
    planHeading: (i, name) => `(${i + 1}) ${name}`,
    tableCaption: (n, name) => `Table ${n}. Main targets of ${name}`,
    tableHeader: (year) => ["No.", "Target", "Unit", "Base", "Target", `Actual ${year}`, "Expected", "Progress", "Status"],
    tableWidthsMm: [8, 31, 23, 15, 15, 15, 17, 16, 16],
    tableNote: (s) =>
      `Note: progress is the share of the way from the base to the target (completion for yearly targets); expected is the value due that year on a ${s.path} path through the plan's milestones. Actual over expected progress of at least ${formatShare(s.thresholds.ahead)} is ahead of schedule, at least ${formatShare(s.thresholds.onTrack)} on track, else behind. Where no actual was typed for the report's year, the latest year is given.`,
    unit: (u) => (u === "%" ? "%" : ((enUS.units as Record<string, string>)[u] ?? u)),
    inYear: (y) => `(${y})`,
    summary: summaryEn,
    sentence: sentenceEn,
    noDataList: (items) => `${items.length} targets have no actual yet and are not assessed: ${items.join("; ")}.`,
    conflict: (id, name, note, other) => `${id} ${name}: ${note}${other ? ` (the other figure: ${other})` : ""}`,
    none: "None.",
    noConflicts: "The parts of the plan agree; no conflicts.",
    na: "Not assessable",
    page: (n) => `— ${n} —`,
  },
};
