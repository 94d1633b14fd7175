/**
 * Plans at run time: bundled, deployed (plans/index.json beside the add-in) and workbook plans merged
 * with a defined precedence (workbook > deployed > bundled), each validated like a bundled plan; a
 * bad file is named and skipped while the rest load.
 */
import fs from "node:fs";
import path from "node:path";
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import {
  decodeWorkbookPlans,
  deployedPlanUrls,
  importPlanIntoWorkbook,
  loadDeployedPlans,
  mergePlans,
  parseDeployedIndex,
  type SourcedFile,
} from "../../src/core/catalog/sources";
import { createIpFunctions } from "../../src/core/functions/ip";
import { clone } from "./fixtures";

const bundled: SourcedFile[] = BUNDLED_PLAN_FILES.map((f) => ({ ...f, origin: "bundled" }));
const bundledIds = BUNDLED_PLAN_FILES.map((f) => (f.data as { id: string }).id);
const slText = fs.readFileSync(path.join(__dirname, "walkthrough", "SL.json"), "utf8");
const jz = () => clone(BUNDLED_PLAN_FILES.find((f) => f.file.endsWith("/JZ.json"))!.data) as { targets: Array<{ id: string; target: { value: number | null } }> };
/** JZ with JZ-05's target changed, so a test can see which version is in use. */
function jzWith(value: number) {
  const p = jz();
  p.targets.find((t) => t.id === "JZ-05")!.target.value = value;
  return p;
}

describe("merging bundled, deployed and workbook plans", () => {
  it("bundled alone: the bundled catalogue, every plan marked bundled", () => {
    const m = mergePlans(bundled);
    expect(m.catalog.plans.map((p) => p.id)).toEqual(bundledIds);
    expect([...m.origins.values()].every((o) => o === "bundled")).toBe(true);
    expect(m.notes).toEqual([]);
    expect(m.catalog.issues).toEqual([]);
  });

  it("a deployed plan of a new id is added after the bundled ones, from its text", () => {
    const m = mergePlans([...bundled, { origin: "deployed", file: "plans/SL.json", text: slText }]);
    expect(m.catalog.plans.map((p) => p.id)).toEqual([...bundledIds, "SL"]);
    expect(m.origins.get("SL")).toBe("deployed");
    expect(createIpFunctions(m.catalog).TARGET("SL-05", null)).toBe(200000000);
  });

  it("a deployed plan replaces the bundled one of the same id, keeps its place, and says so", () => {
    const m = mergePlans([...bundled, { origin: "deployed", file: "plans/JZ.json", data: jzWith(70000) }]);
    expect(m.catalog.plans.map((p) => p.id)).toEqual(bundledIds);
    expect(m.origins.get("JZ")).toBe("deployed");
    expect(createIpFunctions(m.catalog).TARGET("JZ-05", null)).toBe(70000);
    expect(m.notes).toEqual([
      expect.objectContaining({
        kind: "replaced",
        origin: "bundled",
        file: "data/plans/JZ.json",
        zh: "规划 JZ 使用部署目录中的版本（plans/JZ.json），内置版本（data/plans/JZ.json）未使用",
        en: "plan JZ comes from the deployed file plans/JZ.json; the bundled one (data/plans/JZ.json) is not used",
      }),
    ]);
    expect(m.catalog.issues).toEqual([]);
  });

  it("workbook beats deployed beats bundled, whatever order the files come in", () => {
    const files: SourcedFile[] = [
      { origin: "workbook", file: "工作簿:JZ", data: jzWith(71000) },
      { origin: "deployed", file: "plans/JZ.json", data: jzWith(70000) },
      ...bundled,
    ];
    const m = mergePlans(files);
    expect(m.origins.get("JZ")).toBe("workbook");
    expect(createIpFunctions(m.catalog).TARGET("JZ-05", null)).toBe(71000);
    expect(m.notes.map((n) => [n.kind, n.origin, n.file])).toEqual([
      ["replaced", "bundled", "data/plans/JZ.json"],
      ["replaced", "deployed", "plans/JZ.json"],
    ]);
  });

  it("a bad file is named and skipped; everything else keeps working", () => {
    const broken = jz();
    (broken.targets[0] as Record<string, unknown>).kind = "total";
    const m = mergePlans([
      ...bundled,
      { origin: "deployed", file: "plans/BAD.json", text: "{ not json" },
      { origin: "workbook", file: "工作簿:JZ", data: broken },
      { origin: "deployed", file: "plans/SL.json", text: "\uFEFF" + slText },
    ]);
    expect(m.catalog.plans.map((p) => p.id)).toEqual([...bundledIds, "SL"]);
    expect(m.origins.get("JZ")).toBe("bundled"); // the broken workbook copy did not replace it
    expect(createIpFunctions(m.catalog).TARGET("JZ-05", null)).toBe(67000);
    const invalid = m.notes.filter((n) => n.kind === "invalid");
    expect(invalid.map((n) => [n.file, n.path])).toEqual([
      ["plans/BAD.json", "$"],
      ["工作簿:JZ", "$.targets[0].kind"],
    ]);
    expect(invalid[0].zh).toMatch(/^已跳过（部署目录）：不是有效的 JSON/);
    expect(invalid[0].en).toMatch(/^skipped \(deployed\): not valid JSON/);
    expect(m.catalog.issues.map((i) => i.file)).toEqual(["plans/BAD.json", "工作簿:JZ"]);
  });

  it("the same id twice in one place: the first is used, the second named", () => {
    const m = mergePlans([
      ...bundled,
      { origin: "deployed", file: "plans/SL.json", text: slText },
      { origin: "deployed", file: "plans/SL-copy.json", text: slText },
    ]);
    expect(m.catalog.plans.filter((p) => p.id === "SL")).toHaveLength(1);
    expect(m.notes).toEqual([
      expect.objectContaining({ kind: "duplicate", file: "plans/SL-copy.json", en: "skipped: plan id SL is already used by plans/SL.json (deployed)" }),
    ]);
  });
});

