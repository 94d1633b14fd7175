/**
 * The rest of the edge: reading actuals back (untrusted cells), selecting a target's row,
 * cancelling, chunking big writes under the request limit, marks written by the .xlsx builder,
 * marks whose sheet was deleted, the overview and its chart.
 */
import { REQUEST_LIMIT } from "../../src/excel/apply";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { readActuals, selectTarget, writeOrRefreshSheets, type ActualProblem } from "../../src/excel";
import { columnLetters } from "../../src/sheets/columns";
import { FakeWorkbook } from "../support/fake-excel";
import { generatedCatalog } from "../sheets/support/generated-plan";
import { ALL, rowOf, tableOf, valueOf, write } from "./helpers";

describe("readActuals", () => {
  it("reads typed actuals by target id, wherever the rows are, and reports cells that are not numbers", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JZ", "XZ"]);
    const jz = tableOf(wb, "JZ");
    const xz = tableOf(wb, "XZ");
    wb.type(jz, rowOf(jz, "JZ-05"), "2024年实际", 52000);
    wb.type(jz, rowOf(jz, "JZ-05"), "2025年实际", "６００００");
    wb.type(jz, rowOf(jz, "JZ-14"), "2024年实际", "是");
    wb.type(jz, rowOf(jz, "JZ-01"), "2024年实际", "约2.5");
    wb.type(xz, rowOf(xz, "XZ-01"), "2025年实际", "1,850");
    wb.sort(jz, "编号", true);
    const problems: ActualProblem[] = [];
    const before = wb.syncs;
    const actuals = await readActuals({ run: wb.run, problems });
    expect(wb.syncs - before).toBe(2);
    expect(actuals.get("JZ-05")).toEqual([
      { year: 2024, value: 52000 },
      { year: 2025, value: 60000 },
    ]);
    expect(actuals.get("JZ-14")).toEqual([{ year: 2024, value: 1 }]);
    expect(actuals.get("XZ-01")).toEqual([{ year: 2025, value: 1850 }]);
    expect(actuals.has("JZ-01")).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ planId: "JZ", sheetName: "焦作 JZ" });
    expect(problems[0].address).toBe(`${columnLetters(jz.headers().indexOf("2024年实际"))}${jz.top + 2 + rowOf(jz, "JZ-01")}`);
    expect(problems[0].zh).toContain("约2.5");
    expect(problems[0].en).toContain("not a number");
  });

  it("converts each typed figure from the cell's unit (亿元, Excel percentages) to the method's (元, percent points)", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    wb.type(t, rowOf(t, "XZ-05"), "2024年实际", 0.575); // 0.575亿元, as the plan prints it
    wb.type(t, rowOf(t, "XZ-05"), "2025年实际", "0.8");
    wb.type(t, rowOf(t, "XZ-14"), "2024年实际", 0.95); // typed 95% (or 95 in the percent cell)
    wb.type(t, rowOf(t, "XZ-14"), "2025年实际", "96%"); // a text cell keeps the sign
    wb.type(t, rowOf(t, "XZ-01"), "2024年实际", 1810); // 件: no conversion
    const actuals = await readActuals({ run: wb.run });
    expect(actuals.get("XZ-05")).toEqual([
      { year: 2024, value: 57500000 },
      { year: 2025, value: 80000000 },
    ]);
    expect(actuals.get("XZ-14")).toEqual([
      { year: 2024, value: 95 },
      { year: 2025, value: 96 },
    ]);
    expect(actuals.get("XZ-01")).toEqual([{ year: 2024, value: 1810 }]);
  });

  it("reads nothing from a workbook without the add-in's sheets", async () => {
    const wb = new FakeWorkbook(["Sheet1"]);
    expect((await readActuals({ run: wb.run })).size).toBe(0);
    expect(wb.syncs).toBe(1);
  });
});

describe("selectTarget", () => {
  it("activates the sheet and selects the target's row, after the official sorted it", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["HN"]);
    const t = tableOf(wb, "HN");
    wb.sort(t, "指标 Target");
    wb.renameSheet(t.sheet, "省规划");
    expect(await selectTarget("hn-07", { run: wb.run })).toBe(true);
    const row = t.top + 2 + rowOf(t, "HN-07");
    expect(wb.activeSheet?.name).toBe("省规划");
    // The table is wider than 26 columns: the row ends in a two-letter column (BJ), not past Z.
    expect(t.width).toBeGreaterThan(26);
    expect(wb.selection).toEqual({ sheet: "省规划", address: `A${row}:${columnLetters(t.width - 1)}${row}` });
  });

  it("answers false for an unknown id or a plan without a sheet", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["HN"]);
    expect(await selectTarget("HN-99", { run: wb.run })).toBe(false);
    expect(await selectTarget("JZ-01", { run: wb.run })).toBe(false);
  });
});

