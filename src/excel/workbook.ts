/**
 * The Office JS edge: writes and refreshes the add-in's sheets, reads typed actuals back, selects a
 * target's row. Thin on purpose: what to write is decided in plan.ts, how to write it in apply.ts.
 * Only the task pane calls this; the IP.* functions in the shared runtime never write the workbook.
 *
 * Sync budget: 1 sync to find the add-in's sheets (its marks and the tables), 1 to read them, then
 * 1 per write chunk (one for all five plans; more only when a plan's writes pass the request limit).
 * A sheet of an earlier version whose actuals change unit costs one more read, once.
 */
import { currentCatalog } from "../office/plan-store";
import type { Catalog } from "../core/catalog/catalog";
import { normalizeId } from "../core/catalog/catalog";
import { MethodError, type Observation } from "../core/method/method";
import type { MethodSettings } from "../core/method/settings";
import { a1, a1Block, isActualKey, keyOfHeader, yearOfKey } from "../sheets/columns";
import type { SheetMode } from "../sheets/formulas";
import { buildWorkbookModel, cellScale, markNameOf, OVERVIEW_MARK } from "../sheets/model";
import { applyOps, cellsOf, chunkOps, REQUEST_LIMIT } from "./apply";
import { foreignNamesNote, planLambdaNames } from "./lambda-names";
import { type Marks, resolveMarks } from "./marks";
import { actualInMethodUnits, actualsInCellUnits, rowScale } from "./units";
import {
  type Cell,
  type FilterCriteria,
  type FoundTable,
  OVERVIEW_CHART,
  type OverviewSource,
  overviewSource,
  type PlanOutcome,
  planNewSheet,
  planOverview,
  planRefresh,
  type WriteOp,
} from "./plan";

/** Runs a batch against Excel: Excel.run in the add-in, a stand-in in tests. */
export type ExcelRunner = <T>(batch: (context: Excel.RequestContext) => Promise<T>) => Promise<T>;

export const excelRun: ExcelRunner = (batch) => Excel.run(batch);

export interface RefreshProgress {
  /** Syncs done and planned. */
  done: number;
  total: number;
  message?: string;
}

/** The ExcelApi set the writes need (the highest the edge uses: see src/taskpane/office/host.ts). */
export const WRITE_EXCEL_API = "1.9";

/** Refused before anything is written: this Excel lacks an API set the writes use. */
export class OldExcelError extends Error {
  readonly zh = `此版本的 Excel 不支持写入工作表所需的 ExcelApi ${WRITE_EXCEL_API}（Excel 2019 以前的版本或旧版 Excel 网页版）。未写入任何内容。请更新 Office，或在“工作表”中下载工作簿。`;
  readonly en = `This Excel lacks ExcelApi ${WRITE_EXCEL_API}, which writing the sheets needs (Excel before 2019 or an old Excel on the web). Nothing was written. Update Office, or download the workbook from the Sheets tab.`;
  readonly code = "OldExcel";
  constructor() {
    super("");
    this.message = `${this.zh} / ${this.en}`;
    this.name = "OldExcelError";
  }
}

/** Office's requirement check, or "supported" where there is no Office (tests, the stand-in). */
function officeSupports(name: string, version: string): boolean {
  const office = (globalThis as { Office?: { context?: { requirements?: { isSetSupported(n: string, v?: string): boolean } } } }).Office;
  const requirements = office?.context?.requirements;
  return requirements ? requirements.isSetSupported(name, version) : true;
}

export interface RefreshOptions {
  mode: SheetMode;
  settings: MethodSettings;
  onProgress?: (p: RefreshProgress) => void;
  signal?: AbortSignal;
  catalog?: Catalog;
  run?: ExcelRunner;
  /** Bytes per request (tests lower it to exercise chunking). */
  requestLimit?: number;
  /** Requirement-set check (Office.context.requirements.isSetSupported by default). */
  isSetSupported?: (name: string, version: string) => boolean;
}

export type PlanSummary = Pick<PlanOutcome, "planId" | "sheetName" | "added" | "updated" | "kept" | "flagged" | "notes">;

