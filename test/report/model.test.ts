/** The report's content for known actuals: sentences, table cells, counts, lists, bad input. */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import type { Observation } from "../../src/core/method/method";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { decodeCsv, readReportActuals } from "../../src/report/actuals";
import { cellFigure, formatShare, parseNumberFormat, proseFigure, tableFigure } from "../../src/report/display";
import { buildReport, pickLang, ReportInputError } from "../../src/report/model";
import { methodRow } from "../../src/sheets/method-row";
import { cellScale, planYears, valueFormat } from "../../src/sheets/model";

const catalog = bundledCatalog();
const actuals = (rows: Array<[string, number, number]>) => {
  const m = new Map<string, Observation[]>();
  for (const [id, year, value] of rows) m.set(id, [...(m.get(id) ?? []), { year, value }]);
  return m;
};
const target = (id: string) => catalog.get(id)!.target;
const row = (report: ReturnType<typeof buildReport>, id: string) => report.plans.flatMap((p) => p.targets).find((t) => t.target.id === id)!;

describe("the sentences and the table (Chinese)", () => {
  const typed = actuals([
    ["JZ-05", 2024, 60000],
    ["JZ-12", 2023, 900],
    ["JZ-12", 2024, 1100],
    ["JZ-14", 2024, 1],
    ["JZ-17", 2024, 0],
    ["JZ-18", 2023, 100],
    ["JZ-18", 2024, 90],
  ]);
  const report = buildReport(catalog, { plans: ["JZ"], year: 2024, actuals: typed });

  it("states JZ-05 as the brief's example does, with the method's projection", () => {
    // E = 49409 + 17591·2/3 = 61136.33; completion 60000/67000 = 0.8955; trend through 2022 and 2024 → 65295.5 in 2025.
    expect(row(report, "JZ-05").sentence).toBe(
      "截至2024年底，有效商标注册量60000件，为2025年目标67000件的89.6%，低于序时进度（61136件），进度滞后；按现有趋势2025年预计达到65296件。",
    );
  });

  it("fills JZ-05's table row with the figures the sheet shows", () => {
    expect(row(report, "JZ-05").cells).toEqual([
      "5",
      "有效商标注册量",
      "件",
      "49,409\n2022年",
      "67,000\n2025年",
      "60,000",
      "61,136",
      "60.2%",
      "滞后",
    ]);
    expect(report.plans[0].tableHeader).toEqual(["序号", "指标", "单位", "基期值", "目标值", "2024年实际", "序时进度", "进度", "状态"]);
  });

  it("shows a per-head figure with its two decimals where the plan prints a round target (HN-01: 3件)", () => {
    const hn = buildReport(catalog, { plans: ["HN"], year: 2023, actuals: actuals([["HN-01", 2021, 1.68], ["HN-01", 2023, 2.64]]) });
    const hn01 = row(hn, "HN-01");
    // The target as the plan prints it (3件) in the sentence; 3.00 in the table, as the sheet's cell shows it.
    expect(hn01.sentence).toMatch(/^截至2023年底，每万人高价值发明专利拥有量2\.64件，为2025年目标3件的88\.0%/);
    expect(hn01.cells?.slice(4, 6)).toEqual(["3.00\n2025年", "2.64"]);
  });

  it("prints the expected value with a decimal more where the sheet's rounding would show it equal to the actual", () => {
    // XZ-16: 8 sessions by 2026 from none: 8/3 = 2.67 expected by 2024, 3 held. "高于序时进度（3次）" would read as a slip.
    const xz = buildReport(catalog, { plans: ["XZ"], year: 2024, actuals: actuals([["XZ-16", 2024, 3]]) });
    expect(row(xz, "XZ-16").sentence).toContain("知识产权宣传培训次数3次，为2026年目标8次的37.5%，高于序时进度（2.7次）");
    const en = buildReport(catalog, { plans: ["XZ"], year: 2024, lang: "en", actuals: actuals([["XZ-16", 2024, 3]]) });
    expect(row(en, "XZ-16").sentence).toMatch(/above the expected 2\.7 /);
  });

  it("writes the 中期评估 with its own title and each plan's time elapsed beside its targets' state", () => {
    const mid = buildReport(catalog, { plans: ["HN"], year: 2023, kind: "midterm", actuals: actuals([["HN-04", 2023, 2028000]]) });
    expect(mid.title).toBe("知识产权规划实施中期评估报告");
    // 2021–2025 at the end of 2023: 3 of 5 years.
    expect(mid.plans[0].summary).toMatch(/截至2023年底，规划实施3年（共5年），时间进度60\.0%；快于预期1项/);
    const en = buildReport(catalog, { plans: ["HN"], year: 2023, kind: "midterm", lang: "en", actuals: actuals([["HN-04", 2023, 2028000]]) });
    expect(en.title).toBe("Mid-term Evaluation of the IP Plans' Implementation");
    expect(en.plans[0].summary).toMatch(/At the end of 2023, 3 of the plan's 5 years have passed \(60\.0% of the time\): ahead of schedule 1/);
    const yearly = buildReport(catalog, { plans: ["HN"], year: 2023, actuals: actuals([["HN-04", 2023, 2028000]]) });
    expect(yearly.title).toBe("知识产权规划主要指标2023年实施情况报告");
    expect(yearly.plans[0].summary).not.toMatch(/时间进度/);
    // A plan whose period starts later says so rather than "0 of 12 years".
    const early = buildReport(catalog, { plans: ["JZ"], year: 2023, kind: "midterm", actuals: new Map() });
    expect(early.plans[0].summary).toMatch(/截至2023年底，规划期尚未开始（自2024年起）；/);
  });

  it("names a draft once: a title that says 征求意见稿 gets no second one", () => {
    const xz = buildReport(catalog, { plans: ["XZ"], year: 2024, actuals: actuals([["XZ-16", 2024, 3]]) });
    expect(xz.plans[0].summary).toMatch(/^《新郑市国家知识产权强县建设试点县工作方案（征求意见稿）》规划期/);
    const en = buildReport(catalog, { plans: ["XZ"], year: 2024, lang: "en", actuals: actuals([["XZ-16", 2024, 3]]) });
    expect(en.plans[0].summary).not.toMatch(/draft for comment\)/);
  });

  it("sums additions, and says when they are level with the expected path", () => {
    // 900 + 1100 = 2000 = 3000·2/3: pace 1.
    expect(row(report, "JZ-12").sentence).toBe(
      "截至2024年底，授权专利新增量累计2000件，为2025年目标3000件的66.7%，与序时进度（2000件）持平，进度基本符合预期；按现有趋势2025年预计累计达到2967件。",
    );
  });

  it("says 已完成 / 尚未完成 for milestones and keeps them out of the table", () => {
    expect(row(report, "JZ-14").sentence).toBe("截至2024年底，建立知识产权快速协同保护机制已完成。");
    expect(row(report, "JZ-17").sentence).toBe("截至2024年底，出台《焦作市知识产权数字登记管理办法》尚未完成，按规划于2035年完成。");
    expect(row(report, "JZ-14").cells).toBeNull();
  });

  it("says a qualitative target moved away from where it was (within the plan's period)", () => {
    const later = buildReport(catalog, {
      plans: ["JZ"],
      year: 2025,
      actuals: actuals([
        ["JZ-18", 2024, 100],
        ["JZ-18", 2025, 90],
      ]),
    });
    expect(row(later, "JZ-18").sentence).toBe(
      "截至2025年底，知识产权转化效益为90（定性目标，规划未给出数值），较2024年（100）有所下降，出现倒退。",
    );
  });

  it("leaves a qualitative target's year before the plan's period out of the comparison (method.md §1)", () => {
    // JZ runs from 2024: 2023's 100 is not its reference, so 2024's 90 is no regression.
    expect(row(report, "JZ-18").sentence).toBe("截至2024年底，知识产权转化效益为90（定性目标，规划未给出数值），符合规划方向。");
  });

  it("counts the statuses in the overview paragraph", () => {
    const p = report.plans[0];
    expect(p.counts).toMatchObject({ achieved: 1, onTrack: 3, behind: 1, regressed: 0, noData: 62 });
    expect(p.summary).toBe(
      "《焦作市落实强国强省建设纲要实施意见（2024-2035年）》（焦知战联办（2024）1号）规划期2024—2035年，共有目标67项，其中数值目标31项。截至2024年底，已实现1项，基本符合预期3项，滞后1项，无数据62项。",
    );
  });

  it("lists every target without data and every conflict of the plan", () => {
    const p = report.plans[0];
    expect(p.noData).toHaveLength(62);
    expect(p.noData.map((t) => t.target.id)).toContain("JZ-01");
    expect(p.noData.map((t) => t.target.id)).not.toContain("JZ-05");
    expect(p.conflicts.map((c) => c.target.id)).toEqual(["JZ-08", "JZ-10", "JZ-11", "JZ-54", "JZ-55"]);
    expect(p.conflicts[0].text).toBe(
      "JZ-08 知识产权保险覆盖企业数：表中2025年目标为15家（0→15），正文二、（三）2.写“开展知识产权保险业务的企业达到10家”；两处不一致，本条按表取15（另一处数字：10家）",
    );
    // The Chinese half only, also where the English half starts with a section number.
    expect(p.conflicts[3].text).not.toMatch(/adds 5/);
    const blocks = report.blocks.map((b) => ("text" in b ? b.text : ""));
    expect(blocks).toContain("三、尚无数据的指标");
    expect(blocks.some((t) => t.startsWith("以下62项指标尚无实际值，未作评估：JZ-01 每万人口高价值发明专利拥有量；"))).toBe(true);
  });

  it("shows in every table cell exactly what methodRow (the sheets' reference) gives, in the sheet's format", () => {
    // methodRow gives figures in the unit the cells hold (0.85 for 0.85亿元, 0.9 for 90 %).
    const scaled = actuals([
      ["XZ-05", 2024, 70000000],
      ["XZ-05", 2025, 85000000],
      ["XZ-12", 2025, 300000],
      ["XZ-14", 2024, 90],
      ["XZ-14", 2025, 92.25],
    ]);
    const xz = buildReport(catalog, { plans: ["XZ"], year: 2025, actuals: scaled });
    let checked = 0;
    for (const [r, given, year] of [
      [report, typed, 2024],
      [xz, scaled, 2025],
    ] as const) {
      const plan = r.plans[0].plan;
      const years = planYears(plan).filter((y) => y <= year);
      for (const t of r.plans[0].tableRows) {
        const want = methodRow(plan, t.target, years, given.get(t.target.id) ?? [], DEFAULT_SETTINGS);
        expect(t.cells![5]).toBe(typeof want.latest === "number" ? cellFigure(t.target, want.latest) : "—");
        expect(t.cells![6]).toBe(typeof want.expected === "number" ? cellFigure(t.target, want.expected) : "—");
        expect(t.cells![7]).toBe(typeof want.progress === "number" ? formatShare(want.progress) : "—");
        expect(t.cells![8]).toBe(want.status);
        if (typeof want.latest === "number" && cellScale(t.target) !== 1) checked++;
      }
    }
    expect(checked).toBe(3); // XZ-05 (亿元), XZ-12 (万元), XZ-14 (%)
    expect(row(xz, "XZ-14").cells!.slice(2, 7)).toEqual(["%", "—", "95.0\n2026年", "92.3", "—"]);
  });
});

