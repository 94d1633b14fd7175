/**
 * One county workbook → its typed actuals in the method's units, and every cell or file that could
 * not be used, named by file, sheet and row (issue 13 §2). Never throws for a bad file.
 *
 * Units: each row's own 比例 scale cell converts its figures (0.8 亿元 × 1e8 → 80000000 元, 0.95 ×
 * 100 → 95 percent points), as src/excel/units.ts does on refresh: the workbook may have been
 * written from another version of the plan than the catalogue's. Without a usable scale cell the
 * target's scale applies where the table holds cell units, else 1 (sheets of earlier versions held
 * method units).
 */
import type { Catalog } from "../core/catalog/catalog";
import { cellScale } from "../sheets/model";
import { type ColumnKey, keyOfHeader, yearOfKey, isActualKey } from "../sheets/columns";
import { actualsInCellUnits, tidy } from "../excel/units";
import { looksLikeActualHeader, type MarkedTable, type RawCell, readWorkbook } from "./read-xlsx";
import type { CollectedActual, RollupOptions, RollupProblem, RollupText } from "./types";
import { openZip, ZipError } from "./zip";

/** What one file gave before ids are looked up (plans stored in other files may define them). */
export interface FileRead {
  name: string;
  tables: MarkedTable[];
  storedPlans: string[];
  problems: RollupProblem[];
  mode: "live" | "portable" | "unknown";
}

const excerpt = (s: string) => (s.length > 40 ? s.slice(0, 40) + "…" : s);

/** Opens and scans a file: the add-in's tables, the plans it stores, or why it cannot be read. */
export async function readFile(name: string, bytes: Uint8Array, inflate?: RollupOptions["inflateRaw"]): Promise<FileRead> {
  const read: FileRead = { name, tables: [], storedPlans: [], problems: [], mode: "unknown" };
  const problem = (kind: RollupProblem["kind"], message: RollupText) => read.problems.push({ file: name, kind, message });
  try {
    const wb = await readWorkbook(await openZip(bytes, inflate));
    read.tables = wb.tables;
    read.storedPlans = wb.storedPlans;
    for (const mark of wb.staleMarks) {
      problem("other", {
        zh: `加载项的标记 ${mark} 指向的工作表或表格已不存在（被删除？），该表未读取`,
        en: `the add-in's mark ${mark} points at a sheet or table that no longer exists (deleted?); not read`,
      });
    }
    if (wb.tables.length === 0 && wb.staleMarks.length === 0) {
      problem("not-ours", {
        zh: "不是本加载项生成的目标工作簿：没有加载项的标记（IPTargets.*），未读取",
        en: "not a target workbook of the add-in: it has none of the add-in's marks (IPTargets.*); not read",
      });
    }
    if (wb.tables.length) read.mode = wb.tables.some((t) => t.live) ? "live" : "portable";
  } catch (e) {
    if (e instanceof ZipError) problem("corrupt", { zh: `无法读取：${e.zh}`, en: `cannot be read: ${e.en}` });
    else {
      const msg = excerpt(String((e as Error)?.message ?? e));
      problem("other", { zh: `读取时出错：${msg}`, en: `error while reading: ${msg}` });
    }
  }
  return read;
}

/** Text to show of a cell that is not a number. */
function shown(cell: RawCell): string {
  switch (cell.kind) {
    case "text":
    case "error":
      return cell.text;
    case "bool":
      return cell.value ? "TRUE" : "FALSE";
    default:
      return "";
  }
}

/**
 * The actuals of a file's tables, looked up in the catalogue (which by now holds the plans the
 * files store). An id no plan defines, text where a number belongs and a formula without a numeric
 * result are problems with sheet and row; everything else is collected.
 */
