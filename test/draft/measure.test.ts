/**
 * The drafter proposes a measure (docs/data.md "Measures") only when a target's name is a vocabulary
 * entry's name, as plans vary it, in the measure's unit; on the bundled texts it proposes none that
 * the reviewed plan files do not carry.
 */
import fs from "node:fs";
import path from "node:path";
import { fitMeasures } from "../../src/core/catalog/measures";
import { validatePlan } from "../../src/core/catalog/validate";
import { draftPlan, draftToPlan, measureNameKey, proposeMeasure } from "../../src/core/draft";
import { bundledPlans, FIXTURES, readSource } from "./texts";

describe("proposeMeasure", () => {
  it("matches a vocabulary name as written, and the ways plans vary it", () => {
    expect(proposeMeasure("有效商标注册量", "件")).toBe("valid-trademarks");
    expect(proposeMeasure("有效商标注册总量", "件")).toBe("valid-trademarks"); // XC-03
    expect(proposeMeasure("全市 有效发明专利拥有量", "件")).toBe("valid-invention-patents");
    expect(proposeMeasure("每万人高价值发明专利拥有量", "件")).toBe("high-value-patents-per-10k"); // HN-01
    expect(proposeMeasure("年专利申请量", "件")).toBe("patent-applications"); // JY-04
    expect(proposeMeasure("知识产权质押融资额", "元")).toBe("ip-pledge-financing-amount"); // XC-04, JY-12
    expect(proposeMeasure("专利质押融资金额", "元")).toBe("patent-pledge-financing-amount"); // HN-10
    expect(proposeMeasure("国家知识产权优势(示范)企业数量", "家")).toBe("national-ip-advantage-enterprises"); // JZ-10
  });

  it("proposes nothing for a name that only contains a measure's name, or in another unit", () => {
    expect(proposeMeasure("每万人有效发明专利拥有量", "件")).not.toBe("valid-invention-patents");
    expect(proposeMeasure("每万人有效发明专利拥有量", "件")).toBeNull();
    expect(proposeMeasure("新增有效商标注册量", "件")).toBeNull();
    expect(proposeMeasure("有效商标注册量", "万件")).toBeNull();
    expect(proposeMeasure("知识产权质押融资企业", "个")).toBeNull(); // XZ-30's unit
    expect(proposeMeasure("建立知识产权保护中心", "")).toBeNull();
  });

  it("compares names without white space, bracket width or the usual variants", () => {
    expect(measureNameKey(" 全省 每万人口发明专利拥有量 ")).toBe("每万人发明专利拥有量");
    expect(measureNameKey("国家知识产权优势（示范）企业数量")).toBe("国家知识产权优势(示范)企业数");
  });
});

describe("on the bundled plans' texts", () => {
  it("proposes only measures the reviewed plan carries, and most of them", () => {
    let proposed = 0;
    let carried = 0;
    for (const plan of bundledPlans()) {
      const source = readSource(plan.source);
      if (!source) throw new Error(`data/sources/${plan.source} is missing`);
      const ids = draftPlan(source.text).proposals.map((p) => proposeMeasure(p.name, p.unit)).filter((m): m is string => m != null);
      const reviewed = new Set(plan.targets.map((t) => t.measure).filter((m) => m != null));
      for (const id of ids) expect([plan.id, id, reviewed.has(id)]).toEqual([plan.id, id, true]);
      proposed += new Set(ids).size;
      carried += reviewed.size;
    }
    expect(proposed / carried).toBeGreaterThan(0.6);
  });
});

describe("draftToPlan", () => {
  it("writes the proposed measure into the plan file, which the loader accepts with no measure issue", () => {
    const text = fs.readFileSync(path.join(FIXTURES, "county-plan.txt"), "utf8");
    const { meta, proposals } = draftPlan(text);
    const plan = draftToPlan(proposals, {
      id: "SL",
      source: "county-plan.txt",
      title: meta.title!,
      issuer: meta.issuer!,
      region: meta.region!,
      level: meta.level!,
      period: meta.period!,
      docNumber: meta.docNumber,
      date: meta.date,
      draft: meta.draft,
    });
    const r = validatePlan("SL.json", plan);
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.en}`).join("\n"));
    expect(r.plan.targets[0]).toMatchObject({ name: { zh: "有效发明专利拥有量" }, measure: "valid-invention-patents" });
    expect(fitMeasures("SL.json", r.plan).issues).toEqual([]);
    const milestones = r.plan.targets.filter((t) => t.kind === "milestone");
    expect(milestones.every((t) => t.measure === null)).toBe(true);
  });
});
