/**
 * The actuals CSV of `npm run workbook -- --actuals FILE.csv`: every row it cannot use is an error
 * with its line, in Chinese and English; nothing is read as a different number than was meant.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { decodeCsvBytes, MAX_PROBLEMS, parseActualsCsv, readActualsCsv } from "../../src/sheets/actuals-csv";
import { planYears } from "../../src/sheets/model";

const catalog = bundledCatalog();
const utf16le = (s: string) => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, "utf16le")]);
const utf16be = (s: string) => {
  const le = Buffer.from(s, "utf16le");
  for (let i = 0; i < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
  return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
};
// "编号,年份,实际值" and "焦" in GBK, as Chinese Excel saves "CSV (逗号分隔)".
const GBK_HEADER = Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xc4, 0xea, 0xb7, 0xdd, 0x2c, 0xca, 0xb5, 0xbc, 0xca, 0xd6, 0xb5]);

describe("parseActualsCsv", () => {
  it("reads id,year,value rows and reports, in Chinese and English, every row it cannot use", () => {
    const text = [
      "\uFEFFid,year,value",
      "JZ-05,2024,52000",
      'jz-05 ,2025,"60,000"',
      "ZZ-01,2024,1",
      "JZ-05,2040,1",
      "JZ-05,二〇二四,1",
      "XZ-01,2024,abc",
      "XZ-01,2025,",
      "XZ-02,2024,3.3",
      "XZ-02,2024,3.4",
      "JZ-05,2023,50000",
    ].join("\r\n");
    const { rows, problems } = parseActualsCsv(text, catalog);
    expect(rows.map(({ id, year, value }) => ({ id, year, value }))).toEqual([
      { id: "JZ-05", year: 2024, value: 52000 },
      { id: "JZ-05", year: 2025, value: 60000 },
      { id: "XZ-02", year: 2024, value: 3.4 },
      { id: "JZ-05", year: 2023, value: 50000 },
    ]);
    expect(problems).toEqual([
      '第 4 行：未知的指标编号「ZZ-01」 / line 4: unknown target id "ZZ-01"',
      "第 5 行：JZ-05 的年份 2040 不在规划的年份范围 2022–2035 内 / line 5: 2040 is outside the years of JZ-05's plan (2022–2035)",
      '第 6 行：年份「二〇二四」无效 / line 6: "二〇二四" is not a year',
      '第 7 行：XZ-01 2024 年：实际值「abc」不是数字 / line 7: XZ-01 2024: the actual "abc" is not a number',
      "第 8 行：XZ-01 2025 年的实际值为空，已忽略 / line 8: the actual of XZ-01 for 2025 is empty; ignored",
      "第 10 行：XZ-02 2024 年与第 9 行重复，以本行为准 / line 10: XZ-02 2024 repeats line 9; this line counts",
    ]);
  });

  it("takes the columns in any order by their Chinese or English names, or id,year,value without a header", () => {
    const plain = (text: string) => parseActualsCsv(text, catalog).rows.map(({ id, year, value }) => ({ id, year, value }));
    expect(plain("年份,实际值,编号\n2024,1,XC-10\n")).toEqual([{ id: "XC-10", year: 2024, value: 1 }]);
    expect(plain("XC-10,2024,1\n")).toEqual([{ id: "XC-10", year: 2024, value: 1 }]);
    expect(parseActualsCsv("id,value\nXC-10,1\n", catalog).problems).toEqual(["第 1 行：表头缺少列：year / line 1: the header lacks the columns: year"]);
    expect(parseActualsCsv("", catalog).problems[0]).toMatch(/文件为空.*the file is empty/);
  });

  it("reads a year written as officials write it (2024年, 2024年度, full-width digits) and ids typed full-width", () => {
    const { rows, problems } = parseActualsCsv("编号,年份,实际值\nJZ-05,2024年,1\nJZ-05,２０２５年度,2\nｊｚ－０５,2026年底,3\nJZ-05,2024年6月,4\n", catalog);
    expect(rows.map(({ id, year, value }) => [id, year, value])).toEqual([
      ["JZ-05", 2024, 1],
      ["JZ-05", 2025, 2],
      ["JZ-05", 2026, 3],
    ]);
    expect(problems).toEqual(['第 5 行：年份「2024年6月」无效 / line 5: "2024年6月" is not a year']);
  });

  describe("a number is never read as another number", () => {
    it("an unquoted thousands comma makes a fourth column: an error with its line, not the value 1", () => {
      const { rows, problems } = parseActualsCsv("id,year,value\nJZ-06,2023,1,234\nJZ-05,2024,52000\n", catalog);
      expect(rows.map((r) => r.id)).toEqual(["JZ-05"]);
      expect(problems).toEqual([
        '第 2 行：该行有 4 列，应为 3 列（多出「234」）；若 1,234 是一个数，请写作 1234 或加引号 "1,234" / ' +
          'line 2: 4 columns where 3 belong (extra "234"); if 1,234 is one number, write 1234 or quote it: "1,234"',
      ]);
    });

    it("extra columns are an error, also without a header; empty trailing columns (as Excel writes them) are not", () => {
      const { rows, problems } = parseActualsCsv("JZ-05,2024,52000,核实人张三\nJZ-05,2025,60000,,\n", catalog);
      expect(rows.map((r) => [r.year, r.value])).toEqual([[2025, 60000]]);
      expect(problems).toEqual(['第 1 行：该行有 4 列，应为 3 列（多出「核实人张三」） / line 1: 4 columns where 3 belong (extra "核实人张三")']);
    });

    it("a header column that is not id, year or value is named, with its line", () => {
      const { rows, problems } = parseActualsCsv("id,year,value,备注\nJZ-05,2024,52000,已核实\n", catalog);
      expect(rows.map((r) => r.value)).toEqual([52000]);
      expect(problems).toEqual(['第 1 行：表头中的「备注」不是 id、year、value 之一，该列未读入 / line 1: the header column "备注" is not id, year or value; it was not read']);
    });

    it("a header column named twice is named, with its line", () => {
      const { rows, problems } = parseActualsCsv("编号,年份,实际值,value\nJZ-05,2024,52000,53000\n", catalog);
      expect(rows.map((r) => r.value)).toEqual([52000]);
      expect(problems).toEqual(['第 1 行：表头中的「value」重复，只读第一个 / line 1: the header column "value" repeats; only the first is read']);
    });

    it.each([
      ['"1,5"', "1,5"],
      ['"1.234,5"', "1.234,5"],
      ['"12,34"', "12,34"],
      ['"1,2345"', "1,2345"],
      ["１，５", "１，５"],
    ])("%s (a decimal comma?) is an error with its line, not a guess", (field, shown) => {
      const { rows, problems } = parseActualsCsv(`JZ-06,2024,${field}\n`, catalog);
      expect(rows).toEqual([]);
      expect(problems).toEqual([
        `第 1 行：JZ-06 2024 年：实际值「${shown}」中的逗号不是千位分隔（小数请用小数点，如 1.5；千位写作 1,234 或不写） / ` +
          `line 1: JZ-06 2024: the comma in "${shown}" is not a thousands separator (write decimals with a point, 1.5; thousands as 1,234 or without)`,
      ]);
    });

    it.each([
      ['"1,234"', 1234],
      ['"12,345,678.5"', 12345678.5],
      ['"-1,234"', -1234],
      ['"１，２３４"', 1234],
      ["1234.5", 1234.5],
      ['"95%"', 95],
    ])("%s is %p", (field, value) => {
      const { rows, problems } = parseActualsCsv(`JZ-06,2024,${field}\n`, catalog);
      expect(problems).toEqual([]);
      expect(rows.map((r) => r.value)).toEqual([value]);
    });
  });

  describe("separators and encodings", () => {
    it("reads semicolon- and tab-separated files (a decimal comma there is still an error)", () => {
      const semi = parseActualsCsv("编号;年份;实际值\nJZ-05;2024;52000\nJZ-06;2024;1,5\n", catalog);
      expect(semi.rows.map((r) => [r.id, r.value])).toEqual([["JZ-05", 52000]]);
      expect(semi.problems).toHaveLength(1);
      expect(semi.problems[0]).toMatch(/^第 3 行：JZ-06 2024 年：实际值「1,5」中的逗号不是千位分隔/);
      expect(semi.notes).toEqual(["以分号分隔 / semicolon-separated"]);
      const tab = parseActualsCsv("编号\t年份\t实际值\nJZ-05\t2024\t52,000\n", catalog);
      expect(tab.rows.map((r) => [r.id, r.value])).toEqual([["JZ-05", 52000]]);
      expect(tab.problems).toEqual([]);
      expect(tab.notes).toEqual(["以制表符分隔 / tab-separated"]);
    });

    it("in a semicolon-separated file (where the comma is the decimal sign) 1.234 may be a thousand: an error", () => {
      const r = parseActualsCsv("JZ-05;2024;52.000\nJZ-06;2024;0.125\nJZ-06;2025;12.5\n", catalog);
      expect(r.rows.map((x) => x.value)).toEqual([0.125, 12.5]);
      expect(r.problems).toEqual([
        "第 1 行：JZ-05 2024 年：实际值「52.000」在分号分隔的文件中可能是千位点（52000）也可能是小数：请不写千位分隔 / " +
          'line 1: JZ-05 2024: in a semicolon-separated file "52.000" may be a thousands point (52000) or a decimal: write it without thousands separators',
      ]);
      expect(parseActualsCsv("JZ-05,2024,52.000\n", catalog).rows.map((x) => x.value)).toEqual([52]);
    });

    it("decodes UTF-16 with a BOM (Excel's Unicode text), little- and big-endian", () => {
      for (const [encode, name] of [
        [utf16le, "UTF-16LE"],
        [utf16be, "UTF-16BE"],
      ] as const) {
        const r = readActualsCsv(encode("编号\t年份\t实际值\r\nJZ-05\t2024\t52000\r\n"), catalog);
        expect(r.problems).toEqual([]);
        expect(r.rows.map((x) => [x.id, x.year, x.value])).toEqual([["JZ-05", 2024, 52000]]);
        expect(r.notes).toEqual([`按 ${name} 解码 / decoded as ${name}`, "以制表符分隔 / tab-separated"]);
      }
    });

    it("decodes GBK (as Chinese Excel saves CSV) and says so", () => {
      const bytes = Buffer.concat([GBK_HEADER, Buffer.from("\r\nJZ-05,2024,52000\r\n")]);
      expect(decodeCsvBytes(bytes)).toEqual({ text: "编号,年份,实际值\r\nJZ-05,2024,52000\r\n", encoding: "GBK" });
      const r = readActualsCsv(bytes, catalog);
      expect(r.problems).toEqual([]);
      expect(r.rows.map((x) => x.value)).toEqual([52000]);
      expect(r.notes).toEqual(["按 GBK 解码 / decoded as GBK"]);
    });

    it("UTF-8, with or without a BOM, is read as UTF-8 without a note", () => {
      for (const bom of [[], [0xef, 0xbb, 0xbf]]) {
        const r = readActualsCsv(Buffer.concat([Buffer.from(bom), Buffer.from("编号,年份,实际值\nJZ-05,2024,52000\n")]), catalog);
        expect([r.rows.length, r.problems, r.notes]).toEqual([1, [], []]);
      }
    });

    it("text that was decoded wrongly is named as such, never reported as unknown ids", () => {
      const asUtf8 = (b: Buffer) => b.toString("utf8");
      const gbk = parseActualsCsv(asUtf8(Buffer.concat([GBK_HEADER, Buffer.from("\nJZ-05,2024,1\n")])), catalog);
      expect(gbk.rows).toEqual([]);
      expect(gbk.problems).toEqual(["文件不是 UTF-8 编码（可能是 GBK）：请另存为“CSV UTF-8”或用 npm run workbook -- --actuals 直接读取 / the file is not UTF-8 (GBK?): save it as \"CSV UTF-8\" or read it with npm run workbook -- --actuals"]);
      const utf16 = parseActualsCsv(Buffer.from("id,year,value\nJZ-05,2024,1\n", "utf16le").toString("latin1"), catalog);
      expect(utf16.rows).toEqual([]);
      expect(utf16.problems).toEqual(["文件是 UTF-16 编码（Excel 的“Unicode 文本”）：请另存为“CSV UTF-8”或用 npm run workbook -- --actuals 直接读取 / the file is UTF-16 (Excel's \"Unicode text\"): save it as \"CSV UTF-8\" or read it with npm run workbook -- --actuals"]);
    });
  });

  it("lists the first 50 problem lines and counts the rest", () => {
    const lines = ["id,year,value", ...Array.from({ length: 120 }, (_, i) => `ZZ-${i},2024,1`), "JZ-05,2024,1"];
    const { rows, problems, problemCount } = parseActualsCsv(lines.join("\n"), catalog);
    expect(rows).toHaveLength(1);
    expect(problemCount).toBe(120);
    expect(problems).toHaveLength(MAX_PROBLEMS + 1);
    expect(problems[49]).toBe('第 51 行：未知的指标编号「ZZ-49」 / line 51: unknown target id "ZZ-49"');
    expect(problems[50]).toBe("另有 70 行有问题未列出 / 70 more lines with problems not listed");
  });

  describe("base years", () => {
    it("takes a base year's actual (XC-04 2022, method.md §12) wherever the sheet has its column, else says it is not written", () => {
      const xc = catalog.plan("XC")!;
      const r = parseActualsCsv("XC-04,2022,2990\nXC-01,2022,2990\n", catalog);
      expect(r.problems.join("\n")).not.toMatch(/不在规划的年份范围|outside the years/);
      if (planYears(xc).includes(2022)) {
        expect(r.rows.map((x) => [x.id, x.year])).toEqual([["XC-04", 2022], ["XC-01", 2022]]);
      } else {
        expect(r.rows).toEqual([]);
        expect(r.problems[0]).toBe(
          "第 1 行：XC-04 2022 年的值已读入，但本版工作表没有 2022 年列，未写入 / line 1: XC-04 2022 was read, but this version's sheet has no 2022 column; not written",
        );
      }
    });

    it("a 新增 value for the year it counts from, or before, is written, with a warning that it can never count", () => {
      // JZ-25 (additions, no base) counts from 0 in 2023, the year before the plan's period 2024–2035.
      const r = parseActualsCsv("JZ-25,2023,5\nJZ-25,2024,3\n", catalog);
      expect(r.rows.map((x) => [x.id, x.year, x.value])).toEqual([
        ["JZ-25", 2023, 5],
        ["JZ-25", 2024, 3],
      ]);
      expect(r.problems).toEqual([]);
      expect(r.warnings).toEqual([
        "第 1 行：JZ-25 为新增类指标，从 2023 年之后逐年累计：2023 年的值已写入，但不计入进度 / line 1: JZ-25 counts additions after 2023: the value for 2023 is written but never counts",
      ]);
    });

    it("accepts from the plan's earliest base year to its last target year, and names a year no sheet can hold", () => {
      // XZ: bases in 2023, period 2024–2026; HN: a base in 2020, period 2021–2025.
      const r = parseActualsCsv("XZ-01,2022,1\nXZ-01,2027,1\nHN-01,2019,1\nHN-01,2026,1\n", catalog);
      expect(r.rows).toEqual([]);
      expect(r.problems).toEqual([
        "第 1 行：XZ-01 的年份 2022 不在规划的年份范围 2023–2026 内 / line 1: 2022 is outside the years of XZ-01's plan (2023–2026)",
        "第 2 行：XZ-01 的年份 2027 不在规划的年份范围 2023–2026 内 / line 2: 2027 is outside the years of XZ-01's plan (2023–2026)",
        "第 3 行：HN-01 的年份 2019 不在规划的年份范围 2020–2025 内 / line 3: 2019 is outside the years of HN-01's plan (2020–2025)",
        "第 4 行：HN-01 的年份 2026 不在规划的年份范围 2020–2025 内 / line 4: 2026 is outside the years of HN-01's plan (2020–2025)",
      ]);
    });
  });
});

describe("the years an import accepts", () => {
  it("include every year the plan's sheet has a column for (base years, the year before a 新增 count starts)", () => {
    const catalog = bundledCatalog();
    for (const plan of catalog.plans) {
      const id = plan.targets[0].id;
      const text = ["id,year,value", ...planYears(plan).map((y) => `${id},${y},1`)].join("\n");
      const { rows, problems } = parseActualsCsv(text, catalog);
      expect(problems.filter((p) => !/never counts|不计入/.test(p))).toEqual([]);
      expect(rows.map((r) => r.year)).toEqual(planYears(plan));
    }
  });
});
