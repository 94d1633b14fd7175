/**
 * Plans from three places, merged into one catalogue (docs/data.md "Plans at run time"):
 * - bundled:  data/plans/, built into the add-in;
 * - deployed: plan files beside the deployed add-in, listed in plans/index.json;
 * - workbook: plans imported in the task pane and stored in the workbook, travelling with it.
 * Every file is validated like a bundled one; a bad file is named and skipped, the rest load.
 * For one plan id, workbook beats deployed beats bundled (a workbook keeps the plan it was filled
 * against), and the replaced plan is reported. Pure: fetching and workbook storage are the callers'.
 */
import { Catalog, type RawPlanFile } from "./catalog";
import { fitMeasures } from "./measures";
import type { Plan } from "./schema";
import { type CatalogIssue, parsePlanText, validatePlan } from "./validate";

export type PlanOrigin = "bundled" | "deployed" | "workbook";

/** Highest first: a plan from an earlier origin here replaces one of the same id from a later one. */
export const PRECEDENCE: readonly PlanOrigin[] = ["workbook", "deployed", "bundled"];

const ORIGIN_ZH: Record<PlanOrigin, string> = { bundled: "内置", deployed: "部署目录", workbook: "工作簿" };
const ORIGIN_EN: Record<PlanOrigin, string> = { bundled: "bundled", deployed: "deployed", workbook: "workbook" };

/** A plan file as read: parsed data, or the raw text (a file fetched or stored as text). */
export type SourcedFile = (RawPlanFile | { file: string; text: string }) & { origin: PlanOrigin };

export interface MergeNote {
  origin: PlanOrigin;
  file: string;
  /** JSON path of the problem; "$" for the whole file. */
  path: string;
  zh: string;
  en: string;
  /**
   * invalid: skipped for a problem; replaced: a plan of lower precedence gave way; duplicate: same id
   * twice in one place; measure: the plan loaded, but a measure it names is unknown or misfits its
   * target's unit, so that target carries none.
   */
  kind: "invalid" | "replaced" | "duplicate" | "measure";
}

export interface MergedPlans {
  catalog: Catalog;
  /** Where each loaded plan came from, by plan id. */
  origins: ReadonlyMap<string, PlanOrigin>;
  notes: MergeNote[];
}

function validateSourced(f: SourcedFile): { ok: true; plan: Plan } | { ok: false; issues: CatalogIssue[] } {
  if ("text" in f) return parsePlanText(f.file, f.text.replace(/^\uFEFF/, ""));
  if (f.error) return { ok: false, issues: [{ file: f.file, path: "$", ...f.error }] };
  return validatePlan(f.file, f.data);
}

/**
 * Merges the files of every origin. Order: bundled plans in their order (a replaced one keeps its
 * place), then new deployed plans, then new workbook plans, each in the order given.
 */
export function mergePlans(files: readonly SourcedFile[]): MergedPlans {
  const notes: MergeNote[] = [];
  const chosen = new Map<string, { plan: Plan; origin: PlanOrigin; file: string; measureIssues: CatalogIssue[] }>();
  const order: string[] = [];
  const rank = (o: PlanOrigin) => PRECEDENCE.indexOf(o);
  const byOrigin = (o: PlanOrigin) => files.filter((f) => f.origin === o);
  for (const origin of ["bundled", "deployed", "workbook"] as const) {
    const seenHere = new Map<string, string>();
    for (const f of byOrigin(origin)) {
      const r = validateSourced(f);
      if (!r.ok) {
        for (const i of r.issues) {
          notes.push({
            origin,
            file: f.file,
            path: i.path,
            zh: `已跳过（${ORIGIN_ZH[origin]}）：${i.zh}`,
            en: `skipped (${ORIGIN_EN[origin]}): ${i.en}`,
            kind: "invalid",
          });
        }
        continue;
      }
      const fitted = fitMeasures(f.file, r.plan);
      const id = fitted.plan.id;
      if (seenHere.has(id)) {
        notes.push({
          origin,
          file: f.file,
          path: "$.id",
          zh: `已跳过：规划编号 ${id} 在${ORIGIN_ZH[origin]}中已由 ${seenHere.get(id)} 使用`,
          en: `skipped: plan id ${id} is already used by ${seenHere.get(id)} (${ORIGIN_EN[origin]})`,
          kind: "duplicate",
        });
        continue;
      }
      seenHere.set(id, f.file);
      const before = chosen.get(id);
      if (before) {
        // Origins come lowest first, so a later one always outranks what is there.
        if (rank(origin) < rank(before.origin)) {
          notes.push({
            origin: before.origin,
            file: before.file,
            path: "$",
            zh: `规划 ${id} 使用${ORIGIN_ZH[origin]}中的版本（${f.file}），${ORIGIN_ZH[before.origin]}版本（${before.file}）未使用`,
            en: `plan ${id} comes from the ${ORIGIN_EN[origin]} file ${f.file}; the ${ORIGIN_EN[before.origin]} one (${before.file}) is not used`,
            kind: "replaced",
          });
        }
      } else order.push(id);
      chosen.set(id, { plan: fitted.plan, origin, file: f.file, measureIssues: fitted.issues });
    }
  }
  const plans = order.map((id) => chosen.get(id)!.plan);
  // Measures are named for the plans in use only (a replaced plan's measures do not matter).
  for (const id of order) {
    const { origin, file, measureIssues } = chosen.get(id)!;
    for (const i of measureIssues) {
      notes.push({ origin, file, path: i.path, zh: `${ORIGIN_ZH[origin]}规划：${i.zh}`, en: `${ORIGIN_EN[origin]} plan: ${i.en}`, kind: "measure" });
    }
  }
  // Target ids carry their plan id as prefix (a loader rule), so distinct plans cannot share one.
  // A measure note is no load failure: its plan is in the catalogue, so it is no catalogue issue.
  const issues: CatalogIssue[] = notes.filter((n) => n.kind !== "replaced" && n.kind !== "measure").map((n) => ({ file: n.file, path: n.path, zh: n.zh, en: n.en }));
  return {
    catalog: new Catalog(plans, issues),
    origins: new Map(order.map((id) => [id, chosen.get(id)!.origin])),
    notes,
  };
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

interface StoredPlans {
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

/**
 * Adds an imported plan file to what a workbook stores, replacing a stored plan of the same id.
 * A file that fails validation is refused with its problems, and the stored value is unchanged.
 */
export function importPlanIntoWorkbook(
  stored: unknown,
  file: string,
  text: string,
): { ok: true; stored: string; planId: string; replaced: boolean } | { ok: false; issues: CatalogIssue[] } {
  const r = parsePlanText(file, text.replace(/^\uFEFF/, ""));
  if (!r.ok) return { ok: false, issues: r.issues };
  const kept: StoredPlans["plans"] = [];
  let replaced = false;
  for (const f of decodeWorkbookPlans(stored).files) {
    if (!("text" in f)) continue;
    const other = parsePlanText(f.file, f.text.replace(/^\uFEFF/, ""));
    if (other.ok && other.plan.id === r.plan.id) replaced = true;
    else kept.push({ file: f.file, text: f.text });
  }
  const next: StoredPlans = { formatVersion: 1, plans: [...kept, { file, text }] };
  return { ok: true, stored: JSON.stringify(next), planId: r.plan.id, replaced };
}
