/**
 * npm run check:data: the bundled data holds against data/sources/ (so `npm test` fails when it does
 * not), and each rule catches the mistake it is there for, planted into a copy of a real plan. Runs
 * the same code as the command (runCheckData), and the command itself once for its exit status.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkData } from "../../src/core/catalog/check-data";
import { writtenFigures } from "../../src/core/catalog/provenance";
import type { CatalogIssue } from "../../src/core/catalog/validate";
import { runCheckData } from "../../scripts/check-data";
import { clone, HAN, minimalPlan, REPO, SOURCES } from "./fixtures";

const plansDir = path.join(REPO, "data", "plans");
const sources = new Map(
  fs.readdirSync(SOURCES).filter((f) => f.endsWith(".txt")).map((f) => [f, fs.readFileSync(path.join(SOURCES, f), "utf8")] as const),
);
const readPlan = (id: string) => JSON.parse(fs.readFileSync(path.join(plansDir, `${id}.json`), "utf8"));

/** check:data on one plan held in memory, against the real texts. */
function check(plan: unknown, file = `data/plans/${(plan as { id: string }).id}.json`): CatalogIssue[] {
  return checkData([{ file, text: JSON.stringify(plan) }], sources, false).issues;
}
const targetIndex = (plan: { targets: Array<{ id: string }> }, id: string) => plan.targets.findIndex((t) => t.id === id);

function expectOne(issues: CatalogIssue[], at: string, en: RegExp): CatalogIssue {
  const hit = issues.find((i) => i.path === at && en.test(i.en));
  if (!hit) throw new Error(`no issue at ${at} matching ${en}; got ${JSON.stringify(issues, null, 1)}`);
  expect(hit.zh).toMatch(HAN);
  expect(hit.en).toMatch(/[a-z]{3,} [a-z]{3,}/);
  return hit;
}

describe("the bundled data", () => {
  it("holds, every plan file, against the texts in data/sources/ (the command's own words)", () => {
    const { lines, code } = runCheckData([]);
    expect(lines.filter((l) => !l.startsWith("check:data:"))).toEqual([]);
    expect(lines.at(-1)).toMatch(/全部通过 \/ \d+ plan files, \d+ targets, \d+ figures: all hold$/);
    expect(code).toBe(0);
  });

  it("each text in data/sources/ is named by a plan, and each plan's text is there", () => {
    const named = fs.readdirSync(plansDir).map((f) => readPlan(f.replace(/\.json$/, "")).source);
    expect([...sources.keys()].sort()).toEqual([...new Set(named)].sort());
  });
});

describe("a plan file that is not JSON", () => {
  it("is named with the line and column of the mistake, in Chinese and English, and fails the check", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "check-data-"));
    const file = path.join(dir, "KF.json");
    fs.writeFileSync(file, '{\n  "id": "KF",\n  "title": "x",,\n}');
    const { lines, code } = runCheckData([file], REPO, dir);
    expect(lines[0]).toMatch(/^KF\.json \$: 不是有效的 JSON：第 3 行第 \d+ 列.* \/ not valid JSON: line 3, column \d+/);
    expect(code).toBe(1);
  });
});

