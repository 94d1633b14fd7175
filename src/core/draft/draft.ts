/**
 * Drafts a plan from its plain text: rule-based, offline, pure (no Node, no DOM, no Office).
 *
 * It reads the plan's particulars (meta.ts), its target tables (tables.ts) and every sentence
 * outside them. A figure is a number with its unit (3-5家, 6.8万件, 95%以上); the words around it
 * give the indicator's name (before it: 有效商标注册量达6.7万件; after it, behind a verb: 建设3-5家
 * 产业知识产权运营中心), the comparator (达到, 突破, 不低于 …), the kind (新增, 累计, 每年, 年均增长 …)
 * and the year (the nearest 到2025年 of the paragraph, else the period's end). Figures in the
 * plan's account of the past (背景, 截至2022年底, “十三五”期间) are not targets.
 *
 * It never invents a figure: every value it proposes is cut from the text, and the quote it gives
 * is the text around that figure, so the figure stands in the quote.
 */
import type { Attribute, Comparator, Kind } from "../catalog/schema";
import { readMeta } from "./meta";
import { cellNumber, findTables, type TextTable } from "./tables";
import { hanNumeral, nameSimilarity, normalizeChars, sameNumber, scaleValue, squash } from "./text";
import type { DraftResult, Proposal, ProposalOrigin } from "./types";

// ---------------------------------------------------------------------------------------------
// Words

const UNITS = [
  "个百分点", "百分点", "人次", "场次", "家次", "万元", "亿元", "万件", "万人", "万家",
  "个工作日", "工作日", "个月", "小时", "天", "期", "元", "件", "家", "个", "项", "次", "名", "人", "所", "%", "分", "条", "场", "户", "座", "款", "篇", "部", "套", "只",
];
const UNIT_RE = UNITS.join("|");
/** 1200, 2.68, 1,200 (thousands separated by commas). */
const NUMBER = String.raw`\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?`;
const toNumber = (s: string) => Number(s.replace(/,/g, ""));
/** number, optional range, optional 万/亿, unit, optional 以上/以内 … */
const FIGURE_RE = new RegExp(
  String.raw`(${NUMBER})(?:\s*(?:-|~|至)\s*(${NUMBER}))?\s*(万|亿)?\s*(余|多)?\s*(` + UNIT_RE + String.raw`)(及以上|以上|以内|以下|左右)?`,
  "g",
);
/** 开展一次, 培育三大: a single Chinese numeral right after a verb, with a measure word. */
const HAN_FIGURE_RE = /(开展|举办|建设|建成|培育|新增|设立|实施|打造|创建|引进|组织)([一二两三四五六七八九十])(个|家|项|次|所|名|大)(?!批|些|系列|流|体|站|级|线|是|把|手|届)/g;

/** Verbs that lead a clause and name what is counted after them (建设 3-5 家 …). */
const VERB =
  "新增|累计|培育|建设|建成|设立|成立|引进|培养|实施|打造|创建|认定|布局|完成|开展|举办|组织|评选|遴选|推出|发展|形成|储备|扶持|服务|培训|新建|提供|争创";
