/**
 * The drafter's rules, one at a time, on short texts written for these tests and on the committed
 * fixture plans (test/draft/fixtures/). Each expectation names the figure, its year and how it
 * is read, so a rule that stops working fails here by name.
 */
import fs from "node:fs";
import path from "node:path";
import { draftPlan, type Proposal } from "../../src/core/draft";
import { FIXTURES } from "./texts";

const fixture = (f: string) => fs.readFileSync(path.join(FIXTURES, f), "utf8");
const GOALS = "某市知识产权工作方案（2024-2026年）\n\n二、主要目标\n\n";

function only(text: string, name: string): Proposal {
  const hits = draftPlan(text).proposals.filter((p) => p.name.includes(name));
  if (hits.length !== 1) throw new Error(`${hits.length} proposals named ${name}: ${draftPlan(text).proposals.map((p) => p.name).join(", ")}`);
  return hits[0];
}
const figures = (text: string) => draftPlan(text).proposals.filter((p) => p.targetValue != null);

describe("target sentences", () => {
  it.each([
    ["到2026年，有效发明专利拥有量达到2000件。", "有效发明专利拥有量", 2000, "reach", "件"],
    ["到2026年，海外发明专利授权量突破25件。", "海外发明专利授权量", 25, "exceed", "件"],
    ["到2026年，地理标志专用标志使用企业数超过500家。", "地理标志专用标志使用企业数", 500, "exceed", "家"],
    ["到2026年，宣传培训累计不少于8次。", "宣传培训", 8, "atLeast", "次"],
    ["到2026年，按期结案率达95%以上。", "按期结案率", 95, "atLeast", "%"],
    ["到2026年，办案周期不超过30天。", "办案周期", 30, "atMost", "天"],
  ])("%s", (sentence, name, value, comparator, unit) => {
    const p = only(GOALS + sentence, name);
    expect(p).toMatchObject({ targetValue: value, targetYear: 2026, comparator, unit, targetMax: null });
    expect(p.quotes.join("")).toContain(String(value));
  });

  it("scales 万 and 亿 to base units and keeps how the plan writes them", () => {
    const t = GOALS + "到2026年，有效商标注册量达6.8万件，知识产权质押融资额达到1.5亿元，专利许可金额达到100万元。";
    expect(only(t, "有效商标注册量")).toMatchObject({ targetValue: 68000, unit: "件", display: { unit: "万件", scale: 1e4 } });
    expect(only(t, "质押融资额")).toMatchObject({ targetValue: 150000000, unit: "元", display: { unit: "亿元", scale: 1e8 } });
    expect(only(t, "专利许可金额")).toMatchObject({ targetValue: 1000000, unit: "元" });
  });

  it("reads 较2022年增长20% as the base year of the figure before it, not as a target", () => {
    const t = GOALS + "到2024年，全市有效发明专利拥有量达到3600件，较2022年增长20%，每万人有效发明专利拥有量达到8.2件。";
    const ps = figures(t);
    expect(ps.map((p) => p.targetValue)).toEqual([3600, 8.2]);
    expect(ps[0]).toMatchObject({ baseYear: 2022, baseValue: null, targetYear: 2024 });
    expect(ps[0].quotes[0]).toContain("较2022年增长20%");
  });

  it("reads 年均增长 as a growth rate and 每年 as a yearly bar", () => {
    const t = GOALS + "到2026年，行政执法办案量年均增幅20%以上，服务企业每年不低于20家。";
    expect(only(t, "办案量")).toMatchObject({ kind: "growthRate", targetValue: 20, comparator: "atLeast", unit: "%" });
    expect(only(t, "服务企业")).toMatchObject({ kind: "annual", targetValue: 20, comparator: "atLeast" });
  });

  it("reads 新增/培育/累计 N 家 and ranges 3-5家, the name after the verb", () => {
    const t = GOALS + "新增知识产权服务机构2-3家，培育10家国家、省、市级知识产权强企，建设3-5家产业知识产权运营中心，认证“贯标”企业累计不低于10家。";
    expect(only(t, "服务机构")).toMatchObject({ kind: "additions", comparator: "range", targetValue: 2, targetMax: 3 });
    expect(only(t, "强企")).toMatchObject({ name: "国家、省、市级知识产权强企", kind: "additions", targetValue: 10 });
    expect(only(t, "运营中心")).toMatchObject({ name: "产业知识产权运营中心", comparator: "range", targetValue: 3, targetMax: 5 });
    expect(only(t, "贯标")).toMatchObject({ kind: "cumulative", comparator: "atLeast", targetValue: 10 });
  });

  it("takes the year from 到YYYY年 of the paragraph, else the period's end, and says which", () => {
    const t = GOALS + "全市知识产权代理机构突破22家，到2025年，新增专利代理师10名。\n\n三、重点任务\n\n建成省级专利导航服务基地2个。";
    expect(only(t, "代理机构")).toMatchObject({ targetYear: 2025 });
    const later = only(t, "导航服务基地");
    expect(later.targetYear).toBe(2026);
    expect(later.notes.join()).toMatch(/规划期末/);
  });

  it("carries 到2025年，主要目标是： to the numbered paragraphs under it, not past the section", () => {
    const t =
      "某市规划（2021-2035年）\n\n二、主要目标\n\n到2025年，主要目标是：\n\n1. 有效发明专利拥有量达到5000件。\n\n" +
      "三、重点任务\n\n建成专利导航服务基地2个。";
    expect(only(t, "有效发明专利拥有量")).toMatchObject({ targetYear: 2025, name: "有效发明专利拥有量" });
    expect(only(t, "专利导航服务基地")).toMatchObject({ targetYear: 2035 });
  });

  it("proposes a founding clause of the tasks as a milestone, less sure than one among the goals", () => {
    const t = GOALS + "到2026年，建成知识产权保护中心。\n\n三、重点任务\n\n（一）完善机制。建立知识产权侵权判定专家顾问制度，加强宣传。";
    const ps = draftPlan(t).proposals;
    expect(ps.map((p) => [p.name, p.kind, p.confidence])).toEqual([
      ["建成知识产权保护中心", "milestone", 0.4],
      ["建立知识产权侵权判定专家顾问制度", "milestone", 0.3],
    ]);
  });

  it("leaves rewards and subsidies out", () => {
    const t = GOALS + "对获得中国专利金奖的企业奖励100万元，给予最高50万元补助，每件发明专利资助3000元。到2026年，专利转化金额达到200万元。";
    expect(figures(t).map((p) => p.name)).toEqual(["专利转化金额"]);
  });

  it("does not take a number inside a name, another plan's figures, or the past", () => {
    const t =
      "某市方案（2024-2026年）\n\n一、发展基础\n\n截至2023年底，全市有效发明专利1500件。\n\n二、主要目标\n\n" +
      "拥有10件以上发明专利的企业明显增多。落实省里培育示范企业200家的规划。“十三五”期间，建成工作站9个。\n";
    const ps = draftPlan(t).proposals;
    expect(ps.filter((p) => p.targetValue != null)).toEqual([]);
    expect(ps.find((p) => p.kind === "qualitative")?.name).toBe("拥有10件以上发明专利的企业");
  });

  it("joins a sentence broken over a page so its year and name stay together", () => {
    const t = GOALS + "到2025年，新增拥有10件以上发明专利的国家级知识产权\n\n强企 5 家、河南省知识产权强企 10 家。";
    expect(figures(t).map((p) => [p.name, p.targetValue, p.targetYear, p.kind])).toEqual([
      ["拥有10件以上发明专利的国家级知识产权强企", 5, 2025, "additions"],
      ["河南省知识产权强企", 10, 2025, "additions"],
    ]);
  });

  it("takes a base from the plan's account of the present, for the same indicator only", () => {
    const t =
      "某市方案（2024-2026年）\n\n一、发展基础\n\n截至2023年底，全市有效商标注册量3.1万件，每万人口发明专利拥有量4.5件。\n\n" +
      "二、主要目标\n\n到2026年，有效商标注册量达到3.5万件，每万人高价值发明专利拥有量达到3件。";
    const marks = only(t, "有效商标注册量");
    expect(marks).toMatchObject({ baseYear: 2023, baseValue: 31000, targetValue: 35000 });
    expect(marks.quotes).toContain("截至2023年底，全市有效商标注册量3.1万件");
    expect(only(t, "高价值")).toMatchObject({ baseYear: null, baseValue: null });
  });

  it("proposes qualitative goals without a figure", () => {
    const p = only(GOALS + "到2026年，PCT 专利申请量明显增长。", "PCT");
    expect(p).toMatchObject({ kind: "qualitative", comparator: "none", targetValue: null, targetYear: 2026 });
    const t = GOALS + "到2025年，强市建设取得明显成效；到2026年，知识产权综合竞争力跻身全省前列，结案时间大幅缩短。";
    expect(draftPlan(t).proposals.map((q) => [q.name, q.kind, q.targetYear, q.direction])).toEqual([
      ["强市建设", "qualitative", 2025, "increase"],
      ["知识产权综合竞争力", "qualitative", 2026, "increase"],
      ["结案时间", "qualitative", 2026, "decrease"],
    ]);
  });
});

