/**
 * Accepted proposals become a plan file the catalogue's own validator accepts; the decoder reads
 * what offices save; the drafter stays pure (the task pane runs it too).
 */
import fs from "node:fs";
import path from "node:path";
import { validatePlan } from "../../src/core/catalog/validate";
import { decodeText, draftPlan, draftToPlan, guessArea } from "../../src/core/draft";
import { FIXTURES, REPO } from "./texts";

describe("draftToPlan", () => {
  it("turns every proposal of a fixture plan into a plan the loader accepts", () => {
    const text = fs.readFileSync(path.join(FIXTURES, "county-plan.txt"), "utf8");
    const { meta, proposals } = draftPlan(text);
    const plan = draftToPlan(proposals, {
      id: "SL",
      source: "county-plan.txt",
      title: meta.title!,
      issuer: meta.issuer!,
      region: meta.region!,
      level: meta.level!,
      period: meta.period!,
      docNumber: meta.docNumber,
      date: meta.date,
      draft: meta.draft,
      namesEn: { [proposals[0].key]: "Valid invention patents" },
    });
    const r = validatePlan("SL.json", plan);
    if (!r.ok) throw new Error(r.issues.map((i) => `${i.path}: ${i.en}`).join("\n"));
    expect(r.plan.targets).toHaveLength(proposals.length);
    expect(r.plan.targets[0]).toMatchObject({ id: "SL-01", name: { zh: "有效发明专利拥有量", en: "Valid invention patents" }, milestones: [{ year: 2025, value: 480 }, { year: 2026, value: 540 }] });
    expect(r.plan.targets.every((t) => t.quotes.length > 0)).toBe(true);
  });

  it("takes the area from a table's 类别 column", () => {
    const { proposals } = draftPlan(fs.readFileSync(path.join(FIXTURES, "county-unit-column.txt"), "utf8"));
    expect(proposals.slice(0, 3).map((p) => guessArea(p.section, p.name))).toEqual(["创造", "运用", "保护"]);
  });

  it("guesses the area from the section first, then from the name", () => {
    expect(guessArea("二、主要目标 知识产权高效益运用", "有效商标注册量")).toBe("运用");
    expect(guessArea("正文", "知识产权质押融资额")).toBe("运用");
    expect(guessArea("表1 知识产权创造保护运用主要指标 保护", "有效商标注册量")).toBe("保护");
    expect(guessArea("正文", "社会满意度")).toBe("保护");
    expect(guessArea("正文", "某某")).toBe("其他");
  });
});

describe("decodeText", () => {
  const utf8 = fs.readFileSync(path.join(FIXTURES, "county-plan.txt"), "utf8");

  it("reads UTF-8 with and without a BOM, GBK and UTF-16", () => {
    const gbk = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "county-plan-gbk.txt")));
    expect(decodeText(gbk)).toEqual({ ok: true, text: utf8, encoding: "gb18030" });
    const bom = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from(utf8, "utf8")]);
    expect(decodeText(bom)).toMatchObject({ ok: true, text: utf8, encoding: "utf-8" });
    const le = new Uint8Array([0xff, 0xfe, ...Buffer.from(utf8, "utf16le")]);
    expect(decodeText(le)).toMatchObject({ ok: true, text: utf8, encoding: "utf-16le" });
  });

  it("refuses empty and binary files with a message in both languages", () => {
    expect(decodeText(new Uint8Array())).toMatchObject({ ok: false, zh: expect.any(String), en: expect.any(String) });
    expect(decodeText(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00]))).toMatchObject({ ok: false, en: expect.stringContaining("not a plain-text") });
  });
});

describe("purity", () => {
  it("src/core/draft imports nothing from Node, the DOM or Office", () => {
    const dir = path.join(REPO, "src", "core", "draft");
    for (const f of fs.readdirSync(dir)) {
      // Code only: comments may speak of Node and Office.
      const src = fs.readFileSync(path.join(dir, f), "utf8").replace(/\/\*[\s\S]*?\*\//g, "").replace(/\/\/.*$/gm, "");
      expect({ f, node: /from\s+["'](node:|fs|path|os)["']|require\(/.test(src) }).toEqual({ f, node: false });
      expect({ f, dom: /\b(window|document|Office|Excel)\./.test(src) }).toEqual({ f, dom: false });
    }
  });
});