export function actualsOf(read: FileRead, catalog: Catalog): { actuals: CollectedActual[]; problems: RollupProblem[] } {
  const actuals: CollectedActual[] = [];
  const problems: RollupProblem[] = [];
  for (const table of read.tables) {
    const at = (row: number, kind: RollupProblem["kind"], message: RollupText) =>
      problems.push({ file: read.name, sheet: table.sheet, row, kind, message });
    const keys = new Map<number, ColumnKey | null>([...table.header].map(([c, h]) => [c, keyOfHeader(h)]));
    const colOf = (key: ColumnKey) => [...keys].find(([, k]) => k === key)?.[0];
    const idCol = colOf("id");
    const scaleCol = colOf("scale");
    const years = [...keys]
      .filter((e): e is [number, ColumnKey] => e[1] != null && isActualKey(e[1]))
      .map(([col, key]) => ({ col, year: yearOfKey(key as `actual:${number}`), header: table.header.get(col)! }));
    if (idCol == null) {
      at(table.headerRow, "other", {
        zh: `工作表“${table.sheet}”（规划 ${table.planId}）缺少“编号”列，无法按编号读取实际值`,
        en: `sheet "${table.sheet}" (plan ${table.planId}) has no 编号 (id) column: its actuals cannot be matched to targets`,
      });
      continue;
    }
    const inCellUnits = actualsInCellUnits([...keys.values()]);
    // Columns that look like a year's actuals under an edited header: their figures are named, not collected.
    for (const [col, text] of table.header) {
      if (keys.get(col) != null || !looksLikeActualHeader(text)) continue;
      const numbers = table.rows.filter(({ cells }) => cells.get(col)?.kind === "number").length;
      if (numbers === 0) continue;
      const year = /(19|20)\d{2}/.exec(text)![0];
      at(table.headerRow, "other", {
        zh: `工作表“${table.sheet}”的列“${excerpt(text)}”像是 ${year} 年的实际值，但表头已被改动（加载项的表头是“${year}年实际”），其中 ${numbers} 个数未汇总；请把表头改回“${year}年实际”后再交`,
        en: `sheet "${table.sheet}": column "${excerpt(text)}" looks like the actuals of ${year} but its header was changed (the add-in's is "${year}年实际"); its ${numbers} figure(s) are not collected: restore the header`,
      });
    }
    for (const { row, cells } of table.rows) {
      const idCell = cells.get(idCol);
      const id = idCell ? shown(idCell) || (idCell.kind === "number" ? String(idCell.value) : "") : "";
      const typed = years.filter((y) => cells.has(y.col));
      // A row without an id is the official's own (a note, a subtotal): not the add-in's.
      if (!id.trim() || typed.length === 0) continue;
      const entry = catalog.get(id);
      if (!entry) {
        at(row, "unknown-target", {
          zh: `第 ${row} 行的编号“${excerpt(id)}”不属于任何已知规划（内置、--plans 或工作簿中保存的），其 ${typed.length} 个实际值未汇总`,
          en: `row ${row}: id "${excerpt(id)}" belongs to no known plan (bundled, --plans or stored in a workbook); its ${typed.length} actual(s) are not collected`,
        });
        continue;
      }
      const scaleCell = scaleCol == null ? undefined : cells.get(scaleCol);
      const scale =
        scaleCell?.kind === "number" && Number.isFinite(scaleCell.value) && scaleCell.value > 0
          ? scaleCell.value
          : inCellUnits
            ? cellScale(entry.target)
            : 1;
      for (const { col, year, header } of typed) {
        const cell = cells.get(col)!;
        if (cell.kind === "number") {
          actuals.push({
            file: read.name,
            sheet: table.sheet,
            row,
            planId: entry.plan.id,
            targetId: entry.target.id,
            year,
            value: tidy(cell.value * scale),
          });
        } else if (cell.kind === "uncalculated") {
          at(row, "other", {
            zh: `第 ${row} 行 ${entry.target.id} 的“${header}”是公式，文件中没有它的计算结果（请在 Excel 中打开、计算并保存后再交）`,
            en: `row ${row}: ${entry.target.id}'s "${header}" is a formula the file holds no result for (open it in Excel, let it calculate, save)`,
          });
        } else if (cell.kind === "error") {
          at(row, "other", {
            zh: `第 ${row} 行 ${entry.target.id} 的“${header}”是错误值 ${excerpt(cell.text)}，不是数字`,
            en: `row ${row}: ${entry.target.id}'s "${header}" is the error ${excerpt(cell.text)}, not a number`,
          });
        } else {
          const text = shown(cell);
          at(row, "text", {
            zh: `第 ${row} 行 ${entry.target.id} 的“${header}”是文字「${excerpt(text)}」而不是数字，未汇总（请填数字，百分比可填 95%）`,
            en: `row ${row}: ${entry.target.id}'s "${header}" holds the text "${excerpt(text)}", not a number; not collected (type a number; 95% for a percentage)`,
          });
        }
      }
    }
  }
  return { actuals, problems };
}
