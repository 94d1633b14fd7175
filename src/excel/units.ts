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

/**
 * Refused before anything is written: a sheet of an earlier version holds formulas in actual cells
 * whose unit changes. Their value cannot be converted without replacing what the official typed,
 * and a formula written into a mostly empty table column may fill down over it (calculated columns).
 */
export class OldUnitsFormulaError extends Error {
  readonly code = "OldUnitsFormula";
  readonly zh: string;
  readonly en: string;
  constructor(
    readonly sheetName: string,
    readonly cells: Array<{ id: string; year: number; address: string; scale: number }>,
  ) {
    super("");
    const listZh = cells.map((c) => `${c.address}（${c.id} ${c.year}年，除以 ${c.scale}）`).join("、");
    const listEn = cells.map((c) => `${c.address} (${c.id} ${c.year}, divide by ${c.scale})`).join(", ");
    this.zh =
      `工作表“${sheetName}”由旧版本生成，实际值按基本单位（元、件、百分点）填写，需换算为本表单位，但以下单元格是公式，无法自动换算：${listZh}。` +
      "未写入任何内容。请先把这些公式剪切到实际值列以外（例如您自己的列），刷新后再放回原处，并按括号中的数除以相应倍数。";
    this.en =
      `Sheet "${sheetName}" was made by an earlier version, whose actuals are in base units (元, 件, percent points) and must be converted to the sheet's unit, but these cells hold formulas that cannot be converted automatically: ${listEn}. ` +
      "Nothing was written. Cut these formulas out of the actual columns (into a column of your own, say), refresh, then put them back, divided as the list says.";
    this.message = `${this.zh} / ${this.en}`;
    this.name = "OldUnitsFormulaError";
  }
}