describe("tables", () => {
  it("reads a tab table: base and target columns, unit from the name, 累计增加值 ignored", () => {
    const t =
      "某市实施意见（2024-2035年）\n\n截止2025年末主要目标\n\n指标\t2022年\t2025年\t累计增加值\t属性\n" +
      "1.每万人口高价值发明专利拥有量(件)\t2.22\t2.68\t0.46\t预期性\n7.地理标志专用标志使用企业数\t9\t20\t11\t约束性\n";
    const ps = figures(t);
    expect(ps.map((p) => [p.name, p.unit, p.baseYear, p.baseValue, p.targetYear, p.targetValue, p.attribute])).toEqual([
      ["每万人口高价值发明专利拥有量", "件", 2022, 2.22, 2025, 2.68, "预期性"],
      ["地理标志专用标志使用企业数", "", 2022, 9, 2025, 20, "约束性"],
    ]);
  });

  it("reads a one-cell-per-line table with 万/亿 in the cells and a yearly schedule as milestones", () => {
    const ps = figures(fixture("county-plan.txt"));
    const patents = ps.find((p) => p.name === "有效发明专利拥有量")!;
    expect(patents).toMatchObject({ baseYear: 2024, baseValue: 420, targetYear: 2027, targetValue: 600, milestones: { 2025: 480, 2026: 540 } });
    // stated in the text, the table and the schedule: one proposal with their three quotes, and the
    // head rows of both tables, which name the years of the columns (check:data holds years to quotes)
    expect(patents.quotes).toHaveLength(5);
    expect(patents.quotes).toEqual(expect.arrayContaining(["指标\t2024年\t2027年\t属性", "序号\t任务名称\t2025年\t2026年\t2027年"]));
    expect(ps.find((p) => p.name === "年知识产权质押融资额")).toMatchObject({
      kind: "annual", unit: "元", targetValue: 110000000, milestones: { 2025: 60000000, 2026: 80000000 },
    });
    expect(ps.find((p) => p.name === "专利转让许可金额")).toMatchObject({ unit: "元", baseValue: 3000000, targetValue: 8000000 });
  });

  it("reads a table padded with spaces, with 1,775, — , a range and ≥95", () => {
    const t =
      "某县方案（2024-2026年）\n\n主要指标\n\n序号    指标名称                 2023年    2026年     属性\n" +
      "1       有效发明专利拥有量（件）  1,775     2,000      预期性\n2       新增知识产权强企（家）    —         3-5        预期性\n" +
      "3       按期结案率（%）           90        ≥95        约束性\n";
    expect(figures(t).map((p) => [p.name, p.baseValue, p.targetValue, p.targetMax, p.comparator, p.kind, p.unit])).toEqual([
      ["有效发明专利拥有量", 1775, 2000, null, "reach", "level", "件"],
      ["新增知识产权强企", null, 3, 5, "range", "additions", "家"],
      ["按期结案率", 90, 95, null, "atLeast", "level", "%"],
    ]);
  });

  it("reads a unit column and 2020年基数/2025年目标 headers", () => {
    expect(figures(fixture("county-unit-column.txt")).map((p) => [p.name, p.unit, p.baseYear, p.baseValue, p.targetYear, p.targetValue, p.attribute])).toEqual([
      ["每万人口高价值发明专利拥有量", "件", 2020, 0.8, 2025, 2, "预期性"],
      ["知识产权质押融资额", "元", 2020, 30000000, 2025, 100000000, "预期性"],
      ["知识产权保护社会满意度", "分", 2020, 78, 2025, 82, "约束性"],
      ["有效商标注册量年均增长", "%", null, null, 2025, 10, null],
      ["地理标志商标", "件", null, null, 2025, 5, null],
    ]);
  });

  it("reads a Markdown table with 基期值/目标值 headers", () => {
    const ps = figures(fixture("city-plan-markdown.txt"));
    expect(ps.find((p) => p.name === "马德里国际商标注册量")).toMatchObject({ baseYear: 2020, baseValue: 35, targetYear: 2025, targetValue: 60 });
  });
});