export interface RefreshSummary {
  plans: PlanSummary[];
  syncs: number;
  /** True when cancelled before every write was sent (what was sent stays written). */
  cancelled: boolean;
  /** Cells written (values, formulas and number formats). */
  cellsWritten: number;
}

interface Discovered {
  marks: Marks;
  sheetNames: string[];
  tableNames: string[];
  names: string[];
  nameFormulas: Array<{ name: string; formula: string }>;
}

/** Sync 1: the workbook's names, sheets and tables; which of them are the add-in's. */
async function discover(context: Excel.RequestContext, sync: () => Promise<void>): Promise<Discovered> {
  const names = context.workbook.names.load("items/name,items/type,items/formula,items/visible");
  const sheets = context.workbook.worksheets.load("items/name");
  const tables = context.workbook.tables.load("items/name,items/worksheet/name");
  await sync();
  const tableInfo = tables.items.map((t) => ({ name: t.name, sheet: t.worksheet.name }));
  const sheetNames = sheets.items.map((s) => s.name);
  const nameInfo = names.items.map((n) => ({ name: n.name, type: String(n.type), formula: String(n.formula ?? ""), visible: n.visible }));
  return {
    marks: resolveMarks(nameInfo, tableInfo, sheetNames),
    sheetNames,
    tableNames: tableInfo.map((t) => t.name),
    names: nameInfo.map((n) => n.name),
    nameFormulas: nameInfo.map((n) => ({ name: n.name, formula: n.formula })),
  };
}

/**
 * An ExcelApi set only current Microsoft 365 builds have, taken as the sign that LAMBDA is there
 * (no requirement set names LAMBDA). A host that passes it and still refuses the names is
 * remembered, and the names are not tried again in that session.
 */
export const LAMBDA_EXCEL_API = "1.16";
const lambdaRefused = new WeakSet<object>();

interface TableRead {
  position: Excel.Range;
  header: Excel.Range;
  body?: Excel.Range;
  /** The official's filter (read for the tables about to be written). */
  filter?: Excel.AutoFilter;
}

/** Queues the reads of a table's position, header and (optionally) body values and filter. */
function queueTableRead(context: Excel.RequestContext, tableName: string, withBody: boolean): TableRead {
  const table = context.workbook.tables.getItem(tableName);
  const position = table.getRange().load("rowIndex,columnIndex,rowCount");
  const header = table.getHeaderRowRange().load("values");
  const body = withBody ? table.getDataBodyRange().load("values") : undefined;
  return { position, header, body };
}

/**
 * A filtered table's rows are shown before the writes and its filter put back after them: writes
 * across rows a filter hides have landed on the wrong rows (office-js #224), and rows cannot be
 * added to a filtered table. The criteria go back by column name, so columns added meanwhile do not
 * shift them.
 */
function filterOps(tableName: string, read: TableRead): { before: WriteOp[]; after: WriteOp[] } {
  const filter = read.filter;
  if (!filter || !filter.isDataFiltered) return { before: [], after: [] };
  const header = (read.header.values[0] ?? []).map((h) => String(h ?? ""));
  const after: WriteOp[] = [];
  (filter.criteria ?? []).forEach((criteria, j) => {
    if (isActiveCriteria(criteria as unknown as FilterCriteria) && header[j]) {
      after.push({ op: "filter", table: tableName, column: header[j], criteria: criteria as unknown as FilterCriteria });
    }
  });
  return { before: [{ op: "clearFilters", table: tableName }], after };
}

/** A column's criteria that filter something (an unfiltered column may come back with empty ones). */
function isActiveCriteria(c: FilterCriteria | null | undefined): boolean {
  if (!c || typeof c.filterOn !== "string" || !c.filterOn) return false;
  if (c.filterOn === "Custom") return typeof c.criterion1 === "string" && c.criterion1 !== "";
  if (c.filterOn === "Values") return (Array.isArray(c.values) && c.values.length > 0) || c.blanks === true;
  return true;
}

