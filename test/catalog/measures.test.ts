/**
 * The measure vocabulary (data/measures.json) and the measures the plans name: the bundled data
 * holds; check:data, the build's check and the run-time loaders each catch a planted mistake; a
 * plan loaded at run time with a wrong measure is kept, the measure set to null and named.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { readMeasureFile, checkedPlans } from "../../src/build/checked-catalog";
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import { loadCatalog, loadCatalogStrict } from "../../src/core/catalog/catalog";
import { checkData } from "../../src/core/catalog/check-data";
import { fitMeasures, MEASURES, measureById, measureMisfit } from "../../src/core/catalog/measures";
import { MeasureFile, type Plan } from "../../src/core/catalog/schema";
import { importPlanIntoWorkbook, mergePlans, type SourcedFile } from "../../src/core/catalog/sources";
import { validateMeasureFile, validatePlan } from "../../src/core/catalog/validate";
import { createIpFunctions } from "../../src/core/functions/ip";
import { MethodError } from "../../src/core/method/method";
import { runCheckData } from "../../scripts/check-data";
import { clone, HAN, REPO, SOURCES } from "./fixtures";

const measuresPath = path.join(REPO, "data", "measures.json");
const measuresJson = () => JSON.parse(fs.readFileSync(measuresPath, "utf8"));
const planJson = (id: string) => clone(BUNDLED_PLAN_FILES.find((f) => f.file.endsWith(`/${id}.json`))!.data) as Plan;
const at = (plan: Plan, id: string) => plan.targets.findIndex((t) => t.id === id);
const sources = new Map(fs.readdirSync(SOURCES).filter((f) => f.endsWith(".txt")).map((f) => [f, fs.readFileSync(path.join(SOURCES, f), "utf8")] as const));

function bilingual(i: { zh: string; en: string }) {
  expect(i.zh).toMatch(HAN);
  expect(i.en).toMatch(/[a-z]{3,} [a-z]{3,}/);
}

describe("data/measures.json", () => {
  it("is a valid MeasureFile with no id twice, every unit a base unit, every text in both languages", () => {
    const raw = measuresJson();
    expect(MeasureFile.safeParse(raw).success).toBe(true);
    expect(validateMeasureFile("data/measures.json", raw)).toMatchObject({ ok: true });
    const ids = MEASURES.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of MEASURES) {
      expect(["件", "个", "家", "人", "元", "%", "分"]).toContain(m.unit);
      expect(m.name.zh).toMatch(HAN);
      expect(m.definition.zh).toMatch(HAN);
      expect(m.definition.en).not.toMatch(HAN);
    }
  });

  it("says for each measure who publishes it and whether it is a year-end stock, a flow within the year or a yearly figure", () => {
    for (const m of MEASURES) {
      expect(m.definition.zh).toMatch(/国家知识产权局|国家统计局|科技部门|认证机构/);
      expect(m.definition.zh).toMatch(/年末存量|年内流量|年度比值|年度得分|年末存量之比/);
    }
  });

  it("marks ratios, per-capita figures, scores and boundary-crossing counts as not additive", () => {
    const additive = (id: string) => measureById(id)!.additive;
    for (const id of ["invention-patents-per-10k", "high-value-patents-per-10k", "patent-intensive-industries-gdp-share", "ip-protection-satisfaction", "gi-products"]) {
      expect(additive(id)).toBe(false);
    }
    for (const id of ["valid-invention-patents", "valid-trademarks", "pct-applications", "patent-pledge-financing-amount", "ip-pledge-financing-amount", "gi-mark-users"]) {
      expect(additive(id)).toBe(true);
    }
  });
});

describe("the measures the bundled plans name", () => {
  const catalog = loadCatalogStrict(BUNDLED_PLAN_FILES);
  const ids = (measure: string) => catalog.byMeasure(measure).map((e) => e.target.id);

  it("are all in the vocabulary, each with the measure's unit (the strict load and check:data pass)", () => {
    for (const e of catalog.entries()) expect(measureMisfit(e.target)).toBeNull();
    expect(catalog.measureIds().length).toBeGreaterThanOrEqual(18);
    // Every vocabulary entry is used by a bundled target: none is there for nothing.
    expect(new Set(catalog.measureIds())).toEqual(new Set(MEASURES.map((m) => m.id)));
  });

  const sorted = (measure: string) => ids(measure).sort();

  it("put the same statistic of different plans side by side", () => {
    expect(sorted("valid-trademarks")).toEqual(["HN-04", "JZ-05", "XC-03", "XZ-04"]);
    expect(ids("valid-invention-patents")).toEqual(expect.arrayContaining(["XC-01", "XZ-01"]));
    expect(sorted("high-value-patents-per-10k")).toEqual(["HN-01", "JZ-01", "XZ-02"]);
    expect(ids("invention-patents-per-10k")).toEqual(expect.arrayContaining(["JY-06", "XC-02"]));
    expect(ids("pct-applications")).toEqual(expect.arrayContaining(["HN-02", "JY-07", "XZ-03"]));
    expect(ids("ip-protection-satisfaction")).toEqual(expect.arrayContaining(["HN-15", "JY-19"]));
  });

  it("keep apart what the plans' words keep apart: patent-only vs all-IP pledges, and the three GI statistics", () => {
    expect(sorted("patent-pledge-financing-amount")).toEqual(["HN-10", "XZ-05"]); // 专利质押融资金额
    expect(ids("ip-pledge-financing-amount")).toEqual(expect.arrayContaining(["HN-09", "JY-12", "XC-04"])); // 知识产权质押融资额
    expect(ids("gi-products")).toEqual(["HN-07"]); // 地理标志产品
    expect(ids("gi-certification-marks")).toEqual(["JZ-06"]); // 地理标志证明商标
    expect(sorted("gi-mark-users")).toEqual(["HN-08", "JZ-07"]); // 地理标志专用标志使用企业
  });

  it("leave null what is close but another statistic (docs/data.md lists why)", () => {
    const none = (id: string) => expect(catalog.get(id)!.target.measure).toBeNull();
    none("XZ-30"); // 年知识产权质押融资企业（个）: unit 个, the measure counts 家
    none("XZ-09"); // 省级以上优势示范企业: provincial ones too, not only national
    none("HN-46"); // 具有地理标志类知识产权的国家优势示范企业: a subset
    none("XC-11"); // 知识产权社会满意度 qualitative, no unit
    none("JY-14"); // a growth rate of case numbers
  });
});

describe("check:data rejects a planted measure mistake", () => {
  const check = (plan: unknown, measures?: { file: string; data: unknown }) =>
    checkData([{ file: `data/plans/${(plan as Plan).id}.json`, text: JSON.stringify(plan) }], sources, false, measures).issues;

  it("an unknown measure", () => {
    const jz = planJson("JZ");
    const i = at(jz, "JZ-05");
    expect(check(jz)).toEqual([]);
    jz.targets[i].measure = "valid-trademark";
    const issues = check(jz);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: "data/plans/JZ.json", path: `$.targets[${i}].measure` });
    expect(issues[0].en).toContain('JZ-05: measure "valid-trademark" is not in data/measures.json');
    bilingual(issues[0]);
  });

  it("a measure whose unit does not fit: 知识产权质押融资额 in 元 named as enterprises in 家", () => {
    const xc = planJson("XC");
    const i = at(xc, "XC-04");
    xc.targets[i].measure = "pledge-financing-enterprises";
    const [issue] = check(xc);
    expect(issue.path).toBe(`$.targets[${i}].measure`);
    expect(issue.en).toMatch(/unit "元" does not fit measure "Enterprises with IP pledge financing" \(unit "家"\)/);
    expect(issue.zh).toContain("单位“元”与统计口径“知识产权质押融资企业数”的单位“家”不符");
  });

  it("a measure typed as a Chinese name instead of an id: named with what an id looks like, the plan not dropped", () => {
    const xz = planJson("XZ");
    const i = at(xz, "XZ-01");
    xz.targets[i].measure = "有效发明专利拥有量";
    const issues = check(xz);
    expect(issues.map((x) => x.path)).toEqual([`$.targets[${i}].measure`]);
    expect(issues[0].en).toMatch(/an id is lower-case words joined by dashes/);
    expect(issues[0].zh).toMatch(/小写英文词以连字符连接/);
  });

  it("the command fails on it, naming the file and the place", () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "measure-"));
    try {
      const jz = planJson("JZ");
      jz.targets[at(jz, "JZ-01")].measure = "no-such-measure";
      const file = path.join(tmp, "JZ.json");
      fs.writeFileSync(file, JSON.stringify(jz, null, 2));
      const { lines, code } = runCheckData([file], REPO, tmp);
      expect(code).toBe(1);
      expect(lines[0]).toBe(
        `JZ.json $.targets[${at(jz, "JZ-01")}].measure: JZ-01 的统计口径“no-such-measure”不在 data/measures.json 中；此统计口径不予采用，指标照常使用 / JZ-01: measure "no-such-measure" is not in data/measures.json; the measure is not used, the target still is`,
      );
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("check:data checks data/measures.json itself", () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "measures-"));
    for (const sub of ["plans", "sources"]) {
      fs.mkdirSync(path.join(root, "data", sub), { recursive: true });
      for (const f of fs.readdirSync(path.join(REPO, "data", sub))) fs.copyFileSync(path.join(REPO, "data", sub, f), path.join(root, "data", sub, f));
    }
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));
  const write = (text: string) => fs.writeFileSync(path.join(root, "data", "measures.json"), text);

  it("passes the repository's own file in a copy of data/", () => {
    fs.copyFileSync(measuresPath, path.join(root, "data", "measures.json"));
    expect(runCheckData([], root).code).toBe(0);
  });

  it("a measure id used twice", () => {
    const raw = measuresJson();
    raw.measures.push({ ...raw.measures[3], name: { zh: "另一个", en: "Another" } });
    write(JSON.stringify(raw, null, 2));
    const { lines, code } = runCheckData([], root);
    expect(code).toBe(1);
    expect(lines).toContain(
      `data/measures.json $.measures[${raw.measures.length - 1}].id: 统计口径编号 ${raw.measures[3].id} 重复（另见 $.measures[3]） / duplicate measure id ${raw.measures[3].id} (also at $.measures[3])`,
    );
  });

  it("a field of the wrong type or missing, by its JSON path", () => {
    const raw = measuresJson();
    raw.measures[0].additive = "yes";
    delete raw.measures[1].definition;
    write(JSON.stringify(raw));
    const issues = validateMeasureFile("data/measures.json", raw);
    expect(issues.ok).toBe(false);
    const paths = !issues.ok ? issues.issues.map((i) => i.path) : [];
    expect(paths).toEqual(expect.arrayContaining(["$.measures[0].additive", "$.measures[1].definition"]));
    const { lines, code } = runCheckData([], root);
    expect(code).toBe(1);
    expect(lines).toContain("data/measures.json $.measures[1].definition: 缺少必填字段 / a required field is missing");
    expect(lines.some((l) => l.startsWith("data/measures.json $.measures[0].additive: 类型不符"))).toBe(true);
  });

  it("a measure id of the wrong shape", () => {
    const raw = measuresJson();
    raw.measures[0].id = "Valid Invention Patents";
    expect(validateMeasureFile("data/measures.json", raw)).toMatchObject({
      ok: false,
      issues: [{ path: "$.measures[0].id", en: "a measure id is lower-case words joined by dashes" }],
    });
  });

  it("text that is not JSON, by line and column", () => {
    write('{\n  "formatVersion": 1,\n  "measures": [,]\n}');
    const { lines, code } = runCheckData([], root);
    expect(code).toBe(1);
    expect(lines[0]).toMatch(/^data\/measures\.json \$: 不是有效的 JSON：第 3 行第 16 列.* \/ not valid JSON: line 3, column 16/);
  });

  it("the plans are held against the vocabulary of the folder checked: a measure removed from it fails its targets", () => {
    const raw = measuresJson();
    raw.measures = raw.measures.filter((m: { id: string }) => m.id !== "valid-trademarks");
    write(JSON.stringify(raw));
    const { lines, code } = runCheckData([], root);
    expect(code).toBe(1);
    const hits = lines.filter((l) => l.includes('measure "valid-trademarks" is not in data/measures.json'));
    expect(hits.map((l) => l.split(" ")[0])).toEqual(["data/plans/HN.json", "data/plans/JZ.json", "data/plans/XC.json", "data/plans/XZ.json"]);
  });
});

describe("the build's catalogue check fails on a measure mistake", () => {
  const withMeasure = (id: string, targetId: string, measure: string) =>
    BUNDLED_PLAN_FILES.map((f) => {
      if (!f.file.endsWith(`/${id}.json`)) return f;
      const data = clone(f.data) as Plan;
      data.targets[at(data, targetId)].measure = measure;
      return { ...f, data };
    });

  it("passes the bundled plans with the repository's vocabulary", () => {
    expect(checkedPlans(BUNDLED_PLAN_FILES, readMeasureFile(measuresPath)).length).toBe(BUNDLED_PLAN_FILES.length);
  });

  it("an unknown measure", () => {
    expect(() => checkedPlans(withMeasure("HN", "HN-04", "trademarks"))).toThrow(
      /data\/plans\/HN\.json \$\.targets\[\d+\]\.measure: HN-04 的统计口径“trademarks”不在 data\/measures\.json 中.* \/ HN-04: measure "trademarks" is not in data\/measures\.json/,
    );
  });

  it("a unit that does not fit", () => {
    expect(() => checkedPlans(withMeasure("HN", "HN-15", "valid-trademarks"))).toThrow(/HN-15: unit "分" does not fit measure "Valid registered trademarks" \(unit "件"\)/);
  });

  it("a broken vocabulary: an id twice, or text that is not JSON", () => {
    const raw = measuresJson();
    raw.measures.push(raw.measures[0]);
    expect(() => checkedPlans(BUNDLED_PLAN_FILES, { file: "data/measures.json", data: raw })).toThrow(/data\/measures\.json \$\.measures\[\d+\]\.id: 统计口径编号 valid-invention-patents 重复/);
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "measures-build-"));
    try {
      fs.writeFileSync(path.join(tmp, "measures.json"), '{"formatVersion": 1, "measures": [}');
      expect(() => readMeasureFile(path.join(tmp, "measures.json"))).toThrow(/data\/measures\.json \$: 不是有效的 JSON：第 1 行第 35 列.* \/ not valid JSON: line 1, column 35/);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe("a plan loaded at run time with a wrong measure is kept", () => {
  /** SL-like county plan: JZ's data under another id, as a county would deploy or store it. */
  function county(measure: string, target = "JZ-05") {
    const p = planJson("JZ") as Plan & { id: string };
    const i = at(p, target);
    p.targets[i].measure = measure;
    const id = "KF";
    return { plan: { ...p, id, targets: p.targets.map((t) => ({ ...t, id: t.id.replace(/^JZ-/, `${id}-`) })) }, index: i };
  }

  it("loadCatalog: the plan loads, that target's measure is null, the others keep theirs, and the issue is named", () => {
    const { plan, index } = county("valid-trademark");
    const catalog = loadCatalog([{ file: "plans/KF.json", data: plan }]);
    expect(catalog.plans.map((p) => p.id)).toEqual(["KF"]);
    expect(catalog.get("KF-05")!.target.measure).toBeNull();
    expect(catalog.get("KF-01")!.target.measure).toBe("high-value-patents-per-10k");
    expect(catalog.byMeasure("valid-trademarks")).toEqual([]);
    expect(catalog.issues).toHaveLength(1);
    expect(catalog.issues[0]).toMatchObject({ file: "plans/KF.json", path: `$.targets[${index}].measure` });
    bilingual(catalog.issues[0]);
    expect(() => loadCatalogStrict([{ file: "plans/KF.json", data: plan }])).toThrow(/KF-05: measure "valid-trademark" is not in data\/measures\.json/);
  });

  it("a measure of the wrong shape or unit is kept out the same way; the plan's figures are untouched", () => {
    const odd = county("有效商标注册量").plan;
    const misfit = county("ip-protection-satisfaction").plan;
    for (const plan of [odd, misfit]) {
      const catalog = loadCatalog([{ file: "plans/KF.json", data: plan }]);
      expect(catalog.get("KF-05")!.target).toMatchObject({ measure: null, target: { value: 67000 } });
      expect(catalog.issues.map((i) => i.path)).toEqual([`$.targets[${at(plan, "KF-05")}].measure`]);
    }
    // validatePlan alone keeps the typed text for the measure check to name.
    const v = validatePlan("plans/KF.json", odd);
    expect(v.ok && v.plan.targets[at(odd, "KF-05")].measure).toBe("有效商标注册量");
  });

  it("fitMeasures leaves a plan whose measures fit as it is", () => {
    const jz = planJson("JZ");
    const r = fitMeasures("data/plans/JZ.json", jz);
    expect(r.issues).toEqual([]);
    expect(r.plan).toBe(jz);
  });

  it("deployed and workbook plans: kept, with a note in Chinese and English (kind measure), not counted as a file that failed", () => {
    const bundled: SourcedFile[] = BUNDLED_PLAN_FILES.map((f) => ({ ...f, origin: "bundled" }));
    const deployed = county("no-such-measure").plan;
    const stored = { ...county("ip-protection-satisfaction", "JZ-09").plan, id: "WS" };
    stored.targets = stored.targets.map((t) => ({ ...t, id: t.id.replace(/^KF-/, "WS-") }));
    const m = mergePlans([
      ...bundled,
      { origin: "deployed", file: "plans/KF.json", text: JSON.stringify(deployed) },
      { origin: "workbook", file: "WS.json", text: JSON.stringify(stored) },
    ]);
    expect(m.catalog.plan("KF")).toBeDefined();
    expect(m.catalog.plan("WS")).toBeDefined();
    expect(m.catalog.get("KF-05")!.target.measure).toBeNull();
    expect(m.catalog.get("WS-09")!.target.measure).toBeNull();
    expect(m.catalog.get("WS-05")!.target.measure).toBe("valid-trademarks");
    expect(m.catalog.issues).toEqual([]);
    expect(m.notes.map((n) => [n.origin, n.file, n.kind, n.path])).toEqual([
      ["deployed", "plans/KF.json", "measure", `$.targets[${at(deployed, "KF-05")}].measure`],
      ["workbook", "WS.json", "measure", `$.targets[${at(stored, "WS-09")}].measure`],
    ]);
    expect(m.notes[0].zh).toMatch(/^部署目录规划：KF-05 的统计口径“no-such-measure”不在 data\/measures\.json 中/);
    expect(m.notes[1].en).toMatch(/^workbook plan: WS-09: unit "家" does not fit measure "Public satisfaction with IP protection" \(unit "分"\)/);
    // The functions still answer for the kept plan's targets.
    expect(createIpFunctions(m.catalog).TARGET("KF-05")).toBe(67000);
  });

  it("a replaced plan's measures are not reported, only those of the plan in use", () => {
    const bad = planJson("JZ");
    bad.targets[at(bad, "JZ-05")].measure = "nope";
    const m = mergePlans([
      ...BUNDLED_PLAN_FILES.filter((f) => !f.file.endsWith("/JZ.json")).map((f) => ({ ...f, origin: "bundled" as const })),
      { origin: "deployed", file: "plans/JZ.json", text: JSON.stringify(bad) },
      { origin: "workbook", file: "JZ.json", text: JSON.stringify(planJson("JZ")) },
    ]);
    expect(m.notes.map((n) => n.kind)).toEqual(["replaced"]);
    expect(m.catalog.get("JZ-05")!.target.measure).toBe("valid-trademarks");
  });

  it("storing such a plan in a workbook is not refused: nothing an official brought in is lost", () => {
    const r = importPlanIntoWorkbook(null, "KF.json", JSON.stringify(county("有效商标").plan));
    expect(r.ok).toBe(true);
  });

  it("IP.* on an unknown id of a plan that loaded with a measure note says the id is unknown, not that the file failed", () => {
    const catalog = loadCatalog([{ file: "plans/KF.json", data: county("nope").plan }]);
    const ip = createIpFunctions(catalog);
    let error: unknown;
    try {
      ip.TARGET("KF-99");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(MethodError);
    expect((error as MethodError).message).toMatch(/未知的指标编号「KF-99」/);
  });
});

