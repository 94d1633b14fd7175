/**
 * The plan texts the drafter tests read: a bundled plan's text from data/sources/ and the small
 * fixture texts committed here; every clone has both.
 */
import fs from "node:fs";
import path from "node:path";
import { validatePlan } from "../../src/core/catalog/validate";
import type { Plan } from "../../src/core/catalog/schema";

export const REPO = path.resolve(__dirname, "..", "..");
export const SOURCE_DIRS = [path.join(REPO, "data", "sources")];
export const FIXTURES = path.join(__dirname, "fixtures");

/** A plan's source text by file name; null when data/sources/ lacks it. */
export function readSource(file: string): { text: string; path: string } | null {
  for (const dir of SOURCE_DIRS) {
    const p = path.join(dir, file);
    if (fs.existsSync(p)) return { text: fs.readFileSync(p, "utf8"), path: p };
  }
  return null;
}

/** Every plan file in data/plans/, validated (a broken one fails the test that asks). */
export function bundledPlans(): Plan[] {
  const dir = path.join(REPO, "data", "plans");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => {
      const r = validatePlan(`data/plans/${f}`, JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
      if (!r.ok) throw new Error(r.issues.map((i) => `${i.file} ${i.path}: ${i.en}`).join("\n"));
      return r.plan;
    });
}

/** The UTF-8 fixture texts written for these tests (the GBK copy is read by the decoder tests). */
export function fixtureTexts(): Array<{ name: string; text: string }> {
  return fs
    .readdirSync(FIXTURES)
    .filter((f) => f.endsWith(".txt") && !f.includes("-gbk"))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(FIXTURES, f), "utf8") }));
}