describe("the plan's particulars", () => {
  it("reads title, issuer, 文号, date and period from a notice", () => {
    expect(draftPlan(fixture("county-plan.txt")).meta).toEqual({
      title: "示例县知识产权强县建设实施方案（2025-2027年）",
      issuer: "示例县人民政府办公室",
      docNumber: "示政办〔2025〕7号",
      date: "2025-03-18",
      period: { start: 2025, end: 2027 },
      periodFrom: "title",
      draft: false,
      level: "county",
      region: "示例县",
    });
  });

  it("takes 十四五 as 2021-2025, and a draft's period from its target years", () => {
    expect(draftPlan(fixture("city-plan-markdown.txt")).meta).toMatchObject({ period: { start: 2021, end: 2025 }, periodFrom: "fiveYearPlan", level: "city" });
    const m = draftPlan("某县行动方案\n\n（征求意见稿）\n\n到2026年，商标有效注册量达3.5万件。\n\n指标\t2023年\t2026年\n商标有效注册量（件）\t31453\t35000\n").meta;
    expect(m).toMatchObject({ title: "某县行动方案", draft: true, period: { start: 2024, end: 2026 }, periodFrom: "targets" });
  });

  it("never fails on text that is not a plan", () => {
    for (const t of ["", "\n\n", "hello", "1 2 3 4 5 件 家 %", "到2025年", "|a|b|\n|---|---|\n|1|2|", "\t\t\n\t1\n\t2"]) {
      expect(() => draftPlan(t)).not.toThrow();
    }
    expect(draftPlan("").proposals).toEqual([]);
  });
});

