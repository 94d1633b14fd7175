/** The pure sheet model: layout, names, title block, formats, notes, formulas' shape, overview. */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { importYears } from "../../src/sheets/actuals-csv";
import { keyOfHeader } from "../../src/sheets/columns";
import { PORTABLE_FUNCTIONS } from "./support/evaluate-sheet";
import {
  buildPlanSheet,
  buildWorkbookModel,
  columnFormat,
  formulasFor,
  ownRefs,
  planYears,
  safeSheetName,
  tableGrid,
  uniqueSheetName,
  uniqueTableName,
  valueFormat,
} from "../../src/sheets/model";

const catalog = bundledCatalog();
const plan = (id: string) => catalog.plan(id) as NonNullable<ReturnType<typeof catalog.plan>>;
const target = (id: string) => (catalog.get(id) as NonNullable<ReturnType<typeof catalog.get>>).target;
const portable = { mode: "portable" as const, settings: DEFAULT_SETTINGS };

describe("layout", () => {
  it("has an actual column for every year from the earliest base year (or the year additions count from, or the period's start) to its end", () => {
    // Officials type the published base-year figure too (XC's 2022, issue 11 §5); JY's 新增 targets count from 2019.
    expect(Object.fromEntries(catalog.plans.map((p) => [p.id, [planYears(p)[0], planYears(p).at(-1)]]))).toEqual({
      JZ: [2022, 2035],
      XZ: [2023, 2026],
      HN: [2020, 2025],
      XC: [2022, 2024],
      JY: [2019, 2022],
    });
  });

  it("every year column of a sheet is a year the actuals import accepts (JY's 2019, the year its 新增 count from)", () => {
    for (const p of catalog.plans) {
      const { first, last } = importYears(p);
      expect([p.id, first <= planYears(p)[0], last >= (planYears(p).at(-1) as number)]).toEqual([p.id, true, true]);
    }
  });

  it("orders the columns: catalogue, actuals, computed, quote and note, then the technical ones; 上限 only where a plan has ranges", () => {
    const jz = buildPlanSheet(plan("JZ"), portable);
    const visible = jz.columns.filter((c) => !c.technical);
    expect(visible.map((c) => c.header)).toEqual([
      "编号", "指标 Target", "单位 Unit", "属性 Attribute", "领域 Area", "类型 Kind", "基期年 Base year", "基期值 Base",
      "目标年 Target year", "目标值 Target",
      ...Array.from({ length: 14 }, (_, i) => `${2022 + i}年实际`),
      "起点年 Start year", "起点值 Start", "最新年份 Latest year", "最新实际 Latest", "序时进度 Expected", "进度 Progress",
      "状态 Status", "预测 Projection", "原文 Quote", "备注 Note",
    ]);
    // The technical columns come after every visible one: a milestone column per year, the codes, the helpers.
    expect(jz.columns.slice(0, visible.length)).toEqual(visible);
    const technical = jz.columns.slice(visible.length).map((c) => c.header);
    expect(technical.slice(0, 14)).toEqual(Array.from({ length: 14 }, (_, i) => `${2022 + i}年目标`));
    expect(technical.slice(14, 21)).toEqual(["类型码 kind", "类别码 family", "比较码 cmp", "方向 sign", "比例 scale", "函数比例 ipScale", "基数容差 tau"]);
    expect(technical.slice(21).every((h) => h.startsWith("辅:"))).toBe(true);
    expect(buildPlanSheet(plan("XZ"), portable).columns.map((c) => c.header)).toContain("上限 Max");
    // Every header maps back to its key (refresh recognises columns by their header).
    for (const c of jz.columns) expect(keyOfHeader(c.header)).toBe(c.key);
    expect(keyOfHeader(" 状态  Status ")).toBe("status");
    expect(keyOfHeader("我的列")).toBeNull();
  });

  it("puts a title block above the table and freezes it with the id and name columns", () => {
    const xz = buildPlanSheet(plan("XZ"), portable);
    expect(xz.title[0]).toBe("新郑市国家知识产权强县建设试点县工作方案（征求意见稿）");
    expect(xz.title[2]).toContain("文号：无");
    expect(xz.title[2]).toContain("规划期：2024–2026年");
    expect(xz.title[2]).toContain("征求意见稿（草案）");
    expect(xz.title[3]).toContain("Draft for comment");
    // Officials cite the plan by title and 文号: the internal file name is shown nowhere.
    for (const p of catalog.plans) expect(buildPlanSheet(p, portable).title.join("\n")).not.toContain(p.source);
    const hn = buildPlanSheet(plan("HN"), portable);
    expect(hn.title[2]).toContain("文号：豫知〔2022〕4号");
    expect(hn.title[2]).toContain("正式文件");
    expect(xz.headerRow).toBe(6);
    expect(xz.freeze).toEqual({ rows: 7, columns: 2 });
  });

  it("fills in the actuals it is given and leaves the other years empty", () => {
    const sheet = buildPlanSheet(plan("XZ"), { ...portable, actuals: new Map([["XZ-01", [{ year: 2024, value: 1800 }, { year: 2031, value: 1 }]]]) });
    const row = sheet.rows.find((r) => r.target.id === "XZ-01");
    expect([row?.values["actual:2024"], row?.values["actual:2025"], row?.values["actual:2026"]]).toEqual([1800, null, null]);
  });
});