describe("scaled units, yearly kinds, ranges and milestones past due", () => {
  it("writes 万元/亿元 figures as the plan does (XZ-05 in 亿元)", () => {
    const r = buildReport(catalog, { plans: ["XZ"], year: 2025, actuals: actuals([["XZ-05", 2025, 85000000]]) });
    // method.md §11: E = 8583.33万, pace 0.971 → 基本符合预期.
    // The sheet holds 0.575 / 1 / 0.85 under 0.000"亿元" (the plan prints 0.575亿元): three decimals.
    expect(row(r, "XZ-05").sentence).toBe(
      "截至2025年底，专利质押融资登记累计金额0.850亿元，为2026年目标1.000亿元的85.0%，低于序时进度（0.858亿元），进度基本符合预期；按现有趋势2026年预计达到0.988亿元。",
    );
    expect(row(r, "XZ-05").cells).toEqual([
      "5",
      "专利质押融资登记累计金额",
      "亿元",
      "0.575\n2023年",
      "1.000\n2026年",
      "0.850",
      "0.858",
      "64.7%",
      "基本符合预期",
    ]);
    // A conflict's other figure (in 元 in the plan data) is written as the sheet would show it.
    expect(r.plans[0].conflicts.filter((c) => c.target.id === "XZ-05").map((c) => c.text.slice(c.text.lastIndexOf("（")))).toEqual([
      "（另一处数字：0.500亿元）",
      "（另一处数字：0.800亿元）",
    ]);
  });

  it("writes percent targets as the sheet's 0.0% shows them, from percent points in the CSV (XZ-14)", () => {
    // The CSV (method units) says 90 and 92.25 percent points; the sheet holds 0.9 and 0.9225.
    const r = buildReport(catalog, {
      plans: ["XZ"],
      year: 2025,
      actuals: actuals([
        ["XZ-14", 2024, 90],
        ["XZ-14", 2025, 92.25],
      ]),
    });
    expect(row(r, "XZ-14").sentence).toMatch(/^截至2025年底，知识产权行政执法案件按期结案率92\.3%，为2026年目标95\.0%的97\.1%/);
    const en = buildReport(catalog, { plans: ["XZ"], year: 2025, lang: "en", actuals: actuals([["XZ-14", 2025, 92.25]]) });
    expect(row(en, "XZ-14").sentence).toMatch(/: 92\.3% by the end of 2025, 97\.1% of the 2026 target of 95\.0%/);
  });

  it("states a yearly target against its yearly bar (JY-18, 18 of 20 in 2021)", () => {
    const r = buildReport(catalog, { plans: ["JY"], year: 2021, actuals: actuals([["JY-18", 2021, 18]]) });
    expect(row(r, "JY-18").sentence).toBe("2021年，维权服务工作站年服务企业数18家，为年度目标20家的90.0%，进度滞后。");
  });

  it("states a range target by its ends (HN-32, 4 of 3–5)", () => {
    const r = buildReport(catalog, { plans: ["HN"], year: 2024, actuals: actuals([["HN-32", 2024, 4]]) });
    expect(row(r, "HN-32").sentence).toBe("截至2024年底，产业知识产权运营中心累计4家，2025年目标为3至5家，已实现目标。");
    expect(row(r, "HN-32").cells![4]).toBe("3–5\n2025年");
  });

  it("says a milestone past its year is behind (XC-10 not done in 2024)", () => {
    const r = buildReport(catalog, { plans: ["XC"], year: 2024, actuals: actuals([["XC-10", 2024, 0]]) });
    expect(row(r, "XC-10").sentence).toBe("截至2024年底，国家知识产权强市建设试点城市申报成功尚未完成，按规划应于2024年完成，进度滞后。");
    expect(row(r, "XC-10").status).toBe("behind");
  });

  it("assesses a plan that ended before the report's year at its last year, and says so", () => {
    const r = buildReport(catalog, { plans: ["JZ", "JY"], year: 2024, actuals: actuals([["JY-18", 2022, 21]]) });
    const jy = r.plans[1];
    expect(jy.year).toBe(2022);
    expect(jy.summary).toContain("规划期已于2022年结束，按2022年底评估");
    expect(row(r, "JY-18").status).toBe("achieved");
  });

  it("marks an actual older than the report's year with its own year", () => {
    const r = buildReport(catalog, { plans: ["JZ"], year: 2025, actuals: actuals([["JZ-05", 2024, 60000]]) });
    expect(row(r, "JZ-05").cells![5]).toBe("60,000\n2024年");
    expect(row(r, "JZ-05").sentence).toMatch(/^截至2024年底，有效商标注册量60000件/);
  });
});

