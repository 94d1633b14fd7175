/**
 * Writing and refreshing the add-in's sheets through the Office JS edge, against the strict stand-in:
 * the first write, the sync budget, refreshes after the official rearranged the table, plan changes.
 */
import type { PlanInput } from "../../src/core/catalog/schema";
import { columnLetters } from "../../src/sheets/columns";
import { FakeWorkbook } from "../support/fake-excel";
import { ALL, catalog, revisedCatalog, rowOf, tableOf, valueOf, write } from "./helpers";

describe("first write", () => {
  it("creates a sheet per plan and the overview in two syncs, never taking a sheet name the official uses", async () => {
    const wb = new FakeWorkbook(["Sheet1", "焦作 JZ", "总览"]);
    const summary = await write(wb);
    // Two syncs, and a third that tries the IPTARGET … names (this Excel has no LAMBDA: refused, harmless).
    expect(summary.syncs).toBe(3);
    expect(wb.names.some((n) => n.name === "IPTARGET")).toBe(false);
    expect(summary.cancelled).toBe(false);
    expect(summary.plans.map((p) => [p.planId, p.added, p.updated, p.kept, p.flagged])).toEqual(
      catalog.plans.map((p) => [p.id, p.targets.length, 0, 0, 0]),
    );
    const jz = tableOf(wb, "JZ");
    expect(jz.sheet.name).toBe("焦作 JZ (2)");
    expect(jz.name).toBe("IP_JZ");
    expect(wb.sheets[0].name).toBe("总览 (2)");
    expect(wb.sheets.map((s) => s.name)).toEqual(expect.arrayContaining(["Sheet1", "焦作 JZ", "总览"]));
    // The official's own sheets stay empty.
    expect(wb.sheet("焦作 JZ").cells.size).toBe(0);
    // Marks are names on the tables (hidden where Excel lets them be: test/excel/real-excel.test.ts).
    expect(wb.names.map((n) => [n.name, n.formula])).toEqual(
      expect.arrayContaining([["IPTargets.JZ", "=IP_JZ[#Headers]"], ["IPTargets.Overview", "='总览 (2)'!$A$1"]]),
    );
    expect(jz.rows).toBe(67);
    expect(valueOf(jz, "JZ-05", "目标值 Target")).toBe(67000);
    expect(valueOf(jz, "JZ-08", "备注 Note")).toMatch(/^⚠ 数据冲突/);
    expect(jz.sheet.frozen).toBe("A1:B7");
  });

  it("writes portable formulas that refer to their own row", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JZ"]);
    const t = tableOf(wb, "JZ");
    for (let i = 0; i < t.rows; i++) {
      const r = t.top + 2 + i;
      for (let j = 0; j < t.width; j++) {
        const f = t.sheet.get(t.top + 1 + i, t.left + j)?.formula;
        if (!f) continue;
        const rows = [...f.matchAll(/\$[A-Z]{1,3}(\d+)/g)].map((m) => Number(m[1]));
        // Constant formulas (=2022, the plan's base year) refer to nothing.
        if (rows.length) expect(new Set(rows)).toEqual(new Set([r]));
      }
    }
  });

  it("writes live formulas with structured references the table has", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"], { mode: "live" });
    const t = tableOf(wb, "XZ");
    const years = "[@[2023年实际]:[2026年实际]]";
    expect(valueOf(t, "XZ-01", "状态 Status")).toBe(`=IP.STATUS([@[编号]],IF(ISNUMBER(${years}),${years}*[@[函数比例 ipScale]],${years}&""),2026)`);
  });
});

describe("sync budget", () => {
  it("refreshes all five plans in at most 3 syncs", async () => {
    const wb = new FakeWorkbook();
    await write(wb);
    const before = wb.syncs;
    const summary = await write(wb);
    expect(summary.syncs).toBeLessThanOrEqual(3);
    expect(wb.syncs - before).toBe(summary.syncs);
    expect(summary.plans.map((p) => [p.added, p.updated, p.flagged])).toEqual(ALL.map(() => [0, 0, 0]));
    expect(summary.plans.map((p) => p.kept)).toEqual(catalog.plans.map((p) => p.targets.length));
  });

  it("suspends calculation and screen updating for the writes, and reports progress", async () => {
    const wb = new FakeWorkbook();
    const seen: Array<[number, number]> = [];
    await write(wb, ALL, { onProgress: (p) => seen.push([p.done, p.total]) });
    expect(seen[seen.length - 1]).toEqual([3, 3]);
    expect(seen.every(([d, t]) => d <= t)).toBe(true);
  });
});

