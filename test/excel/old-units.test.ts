/**
 * Sheets written by the previous version (before the scale column, commit 0d4936d) hold typed
 * actuals in the method's units: 80000000 for 0.8亿元, 95 for 95 %. The new formulas read cells in
 * the plan's printed unit, so a refresh converts those actuals once (same meaning, every converted
 * cell named in the summary), or refuses with a bilingual message where it cannot do so safely.
 */
import { OldUnitsFormulaError, readActuals } from "../../src/excel";
import { COMPUTED_KEYS, a1Block, actualKey, columnLetters, headerOf, type ColumnKey } from "../../src/sheets/columns";
import { FakeWorkbook, type Scalar } from "../support/fake-excel";
import { catalog, rowOf, tableOf, valueOf, write } from "./helpers";

const OLD_YEARS = [2024, 2025, 2026]; // the previous version's XZ columns: base year + 1 to the period's end
const TOP = 6; // title block of five lines, a blank line, then the header (0-based row 6)

/** The XZ table as the previous version wrote it: old columns, figures in 元 and percent points. */
async function oldLayoutXZ(wb: FakeWorkbook, typed: Record<string, Record<number, Scalar>>, formulas: Record<string, Record<number, string>> = {}) {
  const plan = catalog.plan("XZ");
  if (!plan) throw new Error("no XZ");
  const withMax = plan.targets.some((t) => t.target.max != null);
  const keys: ColumnKey[] = ["id", "name", "unit", "attribute", "area", "kind", "baseYear", "baseValue", "targetYear", "targetValue"];
  if (withMax) keys.push("targetMax");
  keys.push(...OLD_YEARS.map(actualKey), ...COMPUTED_KEYS, "quote", "note");
  const rows = plan.targets.map((t) =>
    keys.map((k): Scalar => {
      const year = k.startsWith("actual:") ? Number(k.slice(7)) : 0;
      if (year) return formulas[t.id]?.[year] ?? typed[t.id]?.[year] ?? "";
      switch (k) {
        case "id": return t.id;
        case "name": return t.name.zh;
        case "unit": return t.unit; // base units: 元, %, 件
        case "baseYear": return t.base?.year ?? "";
        case "baseValue": return t.base?.value ?? "";
        case "targetYear": return t.target.year ?? "";
        case "targetValue": return t.target.value ?? "";
        case "targetMax": return t.target.max ?? "";
        case "startYear": return `=IF(COUNT($L${0}:$N${0})=0,"",${t.base?.year ?? plan.period.start - 1})`; // per-row literals, as then
        default: return "";
      }
    }),
  );
  await wb.run(async (context) => {
    const ws = context.workbook.worksheets.add("新郑 XZ");
    ws.getRange(a1Block(TOP, 0, 1, keys.length)).values = [keys.map(headerOf)];
    ws.getRange(a1Block(TOP + 1, 0, rows.length, keys.length)).formulas = rows.map((r, i) =>
      r.map((v) => (typeof v === "string" ? v.replace(/\$([A-Z])0\b/g, `$$$1${TOP + 2 + i}`) : v)),
    );
    ws.tables.add(a1Block(TOP, 0, rows.length + 1, keys.length), true).name = "IP_XZ";
    context.workbook.names.add("IPTargets.XZ", "=IP_XZ[#Headers]");
    await context.sync();
  });
}