describe("docs/data.md, Measures", () => {
  const doc = fs.readFileSync(path.join(REPO, "docs", "data.md"), "utf8");
  const section = (from: string, to: string) => doc.slice(doc.indexOf(from), doc.indexOf(to, doc.indexOf(from)));

  it("lists every measure with its unit, additivity and bundled targets as the data has them", () => {
    const catalog = loadCatalogStrict(BUNDLED_PLAN_FILES);
    const rows = [...section("### The vocabulary", "**Decided from").matchAll(/^\| `([a-z0-9-]+)` \| (.+?) \| (.+?) \| (yes|no) .+? \| (.*?) \|$/gm)];
    expect(rows.map((r) => r[1])).toEqual(MEASURES.map((m) => m.id));
    for (const [, id, name, unit, additive, targets] of rows) {
      const m = measureById(id)!;
      expect(name).toBe(`${m.name.zh} / ${m.name.en}`);
      expect(unit).toBe(m.unit);
      expect(additive === "yes").toBe(m.additive);
      expect(targets.split(", ").sort()).toEqual(catalog.byMeasure(id).map((e) => e.target.id).sort());
    }
  });

  it("every target it leaves without a measure has none", () => {
    const catalog = loadCatalogStrict(BUNDLED_PLAN_FILES);
    const named = [...section("**Left without a measure", "### Name a measure").matchAll(/\b(HN|JZ|JY|XC|XZ)-\d{2}\b/g)].map((m) => m[0]);
    expect(named.length).toBeGreaterThan(15);
    for (const id of named) expect([id, catalog.get(id)!.target.measure]).toEqual([id, null]);
  });
});

