/**
 * The plan file format and the loader's rules: every bundled plan passes; each kind of invalid
 * file is rejected with a message that names the file, the JSON path and the problem in Chinese
 * and in English; one bad file never takes the others down.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Plan } from "../../src/core/catalog/schema";
import { CatalogError, type CatalogIssue, formatIssue, parsePlanText, validatePlan } from "../../src/core/catalog/validate";
import { loadCatalog, loadCatalogStrict } from "../../src/core/catalog/catalog";
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import { loadCatalogFromDisk, readPlanFiles } from "../../src/node/plan-files";
import { clone, HAN, minimalPlan, REPO } from "./fixtures";

const FILE = "data/plans/TS.json";

function issuesOf(raw: unknown, file = FILE): CatalogIssue[] {
  const r = validatePlan(file, raw);
  if (r.ok) throw new Error("expected the plan to be rejected, but it was accepted");
  return r.issues;
}

/** The one issue at `path`; its message names file and path, and says the problem in both languages. */
function expectIssue(issues: CatalogIssue[], at: string, zh: RegExp, en: RegExp, file = FILE): CatalogIssue {
  const found = issues.filter((i) => i.path === at);
  expect(found.map((i) => i.path)).toContain(at);
  const issue = found.find((i) => zh.test(i.zh) && en.test(i.en));
  if (!issue) throw new Error(`no issue at ${at} matching ${zh} / ${en}; got ${JSON.stringify(found)}`);
  expect(issue.file).toBe(file);
  expect(issue.zh).toMatch(HAN);
  expect(issue.en).toMatch(/[a-z]{3,}/);
  expect(issue.en).not.toMatch(HAN);
  const line = formatIssue(issue);
  expect(line.startsWith(`${file} ${at}: `)).toBe(true);
  expect(line).toContain(issue.zh);
  expect(line).toContain(issue.en);
  return issue;
}

describe("the schema accepts what is bundled", () => {
  it.each(BUNDLED_PLAN_FILES.map((f) => [f.file, f.data] as const))("%s passes the schema and every rule", (file, data) => {
    const r = validatePlan(file, data);
    if (!r.ok) throw new Error(r.issues.map(formatIssue).join("\n"));
    expect(r.plan.targets.length).toBeGreaterThan(0);
    // Zod fills the defaults the files may leave out.
    for (const t of r.plan.targets) {
      expect(Array.isArray(t.milestones)).toBe(true);
      expect(Array.isArray(t.derived)).toBe(true);
      expect(Array.isArray(t.conflicts)).toBe(true);
      expect(["increase", "decrease"]).toContain(t.direction);
    }
  });

  it("the disk files parse as text exactly as the bundle sees them", () => {
    for (const { file, data } of BUNDLED_PLAN_FILES) {
      const text = fs.readFileSync(path.join(REPO, file), "utf8");
      const r = parsePlanText(file, text);
      expect(r.ok).toBe(true);
      expect(JSON.parse(text)).toEqual(data);
    }
  });

  it("the minimal fixture is valid, so each case below fails for its one change only", () => {
    expect(validatePlan(FILE, minimalPlan()).ok).toBe(true);
    expect(Plan.safeParse(minimalPlan()).success).toBe(true);
  });
});

