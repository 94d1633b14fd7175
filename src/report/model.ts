/**
 * The report officials hand in (规划实施情况): plain data built from the catalogue, the actuals and
 * the progress method, with no docx in sight. src/report/docx.ts lays it out as a Word document.
 * Every figure comes from src/sheets/method-row.ts (what the sheets' computed columns show) and
 * assess() (completion, projection) for the same actuals, rounded as the sheets' number formats.
 */
import type { Catalog } from "../core/catalog/catalog";
import { noteIn, type Plan, type Target } from "../core/catalog/schema";
import {
  assess,
  type Assessment,
  dueYear,
  familyOf,
  MethodError,
  type Observation,
  STATUS_CODES,
  STATUS_LABELS,
  type StatusCode,
} from "../core/method/method";
import { DEFAULT_SETTINGS, type MethodSettings } from "../core/method/settings";
import { methodRow } from "../sheets/method-row";
import { cellScale, planYears } from "../sheets/model";
import { cellFigure, displayUnit, formatShare, tableFigure } from "./display";
import { figure, type ReportKind, type ReportLang, TEXT } from "./text";

export type { ReportKind, ReportLang } from "./text";

/** A bilingual problem with the report's input, for the CLI and the pane. */
export class ReportInputError extends Error {
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
    this.name = "ReportInputError";
  }
}

export interface ReportOptions {
  /** Plan ids; every plan when omitted. */
  plans?: readonly string[];
  /** Actuals by target id. */
  actuals: ReadonlyMap<string, readonly Observation[]>;
  /** The year reported on ("截至2024年底"); by default the latest year with an actual. */
  year?: number | null;
  lang?: ReportLang;
  settings?: MethodSettings;
  /** The yearly 实施情况 report (default) or the 中期评估, which also weighs each plan's time elapsed. */
  kind?: ReportKind;
}


/** One target as the report states it. */
export interface TargetReport {
  target: Target;
  status: StatusCode | "na";
  statusText: string;
  /** The year assessed (the latest year with an actual, up to the report's year). */
  latestYear: number | null;
  /** The cells of the 主要指标完成情况表 (quantitative targets only), in TABLE_COLUMNS order. */
  cells: string[] | null;
  /** The sentence about the target; null when it has no data. */
  sentence: string | null;
  /** Why the method cannot answer (status "na"). */
  reason: string | null;
}

export interface PlanReport {
  plan: Plan;
  /** The year this plan is assessed at: the report's year, or the plan's last year if it ended before. */
  year: number;
  counts: Record<StatusCode | "na", number>;
  summary: string;
  targets: TargetReport[];
  /** Quantitative targets, in plan order: the table's rows. */
  tableRows: TargetReport[];
  tableHeader: string[];
  noData: TargetReport[];
  conflicts: Array<{ target: Target; text: string }>;
}

export type Block =
  | { type: "title"; text: string }
  | { type: "subtitle"; text: string }
  | { type: "heading1"; text: string }
  | { type: "heading2"; text: string }
  | { type: "paragraph"; text: string }
  | { type: "caption"; text: string }
  | { type: "table"; header: string[]; rows: string[][]; widthsMm: number[] }
  | { type: "note"; text: string };

export interface ReportModel {
  lang: ReportLang;
  year: number;
  title: string;
  plans: PlanReport[];
  /** The document from top to bottom. */
  blocks: Block[];
}

/** The plan data's free text in the report's language: a {zh, en} pair (en may be empty), or a plain one-language string. */
export function pickLang(text: string | { zh: string; en: string } | null | undefined, lang: ReportLang): string {
  // Names are {zh, en}; notes are {zh, en} with en possibly empty (then the Chinese stands in); a plain string is one language.
  return noteIn(text, lang).trim();
}

function emptyCounts(): Record<StatusCode | "na", number> {
  return Object.fromEntries([...STATUS_CODES, "na"].map((c) => [c, 0])) as Record<StatusCode | "na", number>;
}

/** Plans asked for, checked; all plans when none are named. */
export function choosePlans(catalog: Catalog, ids: readonly string[] | undefined): Plan[] {
  const wanted = ids && ids.length ? ids.map((s) => s.trim().toUpperCase()).filter(Boolean) : catalog.plans.map((p) => p.id);
  const unknown = wanted.filter((id) => !catalog.plan(id));
  if (unknown.length) {
    const known = catalog.plans.map((p) => p.id).join(", ");
    throw new ReportInputError(
      `未知的规划编号：${unknown.join(", ")}（可用：${known}）`,
      `unknown plan ids: ${unknown.join(", ")} (known: ${known})`,
    );
  }
  return [...new Set(wanted)].map((id) => catalog.plan(id) as Plan);
}

