/**
 * The IP.* worksheet functions as plain functions over the catalogue and the method. The Excel
 * layer (src/functions/functions.ts) and the shell (`npm run ip`) both call these, so a formula and
 * a script always give the same answer. Errors are MethodError: NA → #N/A, VALUE → #VALUE!.
 */
import { type Catalog, type CatalogEntry, normalizeId } from "../catalog/catalog";
import { measureById } from "../catalog/measures";
import { noteIn } from "../catalog/schema";
import {
  assess,
  dueYear,
  expectedValue,
  familyOf,
  MethodError,
  type Observation,
  planBaseline,
  STATUS_LABELS,
  targetValue,
} from "../method/method";
import { ACTUAL, type CellValue, cellNumber, cellYear, excerpt, flatRange } from "../method/input";
import { isPercentTarget, percentActual, percentOut } from "../method/percent";
import { baseTolerance } from "../method/rounding";
import { DEFAULT_SETTINGS, type MethodSettings } from "../method/settings";

export type Matrix = CellValue[][];
export type Lang = "zh" | "en";

/** What each kind of quantity is called, shared by the sheets and the task pane. */
export const KIND_LABELS: Readonly<Record<string, { zh: string; en: string }>> = {
  level: { zh: "期末水平", en: "level at year end" },
  cumulative: { zh: "累计值", en: "running total" },
  additions: { zh: "期内新增", en: "additions over the period" },
  annual: { zh: "年度值", en: "yearly amount" },
  growthRate: { zh: "年均增速", en: "average annual growth rate" },
  growth: { zh: "较基期增幅", en: "growth since the base year" },
  milestone: { zh: "是否完成", en: "yes/no milestone" },
  qualitative: { zh: "定性目标", en: "qualitative direction" },
};
export const kindLabel = (kind: string, lang: Lang = "zh") => KIND_LABELS[kind]?.[lang] ?? kind;

const COMPARATOR_LABELS: Record<string, { zh: string; en: string }> = {
  reach: { zh: "达到", en: "reach" },
  exceed: { zh: "超过", en: "exceed" },
  atLeast: { zh: "不低于", en: "at least" },
  atMost: { zh: "不超过", en: "at most" },
  range: { zh: "区间", en: "within the range" },
  none: { zh: "—", en: "—" },
};
export const comparatorLabel = (c: string, lang: Lang = "zh") => COMPARATOR_LABELS[c]?.[lang] ?? c;

export function parseLang(v: CellValue): Lang {
  if (v == null || v === "") return "zh";
  const s = String(v).trim().toLowerCase();
  if (s === "en" || s === "en-us" || s === "english" || s === "英文") return "en";
  if (s === "zh" || s === "zh-cn" || s === "chinese" || s === "中文" || s === "cn") return "zh";
  throw new MethodError("VALUE", `语言「${excerpt(String(v))}」无效，请用 "zh" 或 "en"`, `language "${excerpt(String(v))}" is not valid; use "zh" or "en"`);
}

/**
 * Figures in and out follow one rule for percent targets (docs/method.md §1a): Excel percentages,
 * 0.95 = 95 %; the method itself works in percent points.
 */
const figureOut = (e: CatalogEntry, v: number): number => (isPercentTarget(e.target) ? percentOut(v) : v);
const figureOrNull = (e: CatalogEntry, v: number | null | undefined): number | null => (v == null ? null : figureOut(e, v));
const actualIn = (e: CatalogEntry, v: CellValue): number | null => (isPercentTarget(e.target) ? percentActual(v, e.target) : cellNumber(v));