describe("refresh keeps every typed actual", () => {
  it("after sorting, filtering, moving rows, adding a column and renaming the sheet and the table", async () => {
    const wb = new FakeWorkbook();
    await write(wb);
    const t = tableOf(wb, "JZ");
    wb.type(t, rowOf(t, "JZ-05"), "2024年实际", 52000);
    wb.type(t, rowOf(t, "JZ-05"), "2025年实际", 58000);
    wb.type(t, rowOf(t, "JZ-14"), "2024年实际", 1);
    wb.type(t, rowOf(t, "JZ-12"), "2024年实际", 900);
    wb.sort(t, "指标 Target", true);
    wb.filter(t, "2024年实际", (v) => v !== "");
    wb.insertColumn(t, 3, "我的备注");
    wb.type(t, rowOf(t, "JZ-05"), "我的备注", "已核实");
    wb.reorderRows(t, [...Array(t.rows).keys()].reverse());
    wb.renameSheet(t.sheet, "焦作 我的");
    wb.renameTable(t, "焦作表");

    const summary = await write(wb);
    expect(summary.syncs).toBe(3);
    const jz = summary.plans.find((p) => p.planId === "JZ");
    expect(jz).toMatchObject({ sheetName: "焦作 我的", added: 0, updated: 0, kept: 67, flagged: 0 });
    const after = tableOf(wb, "JZ");
    expect(after).toBe(t);
    expect(valueOf(after, "JZ-05", "2024年实际")).toBe(52000);
    expect(valueOf(after, "JZ-05", "2025年实际")).toBe(58000);
    expect(valueOf(after, "JZ-14", "2024年实际")).toBe(1);
    expect(valueOf(after, "JZ-12", "2024年实际")).toBe(900);
    expect(valueOf(after, "JZ-05", "我的备注")).toBe("已核实");
    // The filter still hides what it hid (67 rows, 3 with a 2024 actual), and the formulas follow their rows.
    expect(t.sheet.hiddenRows.size).toBe(67 - 3);
    const r = t.top + 2 + rowOf(after, "JZ-05");
    for (const header of ["最新年份 Latest year", "状态 Status", "辅:末填年 lastY"]) {
      const rows = [...String(valueOf(after, "JZ-05", header)).matchAll(/\$[A-Z]{1,3}(\d+)/g)].map((m) => Number(m[1]));
      expect(new Set(rows)).toEqual(new Set([r]));
    }
    // The actual columns moved one to the right with the official's column; the formulas follow.
    // (The latest year reads the helper column of the last typed year, which reads the actuals.)
    const col2024 = columnLetters(after.headers().indexOf("2024年实际"));
    const colLast = columnLetters(after.headers().indexOf("辅:末填年 lastY"));
    expect(String(valueOf(after, "JZ-05", "最新年份 Latest year"))).toContain(`$${colLast}${r}`);
    expect(String(valueOf(after, "JZ-05", "辅:末填年 lastY"))).toContain(`ISNUMBER($${col2024}${r})*2024`);
  });

  it("flags a dropped target, keeps its row and actuals, adds new targets, updates changed ones", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    wb.type(t, rowOf(t, "XZ-03"), "2024年实际", 6);
    wb.type(t, rowOf(t, "XZ-04"), "2025年实际", 34500);
    const revised = revisedCatalog((plans) => {
      const xz = plans.get("XZ") as PlanInput;
      xz.targets = xz.targets.filter((x) => x.id !== "XZ-03");
      const t4 = xz.targets.find((x) => x.id === "XZ-04") as PlanInput["targets"][number];
      t4.name = { zh: "商标有效注册量（修订）", en: "Valid trademarks (revised)" };
      xz.targets.push({ ...structuredClone(t4), id: "XZ-901", name: { zh: "新增指标", en: "New target" } });
      xz.period.end = 2027;
    });
    const summary = await write(wb, ["XZ"], {}, revised);
    // 33 targets: XZ-03 dropped, XZ-04 updated, 31 kept, XZ-901 added.
    expect(summary.plans[0]).toMatchObject({ added: 1, updated: 1, kept: 31, flagged: 1 });
    expect(valueOf(t, "XZ-03", "2024年实际")).toBe(6);
    expect(valueOf(t, "XZ-03", "状态 Status")).toBe("已不在规划中");
    expect(valueOf(t, "XZ-03", "备注 Note")).toMatch(/^已不在规划中/);
    expect(valueOf(t, "XZ-04", "指标 Target")).toBe("商标有效注册量（修订）");
    expect(valueOf(t, "XZ-04", "2025年实际")).toBe(34500);
    // after the 33 rows of the first version, XZ-03's kept among them
    expect(rowOf(t, "XZ-901")).toBe(33);
    // The extended period got its year column next to the others.
    const h = t.headers();
    expect(h.indexOf("2027年实际")).toBe(h.indexOf("2026年实际") + 1);
    // Back to the first version: XZ-03 matches its old row again instead of getting a new one,
    // and XZ-901 is the one flagged now.
    const again = await write(wb, ["XZ"]);
    expect(again.plans[0]).toMatchObject({ added: 0, flagged: 1 });
    expect(valueOf(t, "XZ-901", "状态 Status")).toBe("已不在规划中");
    expect(valueOf(t, "XZ-03", "2024年实际")).toBe(6);
    expect(String(valueOf(t, "XZ-03", "状态 Status"))).toMatch(/^=IF/);
  });

  it("leaves rows without an id alone", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XC"]);
    const t = tableOf(wb, "XC");
    wb.type(t, 3, "编号", "");
    wb.type(t, 3, "指标 Target", "我自己的一行");
    wb.type(t, 3, "2023年实际", 7);
    const summary = await write(wb, ["XC"]);
    expect(summary.plans[0]).toMatchObject({ added: 1, flagged: 0 });
    expect(t.sheet.value(t.top + 4, t.left + 1)).toBe("我自己的一行");
    expect(t.sheet.value(t.top + 4, t.left + t.headers().indexOf("2023年实际"))).toBe(7);
    expect(t.sheet.get(t.top + 4, t.left + t.headers().indexOf("状态 Status"))?.formula).toBeDefined();
  });
});
