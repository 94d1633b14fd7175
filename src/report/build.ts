/**
 * The report from the task pane: from actuals already read (the written sheets, in Excel) or from
 * the bytes of an actuals CSV the official opened (the browser preview), to the .docx bytes. No
 * Node imports: the pane loads this as its own chunk when the report is asked for.
 */
import type { Catalog } from "../core/catalog/catalog";
import type { Observation } from "../core/method/method";
import type { MethodSettings } from "../core/method/settings";
import { readReportActuals } from "./actuals";
import { buildReportDocx } from "./docx";
import { buildReport, type ReportKind, type ReportLang } from "./model";

export interface ReportRequest {
  plans?: string[];
  /** Actuals read from the workbook's sheets … */
  actuals?: ReadonlyMap<string, readonly Observation[]>;
  /** … or the bytes of an actuals CSV (id,year,value). */
  csv?: Uint8Array;
  year?: number | null;
  lang: ReportLang;
  settings?: MethodSettings;
  /** 实施情况 (default) or 中期评估. */
  kind?: ReportKind;
}

export interface ReportFile {
  data: Uint8Array;
  /** The year the report is about. */
  year: number;
  /** Rows of the CSV that could not be used, in Chinese and English. */
  problems: string[];
}

/** Throws ReportInputError (Chinese and English) for input a person must fix. */
export async function buildReportFile(catalog: Catalog, request: ReportRequest): Promise<ReportFile> {
  let actuals = request.actuals ?? new Map<string, readonly Observation[]>();
  let problems: string[] = [];
  if (request.csv) ({ actuals, problems } = readReportActuals(request.csv, catalog));
  // Without a choice, the plans the official has typed actuals for (all of them before any is typed).
  const typed = catalog.plans.filter((p) => p.targets.some((t) => (actuals.get(t.id)?.length ?? 0) > 0)).map((p) => p.id);
  const plans = request.plans ?? (typed.length ? typed : undefined);
  const model = buildReport(catalog, { plans, actuals, year: request.year, lang: request.lang, settings: request.settings, kind: request.kind });
  return { data: await buildReportDocx(model), year: model.year, problems };
}