function foundTable(planId: string, mark: { tableName: string; sheetName: string; needsUpdate: boolean; visible?: boolean }, read: TableRead): FoundTable {
  return {
    planId,
    tableName: mark.tableName,
    sheetName: mark.sheetName,
    top: read.position.rowIndex,
    left: read.position.columnIndex,
    header: (read.header.values[0] ?? []).map((h) => String(h ?? "")),
    body: read.body?.values as Cell[][] | undefined,
    markNeedsUpdate: mark.needsUpdate,
    markVisible: mark.visible ?? false,
  };
}

const aborted = (signal?: AbortSignal) => signal?.aborted === true;

/**
 * Writes the sheets of the chosen plans, or refreshes them where the add-in already made them, and
 * the overview. Rows are matched by target id; typed actuals are never written over.
 */
export async function writeOrRefreshSheets(planIds: string[], options: RefreshOptions): Promise<RefreshSummary> {
  const catalog = options.catalog ?? currentCatalog();
  const run = options.run ?? excelRun;
  const limit = options.requestLimit ?? REQUEST_LIMIT;
  if (planIds.length === 0) return { plans: [], syncs: 0, cancelled: false, cellsWritten: 0 };
  if (!(options.isSetSupported ?? officeSupports)("ExcelApi", WRITE_EXCEL_API)) throw new OldExcelError();
  // Unknown plans are refused before Excel is touched (the model's error names them in Chinese and English).
  buildWorkbookModel(catalog, planIds, { mode: options.mode, settings: options.settings });
  return run(async (context) => {
    let syncs = 0;
    let total = 3;
    const progress = () => options.onProgress?.({ done: syncs, total });
    const sync = async () => {
      await context.sync();
      syncs++;
      progress();
    };
    const cancelled = (plans: PlanSummary[] = [], cellsWritten = 0): RefreshSummary => ({ plans, syncs, cancelled: true, cellsWritten });
    progress();
    if (aborted(options.signal)) return cancelled();

    const found = await discover(context, sync);
    if (aborted(options.signal)) return cancelled();

    // Sync 2: every marked table's header and position (for the overview), the chosen ones' rows too.
    const chosen = new Set(planIds);
    const reads = new Map<string, TableRead>();
    for (const [planId, mark] of found.marks.plans) {
      const read = queueTableRead(context, mark.tableName, chosen.has(planId));
      if (chosen.has(planId)) read.filter = context.workbook.tables.getItem(mark.tableName).autoFilter.load("isDataFiltered,criteria");
      reads.set(planId, read);
    }
    let chartNames: string[] = [];
    const chartsRead = found.marks.overview ? context.workbook.worksheets.getItem(found.marks.overview.sheetName).charts.load("items/name") : null;
    if (reads.size || chartsRead) await sync();
    else total--;
    if (chartsRead) chartNames = chartsRead.items.map((c) => c.name);

    // Once per sheet of an earlier version whose actuals change unit: its formulas, so that a
    // formula is never replaced by a converted value (see convertOldActuals in plan.ts).
    const oldFormulas = new Map<string, Excel.Range>();
    for (const [planId, read] of reads) {
      const mark = found.marks.plans.get(planId);
      const plan = catalog.plan(planId);
      if (!mark || !chosen.has(planId) || !plan || !plan.targets.some((t) => cellScale(t) !== 1)) continue;
      const header = (read.header.values[0] ?? []).map(keyOfHeader);
      if (!actualsInCellUnits(header) && (read.body?.values.length ?? 0) > 0) {
        oldFormulas.set(planId, context.workbook.tables.getItem(mark.tableName).getDataBodyRange().load("formulas"));
      }
    }
    if (oldFormulas.size) {
      total++;
      await sync();
    }

    const model = buildWorkbookModel(catalog, planIds, {
      mode: options.mode,
      settings: options.settings,
      takenSheetNames: found.sheetNames,
      takenTableNames: [...found.tableNames, ...found.names],
    });
    const ops: WriteOp[] = [];
    const restore: WriteOp[] = [];
    const outcomes: PlanOutcome[] = [];
    const sources = new Map<string, OverviewSource>();
    // Plans not refreshed now keep their row in the overview, counted as far as their table reaches.
    for (const [planId, mark] of found.marks.plans) {
      const read = reads.get(planId) as TableRead;
      if (!chosen.has(planId)) sources.set(planId, overviewSource(foundTable(planId, mark, read), read.position.rowCount - 1, options.mode));
    }
    for (const sheet of model.sheets) {
      const mark = found.marks.plans.get(sheet.plan.id);
      const read = reads.get(sheet.plan.id);
      const formulas = oldFormulas.get(sheet.plan.id)?.formulas as Cell[][] | undefined;
      const planned = mark && read ? planRefresh({ ...foundTable(sheet.plan.id, mark, read), formulas }, sheet) : planNewSheet(sheet);
      if (mark && read) {
        const f = filterOps(mark.tableName, read);
        ops.unshift(...f.before);
        restore.push(...f.after);
      }
      if (!mark && found.marks.stale.has(markNameOf(sheet.plan.id))) {
        for (const op of planned.ops) if (op.op === "mark") op.replace = true;
      }
      ops.push(...planned.ops);
      outcomes.push(planned.outcome);
      sources.set(sheet.plan.id, planned.source);
    }
    const order = catalog.plans.map((p) => p.id);
    const overviewSources = [...sources.values()].sort((a, b) => order.indexOf(a.planId) - order.indexOf(b.planId));
    const overview = found.marks.overview;
    const overviewOps = planOverview(
      model.overview,
      overview ? { sheetName: overview.sheetName, chartExists: chartNames.includes(OVERVIEW_CHART), markVisible: overview.visible } : null,
      overviewSources,
    );
    // The overview sheet was deleted: its broken mark is replaced along with it.
    if (!overview && found.marks.stale.has(OVERVIEW_MARK)) for (const op of overviewOps) if (op.op === "mark") op.replace = true;
    ops.push(...overviewOps);
    ops.push(...restore);

    const chunks = chunkOps(ops, limit);
    // =IPTARGET(…) as typed: LAMBDA names over IP.*, where Excel has LAMBDA. Their own sync, and
    // only when one is missing or out of date; a refusal changes nothing else.
    const names = planLambdaNames(found.nameFormulas);
    const supports = options.isSetSupported ?? officeSupports;
    const defineNames = (names.add.length > 0 || names.update.length > 0) && !lambdaRefused.has(run) && supports("ExcelApi", LAMBDA_EXCEL_API);
    total = syncs + chunks.length + (defineNames ? 1 : 0);
    progress();
    let cellsWritten = 0;
    let attempted = 0;
    const summaries = outcomes.map(({ planId, sheetName, added, updated, kept, flagged, notes }) => ({ planId, sheetName, added, updated, kept, flagged, notes }));
    // Filters cleared by a chunk that went out are put back even when the rest does not follow.
    const putFiltersBack = async () => {
      if (!attempted || !restore.length) return;
      applyOps(context, restore);
      await sync();
    };
    try {
      for (const chunk of chunks) {
        if (aborted(options.signal)) {
          await putFiltersBack();
          return cancelled(cellsWritten ? summaries : [], cellsWritten);
        }
        context.application.suspendApiCalculationUntilNextSync();
        context.application.suspendScreenUpdatingUntilNextSync();
        applyOps(context, chunk);
        attempted++;
        await sync();
        cellsWritten += chunk.reduce((n, op) => n + cellsOf(op), 0);
      }
    } catch (e) {
      await putFiltersBack().catch(() => undefined);
      throw e;
    }

    if (names.foreign.length && summaries[0]) summaries[0].notes = [...summaries[0].notes, foreignNamesNote(names.foreign)];
    if (defineNames) {
      try {
        for (const n of names.add) context.workbook.names.add(n.name, n.formula);
        for (const n of names.update) context.workbook.names.getItem(n.name).formula = n.formula;
        await sync();
      } catch {
        // No LAMBDA here after all: the sheets are written; IP.* works as before.
        lambdaRefused.add(run);
        syncs++;
        progress();
      }
    }
    return { plans: summaries, syncs, cancelled: false, cellsWritten };
  });
}