describe("plans/index.json of a deployment", () => {
  it("lists plan files by name", () => {
    expect(parseDeployedIndex('{"plans": ["SL.json", "新乡.json"]}')).toEqual({ files: ["SL.json", "新乡.json"], notes: [] });
    expect(parseDeployedIndex('\uFEFF{"plans": []}')).toEqual({ files: [], notes: [] });
  });

  it.each(["../secret.json", "https://elsewhere.example/x.json", "sub/x.json", "sub\\x.json", ".x.json", "x.txt", "x y.json", 5, null])(
    "refuses %j and reads on",
    (bad) => {
      const { files, notes } = parseDeployedIndex(JSON.stringify({ plans: [bad, "SL.json"] }));
      expect(files).toEqual(["SL.json"]);
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatchObject({ origin: "deployed", file: "plans/index.json", path: "$.plans[0]", kind: "invalid" });
      expect(notes[0].en).toMatch(/is not a \.json file name in this folder; ignored$/);
    },
  );

  it("a broken index is named, and loads nothing", () => {
    expect(parseDeployedIndex("{").notes[0]).toMatchObject({ path: "$", en: expect.stringMatching(/^not valid JSON/) });
    expect(parseDeployedIndex('["SL.json"]').notes[0]).toMatchObject({ path: "$.plans", zh: expect.stringContaining("须为") });
    expect(parseDeployedIndex('{"plans": ["SL.json", "SL.json"]}')).toMatchObject({ files: ["SL.json"], notes: [{ path: "$.plans[1]" }] });
  });

  it("the plan files are fetched from plans/ beside the add-in's page, and nowhere else", () => {
    expect(deployedPlanUrls("https://intranet.example/ip-addin/", ["SL.json", "新乡.json"])).toEqual([
      "https://intranet.example/ip-addin/plans/SL.json",
      "https://intranet.example/ip-addin/plans/%E6%96%B0%E4%B9%A1.json",
    ]);
    expect(deployedPlanUrls("https://intranet.example/ip-addin", ["SL.json"])).toEqual(["https://intranet.example/ip-addin/plans/SL.json"]);
  });
});

