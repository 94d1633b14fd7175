/**
 * The measure vocabulary (data/measures.json, docs/data.md "Measures"): the common statistics the
 * plans set targets for, so one indicator can be set side by side across plans and summed from
 * lower levels. The file is checked by `npm run check:data` and the tests (schema MeasureFile);
 * here it is only read, so the first screen loads no validator.
 */
import measureFile from "../../../data/measures.json";
import type { Measure, Plan, Target } from "./schema";
import type { CatalogIssue } from "./validate";

export const MEASURES: readonly Measure[] = (measureFile as { measures: Measure[] }).measures;

/** A vocabulary by id (the first of an id wins; check:data names a duplicate). */
export function measureMap(measures: readonly Measure[]): ReadonlyMap<string, Measure> {
  const map = new Map<string, Measure>();
  for (const m of measures) if (!map.has(m.id)) map.set(m.id, m);
  return map;
}

const byId = measureMap(MEASURES);

export function measureById(id: string | null | undefined): Measure | undefined {
  return id == null ? undefined : byId.get(id);
}

/** Why a target may not carry its measure (unknown id, another unit), in Chinese and English; null when it fits. */
export function measureMisfit(target: Pick<Target, "id" | "unit" | "measure">, measures: ReadonlyMap<string, Measure> = byId): { zh: string; en: string } | null {
  if (target.measure == null) return null;
  const m = measures.get(target.measure);
  if (!m) {
    // A hand-typed name rather than an id: say what an id looks like.
    const shape = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(target.measure)
      ? { zh: "", en: "" }
      : { zh: "（编号须为小写英文词以连字符连接，如 valid-invention-patents）", en: " (an id is lower-case words joined by dashes, e.g. valid-invention-patents)" };
    return {
      zh: `${target.id} 的统计口径“${target.measure}”不在 data/measures.json 中${shape.zh}`,
      en: `${target.id}: measure "${target.measure}" is not in data/measures.json${shape.en}`,
    };
  }
  if (m.unit !== target.unit) {
    return {
      zh: `${target.id} 的单位“${target.unit}”与统计口径“${m.name.zh}”的单位“${m.unit}”不符`,
      en: `${target.id}: unit "${target.unit}" does not fit measure "${m.name.en}" (unit "${m.unit}")`,
    };
  }
  return null;
}

/**
 * A validated plan with every measure that does not fit the vocabulary set to null, and each one
 * named. A wrong measure never costs the plan: its targets, figures and actuals stay usable, only the
 * comparison across plans leaves the target out. The build and check:data fail on the issues; a plan
 * loaded at run time (deployed, stored in a workbook) is kept and the issue shown as a note.
 */
export function fitMeasures(
  file: string,
  plan: Plan,
  measures: ReadonlyMap<string, Measure> = byId,
): { plan: Plan; issues: CatalogIssue[] } {
  const issues: CatalogIssue[] = [];
  let targets: Target[] | null = null;
  plan.targets.forEach((t, i) => {
    const misfit = measureMisfit(t, measures);
    if (!misfit) return;
    issues.push({
      file,
      path: `$.targets[${i}].measure`,
      zh: `${misfit.zh}；此统计口径不予采用，指标照常使用`,
      en: `${misfit.en}; the measure is not used, the target still is`,
    });
    targets ??= [...plan.targets];
    targets[i] = { ...t, measure: null };
  });
  return { plan: targets ? { ...plan, targets } : plan, issues };
}
