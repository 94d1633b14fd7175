/**
 * Spot values from every plan, each checked by hand against the plan's text in data/sources/.
 * Every case names the words of the plan it rests on ("evidence"); the test also holds those words
 * against the source file, so a case cannot quietly drift from the plan it claims to read.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { noteIn, type Target } from "../../src/core/catalog/schema";
import { sourceText, squash } from "./fixtures";

const catalog = bundledCatalog();
const target = (id: string): Target => {
  const e = catalog.get(id);
  if (!e) throw new Error(`no ${id}`);
  return e.target;
};

interface Spot {
  id: string;
  /** Words of the plan (white space may differ) that state the figures. */
  evidence: string[];
  check: (t: Target) => void;
}

const PLANS: Record<string, { source: string; spots: Spot[] }> = {
  // 焦作市落实强国强省建设纲要实施意见（2024-2035年）
  JZ: {
    source: "000_d68d035b87217626.txt",
    spots: [
      {
        id: "JZ-05",
        // Table: 2022 49409, 2025 67000, increase 17591 (= 67000 − 49409); text: 6.7万件 = 67000.
        evidence: ["5.有效商标注册量(件)\t49409\t67000\t17591\t预期性", "有效商标注册量达6.7万件"],
        check: (t) => {
          expect(t.base).toEqual({ year: 2022, value: 49409 });
          expect(t.target).toEqual({ year: 2025, value: 67000, max: null });
          expect(67000 - 49409).toBe(17591);
          expect([t.kind, t.comparator, t.direction, t.unit]).toEqual(["level", "reach", "increase", "件"]);
        },
      },
      {
        id: "JZ-08",
        // A flagged conflict: the table says 0 → 15, the running text "达到 10 家".
        evidence: ["8.知识产权保险覆盖企业数\t0\t15\t15\t预期性", "到 2025 年，全市开展知识产权保险业务的企业达到 10 家"],
        check: (t) => {
          expect(t.base).toEqual({ year: 2022, value: 0 });
          expect(t.target.value).toBe(15);
          expect(t.conflicts).toHaveLength(1);
          expect(t.conflicts[0]).toMatchObject({ field: "targetValue", value: 10 });
          expect(squash(t.conflicts[0].quote)).toContain("达到10家");
          // Both languages say which figure the data follows.
          expect(noteIn(t.conflicts[0].note, "zh")).toMatch(/按表取15/);
          expect(noteIn(t.conflicts[0].note, "en")).toMatch(/15/);
        },
      },
      {
        id: "JZ-01",
        evidence: ["1.每万人口高价值发明专利拥有量(件)\t2.22\t2.68\t0.46", "每万人口高价值发明专利拥有量达到2.68件"],
        check: (t) => {
          expect(t.base).toEqual({ year: 2022, value: 2.22 });
          expect(t.target.value).toBe(2.68);
          expect(t.attribute).toBe("预期性");
        },
      },
      {
        id: "JZ-02",
        // 突破 = exceed (strictly more than 25).
        evidence: ["2.海外发明专利授权量(件)\t19\t25\t6", "海外发明专利授权量突破25件"],
        check: (t) => {
          expect(t.base).toEqual({ year: 2022, value: 19 });
          expect(t.target.value).toBe(25);
          expect(t.comparator).toBe("exceed");
        },
      },
      {
        id: "JZ-12",
        // 新增3000件 to 2025: additions, no base value printed. The plan does not say from when 新增
        // counts; the 2025 table beside it runs from 2022 (its column 累计增加值 is 2022 → 2025), so the
        // base year 2022 is derived and the additions are those of 2023–2025.
        evidence: ["到2025年，全市授权专利新增3000件，其中授权发明专利300件", "指标\t2022年\t2025年\t累计增加值\t属性"],
        check: (t) => {
          expect(t.kind).toBe("additions");
          expect(t.base).toEqual({ year: 2022, value: null });
          expect(t.derived.map((d) => d.field)).toEqual(["baseYear"]);
          expect(t.target).toEqual({ year: 2025, value: 3000, max: null });
          expect(target("JZ-13").target.value).toBe(300);
          expect(target("JZ-13").base).toEqual({ year: 2022, value: null });
        },
      },
      {
        id: "JZ-49",
        // 6个以上 = at least 6.
        evidence: ["肉鸭、生猪等6个以上产值超百亿元的现代农业产业园的商标品牌培育工作"],
        check: (t) => {
          expect(t.comparator).toBe("atLeast");
          expect(t.target.value).toBe(6);
        },
      },
      {
        id: "JZ-14",
        evidence: ["逐步建立知识产权快速协同保护机制"],
        check: (t) => {
          expect(t.kind).toBe("milestone");
          expect(t.target.value).toBeNull();
        },
      },
    ],
  },
  // 新郑市国家知识产权强县建设试点县工作方案（征求意见稿）
  XZ: {
    source: "001_d433f041b14a888a.txt",
    spots: [
      {
        id: "XZ-05",
        // Table: 5750万 → 1亿 (header 元), a running total (累计金额). Attachment 2, header （亿）: 0.5 / 0.8 / 1
        // → 0.5 × 1e8 = 50000000, 0.8 × 1e8 = 80000000. 0.5亿 (2024) is below the 2023 running total
        // 0.575亿, so the attachment cannot count the same running total: its figures are conflicts, not
        // milestones, and the file quotes them.
        evidence: ["专利质押融资登记累计金额（元）\t5750万\t1亿", "知识产权质押融资贷款额（亿）\t0.5\t0.8\t1"],
        check: (t) => {
          expect([t.kind, t.comparator]).toEqual(["cumulative", "atLeast"]);
          expect(t.base).toEqual({ year: 2023, value: 57500000 });
          expect(t.target).toEqual({ year: 2026, value: 100000000, max: null });
          expect(t.milestones).toEqual([]);
          expect(t.unit).toBe("元");
          expect(t.display).toEqual({ unit: "亿元", scale: 1e8 });
          expect(t.derived).toEqual([]);
          expect(t.conflicts.map((c) => [c.field, c.value])).toEqual([
            ["milestones.2024", 0.5 * 1e8],
            ["milestones.2025", 0.8 * 1e8],
          ]);
          expect(0.5 * 1e8).toBeLessThan(t.base!.value!);
          for (const c of t.conflicts) expect(squash(c.quote)).toBe(squash("知识产权质押融资贷款额（亿）\t0.5\t0.8\t1"));
        },
      },
      {
        id: "XZ-01",
        evidence: ["有效发明专利拥有量（件）\t1775\t2000", "有效发明专利拥有量（件）\t1800\t1900\t2000"],
        check: (t) => {
          expect(t.base).toEqual({ year: 2023, value: 1775 });
          expect(t.target.value).toBe(2000);
          expect(t.milestones).toEqual([
            { year: 2024, value: 1800 },
            { year: 2025, value: 1900 },
          ]);
        },
      },
      {
        id: "XZ-32",
        // Attachment 2, header （万元）: 100 / 150 / 200 万元 = 1000000 / 1500000 / 2000000 元, all derived:
        // a yearly milestone table with its unit in the header.
        evidence: ["知识产权经费（万元）\t100\t150\t200"],
        check: (t) => {
          expect(t.kind).toBe("annual");
          expect(t.unit).toBe("元");
          expect(t.display).toEqual({ unit: "万元", scale: 1e4 });
          expect(t.target).toEqual({ year: 2026, value: 200 * 1e4, max: null });
          expect(t.milestones).toEqual([
            { year: 2024, value: 100 * 1e4 },
            { year: 2025, value: 150 * 1e4 },
          ]);
          expect(t.derived.map((d) => d.field).sort()).toEqual(["milestones.2024", "milestones.2025", "targetValue"]);
          for (const d of t.derived) expect(noteIn(d.note, "zh")).toMatch(/（万元）/);
        },
      },
      {
        id: "XZ-24",
        // 每年 … 10-15场次: a yearly range.
        evidence: ["每年开展全市性和乡镇专场知识产权宣传10-15场次"],
        check: (t) => {
          expect([t.kind, t.comparator]).toEqual(["annual", "range"]);
          expect(t.target).toEqual({ year: 2026, value: 10, max: 15 });
        },
      },
      {
        id: "XZ-16",
        evidence: ["全县开展各类知识产权宣传培训次数累计不少于8次"],
        check: (t) => {
          expect([t.kind, t.comparator, t.target.value]).toEqual(["cumulative", "atLeast", 8]);
        },
      },
      {
        id: "XZ-14",
        // 95%以上: a percentage is stored as 95 with unit %.
        evidence: ["各类知识产权行政执法案件按期结案率达95%以上"],
        check: (t) => {
          expect([t.unit, t.comparator, t.target.value]).toEqual(["%", "atLeast", 95]);
        },
      },
    ],
  },
  // 河南省知识产权创造保护运用"十四五"规划
  HN: {
    source: "002_6afabba4f989461d.txt",
    spots: [
      {
        id: "HN-32",
        // A range: 3-5家 → value 3, max 5.
        evidence: ["建设 3-5 家产业知识产权运营中心"],
        check: (t) => {
          expect(t.comparator).toBe("range");
          expect(t.target).toEqual({ year: 2025, value: 3, max: 5 });
          expect(t.base).toBeNull();
        },
      },
      {
        id: "HN-04",
        // 十三五 result 112.1万件 (end 2020, year derived) → 225万件 by 2025.
        evidence: ["有效商标注册量达112.1万件", "有效商标注册量达 225 万件"],
        check: (t) => {
          expect(t.base).toEqual({ year: 2020, value: 112.1 * 1e4 });
          expect(t.target.value).toBe(225 * 1e4);
          expect(t.derived.map((d) => d.field)).toEqual(["baseYear"]);
        },
      },
      {
        id: "HN-10",
        // 累计超过140亿元 = 14000000000 元, strictly more; the background's 105.5亿 is all IP, not a base.
        evidence: ["全省专利质押融资金额累计超过 140 亿元"],
        check: (t) => {
          expect([t.kind, t.comparator, t.unit]).toEqual(["cumulative", "exceed", "元"]);
          expect(t.target.value).toBe(140 * 1e8);
          expect(t.base).toBeNull();
        },
      },
      {
        id: "HN-15",
        // A score in points (分), not a percentage.
        evidence: ["知识产权保护社会满意度达到82分"],
        check: (t) => {
          expect([t.unit, t.target.value]).toEqual(["分", 82]);
        },
      },
      {
        id: "HN-14",
        evidence: ["专利密集型产业增加值占 GDP 比重达到 10%"],
        check: (t) => {
          expect([t.kind, t.unit, t.target.value]).toEqual(["level", "%", 10]);
        },
      },
      {
        id: "HN-07",
        evidence: ["地理标志产品 66 个", "地理标志产品达 100 个"],
        check: (t) => {
          expect(t.base).toEqual({ year: 2020, value: 66 });
          expect(t.target.value).toBe(100);
        },
      },
      {
        id: "HN-21",
        evidence: ["修订《河南省专利保护条例》"],
        check: (t) => {
          expect(t.kind).toBe("milestone");
        },
      },
    ],
  },
  // 许昌市推进知识产权强市建设行动方案（征求意见稿）
  XC: {
    source: "003_faa725dcbd6cb0b7.txt",
    spots: [
      {
        id: "XC-01",
        // A derived base: 达到3600件，较2022年增长20% → 2022 base = 3600 / 1.2 = 3000.
        evidence: ["到2024年，全市有效发明专利拥有量达到3600件，较2022年增长20%"],
        check: (t) => {
          expect(3600 / 1.2).toBeCloseTo(3000, 9);
          expect(t.base).toEqual({ year: 2022, value: 3000 });
          expect(t.target).toEqual({ year: 2024, value: 3600, max: null });
          expect(t.derived).toHaveLength(1);
          expect(t.derived[0].field).toBe("baseValue");
          expect(noteIn(t.derived[0].note, "zh")).toMatch(/3600\s*÷\s*1\.2\s*=\s*3000/);
          expect(noteIn(t.derived[0].note, "en")).toMatch(/3600\s*\/\s*1\.2\s*=\s*3000/);
        },
      },
      {
        id: "XC-03",
        // 6.8万件，较2022年增长17% → 68000 / 1.17 = 58119.658… ≈ 58119.66.
        evidence: ["有效商标注册总量6.8万件，较2022年增长17%"],
        check: (t) => {
          expect(t.target.value).toBe(68000);
          expect(t.base?.year).toBe(2022);
          expect(t.base?.value).toBeCloseTo(68000 / 1.17, 2);
          expect(t.derived.map((d) => d.field)).toEqual(["baseValue"]);
        },
      },
      {
        id: "XC-13",
        evidence: ["新增各级知识产权强企业3-5家"],
        check: (t) => {
          expect([t.kind, t.comparator]).toEqual(["additions", "range"]);
          expect(t.target).toEqual({ year: 2024, value: 3, max: 5 });
        },
      },
      {
        id: "XC-16",
        evidence: ["建设2-3家商标品牌指导站"],
        check: (t) => {
          expect(t.target).toEqual({ year: 2024, value: 2, max: 3 });
        },
      },
      {
        id: "XC-05",
        evidence: ["技术合同成交额35亿元"],
        check: (t) => {
          expect([t.unit, t.target.value]).toEqual(["元", 35 * 1e8]);
        },
      },
      {
        id: "XC-10",
        evidence: ["国家知识产权强市建设试点城市申报成功"],
        check: (t) => {
          expect([t.kind, t.target.value, t.target.year]).toEqual(["milestone", null, 2024]);
        },
      },
    ],
  },
  // 济源产城融合示范区市场监督管理局知识产权战略规划（2020-2022年）
  JY: {
    source: "004_6e201a31877a1028.txt",
    spots: [
      {
        id: "JY-12",
        evidence: ["到 2022 年知识产权质押融资额累计突破 3 亿元"],
        check: (t) => {
          expect([t.kind, t.comparator, t.target.value]).toEqual(["cumulative", "exceed", 3 * 1e8]);
        },
      },
      {
        id: "JY-14",
        // 年均增幅 20%以上: an average yearly growth rate, at least 20.
        evidence: ["行政执法办案量年均增幅 20%以上"],
        check: (t) => {
          expect([t.kind, t.comparator, t.unit, t.target.value]).toEqual(["growthRate", "atLeast", "%", 20]);
        },
      },
      {
        id: "JY-04",
        // Listed with the other 到2022年 figures and without 每年: the amount 2022's applications must pass,
        // not a bar for every year, so a level (typed each year), not an annual amount.
        evidence: ["力争年专利申请量突破 1500 件", "年专利授权量突破 1000 件"],
        check: (t) => {
          expect([t.kind, t.comparator, t.target.value, t.target.year]).toEqual(["level", "exceed", 1500, 2022]);
          const jy05 = target("JY-05");
          expect([jy05.kind, jy05.comparator, jy05.target.value, jy05.target.year]).toEqual(["level", "exceed", 1000, 2022]);
        },
      },
      {
        id: "JY-06",
        evidence: ["每万人有效发明专利拥有量超过 6 件"],
        check: (t) => {
          expect([t.kind, t.comparator, t.target.value]).toEqual(["level", "exceed", 6]);
        },
      },
      {
        id: "JY-09",
        evidence: ["建设 2-3 个省级专利导航产业发展实验区"],
        check: (t) => {
          expect(t.target).toEqual({ year: 2022, value: 2, max: 3 });
        },
      },
      {
        id: "JY-19",
        evidence: ["知识产权保护社会满意度达到 80 分以上"],
        check: (t) => {
          expect([t.unit, t.comparator, t.target.value]).toEqual(["分", "atLeast", 80]);
        },
      },
      {
        id: "JY-22",
        evidence: ["到 2022 年认证“贯标”企业累计不低于 10 家"],
        check: (t) => {
          expect([t.kind, t.comparator, t.target.value]).toEqual(["cumulative", "atLeast", 10]);
        },
      },
      {
        id: "JY-15",
        // 结案时间大幅缩短: a direction without a figure, lower is better.
        evidence: ["结案时间大幅缩短"],
        check: (t) => {
          expect([t.kind, t.direction, t.target.value]).toEqual(["qualitative", "decrease", null]);
        },
      },
    ],
  },
};

