/**
 * Small, valid plan files for the loader tests: each invalid case below starts from one of these
 * and breaks exactly one thing, so a rejection can only come from that one thing.
 */
import fs from "node:fs";
import path from "node:path";
import type { PlanInput } from "../../src/core/catalog/schema";

export const REPO = path.resolve(__dirname, "..", "..");
/** The plans' own texts, in the repository (nothing is read from outside it). */
export const SOURCES = path.join(REPO, "data", "sources");

/** A plan file's content as untrusted JSON: the tests break it in ways the types would forbid. */
export type PlanJson = { [field: string]: any; targets: Array<{ [field: string]: any }> };

/** A two-target plan "TS" that passes the schema and every rule. */
export function minimalPlan(id = "TS"): PlanJson {
  const plan: PlanInput = {
    formatVersion: 1,
    id,
    title: { zh: "测试规划", en: "Test plan" },
    shortName: { zh: "测试", en: "Test" },
    issuer: { zh: "测试局", en: "Test bureau" },
    docNumber: null,
    date: "2024-01-24",
    draft: false,
    level: "city",
    region: { zh: "测试市", en: "Test city" },
    period: { start: 2024, end: 2026 },
    source: "000_d68d035b87217626.txt",
    targets: [
      {
        id: `${id}-01`,
        name: { zh: "有效商标注册量", en: "Valid registered trademarks" },
        unit: "件",
        area: "创造",
        kind: "level",
        comparator: "reach",
        base: { year: 2023, value: 100 },
        target: { year: 2026, value: 130, max: null },
        milestones: [{ year: 2025, value: 120 }],
        section: "表1",
        quotes: ["有效商标注册量达到130件"],
      },
      {
        id: `${id}-02`,
        name: { zh: "建设运营中心", en: "Operation centres built" },
        unit: "家",
        area: "运用",
        kind: "cumulative",
        comparator: "range",
        target: { year: 2026, value: 3, max: 5 },
        section: "二、1.",
        quotes: ["建设3-5家运营中心"],
      },
    ],
  };
  return plan as PlanJson;
}

export const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x));

/** Plan files on disk, as the bundled list must mirror them. */
export function planFilesOnDisk(): string[] {
  return fs
    .readdirSync(path.join(REPO, "data", "plans"))
    .filter((f) => f.endsWith(".json"))
    .sort();
}

/** The source text of a plan (data/sources/) with white space removed, as the provenance check compares. */
export function sourceText(file: string): string {
  return squash(fs.readFileSync(path.join(SOURCES, file), "utf8"));
}
export const squash = (s: string) => s.replace(/[\s\u3000]+/g, "");

/** Holds at least one CJK character: the Chinese half of a message is Chinese. */
export const HAN = /[\u4e00-\u9fff]/;