/** Fields IP.INFO answers, with their Chinese aliases. */
const INFO_FIELDS: Record<string, (e: CatalogEntry) => CellValue> = {
  name: (e) => e.target.name.zh,
  name_en: (e) => e.target.name.en,
  unit: (e) => e.target.unit,
  plan: (e) => e.plan.id,
  plan_title: (e) => e.plan.title.zh,
  plan_title_en: (e) => e.plan.title.en,
  kind: (e) => e.target.kind,
  comparator: (e) => e.target.comparator,
  direction: (e) => e.target.direction,
  area: (e) => e.target.area,
  attribute: (e) => e.target.attribute ?? "",
  base_year: (e) => e.target.base?.year ?? null,
  base_value: (e) => figureOrNull(e, e.target.base?.value),
  // How far the true base may lie from a derived one (docs/method.md §2a); 0 for a printed base.
  base_tolerance: (e) => (e.target.base?.value == null ? null : figureOut(e, baseTolerance(e))),
  target_year: (e) => e.target.target.year,
  target_value: (e) => figureOrNull(e, e.target.target.value),
  target_max: (e) => figureOrNull(e, e.target.target.max),
  milestones: (e) => e.target.milestones.map((m) => `${m.year}: ${m.value}${isPercentTarget(e.target) ? "%" : ""}`).join("; "),
  quote: (e) => e.target.quotes[0],
  quotes: (e) => e.target.quotes.join(" | "),
  section: (e) => e.target.section,
  source: (e) => e.plan.source,
  responsible: (e) => e.target.responsible.join("、"),
  // Notes are Chinese, as the sheets are; note_en gives the English (the Chinese where there is none).
  conflicts: (e) => e.target.conflicts.map((c) => `${c.field}=${c.value ?? "?"}: ${noteIn(c.note, "zh")}`).join(" | "),
  derived: (e) => e.target.derived.map((d) => `${d.field}: ${noteIn(d.note, "zh")}`).join(" | "),
  note: (e) => noteIn(e.target.note, "zh"),
  note_en: (e) => noteIn(e.target.note, "en"),
  // The common statistic the target counts (data/measures.json); "" where it counts none.
  measure: (e) => measureById(e.target.measure)?.name.zh ?? "",
  measure_en: (e) => measureById(e.target.measure)?.name.en ?? "",
  measure_id: (e) => (measureById(e.target.measure) ? e.target.measure! : ""),
};
const INFO_ALIASES: Record<string, string> = {
  名称: "name", 英文名称: "name_en", 单位: "unit", 规划: "plan", 规划名称: "plan_title", 类型: "kind",
  比较: "comparator", 方向: "direction", 领域: "area", 属性: "attribute", 基期年: "base_year",
  基期值: "base_value", 基期误差: "base_tolerance", 目标年: "target_year", 目标值: "target_value", 上限: "target_max",
  阶段目标: "milestones", 原文: "quote", 出处: "section", 来源: "source", 责任单位: "responsible",
  冲突: "conflicts", 推算: "derived", 备注: "note", 英文备注: "note_en",
  统计口径: "measure", 英文统计口径: "measure_en", 统计口径编号: "measure_id",
};
export const INFO_FIELD_NAMES = Object.keys(INFO_FIELDS);

export interface IpFunctions {
  TARGET(id: CellValue, year?: CellValue): number;
  BASELINE(id: CellValue): number;
  EXPECTED(id: CellValue, year: CellValue): number;
  PROGRESS(id: CellValue, actual: CellValue | Matrix, year?: CellValue): number;
  COMPLETION(id: CellValue, actual: CellValue | Matrix, year?: CellValue): number;
  STATUS(id: CellValue, actual: CellValue | Matrix, year?: CellValue, language?: CellValue): string;
  GAP(id: CellValue, actual: CellValue | Matrix, year?: CellValue): number;
  REQUIRED(id: CellValue, actual: CellValue | Matrix, year: CellValue): number;
  PROJECT(id: CellValue, actuals: CellValue | Matrix, years: CellValue | Matrix, method?: CellValue): number;
  INFO(id: CellValue, field: CellValue): CellValue;
  LIST(plan: CellValue, language?: CellValue): Matrix;
}