describe("the English edition", () => {
  it("writes figures the plan shows in 万 and 亿 as millions and billions, to the shown precision", () => {
    const r = buildReport(catalog, {
      plans: ["HN", "XZ"],
      year: 2023,
      lang: "en",
      actuals: actuals([["HN-04", 2023, 2028000], ["HN-10", 2023, 11500000000], ["XZ-05", 2023, 57500000]]),
    });
    // 202.8万件, 225.0万件, 115.0亿元, 140.0亿元, 0.575亿元 as the sheets show them
    expect(row(r, "HN-04").sentence).toMatch(/^Valid registered trademarks: 2\.028 million items by the end of 2023, 90\.1% of the 2025 target of 2\.250 million items/);
    expect(row(r, "HN-10").sentence).toMatch(/: 11\.50 billion yuan by the end of 2023, 82\.1% of the 2025 target of 14\.00 billion yuan/);
    expect(row(r, "XZ-05").sentence).toMatch(/: 57\.5 million yuan by the end of 2023/);
  });

  it("says the same in English", () => {
    const r = buildReport(catalog, { plans: ["JZ"], year: 2024, lang: "en", actuals: actuals([["JZ-05", 2024, 60000]]) });
    expect(row(r, "JZ-05").sentence).toBe(
      "Valid registered trademarks: 60000 items by the end of 2024, 89.6% of the 2025 target of 67000 items, below the expected 61136 items; behind schedule. On the current trend it would reach 65296 items in 2025.",
    );
    expect(row(r, "JZ-05").cells).toEqual([
      "5",
      "Valid registered trademarks",
      "items",
      "49,409\n(2022)",
      "67,000\n(2025)",
      "60,000",
      "61,136",
      "60.2%",
      "Behind schedule",
    ]);
    expect(r.title).toBe("Implementation of the IP Plans' Main Targets in 2024");
    expect(r.plans[0].conflicts[0].text).toMatch(/^JZ-08 Enterprises covered by IP insurance: The table's 2025 target is 15/);
    expect(r.plans[0].conflicts[0].text).not.toMatch(/[\u4e00-\u9fff]{6}/);
  });
});

describe("figures as the sheets format them", () => {
  it("understands every number format the sheets give a catalogue target", () => {
    for (const { target: t } of catalog.entries()) {
      if (t.kind === "milestone") continue;
      expect(() => parseNumberFormat(valueFormat(t))).not.toThrow();
    }
  });

  it("scales, rounds half away from zero and groups as Excel shows", () => {
    // Figures in method units (元, 件, percent points) shown as the cell holding value ÷ cellScale shows them.
    expect(tableFigure(target("XZ-05"), 57500000)).toBe("0.575");
    expect(proseFigure(target("XZ-05"), 57500000)).toBe("0.575亿元");
    expect(tableFigure(target("XZ-05"), 98750000)).toBe("0.988");
    expect(cellFigure(target("XZ-05"), 0.9875)).toBe("0.988");
    expect(proseFigure(target("HN-04"), 1121000)).toBe("112.1万件");
    expect(proseFigure(target("XZ-12"), 1000000)).toBe("100.0万元");
    expect(tableFigure(target("XZ-14"), 95)).toBe("95.0");
    expect(proseFigure(target("XZ-14"), 92.25)).toBe("92.3%");
    expect(cellFigure(target("XZ-14"), 0.9225)).toBe("92.3");
    expect(proseFigure(target("HN-15"), 86.35)).toBe("86.4分");
    expect(tableFigure(target("JZ-05"), 61136.333)).toBe("61,136");
    expect(tableFigure(target("JZ-05"), 2.5)).toBe("3");
    expect(proseFigure(target("JZ-05"), 1234567)).toBe("1234567件");
    expect(formatShare(0.6020692399522483)).toBe("60.2%");
    expect(() => parseNumberFormat("[Red]0.00")).toThrow(/unsupported/);
    // Formats the sheets no longer write (LibreOffice misreads them) are refused, not half-understood.
    expect(() => parseNumberFormat('#,##0.00,,"亿元"')).toThrow(/unsupported/);
    expect(() => parseNumberFormat('0!.0,"万件"')).toThrow(/unsupported/);
  });

  it("picks a language out of the plan data's per-language text", () => {
    expect(pickLang({ zh: "表中为15家", en: "The table says 15." }, "zh")).toBe("表中为15家");
    expect(pickLang({ zh: "表中为15家", en: "The table says 15." }, "en")).toBe("The table says 15.");
    // A note with no English: the English edition gives the Chinese rather than nothing.
    expect(pickLang({ zh: "只有中文", en: "" }, "en")).toBe("只有中文");
    expect(pickLang("只有中文", "en")).toBe("只有中文");
    expect(pickLang(null, "zh")).toBe("");
  });

  it("writes each conflict in the edition's language only: Chinese in zh, English in en", () => {
    const zh = buildReport(catalog, { plans: ["JZ"], year: 2024, actuals: new Map(), lang: "zh" });
    const en = buildReport(catalog, { plans: ["JZ"], year: 2024, actuals: new Map(), lang: "en" });
    const jz08 = catalog.get("JZ-08")!.target.conflicts[0].note as { zh: string; en: string };
    const zhText = zh.plans[0].conflicts[0].text;
    const enText = en.plans[0].conflicts[0].text;
    expect(zhText).toContain(jz08.zh);
    expect(zhText).not.toContain(jz08.en);
    expect(zhText).not.toMatch(/[A-Za-z]{4}/);
    expect(enText).toContain(jz08.en);
    expect(enText).not.toContain(jz08.zh);
  });
});

describe("bad input is refused in Chinese and English", () => {
  const none = new Map<string, Observation[]>();
  it("an unknown plan id", () => {
    expect(() => buildReport(catalog, { plans: ["ZZ"], actuals: none })).toThrow(ReportInputError);
    expect(() => buildReport(catalog, { plans: ["JZ", "ZZ"], actuals: none })).toThrow(/未知的规划编号：ZZ.* unknown plan ids: ZZ/);
  });

  it("a year outside the chosen plans", () => {
    // The years of JZ's sheet: from its earliest base year (2022, JZ-05) to the period's end.
    expect(planYears(catalog.plan("JZ")!)[0]).toBe(2022);
    expect(() => buildReport(catalog, { plans: ["JZ"], year: 2040, actuals: none })).toThrow(
      /超出所选规划的年份范围 2022–2035 .* outside the years of the chosen plans \(2022–2035\)/,
    );
    expect(() => buildReport(catalog, { plans: ["JZ"], year: 2021, actuals: none })).toThrow(/2022–2035/);
    expect(buildReport(catalog, { plans: ["JZ"], year: 2022, actuals: none }).year).toBe(2022);
    expect(() => buildReport(catalog, { plans: ["JY"], year: 2024, actuals: none })).toThrow(ReportInputError);
  });

  it("takes the latest year with an actual when no year is given", () => {
    const r = buildReport(catalog, { plans: ["JZ"], actuals: actuals([["JZ-05", 2026, 65000]]) });
    expect(r.year).toBe(2026);
  });

  it("reads a CSV saved by Chinese Excel (GBK) and refuses a workbook or an empty file", () => {
    // "编号,年份,实际值\nJZ-05,2024,60000" in GBK.
    const gbk = Uint8Array.from([
      0xb1,
      0xe0,
      0xba,
      0xc5,
      0x2c,
      0xc4,
      0xea,
      0xb7,
      0xdd,
      0x2c,
      0xca,
      0xb5,
      0xbc,
      0xca,
      0xd6,
      0xb5,
      0x0a,
      ...Buffer.from("JZ-05,2024,60000\n"),
    ]);
    expect(decodeCsv(gbk).split("\n")[0]).toBe("编号,年份,实际值");
    expect(readReportActuals(gbk, catalog).actuals.get("JZ-05")).toEqual([{ year: 2024, value: 60000 }]);
    const zip = Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    expect(() => decodeCsv(zip)).toThrow(/不是 CSV 文本.*not CSV text/);
    expect(() => readReportActuals(new Uint8Array(0), catalog)).toThrow(/没有可用的行.*no usable row/);
  });
});