describe("loading a deployment's plans", () => {
  const BASE = "https://intranet.example/ip-addin/";
  const site = (files: Record<string, string>) => {
    const asked: string[] = [];
    const fetchText = async (url: string) => {
      asked.push(url);
      return files[url.slice(BASE.length)] ?? null;
    };
    return { asked, fetchText };
  };

  it("reads the index, then each listed file, from plans/ beside the add-in only", async () => {
    const { asked, fetchText } = site({ "plans/index.json": '{"plans": ["SL.json", "../x.json"]}', "plans/SL.json": slText });
    const { files, notes } = await loadDeployedPlans(BASE, fetchText);
    expect(asked).toEqual([`${BASE}plans/index.json`, `${BASE}plans/SL.json`]);
    expect(files).toEqual([{ origin: "deployed", file: "plans/SL.json", text: slText }]);
    expect(notes.map((n) => n.path)).toEqual(["$.plans[1]"]);
    expect(mergePlans([...bundled, ...files]).catalog.plan("SL")).toBeDefined();
  });

  it("no index: no deployed plans and nothing to report; a listed file that is missing is named", async () => {
    expect(await loadDeployedPlans(BASE, site({}).fetchText)).toEqual({ files: [], notes: [] });
    const failing = async () => {
      throw new Error("offline");
    };
    expect(await loadDeployedPlans(BASE, failing)).toEqual({ files: [], notes: [] });
    const { notes } = await loadDeployedPlans(BASE, site({ "plans/index.json": '{"plans": ["WS.json"]}' }).fetchText);
    expect(notes).toEqual([expect.objectContaining({ file: "plans/WS.json", en: "WS.json, listed in plans/index.json, cannot be read; skipped" })]);
  });
});

describe("plans stored in a workbook", () => {
  it("an imported plan is stored as its text and read back as a workbook plan", () => {
    const r = importPlanIntoWorkbook(null, "SL.json", slText);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    expect([r.planId, r.replaced]).toEqual(["SL", false]);
    const { files, notes } = decodeWorkbookPlans(r.stored);
    expect(notes).toEqual([]);
    expect(files).toEqual([{ origin: "workbook", file: "SL.json", text: slText }]);
    const m = mergePlans([...bundled, ...files]);
    expect(m.origins.get("SL")).toBe("workbook");
  });

  it("importing the same plan id again replaces it; other stored plans stay", () => {
    const first = importPlanIntoWorkbook(null, "JZ-local.json", JSON.stringify(jzWith(70000)));
    if (!first.ok) throw new Error("import failed");
    const second = importPlanIntoWorkbook(first.stored, "SL.json", slText);
    if (!second.ok) throw new Error("import failed");
    const third = importPlanIntoWorkbook(second.stored, "JZ-new.json", JSON.stringify(jzWith(72000)));
    if (!third.ok) throw new Error("import failed");
    expect(third.replaced).toBe(true);
    const files = decodeWorkbookPlans(third.stored).files.map((f) => f.file);
    expect(files).toEqual(["SL.json", "JZ-new.json"]);
    expect(createIpFunctions(mergePlans([...bundled, ...decodeWorkbookPlans(third.stored).files]).catalog).TARGET("JZ-05", null)).toBe(72000);
  });

  it("a bad file is refused with its problems, and what was stored is kept", () => {
    const r = importPlanIntoWorkbook("keep me", "bad.json", '{"id": "SL"}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => i.path)).toContain("$.formatVersion");
    expect(r.issues.every((i) => i.file === "bad.json")).toBe(true);
  });

  it("whatever a workbook holds is read without a crash", () => {
    for (const v of [undefined, null, "", "{", "[]", 5, { formatVersion: 2, plans: [] }, { formatVersion: 1, plans: "x" }]) {
      const { files } = decodeWorkbookPlans(v);
      expect(files).toEqual([]);
    }
    const { files, notes } = decodeWorkbookPlans({ formatVersion: 1, plans: [{ file: "SL.json", text: slText }, { file: 3 }] });
    expect(files).toHaveLength(1);
    expect(notes.map((n) => n.path)).toEqual(["$.plans[1]"]);
  });
});