describe("a one-year work plan in another style (test/draft/fixtures/work-points.txt)", () => {
  const { meta, proposals } = draftPlan(fixture("work-points.txt"));
  const by = (name: string) => proposals.find((p) => p.name === name);

  it("takes the title's single year as the period", () => {
    expect(meta).toMatchObject({ title: "某市2025年知识产权工作要点", period: { start: 2025, end: 2025 } });
  });

  it("reads 1,200, 3000余万元, 同比增长, 到“十四五”末 and numbered items", () => {
    expect(by("发明专利授权量")).toMatchObject({ targetValue: 1200, comparator: "atLeast", targetYear: 2025 });
    expect(by("发明专利授权量")!.quotes[0]).toContain("同比增长15%");
    expect(proposals.find((p) => p.targetValue === 15)).toBeUndefined();
    expect(by("知识产权质押融资登记金额")).toMatchObject({ targetValue: 30000000, unit: "元", comparator: "exceed" });
    expect(by("每万人口高价值发明专利拥有量")).toMatchObject({ targetValue: 4, targetYear: 2025 });
    expect(by("知识产权示范企业")).toMatchObject({ targetValue: 5, kind: "additions", comparator: "atLeast" });
    expect(by("知识产权保护工作站")).toMatchObject({ targetValue: 3, targetYear: 2025 });
  });

  it("reads lower-is-better targets as such", () => {
    expect(by("专利侵权纠纷案件结案周期")).toMatchObject({ targetValue: 30, unit: "个工作日", comparator: "atMost", direction: "decrease" });
    expect(by("商标侵权案件数量")).toMatchObject({ targetValue: 50, comparator: "atMost", direction: "decrease" });
  });
});
