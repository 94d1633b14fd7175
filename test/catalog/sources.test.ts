/**
 * Plans at run time: bundled, deployed (plans/index.json beside the add-in) and workbook plans merged
 * with a defined precedence (workbook > deployed > bundled), each validated like a bundled plan; a
 * bad file is named and skipped while the rest load.
 */
import fs from "node:fs";
import path from "node:path";
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import { deployedPlanUrls, mergePlans, parseDeployedIndex, type SourcedFile } from "../../src/core/catalog/sources";
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