describe("cancelling", () => {
  it("before anything is written leaves the workbook as it was", async () => {
    const wb = new FakeWorkbook();
    const controller = new AbortController();
    const summary = await write(wb, ALL, {
      signal: controller.signal,
      onProgress: (p) => p.done === 1 && controller.abort(),
    });
    expect(summary).toMatchObject({ cancelled: true, plans: [], cellsWritten: 0 });
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
    expect(wb.names).toEqual([]);
  });
});

describe("big plans", () => {
  it("writes and refreshes a 2,000-target plan in requests under Excel on the web's 5 MB limit", async () => {
    const big = generatedCatalog(2000);
    const wb = new FakeWorkbook();
    const first = await writeOrRefreshSheets(["GEN"], { mode: "portable", settings: DEFAULT_SETTINGS, catalog: big, run: wb.run });
    expect(first.plans[0].added).toBe(2000);
    expect(first.syncs).toBeGreaterThan(2);
    expect(Math.max(...wb.requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
    const t = tableOf(wb, "GEN");
    wb.type(t, 1999, "2030年实际", 77);
    wb.sort(t, "编号", true);
    const again = await writeOrRefreshSheets(["GEN"], { mode: "live", settings: DEFAULT_SETTINGS, catalog: big, run: wb.run });
    expect(again.plans[0]).toMatchObject({ added: 0, kept: 2000, flagged: 0 });
    expect(valueOf(t, "GEN-2000", "2030年实际")).toBe(77);
    expect(rowOf(t, "GEN-2000")).toBe(0);
    // The one-formula-per-column layout rewrites ~30 computed columns (8 visible, the rest helpers)
    // in every row, and each live formula carries its structured references (Chinese headers, 3 bytes
    // a character): about 10 MB for 2,000 rows. So the bound is the find and read syncs plus as few
    // write requests as the bytes allow under the 4 MB we send at most (REQUEST_LIMIT), plus one for a
    // partly filled last request — never one per row or per column. Each request stays under 5 MB.
    const requests = wb.requests.slice(-again.syncs);
    expect(Math.max(...requests.map((r) => r.bytes))).toBeLessThan(5 * 1024 * 1024);
    const written = requests.reduce((n, r) => n + r.bytes, 0);
    expect(again.syncs).toBeLessThanOrEqual(2 + Math.ceil(written / REQUEST_LIMIT) + 1);
  });

  it("keeps every request under a lower limit too (chunking splits single big writes)", async () => {
    const wb = new FakeWorkbook();
    wb.payloadLimit = 80_000;
    const summary = await write(wb, ["JZ"], { requestLimit: 50_000 });
    expect(summary.syncs).toBeGreaterThan(4);
    expect(Math.max(...wb.requests.map((r) => r.bytes))).toBeLessThan(80_000);
    expect(tableOf(wb, "JZ").rows).toBe(67);
  });
});

describe("marks", () => {
  it("recognises a sheet the .xlsx builder made (a name on its header cells) and re-points the mark at the table", async () => {
    const wb = new FakeWorkbook();
    wb.behaviour.namesStayVisible = false; // a build where hiding a name takes
    await write(wb, ["XC"]);
    const mark = wb.names.find((n) => n.name === "IPTargets.XC");
    if (!mark) throw new Error("no mark");
    mark.formula = "='许昌 XC'!$A$7:$W$7";
    mark.visible = true;
    const t = tableOf(wb, "XC");
    wb.type(t, 0, "2023年实际", 3300);
    const summary = await write(wb, ["XC"]);
    expect(summary.plans[0]).toMatchObject({ added: 0, kept: 23 });
    expect(mark).toBeDefined();
    expect(wb.names.find((n) => n.name === "IPTargets.XC")).toMatchObject({ formula: "=IP_XC[#Headers]", visible: false });
    expect(valueOf(t, "XC-01", "2023年实际")).toBe(3300);
  });

  it("writes a new sheet when the marked one was deleted, replacing the broken mark", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JY"]);
    wb.deleteSheet(wb.sheet("济源 JY"));
    const summary = await write(wb, ["JY"]);
    expect(summary.plans[0]).toMatchObject({ sheetName: "济源 JY", added: 34 });
    expect(wb.names.filter((n) => n.name === "IPTargets.JY")).toEqual([expect.objectContaining({ name: "IPTargets.JY", formula: "=IP_JY[#Headers]" })]);
  });

  it("writes a new overview when the official deleted it", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JY"]);
    wb.deleteSheet(wb.sheet("总览"));
    await write(wb, ["JY"]);
    expect(wb.sheet("总览").value(4, 0)).toBe("JY");
    expect(wb.names.filter((n) => n.name === "IPTargets.Overview")).toEqual([expect.objectContaining({ name: "IPTargets.Overview", formula: "='总览'!$A$1" })]);
  });

  it("writes nothing for no plans, and refuses unknown plans before touching the workbook", async () => {
    const wb = new FakeWorkbook();
    expect(await write(wb, [])).toEqual({ plans: [], syncs: 0, cancelled: false, cellsWritten: 0 });
    await expect(write(wb, ["JZ", "QQ"])).rejects.toThrow(/未知的规划编号：QQ/);
    expect(wb.syncs).toBe(0);
  });

  it("never takes a sheet the official named like the add-in's for one of its own", async () => {
    const wb = new FakeWorkbook(["新郑 XZ"]);
    const summary = await write(wb, ["XZ"]);
    expect(summary.plans[0].sheetName).toBe("新郑 XZ (2)");
  });
});

