/**
 * collectWorkbooks (issue 13 §2): the actuals of target workbooks the add-in wrote, found by its
 * marks and header texts whatever the officials did to the sheet, in the method's units; bad files
 * and cells reported by file, sheet and row, never thrown.
 */
import ExcelJS from "exceljs";
import JSZip from "jszip";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Catalog } from "../../src/core/catalog/catalog";
import { importPlanIntoWorkbook } from "../../src/core/catalog/sources";
import { collectWorkbooks, type CollectedActual, rollupCatalog } from "../../src/rollup";
import { buildWorkbookXlsx } from "../../src/sheets/xlsx";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import {
  editZip,
  headerRowOf,
  hideRows,
  insertColumn,
  insertTableColumn,
  openXlsx,
  partsOf,
  reverseRows,
  toBytes,
  typeActuals,
  type Typed,
} from "./collect-helpers";

const catalog = bundledCatalog();
const XZ_SHEET = "新郑 XZ";
const XZ_COUNT = catalog.plan("XZ")!.targets.length;

// As an official types them in Excel: 1810 件; 0.8 in a 亿元 cell; 95% (stored 0.95) in a percent cell.
const TYPED: Typed[] = [
  { id: "XZ-01", year: 2024, value: 1810 },
  { id: "XZ-01", year: 2025, value: 1900 },
  { id: "XZ-05", year: 2024, value: 0.8 },
  { id: "XZ-14", year: 2024, value: 0.95 },
];
const EXPECTED = [
  { targetId: "XZ-01", year: 2024, value: 1810 },
  { targetId: "XZ-01", year: 2025, value: 1900 },
  { targetId: "XZ-05", year: 2024, value: 80000000 },
  { targetId: "XZ-14", year: 2024, value: 95 },
];

const figures = (actuals: CollectedActual[]) =>
  actuals
    .map(({ targetId, year, value }) => ({ targetId, year, value }))
    .sort((a, b) => a.targetId.localeCompare(b.targetId) || a.year - b.year);

async function filledXz(portable: boolean, typed: Typed[] = TYPED, cat: Catalog = catalog): Promise<Uint8Array> {
  return typeActuals(await buildWorkbookXlsx(cat, { plans: ["XZ"], portable }), XZ_SHEET, typed);
}

/** Sorted (rows reversed), filtered (rows hidden), sheet renamed, a column of the official's own inserted between two years. */
async function officialsEdits(
  bytes: Uint8Array,
  opts: { newSheet: string; newTable?: string; structuredMark?: boolean },
): Promise<Uint8Array> {
  const ws = (await openXlsx(bytes)).getWorksheet(XZ_SHEET)!;
  const hr = headerRowOf(ws);
  const at = (ws.getRow(hr).values as unknown[]).indexOf("2025年实际");
  return editZip(bytes, async (zip, text) => {
    const { sheet, table } = await partsOf(zip, XZ_SHEET);
    let xml = await text(sheet);
    xml = reverseRows(xml, hr + 1, hr + XZ_COUNT);
    xml = hideRows(xml, [hr + 1, hr + 2, hr + XZ_COUNT]);
    xml = insertColumn(xml, at, hr, "核实人", new Map([[hr + 3, "张三"]]));
    zip.file(sheet, xml);
    let tableXml = insertTableColumn(await text(table!), at, "核实人");
    let wb = (await text("xl/workbook.xml"))
      .replace(`name="${XZ_SHEET}"`, `name="${opts.newSheet}"`)
      .replace(/(&apos;|')新郑 XZ(&apos;|')!/, `'${opts.newSheet}'!`);
    if (opts.newTable) tableXml = tableXml.replace(/\b(name|displayName)="IP_XZ"/g, `$1="${opts.newTable}"`);
    if (opts.structuredMark) {
      // As Excel leaves the mark once the add-in refreshed the sheet: the table's header row by name.
      wb = wb.replace(/(<definedName [^>]*name="IPTargets\.XZ"[^>]*>)[^<]*/, `$1${opts.newTable ?? "IP_XZ"}[#Headers]`);
    }
    zip.file(table!, tableXml);
    zip.file("xl/workbook.xml", wb);
  });
}