describe("each kind of invalid file is rejected with file, JSON path and problem in Chinese and English", () => {
  it("bad JSON", () => {
    const r = parsePlanText(FILE, '{ "id": "TS", ');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues).toHaveLength(1);
    expectIssue(r.issues, "$", /不是有效的 JSON/, /not valid JSON/);
  });

  it("bad JSON never throws, whatever the text", () => {
    for (const text of ["", "null", "[]", "{", "\u0000", '"plan"', "123"]) {
      expect(() => parsePlanText(FILE, text)).not.toThrow();
      expect(parsePlanText(FILE, text).ok).toBe(false);
    }
  });

  it("a missing field", () => {
    const p = minimalPlan();
    delete p.targets[0].unit;
    expectIssue(issuesOf(p), "$.targets[0].unit", /缺少必填字段/, /required field is missing/);
  });

  it("a missing plan-level field", () => {
    const p = minimalPlan() as Record<string, unknown>;
    delete p.period;
    expectIssue(issuesOf(p), "$.period", /缺少必填字段/, /required field is missing/);
  });

  it("a wrong type", () => {
    const p = minimalPlan();
    p.targets[0].target.value = "130";
    expectIssue(issuesOf(p), "$.targets[0].target.value", /类型不符：应为数字/, /expected number/);
  });

  it("an unknown kind", () => {
    const p = minimalPlan();
    p.targets[1].kind = "total";
    expectIssue(issuesOf(p), "$.targets[1].kind", /取值无效，应为：level、cumulative/, /invalid value; expected one of: level, cumulative/);
  });

  it("a target without any quote", () => {
    const p = minimalPlan();
    p.targets[0].quotes = [];
    expectIssue(issuesOf(p), "$.targets[0].quotes", /至少需要一段规划原文/, /at least one quote/);
  });

  // The Chinese half of a schema message must say the problem in Chinese, not only "格式不符" followed
  // by zod's English text (validate.ts builds zh as `格式不符：${i.message}` with the English message).
  it("a missing field and a wrong type are explained in Chinese, not in zod's English", () => {
    const missing = minimalPlan();
    delete missing.targets[0].unit;
    const [m] = issuesOf(missing);
    expect(m.zh).not.toMatch(/Invalid input|expected|received/);
    expect(m.zh).toMatch(/缺/);

    const wrong = minimalPlan();
    wrong.targets[0].target.value = "130";
    const [w] = issuesOf(wrong);
    expect(w.zh).not.toMatch(/Invalid input|expected|received/);
    expect(w.zh).toMatch(/数字|数值/);
  });

  it("a duplicate target id", () => {
    const p = minimalPlan();
    p.targets[1].id = "TS-01";
    const i = expectIssue(issuesOf(p), "$.targets[1].id", /指标编号 TS-01 重复/, /duplicate target id TS-01/);
    expect(i.en).toContain("$.targets[0]");
  });

  it("a target id without the plan prefix", () => {
    const p = minimalPlan();
    p.targets[1].id = "JZ-02";
    expectIssue(issuesOf(p), "$.targets[1].id", /应以规划编号 TS- 开头/, /must start with the plan id TS-/);
  });

  it.each(["../000_x.txt", "sub/000_x.txt", "sub\\000_x.txt", ".hidden.txt", "000_x.json", "000_x"])("a source that is not a .txt name in data/sources/: %j", (source) => {
    const p = minimalPlan();
    p.source = source;
    expectIssue(issuesOf(p), "$.source", /来源须为 data\/sources\/ 中的 \.txt 文件名/, /source must be a \.txt file name in data\/sources\//);
  });

  it("a county's own source name, in Chinese, is fine", () => {
    const p = minimalPlan();
    p.source = "005_新乡县知识产权规划.txt";
    expect(validatePlan(FILE, p).ok).toBe(true);
  });

  it("a target id that does not look like an id at all", () => {
    const p = minimalPlan();
    p.targets[1].id = "ts 2";
    expectIssue(issuesOf(p), "$.targets[1].id", /指标编号须形如 JZ-05/, /id must look like JZ-05/);
  });

  it("a target year before the base year", () => {
    const p = minimalPlan();
    p.targets[0].base = { year: 2025, value: 100 };
    p.targets[0].target.year = 2024;
    p.targets[0].milestones = [];
    expectIssue(issuesOf(p), "$.targets[0].target.year", /目标年 2024 早于基期年 2025/, /target year 2024 is before the base year 2025/);
  });

  it("a target year outside the period", () => {
    const p = minimalPlan();
    p.targets[1].target.year = 2030;
    expectIssue(issuesOf(p), "$.targets[1].target.year", /不在规划期 2024–2026 内/, /outside the period 2024–2026/);
  });

  it("a milestone outside the period", () => {
    const p = minimalPlan();
    p.targets[0].milestones = [{ year: 2027, value: 125 }];
    expectIssue(issuesOf(p), "$.targets[0].milestones[0].year", /阶段目标年 2027 不在规划期/, /milestone year 2027 is outside the period/);
  });

  it("a milestone before the base year, and two milestones for one year", () => {
    const p = minimalPlan();
    p.targets[0].base = { year: 2025, value: 100 };
    p.targets[0].milestones = [
      { year: 2024, value: 90 },
      { year: 2026, value: 125 },
      { year: 2026, value: 126 },
    ];
    const issues = issuesOf(p);
    expectIssue(issues, "$.targets[0].milestones[0].year", /早于基期年 2025/, /before the base year 2025/);
    expectIssue(issues, "$.targets[0].milestones[2].year", /阶段目标年 2026 重复/, /appears twice/);
  });

  it("a range whose upper end is below its lower end", () => {
    const p = minimalPlan();
    p.targets[1].target.max = 2;
    expectIssue(issuesOf(p), "$.targets[1].target.max", /区间上限 2 小于下限 3/, /upper end 2 is below its lower end 3/);
  });

  it("a range without its upper end", () => {
    const p = minimalPlan();
    p.targets[1].target.max = null;
    expectIssue(issuesOf(p), "$.targets[1].comparator", /区间目标须同时有/, /needs both comparator "range" and target.max/);
  });

  it("an upper end without the range comparator", () => {
    const p = minimalPlan();
    p.targets[1].comparator = "reach";
    expectIssue(issuesOf(p), "$.targets[1].comparator", /区间目标须同时有/, /needs both/);
  });

  it("an upper end without a lower end", () => {
    const p = minimalPlan();
    p.targets[1].kind = "milestone";
    p.targets[1].target.value = null;
    expectIssue(issuesOf(p), "$.targets[1].target.max", /有区间上限却没有下限/, /upper end but no lower end/);
  });

  it.each(["level", "cumulative", "additions", "annual", "growthRate", "growth"])("a quantitative target (%s) without a value", (kind) => {
    const p = minimalPlan();
    p.targets[0].kind = kind;
    p.targets[0].target.value = null;
    expectIssue(issuesOf(p), "$.targets[0].target.value", new RegExp(`定量指标（${kind}）缺少目标值`), new RegExp(`quantitative target \\(${kind}\\) has no target value`));
  });

  it.each(["milestone", "qualitative"])("a %s target that carries a value", (kind) => {
    const p = minimalPlan();
    p.targets[0].kind = kind;
    p.targets[0].milestones = [];
    expectIssue(issuesOf(p), "$.targets[0].target.value", /不应有目标值/, /carries no target value/);
  });

  it("a derivation naming an empty field", () => {
    const p = minimalPlan();
    p.targets[1].derived = [{ field: "baseValue", note: "由增幅反推" }];
    expectIssue(issuesOf(p), "$.targets[1].derived[0].field", /推算说明指向空字段 baseValue/, /names the empty field baseValue/);
  });

  it("a derivation naming a milestone year that has no milestone", () => {
    const p = minimalPlan();
    p.targets[0].derived = [
      { field: "milestones.2025", note: "表头单位（亿）" },
      { field: "milestones.2024", note: "表头单位（亿）" },
    ];
    const issues = issuesOf(p);
    expect(issues.map((i) => i.path)).toEqual(["$.targets[0].derived[1].field"]);
    expectIssue(issues, "$.targets[0].derived[1].field", /milestones\.2024/, /milestones\.2024/);
  });

  it("a derivation naming a field that does not exist", () => {
    const p = minimalPlan();
    p.targets[0].derived = [{ field: "base", note: "x" }];
    expectIssue(issuesOf(p), "$.targets[0].derived[0].field", /字段名须为 baseYear/, /field must be baseYear/);
  });

  it("a period that ends before it starts", () => {
    const p = minimalPlan();
    p.period = { start: 2026, end: 2024 };
    expectIssue(issuesOf(p), "$.period", /规划期结束年早于开始年/, /ends before it starts/);
  });

  it("every problem of a file is reported, not just the first", () => {
    const p = minimalPlan();
    p.targets[1].id = "TS-01";
    p.targets[1].target.max = 2;
    p.targets[0].milestones = [{ year: 2030, value: 1 }];
    const paths = issuesOf(p).map((i) => i.path);
    expect(paths).toEqual(expect.arrayContaining(["$.targets[1].id", "$.targets[1].target.max", "$.targets[0].milestones[0].year"]));
  });
});

