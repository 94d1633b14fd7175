/**
 * The project's own check of its data (npm run check:data): every plan file through the schema and
 * the loader's rules, the rules of the data folder (file name = plan id, its text present in
 * data/sources/, every text used), the measure vocabulary (data/measures.json: its format, no id
 * twice) and every measure a target names (known, its unit fits), and the provenance of every
 * figure (provenance.ts). Pure: the
 * caller reads the files; scripts/check-data.ts prints the result, the jest suite runs the same.
 */
import { loadCatalog, type RawPlanFile } from "./catalog";
import { measureMap } from "./measures";
import type { Measure, Plan } from "./schema";
import { checkPlanProvenance } from "./provenance";
import { type CatalogIssue, parsePlanText, validateMeasureFile } from "./validate";

export interface PlanFileText {
  /** Path as shown to people: data/plans/JZ.json */
  file: string;
  text: string;
}

export interface DataCheck {
  issues: CatalogIssue[];
  /** Plans that passed the schema and rules (provenance problems are in issues). */
  plans: Plan[];
  /** Figures (base, target, max, milestones) held against the texts. */
  figures: number;
}

const baseName = (file: string) => file.split(/[\\/]/).pop() ?? file;

/**
 * Checks plan files against the texts in `sources` (file name → text).
 * `wholeFolder`: the files are all of data/plans/, so a text no plan uses is a problem too.
 * `measures`: the vocabulary file as parsed (data/measures.json); the plans' measures are held
 * against it when it is valid, else (and when it is not given) against the add-in's own.
 */
export function checkData(
  files: readonly PlanFileText[],
  sources: ReadonlyMap<string, string>,
  wholeFolder: boolean,
  measures?: { file: string; data: unknown },
): DataCheck {
  const issues: CatalogIssue[] = [];
  let vocabulary: ReadonlyMap<string, Measure> | undefined;
  if (measures) {
    const v = validateMeasureFile(measures.file, measures.data);
    if (v.ok) vocabulary = measureMap(v.measures);
    else issues.push(...v.issues);
  }
  const parsed: RawPlanFile[] = [];
  for (const { file, text } of files) {
    const r = parsePlanText(file, text.replace(/^\uFEFF/, ""));
    if (!r.ok) {
      issues.push(...r.issues);
      continue;
    }
    parsed.push({ file, data: JSON.parse(text.replace(/^\uFEFF/, "")) });
  }
  // Duplicate plan or target ids across files: the catalogue's own rule.
  const catalog = loadCatalog(parsed, vocabulary);
  issues.push(...catalog.issues);
  let figures = 0;
  const used = new Set<string>();
  for (const plan of catalog.plans) {
    const file = parsed.find((f) => (f.data as { id?: unknown }).id === plan.id)?.file ?? `${plan.id}.json`;
    if (baseName(file) !== `${plan.id}.json`) {
      issues.push({
        file,
        path: "$.id",
        zh: `文件名须为规划编号：应命名为 ${plan.id}.json`,
        en: `the file must be named after the plan id: ${plan.id}.json`,
      });
    }
    used.add(plan.source);
    issues.push(...checkPlanProvenance(file, plan, sources.get(plan.source)));
    for (const t of plan.targets) {
      figures += [t.base?.value, t.target.value, t.target.max].filter((v) => v != null).length + t.milestones.length;
    }
  }
  if (wholeFolder) {
    for (const name of sources.keys()) {
      if (!used.has(name)) {
        issues.push({
          file: `data/sources/${name}`,
          path: "$",
          zh: "没有任何规划以此文为来源：请删除，或在规划文件的 source 中写明此文件名",
          en: "no plan names this text as its source: remove it, or name it in a plan's source field",
        });
      }
    }
  }
  return { issues, plans: [...catalog.plans], figures };
}
