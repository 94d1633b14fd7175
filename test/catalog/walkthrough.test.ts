/**
 * docs/data.md "Add your county's plan", followed step by step on its made-up plan 示例县 (SL) in a
 * copy of the repository's data: the files and commands the page names, the problem it says
 * check:data prints for a figure typed without its scale, and the plan working once it holds.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadCatalog, type RawPlanFile } from "../../src/core/catalog/catalog";
import { createIpFunctions } from "../../src/core/functions/ip";
import { runCheckData } from "../../scripts/check-data";
import { REPO } from "./fixtures";

const { readPlanDir, planListModule } = require("../../scripts/plan-list.cjs") as {
  readPlanDir: (dir: string) => RawPlanFile[];
  planListModule: (dir: string, fromDir: string) => string;
};

const FIXTURE = path.join(__dirname, "walkthrough");
const doc = fs.readFileSync(path.join(REPO, "docs", "data.md"), "utf8");
const walk = doc.slice(doc.indexOf("## 新增本县规划 / Add your county's plan"), doc.indexOf("## Plan fields"));
/** The contents of the page's code blocks in the walk-through, in order. */
const blocks = [...walk.matchAll(/```\n([\s\S]*?)```/g)].map((m) => m[1].trim());
const step = (n: number) => {
  const at = walk.indexOf(`**${n}. `);
  const next = walk.indexOf(`**${n + 1}. `);
  return walk.slice(at, next < 0 ? undefined : next);
};

let root: string;
beforeAll(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), "walkthrough-"));
  for (const sub of ["plans", "sources"]) {
    fs.mkdirSync(path.join(root, "data", sub), { recursive: true });
    for (const f of fs.readdirSync(path.join(REPO, "data", sub))) fs.copyFileSync(path.join(REPO, "data", sub, f), path.join(root, "data", sub, f));
  }
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe("docs/data.md: add your county's plan", () => {
  it("has the five steps, draft → review → check → deploy, in order", () => {
    const heads = ["**1. 放入原文", "**2. 起草", "**3. 审核", "**4. 检查", "**5. 发布"].map((h) => walk.indexOf(h));
    expect(heads.every((i) => i >= 0)).toBe(true);
    expect([...heads].sort((a, b) => a - b)).toEqual(heads);
    expect(step(2)).toContain("npm run --silent draft -- data/sources/900_example_county.txt");
  });

  it("1. the text goes into data/sources/ under the name the page gives", () => {
    expect(blocks[0]).toBe("data/sources/900_example_county.txt");
    const plan = JSON.parse(fs.readFileSync(path.join(FIXTURE, "SL.json"), "utf8"));
    expect(`data/sources/${plan.source}`).toBe(blocks[0]);
    fs.copyFileSync(path.join(FIXTURE, plan.source), path.join(root, blocks[0]));
  });

  it("3–4. a reviewed plan with 2亿 typed as 2: check:data prints exactly the page's line, and exits 1", () => {
    expect(step(3)).toContain("`data/plans/SL.json`");
    const plan = JSON.parse(fs.readFileSync(path.join(FIXTURE, "SL.json"), "utf8"));
    expect(plan.targets[4].quotes[0]).toContain("突破2亿元");
    plan.targets[4].target.value = 2;
    fs.writeFileSync(path.join(root, "data", "plans", "SL.json"), JSON.stringify(plan, null, 2));
    const command = blocks[1];
    expect(command).toBe("npm run check:data -- data/plans/SL.json");
    const args = command.split(" -- ")[1].split(" ");
    const { lines, code } = runCheckData(args, root);
    expect(code).toBe(1);
    expect(lines[0]).toBe(blocks[2]);
    expect(lines).toHaveLength(2);
  });

  it("4. fixed, the plan holds; so does the whole folder", () => {
    fs.copyFileSync(path.join(FIXTURE, "SL.json"), path.join(root, "data", "plans", "SL.json"));
    const one = runCheckData(["data/plans/SL.json"], root);
    expect(one.lines.at(-1)).toMatch(/^check:data: 1 个规划文件，8 个目标，\d+ 个数值 — 全部通过 \/ .* all hold$/);
    expect(one.code).toBe(0);
    expect(step(4)).toContain("`npm run check:data`");
    const all = runCheckData([], root);
    expect(all.lines).toHaveLength(1);
    expect(all.code).toBe(0);
  });

  it("5. the build lists it by itself, and IP.TARGET answers as the page says", () => {
    const plans = path.join(root, "data", "plans");
    expect(planListModule(plans, path.join(REPO, "src", "core", "catalog"))).toContain('"data/plans/SL.json"');
    const catalog = loadCatalog(readPlanDir(plans));
    expect(catalog.issues).toEqual([]);
    const example = /=IP\.TARGET\("(SL-\d+)"\)` → `(\d+)`/.exec(step(5));
    expect(example).not.toBeNull();
    expect(createIpFunctions(catalog).TARGET(example![1], null)).toBe(Number(example![2]));
  });
});

describe("docs/data.md: the kind table", () => {
  const kindsIn = (table: string) => [...table.matchAll(/^\|[^|\n]*\|[^|\n]*\| `(\w+)` \|/gm)].map((m) => m[1]);
  const method = fs.readFileSync(path.join(REPO, "docs", "method.md"), "utf8");
  const methodTable = method.slice(method.indexOf("## 1. Kinds"), method.indexOf("## 2."));
  const dataTable = doc.slice(doc.indexOf("### Which kind"), doc.indexOf("### Comparators"));

  it("names the same kinds as method.md §1, each once", () => {
    const methodKinds = [...methodTable.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
    expect(methodKinds).toHaveLength(8);
    expect([...kindsIn(dataTable)].sort()).toEqual([...methodKinds].sort());
  });

  it("agrees with method.md that a yearly amount set for the target year only is a level", () => {
    expect(methodTable).toMatch(/A yearly amount the plan sets for its target year only [\s\S]*? is a `level`/);
    const levelRow = dataTable.split("\n").find((l) => l.includes("| `level` |"))!;
    expect(levelRow).toContain("a yearly amount set for the target year only");
    const annualRow = dataTable.split("\n").find((l) => l.includes("| `annual` |"))!;
    expect(annualRow).toContain("a bar for every year");
  });

  it("培育/建设/建成/培养 N 家 with no base printed is additions in every bundled plan, as the table settles it", () => {
    const catalogFiles = readPlanDir(path.join(REPO, "data", "plans"));
    const catalog = loadCatalog(catalogFiles);
    const builds = [...catalog.entries()].filter(
      ({ target }) =>
        target.base === null &&
        target.target.value != null &&
        /(培育|建设|建成|培养)\s*(\d+(\s*-\s*\d+)?|[一二三四五六七八九十两])\s*[家个所人]/.test(target.quotes[0]) &&
        !/累计|新增/.test(target.quotes[0]),
    );
    expect(builds.map((e) => e.target.id)).toEqual(expect.arrayContaining(["HN-11", "HN-13", "HN-32", "JY-11", "XC-16"]));
    for (const { target } of builds) expect([target.id, target.kind]).toEqual([target.id, "additions"]);
  });
});
