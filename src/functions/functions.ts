/* global CustomFunctions */
/**
 * The IP.* worksheet functions: a thin layer over src/core/functions/ip.ts. Each JSDoc block is the
 * source of functions.json (CustomFunctionsMetadataPlugin) and, through its Chinese half before
 * " / ", of functions.zh-CN.json (src/functions/localize.ts). All functions are synchronous and read
 * only data already in memory (the current catalogue of src/office/plan-store.ts: bundled, deployed
 * and workbook plans), so a cell never waits (#BUSY!) and nothing here writes the workbook.
 */
import type { Catalog } from "../core/catalog/catalog";
import { createIpFunctions, type IpFunctions } from "../core/functions/ip";
import { MethodError } from "../core/method/method";
import { pageDeployment, planStore } from "../office/plan-store";
import { functionSettings, loadWorkbookSettings } from "../office/settings-store";

// Thresholds and path shape come from the workbook's document settings at each call, so the pane's
// change reaches the functions even where they do not share its JavaScript context. The catalogue
// too: a plan stored in the workbook or deployed beside the add-in answers as soon as it is loaded.
let ipCatalog: Catalog | undefined;
let ipFunctions: IpFunctions | undefined;
function ip(): IpFunctions {
  const catalog = planStore.functionCatalog();
  if (catalog !== ipCatalog || !ipFunctions) {
    ipCatalog = catalog;
    ipFunctions = createIpFunctions(catalog, () => functionSettings().method);
  }
  return ipFunctions;
}

// The build appends CustomFunctions.associate(...) calls to this file. Outside Excel (a preview in a
// plain browser where office.js did not load) there is no CustomFunctions: make them no-ops.
if (typeof CustomFunctions === "undefined") {
  (globalThis as { CustomFunctions?: unknown }).CustomFunctions = { associate: () => undefined };
}

/** Turns the core's errors into Excel's: #N/A or #VALUE! with a Chinese and English message. */
function excel<T>(compute: () => T): T {
  try {
    return compute();
  } catch (e) {
    if (e instanceof MethodError) {
      const code = e.code === "NA" ? CustomFunctions.ErrorCode.notAvailable : CustomFunctions.ErrorCode.invalidValue;
      throw new CustomFunctions.Error(code, e.message);
    }
    throw new CustomFunctions.Error(CustomFunctions.ErrorCode.invalidValue, `内部错误 / internal error: ${(e as Error)?.message ?? e}`);
  }
}

/**
 * 目标值；给出年份时为该年的阶段目标或序时进度值。 / The target; for a year, that year's milestone or expected value.
 * @customfunction TARGET
 * @param id 指标编号，如 "JZ-05" / Target id, e.g. "JZ-05".
 * @param [year] 年份（可选） / Year (optional).
 * @returns 目标值 / The target value.
 */
export function target(id: string, year?: number): number {
  return excel(() => ip().TARGET(id, year ?? null));
}

/**
 * 规划给出的基期值。 / The base value the plan gives.
 * @customfunction BASELINE
 * @param id 指标编号 / Target id.
 * @returns 基期值 / The base value.
 */
export function baseline(id: string): number {
  return excel(() => ip().BASELINE(id));
}

/**
 * 某年的序时进度（预期值）。 / The value expected in a year on the way to the target.
 * @customfunction EXPECTED
 * @param id 指标编号 / Target id.
 * @param year 年份 / Year.
 * @returns 预期值 / The expected value.
 */
export function expected(id: string, year: number): number {
  return excel(() => ip().EXPECTED(id, year));
}

/**
 * 相对基期的进度：(实际−基期)/(目标−基期)。 / Progress from the base: (actual − base) / (target − base).
 * @customfunction PROGRESS
 * @param id 指标编号 / Target id.
 * @param actual 实际值，或截至该年的逐年实际值区域 / The actual, or a row of yearly actuals ending at the year.
 * @param [year] 实际值所属年份（默认目标年） / Year of the (last) actual; the target year if omitted.
 * @returns 进度（1 = 100%） / Progress (1 = 100%).
 */
export function progress(id: string, actual: any[][], year?: number): number {
  return excel(() => ip().PROGRESS(id, actual, year ?? null));
}