describe("parameters", () => {
  it("writes what the formulas read about a target as plain values: codes, sign, the milestone of each year", () => {
    const xz = buildPlanSheet(plan("XZ"), portable);
    const row = xz.rows.find((r) => r.target.id === "XZ-01")?.values;
    expect(row).toMatchObject({
      kindCode: "level",
      familyCode: "path",
      comparatorCode: "reach",
      sign: 1,
      "milestone:2024": 1800,
      "milestone:2025": 1900,
      "milestone:2026": null,
    });
    const lower = catalog.plans.flatMap((p) => p.targets).find((t) => t.direction === "decrease");
    if (lower) expect(buildPlanSheet(catalog.plan(lower.id.split("-")[0])!, portable).rows.find((r) => r.target.id === lower.id)?.values.sign).toBe(-1);
  });
});

describe("names", () => {
  it("names sheets after the plan and tables IP_<plan>, never taking a name in use", () => {
    const jz = buildPlanSheet(plan("JZ"), { ...portable, takenSheetNames: ["焦作 jz", "焦作 JZ (2)"], takenTableNames: ["IP_JZ"] });
    expect(jz.sheetName).toBe("焦作 JZ (3)");
    expect(jz.tableName).toBe("IP_JZ_2");
    expect(uniqueTableName("XZ", ["ip_xz", "IP_XZ_2"])).toBe("IP_XZ_3");
  });

  it("makes any text a valid sheet name: at most 31 characters, none of []:*?/\\, no apostrophe at either end", () => {
    expect(safeSheetName("规划[2024]: 目标/指标*?\\")).toBe("规划 2024 目标 指标");
    expect(safeSheetName("'引号'")).toBe("引号");
    expect(safeSheetName("History")).not.toBe("History");
    const long = "河南省知识产权创造保护运用十四五规划主要指标与重点任务完成情况";
    expect(safeSheetName(long).length).toBeLessThanOrEqual(31);
    const taken = [safeSheetName(long)];
    const second = uniqueSheetName(long, taken);
    expect(second.length).toBeLessThanOrEqual(31);
    expect(second.endsWith(" (2)")).toBe(true);
  });

  it("rejects unknown plans in Chinese and English", () => {
    expect(() => buildWorkbookModel(catalog, ["JZ", "ZZ"], portable)).toThrow(/未知的规划编号：ZZ.*unknown plan ids: ZZ/);
  });
});

