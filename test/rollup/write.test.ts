/** The 汇总 workbook read back with ExcelJS: its sheets, cells and formats, no formula anywhere, untrusted text kept as text. */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Catalog } from "../../src/core/catalog/catalog";
import { aggregateActuals } from "../../src/rollup/aggregate";
import type { CollectedActual, RollupProblem, RollupResult } from "../../src/rollup/types";
import { rollupWorkbookXlsx, safeText } from "../../src/rollup/write";
import { actual, ADDITIVE, plan, province, RATIO, target } from "./sum-fixtures";

const catalog = province();

function resultOf(actuals: CollectedActual[], cat: Catalog, problems: RollupProblem[] = []): RollupResult {
  const names = [...new Set(actuals.map((a) => a.file))];
  return {
    files: names.map((name) => ({
      name,
      sheets: 1,
      actuals: actuals.filter((a) => a.file === name).length,
      planIds: [...new Set(actuals.filter((a) => a.file === name).map((a) => a.planId))],
      mode: "portable" as const,
    })),
    actuals,
    problems,
    ...aggregateActuals(actuals, cat),
  };
}

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return wb;
}

const sheet = (wb: ExcelJS.Workbook, name: string) => wb.getWorksheet(name) as ExcelJS.Worksheet;
const rowValues = (ws: ExcelJS.Worksheet, r: number) => (ws.getRow(r).values as ExcelJS.CellValue[]).slice(1);

const HOSTILE = '=HYPERLINK("http://evil.example","点我")';
const actuals = [
  actual("省.xlsx", "PV-01", 2024, 60000, "河南 PV"),
  actual("甲市.xlsx", "CA-01", 2024, 100, "甲市 CA"),
  actual("甲市（改）.xlsx", "CA-01", 2024, 120, "改名了"),
  actual("乙市.xlsx", "CB-01", 2024, 50),
  actual("乙市（副本）.xlsx", "CB-01", 2024, 50),
  actual("丙示范区.xlsx", "ZN-01", 2024, 30),
  actual("子县.xlsx", "KA-01", 2024, 10),
  actual("丑县.xlsx", "KB-01", 2024, 5),
  actual("甲市.xlsx", "CA-02", 2024, 11.2),
  actual("乙市.xlsx", "CB-02", 2024, 7.1),
  actual("甲市.xlsx", "CA-06", 2024, 93.5),
  // Untrusted text from a workbook: a file name, a sheet name and an id that look like formulas.
  actual(HOSTILE, "@SUM(A1)", 2024, 1, "+1-2"),
  // An id no plan knows, typed two ways in two files with different values: still one conflict.
  actual("未知.xlsx", "qq-01", 2024, 1),
  actual("未知2.xlsx", "QQ-01", 2024, 2),
];
const problems: RollupProblem[] = [
  { file: "坏文件.xlsx", kind: "corrupt", message: { zh: "不是有效的 .xlsx 文件", en: "not a valid .xlsx file" } },
  { file: "乙市.xlsx", sheet: "乙市 CB", row: 12, kind: "text", message: { zh: "-文字“约50件”不是数字", en: "-the text “约50件” is not a number" } },
];
const result = resultOf(actuals, catalog, problems);