describe("each rule catches a planted mistake", () => {
  it("a year typed as a figure: 到2025年 does not make 2025 a target value", () => {
    const jz = readPlan("JZ");
    const i = targetIndex(jz, "JZ-16"); // 到 2025 年，全市开展知识产权保险业务的企业达到 10 家
    expect(check(jz)).toEqual([]);
    jz.targets[i].target.value = 2025;
    const issue = expectOne(check(jz), `$.targets[${i}].target.value`, /2025 is a year in the quotes, not a figure/);
    expect(issue.zh).toContain("是年份");
    // The digits are in the quote: a check that only looks for them would let this pass.
    expect(jz.targets[i].quotes.join(" ")).toContain("2025");
  });

  it("the wrong base year: 2021 is written nowhere near JZ-05's 49409", () => {
    const jz = readPlan("JZ");
    const i = targetIndex(jz, "JZ-05");
    jz.targets[i].base.year = 2021;
    expectOne(check(jz), `$.targets[${i}].base.year`, /the year 2021 is not written in a quote/);
  });

  it("the wrong target year, and a milestone year nobody printed", () => {
    const jz = readPlan("JZ");
    const i = targetIndex(jz, "JZ-05");
    jz.targets[i].target.year = 2030;
    expectOne(check(jz), `$.targets[${i}].target.year`, /the year 2030 is not written in a quote/);
    const j = targetIndex(jz, "JZ-01");
    jz.targets[j].milestones = [{ year: 2024, value: 2.22 }];
    expectOne(check(jz), `$.targets[${j}].milestones[0].year`, /the year 2024 is not written/);
  });

  it("100亿 typed as 100: a scaled figure needs its unit next to the number", () => {
    const p = minimalPlan();
    p.source = "004_6e201a31877a1028.txt";
    p.period = { start: 2020, end: 2022 };
    Object.assign(p.targets[0], {
      unit: "元",
      base: null,
      milestones: [],
      target: { year: 2022, value: 300000000, max: null },
      quotes: ["到 2022 年知识产权质押融资额累计突破 3 亿元"],
    });
    p.targets.splice(1, 1);
    expect(check(p, "data/plans/TS.json")).toEqual([]);
    p.targets[0].target.value = 3;
    const issue = expectOne(check(p, "data/plans/TS.json"), "$.targets[0].target.value", /^3 does not match "3亿" in the quotes: figures are in base units, so it is 300000000 /);
    expect(issue.zh).toContain("应为 300000000");
    // The same on the issue's own example, as the reading of a quote.
    expect(writtenFigures("投入100亿元").flatMap((f) => f.values)).toEqual([1e10]);
    expect(writtenFigures("达到95%").flatMap((f) => f.values)).toEqual([95, 0.95]);
    expect(writtenFigures("6.8万件").flatMap((f) => f.values)).toEqual([68000]);
    expect(writtenFigures("到2025年").flatMap((f) => f.values)).toEqual([]);
    expect(writtenFigures("（2024-2035年）").every((f) => f.year)).toBe(true);
  });

  it("reads full-width digits and a thousands separator as county texts print them: ２.５件, １０％, 1,200件", () => {
    expect(writtenFigures("每万人口高价值发明专利拥有量达到２.５件").flatMap((f) => f.values)).toEqual([2.5]);
    expect(writtenFigures("年均增长１０％").flatMap((f) => f.values)).toEqual([10, 0.1]);
    expect(writtenFigures("发明专利授权量达到1,200件以上，同比增长15%").flatMap((f) => f.values)).toEqual([1200, 15, 0.15]);
    expect(writtenFigures("2021,2022年").map((f) => f.text)).toEqual(["2021", "2022"]);
  });

  it("a Chinese numeral is a figure only before a measure word: 三大 and 一次, not the 一 of 进一步", () => {
    expect(writtenFigures("培育三大专利密集型产业").flatMap((f) => f.values)).toEqual([3]);
    expect(writtenFigures("争取每年开展一次知识产权分析评议活动").flatMap((f) => f.values)).toEqual([1]);
    expect(writtenFigures("进一步完善“两新一转”").flatMap((f) => f.values)).toEqual([]);
    const p = minimalPlan();
    p.targets[0].quotes = ["进一步提升有效商标注册量", "有效商标注册量达到130件"];
    p.targets[0].base = null;
    p.targets[0].milestones = [];
    p.source = "000_d68d035b87217626.txt";
    // A year typed as 1 would hold against 进一步 if every 一 were a figure.
    p.targets[0].target.value = 1;
    expect(checkData([{ file: "data/plans/TS.json", text: JSON.stringify(p) }], new Map([["000_d68d035b87217626.txt", "进一步提升有效商标注册量，有效商标注册量达到130件，到2026年"]]), false).issues.map((i) => i.path)).toContain("$.targets[0].target.value");
  });

  it("a real plan's 亿 figure typed unscaled (JY-12: 累计突破 3 亿元 typed as 3)", () => {
    const jy = readPlan("JY");
    const i = targetIndex(jy, "JY-12");
    expect(jy.targets[i].target.value).toBe(300000000);
    jy.targets[i].target.value = 3;
    expectOne(check(jy), `$.targets[${i}].target.value`, /does not match "3亿" in the quotes/);
  });

  it("a table-header unit needs its derived note (XZ-32: 附件2 （万元） 200 is 2000000 元)", () => {
    const xz = readPlan("XZ");
    const i = targetIndex(xz, "XZ-32");
    expect(check(xz)).toEqual([]);
    xz.targets[i].derived = xz.targets[i].derived.filter((d: { field: string }) => d.field !== "targetValue");
    expectOne(check(xz), `$.targets[${i}].target.value`, /^200 stands in the quotes without 万, 亿 or % beside it, so it cannot be 2000000/);
  });

  it("a figure not in the quotes at all, and a quote not in the text", () => {
    const jz = readPlan("JZ");
    const i = targetIndex(jz, "JZ-05");
    jz.targets[i].target.value = 67001;
    jz.targets[i].quotes.push("有效商标注册量达7万件");
    const issues = check(jz);
    expectOne(issues, `$.targets[${i}].target.value`, /67001 is not written in its quotes/);
    expectOne(issues, `$.targets[${i}].quotes[${jz.targets[i].quotes.length - 1}]`, /this quote is not in 000_d68d035b87217626\.txt/);
  });

  it("a conflict whose figure is not in its quote", () => {
    const xz = readPlan("XZ");
    const i = targetIndex(xz, "XZ-05");
    expect(check(xz)).toEqual([]); // its （亿） header scales 0.5 and 0.8
    xz.targets[i].conflicts[0].value = 5000000;
    expectOne(check(xz), `$.targets[${i}].conflicts[0].value`, /5000000 is not written in its quote/);
  });

  it("a missing source text, named with where it goes", () => {
    const p = clone(readPlan("JY"));
    p.source = "005_missing.txt";
    expectOne(check(p), "$.source", /data\/sources\/005_missing\.txt is missing/);
  });

  it("a file not named after its plan id", () => {
    expectOne(check(readPlan("JY"), "data/plans/jiyuan.json"), "$.id", /must be named after the plan id: JY\.json/);
  });

  it("schema problems and bad JSON come through with file and path, never as a crash", () => {
    const bad = checkData([{ file: "data/plans/TS.json", text: '{ "id": "TS", ' }], sources, false).issues;
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ file: "data/plans/TS.json", path: "$" });
    expect(bad[0].en).toMatch(/not valid JSON/);
    const p = minimalPlan();
    p.targets[0].kind = "total";
    expectOne(check(p, "data/plans/TS.json"), "$.targets[0].kind", /invalid value/);
  });

  it("a text in data/sources/ that no plan names", () => {
    const files = fs.readdirSync(plansDir).filter((f) => f !== "JY.json").map((f) => ({ file: `data/plans/${f}`, text: fs.readFileSync(path.join(plansDir, f), "utf8") }));
    const issues = checkData(files, sources, true).issues;
    expect(issues).toHaveLength(1);
    expectOne(issues, "$", /no plan names this text as its source/);
    expect(issues[0].file).toBe("data/sources/004_6e201a31877a1028.txt");
  });
});

