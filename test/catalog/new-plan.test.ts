/**
 * A sixth plan with no code change: a copy of a bundled plan under a new id, dropped with its text
 * into a copy of the data folder, is seen by the loader the tools and tests use, passes check:data,
 * becomes a sheet and a line of the overview, answers IP.*, and is in the add-in bundle webpack
 * builds (the list of plans is generated from the folder; nothing lists them by hand).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import webpack from "webpack";
import { loadCatalog, type Catalog, type RawPlanFile } from "../../src/core/catalog/catalog";
import { createIpFunctions } from "../../src/core/functions/ip";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { buildOverview, buildPlanSheet } from "../../src/sheets/model";
import { runCheckData } from "../../scripts/check-data";
import { REPO } from "./fixtures";

const { readPlanDir, planListModule } = require("../../scripts/plan-list.cjs") as {
  readPlanDir: (dir: string) => RawPlanFile[];
  planListModule: (dir: string, fromDir: string) => string;
};

let tmp: string;
let plansDir: string;
let catalog: Catalog;

/** An id no plan in data/plans/ uses yet. */
const NEW_ID = ["KF", "KFX", "QQQ", "QQQQ"].find((id) => !fs.existsSync(path.join(REPO, "data", "plans", `${id}.json`)))!;
const NEW_SOURCE = "zz_kaifeng_copy.txt";

/** JZ under a new id, its text copied under a new name, as a county colleague would add a plan. */
function addKaifeng(dataDir: string) {
  const jz = JSON.parse(fs.readFileSync(path.join(REPO, "data", "plans", "JZ.json"), "utf8"));
  const kf = {
    ...jz,
    id: NEW_ID,
    shortName: { zh: "新增县", en: "New county" },
    source: NEW_SOURCE,
    targets: jz.targets.map((t: { id: string }) => ({ ...t, id: t.id.replace(/^JZ-/, `${NEW_ID}-`) })),
  };
  fs.writeFileSync(path.join(dataDir, "plans", `${NEW_ID}.json`), JSON.stringify(kf, null, 2) + "\n");
  fs.copyFileSync(path.join(REPO, "data", "sources", jz.source), path.join(dataDir, "sources", NEW_SOURCE));
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), "new-plan-"));
  for (const sub of ["plans", "sources"]) {
    fs.mkdirSync(path.join(tmp, "data", sub), { recursive: true });
    for (const f of fs.readdirSync(path.join(REPO, "data", sub))) fs.copyFileSync(path.join(REPO, "data", sub, f), path.join(tmp, "data", sub, f));
  }
  addKaifeng(path.join(tmp, "data"));
  plansDir = path.join(tmp, "data", "plans");
  catalog = loadCatalog(readPlanDir(plansDir));
});
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const bundledCount = () => fs.readdirSync(path.join(REPO, "data", "plans")).filter((f) => f.endsWith(".json")).length;

describe("a plan added by dropping its file in", () => {
  it("the loader finds it, after the plans whose texts sort before its own", () => {
    const files = readPlanDir(plansDir).map((f) => f.file);
    expect(files).toContain(`data/plans/${NEW_ID}.json`);
    expect(files).toHaveLength(bundledCount() + 1);
    expect(files.at(-1)).toBe(`data/plans/${NEW_ID}.json`); // its text's name sorts last
    expect(catalog.issues).toEqual([]);
    expect(catalog.plan(NEW_ID)?.targets).toHaveLength(catalog.plan("JZ")!.targets.length);
  });

  it("check:data holds it against its own text", () => {
    const { lines, code } = runCheckData([], tmp);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/all hold$/);
    expect(code).toBe(0);
    // and names its text if it is missing
    fs.renameSync(path.join(tmp, "data", "sources", NEW_SOURCE), path.join(tmp, NEW_SOURCE));
    try {
      const broken = runCheckData([], tmp);
      expect(broken.code).toBe(1);
      expect(broken.lines[0]).toBe(
        `data/plans/${NEW_ID}.json $.source: 找不到规划原文 data/sources/${NEW_SOURCE}：请把规划全文存为该文件（UTF-8 文本） / ` +
          `the plan's text data/sources/${NEW_SOURCE} is missing: save the plan's full text under that name (UTF-8 text)`,
      );
    } finally {
      fs.renameSync(path.join(tmp, NEW_SOURCE), path.join(tmp, "data", "sources", NEW_SOURCE));
    }
  });

  it("becomes a sheet and a line of the overview", () => {
    const opts = { mode: "live" as const, settings: DEFAULT_SETTINGS };
    const sheets = catalog.plans.map((p) => buildPlanSheet(p, opts));
    const kf = sheets.find((s) => s.plan.id === NEW_ID)!;
    expect(kf.sheetName).toBe(`新增县 ${NEW_ID}`);
    expect(kf.rows.map((r) => r.target.id)).toEqual(catalog.plan(NEW_ID)!.targets.map((t) => t.id));
    expect(new Set(sheets.map((s) => s.sheetName)).size).toBe(sheets.length);
    expect(JSON.stringify(buildOverview(sheets, opts))).toContain("新增县");
  });

  it("answers IP.* as the plan it copies does", () => {
    const IP = createIpFunctions(catalog);
    expect(IP.TARGET(`${NEW_ID}-05`, null)).toBe(IP.TARGET("JZ-05", null));
    expect(IP.TARGET(`${NEW_ID}-05`, null)).toBe(67000);
    expect(IP.STATUS(`${NEW_ID}-05`, 60000, 2024, null)).toBe(IP.STATUS("JZ-05", 60000, 2024, null));
    expect(IP.LIST(NEW_ID, null).length).toBe(catalog.plan(NEW_ID)!.targets.length + 1);
  });

  it("the build's generated plan list imports it", () => {
    const src = planListModule(plansDir, path.join(REPO, "src", "core", "catalog"));
    expect(src).toContain(`/data/plans/${NEW_ID}.json";`);
    expect(src).toContain(`{ file: "data/plans/${NEW_ID}.json", data: p`);
    expect(src).not.toMatch(/require\(|eval|fetch/);
  });

  it("is in the add-in bundle webpack builds, with no eval", async () => {
    const full = await require(path.join(REPO, "webpack.config.js"))({}, { mode: "development" });
    const rules = full.module.rules.map((r: { use?: { loader?: string } }) =>
      /(plan-list\.cjs|checked-catalog\.ts)$/.test(r.use?.loader ?? "") ? { ...r, use: { ...r.use, options: { dir: plansDir } } } : r,
    );
    const out = path.join(tmp, "dist");
    await new Promise<void>((resolve, reject) =>
      webpack(
        {
          mode: "development",
          devtool: false,
          context: REPO,
          entry: path.join(REPO, "src", "core", "catalog", "bundled.ts"),
          output: { path: out, filename: "bundled.js", library: { name: "IPBundle", type: "var" } },
          resolve: full.resolve,
          module: { rules },
        },
        (err, stats) => {
          if (err) return reject(err);
          if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
          resolve();
        },
      ),
    );
    const code = fs.readFileSync(path.join(out, "bundled.js"), "utf8");
    expect(code).not.toMatch(/readdirSync|node:fs/);
    const context = vm.createContext({}, { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(`${code}\nthis.ids = IPBundle.bundledCatalog().plans.map((p) => p.id); this.issues = IPBundle.bundledCatalog().issues.length;`, context);
    expect(context.ids).toContain(NEW_ID);
    expect(context.ids).toHaveLength(bundledCount() + 1);
    expect(context.issues).toBe(0);
  }, 120_000);
});