describe("formats and notes", () => {
  it("holds figures in the unit the plan prints (亿元, 万件, %) with plain formats every spreadsheet shows alike", () => {
    // No `!` escapes or thousands scaling: LibreOffice showed 0!.00,,"亿元" as 57!.50亿元.
    expect(valueFormat(target("XZ-05"))).toBe('0.000"亿元"');
    expect(valueFormat(target("XZ-12"))).toBe('0.0"万元"');
    expect(valueFormat(target("HN-04"))).toBe('0.0"万件"');
    expect(valueFormat(target("HN-10"))).toBe('0.0"亿元"');
    expect(valueFormat(target("JZ-01"))).toBe("#,##0.00");
    expect(valueFormat(target("JZ-05"))).toBe("#,##0");
    // Per 10,000 people: published with two decimals, though HN and JY print round targets (3件, 6件).
    expect(valueFormat(target("HN-01"))).toBe("#,##0.00");
    expect(valueFormat(target("JY-06"))).toBe("#,##0.00");
    expect(valueFormat(target("XC-02"))).toBe("#,##0.00");
    expect(valueFormat(target("XZ-14"))).toBe("0.0%");
    for (const p of catalog.plans) for (const t of p.targets) expect(valueFormat(t)).not.toMatch(/!|,"|,,/);
    const xz = buildPlanSheet(plan("XZ"), { ...portable, actuals: new Map([["XZ-05", [{ year: 2025, value: 80000000 }]]]) });
    const xz05 = xz.rows.find((r) => r.target.id === "XZ-05")?.values;
    expect([xz05?.unit, xz05?.baseValue, xz05?.targetValue, xz05?.scale, xz05?.["actual:2025"]]).toEqual(["亿元", 0.575, 1, 100000000, 0.8]);
    const xz14 = xz.rows.find((r) => r.target.id === "XZ-14")?.values;
    expect([xz14?.scale, xz14?.ipScale]).toEqual([100, 1]);
    expect(valueFormat(target("HN-15"))).toBe('0.0"分"');
    expect(valueFormat(target("JZ-14"))).toContain('"✓ 完成"');
    const row = buildPlanSheet(plan("XZ"), portable).rows[4];
    expect([columnFormat("progress", row), columnFormat("latestYear", row), columnFormat("actual:2025", row), columnFormat("name", row)]).toEqual([
      "0.0%",
      "0",
      '0.000"亿元"',
      null,
    ]);
  });

  it("flags conflicts visibly and lists milestones, derivations and the plan's own notes", () => {
    const sheet = buildPlanSheet(plan("JZ"), portable);
    const note = (id: string) => sheet.rows.find((r) => r.target.id === id)?.values.note as string;
    expect(note("JZ-08")).toMatch(/^⚠ 数据冲突 Conflict: /);
    const xz = buildPlanSheet(plan("XZ"), portable);
    expect(xz.rows.find((r) => r.target.id === "XZ-01")?.values.note).toContain("阶段目标 Milestones: 2024年 1800；2025年 1900");
    expect(sheet.rows.find((r) => r.target.id === "JZ-01")?.values.quote).toContain("每万人口高价值发明专利拥有量达到2.68件");
  });

  it("writes the plan data's notes in Chinese only in 备注, never the English beside them", () => {
    let checked = 0;
    for (const p of catalog.plans) {
      const sheet = buildPlanSheet(p, portable);
      for (const t of p.targets) {
        const cell = sheet.rows.find((r) => r.target.id === t.id)?.values.note as string;
        for (const n of [t.note, ...t.derived.map((d) => d.note), ...t.conflicts.map((c) => c.note)]) {
          if (n == null || typeof n === "string") continue;
          expect(cell).toContain(n.zh);
          if (n.en && n.en !== n.zh) expect(cell).not.toContain(n.en);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
    // HN-12's two Chinese sentences both, and no English one.
    const hn12 = buildPlanSheet(plan("HN"), portable).rows.find((r) => r.target.id === "HN-12")?.values.note as string;
    expect(hn12).toContain("按规划期内建成的累计数理解。每年填报自2021年起的累计数（不是当年新增数）");
    expect(hn12).not.toMatch(/running total/);
  });

  it("colours each status and draws a data bar on progress", () => {
    const sheet = buildPlanSheet(plan("JY"), portable);
    expect(sheet.conditionalFormats.filter((f) => f.column === "status").map((f) => f.text)).toEqual([
      "已实现", "快于预期", "基本符合预期", "滞后", "倒退", "无数据", "已不在规划中",
    ]);
    expect(sheet.conditionalFormats.find((f) => f.column === "progress")?.type).toBe("dataBar");
  });
});

describe("formulas", () => {
  it("in live mode call IP.* with the row's actual cells ending at the year argument, blanks passed as empty", () => {
    const sheet = buildPlanSheet(plan("XZ"), { mode: "live", settings: DEFAULT_SETTINGS });
    const f = formulasFor(sheet, target("XZ-01"), ownRefs(sheet, 0, "ui"));
    const cells = 'IF(ISNUMBER([@[2023年实际]:[2026年实际]]),[@[2023年实际]:[2026年实际]]*[@[函数比例 ipScale]],[@[2023年实际]:[2026年实际]]&"")';
    expect(f.status).toBe(`=IP.STATUS([@[编号]],${cells},2026)`);
    // Only #N/A is left blank: without the add-in the cells show #NAME?, never an empty look.
    expect(f.progress).toBe(`=IFNA(IP.PROGRESS([@[编号]],${cells},2026),"")`);
    expect(f.expected).toBe('=IF([@[最新年份 Latest year]]="","",IFNA(IP.EXPECTED([@[编号]],[@[最新年份 Latest year]])/[@[函数比例 ipScale]],""))');
    expect(f.projection).toBe(`=IFNA(IP.PROJECT([@[编号]],${cells},{2023,2024,2025,2026})/[@[函数比例 ipScale]],"")`);
    // The same formulas for every target: the row's cells say which target.
    expect(formulasFor(sheet, target("XZ-05"), ownRefs(sheet, 4, "ui"))).toEqual(f);
    // As an .xlsx stores them: the add-in function's file name and [#This Row] references.
    const file = formulasFor(sheet, target("XZ-01"), ownRefs(sheet, 0, "file"), "file");
    const fileCells = "IP_XZ[[#This Row],[2023年实际]:[2026年实际]]";
    expect(file.status).toBe(
      `=_xldudf_IP_STATUS(IP_XZ[[#This Row],[编号]],IF(ISNUMBER(${fileCells}),${fileCells}*IP_XZ[[#This Row],[函数比例 ipScale]],${fileCells}&""),2026)`,
    );
  });

  const ALLOWED = PORTABLE_FUNCTIONS;

  it.each(["linear", "compound"] as const)("in portable mode use only native functions every spreadsheet has (%s path)", (path) => {
    const model = buildWorkbookModel(catalog, undefined, { mode: "portable", settings: { ...DEFAULT_SETTINGS, path } });
    let longest = 0;
    let deepest = 0;
    for (const sheet of model.sheets) {
      for (const row of tableGrid(sheet).slice(1)) {
        for (const cell of row) {
          if (typeof cell !== "string" || !cell.startsWith("=")) continue;
          const names = [...cell.matchAll(/([A-Z][A-Z0-9.]*)\(/g)].map((m) => m[1]);
          for (const n of names) expect(ALLOWED).toContain(n);
          longest = Math.max(longest, cell.length);
          let depth = 0;
          let calls = 0;
          const stack: boolean[] = [];
          for (let i = 0; i < cell.length; i++) {
            if (cell[i] === "(") {
              const isCall = /[A-Z0-9]$/.test(cell.slice(0, i));
              stack.push(isCall);
              if (isCall) calls++;
              depth = Math.max(depth, calls);
            } else if (cell[i] === ")" && stack.pop()) calls--;
          }
          deepest = Math.max(deepest, depth);
        }
      }
    }
    // Excel's limits: 8,192 characters and 64 nested functions per formula.
    expect(longest).toBeLessThan(8192);
    expect(deepest).toBeLessThan(64);
  });
});

describe("overview", () => {
  it("counts statuses per plan for the given actuals and lists the plans' sheets", () => {
    const actuals = new Map([
      ["XC-01", [{ year: 2024, value: 3700 }]],
      ["XC-10", [{ year: 2023, value: 0 }]],
    ]);
    const model = buildWorkbookModel(catalog, ["XC", "JY"], { ...portable, actuals, takenSheetNames: ["总览"] });
    expect(model.overview.sheetName).toBe("总览 (2)");
    expect(model.overview.header.slice(0, 3)).toEqual(["规划 Plan", "名称 Name", "已实现 Achieved"]);
    const xc = model.overview.plans[0];
    expect(xc).toMatchObject({ planId: "XC", name: "许昌 XC", targets: 23 });
    expect(xc.counts).toMatchObject({ achieved: 1, onTrack: 1, noData: 21 });
  });
});