export interface ActualProblem {
  planId: string;
  sheetName: string;
  address: string;
  zh: string;
  en: string;
}

export interface ReadActualsOptions {
  catalog?: Catalog;
  run?: ExcelRunner;
  /** Receives every cell that could not be read as a number (untrusted text). */
  problems?: ActualProblem[];
}

/**
 * The actuals typed in the add-in's sheets, by target id, in the method's units (元, 件, percent
 * points), read in two syncs. Cells are untrusted text: each goes through cellNumber(); what it
 * refuses is reported, not guessed.
 */
export async function readActuals(options: ReadActualsOptions = {}): Promise<Map<string, Observation[]>> {
  const run = options.run ?? excelRun;
  const catalog = options.catalog ?? currentCatalog();
  return run(async (context) => {
    const sync = async () => {
      await context.sync();
    };
    const found = await discover(context, sync);
    const reads = new Map<string, TableRead>();
    for (const [planId, mark] of found.marks.plans) reads.set(planId, queueTableRead(context, mark.tableName, true));
    if (reads.size) await sync();
    const out = new Map<string, Observation[]>();
    for (const [planId, mark] of found.marks.plans) {
      const table = foundTable(planId, mark, reads.get(planId) as TableRead);
      const keys = table.header.map(keyOfHeader);
      const idCol = keys.indexOf("id");
      if (idCol < 0) continue;
      // Cells hold the plan's unit (0.575 for 0.575亿元, 0.95 for 95 %); a sheet of an earlier
      // version, not yet refreshed, still holds the method's units.
      const cellUnits = actualsInCellUnits(keys);
      const scaleCol = keys.indexOf("scale");
      (table.body ?? []).forEach((row, i) => {
        const raw = String(row[idCol] ?? "").trim();
        if (!raw) return;
        const id = normalizeId(raw);
        const target = catalog.get(id)?.target;
        const scale = cellUnits ? rowScale(target, scaleCol < 0 ? undefined : row[scaleCol]) : 1;
        const list = out.get(id) ?? [];
        keys.forEach((key, j) => {
          if (!key || !isActualKey(key)) return;
          try {
            const value = actualInMethodUnits(row[j] as string | number | boolean, scale, target);
            if (value != null) list.push({ year: yearOfKey(key), value });
          } catch (e) {
            if (!(e instanceof MethodError)) throw e;
            options.problems?.push({
              planId,
              sheetName: table.sheetName,
              address: a1(table.top + 1 + i, table.left + j),
              zh: `${id} ${yearOfKey(key)} 年：${e.zh}`,
              en: `${id} ${yearOfKey(key)}: ${e.en}`,
            });
          }
        });
        if (list.length) out.set(id, list);
      });
    }
    return out;
  });
}

/** Activates the target's sheet and selects its row; false when no sheet of the add-in has it. */
export async function selectTarget(id: string, options: { catalog?: Catalog; run?: ExcelRunner } = {}): Promise<boolean> {
  const catalog = options.catalog ?? currentCatalog();
  const run = options.run ?? excelRun;
  const wanted = normalizeId(id);
  const planId = catalog.get(wanted)?.plan.id ?? wanted.split("-")[0];
  return run(async (context) => {
    const sync = async () => {
      await context.sync();
    };
    const found = await discover(context, sync);
    const mark = found.marks.plans.get(planId);
    if (!mark) return false;
    const read = queueTableRead(context, mark.tableName, true);
    await sync();
    const table = foundTable(planId, mark, read);
    const idCol = table.header.map(keyOfHeader).indexOf("id");
    const row = idCol < 0 ? -1 : (table.body ?? []).findIndex((r) => normalizeId(String(r[idCol] ?? "")) === wanted);
    if (row < 0) return false;
    const sheet = context.workbook.worksheets.getItem(table.sheetName);
    sheet.activate();
    sheet.getRange(a1Block(table.top + 1 + row, table.left, 1, table.header.length)).select();
    await sync();
    return true;
  });
}
