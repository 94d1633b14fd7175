/**
 * The IP.* worksheet functions (core, without Excel) over the bundled catalogue: happy paths with
 * the figures of test/method, and every kind of bad input answered with #N/A or #VALUE! and a
 * message in Chinese and English, never a raw throw and never a zero for an empty cell.
 */
import fc from "fast-check";
import { BUNDLED_PLAN_FILES, bundledCatalog } from "../../src/core/catalog/bundled";
import { loadCatalog } from "../../src/core/catalog/catalog";
import { createIpFunctions, type IpFunctions, type Matrix } from "../../src/core/functions/ip";
import type { CellValue } from "../../src/core/method/input";
import { MethodError } from "../../src/core/method/method";
import { isPercentTarget } from "../../src/core/method/percent";
import { DEFAULT_SETTINGS, type MethodSettings } from "../../src/core/method/settings";

const catalog = bundledCatalog();
const IP = createIpFunctions(catalog);

function error(f: () => unknown, code: "NA" | "VALUE"): MethodError {
  let thrown: unknown;
  try {
    f();
  } catch (e) {
    thrown = e;
  }
  if (!(thrown instanceof MethodError)) throw new Error(`expected MethodError ${code}, got ${thrown === undefined ? "a value" : String(thrown)}`);
  expect(thrown.code).toBe(code);
  expect(thrown.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(thrown.en).toMatch(/[a-z]{3,}/);
  expect(thrown.message).toBe(`${thrown.zh} / ${thrown.en}`);
  return thrown;
}
const na = (f: () => unknown) => error(f, "NA");
const value = (f: () => unknown) => error(f, "VALUE");

/** Every function, called with the id under test and otherwise sensible arguments. */
const CALLS: Record<keyof IpFunctions, (id: CellValue) => unknown> = {
  TARGET: (id) => IP.TARGET(id),
  BASELINE: (id) => IP.BASELINE(id),
  EXPECTED: (id) => IP.EXPECTED(id, 2024),
  PROGRESS: (id) => IP.PROGRESS(id, 60000, 2024),
  COMPLETION: (id) => IP.COMPLETION(id, 60000, 2024),
  STATUS: (id) => IP.STATUS(id, 60000, 2024),
  GAP: (id) => IP.GAP(id, 60000, 2024),
  REQUIRED: (id) => IP.REQUIRED(id, 60000, 2024),
  PROJECT: (id) => IP.PROJECT(id, [[55000, 60000]], [[2023, 2024]]),
  INFO: (id) => IP.INFO(id, "name"),
  LIST: (id) => IP.LIST(id),
};

describe("happy paths (JZ-05: base 2022 49409, target 2025 67000)", () => {
  it("TARGET: the target, or for a year its milestone or expected value", () => {
    expect(IP.TARGET("JZ-05")).toBe(67000);
    expect(IP.TARGET("JZ-05", 2025)).toBe(67000);
    expect(IP.TARGET("JZ-05", 2024)).toBeCloseTo(61136.333333, 5); // 49409 + 17591·2/3
    expect(IP.TARGET(" jz-05 ", "2024")).toBeCloseTo(61136.333333, 5);
    expect(IP.TARGET("JZ-05", "")).toBe(67000);
    expect(IP.TARGET("XZ-32", 2024)).toBe(1000000); // 附件2 100万元, printed for 2024
    expect(IP.TARGET("XZ-32", 2025)).toBe(1500000); // 150万元
    // 附件2's 0.5亿 for 2024 is a conflict, not a milestone: the path 57.5M + 42.5M·1/3
    expect(IP.TARGET("XZ-05", 2024)).toBeCloseTo(71666666.666667, 5);
    expect(IP.TARGET("HN-32")).toBe(3); // 3-5家: the lower end
    expect(IP.TARGET("XC-01")).toBe(3600);
    expect(IP.TARGET("JY-14")).toBe(0.2); // 20 %, an Excel percentage (docs/method.md §1a)
  });

  it("BASELINE: the plan's base; zero for what counts from zero", () => {
    expect(IP.BASELINE("JZ-05")).toBe(49409);
    expect(IP.BASELINE("XC-01")).toBe(3000); // derived: 3600 / 1.2
    expect(IP.BASELINE("XZ-05")).toBe(57500000);
    expect(IP.BASELINE("JZ-12")).toBe(0); // additions
    expect(na(() => IP.BASELINE("JY-06")).en).toBe("the plan gives no base value for JY-06");
  });

  it("EXPECTED", () => {
    expect(IP.EXPECTED("JZ-05", 2024)).toBeCloseTo(61136.333333, 5);
    expect(IP.EXPECTED("JZ-05", 2023)).toBeCloseTo(55272.666667, 5);
    expect(IP.EXPECTED("XZ-01", 2025)).toBe(1900);
    expect(IP.EXPECTED("JZ-12", 2024)).toBe(2000); // 0 in 2022 + 3000·2/3
    expect(value(() => IP.EXPECTED("JZ-05", null)).en).toBe("the year is missing");
  });

  it("PROGRESS = (actual − base)/(target − base)", () => {
    expect(IP.PROGRESS("JZ-05", 60000, 2024)).toBeCloseTo(10591 / 17591, 12);
    expect(IP.PROGRESS("JZ-05", [[55000, 60000]], 2024)).toBeCloseTo(10591 / 17591, 12);
    expect(IP.PROGRESS("JZ-05", [[55000], [60000]], 2024)).toBeCloseTo(10591 / 17591, 12);
    expect(IP.PROGRESS("JZ-12", [[1400, 1700]], 2025)).toBeCloseTo(3100 / 3000, 12); // additions summed
    expect(IP.PROGRESS("XC-10", "是", 2024)).toBe(1);
    expect(IP.PROGRESS("XC-10", "否", 2024)).toBe(0);
    // no base and one actual: no progress from a base, and the message points to COMPLETION
    expect(na(() => IP.PROGRESS("JY-06", 5.2, 2021)).en).toMatch(/no base.*IP\.COMPLETION/);
    // with two actuals the first stands in for the base: (5.2 − 4.5)/(6 − 4.5)
    expect(IP.PROGRESS("JY-06", [[4.5, 5.2]], 2021)).toBeCloseTo(0.7 / 1.5, 12);
    expect(na(() => IP.PROGRESS("JZ-18", 1, 2030)).en).toBe("JZ-18 is qualitative; it has no progress figure");
  });

  it("COMPLETION = actual / target (完成率)", () => {
    expect(IP.COMPLETION("JZ-05", 60000, 2024)).toBeCloseTo(60000 / 67000, 12);
    expect(IP.COMPLETION("JY-06", 5.2, 2021)).toBeCloseTo(5.2 / 6, 12);
    expect(IP.COMPLETION("XZ-32", 1450000, 2025)).toBeCloseTo(145 / 150, 12); // against that year's bar
    expect(IP.COMPLETION("XZ-14", "95%", 2026)).toBe(1);
    expect(na(() => IP.COMPLETION("JY-15", 30, 2021)).en).toMatch(/qualitative/);
  });

  it.each<[string, CellValue | Matrix, string, string]>([
    ["67000", 67000, "已实现", "Achieved"],
    ["62000 (pace 12591/11727.3 = 1.074)", 62000, "快于预期", "Ahead of schedule"],
    ["61000 (pace 0.988)", 61000, "基本符合预期", "On track"],
    ["60000 (pace 0.903)", 60000, "滞后", "Behind schedule"],
    ["49000 (below the base)", 49000, "倒退", "Moving away"],
    ["an empty cell", "", "无数据", "No data"],
    ["a blank cell", null, "无数据", "No data"],
    ["a range of empty cells", [[null, ""]], "无数据", "No data"],
  ])("STATUS of JZ-05 in 2024 with %s", (_label, actual, zh, en) => {
    expect(IP.STATUS("JZ-05", actual, 2024)).toBe(zh);
    expect(IP.STATUS("JZ-05", actual, 2024, "zh")).toBe(zh);
    expect(IP.STATUS("JZ-05", actual, 2024, "en")).toBe(en);
    expect(IP.STATUS("JZ-05", actual, 2024, "English")).toBe(en);
    expect(IP.STATUS("JZ-05", actual, 2024, "中文")).toBe(zh);
  });

  it("STATUS of other kinds", () => {
    expect(IP.STATUS("XZ-05", 85000000, 2025)).toBe("基本符合预期"); // (85 − 57.5)/(85.833 − 57.5) = 0.971
    expect(IP.STATUS("XZ-05", 90000000, 2025)).toBe("快于预期"); // (90 − 57.5)/(85.833 − 57.5) = 1.147
    expect(IP.STATUS("HN-32", 4, 2025)).toBe("已实现"); // inside 3–5
    expect(IP.STATUS("XC-04", 96000000, 2023)).toBe("基本符合预期"); // a level with one actual: its own base, no pace
    expect(IP.STATUS("XC-04", [[60000000, 75000000]], 2023)).toBe("滞后"); // 2022 0.6亿 → 2023 0.75亿: pace 0.15/0.2 = 0.75
    expect(IP.STATUS("JY-18", 19, 2021)).toBe("基本符合预期"); // a yearly amount: 19/20 = 0.95
    expect(IP.STATUS("JY-18", 18, 2021)).toBe("滞后"); // 18/20 = 0.9
    expect(IP.STATUS("JY-14", 0.18, 2021, "en")).toBe("Behind schedule"); // 18 %/20 %
    expect(IP.STATUS("JZ-14", "是", 2024)).toBe("已实现");
    expect(IP.STATUS("JZ-14", 0, 2024)).toBe("基本符合预期");
    expect(IP.STATUS("JY-15", [[30, 35]], 2021)).toBe("倒退");
    // the year defaults to the target year
    expect(IP.STATUS("JZ-05", 66000)).toBe("滞后");
    expect(IP.STATUS("JZ-05", 67000)).toBe("已实现");
  });

  it("an empty actual is no data, never a zero, in every function that reads one", () => {
    for (const f of [() => IP.PROGRESS("JZ-05", "", 2024), () => IP.COMPLETION("JZ-05", null, 2024), () => IP.GAP("JZ-05", "", 2024), () => IP.REQUIRED("JZ-05", "", 2024)]) {
      const e = na(f);
      expect(e.en).toBe("JZ-05 has no actual (no data)");
      expect(e.zh).toBe("JZ-05 没有实际值（无数据）");
    }
    expect(na(() => IP.PROJECT("JZ-05", [["", ""]], [[2023, 2024]])).en).toMatch(/no data/);
  });

  it("GAP: what is still missing, in the target's good direction", () => {
    expect(IP.GAP("JZ-05", 60000, 2024)).toBe(7000);
    expect(IP.GAP("JZ-05", 70000, 2024)).toBe(-3000);
    expect(IP.GAP("XZ-32", 1450000, 2025)).toBe(50000); // against 2025's 150万
    expect(na(() => IP.GAP("JZ-14", 0, 2024)).en).toMatch(/no figure/);
  });

  it("REQUIRED: the yearly change still needed", () => {
    expect(IP.REQUIRED("JZ-05", 60000, 2024)).toBe(7000); // (67000 − 60000)/1
    expect(IP.REQUIRED("JZ-05", 55000, 2023)).toBe(6000); // (67000 − 55000)/2
    expect(IP.REQUIRED("JZ-12", 1400, 2024)).toBe(1600); // additions: 3000 − 1400 in 2025
    expect(IP.REQUIRED("JY-14", 0.18, 2021)).toBeCloseTo(0.24, 12); // (3·20 − 2·18)/1 = 24 %
    expect(na(() => IP.REQUIRED("JZ-05", 66000, 2025)).en).toBe("the target year 2025 has come (2025); no yearly requirement is left");
    expect(value(() => IP.REQUIRED("JZ-05", 60000, "")).en).toBe("the year is missing");
  });

  it("PROJECT: ranges of actuals and years in, the value expected in the target year out", () => {
    // least squares through (2022, 49409), (2023, 55000), (2024, 60000) → 65394 in 2025
    expect(IP.PROJECT("JZ-05", [[55000, 60000]], [[2023, 2024]])).toBeCloseTo(65394, 9);
    expect(IP.PROJECT("JZ-05", [[55000], [60000]], [[2023], [2024]], "linear")).toBeCloseTo(65394, 9);
    expect(IP.PROJECT("JZ-05", [[55000, 60000]], [[2023, 2024]], "compound")).toBeCloseTo(66341.484836, 5);
    expect(IP.PROJECT("JZ-05", [[55000, 60000]], [[2023, 2024]], " COMPOUND ")).toBeCloseTo(66341.484836, 5);
    // one actual and the plan's base: (2022, 49409), (2024, 60000) → 65295.5
    expect(IP.PROJECT("JZ-05", 60000, 2024)).toBeCloseTo(65295.5, 9);
    // a year left empty is skipped
    expect(IP.PROJECT("JZ-05", [[55000, "", 60000]], [[2023, 2024, 2024]])).toBeCloseTo(65394, 9);
    expect(na(() => IP.PROJECT("JY-06", 5.2, 2021)).en).toBe("JY-06 needs actuals for at least two years to project");
    expect(value(() => IP.PROJECT("JZ-05", [[55000, 60000]], [[2023]])).en).toBe("2 actuals but 1 years");
    expect(value(() => IP.PROJECT("JZ-05", [[55000, 60000]], [[2023, 2024]], "quadratic")).en).toMatch(/method "quadratic" is not valid/);
  });

  it("INFO: fields by English name or Chinese alias", () => {
    expect(IP.INFO("JZ-05", "name")).toBe("有效商标注册量");
    expect(IP.INFO("JZ-05", "名称")).toBe("有效商标注册量");
    expect(IP.INFO("JZ-05", " NAME_EN ")).toBe("Valid registered trademarks");
    expect(IP.INFO("JZ-05", "unit")).toBe("件");
    expect(IP.INFO("JZ-05", "plan")).toBe("JZ");
    expect(IP.INFO("JZ-05", "规划名称")).toBe("焦作市落实强国强省建设纲要实施意见（2024-2035年）");
    expect(IP.INFO("JZ-05", "quote")).toBe("5.有效商标注册量(件)\t49409\t67000\t17591\t预期性");
    expect(IP.INFO("JZ-05", "base_value")).toBe(49409);
    expect(IP.INFO("JZ-05", "base_tolerance")).toBe(0); // printed
    expect(IP.INFO("XC-01", "基期误差")).toBeCloseTo(12.970711, 5); // 3600/1.2, with 20 % printed to 1 % (docs/method.md §2a)
    expect(na(() => IP.INFO("JY-06", "base_tolerance")).en).toBe("JY-06 has no base_tolerance");
    expect(IP.INFO("JZ-05", "目标年")).toBe(2025);
    expect(IP.INFO("XZ-32", "milestones")).toBe("2024: 1000000; 2025: 1500000");
    expect(IP.INFO("XZ-32", "derived")).toMatch(/^targetValue: .*（万元）.* \| milestones\.2024: .*（万元）.* \| milestones\.2025: .*（万元）/);
    // XZ-05: 附件2's 0.5亿 / 0.8亿 are conflicts, not milestones
    expect(IP.INFO("XZ-05", "milestones")).toBe("");
    expect(IP.INFO("XZ-05", "冲突")).toMatch(/^milestones\.2024=50000000: .*（亿）.* \| milestones\.2025=80000000: /);
    expect(IP.INFO("JZ-08", "冲突")).toMatch(/^targetValue=10: /);
    expect(IP.INFO("HN-32", "target_max")).toBe(5);
    expect(IP.INFO("XC-01", "source")).toBe("003_faa725dcbd6cb0b7.txt");
    expect(IP.INFO("JZ-16", "note")).toMatch(/JZ-08/);
    // 备注 is the Chinese note only; note_en (英文备注) the English.
    expect(IP.INFO("HN-12", "备注")).toBe("按规划期内建成的累计数理解。每年填报自2021年起的累计数（不是当年新增数）");
    expect(IP.INFO("HN-12", "英文备注")).toBe("Read as the running total built in the plan period. Each year, type the running total since 2021 (not that year's additions).");
    expect(IP.INFO("JZ-08", "冲突")).not.toMatch(/The table/);
    expect(IP.INFO("XC-01", "attribute")).toBe(""); // the plan says neither 预期性 nor 约束性
    expect(na(() => IP.INFO("JY-06", "base_value")).en).toBe("JY-06 has no base_value");
    const e = value(() => IP.INFO("JZ-05", "colour"));
    expect(e.en).toMatch(/^unknown field "colour"; use one of name, name_en, unit/);
  });

  it("LIST: the plan's targets as a spilled array, a header row and one row per target, seven columns", () => {
    const zh = IP.LIST("JZ");
    expect(zh).toHaveLength(1 + 67);
    for (const row of zh) expect(row).toHaveLength(7);
    expect(zh[0]).toEqual(["编号", "指标", "单位", "基期年", "基期值", "目标年", "目标值"]);
    expect(zh[5]).toEqual(["JZ-05", "有效商标注册量", "件", 2022, 49409, 2025, 67000]);
    // empty cells, not zeros, where the plan gives nothing
    expect(zh[14]).toEqual(["JZ-14", "建立知识产权快速协同保护机制", "", "", "", 2035, ""]);
    const en = IP.LIST(" xc ", "en");
    expect(en).toHaveLength(1 + 23);
    expect(en[0]).toEqual(["Id", "Target", "Unit", "Base year", "Base value", "Target year", "Target value"]);
    expect(en[1]).toEqual(["XC-01", "Valid invention patents held", "件", 2022, 3000, 2024, 3600]);
    for (const plan of catalog.plans) expect(IP.LIST(plan.id).map((r) => r[0]).slice(1)).toEqual(plan.targets.map((t) => t.id));
    const e = na(() => IP.LIST("ZZ"));
    expect(e.en).toBe(`unknown plan id "ZZ"; known: ${catalog.plans.map((p) => p.id).join(", ")}`);
  });
});

describe("bad input", () => {
  it.each(Object.keys(CALLS).filter((k) => k !== "LIST"))("%s: an unknown id is #N/A naming the id", (name) => {
    const e = na(() => CALLS[name as keyof IpFunctions]("ZZ-99"));
    expect(e.zh).toBe("未知的指标编号「ZZ-99」");
    expect(e.en).toBe('unknown target id "ZZ-99"');
  });

  it.each(Object.keys(CALLS).filter((k) => k !== "LIST"))("%s: a missing id is #N/A", (name) => {
    for (const id of [null, "", "  "]) expect(na(() => CALLS[name as keyof IpFunctions](id)).en).toBe("the target id is missing");
  });

  it("a long or odd id is shortened in the message", () => {
    const e = na(() => IP.TARGET("X".repeat(100) + "\u0007"));
    expect(e.en).toBe(`unknown target id "${"X".repeat(24)}…"`);
  });

  it.each<[string, () => unknown, RegExp]>([
    ["PROGRESS", () => IP.PROGRESS("JZ-05", "abc", 2024), /the actual "abc" is not a number/],
    ["COMPLETION", () => IP.COMPLETION("JZ-05", "六万", 2024), /the actual "六万" is not a number/],
    ["STATUS", () => IP.STATUS("JZ-05", "n/a", 2024), /the actual "n\/a" is not a number/],
    ["GAP", () => IP.GAP("JZ-05", [[55000, "x"]], 2024), /the actual "x" is not a number/],
    ["REQUIRED", () => IP.REQUIRED("JZ-05", "abc", 2024), /not a number/],
    ["PROJECT (actuals)", () => IP.PROJECT("JZ-05", [[55000, "abc"]], [[2023, 2024]]), /the actual "abc" is not a number/],
    ["PROJECT (years)", () => IP.PROJECT("JZ-05", [[55000, 60000]], [[2023, "next"]]), /the year "next" is not a number/],
    ["TARGET (year)", () => IP.TARGET("JZ-05", "twenty"), /the year "twenty" is not a number/],
    ["EXPECTED (year)", () => IP.EXPECTED("JZ-05", 2024.5), /"2024.5" is not a valid year/],
    ["STATUS (year)", () => IP.STATUS("JZ-05", 60000, "2024年6月"), /the year "2024年6月" is not a number/],
    ["STATUS (an error value)", () => IP.STATUS("JZ-05", { type: "Error" } as never, 2024), /the actual is not a number/],
    ["STATUS (language)", () => IP.STATUS("JZ-05", 60000, 2024, "fr"), /language "fr" is not valid; use "zh" or "en"/],
    ["LIST (language)", () => IP.LIST("JZ", "de"), /language "de" is not valid/],
  ])("%s: text where a number belongs is #VALUE! naming it", (_name, f, en) => {
    expect(value(f).en).toMatch(en);
  });

  it("reads a year header written 2024年 or 2024年度 as 2024, and an id typed full-width", () => {
    expect(IP.STATUS("JZ-05", 60000, "2024年")).toBe(IP.STATUS("JZ-05", 60000, 2024));
    expect(IP.EXPECTED("JZ-05", "２０２４年度")).toBe(IP.EXPECTED("JZ-05", 2024));
    expect(IP.TARGET("ＪＺ－０５")).toBe(67000);
  });

  it.each<[string, () => unknown]>([
    ["TARGET after the period", () => IP.TARGET("JZ-05", 2036)],
    ["TARGET before the base", () => IP.TARGET("JZ-05", 2021)],
    ["TARGET of a yes/no milestone", () => IP.TARGET("JZ-14")],
    ["EXPECTED before the base", () => IP.EXPECTED("JZ-05", 2021)],
    ["EXPECTED without a base", () => IP.EXPECTED("JY-06", 2021)],
    ["EXPECTED of a qualitative target", () => IP.EXPECTED("JZ-18", 2030)],
    ["PROGRESS before the base", () => IP.PROGRESS("JZ-05", 48000, 2021)],
    ["COMPLETION after the period", () => IP.COMPLETION("XC-01", 3600, 2025)],
    ["STATUS after the period", () => IP.STATUS("JY-06", 7, 2023)],
    ["GAP after the period", () => IP.GAP("JZ-05", 60000, 2036)],
    ["REQUIRED after the target year", () => IP.REQUIRED("XC-01", 3500, 2024)],
  ])("a year the plan cannot answer is #N/A: %s", (_label, f) => {
    na(f);
  });

  it("the year names itself in the message", () => {
    expect(na(() => IP.STATUS("JZ-05", 60000, 2036)).en).toBe("2036 is after the plan period (2024–2035); the plan sets nothing for it");
    expect(na(() => IP.EXPECTED("JZ-05", 2021)).en).toBe("2021 is before the base year (2022)");
  });

  it.each(["PROGRESS", "COMPLETION", "STATUS", "GAP", "REQUIRED"] as const)("%s: a block of 2 rows × 2 columns is #VALUE!", (name) => {
    const f = IP[name] as (id: CellValue, a: Matrix, y: CellValue) => unknown;
    expect(value(() => f("JZ-05", [[55000, 58000], [60000, 61000]], 2024)).en).toBe("the actual must be a single row or column");
  });

  it("PROJECT: a 2 × 2 block of actuals or of years is #VALUE!", () => {
    expect(value(() => IP.PROJECT("JZ-05", [[1, 2], [3, 4]], [[2021, 2022, 2023, 2024]])).en).toBe("the actual must be a single row or column");
    expect(value(() => IP.PROJECT("JZ-05", [[1, 2, 3, 4]], [[2021, 2022], [2023, 2024]])).en).toBe("the years must be a single row or column");
  });

  it("never throws anything but a MethodError, whatever the cells hold", () => {
    const ids = fc.constantFrom<CellValue>("JZ-05", "XZ-05", "HN-32", "XC-10", "JY-14", "JY-15", "JZ-12", "zz", "", null, 5, true);
    const cell: fc.Arbitrary<CellValue> = fc.oneof(
      fc.double(),
      fc.integer({ min: 1990, max: 2040 }),
      fc.string({ maxLength: 12 }),
      fc.constantFrom<CellValue>("", null, undefined, true, false, "是", "95%", "1e400", "-", "2024"),
    );
    const range: fc.Arbitrary<CellValue | Matrix> = fc.oneof(cell, fc.array(fc.array(cell, { minLength: 1, maxLength: 3 }), { minLength: 1, maxLength: 3 }));
    const names = Object.keys(IP) as Array<keyof IpFunctions>;
    fc.assert(
      fc.property(fc.constantFrom(...names), ids, range, range, cell, (name, id, a, b, c) => {
        const f = IP[name] as (...args: unknown[]) => unknown;
        try {
          const out = f(id, a, b, c);
          if (typeof out === "number") expect(Number.isNaN(out)).toBe(false);
        } catch (e) {
          expect(e).toBeInstanceOf(MethodError);
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe("settings", () => {
  it("are read on every call, so a change applies at once", () => {
    let settings: MethodSettings = DEFAULT_SETTINGS;
    const fns = createIpFunctions(catalog, () => settings);
    expect(fns.STATUS("JZ-05", 60000, 2024)).toBe("滞后"); // linear: pace 0.903
    settings = { ...DEFAULT_SETTINGS, path: "compound" };
    expect(fns.STATUS("JZ-05", 60000, 2024)).toBe("基本符合预期"); // compound: pace 0.952
    expect(fns.EXPECTED("JZ-05", 2024)).toBeCloseTo(60532.027848, 5);
    settings = { path: "linear", thresholds: { ahead: 1.05, onTrack: 0.9 } };
    expect(fns.STATUS("JZ-05", 60000, 2024)).toBe("基本符合预期");
  });
});

describe("a plan file that failed to load", () => {
  it("is named in the #N/A of its targets instead of 'unknown id'", () => {
    const files = BUNDLED_PLAN_FILES.map((f) => (f.file.endsWith("/JZ.json") ? { file: f.file, data: { ...(f.data as object), period: "2024" } } : f));
    const fns = createIpFunctions(loadCatalog(files));
    expect(() => fns.TARGET("JZ-05")).toThrow(/规划文件 data\/plans\/JZ\.json 有错误.*the plan file data\/plans\/JZ\.json has an error/s);
    expect(fns.TARGET("XZ-01")).toBe(2000);
    expect(() => fns.TARGET("QQ-01")).toThrow(/未知的指标编号/);
  });
});

describe("percent figures are Excel percentages: 0.95 = 95 % (issue 9 §3)", () => {
  it("the percent targets are those with unit % and the kinds measured in %", () => {
    const percent = [...catalog.entries()].filter((e) => isPercentTarget(e.target)).map((e) => e.target.id);
    expect(percent.sort()).toEqual(["HN-14", "JY-14", "JZ-16", "XZ-14"]);
    expect(isPercentTarget({ unit: "", kind: "growth" })).toBe(true);
    expect(isPercentTarget({ unit: "", kind: "growthRate" })).toBe(true);
    expect(isPercentTarget({ unit: "分", kind: "level" })).toBe(false);
  });

  // XZ-14 按期结案率 不低于95% (2026): typed 95% stores 0.95; a percent-formatted cell turns a typed 95 into 0.95.
  it.each<[string, CellValue]>([
    ["typed 95% (stored 0.95)", 0.95],
    ["text \"95%\"", "95%"],
    ["text \"０.９５\"", "０.９５"],
  ])("XZ-14 with %s reads 95 %: 已实现", (_label, actual) => {
    expect(IP.STATUS("XZ-14", actual, 2026)).toBe("已实现");
    expect(IP.COMPLETION("XZ-14", actual, 2026)).toBe(1);
    expect(IP.GAP("XZ-14", actual, 2026)).toBe(0);
  });

  it("90 % typed in 2025: figures out as fractions", () => {
    expect(IP.TARGET("XZ-14")).toBe(0.95);
    expect(IP.INFO("XZ-14", "target_value")).toBe(0.95);
    expect(IP.LIST("XZ").find((r) => r[0] === "XZ-14")?.[6]).toBe(0.95);
    expect(IP.GAP("XZ-14", 0.9, 2025)).toBeCloseTo(0.05, 12);
    expect(IP.REQUIRED("XZ-14", 0.9, 2025)).toBeCloseTo(0.05, 12); // (95 − 90)/1 points
    expect(IP.PROJECT("XZ-14", [[0.8, 0.9]], [[2024, 2025]])).toBeCloseTo(1, 12); // 80, 90 → 100 points in 2026
    expect(IP.COMPLETION("XZ-14", 0.9, 2025)).toBeCloseTo(90 / 95, 12); // a ratio stays a ratio
    // no binary noise: 7 % in is 7 points, out 0.07
    expect(IP.GAP("JZ-16", 0.07, 2025)).toBe(0.13);
  });

  it("a General cell holding 95 is #VALUE! with what to type", () => {
    const e = value(() => IP.STATUS("XZ-14", 95, 2026));
    expect(e.zh).toBe("XZ-14 是百分比指标，实际值95将读作 9500%；百分比请输入 95% 或 0.95");
    expect(e.en).toBe("XZ-14 is a percentage and the actual 95 would read as 9500 %; type 95% or 0.95");
    expect(value(() => IP.STATUS("XZ-14", [[0.9, 95]], 2026)).en).toMatch(/type 95% or 0\.95/);
    expect(value(() => IP.PROJECT("XZ-14", [[90, 95]], [[2025, 2026]])).en).toMatch(/type 95% or 0\.95/);
    expect(value(() => IP.STATUS("JY-14", -20, 2021)).en).toMatch(/type 95% or 0\.95/); // −2000 %: a typed −20
    expect(value(() => IP.STATUS("XZ-14", "950%", 2026)).en).toMatch(/type 95% or 0\.95/);
  });

  it("up to 150 % is a percentage (a growth rate may pass 100 %); 1.5 itself is allowed", () => {
    expect(IP.STATUS("JY-14", 1.5, 2021)).toBe("已实现"); // 150 % ≥ 20 %
    expect(IP.COMPLETION("JY-14", 1.5, 2021)).toBe(7.5);
    expect(value(() => IP.STATUS("JY-14", 1.51, 2021)).code).toBe("VALUE");
  });

  it("a target above 100 % takes any figure (it cannot tell 95 from 9500 %)", () => {
    type PlanData = { targets: { id: string; target: object }[] };
    const raise = (d: PlanData): PlanData => ({ ...d, targets: d.targets.map((t) => (t.id === "JY-14" ? { ...t, target: { ...t.target, value: 200 } } : t)) });
    const big = loadCatalog(BUNDLED_PLAN_FILES.map((f) => (f.file.endsWith("/JY.json") ? { file: f.file, data: raise(f.data as PlanData) } : f)));
    const fns = createIpFunctions(big);
    expect(fns.TARGET("JY-14")).toBe(2);
    expect(fns.STATUS("JY-14", 2.5, 2021)).toBe("已实现");
  });
});

describe("empty cells reach IP.* as \"\" or null and are no data (issue 9 §2)", () => {
  it.each<[string, Matrix]>([
    ["null", [[1810, null, null]]],
    ["\"\"", [[1810, "", ""]]],
    ["undefined", [[1810, undefined, undefined]]],
  ])("XZ-01 with %s after 2024's 1810 reads 快于预期 in 2026", (_label, row) => {
    expect(IP.STATUS("XZ-01", row, 2026)).toBe("快于预期");
  });

  it("a blank passed as 0 would read 倒退: the README's IF(ISBLANK(…),\"\",…) passes \"\" instead", () => {
    expect(IP.STATUS("XZ-01", [[1810, 0, 0]], 2026)).toBe("倒退");
    // =IP.STATUS("XZ-01",IF(ISBLANK(H8:J8),"",H8:J8)) with H8 = 1810 and I8:J8 blank
    const cells: CellValue[] = [1810, null, null];
    const viaIf: Matrix = [cells.map((c) => (c == null ? "" : c))];
    expect(IP.STATUS("XZ-01", viaIf, 2026)).toBe("快于预期");
  });
});