describe("collectWorkbooks", () => {
  it.each([
    ["portable", true],
    ["live", false],
  ])("reads the typed actuals of a %s workbook in the method's units (亿元 → 元, 95%% → 95)", async (mode, portable) => {
    const bytes = await filledXz(portable);
    const r = await collectWorkbooks([{ name: "新郑.xlsx", bytes }], catalog);
    expect(r.problems).toEqual([]);
    expect(figures(r.actuals)).toEqual(EXPECTED);
    expect(r.files).toEqual([{ name: "新郑.xlsx", sheets: 1, actuals: 4, planIds: ["XZ"], mode }]);
    const xz01 = r.actuals.find((a) => a.targetId === "XZ-01" && a.year === 2024)!;
    // XZ-01 is the plan's first target: the row under the header (row 7).
    expect(xz01).toEqual({ file: "新郑.xlsx", sheet: XZ_SHEET, row: 8, planId: "XZ", targetId: "XZ-01", year: 2024, value: 1810 });
  });

  it.each([
    ["the mark on the header cells, sheet renamed", { newSheet: "新郑市 2024 年填报" }],
    ["the mark on the header cells, sheet and table renamed", { newSheet: "填报表", newTable: "新郑表" }],
    ["the mark =IP_XZ[#Headers] as Excel leaves it after a refresh", { newSheet: "填报表", structuredMark: true }],
    ["the mark on a renamed table (=新郑表[#Headers])", { newSheet: "填报表", newTable: "新郑表", structuredMark: true }],
  ])("finds the sheet after sorting, filtering, renaming and a column inserted: %s", async (_, opts) => {
    for (const portable of [true, false]) {
      const bytes = await officialsEdits(await filledXz(portable), opts);
      const r = await collectWorkbooks([{ name: "a.xlsx", bytes }], catalog);
      expect(r.problems).toEqual([]);
      expect(figures(r.actuals)).toEqual(EXPECTED);
      expect(new Set(r.actuals.map((a) => a.sheet))).toEqual(new Set([opts.newSheet]));
      // Rows were reversed: XZ-01 is now the last body row, and it is among the hidden ones.
      expect(r.actuals.find((a) => a.targetId === "XZ-01")!.row).toBe(7 + XZ_COUNT);
    }
  });

  it("takes the ids from the 编号 column wherever it is, not from the first column", async () => {
    // A column of the official's own inserted before 编号, with text in every row: were ids read by
    // position, every row would be an unknown id.
    const filled = await filledXz(true);
    const hr = headerRowOf((await openXlsx(filled)).getWorksheet(XZ_SHEET)!);
    const own = new Map(Array.from({ length: XZ_COUNT }, (_, i) => [hr + 1 + i, `核实-${i}`]));
    const bytes = await editZip(filled, async (zip, text) => {
      const { sheet, table } = await partsOf(zip, XZ_SHEET);
      zip.file(sheet, insertColumn(await text(sheet), 1, hr, "核实人", own));
      zip.file(table!, insertTableColumn(await text(table!), 1, "核实人"));
      zip.file("xl/workbook.xml", (await text("xl/workbook.xml")).replace(/!\$A\$7:/, "!$B$7:"));
    });
    const ws = (await openXlsx(bytes)).getWorksheet(XZ_SHEET)!;
    expect([ws.getCell(hr, 1).value, ws.getCell(hr, 2).value, ws.getCell(hr + 1, 2).value]).toEqual(["核实人", "编号", "XZ-01"]);
    const r = await collectWorkbooks([{ name: "a.xlsx", bytes }], catalog);
    expect(r.problems).toEqual([]);
    expect(figures(r.actuals)).toEqual(EXPECTED);
  });

  it("converts with the workbook's own scale column (the workbook may be of another plan version)", async () => {
    const wb = await openXlsx(await filledXz(true));
    const ws = wb.getWorksheet(XZ_SHEET)!;
    const hr = headerRowOf(ws);
    const header = ws.getRow(hr).values as unknown[];
    // XZ-01 in a version that printed 万件: cells in 万件, scale 1e4.
    ws.getCell(hr + 1, header.indexOf("比例 scale")).value = 10000;
    ws.getCell(hr + 1, header.indexOf("2024年实际")).value = 0.181;
    const r = await collectWorkbooks([{ name: "a.xlsx", bytes: await toBytes(wb) }], catalog);
    expect(r.actuals.find((a) => a.targetId === "XZ-01" && a.year === 2024)!.value).toBe(1810);
  });

  it("reports text where a number belongs with its sheet and row, and collects the rest", async () => {
    const bytes = await filledXz(true, [
      { id: "XZ-01", year: 2024, value: "约1800" },
      { id: "XZ-14", year: 2024, value: "95%" },
      { id: "XZ-05", year: 2024, value: 0.8 },
    ]);
    const r = await collectWorkbooks([{ name: "新郑.xlsx", bytes }], catalog);
    expect(figures(r.actuals)).toEqual([{ targetId: "XZ-05", year: 2024, value: 80000000 }]);
    expect(r.problems).toHaveLength(2);
    const [p1, p2] = r.problems;
    expect(p1).toMatchObject({ file: "新郑.xlsx", sheet: XZ_SHEET, row: 8, kind: "text" });
    expect(p1.message.zh).toContain("约1800");
    expect(p1.message.en).toContain("2024年实际");
    expect(p2).toMatchObject({ sheet: XZ_SHEET, kind: "text" });
    expect(p2.message.zh).toContain("95%");
  });

  it("names the figures of a year column whose header an official changed, instead of dropping them silently", async () => {
    const wb = await openXlsx(await filledXz(true));
    const ws = wb.getWorksheet(XZ_SHEET)!;
    const hr = headerRowOf(ws);
    ws.getCell(hr, (ws.getRow(hr).values as unknown[]).indexOf("2024年实际")).value = "2024 实际值";
    const r = await collectWorkbooks([{ name: "h.xlsx", bytes: await toBytes(wb) }], catalog);
    expect(figures(r.actuals)).toEqual([{ targetId: "XZ-01", year: 2025, value: 1900 }]);
    expect(r.problems).toEqual([expect.objectContaining({ file: "h.xlsx", sheet: XZ_SHEET, row: hr, kind: "other" })]);
    expect(r.problems[0].message.zh).toContain("其中 3 个数未汇总");
    expect(r.problems[0].message.en).toContain('"2024 实际值"');
  });

  it("uses the cached result of a formula in an actual cell, and reports a formula without one", async () => {
    const bytes = await filledXz(true, [
      { id: "XZ-01", year: 2024, value: { formula: "1000+810", result: 1810 } as ExcelJS.CellFormulaValue },
      { id: "XZ-02", year: 2024, value: { formula: "1+1" } as ExcelJS.CellFormulaValue },
    ]);
    const r = await collectWorkbooks([{ name: "f.xlsx", bytes }], catalog);
    expect(figures(r.actuals)).toEqual([{ targetId: "XZ-01", year: 2024, value: 1810 }]);
    expect(r.problems).toEqual([expect.objectContaining({ sheet: XZ_SHEET, row: 9, kind: "other" })]);
    expect(r.problems[0].message.en).toMatch(/formula/);
  });

  it("reports an id no plan knows with its row, and reads the other rows", async () => {
    const wb = await openXlsx(await filledXz(true));
    const ws = wb.getWorksheet(XZ_SHEET)!;
    const hr = headerRowOf(ws);
    ws.getCell(hr + 2, 1).value = "XZ-99";
    ws.getCell(hr + 2, (ws.getRow(hr).values as unknown[]).indexOf("2024年实际")).value = 12;
    const r = await collectWorkbooks([{ name: "u.xlsx", bytes: await toBytes(wb) }], catalog);
    expect(figures(r.actuals)).toEqual(EXPECTED);
    expect(r.problems).toEqual([expect.objectContaining({ file: "u.xlsx", sheet: XZ_SHEET, row: hr + 2, kind: "unknown-target" })]);
    expect(r.problems[0].message.zh).toContain("XZ-99");
  });

  it("reports corrupt and foreign files by name, never throws, and collects the good ones", async () => {
    const good = await filledXz(true);
    const notZip = new TextEncoder().encode("编号,2024年实际\nXZ-01,1810\n");
    const cut = good.slice(0, Math.floor(good.length / 2));
    const damaged = good.slice();
    // Bytes of the sheet's compressed data overwritten: the directory is intact, the data is not.
    for (let i = 2000; i < 2600; i++) damaged[i] = (damaged[i] * 7 + 13) & 0xff;
    const other = new JSZip();
    other.file("word/document.xml", "<w:document/>");
    const docx = await other.generateAsync({ type: "uint8array" });
    // A foreign workbook named and laid out like ours: it is not ours without the mark.
    const foreignWb = new ExcelJS.Workbook();
    const fws = foreignWb.addWorksheet(XZ_SHEET);
    fws.addRow(["编号", "2024年实际"]);
    fws.addRow(["XZ-01", 5]);
    foreignWb.definedNames.add(`'${XZ_SHEET}'!$A$1:$B$1`, "其他名称");
    const foreign = await toBytes(foreignWb);
    const files = [
      { name: "good.xlsx", bytes: good },
      { name: "notes.csv", bytes: notZip },
      { name: "cut.xlsx", bytes: cut },
      { name: "damaged.xlsx", bytes: damaged },
      { name: "report.docx", bytes: docx },
      { name: "foreign.xlsx", bytes: foreign },
      { name: "empty.xlsx", bytes: new Uint8Array() },
    ];
    const progress: Array<[number, number]> = [];
    const r = await collectWorkbooks(files, catalog, { onProgress: (d, t) => progress.push([d, t]) });
    expect(figures(r.actuals)).toEqual(EXPECTED);
    const kinds = Object.fromEntries(r.problems.map((p) => [p.file, p.kind]));
    expect(kinds).toEqual({
      "notes.csv": "corrupt",
      "cut.xlsx": "corrupt",
      "damaged.xlsx": "corrupt",
      "report.docx": "corrupt",
      "foreign.xlsx": "not-ours",
      "empty.xlsx": "corrupt",
    });
    for (const p of r.problems) {
      expect(p.message.zh).toMatch(/[\u4e00-\u9fff]/);
      expect(p.message.en).toMatch(/[a-z]/);
    }
    expect(r.files.map((f) => [f.name, f.actuals])).toEqual(files.map((f) => [f.name, f.name === "good.xlsx" ? 4 : 0]));
    expect(progress).toEqual(files.map((_, i) => [i + 1, files.length]));
  });

  it("reads archives whose parts are stored uncompressed, and works where the platform has no DecompressionStream (JSZip)", async () => {
    const bytes = await filledXz(false);
    const stored = await (await JSZip.loadAsync(bytes)).generateAsync({ type: "uint8array", compression: "STORE" });
    expect(stored.length).toBeGreaterThan(bytes.length);
    const r = await collectWorkbooks([{ name: "stored.xlsx", bytes: stored }], catalog);
    expect(r.problems).toEqual([]);
    expect(figures(r.actuals)).toEqual(EXPECTED);

    const native = globalThis.DecompressionStream;
    // An old webview: the reader falls back to JSZip (ExcelJS's own dependency).
    delete (globalThis as { DecompressionStream?: unknown }).DecompressionStream;
    try {
      const old = await collectWorkbooks(
        [
          { name: "a.xlsx", bytes },
          { name: "bad.xlsx", bytes: bytes.slice(0, 1000) },
        ],
        catalog,
      );
      expect(figures(old.actuals)).toEqual(EXPECTED);
      expect(old.problems).toEqual([expect.objectContaining({ file: "bad.xlsx", kind: "corrupt" })]);
    } finally {
      globalThis.DecompressionStream = native;
    }
  });

  it("names a mark whose sheet was deleted (#REF!) and reads the plans still there", async () => {
    const bytes = await editZip(
      await buildWorkbookXlsx(catalog, { plans: ["XZ", "JZ"], portable: true, actuals: [{ id: "JZ-05", year: 2024, value: 52000 }] }),
      async (zip, text) => {
        zip.file(
          "xl/workbook.xml",
          (await text("xl/workbook.xml")).replace(/(<definedName [^>]*name="IPTargets\.XZ"[^>]*>)[^<]*/, "$1#REF!$A$7:$BG$7"),
        );
      },
    );
    const r = await collectWorkbooks([{ name: "d.xlsx", bytes }], catalog);
    expect(figures(r.actuals)).toEqual([{ targetId: "JZ-05", year: 2024, value: 52000 }]);
    expect(r.files[0].planIds).toEqual(["JZ"]);
    expect(r.problems).toEqual([expect.objectContaining({ file: "d.xlsx", kind: "other" })]);
    expect(r.problems[0].message.en).toContain("IPTargets.XZ");
  });

  it("inflates with the caller's inflater when given one (Node's zlib in npm run rollup)", async () => {
    const calls: number[] = [];
    const inflateRaw = (d: Uint8Array) => {
      calls.push(d.length);
      return zlib.inflateRawSync(d);
    };
    const r = await collectWorkbooks(
      [
        { name: "a.xlsx", bytes: await filledXz(true) },
        { name: "bad.xlsx", bytes: new Uint8Array(100) },
      ],
      catalog,
      { inflateRaw },
    );
    expect(figures(r.actuals)).toEqual(EXPECTED);
    expect(r.problems.map((p) => [p.file, p.kind])).toEqual([["bad.xlsx", "corrupt"]]);
    expect(calls.length).toBeGreaterThan(3);
  });

  it("reads a sheet whose table a tool dropped, by its mark on the header cells", async () => {
    const bytes = await editZip(await filledXz(true), async (zip, text) => {
      const { sheet } = await partsOf(zip, XZ_SHEET);
      const rels = sheet.replace("worksheets/", "worksheets/_rels/") + ".rels";
      zip.file(rels, (await text(rels)).replace(/<Relationship [^>]*tables\/[^>]*\/>/g, ""));
      // An official's note below the last target: a row without an id is not the add-in's.
      zip.file(
        sheet,
        (await text(sheet)).replace("</sheetData>", '<row r="200"><c r="A200" t="inlineStr"><is><t>合计</t></is></c></row></sheetData>'),
      );
    });
    const r = await collectWorkbooks([{ name: "t.xlsx", bytes }], catalog);
    expect(r.problems).toEqual([]);
    expect(figures(r.actuals)).toEqual(EXPECTED);
  });

  it("reads every plan of a workbook holding several", async () => {
    const bytes = await buildWorkbookXlsx(catalog, {
      portable: true,
      actuals: [
        { id: "JZ-05", year: 2024, value: 52000 },
        { id: "XZ-05", year: 2025, value: 80000000 },
        { id: "HN-01", year: 2024, value: 30 },
      ],
    });
    const r = await collectWorkbooks([{ name: "all.xlsx", bytes }], catalog);
    expect(r.problems).toEqual([]);
    expect(r.files[0].planIds.sort()).toEqual(catalog.plans.map((p) => p.id).sort());
    expect(figures(r.actuals)).toEqual([
      { targetId: "HN-01", year: 2024, value: 30 },
      { targetId: "JZ-05", year: 2024, value: 52000 },
      { targetId: "XZ-05", year: 2025, value: 80000000 },
    ]);
  });

  describe("a county plan the catalogue lacks, stored in the workbook", () => {
    const withoutXz = new Catalog(catalog.plans.filter((p) => p.id !== "XZ"));
    const xzText = fs.readFileSync(path.join(__dirname, "../../data/plans/XZ.json"), "utf8");
    const attr = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

    /** Excel's part for the add-in's document settings, with IPTargets.plans as the add-in stores it. */
    async function withStoredPlans(bytes: Uint8Array, stored: string): Promise<Uint8Array> {
      return editZip(bytes, async (zip) => {
        zip.file(
          "xl/webextensions/webextension1.xml",
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<we:webextension xmlns:we="http://schemas.microsoft.com/office/webextensions/webextension/2010/11" id="{5E3C1D2A-0000-4000-8000-000000000001}"><we:reference id="wa000000000" version="1.1.0.0" store="developer" storeType="Registry"/><we:alternateReferences/><we:properties><we:property name="Office.AutoShowTaskpaneWithDocument" value="true"/><we:property name="IPTargets.plans" value="${attr(JSON.stringify(stored))}"/></we:properties><we:bindings/><we:snapshot xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></we:webextension>`,
        );
      });
    }

    it("adds the stored plan to the catalogue of the roll-up and reads its actuals", async () => {
      const imported = importPlanIntoWorkbook(null, "XZ.json", xzText);
      if (!imported.ok) throw new Error("XZ.json does not import");
      const bytes = await withStoredPlans(await filledXz(true), imported.stored);
      const r = await collectWorkbooks([{ name: "新郑.xlsx", bytes }], withoutXz);
      expect(r.problems).toEqual([]);
      expect(figures(r.actuals)).toEqual(EXPECTED);
      expect(r.workbookPlans?.map((p) => p.id)).toEqual(["XZ"]);
      expect(rollupCatalog(withoutXz, r).get("XZ-05")?.plan.region.zh).toBe("新郑市");
    });

    it("without it the ids are unknown, and a bad stored plan is a problem", async () => {
      const plain = await collectWorkbooks([{ name: "新郑.xlsx", bytes: await filledXz(true) }], withoutXz);
      expect(plain.actuals).toEqual([]);
      expect(plain.problems.map((p) => p.kind)).toEqual(["unknown-target", "unknown-target", "unknown-target"]);
      const broken = JSON.stringify({ formatVersion: 1, plans: [{ file: "XZ.json", text: xzText.replace('"id": "XZ"', '"id": "xz!"') }] });
      const bad = await collectWorkbooks([{ name: "坏.xlsx", bytes: await withStoredPlans(await filledXz(true), broken) }], withoutXz);
      expect(bad.problems[0]).toMatchObject({ file: "坏.xlsx", kind: "other" });
      expect(bad.problems[0].message.en).toContain("XZ.json");
      expect(bad.actuals).toEqual([]);
    });
  });

  it("keeps the same id and year with different values in two files as a conflict, with both files", async () => {
    const a = await filledXz(true);
    const b = await filledXz(false, [
      { id: "XZ-01", year: 2024, value: 1820 },
      { id: "XZ-05", year: 2024, value: 0.8 },
    ]);
    const r = await collectWorkbooks(
      [
        { name: "新郑-统计局.xlsx", bytes: a },
        { name: "新郑-市场监管局.xlsx", bytes: b },
      ],
      catalog,
    );
    expect(r.actuals.filter((x) => x.targetId === "XZ-01" && x.year === 2024).map((x) => [x.file, x.value])).toEqual([
      ["新郑-统计局.xlsx", 1810],
      ["新郑-市场监管局.xlsx", 1820],
    ]);
    // XZ-05 2024 is 0.8亿元 in both: no conflict.
    expect(r.conflicts).toEqual([
      {
        targetId: "XZ-01",
        year: 2024,
        values: expect.arrayContaining([
          { file: "新郑-统计局.xlsx", sheet: XZ_SHEET, row: 8, value: 1810 },
          { file: "新郑-市场监管局.xlsx", sheet: XZ_SHEET, row: 8, value: 1820 },
        ]),
      },
    ]);
  });
});
