/**
 * Strings of the 导入规划文本 view (views/DraftView.tsx), Chinese first. Kept apart from the main
 * catalogues so the view can be added without touching them; the locale is the pane's.
 */
import type { Comparator, Kind, Level } from "../../core/catalog/schema";
import { useMessages } from "./index";

export interface DraftMessages {
  open: string;
  heading: string;
  back: string;
  intro: string;
  textLabel: string;
  textHint: string;
  openFile: string;
  run: string;
  needText: string;
  fileError: (file: string, reason: string) => string;
  fileRead: (file: string, encoding: string) => string;
  found: (figures: number, others: number) => string;
  none: string;
  planHeading: string;
  planId: string;
  planIdHint: string;
  title: string;
  titleEn: string;
  shortName: string;
  shortNameEn: string;
  issuer: string;
  issuerEn: string;
  region: string;
  regionEn: string;
  nameEn: string;
  englishHint: string;
  docNumber: string;
  date: string;
  periodStart: string;
  periodEnd: string;
  level: string;
  levels: Record<Level, string>;
  isDraft: string;
  proposalsHeading: string;
  acceptAll: string;
  rejectAll: string;
  accept: string;
  name: string;
  kind: string;
  kinds: Record<Kind, string>;
  comparator: string;
  comparators: Record<Comparator, string>;
  targetYear: string;
  targetValue: string;
  targetMax: string;
  unit: string;
  baseYear: string;
  baseValue: string;
  milestones: string;
  quotes: string;
  confidence: (pct: number) => string;
  notInQuote: string;
  notANumber: (field: string) => string;
  download: string;
  accepted: (n: number, total: number) => string;
  noneAccepted: string;
  invalid: string;
  downloaded: (file: string) => string;
  later: string;
}

const zhCN: DraftMessages = {
  open: "导入规划文本",
  heading: "导入规划文本",
  back: "返回",
  intro: "粘贴或打开规划全文，系统按规则从原文中找出目标，每个数值都附原文摘录。请逐条核对：采纳、修改或不采纳，再下载规划文件。",
  textLabel: "规划文本",
  textHint: "粘贴全文，或打开 .txt 文件（UTF-8 或 GBK）",
  openFile: "打开文本文件",
  run: "起草",
  needText: "请先粘贴或打开规划文本。",
  fileError: (file, reason) => `无法读取 ${file}：${reason}`,
  fileRead: (file, encoding) => `已读取 ${file}（${encoding}）。`,
  found: (figures, others) => `找到 ${figures} 个量化目标、${others} 个定性或完成类目标。`,
  none: "未在文本中找到目标。",
  planHeading: "规划信息",
  planId: "规划编号",
  planIdHint: "2–4 个大写字母，如 JZ",
  title: "标题",
  titleEn: "英文标题",
  shortName: "简称",
  shortNameEn: "英文简称",
  issuer: "发布机关",
  issuerEn: "发布机关（英文）",
  region: "地区",
  regionEn: "地区（英文）",
  nameEn: "英文名称",
  englishHint: "不填则沿用中文",
  docNumber: "文号",
  date: "日期",
  periodStart: "起始年",
  periodEnd: "截止年",
  level: "级别",
  levels: { province: "省级", city: "市级", county: "县级", zone: "示范区" },
  isDraft: "征求意见稿",
  proposalsHeading: "拟定目标",
  acceptAll: "全部采纳",
  rejectAll: "全部不采纳",
  accept: "采纳",
  name: "指标名称",
  kind: "类型",
  kinds: {
    level: "存量/水平",
    cumulative: "累计",
    additions: "新增",
    annual: "每年",
    growthRate: "年均增长率",
    growth: "较基期增长",
    milestone: "完成类",
    qualitative: "定性",
  },
  comparator: "比较",
  comparators: { reach: "达到", exceed: "突破/超过", atLeast: "不低于", atMost: "不超过", range: "区间", none: "无" },
  targetYear: "目标年",
  targetValue: "目标值",
  targetMax: "区间上限",
  unit: "单位",
  baseYear: "基期年",
  baseValue: "基期值",
  milestones: "阶段目标",
  quotes: "原文",
  confidence: (pct) => `把握 ${pct}%`,
  notInQuote: "该数值未出现在原文摘录中，请核对。",
  notANumber: (field) => `${field}不是数字`,
  download: "下载规划 JSON",
  accepted: (n, total) => `已采纳 ${n} / ${total} 条`,
  noneAccepted: "尚未采纳任何目标。",
  invalid: "规划文件还有问题，未下载：",
  downloaded: (file) => `已下载 ${file}。`,
  later: "存入工作簿将在后续版本提供。",
};

