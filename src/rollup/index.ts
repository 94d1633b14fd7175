/**
 * The roll-up (issue 13 §2): collectWorkbooks reads the actuals of the target workbooks the cities
 * and counties filled in; rollupWorkbookXlsx (write.ts) writes the 汇总 workbook. The same code
 * runs in Node (npm run rollup) and in the browser (the pane's 汇总 action loads this on demand).
 */
import { Catalog } from "../core/catalog/catalog";
import type { Plan } from "../core/catalog/schema";
import { decodeWorkbookPlans } from "../core/catalog/sources";
import { parsePlanText } from "../core/catalog/validate";
import { aggregateActuals } from "./aggregate";
import { actualsOf, type FileRead, readFile } from "./read";
import type { CollectedActual, CollectWorkbooks, RollupProblem, RollupResult } from "./types";

export * from "./types";
export { aggregateActuals } from "./aggregate";
export { rollupWorkbookXlsx } from "./write";

/** The catalogue with the plans the workbooks stored (what the result's ids were resolved against). */
export function rollupCatalog(catalog: Catalog, result: Pick<RollupResult, "workbookPlans">): Catalog {
  const added = result.workbookPlans ?? [];
  return added.length ? new Catalog([...catalog.plans, ...added], catalog.issues) : catalog;
}

/**
 * Plans a workbook stores (a county's own plan the catalogue lacks), validated. A plan id the
 * catalogue has keeps the catalogue's plan: one catalogue for every file, the province's choice.
 */
function storedPlans(read: FileRead, known: (id: string) => boolean, added: Map<string, Plan>, problems: RollupProblem[]): void {
  for (const value of read.storedPlans) {
    let stored: unknown = value;
    try {
      // Office keeps a setting as JSON; the add-in's value is itself a JSON string.
      stored = JSON.parse(value);
    } catch {
      // left as text: decodeWorkbookPlans says it cannot be read
    }
    const { files, notes } = decodeWorkbookPlans(stored);
    for (const n of notes)
      problems.push({
        file: read.name,
        kind: "other",
        message: { zh: `工作簿中保存的规划：${n.zh}`, en: `plans stored in the workbook: ${n.en}` },
      });
    for (const f of files) {
      if (!("text" in f)) continue;
      const r = parsePlanText(f.file, f.text.replace(/^\uFEFF/, ""));
      if (!r.ok) {
        const first = r.issues.slice(0, 3);
        problems.push({
          file: read.name,
          kind: "other",
          message: {
            zh: `工作簿中保存的规划文件 ${f.file} 无效，未使用：${first.map((i) => `${i.path} ${i.zh}`).join("；")}`,
            en: `the plan file ${f.file} stored in the workbook is invalid and not used: ${first.map((i) => `${i.path} ${i.en}`).join("; ")}`,
          },
        });
      } else if (!known(r.plan.id) && !added.has(r.plan.id)) added.set(r.plan.id, r.plan);
    }
  }
}

export const collectWorkbooks: CollectWorkbooks = async (files, catalog, options = {}) => {
  const reads: FileRead[] = [];
  for (let i = 0; i < files.length; i++) {
    reads.push(await readFile(files[i].name, files[i].bytes, options.inflateRaw));
    options.onProgress?.(i + 1, files.length);
  }
  const problems: RollupProblem[] = [];
  const added = new Map<string, Plan>();
  for (const read of reads) storedPlans(read, (id) => catalog.plan(id) != null, added, read.problems);
  const workbookPlans = [...added.values()];
  const full = rollupCatalog(catalog, { workbookPlans });

  const actuals: CollectedActual[] = [];
  const summary: RollupResult["files"] = [];
  for (const read of reads) {
    const got = actualsOf(read, full);
    actuals.push(...got.actuals);
    problems.push(...read.problems, ...got.problems);
    summary.push({
      name: read.name,
      sheets: read.tables.length,
      actuals: got.actuals.length,
      planIds: read.tables.map((t) => t.planId),
      mode: read.mode,
    });
  }
  const { conflicts, byMeasure } = aggregateActuals(actuals, full);
  const result: RollupResult = { files: summary, actuals, conflicts, byMeasure, problems };
  if (workbookPlans.length) result.workbookPlans = workbookPlans;
  return result;
};
