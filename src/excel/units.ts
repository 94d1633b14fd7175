/**
 * Units of the actual cells. Sheets hold figures as the plan prints them (0.575 for 0.575亿元, 0.95
 * for 95 %: cellScale() in src/sheets/model.ts); the method counts 元, 件 and percent points. Sheets
 * written before the scale column existed held typed actuals in the method's units (80000000 for a
 * 亿元 target, 95 for 95 %). Which of the two a table holds is read from its layout.
 */
import type { Target } from "../core/catalog/schema";
import { cellNumber } from "../core/method/input";
import { type ColumnKey, HELPER_KEYS, isMilestoneKey, PARAM_KEYS } from "../sheets/columns";
import { cellScale } from "../sheets/model";

const TECHNICAL = new Set<string>([...PARAM_KEYS, ...HELPER_KEYS]);

/**
 * True when a table's actual cells hold figures in the cell unit: it has any of the parameter,
 * helper or milestone columns that came with that unit. Sheets of earlier versions have none of
 * them. (An official who deleted only the scale column still has the others, so their figures are
 * not converted twice.)
 */
export function actualsInCellUnits(keys: ReadonlyArray<ColumnKey | null>): boolean {
  return keys.some((k) => k != null && (TECHNICAL.has(k) || isMilestoneKey(k)));
}

/** Rounds away the binary noise of a unit change (0.575 × 1e8 = 57499999.99999999). */
export const tidy = (n: number): number => Number(n.toPrecision(15));

/**
 * A typed actual in the method's units, or null for a blank cell (throws MethodError for text that
 * is not a number). `scale` is the cell's factor: cellScale() of the target where the table holds
 * cell units, 1 where it holds the units of earlier versions. Text like "95%" in a percent cell is
 * read as the percentage it says (Excel stores a typed 95% as 0.95, but a text cell keeps it).
 */
export function actualInMethodUnits(raw: string | number | boolean | null | undefined, scale: number, target?: Target): number | null {
  const value = cellNumber(raw ?? null);
  if (value == null) return null;
  if (target?.unit === "%" && scale === 100 && typeof raw === "string" && /%\s*$/.test(raw)) return value;
  return tidy(value * scale);
}

/** The factor of a row's actual cells: its target's, else (a dropped target) the row's own scale cell, else 1. */
export function rowScale(target: Target | undefined, scaleCell: unknown): number {
  if (target) return cellScale(target);
  return typeof scaleCell === "number" && Number.isFinite(scaleCell) && scaleCell > 0 ? scaleCell : 1;
}