describe("the webpack loader (src/build/checked-catalog.ts)", () => {
  let root: string;
  const deps: string[] = [];
  const context = () => ({
    rootContext: root,
    addDependency: (f: string) => deps.push(f),
    addContextDependency: () => undefined,
    getOptions: () => ({ dir: path.join(REPO, "data", "plans") }),
  });
  beforeEach(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), "measures-loader-"));
    fs.mkdirSync(path.join(root, "scripts"));
    fs.mkdirSync(path.join(root, "data"));
    fs.copyFileSync(path.join(REPO, "scripts", "plan-list.cjs"), path.join(root, "scripts", "plan-list.cjs"));
    deps.length = 0;
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("reads data/measures.json, watches it, and fails the build when it is broken", async () => {
    const loader = (await import("../../src/build/checked-catalog")).default;
    const file = path.join(root, "data", "measures.json");
    fs.copyFileSync(measuresPath, file);
    expect(loader.call(context())).toContain("export function bundledCatalog()");
    expect(deps).toContain(file);
    const raw = measuresJson();
    raw.measures = raw.measures.filter((m: { id: string }) => m.id !== "valid-trademarks");
    fs.writeFileSync(file, JSON.stringify(raw));
    expect(() => loader.call(context())).toThrow(/HN-04: measure "valid-trademarks" is not in data\/measures\.json/);
    fs.writeFileSync(file, "{\n  \"formatVersion\": 1,\n  \"measures\": [\n    {,\n  ]\n}");
    expect(() => loader.call(context())).toThrow(/data\/measures\.json \$: 不是有效的 JSON：第 4 行第 6 列/);
  });
});