const enUS: DraftMessages = {
  open: "Import plan text",
  heading: "Import a plan's text",
  back: "Back",
  intro: "Paste or open a plan's full text; rules find its targets, each figure with the words it comes from. Check every proposal — accept, edit or reject it — then download the plan file.",
  textLabel: "Plan text",
  textHint: "Paste the full text, or open a .txt file (UTF-8 or GBK)",
  openFile: "Open a text file",
  run: "Draft",
  needText: "Paste or open a plan's text first.",
  fileError: (file, reason) => `Cannot read ${file}: ${reason}`,
  fileRead: (file, encoding) => `Read ${file} (${encoding}).`,
  found: (figures, others) => `Found ${figures} quantitative targets and ${others} qualitative or completion targets.`,
  none: "No targets found in the text.",
  planHeading: "The plan",
  planId: "Plan id",
  planIdHint: "2-4 capital letters, e.g. JZ",
  title: "Title (Chinese)",
  titleEn: "Title (English)",
  shortName: "Short name (Chinese)",
  shortNameEn: "Short name (English)",
  issuer: "Issued by (Chinese)",
  issuerEn: "Issued by (English)",
  region: "Region (Chinese)",
  regionEn: "Region (English)",
  nameEn: "English name",
  englishHint: "Left empty, the Chinese name is used",
  docNumber: "Document number",
  date: "Date",
  periodStart: "From",
  periodEnd: "To",
  level: "Level",
  levels: { province: "Province", city: "City", county: "County", zone: "Zone" },
  isDraft: "Draft for comment",
  proposalsHeading: "Proposed targets",
  acceptAll: "Accept all",
  rejectAll: "Reject all",
  accept: "Accept",
  name: "Indicator",
  kind: "Kind",
  kinds: {
    level: "Level",
    cumulative: "Running total",
    additions: "Additions",
    annual: "Every year",
    growthRate: "Average annual growth",
    growth: "Growth since base",
    milestone: "Completion",
    qualitative: "Qualitative",
  },
  comparator: "Comparison",
  comparators: { reach: "reach", exceed: "exceed", atLeast: "at least", atMost: "at most", range: "range", none: "none" },
  targetYear: "Target year",
  targetValue: "Target",
  targetMax: "Range top",
  unit: "Unit",
  baseYear: "Base year",
  baseValue: "Base value",
  milestones: "Milestones",
  quotes: "Source text",
  confidence: (pct) => `confidence ${pct}%`,
  notInQuote: "This figure is not in the quoted text; please check it.",
  notANumber: (field) => `${field} is not a number`,
  download: "Download plan JSON",
  accepted: (n, total) => `${n} of ${total} accepted`,
  noneAccepted: "No target accepted yet.",
  invalid: "The plan file still has problems and was not downloaded:",
  downloaded: (file) => `Downloaded ${file}.`,
  later: "Storing it in the workbook comes in a later version.",
};

export const DRAFT_MESSAGES = { "zh-CN": zhCN, "en-US": enUS } as const;

export function useDraftMessages(): DraftMessages {
  return DRAFT_MESSAGES[useMessages().locale === "en-US" ? "en-US" : "zh-CN"];
}