const LEAD_VERBS = new RegExp(`^((?:${VERB})(?:(?:和|与|及|并|、)?(?:${VERB}))*)`);
/** Words before a name that are not part of it. */
const LEAD_NOISE =
  /^(?:[、，,；;：:\s*“”"—–-]|全年|年内|[一二三四五六七八九十]是|[（(][一二三四五六七八九十]+[）)]|——|其中|同时|并|且|力争|争取|确保|努力|力求|预计|推动|促进|实现|使|要|将|(?:全市|全省|全县|全区|全州)(?![性级])|我市|我省|我县|我区|本市|全(?![市省县区州]性)|各类|各级|每年|[（(]\d+[）)]|(?:到|至)\s*20\d\d\s*年(?:底|末)?|20\d\d\s*年(?:底|末)?前|(?:到|至)\s*“?十[三四五]五”?(?:末|期末|时期末))+/;
const COMPARATOR_TAIL: Array<[RegExp, Comparator]> = [
  [/(不低于|不少于|至少|大于等于)\s*$/, "atLeast"],
  [/(不超过|不高于|不多于|控制在|低于|少于)\s*$/, "atMost"],
  [/(突破|超过|超出|高于|多于|超)\s*$/, "exceed"],
  [/(下降到|下降至|降低到|降低至|减少到|减少至|缩短到|缩短至|压缩到|压缩至)\s*$/, "atMost"],
  [/(达到|达|增至|增加到|增长到|增长至|提高到|提升到|提高至|提升至|上升到|上升至|保持在|稳定在|为|到)\s*$/, "reach"],
];
const TAIL_WORDS =
  /(力争|争取|确保|预计|要|将|下降到|下降至|降低到|降低至|减少到|减少至|缩短到|缩短至|压缩到|压缩至|不低于|不少于|至少|大于等于|不超过|不高于|不多于|控制在|低于|少于|突破|超过|超出|高于|多于|超|达到|达|增至|增加到|增长到|增长至|提高到|提升到|提高至|提升至|上升到|上升至|保持在|稳定在|为|到|累计|每年|年均)+\s*$/;
const QUALITATIVE_RE =
  /(明显|显著|大幅|稳步|持续|不断|进一步|逐步|较大|大幅度|全面|普遍|根本性|快速|稳定)?(增长|增加|增多|提升|提高|改善|优化|增强|缩短|下降|减少|降低)$|(有所突破|取得新突破|实现突破|有新突破|实现新突破|迈上新台阶|取得(明显|显著|积极|重要|重大)?成效)$|(位居|跻身|进入|迈入|保持)[^，。]{0,10}(前列|第一梯队|前\d+位|第一方阵)$/;
const MILESTONE_RE = /^(建成|建立|出台|设立|成立|制定|修订|创建|申建|构建)|(申报成功|建成|挂牌|通过验收|获批)$/;
const RETRO_HEADING = /背景|基础|现状|回顾|成就|成效|形势|进展/;
const RETRO_SENTENCE = /五年来|十[一二三]五”?(期间|时期|以来)|过去[一二三四五六七八九十]年|以来，|是“?十[一二三]五|由\s*20\d\d\s*年.{0,20}增长至/;

/** A sentence about the past: a 回顾 phrase, or only years before the plan's (not after 较/比). */
function isPast(sentence: string, firstFuture: number): boolean {
  if (RETRO_SENTENCE.test(sentence)) return true;
  const years = [...sentence.matchAll(/(较|比|与)?\s*(20\d\d)\s*年(?!\s*[-~至到])/g)].filter((m) => !m[1]);
  return years.length > 0 && years.every((m) => Number(m[2]) < firstFuture) && !/(到|至)\s*20\d\d/.test(sentence);
}
const INCENTIVE = /奖励|奖补|补助|补贴|资助|给予|最高|一次性|每件|每项|每家|每人/;
const DECREASE = /下降|降低|减少|缩短|压缩|控制在|不超过|以内|以下/;

const FIVE_YEAR_END: Record<string, number> = { 十三五: 2020, 十四五: 2025, 十五五: 2030 };

// ---------------------------------------------------------------------------------------------
// Document structure

interface Paragraph {
  line: number;
  isHeading: boolean;
  text: string;
  norm: string;
  section: string;
  goal: boolean;
  retro: boolean;
}

const HEADING_1 = /^[一二三四五六七八九十]+、/;
const HEADING_2 = /^[（(][一二三四五六七八九十]+[）)]/;

function stripMarks(s: string): string {
  return s.replace(/^[#\s*]+/, "").replace(/\*+/g, "");
}

const LIST_START = /^(\d+[.、．]|[（(][一二三四五六七八九十\d]+[）)]|[一二三四五六七八九十]+、|——|—|#|附件)/;

/**
 * Paragraphs with their section. A line that does not end a sentence continues on the next one
 * (PDF conversions break lines and pages mid-sentence), so the two are read as one paragraph.
 */
function paragraphs(lines: string[], skip: Set<number>): Paragraph[] {
  const out: Paragraph[] = [];
  let l1 = { title: "", goal: false, retro: false };
  let l2: { title: string; goal: boolean; retro: boolean } | null = null;
  let open: Paragraph | null = null;
  let openEnd = -1;
  lines.forEach((raw, i) => {
    if (skip.has(i)) {
      open = null;
      return;
    }
    if (!raw.trim()) return;
    const t = stripMarks(raw).trim();
    const isHeading = HEADING_1.test(t) || HEADING_2.test(t) || /^附件\s*\d*/.test(t) || (/^#{1,6}\s/.test(raw) && t.length <= 40);
    if (open && !isHeading && !LIST_START.test(t)) {
      const prev = open as Paragraph;
      const joined = lines.slice(openEnd, i + 1).join("\n");
      prev.text += joined.slice(lines[openEnd].length);
      prev.norm = normalizeChars(prev.text);
      openEnd = i;
      open = /[。！？；：:;…”」）)]\s*$/.test(raw) ? null : prev;
      return;
    }
    const headTitle = t.split(/[。：:]/)[0].slice(0, 30);
    const head = { title: headTitle, goal: /目标/.test(headTitle), retro: RETRO_HEADING.test(headTitle) && !/目标|任务/.test(headTitle) };
    if (HEADING_1.test(t) || /^附件\s*\d*/.test(t)) {
      l1 = head;
      l2 = null;
    } else if (HEADING_2.test(t)) {
      l2 = head;
    } else if (/^#{1,6}\s/.test(raw) && t.length <= 40) {
      l1 = head;
      l2 = null;
    }
    const section = l2 ? `${l1.title} ${l2.title}`.trim() : l1.title;
    const par: Paragraph = {
      line: i,
      isHeading: isHeading && t.length <= 40,
      text: raw,
      norm: normalizeChars(raw),
      section: section || "正文",
      goal: l1.goal || !!l2?.goal,
      retro: l2 ? l2.retro : l1.retro,
    };
    out.push(par);
    open = isHeading && t.length <= 40 ? null : /[。！？；：:;…”」）)]\s*$/.test(raw) ? null : par;
    openEnd = i;
  });
  return out;
}

/** Future years a paragraph aims at (到2025年, 至2022年底), with their positions. */
function yearPhrases(norm: string, firstFuture: number): Array<{ at: number; year: number }> {
  const out: Array<{ at: number; year: number }> = [];
  for (const m of norm.matchAll(/(?<![\d\-~])(到|至|截至|截止|在|于)\s*(20\d\d)\s*年(?!\s*[-~至到]\s*20)/g)) {
    const year = Number(m[2]);
    if (year >= firstFuture) out.push({ at: m.index, year });
  }
  for (const m of norm.matchAll(/(?<![\d\-~])(20\d\d)\s*年(底|末)?前/g)) {
    const year = Number(m[1]);
    if (year >= firstFuture) out.push({ at: m.index, year });
  }
  // 到“十四五”末: the last year of that five-year plan.
  for (const m of norm.matchAll(/(到|至)\s*“?(十[三四五]五)”?(末|期末|时期末)/g)) {
    out.push({ at: m.index, year: FIVE_YEAR_END[m[2]] });
  }
  return out.sort((a, b) => a.at - b.at);
}

// ---------------------------------------------------------------------------------------------
// Sentences

interface Span {
  start: number;
  end: number;
}

function splitSpans(s: string, from: number, to: number, sep: RegExp): Span[] {
  const out: Span[] = [];
  let start = from;
  for (let i = from; i < to; i++) {
    // 1,200: a comma between digits separates thousands, not clauses.
    if (sep.test(s[i]) && !(s[i] === "," && /\d/.test(s[i - 1] ?? "") && /^\d{3}(?!\d)/.test(s.slice(i + 1, i + 5)))) {
      if (i > start) out.push({ start, end: i });
      start = i + 1;
    }
  }
  if (to > start) out.push({ start, end: to });
  return out;
}

/** Without the words that lead a clause but are no part of a name (力争, 全市, 到2025年 …). */
function cleanLead(s: string): string {
  let t = s.replace(/\*+/g, "").trim();
  for (let k = 0; k < 3; k++) t = t.replace(LEAD_NOISE, "").replace(/^\d+[.、．]\s*/, "");
  return t.replace(/[，,、；;：:\s]+$/, "");
}

/** A name: cleanLead, then without the comparing words it ends with (达到, 突破 …). */
function cleanName(s: string): string {
  const t = cleanLead(s).replace(TAIL_WORDS, "").replace(/[，,、；;：:\s]+$/, "").replace(/的$/, "");
  return t.replace(/\s+/g, (m, i: number, all: string) =>
    /[A-Za-z0-9]/.test(all[i - 1] ?? "") && /[A-Za-z0-9]/.test(all[i + m.length] ?? "") ? " " : "",
  );
}

function kindFrom(context: string, verb: string | null, unit: string, name: string): { kind: Kind; cue: boolean } {
  if (unit === "%" && /年均(增长|增幅|增速|增长率|提高)/.test(context)) return { kind: "growthRate", cue: true };
  if (unit === "%" && /较\s*20\d\d\s*年/.test(context)) return { kind: "growth", cue: true };
  if (/每年|年均不(少|低)于/.test(context)) return { kind: "annual", cue: true };
  if (/累计/.test(context) || /累计/.test(name) || verb === "累计") return { kind: "cumulative", cue: true };
  if (verb && /新增|培育|建设|建成|设立|成立|引进|培养|实施|打造|创建|认定|新建|完成|举办|组织|开展/.test(verb))
    return { kind: "additions", cue: verb === "新增" };
  if (/新增/.test(context)) return { kind: "additions", cue: true };
  // 年专利申请量 set for the target year only is a level (docs/method.md §1), like 拥有量, 满意度 …
  return { kind: "level", cue: false };
}

function unitOf(scaleWord: string | undefined, unitWord: string): { unit: string; scale: number; display: Proposal["display"] } {
  let scale = scaleWord === "万" ? 1e4 : scaleWord === "亿" ? 1e8 : 1;
  let unit = unitWord;
  const fused = /^(万|亿)(.+)$/.exec(unitWord);
  if (fused) {
    scale *= fused[1] === "万" ? 1e4 : 1e8;
    unit = fused[2];
  }
  if (unit === "百分点" || unit === "个百分点") unit = "个百分点";
  const shown = `${scaleWord ?? ""}${unitWord}`;
  return { unit, scale, display: scale !== 1 ? { unit: shown, scale } : null };
}

// ---------------------------------------------------------------------------------------------
// The drafter

interface Context {
  firstFuture: number;
  periodEnd: number | null;
  proposals: Proposal[];
  facts: Fact[];
  /** A year stated above the paragraphs it governs (到2025年，主要目标是：). */
  carry: { section: string; year: number; quote: string } | null;
}

/** The year a figure is read for, how it was found, and the sentence that states it (null: none does). */
interface YearAt {
  year: number | null;
  how: "before" | "after" | "carried" | "period" | null;
  quote: string | null;
}

function firstSentence(text: string): string {
  const end = text.search(/[。！？；;：:]/);
  return (end < 0 ? text : text.slice(0, end)).trim();
}

/** 2023年 phrases of a piece of text, with where each ends (relative to the piece). */
function yearPhrasesIn(s: string): Array<{ year: number; end: number }> {
  return [...s.matchAll(/(20\d\d)\s*年(?:底|末)?(?:前|以前)?/g)].map((m) => ({ year: Number(m[1]), end: m.index! + m[0].length }));
}

/**
 * Adds the sentence that states the proposal's year when none of its quotes does: a plan file's
 * years must stand in its quotes (npm run check:data), so the reviewer need not find them.
 */
function withYearQuote(p: Proposal, year: number | null, quote: string | null): void {
  if (year == null || !quote || !quote.includes(String(year))) return;
  if (p.quotes.some((q) => q.includes(String(year)))) return;
  if (!p.quotes.some((q) => squash(q) === squash(quote))) p.quotes.push(quote);
}

/** A figure the plan reports of the past (截至2022年底，海外发明专利授权量达到19件): a base, perhaps. */
interface Fact {
  name: string;
  value: number;
  unit: string;
  year: number;
  yearPrinted: boolean;
  quote: string;
}

/** Figures of a sentence about the past, each with the name before it and the year it is of. */
function collectFacts(par: Paragraph, span: Span, ctx: Context): void {
  const { norm, text } = par;
  for (const clause of splitSpans(norm, span.start, span.end, /[，,：:]/)) {
    let prevEnd = clause.start;
    for (const m of norm.slice(clause.start, clause.end).matchAll(FIGURE_RE)) {
      const start = clause.start + m.index;
      const end = start + m[0].length;
      const [, lo, hi, scaleWord, approx, unitWord] = m;
      const pre = norm.slice(prevEnd, start);
      const post = norm.slice(end, clause.end).trim();
      prevEnd = end;
      if (hi != null || approx || /[A-Za-z/\d.]/.test(norm[start - 1] ?? "")) continue;
      if (post && /^[\u4e00-\u9fa5]/.test(post) && !/^(是|比|较|，)/.test(post)) continue;
      const name = cleanName(pre.replace(/^(?:由|从)?\s*20\d\d\s*年(?:底|末)?的?/, "").replace(/(?:由|从)?\s*20\d\d\s*年(?:底|末)?的?$/, ""));
      if (name.length < 2 || name.length > 40) continue;
      const years = [...norm.slice(span.start, start).matchAll(/(20\d\d)\s*年/g)];
      const lastYear = years[years.length - 1];
      const year = lastYear ? Number(lastYear[1]) : ctx.firstFuture > 0 && ctx.firstFuture < 2100 ? ctx.firstFuture - 1 : null;
      if (year == null) continue;
      let qStart = lastYear && lastYear.index! + span.start >= clause.start - 40 ? Math.min(clause.start, span.start + lastYear.index!) : clause.start;
      const lead = /(截至|截止|到|至|在)\s*$/.exec(norm.slice(Math.max(span.start, qStart - 4), qStart));
      if (lead) qStart -= lead[0].length;
      const { unit, scale } = unitOf(scaleWord, unitWord);
      ctx.facts.push({ name, value: scaleValue(toNumber(lo), scale), unit, year, yearPrinted: !!lastYear, quote: text.slice(qStart, end).trim() });
    }
  }
}

/** A target without a base gets the plan's own report of the same indicator before the period. */
function attachBases(proposals: Proposal[], facts: Fact[]): void {
  for (const p of proposals) {
    if (p.targetValue == null || p.baseValue != null || !["level", "cumulative"].includes(p.kind)) continue;
    let best: Fact | null = null;
    let bestSim = 0.8;
    for (const f of facts) {
      if (f.unit !== p.unit || (p.targetYear != null && f.year >= p.targetYear)) continue;
      if (p.baseYear != null && p.baseYear !== f.year) continue;
      const sim = nameSimilarity(f.name, p.name);
      if (sim >= bestSim) {
        best = f;
        bestSim = sim;
      }
    }
    if (!best) continue;
    p.baseYear = best.year;
    p.baseValue = best.value;
    if (!p.quotes.some((q) => squash(q) === squash(best!.quote))) p.quotes.push(best.quote);
    p.notes.push(
      best.yearPrinted
        ? `基期取自规划对现状的叙述 / base from the plan's account of the present`
        : `基期取自规划对现状的叙述，基期年按规划起始年前一年 / base from the plan's account of the present; base year taken as the year before the period`,
    );
  }
}

function newProposal(p: Partial<Proposal> & Pick<Proposal, "name" | "origin" | "quotes" | "section">): Proposal {
  return {
    key: "",
    unit: "",
    display: null,
    kind: "level",
    comparator: "reach",
    direction: "increase",
    attribute: null,
    baseYear: null,
    baseValue: null,
    targetYear: null,
    targetValue: null,
    targetMax: null,
    milestones: {},
    confidence: 0.5,
    notes: [],
    ...p,
  };
}

function sentenceProposals(par: Paragraph, ctx: Context): void {
  const { norm, text } = par;
  if (par.retro) {
    for (const sentence of splitSpans(par.norm, 0, par.norm.length, /[。！？；;]/)) collectFacts(par, sentence, ctx);
    return;
  }
  const years = yearPhrases(norm, ctx.firstFuture);
  const untilEnd = /试点期满|规划期末|期末|期满/.test(norm);
  // "到2025年，主要目标是：" (or a heading 到2025年目标) gives the year of the paragraphs under it.
  if (ctx.carry && ctx.carry.section !== par.section) ctx.carry = null;
  const carried = ctx.carry;
  // A lead that ends in a colon, a heading, or a goal paragraph opening with 到2025年 gives its year
  // to the paragraphs under it (1. … 2. …).
  if (years.length && (/[：:]\s*$/.test(norm) || par.isHeading || (par.goal && /^\s*(?:到|至)\s*20\d\d\s*年/.test(norm)))) {
    ctx.carry = { section: par.section, year: years[years.length - 1].year, quote: firstSentence(text) };
  }
  const yearAt = (pos: number): YearAt => {
    const before = years.filter((y) => y.at < pos);
    if (before.length) return { year: before[before.length - 1].year, how: "before", quote: sentenceAt(before[before.length - 1].at) };
    if (years.length) return { year: years[0].year, how: "after", quote: sentenceAt(years[0].at) };
    if (carried != null) return { year: carried.year, how: "carried", quote: carried.quote };
    return { year: untilEnd ? ctx.periodEnd : null, how: untilEnd ? "period" : null, quote: untilEnd ? sentenceAt(norm.search(/试点期满|规划期末|期末|期满/)) : null };
  };
  const quoteOf = (start: number, end: number) => text.slice(start, end).trim();
  /** The sentence of this paragraph around a position: the quote that states a year read from it. */
  const sentenceAt = (pos: number): string => {
    const span = splitSpans(norm, 0, norm.length, /[。！？；;]/).find((s) => pos >= s.start && pos < s.end);
    return span ? quoteOf(span.start, span.end) : "";
  };

  for (const sentence of splitSpans(norm, 0, norm.length, /[。！？；;]/)) {
    if (isPast(norm.slice(sentence.start, sentence.end), ctx.firstFuture)) {
      collectFacts(par, sentence, ctx);
      continue;
    }
    const clauses = splitSpans(norm, sentence.start, sentence.end, /[，,：:]/);
    let sentenceVerb: string | null = null;
    let last: Proposal | null = null;
    let lastQuoteStart = sentence.start;
    for (let ci = 0; ci < clauses.length; ci++) {
      const clause = clauses[ci];
      const ctext = norm.slice(clause.start, clause.end);
      const leadVerb = LEAD_VERBS.exec(cleanName(ctext.replace(/^(?:到|至)\s*20\d\d\s*年/, "")).trim());
      if (leadVerb) sentenceVerb = leadVerb[1];
      // A clause quoting another document's plan (…提出的…的规划) sets no target of this one.
      const citesOther = /的(规划|部署|要求)$|规划提出|提出的/.test(ctext);

      type Fig = { start: number; end: number; lo: number; hi: number | null; scaleWord?: string; unitWord: string; mod?: string };
      const figs: Fig[] = [];
      for (const m of ctext.matchAll(FIGURE_RE)) {
        const start = clause.start + m.index;
        const end = start + m[0].length;
        const before = norm[start - 1] ?? "";
        if (/[A-Za-z/\d.]/.test(before) || /第|前|近|约/.test(before)) continue;
        const [, lo, hi, scaleWord, approx, unitWord, mod] = m;
        if (unitWord === "%" && /\d/.test(norm[end] ?? "")) continue;
        // 17部门, 名单, 项目: the unit character starts another word.
        const unitEnd = end - (mod?.length ?? 0);
        if (/^(部门|名单|名称|项目|个人|人民|人员|人才|分类|分局|条例|条件|场所|所有|家庭|次要|户籍|款项|只有|套餐|篇章|部分|部署|部委|期间|期限|期末|期满)/.test(norm.slice(unitEnd - unitWord.length, unitEnd + 1))) continue;
        figs.push({ start, end, lo: toNumber(lo), hi: hi != null ? toNumber(hi) : null, scaleWord, unitWord, mod: mod ?? (approx ? "余" : undefined) });
      }
      for (const m of ctext.matchAll(HAN_FIGURE_RE)) {
        const start = clause.start + m.index + m[1].length;
        const end = start + 2;
        figs.push({ start, end, lo: hanNumeral(m[2])!, hi: null, unitWord: m[3] === "大" ? "个" : m[3] });
      }
      figs.sort((a, b) => a.start - b.start);

      if (citesOther) continue;
      const before = ctx.proposals.length;

      let prevEnd = clause.start;
      for (let fi = 0; fi < figs.length; fi++) {
        const f = figs[fi];
        const preStart = prevEnd;
        const postEnd = fi + 1 < figs.length ? figs[fi + 1].start : clause.end;
        const pre = norm.slice(preStart, f.start);
        const post = norm.slice(f.end, postEnd).trim();
        const { unit, scale, display } = unitOf(f.scaleWord, f.unitWord);

        // 较2022年增长17%: the base of the figure just before, not a target of its own.
        const growthBase = /(?:较\s*(20\d\d)\s*年(?:底|末)?|同比)\s*(增长|提高|提升|增加|上升)\s*$/.exec(pre);
        if (growthBase && unit === "%" && last && fi === 0 && last.targetValue != null && last.kind !== "growth") {
          if (growthBase[1]) last.baseYear = Number(growthBase[1]);
          last.notes.push(`${growthBase[0].trim()}${f.lo}%：基期值未印出 / base value not printed`);
          const q = quoteOf(lastQuoteStart, f.end);
          if (q) last.quotes[last.quotes.length - 1] = q;
          prevEnd = f.end;
          continue;
        }

        // Name: before the figure, or after it when a verb (or nothing) leads. With a comparing
        // word before the figure (…的企业达到10家) the whole phrase before it is the name.
        const comparing = COMPARATOR_TAIL.some(([re]) => re.test(pre));
        const rawPre = fi === 0 || preStart === clause.start ? pre : pre.replace(/^\s*[、和及与]/, "");
        const cleanedPre = cleanName(rawPre);
        const lead = LEAD_VERBS.exec(cleanedPre);
        const enumeration = !lead && /等$/.test(cleanedPre);
        let name: string;
        let nameAfter = false;
        if ((lead && cleanName(cleanedPre.slice(lead[1].length)) === "") || cleanedPre === "" || enumeration) {
          name = cleanName(post.replace(/^(以上|的)/, "")) || (lead ? lead[1] : "");
          nameAfter = true;
          if (enumeration && !post) continue;
        } else {
          // A figure inside a noun phrase (拥有10件以上发明专利的企业) is not a target.
          if (post && /^[\u4e00-\u9fa5A-Za-z“《(（]/.test(post)) continue;
          name = lead && !comparing ? cleanName(cleanedPre.slice(lead[1].length)) || cleanedPre : cleanedPre;
        }
        if (name.length < 2 || name.length > 60) continue;
        // Rewards and subsidies (奖励100万元, 给予最高50万元补助) are policy, not targets.
        if (INCENTIVE.test(pre) || INCENTIVE.test(name)) continue;
        prevEnd = f.end;
        const inherits = /^\s*[、，,]?\s*其中/.test(rawPre) && last != null;

        // A verb leading the sentence (新增 …) counts the figures after it that have no comparing word of their own.
        const verb = lead && !comparing ? lead[1] : /^(新增|累计)/.test(cleanedPre) || lead || comparing ? null : sentenceVerb;
        let comparator: Comparator = "reach";
        let explicitComparator = false;
        for (const [re, c] of COMPARATOR_TAIL) {
          if (re.test(pre)) {
            comparator = c;
            explicitComparator = true;
            break;
          }
        }
        if (f.mod === "余") {
          comparator = "exceed";
          explicitComparator = true;
        } else if (f.mod === "以上" || f.mod === "及以上") {
          if (comparator !== "exceed") comparator = "atLeast";
          explicitComparator = true;
        } else if (f.mod === "以内" || f.mod === "以下") {
          comparator = "atMost";
          explicitComparator = true;
        }
        if (f.hi != null) comparator = "range";

        const contextText = norm.slice(sentence.start, f.end);
        const { kind, cue } = kindFrom(pre, verb, unit, name);
        let finalKind = kind;
        if (inherits && last) finalKind = last.kind;
        if ((unit === "%" || unit === "分") && !["growth", "growthRate", "annual"].includes(finalKind)) finalKind = "level";
        if (kind === "level" && unit === "%" && /年均(增长|增幅|增速)/.test(contextText.slice(-40))) finalKind = "growthRate";

        const { year, how } = yearAt(f.start);
        const notes: string[] = [];
        if (how === "after") notes.push("目标年取自本段后文 / target year from later in the paragraph");
        if (how === "carried") notes.push("目标年取自上文“到…年” / target year from the 到…年 above");
        if (how === null) notes.push("原文未写年份，取规划期末 / no year in the text: the period's end");
        if (!explicitComparator) notes.push("未见比较词，按“达到” / no comparing word: read as reach");
        if (verb && !cue && kind === "additions") notes.push(`“${verb}”按新增计 / “${verb}” read as additions`);

        // Quote: the clause, from the year phrase of the same sentence when there is one.
        let qStart = clause.start;
        const yearInSentence = years.filter((y) => y.at >= sentence.start && y.at < f.start);
        if (yearInSentence.length) qStart = Math.min(qStart, yearInSentence[yearInSentence.length - 1].at);
        if (fi > 0 && !nameAfter) qStart = Math.max(qStart, clause.start);
        const quote = quoteOf(qStart, nameAfter ? Math.max(f.end, postEnd) : f.end);

        let confidence = 0.45;
        if (how === "before") confidence += 0.2;
        if (how === "after" || how === "carried") confidence += 0.1;
        if (explicitComparator) confidence += 0.1;
        if (par.goal) confidence += 0.15;
        if (nameAfter && !lead) confidence -= 0.1;
        if (enumeration) confidence -= 0.2;

        const p = newProposal({
          name,
          origin: "sentence",
          quotes: [quote],
          section: par.section,
          unit,
          display,
          kind: finalKind,
          comparator,
          direction: DECREASE.test(pre.slice(-6)) || comparator === "atMost" ? "decrease" : "increase",
          targetYear: year ?? ctx.periodEnd,
          targetValue: scaleValue(f.lo, scale),
          targetMax: f.hi != null ? scaleValue(f.hi, scale) : null,
          confidence: Math.max(0.05, Math.min(0.95, confidence)),
          notes,
        });
        const growth = /较\s*(20\d\d)\s*年/.exec(pre);
        if (growth && finalKind === "growth") p.baseYear = Number(growth[1]);
        withYearQuote(p, year, yearAt(f.start).quote);
        ctx.proposals.push(p);
        last = p;
        lastQuoteStart = qStart;
      }
      // No figure of its own (拥有5件以上发明专利的企业明显增多): perhaps a goal without one.
      if (ctx.proposals.length === before && !(last && prevEnd > clause.start)) qualitativeOrMilestone(par, clause, ctx, yearAt);
    }
  }
}

function qualitativeOrMilestone(par: Paragraph, clause: Span, ctx: Context, yearAt: (pos: number) => YearAt): void {
  const raw = par.norm.slice(clause.start, clause.end);
  const text = cleanLead(raw).replace(/\s+/g, "");
  if (text.length < 4 || text.length > 60) return;
  // A deadline later in the sentence (建立…工作站，2023年底前建成) is this clause's year.
  const sentenceEnd = par.norm.slice(clause.end).search(/[。！？；;]/);
  const own = yearPhrasesIn(par.norm.slice(clause.end, sentenceEnd < 0 ? par.norm.length : clause.end + sentenceEnd));
  const found = yearAt(clause.start);
  const { year, how } = found;
  const deadline = own.find((y) => y.year === year);
  const inGoal = par.goal || how === "before";
  const quote = par.text.slice(clause.start, deadline ? (sentenceEnd < 0 ? par.norm.length : clause.end + sentenceEnd) : clause.end).trim();
  const q = QUALITATIVE_RE.exec(text);
  if (inGoal && q && q.index >= 2) {
    ctx.proposals.push(
      newProposal({
        name: cleanName(text.slice(0, q.index).replace(/(得到|实现|取得|有|呈)$/, "")) || text,
        origin: "qualitative",
        quotes: [quote],
        section: par.section,
        kind: "qualitative",
        comparator: "none",
        direction: DECREASE.test(q[0]) ? "decrease" : "increase",
        targetYear: year ?? ctx.periodEnd,
        confidence: 0.5,
        notes: ["定性目标：无数值 / qualitative: no figure"],
      }),
    );
    withYearQuote(ctx.proposals[ctx.proposals.length - 1], year, found.quote);
    return;
  }
  // Outside the goals, only a clause that starts by founding something (建立…制度) may be a milestone.
  if (inGoal ? MILESTONE_RE.test(text) : /^(建成|建立|出台|设立|成立|制定|修订|创建|申建)/.test(text)) {
    ctx.proposals.push(
      newProposal({
        name: text,
        origin: "milestone",
        quotes: [quote],
        section: par.section,
        kind: "milestone",
        comparator: "none",
        targetYear: year ?? ctx.periodEnd,
        confidence: inGoal ? 0.4 : 0.3,
        notes: ["完成即为 1 / done counts as 1"],
      }),
    );
    withYearQuote(ctx.proposals[ctx.proposals.length - 1], year, found.quote);
  }
}

// ---------------------------------------------------------------------------------------------
// Tables

interface Column {
  index: number;
  role: "name" | "year" | "base" | "target" | "unit" | "attribute" | "category" | "skip";
  year: number | null;
}

function tableProposals(table: TextTable, ctx: Context, firstFuture: number): void {
  const header = table.rows[0].cells.map((c) => normalizeChars(c).replace(/\s+/g, ""));
  const caption = table.caption ? normalizeChars(table.caption) : "";
  const columns: Column[] = header.map((h, index) => {
    const y = /(20\d\d)/.exec(h);
    if (/序号|编号|^No/.test(h)) return { index, role: "skip", year: null };
    if (/增加|增量|增长|变化|差值|备注|责任|牵头|说明/.test(h)) return { index, role: "skip", year: null };
    if (/属性|性质/.test(h)) return { index, role: "attribute", year: null };
    if (/^(类别|领域|分类|方面)$/.test(h)) return { index, role: "category", year: null };
    if (/^(计量)?单位$/.test(h)) return { index, role: "unit", year: null };
    if (/基期|基数|基准|现状|现值|完成值/.test(h)) return { index, role: "base", year: y ? Number(y[1]) : null };
    if (/目标/.test(h) && !/指标/.test(h)) return { index, role: "target", year: y ? Number(y[1]) : null };
    if (y && h.length <= 14) return { index, role: "year", year: Number(y[1]) };
    if (/指标|名称|任务|项目|内容/.test(h)) return { index, role: "name", year: null };
    return { index, role: "skip", year: null };
  });
  let nameCol = columns.find((c) => c.role === "name");
  if (!nameCol) {
    nameCol = columns.find((c) => c.role === "skip" && !/序号|编号/.test(header[c.index]));
    if (!nameCol) return;
    nameCol.role = "name";
  }
  const yearCols = columns.filter((c) => c.role === "year").sort((a, b) => a.year! - b.year!);
  let baseCol = columns.find((c) => c.role === "base") ?? null;
  let targetCol = columns.find((c) => c.role === "target") ?? null;
  const milestoneCols: Column[] = [];
  if (!targetCol && yearCols.length) targetCol = yearCols[yearCols.length - 1];
  for (const c of yearCols) {
    if (c === targetCol) continue;
    if (!baseCol && (c.year! < firstFuture || yearCols.length === 2)) baseCol = c;
    else milestoneCols.push(c);
  }
  if (!targetCol) return;
  const captionYear = /(20\d\d)/.exec(caption);
  const targetYear = targetCol.year ?? (captionYear ? Number(captionYear[1]) : ctx.periodEnd);
  const unitCol = columns.find((c) => c.role === "unit");
  const attrCol = columns.find((c) => c.role === "attribute");
  const categoryCol = columns.find((c) => c.role === "category");
  const captionUnit = /单位[:：]\s*([^\s)）]+)/.exec(caption)?.[1] ?? "";
  const schedule = milestoneCols.length > 0;

  for (const row of table.rows.slice(1)) {
    const cell = (c: Column | null | undefined) => (c ? (row.cells[c.index] ?? "").trim() : "");
    const rawName = cell(nameCol);
    if (!rawName || cellNumber(rawName)) continue;
    const target = cellNumber(cell(targetCol));
    if (!target) continue;
    const unitParen = /[（(]([^（()）]{1,8})[)）]\s*$/.exec(rawName);
    let unitText = unitParen ? unitParen[1] : cell(unitCol) || captionUnit;
    if (/\d/.test(unitText)) unitText = "";
    const name = cleanName(rawName.replace(/[（(][^（()）]{1,8}[)）]\s*$/, "").replace(/^\d+[.、．]\s*/, ""));
    const money = /额|金额|经费|资金|收入|产值|融资|贷款|投入|成交|规模/.test(name);
    let unit = unitText;
    let headerScale = 1;
    const scaled = /^(万|亿)(.*)$/.exec(unitText);
    if (scaled) {
      headerScale = scaled[1] === "万" ? 1e4 : 1e8;
      unit = scaled[2] || (money ? "元" : "");
    }
    const read = (n: ReturnType<typeof cellNumber>) => (n ? scaleValue(n.value, n.scale !== 1 ? n.scale : headerScale) : null);
    if (!unit && target.unit) unit = target.unit;
    const display = headerScale !== 1 ? { unit: unitText + (unit === "元" && !/元$/.test(unitText) ? "元" : ""), scale: headerScale } : target.scale !== 1 ? { unit: (target.scale === 1e4 ? "万" : "亿") + unit, scale: target.scale } : null;
    const milestones: Record<string, number> = {};
    for (const c of milestoneCols) {
      const v = read(cellNumber(cell(c)));
      if (v != null && c.year != null) milestones[String(c.year)] = v;
    }
    const base = baseCol ? read(cellNumber(cell(baseCol))) : null;
    const attr = cell(attrCol);
    let kind: Kind = "level";
    if (/累计/.test(name)) kind = "cumulative";
    else if (/^(年|每年|新增)/.test(name) && schedule) kind = "annual";
    else if (/^新增|新增量/.test(name)) kind = "additions";
    const notes: string[] = [];
    if (scaled) notes.push(`表头单位（${unitText}）：数值 ×${headerScale} / header unit (${unitText}): values ×${headerScale}`);
    if (!unitParen && !cell(unitCol) && !captionUnit && !target.unit) notes.push("表中未写单位 / no unit in the table");
    ctx.proposals.push(
      newProposal({
        name,
        origin: "table",
        // The head row names the years of the base and target columns; a caption the target year.
        quotes: [row.quote, ...(yearCols.length || baseCol?.year || targetCol.year ? [table.rows[0].quote] : []), ...(targetCol.year == null && captionYear && table.caption ? [table.caption.trim()] : [])].filter(Boolean),
        // The row's category (创造, 运用 …) goes with the caption: the plan's own area for it.
        section: [table.caption ?? "表", cell(categoryCol)].filter(Boolean).join(" "),
        unit,
        display,
        kind,
        comparator: target.max != null ? "range" : target.atLeast ? "atLeast" : "reach",
        attribute: (/约束性/.test(attr) ? "约束性" : /预期性/.test(attr) ? "预期性" : null) as Attribute | null,
        baseYear: baseCol && base != null ? baseCol.year ?? null : null,
        baseValue: base,
        targetYear,
        targetValue: read(target),
        targetMax: target.max != null ? scaleValue(target.max, target.scale !== 1 ? target.scale : headerScale) : null,
        milestones,
        confidence: 0.9,
        notes,
      }),
    );
  }
}

// ---------------------------------------------------------------------------------------------
// Merging: one target stated in a table, a sentence and an attachment is one proposal.

function compatible(a: Proposal, b: Proposal): boolean {
  if (a.targetValue == null || b.targetValue == null) return false;
  if (a.targetYear !== b.targetYear) return false;
  if (!sameNumber(a.targetValue, b.targetValue)) return false;
  if ((a.targetMax ?? null) !== (b.targetMax ?? null)) return false;
  if (a.unit && b.unit && a.unit !== b.unit) return false;
  const x = squash(a.name);
  const y = squash(b.name);
  if (x.includes(y) || y.includes(x)) return true;
  return nameSimilarity(a.name, b.name) >= 0.3;
}

const CUE_KINDS: Kind[] = ["cumulative", "additions", "annual", "growthRate", "growth"];

function mergeInto(host: Proposal, other: Proposal): void {
  for (const q of other.quotes) if (!host.quotes.some((h) => squash(h) === squash(q))) host.quotes.push(q);
  for (const [y, v] of Object.entries(other.milestones)) if (!(y in host.milestones)) host.milestones[y] = v;
  if (host.baseValue == null && other.baseValue != null) {
    host.baseValue = other.baseValue;
    host.baseYear = other.baseYear;
  }
  if (host.baseYear == null && other.baseYear != null) host.baseYear = other.baseYear;
  if (!host.unit && other.unit) host.unit = other.unit;
  if (host.comparator === "reach" && other.comparator !== "reach") host.comparator = other.comparator;
  if (host.kind === "level" && CUE_KINDS.includes(other.kind)) host.kind = other.kind;
  host.attribute ??= other.attribute;
  host.display ??= other.display;
  host.confidence = Math.min(0.97, Math.max(host.confidence, other.confidence) + 0.05);
  host.notes = host.notes.filter((n) => !/未见比较词|no unit/.test(n) || !other.quotes.length);
}

function merge(proposals: Proposal[]): Proposal[] {
  const kept: Proposal[] = [];
  for (const p of proposals) {
    if (p.targetValue == null) {
      const same = kept.find((k) => k.kind === p.kind && squash(k.name) === squash(p.name));
      if (same) mergeInto(same, p);
      else kept.push(p);
      continue;
    }
    const i = kept.findIndex((k) => compatible(k, p));
    if (i < 0) {
      kept.push(p);
      continue;
    }
    const k = kept[i];
    // A table row hosts: its name and columns are the plan's own layout.
    if (p.origin === "table" && k.origin !== "table") {
      mergeInto(p, k);
      kept[i] = p;
    } else mergeInto(k, p);
  }
  return kept;
}

// ---------------------------------------------------------------------------------------------

/** Proposes a plan from its plain text. */
export function draftPlan(input: string): DraftResult {
  const text = input.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  const lines = text.split("\n");
  const tables = findTables(lines);
  const tableLines = new Set<number>();
  for (const t of tables) for (const n of t.lineSet) tableLines.add(n);

  // Years the text aims at, for the period when the title gives none.
  const norm = normalizeChars(text);
  const goalYears = [...norm.matchAll(/(?<![\d\-~])(?:到|至)\s*(20\d\d)\s*年(?!\s*[-~至到]\s*20)/g)].map((m) => Number(m[1]));
  const baseYears = [...norm.matchAll(/较\s*(20\d\d)\s*年/g)].map((m) => Number(m[1]));
  const scheduleStarts: number[] = [];
  for (const t of tables) {
    const ys = t.rows[0].cells.map((c) => /^(20\d\d)\s*年?$/.exec(normalizeChars(c).trim())).filter((m) => m).map((m) => Number(m![1]));
    if (ys.length >= 3) scheduleStarts.push(Math.min(...ys));
    if (ys.length === 2) baseYears.push(Math.min(...ys));
    if (ys.length) goalYears.push(Math.max(...ys));
  }
  const meta = readMeta(lines, { goalYears, baseYears, scheduleStarts });
  // Years before this are the past (a base, an achievement); with no period or goal year, none is.
  const firstFuture = meta.period ? meta.period.start : goalYears.length ? Math.min(...goalYears) : 0;
  const ctx: Context = { firstFuture, periodEnd: meta.period?.end ?? null, proposals: [], facts: [], carry: null };

  // Text order: a table's rows stand where the table stands.
  const pars = paragraphs(lines, tableLines);
  const tableAt = new Map(tables.map((t) => [Math.min(...t.lineSet), t]));
  const order: Array<{ line: number; run: () => void }> = [];
  for (const p of pars) order.push({ line: p.line, run: () => sentenceProposals(p, ctx) });
  for (const [line, t] of tableAt) order.push({ line, run: () => tableProposals(t, ctx, firstFuture) });
  order.sort((a, b) => a.line - b.line);
  for (const o of order) o.run();

  const merged = merge(ctx.proposals);
  attachBases(merged, ctx.facts);
  const proposals = merged.map((p, i) => ({ ...p, key: `P${String(i + 1).padStart(2, "0")}` }));
  return { meta, proposals };
}

export type { DraftResult, Proposal, ProposalOrigin };
