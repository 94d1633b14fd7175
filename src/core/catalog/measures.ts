/**
 * The measure vocabulary (data/measures.json, docs/data.md "Measures"): the common statistics the
 * plans set targets for, so one indicator can be set side by side across plans and summed from
 * lower levels. The file is checked by `npm run check:data` and the tests (schema MeasureFile);
 * here it is only read, so the first screen loads no validator.
 */
import measureFile from "../../../data/measures.json";
import type { Measure, Target } from "./schema";

export const MEASURES: readonly Measure[] = (measureFile as { measures: Measure[] }).measures;

const byId = new Map(MEASURES.map((m) => [m.id, m]));

export function measureById(id: string | null | undefined): Measure | undefined {
  return id == null ? undefined : byId.get(id);
}

/** Why a target may not carry its measure (unknown id, another unit), in Chinese and English; null when it fits. */
export function measureMisfit(target: Pick<Target, "id" | "unit" | "measure">, measures: ReadonlyMap<string, Measure> = byId): { zh: string; en: string } | null {
  if (target.measure == null) return null;
  const m = measures.get(target.measure);
  if (!m) {
    return {
      zh: `${target.id} 的统计口径“${target.measure}”不在 data/measures.json 中`,
      en: `${target.id}: measure "${target.measure}" is not in data/measures.json`,
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
