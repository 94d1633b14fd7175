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
    expect(table.table.tableRef).toBe("A7:AG74");
    // JZ-05 is the fifth target: row 12; 2024 is the second year column (L).
    expect(jz.getCell("A12").value).toBe("JZ-05");
    expect(jz.getCell("L12").value).toBe(52000);
    expect(jz.getCell("L12").numFmt).toBe("#,##0");
    const status = jz.getCell("AD12").value as ExcelJS.CellFormulaValue;
    expect(status.formula).toMatch(/^IF\(\$Z12="","无数据"/);
    expect(jz.views[0]).toMatchObject({ state: "frozen", xSplit: 2, ySplit: 7 });
    const xz = wb.getWorksheet("新郑 XZ") as ExcelJS.Worksheet;
    // XZ has a range target, so 上限 comes before the years: 2025 is column M.
    expect(xz.getCell("K7").value).toBe("上限 Max");
    expect(xz.getCell("A12").value).toBe("XZ-05");
    expect(xz.getCell("M12").value).toBe(80000000);
    expect(xz.getCell("M12").numFmt).toBe('0!.00,,"亿元"');
    const names = (wb as unknown as { definedNames: { model: Array<{ name: string; ranges: string[] }> } }).definedNames.model;
    expect(names).toEqual(
      expect.arrayContaining([
        { name: "IPTargets.JZ", ranges: ["'焦作 JZ'!$A$7:$AG$7"] },
        { name: "IPTargets.Overview", ranges: ["'总览'!$A$1"] },
      ]),
    );
    const overview = wb.getWorksheet("总览") as ExcelJS.Worksheet;
    expect((overview.getCell("C5").value as ExcelJS.CellFormulaValue).formula).toBe(`COUNTIF('焦作 JZ'!$AD$8:$AD$74,"已实现")`);
  });

  it("writes IP.* formulas as a file stores an add-in's functions unless portable", async () => {
    const wb = await open(await buildWorkbookXlsx(catalog, { plans: ["XC"] }));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["总览", "许昌 XC"]);
    const xc = wb.getWorksheet("许昌 XC") as ExcelJS.Worksheet;
    const statusColumn = (xc.getRow(7).values as unknown[]).indexOf("状态 Status");
    const status = (xc.getRow(8).getCell(statusColumn).value as ExcelJS.CellFormulaValue).formula;
    expect(status).toBe("_xldudf_IP_STATUS(IP_XC[[#This Row],[编号]],IP_XC[[#This Row],[2023年实际]:[2024年实际]],2024)");
    const overview = wb.getWorksheet("总览") as ExcelJS.Worksheet;
    expect((overview.getCell("C5").value as ExcelJS.CellFormulaValue).formula).toBe('COUNTIF(IP_XC[状态 Status],"已实现")');
  });
});