/** The years a report on these plans may be about: from the first plan's first year to the last one's end. */
export function reportYears(plans: readonly Plan[]): { first: number; last: number } {
  const all = plans.flatMap((p) => planYears(p));
  return { first: Math.min(...all), last: Math.max(...all) };
}

/** The report's year: the one asked for (checked), else the latest year with an actual, else the plans' last year. */
export function resolveYear(plans: readonly Plan[], actuals: ReadonlyMap<string, readonly Observation[]>, year?: number | null): number {
  const { first, last } = reportYears(plans);
  if (year != null) {
    if (!Number.isInteger(year) || year < first || year > last) {
      throw new ReportInputError(
        `年份「${year}」超出所选规划的年份范围 ${first}–${last}`,
        `the year "${year}" is outside the years of the chosen plans (${first}–${last})`,
      );
    }
    return year;
  }
  let latest: number | null = null;
  for (const plan of plans) {
    const years = planYears(plan);
    for (const t of plan.targets) {
      for (const o of actuals.get(t.id) ?? []) if (years.includes(o.year) && (latest == null || o.year > latest)) latest = o.year;
    }
  }
  return latest ?? last;
}

/** Builds the whole report. Throws ReportInputError for unknown plans or a year out of range. */
export function buildReport(catalog: Catalog, options: ReportOptions): ReportModel {
  const lang = options.lang ?? "zh";
  const settings = options.settings ?? DEFAULT_SETTINGS;
  const plans = choosePlans(catalog, options.plans);
  const year = resolveYear(plans, options.actuals, options.year);
  const kind = options.kind ?? "annual";
  const reports = plans.map((plan) => planReport(plan, year, options.actuals, settings, lang, kind));
  const T = TEXT[lang];
  const title = T.title(year, kind);
  const blocks: Block[] = [
    { type: "title", text: title },
    { type: "subtitle", text: T.subtitle(year) },
  ];

  blocks.push({ type: "heading1", text: T.h1Overall });
  for (const r of reports) blocks.push({ type: "paragraph", text: r.summary });

  blocks.push({ type: "heading1", text: T.h1Targets });
  reports.forEach((r, i) => {
    blocks.push({ type: "heading2", text: T.planHeading(i, planName(r.plan, lang)) });
    if (r.tableRows.length) {
      blocks.push({ type: "caption", text: T.tableCaption(i + 1, planName(r.plan, lang)) });
      blocks.push({
        type: "table",
        header: r.tableHeader,
        rows: r.tableRows.map((t) => t.cells as string[]),
        widthsMm: T.tableWidthsMm,
      });
      blocks.push({ type: "note", text: T.tableNote(settings) });
    }
    for (const t of r.targets) if (t.sentence) blocks.push({ type: "paragraph", text: t.sentence });
  });

  blocks.push({ type: "heading1", text: T.h1NoData });
  reports.forEach((r, i) => {
    blocks.push({ type: "heading2", text: T.planHeading(i, planName(r.plan, lang)) });
    if (r.noData.length === 0) blocks.push({ type: "paragraph", text: T.none });
    else
      blocks.push({
        type: "paragraph",
        text: T.noDataList(r.noData.map((t) => `${t.target.id} ${pickLang(t.target.name, lang)}${t.reason ? `（${t.reason}）` : ""}`)),
      });
  });

  blocks.push({ type: "heading1", text: T.h1Conflicts });
  reports.forEach((r, i) => {
    blocks.push({ type: "heading2", text: T.planHeading(i, planName(r.plan, lang)) });
    if (r.conflicts.length === 0) blocks.push({ type: "paragraph", text: T.noConflicts });
    for (const c of r.conflicts) blocks.push({ type: "paragraph", text: c.text });
  });

  return { lang, year, title, plans: reports, blocks };
}

export function planName(plan: Plan, lang: ReportLang): string {
  return lang === "zh" ? `《${plan.title.zh}》` : plan.title.en;
}

