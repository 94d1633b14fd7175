/**
 * Where plans are found at run time, without validating them (the zod-free half of sources.ts, so
 * the first screen and the IP.* functions load no validator until there is a plan to check):
 * the origins and their precedence, the merge notes' shape, plans/index.json of a deployment and
 * the files it lists (as text), and the plans stored in a workbook's document setting (as text).
 * Validating and merging them is sources.ts (docs/data.md "Plans at run time").
 */
import type { RawPlanFile } from "./catalog";

export type PlanOrigin = "bundled" | "deployed" | "workbook";

/** Highest first: a plan from an earlier origin here replaces one of the same id from a later one. */
export const PRECEDENCE: readonly PlanOrigin[] = ["workbook", "deployed", "bundled"];

export const ORIGIN_ZH: Record<PlanOrigin, string> = { bundled: "内置", deployed: "部署目录", workbook: "工作簿" };
export const ORIGIN_EN: Record<PlanOrigin, string> = { bundled: "bundled", deployed: "deployed", workbook: "workbook" };

/** A plan file as read: parsed data, or the raw text (a file fetched or stored as text). */
export type SourcedFile = (RawPlanFile | { file: string; text: string }) & { origin: PlanOrigin };

export interface MergeNote {
  origin: PlanOrigin;
  file: string;
  /** JSON path of the problem; "$" for the whole file. */
  path: string;
  zh: string;
  en: string;
  /** invalid: skipped for a problem; replaced: a plan of lower precedence gave way; duplicate: same id twice in one place;
   *  measure: the plan loaded, but a measure it names is unknown or misfits its target's unit, so that target carries none. */
  kind: "invalid" | "replaced" | "duplicate" | "measure";
}

/** A plan file name a deployment index may list: NAME.json, no folders, no URL, no leading dot. */
const DEPLOYED_NAME = /^(?!\.)[^/\\:?#%\s]+\.json$/;

/**
 * Reads plans/index.json ({"plans": ["SL.json", …]}) of a deployment. Untrusted text: anything but
 * plain file names in that folder is refused with a message, so the add-in fetches nothing else.
 */
export function parseDeployedIndex(text: string, file = "plans/index.json"): { files: string[]; notes: MergeNote[] } {
  const notes: MergeNote[] = [];
  const note = (path: string, zh: string, en: string) => notes.push({ origin: "deployed", file, path, zh, en, kind: "invalid" });
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ""));
  } catch (e) {
    note("$", `不是有效的 JSON：${(e as Error).message}`, `not valid JSON: ${(e as Error).message}`);
    return { files: [], notes };
  }
  const list = (raw as { plans?: unknown } | null)?.plans;
  if (!Array.isArray(list)) {
    note("$.plans", '须为 {"plans": ["XX.json", …]}', 'must be {"plans": ["XX.json", …]}');
    return { files: [], notes };
  }
  const files: string[] = [];
  list.forEach((name, i) => {
    if (typeof name !== "string" || !DEPLOYED_NAME.test(name)) {
      note(`$.plans[${i}]`, `「${String(name).slice(0, 40)}」不是本目录中的 .json 文件名，已忽略`, `"${String(name).slice(0, 40)}" is not a .json file name in this folder; ignored`);
    } else if (files.includes(name)) {
      note(`$.plans[${i}]`, `${name} 重复列出，已忽略`, `${name} is listed twice; ignored`);
    } else files.push(name);
  });
  return { files, notes };
}

/** URLs of the deployed plan files, beside the add-in's page (baseUrl ends with the add-in's folder). */
export function deployedPlanUrls(baseUrl: string, files: readonly string[]): string[] {
  const base = baseUrl.endsWith("/") ? baseUrl : baseUrl + "/";
  return files.map((f) => new URL(`plans/${encodeURIComponent(f)}`, base).href);
}

/**
 * The deployed plans: plans/index.json and the files it lists, read through `fetchText` (the
 * caller's fetch of the add-in's own files; null for a file that is not there). No index means no
 * deployed plans, which is normal; a listed file that is missing is named.
 */
export async function loadDeployedPlans(
  baseUrl: string,
  fetchText: (url: string) => Promise<string | null>,
): Promise<{ files: SourcedFile[]; notes: MergeNote[] }> {
  const [indexUrl] = deployedPlanUrls(baseUrl, ["index.json"]);
  let index: string | null;
  try {
    index = await fetchText(indexUrl);
  } catch {
    index = null;
  }
  if (index == null) return { files: [], notes: [] };
  const { files: names, notes } = parseDeployedIndex(index);
  const urls = deployedPlanUrls(baseUrl, names);
  const texts = await Promise.all(urls.map((u) => fetchText(u).catch(() => null)));
  const files: SourcedFile[] = [];
  names.forEach((name, i) => {
    const text = texts[i];
    if (text == null) {
      notes.push({ origin: "deployed", file: `plans/${name}`, path: "$", zh: `plans/index.json 列出的 ${name} 无法读取，已跳过`, en: `${name}, listed in plans/index.json, cannot be read; skipped`, kind: "invalid" });
    } else files.push({ origin: "deployed", file: `plans/${name}`, text });
  });
  return { files, notes };
}

/** The document setting that holds the plans imported into a workbook. */
export const WORKBOOK_PLANS_SETTING = "IPTargets.plans";

export interface StoredPlans {
  formatVersion: 1;
  /** Each imported file's text as it was imported: nothing an official brought in is rewritten. */
  plans: Array<{ file: string; text: string }>;
}

/** Plans stored in a workbook (untrusted: any value a setting may hold). */
export function decodeWorkbookPlans(stored: unknown): { files: SourcedFile[]; notes: MergeNote[] } {
  const notes: MergeNote[] = [];
  if (stored == null || stored === "") return { files: [], notes };
  let raw: unknown = stored;
  if (typeof stored === "string") {
    try {
      raw = JSON.parse(stored);
    } catch {
      raw = null;
    }
  }
  const list = (raw as Partial<StoredPlans> | null)?.plans;
  if ((raw as Partial<StoredPlans> | null)?.formatVersion !== 1 || !Array.isArray(list)) {
    notes.push({ origin: "workbook", file: WORKBOOK_PLANS_SETTING, path: "$", zh: "工作簿中保存的规划无法读取，已忽略", en: "the plans stored in this workbook cannot be read; ignored", kind: "invalid" });
    return { files: [], notes };
  }
  const files: SourcedFile[] = [];
  list.forEach((p, i) => {
    if (p && typeof p.file === "string" && typeof p.text === "string") files.push({ origin: "workbook", file: p.file, text: p.text });
    else notes.push({ origin: "workbook", file: WORKBOOK_PLANS_SETTING, path: `$.plans[${i}]`, zh: "此项不是规划文件，已忽略", en: "this entry is not a plan file; ignored", kind: "invalid" });
  });
  return { files, notes };
}

