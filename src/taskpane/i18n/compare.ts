/**
 * Strings of the 对照 tab (views/CompareView.tsx, CompareChart.tsx) and the 汇总 roll-up
 * (views/RollupView.tsx), Chinese first. Kept apart from zh-CN.ts / en-US.ts so they load with the
 * tab's chunk, not with the first screen; English is typed to the Chinese shape, and
 * test/taskpane/compare.test.tsx checks it has no Chinese left.
 */
import { type Messages, useMessages } from "./index";

const zn = (v: number) => v.toLocaleString("zh-CN");
const en_ = (v: number) => v.toLocaleString("en-US");
const plural = (k: number, one: string, many: string) => `${en_(k)} ${k === 1 ? one : many}`;

const zhCN = {
  compare: {
    heading: "对照",
    intro: "选择一个统计口径，并列查看各规划对它的目标、基期、已填写的实际值和状态；下图把各规划的路径画在同一时间轴上。",
    measure: "统计口径",
    noMeasures: "还没有规划的指标标明统计口径，暂无可对照的内容。标明后，同一统计口径的各级规划目标会在这里并列显示。",
    definitionLine: (definition: string, unit: string, additive: string) => `口径说明：${definition}（单位：${unit}；${additive}）`,
    additive: "下级数据可加总为上级",
    notAdditive: "下级数据不能直接加总",
    plans: (k: number) => `${zn(k)} 个规划指标`,
    level: "级别",
    target: "目标",
    base: "基期",
    milestones: "阶段目标",
    actuals: "实际值",
    noActuals: "无",
    status: "状态",
    openTarget: (plan: string, name: string) => `查看${plan}的指标“${name}”`,
    chart: "各规划路径对照",
    scale: "纵轴",
    scalePercent: "占本规划目标的 %",
    scaleAbsolute: "绝对值",
    absoluteUnavailable: "各规划的单位或指标类型不同，只能按占各自目标的百分比对照。",
    axisPercent: "占本规划目标的 %",
    axisAbsolute: (unit: string) => `单位：${unit}`,
    legendPath: "虚线：基期→阶段目标→目标",
    legendActual: "实线和圆点：实际值",
    noPath: (plans: string) => `${plans}没有可绘制的数值目标，未画入图中。`,
    chartSummary: (plan: string, path: string, actual: string) => `${plan}：路径 ${path}；实际值 ${actual}。`,
    previewActuals: "预览中没有工作簿的实际值：可在下方“汇总各地工作簿”中选择填报后的工作簿读取，或在 Excel 中打开本加载项。",
    source: "实际值来源",
    sourceWorkbook: "本工作簿",
    sourceCollected: (files: number) => `汇总结果（${zn(files)} 个文件）`,
    collectedConflicts: (k: number) => `汇总结果中有 ${zn(k)} 处冲突（同一指标同一年份数值不同），未计入，见下方汇总结果。`,
  },
  rollup: {
    heading: "汇总各地工作簿",
    intro:
      "选择各市、县填报后发回的工作簿（可多选），读取其中的实际值，对照省级数据与下级合计，并生成一份汇总工作簿。只读取本加载项写入的工作表，按编号识别，与行的顺序、筛选和工作表名称无关。",
    choose: "工作簿（.xlsx，可多选）",
    chooseButton: "选择文件…",
    noneChosen: "未选择文件",
    chosen: (k: number) => `已选择 ${zn(k)} 个文件`,
    run: "开始汇总",
    running: "正在汇总…",
    progressLabel: "汇总进度",
    progress: (done: number, total: number) => `已读取 ${zn(done)} / ${zn(total)} 个文件`,
    needFiles: "请先选择至少一个工作簿。",
    failed: "无法完成汇总",
    failedNext: "请重试；如仍失败，请检查所选文件是否为本加载项生成的工作簿。",
    notReady: "汇总功能尚未就绪（本版本未包含汇总模块）。",
    result: "汇总结果",
    filesRead: (k: number) => `读取文件：${zn(k)} 个`,
    actualsCount: (k: number) => `实际值：${zn(k)} 个`,
    conflictsCount: (k: number) => `冲突：${zn(k)} 处`,
    problemsCount: (k: number) => `问题：${zn(k)} 个`,
    files: "各文件",
    fileLine: (name: string, actuals: number, plans: string) => `${name}：${zn(actuals)} 个实际值${plans ? `（${plans}）` : ""}`,
    modes: { live: "联动公式", portable: "通用公式", unknown: "公式模式不明" },
    conflicts: "数据冲突（同一指标同一年份在不同文件中数值不同，未作取舍）",
    conflictHead: (id: string, year: number) => `${id}，${year} 年：`,
    conflictValue: (file: string, sheet: string, row: number, value: string) => `${file}「${sheet}」第 ${row} 行：${value}`,
    problems: "未能读取的内容（其余已汇总）",
    where: (file: string, sheet: string | undefined, row: number | undefined) =>
      `${file}${sheet ? `「${sheet}」` : ""}${row != null ? `第 ${row} 行` : ""}`,
    byMeasure: "按统计口径：省级与下级合计",
    noMeasureRows: "所读实际值中没有标明统计口径的指标，无法按口径对照。",
    measureYear: (measure: string, year: number, unit: string) => `${measure}（${year} 年，${unit}）`,
    figureLabel: (level: string, regions: string, sum: boolean) => (sum ? `${level}合计（${regions}）` : `${level}（${regions}）`),
    notSummed: "不加总",
    download: "下载 汇总.xlsx",
    downloading: "正在生成汇总工作簿…",
    downloaded: (file: string) => `已生成 ${file}。`,
    fileName: "汇总.xlsx",
  },
};

