/**
 * Plans from three places, merged into one catalogue (docs/data.md "Plans at run time"):
 * - bundled:  data/plans/, built into the add-in;
 * - deployed: plan files beside the deployed add-in, listed in plans/index.json;
 * - workbook: plans imported in the task pane and stored in the workbook, travelling with it.
 * Every file is validated like a bundled one; a bad file is named and skipped, the rest load.
 * For one plan id, workbook beats deployed beats bundled (a workbook keeps the plan it was filled
 * against), and the replaced plan is reported. Pure: fetching and workbook storage are the callers'.
 */
import { Catalog } from "./catalog";
import { fitMeasures } from "./measures";
import type { Plan } from "./schema";
import { type CatalogIssue, parsePlanText, validatePlan } from "./validate";
import { decodeWorkbookPlans, type MergeNote, ORIGIN_EN, ORIGIN_ZH, type PlanOrigin, PRECEDENCE, type SourcedFile, type StoredPlans } from "./sources-read";

// The reading half (no validator) lives in sources-read.ts; everything stays importable from here.
export * from "./sources-read";

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
