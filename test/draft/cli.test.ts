/**
 * npm run draft: the proposals as the flat catalogue export; GBK files read; a missing or
 * unreadable file gets a message in Chinese and English and exit 1.
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { checkPlanProvenance } from "../../src/core/catalog/provenance";
import { validatePlan } from "../../src/core/catalog/validate";
import { FIXTURES, REPO } from "./texts";

function draft(...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), path.join(REPO, "scripts", "draft.ts"), ...args], {
    cwd: REPO,
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("npm run draft", () => {
  it("prints the proposals in the catalogue export format", () => {
    const r = draft(path.join(FIXTURES, "county-plan.txt"), "--id", "SL");
    expect(r.code).toBe(0);
    const json = JSON.parse(r.out);
    expect(json.plan).toMatchObject({ id: "SL", source: "county-plan.txt", title: "示例县知识产权强县建设实施方案（2025-2027年）" });
    const row = json.indicators.find((i: { name: string }) => i.name === "有效发明专利拥有量");
    expect(row).toMatchObject({
      id: expect.stringMatching(/^SL-\d\d$/),
      plan: "SL",
      source: "county-plan.txt",
      unit: "件",
      baseYear: 2024,
      baseValue: 420,
      targetYear: 2027,
      targetValue: 600,
      targetMax: null,
      milestones: { "2025": 480, "2026": 540 },
      derived: [],
      conflicts: [],
    });
    expect(row.quotes.length).toBeGreaterThan(0);
    for (const i of json.indicators) expect(Object.keys(i)).toEqual(expect.arrayContaining(["id", "name", "unit", "baseYear", "baseValue", "targetYear", "targetValue", "targetMax", "milestones", "quotes", "derived", "conflicts", "confidence", "kind", "comparator"]));
  });

  it("with --plan prints a plan file that passes check:data's rules against its text, and says what to do next", () => {
    const r = draft(path.join(FIXTURES, "county-plan.txt"), "--id", "SL", "--plan");
    expect(r.code).toBe(0);
    const checked = validatePlan("data/plans/SL.json", JSON.parse(r.out));
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.plan).toMatchObject({ id: "SL", source: "county-plan.txt", title: { zh: "示例县知识产权强县建设实施方案（2025-2027年）" } });
    expect(checked.plan.targets.find((t) => t.name.zh === "有效发明专利拥有量")).toMatchObject({
      id: expect.stringMatching(/^SL-\d\d$/),
      base: { year: 2024, value: 420 },
      target: { year: 2027, value: 600 },
      measure: "valid-invention-patents",
    });
    const text = fs.readFileSync(path.join(FIXTURES, "county-plan.txt"), "utf8");
    expect(checkPlanProvenance("data/plans/SL.json", checked.plan, text)).toEqual([]);
    expect(r.err).toMatch(/请对照原文逐项核对，存为 data\/plans\/SL\.json[\s\S]*npm run check:data -- data\/plans\/SL\.json/);
  });

  it("--plan without --id asks for the plan id", () => {
    const r = draft(path.join(FIXTURES, "county-plan.txt"), "--plan");
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(/--plan 需要规划编号.*\/ --plan needs the plan id/);
  });

  it("reads a GBK-encoded file like its UTF-8 original", () => {
    const gbk = draft(path.join(FIXTURES, "county-plan-gbk.txt"));
    const utf8 = draft(path.join(FIXTURES, "county-plan.txt"));
    expect(gbk.code).toBe(0);
    const strip = (s: string) => JSON.parse(s.replace(/county-plan(-gbk)?\.txt/g, "F")).indicators;
    expect(strip(gbk.out)).toEqual(strip(utf8.out));
    expect(strip(gbk.out).length).toBeGreaterThan(5);
  });

  it.each([
    ["a missing file", () => path.join(os.tmpdir(), "no-such-plan-xyz.txt"), /找不到文件.*\/ no such file/],
    ["a folder", () => os.tmpdir(), /文件夹.*\/ a folder/],
    ["a binary file", () => {
      const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "draft-")), "plan.docx");
      fs.writeFileSync(f, Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0x08, 0x00]));
      return f;
    }, /不是纯文本文件.*not a plain-text file/],
    ["an empty file", () => {
      const f = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "draft-")), "empty.txt");
      fs.writeFileSync(f, "");
      return f;
    }, /文件是空的.*the file is empty/],
  ])("rejects %s with a bilingual message and exit 1", (_what, make, message) => {
    const r = draft(make());
    expect(r.code).toBe(1);
    expect(r.out).toBe("");
    expect(r.err).toMatch(message);
  });

  it("refuses a plan id that is not 2-4 capital letters", () => {
    const r = draft(path.join(FIXTURES, "county-plan.txt"), "--id", "S1");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/规划编号须为 2–4 个大写字母：S1 \/ plan id must be 2-4 capital letters: S1/);
  });

  it("asks for a file when none is given", () => {
    const r = draft();
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/用法.*\/ usage/);
  });
});
