/** Notes and conflict texts are stored per language ({zh, en}); docs/data.md "Notes". */
import fs from "node:fs";
import path from "node:path";
import { noteIn, NoteText, splitOldNote } from "../../src/core/catalog/schema";
import { validatePlan } from "../../src/core/catalog/validate";
import { clone, minimalPlan, REPO } from "./fixtures";

const withNote = (note: unknown) => {
  const p = clone(minimalPlan());
  p.targets[0].note = note;
  return validatePlan("TS.json", p);
};

describe("the schema of a note", () => {
  it("accepts {zh, en}, {zh, en: ''} (no English written) and a plain one-language string", () => {
    expect(withNote({ zh: "规划未写年份", en: "The plan names no year." }).ok).toBe(true);
    expect(withNote({ zh: "只有中文", en: "" }).ok).toBe(true);
    expect(withNote("县里手写的备注").ok).toBe(true);
    expect(withNote(null).ok).toBe(true);
  });

  it("refuses a note without its Chinese, with an unknown key, or of another type, saying where in both languages", () => {
    for (const bad of [{ zh: "", en: "English only" }, { en: "English only" }, { zh: "中文", en: "x", fr: "y" }, 5, ""]) {
      const r = withNote(bad);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.issues[0].path).toMatch(/^\$\.targets\[0\]\.note/);
      expect(r.issues[0].zh).toMatch(/^备注须/);
      expect(r.issues[0].en).toMatch(/^a note (is|needs)/);
    }
  });

  it("reads an old one-string '中文 / English' note as {zh, en}, losing nothing", () => {
    const r = withNote("规划未写年份，取规划期末2026年 / The plan names no year; the period's end (2026) is used.");
    expect(r.ok && r.plan.targets[0].note).toEqual({ zh: "规划未写年份，取规划期末2026年", en: "The plan names no year; the period's end (2026) is used." });
    expect(splitOldNote("方案未印基数。/ No base printed.")).toEqual({ zh: "方案未印基数。", en: "No base printed." });
    // A slash inside the English or between figures is not a language split.
    expect(splitOldNote("3600 / 1.2 = 3000")).toBe("3600 / 1.2 = 3000");
    expect(splitOldNote("只有中文")).toBe("只有中文");
  });

  it("picks one language; the Chinese stands in where no English is written", () => {
    const n = NoteText.parse({ zh: "中文", en: "English" });
    expect([noteIn(n, "zh"), noteIn(n, "en")]).toEqual(["中文", "English"]);
    expect(noteIn({ zh: "中文", en: "" }, "en")).toBe("中文");
    expect(noteIn("as written", "zh")).toBe("as written");
    expect(noteIn(null, "en")).toBe("");
  });
});

describe("the bundled plans store every note per language", () => {
  const files = fs.readdirSync(path.join(REPO, "data", "plans")).filter((f) => f.endsWith(".json"));
  it.each(files)("%s: every note, derivation and conflict text is {zh, en}, Chinese in zh and English in en", (file) => {
    const raw = JSON.parse(fs.readFileSync(path.join(REPO, "data", "plans", file), "utf8"));
    for (const t of raw.targets) {
      const notes = [t.note, ...(t.derived ?? []).map((d: { note: unknown }) => d.note), ...(t.conflicts ?? []).map((c: { note: unknown }) => c.note)];
      for (const n of notes) {
        if (n === null) continue;
        expect(Object.keys(n).sort()).toEqual(["en", "zh"]);
        expect(n.zh).toMatch(/[\u3400-\u9fff]/);
        // No "中文 / English" left inside the Chinese text.
        expect(n.zh).not.toMatch(/[\u3400-\u9fff。）”]\s?\/ [A-Za-z]/);
        if (n.en) expect(n.en).toMatch(/[A-Za-z]{3}/);
      }
    }
  });
});