describe("rollupWorkbookXlsx (Chinese)", () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await rollupWorkbookXlsx(result, catalog, "zh");
    wb = await open(bytes);
  });

  it("has the five sheets, each data sheet with a frozen header row and an autofilter", () => {
    expect(wb.worksheets.map((w) => w.name)).toEqual(["说明", "实际值", "按统计口径", "冲突", "问题"]);
    for (const name of ["实际值", "按统计口径", "冲突", "问题"]) {
      const ws = sheet(wb, name);
      expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
      expect(String(ws.autoFilter)).toMatch(/^A1:[A-Z]+\d+$/);
    }
  });

  it("says in 说明 when it was collected, from how many files, and how many conflicts and problems there are", () => {
    const ws = sheet(wb, "说明");
    const facts = new Map<string, ExcelJS.CellValue>();
    ws.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    const at = facts.get("汇总时间") as Date;
    expect(at).toBeInstanceOf(Date);
    // Stored as local wall-clock time (ExcelJS reads it back as UTC).
    const local = new Date(Date.now() - new Date().getTimezoneOffset() * 60000);
    expect(Math.abs(at.getTime() - local.getTime())).toBeLessThan(5 * 60000);
    expect(facts.get("收到文件")).toBe(result.files.length);
    expect(facts.get("实际值")).toBe(actuals.length);
    expect(facts.get("年份")).toBe("2024");
    expect(facts.get("冲突（同一指标同一年份数值不同）")).toBe(2);
    expect(facts.get("问题（无法读取的文件、工作表或单元格）")).toBe(2);
    // The files table lists every file received, also one that only has problems.
    expect(facts.get("坏文件.xlsx")).toBe(0);
    let files: ExcelJS.Row | undefined;
    ws.eachRow((row) => (row.getCell(1).value === "乙市.xlsx" ? (files = row) : undefined));
    expect(rowValues(ws, files!.number)).toEqual(["乙市.xlsx", 1, 2, "CB", "通用公式", 1]);
  });

  it("lists every actual with its file, sheet and row, in the unit the target sheet shows it", () => {
    const ws = sheet(wb, "实际值");
    expect(rowValues(ws, 1)).toEqual(["文件", "工作表", "行", "规划", "编号", "指标", "年份", "实际值", "单位", "说明"]);
    expect(ws.rowCount).toBe(actuals.length + 1);
    // PV-01 is printed in 万件: 60000 件 is 6 万件.
    const pv = rowValues(ws, 2);
    expect(pv.slice(0, 9)).toEqual(["省.xlsx", "河南 PV", actuals[0].row, "测试省 PV", "PV-01", expect.stringContaining("PV-01"), 2024, 6, "万件"]);
    expect(ws.getCell("H2").numFmt).toBe('0.0"万件"');
    // A percent target: 93.5 % as Excel holds it (0.935), formatted as a percentage.
    const pct = rowValues(ws, 12);
    expect(pct[4]).toBe("CA-06");
    expect(pct[7]).toBeCloseTo(0.935, 12);
    expect(ws.getCell("H12").numFmt).toBe("0.0%");
    expect(pct[8]).toBe("%");
    // Conflicts and duplicates are marked.
    expect(ws.getCell("J3").value).toBe("⚠ 冲突，见“冲突”表");
    expect(ws.getCell("J5").value).toBe("另有文件（或行）填了相同数值");
    expect(ws.getCell("J2").value).toBeNull();
    // The unknown id typed "qq-01" in one file and "QQ-01" in another is the same conflict.
    expect([ws.getCell("J14").value, ws.getCell("J15").value]).toEqual(["⚠ 冲突，见“冲突”表", "⚠ 冲突，见“冲突”表"]);
  });

  it("puts the province's figure beside the sum of its cities and of its counties, with how many reported and the difference", () => {
    const ws = sheet(wb, "按统计口径");
    expect(rowValues(ws, 1)).toEqual([
      "统计口径",
      "年份",
      "类别",
      "单位",
      "省级数值",
      "省级规划",
      "市级合计",
      "市级报送地区数",
      "县级合计",
      "县级报送地区数",
      "省级减市级合计",
      "各地数值（未相加）",
      "说明",
    ]);
    const stock = rowValues(ws, 2);
    // Mixed display units among the measure's targets: the measure's base unit.
    expect(stock.slice(0, 11)).toEqual([ADDITIVE.name.zh, 2024, "期末水平", ADDITIVE.unit, 60000, "测试省", 80, 2, 15, 2, 59920]);
    expect(String(stock[12])).toContain("市级：2 个地区报送（乙市、丙示范区）；未报送：丁市");
    expect(String(stock[12])).toContain("CA-01 2024年的数值在不同文件或行中不一致，未计入");
    expect(String(stock[12])).toContain("CB-01 2024年在 2 个文件中数值相同，只计一次");
    expect(String(stock[12])).toContain("县级：2 个地区报送（子县、丑县）");
    expect(ws.getCell("E2").numFmt).toBe("#,##0");
    // The ratio: nothing summed, each city's figure shown, the reason in the note.
    const ratio = rowValues(ws, 3);
    expect(ratio[0]).toBe(RATIO.name.zh);
    expect(ratio[4]).toBeUndefined();
    expect(ratio[6]).toBeUndefined();
    expect(ratio[7]).toBe(2);
    expect(ratio[10]).toBeUndefined();
    expect(ratio[11]).toBe("甲市 11.2；乙市 7.1");
    expect(String(ratio[12])).toContain("不能逐级相加");
    expect(ws.rowCount).toBe(3);
  });

  it("lists each conflict with every value and its file, sheet and row", () => {
    const ws = sheet(wb, "冲突");
    expect(rowValues(ws, 1)).toEqual(["序号", "编号", "规划", "指标", "年份", "文件", "工作表", "行", "数值", "单位"]);
    expect(rowValues(ws, 2)).toEqual([1, "CA-01", "甲市 CA", expect.any(String), 2024, "甲市.xlsx", "甲市 CA", actuals[1].row, 100, ADDITIVE.unit]);
    expect(rowValues(ws, 3)).toEqual([1, "CA-01", "甲市 CA", expect.any(String), 2024, "甲市（改）.xlsx", "改名了", actuals[2].row, 120, ADDITIVE.unit]);
    // An unknown id: no plan, no name, the value as the file gave it.
    expect(rowValues(ws, 4)).toEqual([2, "QQ-01", undefined, undefined, 2024, "未知.xlsx", "Sheet", actuals[12].row, 1]);
    expect(ws.rowCount).toBe(5);
  });

  it("lists each problem with file, sheet and row", () => {
    const ws = sheet(wb, "问题");
    expect(rowValues(ws, 1)).toEqual(["文件", "工作表", "行", "类型", "说明"]);
    expect(rowValues(ws, 2)).toEqual(["坏文件.xlsx", undefined, undefined, "文件损坏或不是 .xlsx", "不是有效的 .xlsx 文件"]);
    expect(rowValues(ws, 3)).toEqual(["乙市.xlsx", "乙市 CB", 12, "应填数字处为文字", "-文字“约50件”不是数字"]);
  });

  it("writes text from the workbooks as text, never a formula, and holds no formula at all", async () => {
    const ws = sheet(wb, "实际值");
    expect(rowValues(ws, 13).slice(0, 5)).toEqual([HOSTILE, "+1-2", actuals[11].row, "@SUM(A1)", "@SUM(A1)"]);
    expect(ws.getCell("A13").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("B13").type).toBe(ExcelJS.ValueType.String);
    expect(ws.getCell("E13").type).toBe(ExcelJS.ValueType.String);
    expect(sheet(wb, "问题").getCell("E3").type).toBe(ExcelJS.ValueType.String);
    for (const w of wb.worksheets) {
      w.eachRow((row) => row.eachCell((cell) => expect([w.name, cell.address, cell.type]).not.toEqual([w.name, cell.address, ExcelJS.ValueType.Formula])));
    }
    // The file itself: no <f> element in any sheet, no `!` escape in any number format.
    const zip = await JSZip.loadAsync(bytes);
    const parts = Object.keys(zip.files).filter((n) => /^xl\/worksheets\/.*\.xml$/.test(n));
    expect(parts).toHaveLength(5);
    for (const part of parts) expect(await zip.file(part)!.async("string")).not.toMatch(/<f[ >]/);
    const styles = await zip.file("xl/styles.xml")!.async("string");
    const formats = [...styles.matchAll(/formatCode="([^"]*)"/g)].map((m) => m[1]);
    expect(formats.length).toBeGreaterThan(0);
    expect(formats.filter((f) => f.includes("!"))).toEqual([]);
  });
});

