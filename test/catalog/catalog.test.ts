/**
 * The catalogue in memory: lookup by id (tolerant of case and spaces), listing by plan, search by
 * Chinese and English name; and the bundle holds exactly the files in data/plans/ (the list is
 * generated from the folder: see new-plan.test.ts for a plan added without code).
 */
import { bundledCatalog, BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import { Catalog, loadCatalog, normalizeId } from "../../src/core/catalog/catalog";
import fs from "node:fs";
import path from "node:path";
import { minimalPlan, planFilesOnDisk, REPO } from "./fixtures";

const catalog = bundledCatalog();

describe("the bundle", () => {
  it("holds exactly the files in data/plans/, with no list kept by hand", () => {
    const bundled = BUNDLED_PLAN_FILES.map((f) => f.file).sort();
    expect(bundled).toEqual(planFilesOnDisk().map((f) => `data/plans/${f}`));
  });

  it("names each file after the plan id it holds", () => {
    for (const { file, data } of BUNDLED_PLAN_FILES) {
      expect(file).toBe(`data/plans/${(data as { id: string }).id}.json`);
    }
  });

  it("loads every bundled plan without a problem, once, in the order of their source texts", () => {
    expect(catalog.issues).toEqual([]);
    expect(catalog.plans).toHaveLength(planFilesOnDisk().length);
    const sources = catalog.plans.map((p) => p.source);
    expect(sources).toEqual([...sources].sort());
    expect(bundledCatalog()).toBe(catalog);
  });

  it("holds every target of every plan, each id once", () => {
    const all = catalog.plans.flatMap((p) => p.targets.map((t) => t.id));
    expect(new Set(all).size).toBe(all.length);
    expect(catalog.size).toBe(all.length);
    for (const plan of catalog.plans) {
      const onDisk = JSON.parse(fs.readFileSync(path.join(REPO, "data", "plans", `${plan.id}.json`), "utf8"));
      expect(plan.targets.map((t) => t.id)).toEqual(onDisk.targets.map((t: { id: string }) => t.id));
    }
  });

  it("sets at least 80 quantitative targets (a figure to measure against)", () => {
    const quantitative = [...catalog.entries()].filter(({ target }) => target.target.value != null);
    expect(quantitative.length).toBeGreaterThanOrEqual(80);
  });

  it("a plan file that is not JSON is reported by name and left out; the others load", () => {
    const c = loadCatalog([
      { file: "data/plans/XX.json", data: undefined, error: { zh: "不是有效的 JSON：x", en: "not valid JSON: x" } },
      { file: "data/plans/TS.json", data: minimalPlan() },
    ]);
    expect(c.issues).toEqual([{ file: "data/plans/XX.json", path: "$", zh: "不是有效的 JSON：x", en: "not valid JSON: x" }]);
    expect(c.plans.map((p) => p.id)).toEqual(["TS"]);
  });
});

describe("lookup by id", () => {
  it("finds a target by its id and gives its plan", () => {
    const e = catalog.get("JZ-05");
    expect(e?.target.name.zh).toBe("有效商标注册量");
    expect(e?.plan.id).toBe("JZ");
  });

  it.each(["jz-05", " JZ-05 ", "Jz-05", "JZ -05", "jz - 05\t", "\nJZ-05\n"])("tolerates case and spaces: %j", (typed) => {
    expect(catalog.get(typed)?.target.id).toBe("JZ-05");
  });

  it.each(["JZ-5", "JZ-005", "JZ05", "ZZ-01", "", "   ", "JZ-901"])("finds nothing for %j", (typed) => {
    expect(catalog.get(typed)).toBeUndefined();
  });

  it("normalizeId upper-cases and drops white space", () => {
    expect(normalizeId("  xz - 05 ")).toBe("XZ-05");
  });

  // A Chinese IME in full-width mode, or Word/WPS auto-formatting, gives these for JZ-05.
  it.each(["ＪＺ－０５", "ｊｚ－０５", "JZ－05", "JZ–05", "JZ—05", "JZ−05", "JZ‐05", "ＪＺ ー ０５", "JZ-\u300005"])("finds JZ-05 typed as %j", (typed) => {
    expect(catalog.get(typed)?.target.id).toBe("JZ-05");
  });

  it("finds a plan by a full-width or lower-case id", () => {
    expect(catalog.plan("ｊｚ")?.id).toBe("JZ");
    expect(catalog.plan(" xz ")?.id).toBe("XZ");
  });

  it("finds every target of every plan by its own id, lower-cased too", () => {
    for (const plan of catalog.plans) {
      for (const t of plan.targets) {
        expect(catalog.get(t.id)?.target).toBe(t);
        expect(catalog.get(t.id.toLowerCase())?.target).toBe(t);
      }
    }
  });
});

describe("listing by plan", () => {
  it("gives a plan's targets in the file's order, case-insensitively", () => {
    const xc = catalog.plan(" xc ");
    expect(xc?.id).toBe("XC");
    expect(xc?.targets.map((t) => t.id)).toEqual(Array.from({ length: xc!.targets.length }, (_, i) => `XC-${String(i + 1).padStart(2, "0")}`));
    expect(xc?.targets.length).toBeGreaterThan(0);
  });

  it("knows no plan it does not hold", () => {
    expect(catalog.plan("ZZ")).toBeUndefined();
  });

  it("every target id starts with its plan's id", () => {
    for (const { plan, target } of catalog.entries()) expect(target.id.startsWith(plan.id + "-")).toBe(true);
  });
});

describe("search by name", () => {
  const ids = (q: string, plan?: string) => catalog.search(q, plan).map((e) => e.target.id);

  it("by Chinese name, across plans, in table order", () => {
    // 有效商标注册量 (JZ-05, HN-04), 商标有效注册量 (XZ-04) and 有效商标注册总量 (XC-03) all hold 商标.
    const bundledFive = (list: string[]) => list.filter((id) => /^(JZ|XZ|HN|XC|JY)-/.test(id));
    expect(bundledFive(ids("有效商标注册"))).toEqual(["JZ-05", "HN-04", "XC-03"]);
    expect(ids("商标")).toEqual(expect.arrayContaining(["JZ-05", "XZ-04", "HN-04", "XC-03"]));
  });

  it("by English name, case-insensitively", () => {
    expect(ids("valid registered TRADEMARKS")).toEqual(expect.arrayContaining(["JZ-05", "HN-04"]));
    expect(ids("pledge")).toEqual(expect.arrayContaining(["XZ-05", "JY-12"]));
  });

  it("every word must match", () => {
    expect(ids("商标 zzzz")).toEqual([]);
    expect(ids("invention patents 10,000")).toEqual(expect.arrayContaining(["JZ-01", "XZ-02"]));
  });

  it("within one plan", () => {
    expect(ids("商标", "JZ").every((id) => id.startsWith("JZ-"))).toBe(true);
    expect(ids("商标", "JZ")).toContain("JZ-05");
  });

  it("by id", () => {
    expect(ids("jz-05")).toEqual(["JZ-05"]);
  });

  it("an empty query finds nothing", () => {
    expect(ids("")).toEqual([]);
    expect(ids("   ")).toEqual([]);
  });
});

describe("a catalogue of local plans", () => {
  it("works the same for a plan an IT colleague adds", () => {
    const c: Catalog = loadCatalog([{ file: "data/plans/TS.json", data: minimalPlan() }]);
    expect(c.issues).toEqual([]);
    expect(c.get("ts-02")?.target.target).toEqual({ year: 2026, value: 3, max: 5 });
    expect(c.search("运营中心").map((e) => e.target.id)).toEqual(["TS-02"]);
  });
});
