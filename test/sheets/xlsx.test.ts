/** The .xlsx file: read back with ExcelJS, it holds the model's sheets, tables, marks and formats. */
import ExcelJS from "exceljs";
import { bundledCatalog } from "../../src/core/catalog/bundled";
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
    expect(table.table.tableRef).toBe("A7:BZ74");
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
        { name: "IPTargets.JZ", ranges: ["'焦作 JZ'!$A$7:$BZ$7"] },
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