describe("rollupWorkbookXlsx (English)", () => {
  it("has English sheet names, headers and notes", async () => {
    const wb = await open(await rollupWorkbookXlsx(result, catalog, "en"));
    expect(wb.worksheets.map((w) => w.name)).toEqual(["About", "Actuals", "By measure", "Conflicts", "Problems"]);
    expect(rowValues(sheet(wb, "Actuals"), 1)).toEqual(["File", "Sheet", "Row", "Plan", "Id", "Target", "Year", "Actual", "Unit", "Note"]);
    const m = sheet(wb, "By measure");
    expect(m.getCell("A1").value).toBe("Measure");
    expect(m.getCell("A2").value).toBe(ADDITIVE.name.en);
    expect(m.getCell("F2").value).toBe("Test Province");
    expect(String(m.getCell("M2").value)).toContain("Cities: 2 regions reported (City B, Zone C); not reported: City D");
    expect(m.getCell("L3").value).toBe("City A 11.2; City B 7.1");
    expect(sheet(wb, "Problems").getCell("D2").value).toBe("corrupt or not an .xlsx");
    expect(sheet(wb, "Problems").getCell("E3").value).toBe("-the text “约50件” is not a number");
  });
});

describe("rollupWorkbookXlsx: a common display unit, and the bundled plans", () => {
  it("shows a measure's figures in the display unit every one of its targets uses", async () => {
    const wan = { display: { unit: "万件", scale: 10000 } };
    const cat = new Catalog([
      plan("PV", "province", ["测试省", "Test Province"], [target("PV-01", ADDITIVE.id, "level", wan)]),
      plan("CA", "city", ["甲市", "City A"], [target("CA-01", ADDITIVE.id, "level", wan)]),
      plan("CB", "city", ["乙市", "City B"], [target("CB-01", ADDITIVE.id, "level", wan)]),
    ]);
    const res = resultOf([actual("p.xlsx", "PV-01", 2024, 81000), actual("a.xlsx", "CA-01", 2024, 12000), actual("b.xlsx", "CB-01", 2024, 34500)], cat);
    const ws = sheet(await open(await rollupWorkbookXlsx(res, cat, "zh")), "按统计口径");
    expect(rowValues(ws, 2).slice(3, 11)).toEqual(["万件", 8.1, "测试省", 4.65, 2, undefined, undefined, 3.45]);
    expect(ws.getCell("E2").numFmt).toBe("0.00");
  });

  it("names the targets of a plan the workbooks stored (a county's own plan, handed over as workbookPlans)", async () => {
    const county = plan("KZ", "county", ["寅县", "County Z"], [target("KZ-01", null, "level", { unit: "元", display: { unit: "万元", scale: 10000 } })]);
    const res = { ...resultOf([actual("寅县.xlsx", "KZ-01", 2024, 2500000)], catalog), workbookPlans: [county] };
    const ws = sheet(await open(await rollupWorkbookXlsx(res, catalog, "zh")), "实际值");
    expect(rowValues(ws, 2).slice(3, 9)).toEqual(["寅县 KZ", "KZ-01", expect.stringContaining("KZ-01"), 2024, 250, "万元"]);
  });

  it("writes the bundled plans' actuals and measure rows (whatever measures they carry)", async () => {
    // The bundled plans as they are: every target of a measure the catalogue carries gets an actual.
    const bundled = bundledCatalog();
    const entries = [...bundled.entries()];
    const acts = entries.map(({ plan, target }, i) => actual(`${plan.region.zh}.xlsx`, target.id, 2024, (i + 1) * (target.display?.scale ?? 1)));
    const res = resultOf(acts, bundled);
    const wb = await open(await rollupWorkbookXlsx(res, bundled, "zh"));
    const ws = sheet(wb, "实际值");
    expect(ws.rowCount).toBe(entries.length + 1);
    // Each actual is shown in its target's display unit: (i+1) 亿元 for a target printed in 亿元.
    entries.forEach(({ target }, i) => {
      const cell = ws.getCell(i + 2, 8).value as number;
      if (target.display && target.unit !== "%" && !["growth", "growthRate", "milestone"].includes(target.kind)) expect(cell).toBeCloseTo(i + 1, 9);
    });
    const m = sheet(wb, "按统计口径");
    expect(m.rowCount).toBe(res.byMeasure.length + 1);
    res.byMeasure.forEach((row, i) => expect(m.getCell(i + 2, 2).value).toBe(row.year));
  });
});

