/** The .xlsx file: read back with ExcelJS, it holds the model's sheets, tables, marks and formats. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { parseActualsCsv } from "../../src/sheets/actuals-csv";
import { buildWorkbookXlsx } from "../../src/sheets/xlsx";

const catalog = bundledCatalog();

async function open(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
  return wb;
}

describe("buildWorkbookXlsx", () => {
  it("writes the overview and a sheet per plan, each with its table, its mark and the actuals given", async () => {
    const data = await buildWorkbookXlsx(catalog, {
      portable: true,
      actuals: [
        { id: "JZ-05", year: 2024, value: 52000 },
        { id: "XZ-05", year: 2025, value: 80000000 },
      ],
    });
    const wb = await open(data);
    expect(wb.worksheets.map((w) => w.name)).toEqual(["总览", "焦作 JZ", "新郑 XZ", "河南 HN", "许昌 XC", "济源 JY"]);
    const jz = wb.getWorksheet("焦作 JZ") as ExcelJS.Worksheet;
    expect(jz.getCell("A1").value).toBe(catalog.plan("JZ")?.title.zh);
    expect(jz.getRow(7).getCell(1).value).toBe("编号");
    const table = jz.getTable("IP_JZ") as unknown as { table: { tableRef: string } };
    // 67 targets: header row 7, rows 8–74.
    // The visible columns end with 备注 in AH; the technical ones follow.
    expect(table.table.tableRef).toBe("A7:BY74");
    expect(jz.getCell("AH7").value).toBe("备注 Note");
    // JZ-05 is the fifth target: row 12; 2024 is the third year column (M), after the base year 2022.
    expect(jz.getCell("A12").value).toBe("JZ-05");
    expect(jz.getCell("M12").value).toBe(52000);
    expect(jz.getCell("M12").numFmt).toBe("#,##0");
    const status = jz.getCell("AE12").value as ExcelJS.CellFormulaValue;
    expect(status.formula).toMatch(/^IF\(\$AA12="","无数据"/);
    // The same formula in every row (only the row number differs).
    expect((jz.getCell("AE13").value as ExcelJS.CellFormulaValue).formula).toBe(status.formula.replace(/(\$[A-Z]+)12\b/g, "$113"));
    expect(jz.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 7 });
    const xz = wb.getWorksheet("新郑 XZ") as ExcelJS.Worksheet;
    // XZ has a range target, so 上限 comes before the years (2023 the base year): 2025 is column N.
    expect(xz.getCell("K7").value).toBe("上限 Max");
    expect(xz.getCell("A12").value).toBe("XZ-05");
    // 8000万元 is held as the plan prints it: 0.8 亿元.
    expect(xz.getCell("N12").value).toBe(0.8);
    expect(xz.getCell("N12").numFmt).toBe('0.000"亿元"');
    const names = (wb as unknown as { definedNames: { model: Array<{ name: string; ranges: string[] }> } }).definedNames.model;
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "IPTargets.JZ", ranges: ["'焦作 JZ'!$A$7:$BY$7"] },
        { name: "IPTargets.Overview", ranges: ["'总览'!$A$1"] },
      ]),
    );
    const overview = wb.getWorksheet("总览") as ExcelJS.Worksheet;
    expect((overview.getCell("C5").value as ExcelJS.CellFormulaValue).formula).toBe(`COUNTIF('焦作 JZ'!$AE$8:$AE$74,"已实现")`);
  });

  it("writes IP.* formulas as a file stores an add-in's functions unless portable", async () => {
    const wb = await open(await buildWorkbookXlsx(catalog, { plans: ["XC"] }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["总览", "许昌 XC"]);
    const xc = wb.getWorksheet("许昌 XC") as ExcelJS.Worksheet;
    const statusColumn = (xc.getRow(7).values as unknown[]).indexOf("状态 Status");
    const status = xc.getRow(8).getCell(statusColumn).value as ExcelJS.CellFormulaValue & { shareType?: string };
    const cells = "IP_XC[[#This Row],[2022年实际]:[2024年实际]]";
    expect(status.formula).toBe(
      `_xldudf_IP_STATUS(IP_XC[[#This Row],[编号]],IF(ISNUMBER(${cells}),${cells}*IP_XC[[#This Row],[函数比例 ipScale]],${cells}&""),2024)`,
    );
    // An array formula: the IF over the year cells is evaluated cell by cell in every Excel.
    expect(status.shareType).toBe("array");
    const overview = wb.getWorksheet("总览") as ExcelJS.Worksheet;
    // Where the add-in is missing, the sheet and the overview say so (issue 11 §4).
    expect((overview.getCell("C5").value as ExcelJS.CellFormulaValue).formula).toBe(
      'IF(ISERR(_xldudf_IP_TARGET("XC-01")),"需加载项 add-in needed",COUNTIF(IP_XC[状态 Status],"已实现"))',
    );
    expect((overview.getCell("J5").value as ExcelJS.CellFormulaValue).formula).toBe('COUNTIF(IP_XC[编号],"?*")');
    expect((xc.getCell("A6").value as ExcelJS.CellFormulaValue).formula).toMatch(/^IF\(ISERR\(_xldudf_IP_TARGET\("XC-01"\)\),"⚠ 本表使用联动公式/);
    expect(xc.getCell("A5").value).toContain("只在装有本加载项的 Excel 中计算");
    const progressColumn = (xc.getRow(7).values as unknown[]).indexOf("进度 Progress");
    expect((xc.getRow(8).getCell(progressColumn).value as ExcelJS.CellFormulaValue).formula).toMatch(/^_xlfn\.IFNA\(_xldudf_IP_PROGRESS\(/);
  });
});

describe("parseActualsCsv", () => {
  it("reads id,year,value rows and reports, in Chinese and English, every row it cannot use", () => {
    const text = [
      "\uFEFFid,year,value",
      "JZ-05,2024,52000",
      "jz-05 ,2025,\"60,000\"",
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
    expect(rows).toEqual([
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
    expect(parseActualsCsv("年份,实际值,编号\n2024,1,XC-10\n", catalog).rows).toEqual([{ id: "XC-10", year: 2024, value: 1 }]);
    expect(parseActualsCsv("XC-10,2024,1\n", catalog).rows).toEqual([{ id: "XC-10", year: 2024, value: 1 }]);
    expect(parseActualsCsv("id,value\nXC-10,1\n", catalog).problems).toEqual(["表头缺少列：year / the header lacks the columns: year"]);
    expect(parseActualsCsv("", catalog).problems[0]).toMatch(/文件为空.*the file is empty/);
  });
});

describe("npm run workbook", () => {
  const tsx = path.join(__dirname, "../../node_modules/.bin/tsx");
  const run = (args: string[]) => spawnSync(tsx, ["scripts/workbook.ts", ...args], { cwd: path.join(__dirname, "../.."), encoding: "utf8" });

  it("writes the workbook from a CSV of actuals, reports the rows it could not use and exits 1", async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ip-workbook-"));
    const csv = path.join(dir, "actuals.csv");
    fs.writeFileSync(csv, "id,year,value\nXZ-01,2024,1800\nXZ-01,2030,1\n");
    const out = path.join(dir, "out", "targets.xlsx");
    const r = run(["--out", out, "--plans", "XZ", "--portable", "--actuals", csv]);
    expect(r.stderr).toContain("第 3 行：XZ-01 的年份 2030 不在规划的年份范围 2023–2026 内");
    expect(r.stdout).toContain("wrote");
    expect(r.status).toBe(1);
    const wb = await open(fs.readFileSync(out));
    expect((wb.getWorksheet("新郑 XZ") as ExcelJS.Worksheet).getCell("M8").value).toBe(1800);
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60000);

  it("refuses unknown plans and missing --out", () => {
    expect(run(["--out", "/tmp/x.xlsx", "--plans", "QQ"]).status).toBe(2);
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--out");
  }, 60000);
});