/** Builds the functions over a catalogue; settings are read on every call so changes apply at once. */
export function createIpFunctions(catalog: Catalog, settings: () => MethodSettings = () => DEFAULT_SETTINGS): IpFunctions {
  const entry = (id: CellValue): CatalogEntry => {
    if (id == null || String(id).trim() === "") {
      throw new MethodError("NA", "缺少指标编号", "the target id is missing");
    }
    const found = catalog.get(String(id));
    if (!found) {
      // A plan file that failed to load explains its missing targets better than "unknown id".
      const prefix = normalizeId(String(id)).split("-")[0];
      // A note on a measure of a plan that did load is no such failure: the id is simply unknown.
      const loaded = catalog.plan(prefix) != null;
      const broken = catalog.issues.find((i) => i.file.endsWith(`/${prefix}.json`) && !(loaded && /\.measure$/.test(i.path)));
      if (broken) {
        throw new MethodError(
          "NA",
          `规划文件 ${broken.file} 有错误，未能加载：${broken.zh}`,
          `the plan file ${broken.file} has an error and was not loaded: ${broken.en}`,
        );
      }
      throw new MethodError("NA", `未知的指标编号「${excerpt(String(id))}」`, `unknown target id "${excerpt(String(id))}"`);
    }
    return found;
  };

  /**
   * The actuals argument as a yearly series: one number (the actual of `year`), or a row/column of
   * consecutive years ending at `year`. `year` defaults to the target year. Empty cells are no data.
   */
  const series = (e: CatalogEntry, actual: CellValue | Matrix, year: CellValue): { obs: Observation[]; year: number } => {
    const y = cellYear(year) ?? dueYear(e);
    const cells = flatRange(actual, ACTUAL);
    const obs: Observation[] = [];
    cells.forEach((c, i) => {
      const v = actualIn(e, c);
      if (v != null) obs.push({ year: y - (cells.length - 1 - i), value: v });
    });
    return { obs, year: y };
  };

  const needData = (e: CatalogEntry): never => {
    throw new MethodError("NA", `${e.target.id} 没有实际值（无数据）`, `${e.target.id} has no actual (no data)`);
  };

  return {
    TARGET(id, year) {
      const e = entry(id);
      return figureOut(e, targetValue(e, cellYear(year ?? null), settings()));
    },
    BASELINE(id) {
      const e = entry(id);
      const b = planBaseline(e);
      if (!b || (e.target.kind !== "additions" && e.target.kind !== "growth" && e.target.base?.value == null)) {
        throw new MethodError("NA", `规划未给出 ${e.target.id} 的基期值`, `the plan gives no base value for ${e.target.id}`);
      }
      return figureOut(e, b.value);
    },
    EXPECTED(id, year) {
      const e = entry(id);
      const y = cellYear(year);
      if (y == null) throw new MethodError("VALUE", "缺少年份", "the year is missing");
      return figureOut(e, expectedValue(e, y, settings()));
    },
    PROGRESS(id, actual, year) {
      const e = entry(id);
      const { obs, year: y } = series(e, actual, year);
      const fam = familyOf(e.target.kind);
      if (fam === "qualitative") throw new MethodError("NA", `${e.target.id} 是定性目标，无法计算进度`, `${e.target.id} is qualitative; it has no progress figure`);
      const a = assess(e, obs, y, settings());
      if (a.status === "noData") return needData(e);
      if (a.progress == null) {
        throw new MethodError(
          "NA",
          `规划未给出 ${e.target.id} 的基期值，无法计算相对基期的进度；可用 IP.COMPLETION 计算完成率`,
          `the plan gives ${e.target.id} no base, so progress from the base is undefined; IP.COMPLETION gives the completion ratio`,
        );
      }
      return a.progress;
    },
    COMPLETION(id, actual, year) {
      const e = entry(id);
      const { obs, year: y } = series(e, actual, year);
      if (familyOf(e.target.kind) === "qualitative") throw new MethodError("NA", `${e.target.id} 是定性目标，无法计算完成率`, `${e.target.id} is qualitative; it has no completion ratio`);
      const a = assess(e, obs, y, settings());
      if (a.status === "noData") return needData(e);
      if (a.completion == null) throw new MethodError("NA", `${e.target.id} 的完成率无法计算（目标或实际值为零）`, `the completion ratio of ${e.target.id} is undefined (zero target or actual)`);
      return a.completion;
    },
    STATUS(id, actual, year, language) {
      const lang = parseLang(language ?? null);
      const e = entry(id);
      const { obs, year: y } = series(e, actual, year);
      return STATUS_LABELS[assess(e, obs, y, settings()).status][lang];
    },
    GAP(id, actual, year) {
      const e = entry(id);
      const { obs, year: y } = series(e, actual, year);
      const fam = familyOf(e.target.kind);
      if (fam === "qualitative" || fam === "milestone") throw noFigureGap(e);
      const a = assess(e, obs, y, settings());
      if (a.status === "noData" || a.gap == null) return needData(e);
      return figureOut(e, a.gap);
    },
    REQUIRED(id, actual, year) {
      const e = entry(id);
      if (cellYear(year) == null) throw new MethodError("VALUE", "缺少年份", "the year is missing");
      const { obs, year: y } = series(e, actual, year);
      const fam = familyOf(e.target.kind);
      if (fam === "qualitative" || fam === "milestone") throw noFigureGap(e);
      const due = dueYear(e);
      if (y >= due) {
        throw new MethodError("NA", `目标年 ${due} 已到（${y}），无需再推算每年所需`, `the target year ${due} has come (${y}); no yearly requirement is left`);
      }
      const a = assess(e, obs, y, settings());
      if (a.status === "noData" || a.requiredPerYear == null) return needData(e);
      return figureOut(e, a.requiredPerYear);
    },
    PROJECT(id, actuals, years, method) {
      const e = entry(id);
      const fam = familyOf(e.target.kind);
      if (fam === "qualitative" || fam === "milestone") throw noFigureGap(e);
      const vs = flatRange(actuals, ACTUAL);
      const ys = flatRange(years, { zh: "年份", en: "the years" });
      if (vs.length !== ys.length) {
        throw new MethodError("VALUE", `实际值（${vs.length} 个）与年份（${ys.length} 个）个数不同`, `${vs.length} actuals but ${ys.length} years`);
      }
      const shape = method == null || method === "" ? settings().path : String(method).trim().toLowerCase();
      if (shape !== "linear" && shape !== "compound") {
        throw new MethodError("VALUE", `推算方法「${excerpt(String(method))}」无效，请用 "linear" 或 "compound"`, `method "${excerpt(String(method))}" is not valid; use "linear" or "compound"`);
      }
      const obs: Observation[] = [];
      vs.forEach((v, i) => {
        const n = actualIn(e, v);
        const y = cellYear(ys[i]);
        if (n != null && y != null) obs.push({ year: y, value: n });
      });
      const a = assess(e, obs, null, { ...settings(), path: shape });
      if (a.status === "noData") return needData(e);
      if (a.projected == null) {
        // One actual and no base: a single point has no trend.
        throw new MethodError("NA", `${e.target.id} 至少需要两个年度的数据才能推算`, `${e.target.id} needs actuals for at least two years to project`);
      }
      return figureOut(e, a.projected);
    },
    INFO(id, field) {
      const e = entry(id);
      const key = String(field ?? "").trim();
      const name = INFO_ALIASES[key] ?? key.toLowerCase();
      const get = INFO_FIELDS[name];
      if (!get) {
        throw new MethodError("VALUE", `未知字段「${excerpt(key)}」，可用：${INFO_FIELD_NAMES.join(", ")}`, `unknown field "${excerpt(key)}"; use one of ${INFO_FIELD_NAMES.join(", ")}`);
      }
      const v = get(e);
      if (v == null) throw new MethodError("NA", `${e.target.id} 没有「${key}」`, `${e.target.id} has no ${key}`);
      return v;
    },
    LIST(planId, language) {
      const lang = parseLang(language ?? null);
      const plan = catalog.plan(String(planId ?? ""));
      if (!plan) {
        throw new MethodError(
          "NA",
          `未知的规划编号「${excerpt(String(planId ?? ""))}」，可用：${catalog.plans.map((p) => p.id).join(", ")}`,
          `unknown plan id "${excerpt(String(planId ?? ""))}"; known: ${catalog.plans.map((p) => p.id).join(", ")}`,
        );
      }
      const head =
        lang === "zh"
          ? ["编号", "指标", "单位", "基期年", "基期值", "目标年", "目标值"]
          : ["Id", "Target", "Unit", "Base year", "Base value", "Target year", "Target value"];
      return [
        head,
        ...plan.targets.map((t) => [
          t.id,
          lang === "zh" ? t.name.zh : t.name.en,
          t.unit,
          t.base?.year ?? "",
          figureOrNull({ plan, target: t }, t.base?.value) ?? "",
          t.target.year ?? "",
          figureOrNull({ plan, target: t }, t.target.value) ?? "",
        ]),
      ];
    },
  };
}

function noFigureGap(e: CatalogEntry): MethodError {
  return new MethodError("NA", `${e.target.id} 没有数值目标，无法计算差距或推算`, `${e.target.id} has no figure to measure a gap or projection against`);
}
