/**
 * How the add-in knows its sheets: a hidden workbook name per sheet (IPTargets.JZ, IPTargets.Overview)
 * whose formula refers to the sheet's table (=IP_JZ[#Headers]) or to cells of the sheet. Excel keeps
 * such a name pointing at the same table or cells when the official renames the sheet or the table,
 * moves the table, or inserts rows and columns; so a sheet is never recognised by its name, and a
 * sheet the official named like ours is never taken for ours.
 */
import { MARK_PREFIX, OVERVIEW_MARK } from "../sheets/model";

export interface NameInfo {
  name: string;
  /** NamedItem.type: "Range" for a live reference; "Error" once what it named was deleted. */
  type: string;
  formula: string;
  visible: boolean;
}

export interface TableInfo {
  name: string;
  sheet: string;
}

export interface PlanMark {
  planId: string;
  markName: string;
  tableName: string;
  sheetName: string;
  /** Re-point the name at the table (it refers to cells, as the .xlsx builder writes it). */
  needsUpdate: boolean;
  /** The name shows (hiding it may not take on some builds; the mark works either way). */
  visible: boolean;
}

export interface Marks {
  plans: Map<string, PlanMark>;
  overview: { sheetName: string; visible: boolean } | null;
  /** Names of marks whose sheet or table no longer exists; a new write replaces them. */
  stale: Set<string>;
}

/** The table a structured reference names (=IP_JZ[#Headers] → IP_JZ). */
export function tableOfFormula(formula: string): string | null {
  // Table names may be Chinese (an official can rename the table to 焦作表).
  const m = /^=?\s*([^\s[\]'!=(),+\-*/&^<>"]+)\[/.exec(formula.trim());
  return m ? m[1] : null;
}

/** The sheet an A1 reference points into (='焦作 JZ'!$A$7:$AG$7 → 焦作 JZ). */
export function sheetOfFormula(formula: string): string | null {
  const m = /^=?\s*(?:'((?:[^']|'')+)'|([^'!=#]+))!\$?[A-Z]{1,3}\$?\d+/.exec(formula.trim());
  if (!m) return null;
  return m[1] != null ? m[1].replace(/''/g, "'") : m[2];
}

export function resolveMarks(names: readonly NameInfo[], tables: readonly TableInfo[], sheetNames: readonly string[]): Marks {
  const plans = new Map<string, PlanMark>();
  const stale = new Set<string>();
  let overview: Marks["overview"] = null;
  const lower = (s: string) => s.toLowerCase();
  for (const item of names) {
    if (!item.name.startsWith(MARK_PREFIX)) continue;
    const usable = item.type === "Range" && !item.formula.includes("#REF!");
    if (item.name === OVERVIEW_MARK) {
      const sheet = usable ? sheetOfFormula(item.formula) : null;
      const found = sheet == null ? undefined : sheetNames.find((s) => lower(s) === lower(sheet));
      if (found) overview = { sheetName: found, visible: item.visible };
      else stale.add(item.name);
      continue;
    }
    const planId = item.name.slice(MARK_PREFIX.length);
    if (!usable) {
      stale.add(item.name);
      continue;
    }
    const named = tableOfFormula(item.formula);
    let table: TableInfo | undefined;
    if (named) table = tables.find((t) => lower(t.name) === lower(named));
    else {
      // A mark on cells (as the .xlsx builder writes it): the table on that sheet.
      const sheet = sheetOfFormula(item.formula);
      const onSheet = tables.filter((t) => sheet != null && lower(t.sheet) === lower(sheet));
      table = onSheet.find((t) => lower(t.name).startsWith(lower(`IP_${planId}`))) ?? (onSheet.length === 1 ? onSheet[0] : undefined);
    }
    if (!table) {
      stale.add(item.name);
      continue;
    }
    plans.set(planId, {
      planId,
      markName: item.name,
      tableName: table.name,
      sheetName: table.sheet,
      needsUpdate: !named,
      visible: item.visible,
    });
  }
  return { plans, overview, stale };
}
