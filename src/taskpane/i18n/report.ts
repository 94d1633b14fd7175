/**
 * The report view's words (kept apart from zh-CN.ts / en-US.ts so the view can grow without
 * touching the shared catalogues). Picked by the pane's locale.
 */
import type { Messages } from "./index";

export const REPORT_MESSAGES = {
  "zh-CN": {
    heading: "实施情况报告",
    introExcel:
      "用工作表中填报的实际值生成 Word 报告：总体情况、主要指标完成情况表、逐项说明、尚无数据的指标和规划数据冲突，版式按党政机关公文格式。",
    introPreview:
      "选择实际值 CSV 文件（三列：编号,年份,实际值；与工作簿的年度实际值同一口径），生成 Word 报告：总体情况、主要指标完成情况表、逐项说明、尚无数据的指标和规划数据冲突。",
    file: "实际值文件（CSV）",
    fileChosen: (name: string, kb: string) => `已选择 ${name}（${kb} KB）`,
    year: "报告年份",
    yearHint: "留空则取最晚填报的年份",
    yearInvalid: "年份须为四位数字，如 2024",
    build: "生成报告",
    building: "正在生成报告…",
    done: (name: string, year: number) => `已生成 ${name}（数据截至 ${year} 年底）。`,
    noActuals: "还没有从工作表读到实际值：报告中的指标将全部列为无数据。可先在工作表中填写实际值。",
    needFile: "请先选择实际值文件。",
    problems: (n: number) => `实际值文件中有 ${n} 行未能使用，其余已写入报告：`,
    failed: "无法生成报告",
    failedNext: "请检查实际值文件与报告年份后重试。",
    readFailed: "无法读取所选文件",
    fileName: "规划实施情况报告.docx",
    kind: "报告类型",
    annual: "年度实施情况",
    midterm: "中期评估（另写各规划的时间进度）",
    midtermFileName: "规划实施中期评估报告.docx",
  },
  "en-US": {
    heading: "Implementation report",
    introExcel:
      "Write a Word report from the actuals typed in the sheets: overview, table of main targets, a sentence per target, targets without data and the plans' conflicting figures, laid out as official documents are.",
    introPreview:
      "Choose an actuals CSV file (three columns: id,year,value, in the workbook's base units) to write a Word report: overview, table of main targets, a sentence per target, targets without data and the plans' conflicting figures.",
    file: "Actuals file (CSV)",
    fileChosen: (name: string, kb: string) => `${name} chosen (${kb} KB)`,
    year: "Report year",
    yearHint: "Leave empty for the latest year with an actual",
    yearInvalid: "The year must have four digits, e.g. 2024",
    build: "Write report",
    building: "Writing the report…",
    done: (name: string, year: number) => `${name} is ready (data to the end of ${year}).`,
    noActuals:
      "No actuals have been read from the sheets yet: every target will be listed as without data. Type actuals in the sheets first.",
    needFile: "Choose an actuals file first.",
    problems: (n: number) => `${n} rows of the actuals file could not be used; the rest is in the report:`,
    failed: "The report could not be written",
    failedNext: "Check the actuals file and the report year, then try again.",
    readFailed: "The chosen file could not be read",
    fileName: "IP plan implementation report.docx",
    kind: "Kind of report",
    annual: "Yearly implementation",
    midterm: "Mid-term evaluation (with each plan's time elapsed)",
    midtermFileName: "IP plan mid-term evaluation.docx",
  },
};

export type ReportMessages = (typeof REPORT_MESSAGES)["zh-CN"];

export function reportMessages(messages: Messages): ReportMessages {
  return messages.locale === "en-US" ? REPORT_MESSAGES["en-US"] : REPORT_MESSAGES["zh-CN"];
}