function planReport(
  plan: Plan,
  year: number,
  actuals: ReadonlyMap<string, readonly Observation[]>,
  settings: MethodSettings,
  lang: ReportLang,
  kind: ReportKind,
): PlanReport {
  const T = TEXT[lang];
  const allYears = planYears(plan);
  const asOf = Math.min(year, allYears[allYears.length - 1]);
  // The sheet as it would stand with the actuals up to the report's year.
  const years = allYears.filter((y) => y <= asOf);
  const counts = emptyCounts();
  const targets = plan.targets.map((target) => targetReport(plan, target, years, asOf, actuals.get(target.id) ?? [], settings, lang));
  for (const t of targets) counts[t.status]++;
  const tableRows = targets.filter((t) => t.cells);
  tableRows.forEach((t, i) => ((t.cells as string[])[0] = String(i + 1)));
  const noData = targets.filter((t) => t.status === "noData" || t.status === "na");
  const conflicts = plan.targets.flatMap((target) =>
    target.conflicts.map((c) => ({
      target,
      text: T.conflict(
        target.id,
        pickLang(target.name, lang),
        pickLang(c.note, lang),
        c.value == null || target.kind === "milestone" ? null : figure(target, c.value, lang),
      ),
    })),
  );
  return {
    plan,
    year: asOf,
    counts,
    summary: T.summary(planName(plan, lang), plan, asOf, year, counts, targets.length, tableRows.length, kind),
    targets,
    tableRows,
    tableHeader: T.tableHeader(asOf),
    noData,
    conflicts,
  };
}

function targetReport(
  plan: Plan,
  target: Target,
  years: number[],
  asOf: number,
  series: readonly Observation[],
  settings: MethodSettings,
  lang: ReportLang,
): TargetReport {
  const T = TEXT[lang];
  const ref = { plan, target };
  const fam = familyOf(target.kind);
  const quantitative = (fam === "path" || fam === "yearly") && target.target.value != null;
  const row = years.length ? methodRow(plan, target, years, series, settings) : null;
  const inSheet = series.filter((o) => years.includes(o.year));
  let a: Assessment | null = null;
  let reason: string | null = null;
  try {
    a = assess(ref, inSheet, years.length ? asOf : null, settings);
  } catch (e) {
    if (!(e instanceof MethodError)) throw e;
    reason = lang === "zh" ? e.zh : e.en;
  }
  const status: StatusCode | "na" = a ? a.status : "na";
  const statusText = status === "na" ? T.na : STATUS_LABELS[status][lang];
  const latestYear = typeof row?.latestYear === "number" ? row.latestYear : null;
  // methodRow gives figures as the cells hold them (value ÷ cellScale); assess() in method units.
  const num = (v: unknown) => (typeof v === "number" ? v : null);
  const expectedCell = num(row?.expected);
  const latestCell = num(row?.latest);
  const progress = num(row?.progress);

  let cells: string[] | null = null;
  if (quantitative) {
    const unit = displayUnit(target);
    cells = [
      "", // 序号, numbered below
      pickLang(target.name, lang),
      unit ? T.unit(unit) : "—",
      target.base?.value != null ? `${tableFigure(target, target.base.value)}\n${T.inYear(target.base.year)}` : "—",
      targetCell(target, lang),
      latestCell == null
        ? "—"
        : latestYear != null && latestYear !== asOf
          ? `${cellFigure(target, latestCell)}\n${T.inYear(latestYear)}`
          : cellFigure(target, latestCell),
      cellFigure(target, expectedCell),
      formatShare(progress),
      statusText,
    ];
  }

  let sentence: string | null = null;
  if (a && a.status !== "noData" && a.year != null && a.achieved != null) {
    sentence = T.sentence({
      target,
      name: pickLang(target.name, lang),
      fam,
      status: a.status,
      year: a.year,
      due: dueYear(ref),
      achieved: a.achieved,
      // Back to method units, beside the achieved value it is compared with.
      expected: expectedCell == null ? null : expectedCell * cellScale(target),
      completion: a.completion,
      projected: a.projected,
      baseline: a.baseline,
    });
  }
  return { target, status, statusText, latestYear, cells, sentence, reason };
}

function targetCell(t: Target, lang: ReportLang): string {
  const T = TEXT[lang];
  const v = t.target.value as number;
  const figure =
    t.comparator === "range" && t.target.max != null ? `${tableFigure(t, v)}–${tableFigure(t, t.target.max)}` : tableFigure(t, v);
  return t.target.year != null ? `${figure}\n${T.inYear(t.target.year)}` : figure;
}