describe("columns out of order", () => {
  it("does not write formulas over a year range the official split, and says so", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    wb.type(t, 0, "2025年实际", 1900);
    wb.insertColumn(t, t.headers().indexOf("2025年实际"), "我的列");
    const before = valueOf(t, "XZ-01", "状态 Status");
    const summary = await write(wb, ["XZ"]);
    expect(summary.plans[0].notes.join(" ")).toMatch(/实际值列之间插入了其他列/);
    expect(valueOf(t, "XZ-01", "状态 Status")).toBe(before);
    expect(valueOf(t, "XZ-01", "2025年实际")).toBe(1900);
  });
});

describe("modes and the overview", () => {
  it("switches formulas between portable and live on refresh", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    expect(String(valueOf(t, "XZ-01", "进度 Progress"))).not.toContain("IP.");
    await write(wb, ["XZ"], { mode: "live" });
    // Every actual year (the base year's too), in the unit IP.* take (the row's ipScale); text passes through as text.
    const years = "[@[2023年实际]:[2026年实际]]";
    expect(String(valueOf(t, "XZ-01", "进度 Progress"))).toBe(
      `=IFNA(IP.PROGRESS([@[编号]],IF(ISNUMBER(${years}),${years}*[@[函数比例 ipScale]],${years}&""),2026),"")`,
    );
  });

  it("counts every plan with a sheet, and adds its chart once", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["JZ"], { mode: "live" });
    await write(wb, ["XZ"], { mode: "live" });
    const overview = wb.sheet("总览");
    expect(wb.sheets[0]).toBe(overview);
    expect(overview.value(4, 0)).toBe("JZ");
    expect(overview.value(5, 0)).toBe("XZ");
    expect(overview.get(4, 2)?.formula).toBe('=COUNTIF(IP_JZ[状态 Status],"已实现")');
    expect(overview.get(5, 9)?.formula).toBe('=COUNTIF(IP_XZ[编号],"?*")');
    expect(overview.charts).toHaveLength(1);
    expect(overview.charts[0]).toMatchObject({ type: "BarStacked", source: "B4:H6" });
  });

  it("counts with A1 ranges in portable mode", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["HN"]);
    const t = tableOf(wb, "HN");
    const status = columnLetters(t.headers().indexOf("状态 Status"));
    expect(wb.sheet("总览").get(4, 2)?.formula).toBe(`=COUNTIF('河南 HN'!$${status}$8:$${status}$63,"已实现")`); // 56 targets: rows 8–63
  });
});

describe("a write cut off between requests", () => {
  it("is completed by the next refresh, which finds the sheet by its mark and the rows by their ids", async () => {
    const wb = new FakeWorkbook();
    wb.payloadLimit = 80_000;
    const controller = new AbortController();
    const summary = await write(wb, ["JZ"], {
      requestLimit: 50_000,
      signal: controller.signal,
      onProgress: (p) => p.done === 2 && controller.abort(),
    });
    expect(summary.cancelled).toBe(true);
    const t = tableOf(wb, "JZ");
    expect(rowOf(t, "JZ-67")).toBe(66);
    wb.type(t, rowOf(t, "JZ-05"), "2024年实际", 52000);
    const again = await write(wb, ["JZ"], { requestLimit: 50_000 });
    expect(again.plans[0]).toMatchObject({ added: 0, flagged: 0 });
    expect(again.plans[0].updated + again.plans[0].kept).toBe(67);
    expect(valueOf(t, "JZ-05", "2024年实际")).toBe(52000);
    expect(String(valueOf(t, "JZ-05", "状态 Status"))).toMatch(/^=IF/);
  });
});