export type CompareMessages = typeof zhCN;

const enUS: CompareMessages = {
  compare: {
    heading: "Compare",
    intro:
      "Choose a measure to see every plan's target for it side by side: base, target, the actuals typed and the status. The chart draws each plan's path on one time axis.",
    measure: "Measure",
    noMeasures:
      "No plan names a measure yet, so there is nothing to compare. Once targets name their measure, the plans' targets for it are shown here side by side.",
    definitionLine: (definition, unit, additive) => `Definition: ${definition} (unit: ${unit}; ${additive})`,
    additive: "lower levels add up to the higher one",
    notAdditive: "lower levels do not add up",
    plans: (k) => plural(k, "plan target", "plan targets"),
    level: "Level",
    target: "Target",
    base: "Base",
    milestones: "Milestones",
    actuals: "Actuals",
    noActuals: "None",
    status: "Status",
    openTarget: (plan, name) => `Open ${plan}'s target "${name}"`,
    chart: "Paths of the plans compared",
    scale: "Vertical axis",
    scalePercent: "% of own target",
    scaleAbsolute: "Absolute values",
    absoluteUnavailable: "The plans' units or target kinds differ: they compare only as a % of each plan's own target.",
    axisPercent: "% of each plan's own target",
    axisAbsolute: (unit) => `Unit: ${unit}`,
    legendPath: "Dashed: base → milestones → target",
    legendActual: "solid with dots: actuals",
    noPath: (plans) => `${plans}: no numeric target to draw, left out of the chart.`,
    chartSummary: (plan, path, actual) => `${plan}: path ${path}; actuals ${actual}.`,
    previewActuals:
      "The preview has no workbook actuals: choose filled-in workbooks under Collect workbooks below to read theirs, or open the add-in in Excel.",
    source: "Actuals from",
    sourceWorkbook: "This workbook",
    sourceCollected: (files) => `Roll-up (${plural(files, "file", "files")})`,
    collectedConflicts: (k) =>
      `${plural(k, "conflict", "conflicts")} in the roll-up (the same target and year with different values) left out; see the roll-up result below.`,
  },
  rollup: {
    heading: "Collect workbooks",
    intro:
      "Choose the workbooks the cities and counties filled in and sent back (several at once) to read their actuals, set the province's figures beside the sum of lower levels, and write one roll-up workbook. Only the add-in's own sheets are read, found by target id whatever the row order, filters or sheet names.",
    choose: "Workbooks (.xlsx, several allowed)",
    chooseButton: "Choose files…",
    noneChosen: "No file chosen",
    chosen: (k) => `${plural(k, "file", "files")} chosen`,
    run: "Collect",
    running: "Collecting…",
    progressLabel: "Collecting progress",
    progress: (done, total) => `${en_(done)} of ${plural(total, "file", "files")} read`,
    needFiles: "Choose at least one workbook first.",
    failed: "The roll-up did not finish",
    failedNext: "Try again; if it still fails, check that the chosen files are workbooks this add-in wrote.",
    notReady: "The roll-up is not available yet (this version does not include it).",
    result: "Roll-up result",
    filesRead: (k) => `Files read: ${en_(k)}`,
    actualsCount: (k) => `Actuals: ${en_(k)}`,
    conflictsCount: (k) => `Conflicts: ${en_(k)}`,
    problemsCount: (k) => `Problems: ${en_(k)}`,
    files: "Files",
    fileLine: (name, actuals, plans) => `${name}: ${plural(actuals, "actual", "actuals")}${plans ? ` (${plans})` : ""}`,
    modes: { live: "live formulas", portable: "portable formulas", unknown: "formula mode unknown" },
    conflicts: "Conflicts (the same target and year with different values in different files; not resolved)",
    conflictHead: (id, year) => `${id}, ${year}:`,
    conflictValue: (file, sheet, row, value) => `${file} "${sheet}" row ${row}: ${value}`,
    problems: "Not read (the rest was collected)",
    where: (file, sheet, row) => `${file}${sheet ? ` "${sheet}"` : ""}${row != null ? ` row ${row}` : ""}`,
    byMeasure: "By measure: province beside the sum of lower levels",
    noMeasureRows: "None of the actuals read belongs to a target that names a measure.",
    measureYear: (measure, year, unit) => `${measure} (${year}, ${unit})`,
    figureLabel: (level, regions, sum) => (sum ? `${level} total (${regions})` : `${level} (${regions})`),
    notSummed: "not summed",
    download: "Download roll-up .xlsx",
    downloading: "Writing the roll-up workbook…",
    downloaded: (file) => `${file} is ready.`,
    fileName: "Roll-up.xlsx",
  },
};

export const COMPARE_MESSAGES: Readonly<Record<"zh-CN" | "en-US", CompareMessages>> = { "zh-CN": zhCN, "en-US": enUS };

export function compareMessages(messages: Messages): CompareMessages {
  return COMPARE_MESSAGES[messages.locale === "en-US" ? "en-US" : "zh-CN"];
}

export function useCompareMessages(): CompareMessages {
  return compareMessages(useMessages());
}