describe.each(Object.entries(PLANS))("plan %s: spot values checked against the plan text", (planId, { source, spots }) => {
  const text = sourceText(source);

  it("is the plan of that source file", () => {
    expect(catalog.plan(planId)?.source).toBe(source);
  });

  it.each(spots.map((s) => [s.id, s] as const))("%s", (id, spot) => {
    const t = target(id);
    for (const words of spot.evidence) expect(text).toContain(squash(words));
    // What the catalogue quotes stands in the plan too.
    for (const q of t.quotes) expect(text).toContain(squash(q));
    spot.check(t);
  });
});

describe("plan metadata as printed", () => {
  it.each([
    ["JZ", { docNumber: "焦知战联办（2024）1号", date: "2024-01-24", draft: false, level: "city", period: { start: 2024, end: 2035 } }, ["焦知战联办（2024）1号", "2024年1月24日印发"]],
    ["XZ", { draft: true, level: "county", period: { start: 2024, end: 2026 } }, ["（征求意见稿）", "到2026年"]],
    ["HN", { docNumber: "豫知〔2022〕4号", draft: false, level: "province", period: { start: 2021, end: 2025 } }, ["豫知〔2022〕4号", "“十四五”"]],
    ["XC", { draft: true, level: "city", period: { start: 2023, end: 2024 } }, ["（征求意见稿）", "到2024年"]],
    ["JY", { docNumber: "济管市监〔2020〕61号", draft: false, level: "zone", period: { start: 2020, end: 2022 } }, ["济管市监〔2020〕61号", "（2020-2022年）"]],
  ] as const)("%s", (id, fields, evidence) => {
    const plan = catalog.plan(id)!;
    expect(plan).toMatchObject(fields);
    const text = sourceText(plan.source);
    for (const words of evidence) expect(text).toContain(squash(words));
  });

  it("Jiyuan prints no base figure at all, so none of its targets has a base", () => {
    expect(catalog.plan("JY")!.targets.every((t) => t.base === null)).toBe(true);
  });
});