describe("rollupWorkbookXlsx: the file", () => {
  it("is a zip Excel and ExcelJS read, deflated where the platform can, stored where it cannot", async () => {
    // The compression method of each entry, from the zip's central directory (8 deflate, 0 stored).
    const methods = (bytes: Uint8Array) => {
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const found: number[] = [];
      for (let i = 0; i + 46 <= bytes.length; i++) if (view.getUint32(i, true) === 0x02014b50) found.push(view.getUint16(i + 10, true));
      return found;
    };
    const packed = await rollupWorkbookXlsx(result, catalog, "zh");
    expect(methods(packed)).toEqual(Array(13).fill(8));
    const deflated = await JSZip.loadAsync(packed);
    const native = globalThis.CompressionStream;
    try {
      (globalThis as { CompressionStream?: unknown }).CompressionStream = undefined;
      const bytes = await rollupWorkbookXlsx(result, catalog, "zh");
      expect(methods(bytes)).toEqual(Array(13).fill(0));
      const wb = await open(bytes);
      expect(sheet(wb, "实际值").getCell("E2").value).toBe("PV-01");
    } finally {
      globalThis.CompressionStream = native;
    }
    const names = Object.keys(deflated.files).sort();
    expect(names).toEqual(
      [
        "[Content_Types].xml",
        "_rels/.rels",
        "docProps/app.xml",
        "docProps/core.xml",
        "xl/_rels/workbook.xml.rels",
        "xl/sharedStrings.xml",
        "xl/styles.xml",
        "xl/workbook.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet2.xml",
        "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet4.xml",
        "xl/worksheets/sheet5.xml",
      ].sort(),
    );
    // Every cell of every sheet in ascending order, as Excel requires (else it "repairs" the file).
    for (let i = 1; i <= 5; i++) {
      const xml = await deflated.file(`xl/worksheets/sheet${i}.xml`)!.async("string");
      const refs = [...xml.matchAll(/<c r="([A-Z]+)(\d+)"/g)].map((m) => [Number(m[2]), m[1].length, m[1]] as const);
      const sorted = [...refs].sort((a, b) => a[0] - b[0] || a[1] - b[1] || a[2].localeCompare(b[2]));
      expect(refs).toEqual(sorted);
    }
  });
});

describe("safeText", () => {
  it("keeps text as it is but replaces characters the file's XML cannot hold and cuts at Excel's limit", () => {
    expect(safeText("=1+1")).toBe("=1+1");
    expect(safeText("a\u0001b\tc")).toBe("a\ufffdb\tc");
    expect(safeText("x".repeat(40000))).toHaveLength(32767);
    expect(safeText(null)).toBe("");
  });
});
