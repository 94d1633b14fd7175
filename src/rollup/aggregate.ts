/**
 * Replaced by s3 (the aggregation engineer's pure aggregateActuals): this stand-in keeps the
 * collect branch compiling and finds conflicts only; byMeasure stays empty until the merge.
 */
import type { Catalog } from "../core/catalog/catalog";
import type { CollectedActual, MeasureRollupRow, RollupConflict } from "./types";

export function aggregateActuals(
  actuals: readonly CollectedActual[],
  catalog: Catalog,
): { conflicts: RollupConflict[]; byMeasure: MeasureRollupRow[] } {
  void catalog;
  const byKey = new Map<string, CollectedActual[]>();
  for (const a of actuals) {
    const key = `${a.targetId}\u0000${a.year}`;
    byKey.set(key, [...(byKey.get(key) ?? []), a]);
  }
  const conflicts: RollupConflict[] = [];
  for (const list of byKey.values()) {
    if (new Set(list.map((a) => a.value)).size > 1) {
      conflicts.push({
        targetId: list[0].targetId,
        year: list[0].year,
        values: list.map(({ file, sheet, row, value }) => ({ file, sheet, row, value })),
      });
    }
  }
  return { conflicts, byMeasure: [] };
}