/**
 * 完成率：实际/目标（越低越好的指标为 目标/实际）。 / Completion ratio: actual / target (target / actual when lower is better).
 * @customfunction COMPLETION
 * @param id 指标编号 / Target id.
 * @param actual 实际值或逐年实际值区域 / The actual, or a row of yearly actuals ending at the year.
 * @param [year] 实际值所属年份（默认目标年） / Year of the (last) actual; the target year if omitted.
 * @returns 完成率（1 = 100%） / Completion ratio (1 = 100%).
 */
export function completion(id: string, actual: any[][], year?: number): number {
  return excel(() => ip().COMPLETION(id, actual, year ?? null));
}

/**
 * 进展状态：已实现、快于预期、基本符合预期、滞后、倒退、无数据。 / Status: achieved, ahead, on track, behind, moving away, no data.
 * @customfunction STATUS
 * @param id 指标编号 / Target id.
 * @param actual 实际值或逐年实际值区域 / The actual, or a row of yearly actuals ending at the year.
 * @param [year] 实际值所属年份（默认目标年） / Year of the (last) actual; the target year if omitted.
 * @param [language] 语言："zh"（默认）或 "en" / Language: "zh" (default) or "en".
 * @returns 状态 / The status.
 */
export function status(id: string, actual: any[][], year?: number, language?: string): string {
  return excel(() => ip().STATUS(id, actual, year ?? null, language ?? null));
}

/**
 * 距目标的差距（已超过时为负）。 / Distance still to go to the target (negative once passed).
 * @customfunction GAP
 * @param id 指标编号 / Target id.
 * @param actual 实际值或逐年实际值区域 / The actual, or a row of yearly actuals ending at the year.
 * @param [year] 实际值所属年份（默认目标年） / Year of the (last) actual; the target year if omitted.
 * @returns 差距 / The gap.
 */
export function gap(id: string, actual: any[][], year?: number): number {
  return excel(() => ip().GAP(id, actual, year ?? null));
}

/**
 * 从该年到目标年每年仍需的变化量。 / Change per year still needed from that year to the target year.
 * @customfunction REQUIRED
 * @param id 指标编号 / Target id.
 * @param actual 实际值或逐年实际值区域 / The actual, or a row of yearly actuals ending at the year.
 * @param year 实际值所属年份 / Year of the (last) actual.
 * @returns 每年所需 / Required per year.
 */
export function required(id: string, actual: any[][], year: number): number {
  return excel(() => ip().REQUIRED(id, actual, year));
}

/**
 * 按已有实际值的趋势推算目标年的值。 / The value expected in the target year from the actuals' trend.
 * @customfunction PROJECT
 * @param id 指标编号 / Target id.
 * @param actuals 实际值区域 / Range of actuals.
 * @param years 对应年份区域 / Range of their years.
 * @param [method] "linear"（线性，默认）或 "compound"（等比） / "linear" (default) or "compound".
 * @returns 推算值 / The projected value.
 */
export function project(id: string, actuals: any[][], years: any[][], method?: string): number {
  return excel(() => ip().PROJECT(id, actuals, years, method ?? null));
}

/**
 * 指标信息：name、unit、plan、quote、base_year、target_value、measure（统计口径）等。 / Target information: name, unit, plan, quote, base_year, target_value, measure (the common statistic) …
 * @customfunction INFO
 * @param id 指标编号 / Target id.
 * @param field 字段名，如 "name"、"unit"、"quote"、"measure"、"measure_id" 或 "名称"、"原文"、"统计口径" / Field, e.g. "name", "unit", "quote", "measure", "measure_en", "measure_id".
 * @returns 字段值 / The field's value.
 */
export function info(id: string, field: string): any {
  return excel(() => ip().INFO(id, field));
}

/**
 * 列出规划的全部指标（溢出数组，含表头）。 / The plan's targets as a spilled array with a header row.
 * @customfunction LIST
 * @param plan 规划编号，如 "JZ" / Plan id, e.g. "JZ".
 * @param [language] 语言："zh"（默认）或 "en" / Language: "zh" (default) or "en".
 * @returns 指标列表 / The list of targets.
 */
export function list(plan: string, language?: string): any[][] {
  return excel(() => ip().LIST(plan, language ?? null));
}

// Settings (path shape, thresholds) and the workbook's own plans are remembered per workbook; read
// them as soon as Office is ready, also when the task pane was never opened, and fetch the deployed
// plans (once per runtime: the task pane's start-up shares this store and its first load).
if (typeof Office !== "undefined" && typeof Office.onReady === "function") {
  Office.onReady(() => {
    loadWorkbookSettings();
    planStore.readWorkbookPlans();
    void planStore.start(pageDeployment());
  });
}
