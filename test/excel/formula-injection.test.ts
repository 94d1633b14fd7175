/**
 * Plan text is data, never a formula (issue 11 §6): a name, quote or note that starts with = + - or @
 * reaches the workbook as text, through Office JS (the stand-in) and through ExcelJS (the .xlsx file).
 */
import ExcelJS from "exceljs";
import type { PlanInput } from "../../src/core/catalog/schema";
import { buildWorkbookXlsx } from "../../src/sheets/xlsx";
import { FakeWorkbook } from "../support/fake-excel";
import { revisedCatalog, tableOf, valueOf, write } from "./helpers";

const NASTY = ["=HYPERLINK(\"http://evil.example\",\"点我\")", "+1+1", "-2+3", "@SUM(1,2)"];

const nastyCatalog = revisedCatalog((plans) => {
  const xz = plans.get("XZ") as PlanInput;
  NASTY.forEach((text, i) => {
    xz.targets[i].name = { zh: text, en: text };
  });
});

describe("plan text that looks like a formula", () => {
  it("is written as text by the Office JS edge, on a first write and a refresh", async () => {
    const wb = new FakeWorkbook();
    for (let k = 0; k < 2; k++) {
      await write(wb, ["XZ"], {}, nastyCatalog);
      const t = tableOf(wb, "XZ");
      NASTY.forEach((text, i) => {
        const id = nastyCatalog.plan("XZ")?.targets[i].id as string;
        const cell = t.sheet.get(t.top + 1 + t.headers().indexOf("编号") + i, t.left + t.headers().indexOf("指标 Target"));
        expect(cell?.formula).toBeUndefined();
        expect(valueOf(t, id, "指标 Target")).toBe(text);
      });
    }
  });

  it("is text in the .xlsx file ExcelJS writes (read back with ExcelJS)", async () => {
    const data = await buildWorkbookXlsx(nastyCatalog, { plans: ["XZ"], portable: true });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(Buffer.from(data) as unknown as ArrayBuffer);
    const ws = book.worksheets.find((w) => w.name.includes("XZ")) as ExcelJS.Worksheet;
    const found = new Map<string, unknown>();
    ws.eachRow((row) => row.eachCell((cell) => {
      const v = cell.value;
      const shown = typeof v === "string" ? v : v && typeof v === "object" && "formula" in v ? `FORMULA:${(v as ExcelJS.CellFormulaValue).formula}` : v;
      for (const text of NASTY) if (shown === text || shown === `FORMULA:${text.slice(1)}`) found.set(text, shown);
    }));
    for (const text of NASTY) expect(found.get(text)).toBe(text);
  });
});