describe("across files", () => {
  it("a duplicate plan id is rejected, naming both files", () => {
    const c = loadCatalog([
      { file: "data/plans/TS.json", data: minimalPlan() },
      { file: "data/plans/TS2.json", data: minimalPlan() },
    ]);
    expect(c.plans.map((p) => p.id)).toEqual(["TS"]);
    expect(c.issues).toHaveLength(1);
    const [i] = c.issues;
    expect(i.file).toBe("data/plans/TS2.json");
    expect(i.path).toBe("$.id");
    expect(i.zh).toBe("规划编号 TS 已由 data/plans/TS.json 使用");
    expect(i.en).toBe("plan id TS is already used by data/plans/TS.json");
  });

  it("a bundled plan id used again by a local file is rejected and the bundled plan stays", () => {
    const local = clone(BUNDLED_PLAN_FILES[0].data) as { id: string };
    const c = loadCatalog([...BUNDLED_PLAN_FILES, { file: "data/plans/local.json", data: local }]);
    expect(c.plans).toHaveLength(BUNDLED_PLAN_FILES.length);
    expect(c.issues.map((i) => [i.file, i.path])).toEqual([["data/plans/local.json", "$.id"]]);
  });

  it("one corrupt file does not stop the others", () => {
    const broken = minimalPlan("BR");
    broken.targets[0].target.value = "many";
    const c = loadCatalog([
      { file: "data/plans/BR.json", data: broken },
      ...BUNDLED_PLAN_FILES,
      { file: "data/plans/NULL.json", data: null },
    ]);
    expect(c.plans.map((p) => p.id)).toEqual(BUNDLED_PLAN_FILES.map((f) => (f.data as { id: string }).id));
    expect(c.get("JZ-05")).toBeDefined();
    expect(c.get("BR-01")).toBeUndefined();
    expect(new Set(c.issues.map((i) => i.file))).toEqual(new Set(["data/plans/BR.json", "data/plans/NULL.json"]));
    expect(() => loadCatalogStrict([{ file: "data/plans/BR.json", data: broken }])).toThrow(CatalogError);
  });

  it("loadCatalogStrict's error lists every problem as file, path and both languages", () => {
    const broken = minimalPlan();
    broken.targets[1].target.max = 1;
    try {
      loadCatalogStrict([{ file: FILE, data: broken }]);
      throw new Error("expected CatalogError");
    } catch (e) {
      expect(e).toBeInstanceOf(CatalogError);
      const err = e as CatalogError;
      expect(err.issues).toHaveLength(1);
      expect(err.message).toBe(`${FILE} $.targets[1].target.max: 区间上限 1 小于下限 3 / the range's upper end 1 is below its lower end 3`);
    }
  });

  it("on disk: a file of bad JSON is reported and the good files in the folder still load", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "plans-"));
    try {
      fs.writeFileSync(path.join(dir, "AA.json"), JSON.stringify(minimalPlan("AA")));
      fs.writeFileSync(path.join(dir, "BB.json"), '{"formatVersion": 1, "id": "BB",');
      const bad = minimalPlan("CC");
      bad.targets[0].base = { year: 2027, value: 1 };
      bad.targets[0].milestones = [];
      fs.writeFileSync(path.join(dir, "CC.json"), JSON.stringify(bad));
      fs.writeFileSync(path.join(dir, "notes.txt"), "not a plan");
      const { files, parseErrors } = readPlanFiles(dir);
      expect(files.map((f) => f.file)).toEqual(["data/plans/AA.json", "data/plans/CC.json"]);
      expect(parseErrors).toHaveLength(1);
      expect(parseErrors[0]).toMatch(/^data\/plans\/BB\.json: 不是有效的 JSON：.* \/ not valid JSON: /);
      const { catalog, problems } = loadCatalogFromDisk(dir);
      expect(catalog.plans.map((p) => p.id)).toEqual(["AA"]);
      expect(problems).toHaveLength(2);
      expect(problems[1]).toMatch(/^data\/plans\/CC\.json \$\.targets\[0\]\.target\.year: 目标年 2026 早于基期年 2027 \/ target year 2026 is before the base year 2027$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("the bundled plans on disk load without a problem", () => {
    const { catalog, problems } = loadCatalogFromDisk();
    expect(problems).toEqual([]);
    expect(catalog.plans.map((p) => p.id).sort()).toEqual(BUNDLED_PLAN_FILES.map((f) => (f.data as { id: string }).id).sort());
    expect(catalog.plans.length).toBeGreaterThan(0);
  });
});
