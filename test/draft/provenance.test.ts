/**
 * The drafter never invents a figure: for every proposal on every text there is, each quote stands
 * in the text (white space ignored) and each figure — target, range top, base, milestones — is
 * written in its quotes, either as printed or scaled by a 万/亿 that stands next to the number or
 * in the row's header unit. Runs on the committed fixtures always, and on the bundled plans' texts
 * wherever they are.
 */
import { checkPlanProvenance } from "../../src/core/catalog/provenance";
import { validatePlan } from "../../src/core/catalog/validate";
import { draftPlan, draftToPlan, type Proposal } from "../../src/core/draft";
import { normalizeChars, sameNumber, squash } from "../../src/core/draft/text";
import { bundledPlans, fixtureTexts, readSource } from "./texts";

const HAN: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** Stricter than the provenance tool: a scaled number needs its 万/亿 beside it or as the row's unit. */
export function stated(value: number, quotes: string[]): boolean {
  for (const raw of quotes) {
    const q = normalizeChars(raw);
    if ([...q].some((ch) => HAN[ch] === value)) return true;
    // The row's unit, in brackets after the name (（亿）) or in a unit column (| 亿元 |).
    const headerScale = (/[（(](万|亿)[^（）()]{0,3}[）)]/.exec(q) ?? /(?:^|[|\t])\s*(万|亿)[元件人家个]?\s*(?:[|\t]|$)/.exec(q))?.[1];
    for (const m of q.matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
      const x = Number(m[0].replace(/,/g, ""));
      // 3000余万元: "more than 3000万"; the scale still stands beside the number.
      const after = q.slice(m.index + m[0].length).replace(/^\s*(余|多)?\s*/, "");
      if (sameNumber(x, value)) return true;
      if (after.startsWith("万") && sameNumber(x * 1e4, value)) return true;
      if (after.startsWith("亿") && sameNumber(x * 1e8, value)) return true;
      if (headerScale === "万" && sameNumber(x * 1e4, value)) return true;
      if (headerScale === "亿" && sameNumber(x * 1e8, value)) return true;
    }
  }
  return false;
}

function problems(text: string, proposals: Proposal[]): string[] {
  const whole = squash(text);
  const out: string[] = [];
  for (const p of proposals) {
    if (!p.quotes.length) out.push(`${p.key} ${p.name}: no quote`);
    for (const q of p.quotes) if (!whole.includes(squash(q))) out.push(`${p.key} ${p.name}: quote not in the text «${q.slice(0, 40)}»`);
    const figures: Array<[string, number | null]> = [
      ["targetValue", p.targetValue],
      ["targetMax", p.targetMax],
      ["baseValue", p.baseValue],
      ...Object.entries(p.milestones).map(([y, v]) => [`milestones.${y}`, v] as [string, number]),
    ];
    for (const [field, v] of figures) if (v != null && !stated(v, p.quotes)) out.push(`${p.key} ${p.name}: ${field} ${v} not in its quotes`);
    if ((p.kind === "milestone" || p.kind === "qualitative") && p.targetValue != null) out.push(`${p.key}: ${p.kind} with a value`);
  }
  return out;
}

describe("every proposed figure stands in its quote", () => {
  it.each(fixtureTexts().map((f) => [f.name, f.text]))("fixture %s", (_name, text) => {
    const { proposals } = draftPlan(text);
    expect(proposals.filter((p) => p.targetValue != null).length).toBeGreaterThan(0);
    expect(problems(text, proposals)).toEqual([]);
  });

  const available = bundledPlans()
    .map((p) => ({ id: p.id, source: readSource(p.source) }))
    .filter((p) => p.source);
  if (available.length) {
    it.each(available.map((p) => [p.id, p.source!.text]))("bundled plan %s", (_id, text) => {
      expect(problems(text, draftPlan(text).proposals)).toEqual([]);
    });
  }

  it("the check itself catches an invented or unscaled figure", () => {
    expect(stated(68000, ["有效商标注册总量6.8万件"])).toBe(true);
    expect(stated(50000000, ["知识产权质押融资贷款额（亿）\t0.5\t0.8\t1"])).toBe(true);
    expect(stated(3, ["培育三大专利密集型产业"])).toBe(true);
    expect(stated(6.8, ["有效商标注册总量6.8万件"])).toBe(true);
    expect(stated(100000000, ["运用 | 知识产权质押融资额 | 亿元 | 0.3 | 1 | 预期性"])).toBe(true);
    expect(stated(10000000000, ["技术合同成交额100元"])).toBe(false);
    expect(stated(100000000, ["运用 | 知识产权质押融资额 | 元 | 0.3 | 1 | 预期性"])).toBe(false);
    expect(stated(2025, ["到2024年，达到3600件"])).toBe(false);
    expect(stated(3601, ["到2024年，达到3600件"])).toBe(false);
  });
});

/**
 * A drafted plan file, every proposal accepted, passes the check it will meet (npm run check:data:
 * the schema, then every quote, figure and year against the text) with no hand edit: the head rows
 * that name a table's years and the sentences that state a year are quoted, and what no quote prints
 * (a year from the plan's period, a table head's unit) is said in `derived`.
 */
describe("a drafted plan file holds against check:data", () => {
  const asPlanFile = (text: string) => {
    const { meta, proposals } = draftPlan(text);
    return draftToPlan(proposals, {
      id: "TT",
      source: "plan.txt",
      title: meta.title ?? "规划",
      issuer: meta.issuer ?? "发文机关",
      region: meta.region ?? undefined,
      level: meta.level ?? "county",
      period: meta.period ?? { start: 2021, end: 2025 },
      docNumber: meta.docNumber,
      date: meta.date,
      draft: meta.draft,
    });
  };
  const holds = (text: string) => {
    const checked = validatePlan("TT.json", asPlanFile(text));
    if (!checked.ok) return checked.issues.map((i) => `${i.path}: ${i.en}`);
    return checkPlanProvenance("TT.json", checked.plan, text).map((i) => `${i.path}: ${i.en}`);
  };

  it.each(fixtureTexts().map((f) => [f.name, f.text]))("fixture %s", (_name, text) => {
    expect(holds(text)).toEqual([]);
  });

  const available = bundledPlans()
    .map((p) => ({ id: p.id, source: readSource(p.source) }))
    .filter((p) => p.source);
  if (available.length) {
    it.each(available.map((p) => [p.id, p.source!.text]))("the text of %s", (_id, text) => {
      expect(holds(text)).toEqual([]);
    });
  }

  it("quotes a deadline later in the sentence and says where a year came from when no quote prints it", () => {
    const text = "鹿邑县知识产权规划（2021-2025年）\n二、发展目标\n到2025年，知识产权质量明显提高。\n1. 有效发明专利拥有量达到150件；\n三、重点任务\n（一）建立县知识产权保护工作站，2023年底前建成。\n（二）培育国家知识产权优势企业3家。\n";
    const plan = asPlanFile(text);
    const byName = (name: string) => plan.targets.find((t) => t.name.zh.includes(name))!;
    expect(byName("保护工作站").quotes).toEqual(["（一）建立县知识产权保护工作站，2023年底前建成"]);
    expect(byName("保护工作站").target.year).toBe(2023);
    expect(byName("有效发明专利").quotes).toContain("到2025年，知识产权质量明显提高");
    expect(byName("优势企业").derived).toEqual([
      { field: "targetYear", note: { zh: "原文此处未写年份，按规划期（2021—2025年）末取2025年", en: "the text gives no year here: the end of the plan's period (2021–2025), 2025" } },
    ]);
    expect(holds(text)).toEqual([]);
  });
});