describe("the command", () => {
  let tmp: string;
  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), "check-data-"));
  });
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("exits 1 with file, path and reason for a broken plan file, and prints no stack trace", () => {
    const file = path.join(tmp, "JZ.json");
    const jz = readPlan("JZ");
    jz.targets[targetIndex(jz, "JZ-05")].base.year = 2021;
    fs.writeFileSync(file, JSON.stringify(jz));
    fs.writeFileSync(path.join(tmp, "XZ.json"), "{ not json");
    const r = spawnSync(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/check-data.ts", file, path.join(tmp, "XZ.json")], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(/\n\s+at /);
    expect(r.stdout).not.toMatch(/all hold/);
    const shown = path.relative(REPO, file).split(path.sep).join("/");
    expect(r.stdout).toContain(`${shown} $.targets[4].base.year: 年份 2021 未写在引文中`);
    expect(r.stdout).toMatch(/XZ\.json \$: 不是有效的 JSON：.* \/ not valid JSON/);
    expect(r.stdout.trim().split("\n").at(-1)).toMatch(/2 个问题 \/ .*: 2 problems$/);
  });

  it("check-plan.ts, the older name, is the same check: a broken file is exit 1, never a stack trace and 'all hold'", () => {
    const file = path.join(tmp, "JY.json");
    fs.writeFileSync(file, '{"formatVersion": 1, "id": "JY"}');
    const r = spawnSync(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/check-plan.ts", file], { cwd: REPO, encoding: "utf8" });
    expect(r.status).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).not.toMatch(/all hold|\n\s+at /);
    expect(r.stdout).toMatch(/JY\.json \$\.title: 缺少必填字段 \/ a required field is missing/);
  });
});
