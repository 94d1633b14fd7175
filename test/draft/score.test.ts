/** What the bench counts: one-to-one matches on value and year, names not unrelated, conflicts as hits. */
import { Plan, type PlanInput } from "../../src/core/catalog/schema";
import type { Proposal } from "../../src/core/draft";
import { scorePlan, totals } from "../../src/core/draft/score";

const target = (id: string, name: string, value: number | null, extra: object = {}) => ({
  id,
  name: { zh: name, en: name },
  unit: "件",
  area: "创造" as const,
  kind: value == null ? ("qualitative" as const) : ("level" as const),
  comparator: value == null ? ("none" as const) : ("reach" as const),
  target: { year: 2025, value },
  section: "表1",
  quotes: [`${name}${value ?? ""}`],
  ...extra,
});

const plan = Plan.parse({
  formatVersion: 1,
  id: "TS",
  title: { zh: "测试", en: "Test" },
  shortName: { zh: "测试", en: "Test" },
  issuer: { zh: "测试", en: "Test" },
  draft: false,
  level: "city",
  region: { zh: "测试市", en: "Test" },
  period: { start: 2024, end: 2025 },
  source: "t.txt",
  targets: [
    target("TS-01", "有效发明专利拥有量", 600, { base: { year: 2023, value: 420 }, milestones: [{ year: 2024, value: 500 }] }),
    target("TS-02", "地理标志产品", 10, {
      conflicts: [{ field: "targetValue", value: 12, quote: "地理标志产品12", note: "正文写12" }],
    }),
    target("TS-03", "PCT专利申请量", null),
  ],
} satisfies PlanInput);

const proposal = (key: string, name: string, value: number, extra: Partial<Proposal> = {}): Proposal => ({
  key,
  name,
  unit: "件",
  display: null,
  kind: "level",
  comparator: "reach",
  direction: "increase",
  attribute: null,
  baseYear: null,
  baseValue: null,
  targetYear: 2025,
  targetValue: value,
  targetMax: null,
  milestones: {},
  quotes: [],
  section: "",
  confidence: 0.5,
  origin: "sentence",
  notes: [],
  ...extra,
});

describe("scorePlan", () => {
  it("counts each key figure once, by value and year, and the other side of a conflict as a hit", () => {
    const s = scorePlan(plan, [
      proposal("P01", "有效发明专利拥有量", 600, { baseYear: 2023, baseValue: 420, milestones: { "2024": 500 } }),
      proposal("P02", "全市有效发明专利拥有量", 600), // the same figure again: a miss
      proposal("P03", "地理标志产品数", 12), // the conflicting figure the plan prints
      proposal("P04", "地理标志产品", 10, { targetYear: 2024 }), // wrong year
      proposal("P05", "专利代理机构", 10), // right value and year, unrelated name: a coincidence
    ]);
    expect(s).toMatchObject({ figures: 2, found: 1, proposals: 5, matched: 2 });
    expect(s.missed).toEqual(["TS-02 地理标志产品 10 (2025)"]);
    expect(s.extra.map((e) => e.split(" ")[0])).toEqual(["P02", "P04", "P05"]);
    expect(s.bases).toEqual({ total: 1, right: 1 });
    expect(s.milestones).toEqual({ total: 1, right: 1 });
    expect(totals([s])).toMatchObject({ recall: 0.5, precision: 0.4 });
    expect(s.nonNumeric).toEqual({ total: 1, found: 0, proposals: 0 });
  });

  it("finds a qualitative target by a figureless proposal of a similar name, not by a figure", () => {
    const qualitative = { ...proposal("P01", "PCT专利申请量", 0), targetValue: null, kind: "qualitative" as const };
    expect(scorePlan(plan, [qualitative]).nonNumeric).toEqual({ total: 1, found: 1, proposals: 1 });
    expect(scorePlan(plan, [{ ...qualitative, name: "知识产权服务机构" }]).nonNumeric).toEqual({ total: 1, found: 0, proposals: 1 });
  });
});