describe("a sheet of the previous version (actuals in base units)", () => {
  it("is refreshed with its actuals converted once to the sheet's unit, every converted cell named, meaning kept", async () => {
    const wb = new FakeWorkbook();
    await oldLayoutXZ(wb, {
      "XZ-05": { 2024: 80000000, 2025: "57,500,000", 2026: "约1亿" },
      "XZ-14": { 2024: 95 },
      "XZ-01": { 2024: 1810 },
    });
    const before = await readActuals({ run: wb.run });
    expect(before.get("XZ-05")).toEqual([{ year: 2024, value: 80000000 }, { year: 2025, value: 57500000 }]);
    expect(before.get("XZ-14")).toEqual([{ year: 2024, value: 95 }]);

    const summary = await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    expect(summary.plans[0]).toMatchObject({ added: 0, flagged: 0 });
    expect(t.headers()).toContain("比例 scale");
    expect(valueOf(t, "XZ-05", "2024年实际")).toBe(0.8);
    expect(valueOf(t, "XZ-05", "2025年实际")).toBe(0.575);
    expect(valueOf(t, "XZ-05", "2026年实际")).toBe("约1亿"); // not a number: left as typed, and named
    expect(valueOf(t, "XZ-14", "2024年实际")).toBe(0.95);
    expect(valueOf(t, "XZ-01", "2024年实际")).toBe(1810); // 件: its unit did not change
    const notes = summary.plans[0].notes.join("\n");
    const cell = (id: string, year: number) => `${columnLetters(t.headers().indexOf(`${year}年实际`))}${t.top + 2 + rowOf(t, id)}`;
    expect(notes).toContain(`${cell("XZ-05", 2024)}（XZ-05 2024年）80000000 → 0.8`);
    expect(notes).toContain(`${cell("XZ-05", 2024)} (XZ-05 2024) 80000000 → 0.8`);
    expect(notes).toContain(`${cell("XZ-14", 2024)}（XZ-14 2024年）95 → 0.95`);
    expect(notes).toMatch(/已换算为本表单位.*converted to the sheet's unit/s);
    expect(notes).toMatch(new RegExp(`未换算.*XZ-05 2026 ${cell("XZ-05", 2026)}`, "s"));
    expect(notes).not.toContain("XZ-01 2024");

    // The same figures as before, now read in the new unit; a second refresh converts nothing again.
    const after = await readActuals({ run: wb.run });
    expect(after.get("XZ-05")).toEqual(before.get("XZ-05"));
    expect(after.get("XZ-14")).toEqual(before.get("XZ-14"));
    expect(after.get("XZ-01")).toEqual(before.get("XZ-01"));
    const again = await write(wb, ["XZ"]);
    expect(again.plans[0].notes.join("\n")).not.toMatch(/换算|convert/);
    expect(valueOf(t, "XZ-05", "2024年实际")).toBe(0.8);
    expect(valueOf(t, "XZ-14", "2024年实际")).toBe(0.95);
  });

  it("converts once even when the official filters the table, or a refresh is cut off and run again", async () => {
    const wb = new FakeWorkbook();
    wb.payloadLimit = 80_000;
    await oldLayoutXZ(wb, { "XZ-05": { 2024: 80000000 }, "XZ-14": { 2025: 95 }, "XZ-01": { 2024: 1810 } });
    const t = tableOf(wb, "XZ");
    wb.filter(t, "2024年实际", (v) => v !== "");
    const controller = new AbortController();
    // Sync 3 reads the old table's formulas; cancel after the first write request.
    const cut = await write(wb, ["XZ"], { requestLimit: 50_000, signal: controller.signal, onProgress: (p) => p.done === 4 && controller.abort() });
    expect(cut.cancelled).toBe(true);
    // The technical columns go in before any converted figure, so the next refresh sees a new sheet.
    expect(t.headers()).toContain("比例 scale");
    expect(valueOf(t, "XZ-05", "2024年实际")).toBe(0.8); // converted in the request that went out
    const again = await write(wb, ["XZ"], { requestLimit: 50_000 });
    expect(again.cancelled).toBe(false);
    expect(valueOf(t, "XZ-05", "2024年实际")).toBe(0.8);
    expect(valueOf(t, "XZ-14", "2025年实际")).toBe(0.95);
    expect(valueOf(t, "XZ-01", "2024年实际")).toBe(1810);
    expect(t.sheet.hiddenRows.size).toBe(t.rows - 2); // the official's filter is back
  });

  it("refuses, writing nothing, where a typed actual that changes unit is a formula", async () => {
    const wb = new FakeWorkbook();
    await oldLayoutXZ(wb, { "XZ-05": { 2024: 80000000 } }, { "XZ-05": { 2025: "=50000000+7500000" } });
    const requests = wb.requests.length;
    const error = await write(wb, ["XZ"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OldUnitsFormulaError);
    const e = error as OldUnitsFormulaError;
    expect(e.zh).toMatch(/旧版本.*XZ-05 2025年.*未写入任何内容/s);
    expect(e.en).toMatch(/earlier version.*XZ-05 2025.*Nothing was written/s);
    // Only the reads went out: the find, the read, and the formulas of the old table.
    expect(wb.requests.length - requests).toBe(3);
    const t = tableOf(wb, "XZ");
    expect(t.headers()).not.toContain("比例 scale");
    expect(valueOf(t, "XZ-05", "2024年实际")).toBe(80000000);
    expect(valueOf(t, "XZ-05", "2025年实际")).toBe("=50000000+7500000");
  });

  it("does not convert a sheet whose scale column alone the official deleted", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    wb.type(t, rowOf(t, "XZ-05"), "2024年实际", 0.8);
    wb.deleteColumn(t, "比例 scale");
    const summary = await write(wb, ["XZ"]);
    expect(summary.plans[0].notes.join("\n")).not.toMatch(/换算|convert/);
    expect(valueOf(t, "XZ-05", "2024年实际")).toBe(0.8);
  });
});
