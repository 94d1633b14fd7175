/**
 * The plan file format: the single definition of what a file in data/plans/ may hold.
 * Types used everywhere else are inferred from these schemas, so the format and the code
 * cannot drift apart. docs/data.md explains each field with an example.
 */
import { z } from "zod";

// zod 4 compiles fast parsers with `new Function` unless told not to; the add-in runs no eval.
z.config({ jitless: true });

/** A text in Chinese (as the plan writes it) and English (our translation). */
export const Localized = z.object({
  zh: z.string().trim().min(1),
  en: z.string().trim().min(1),
});
export type Localized = z.infer<typeof Localized>;

const Year = z.number().int().min(1990).max(2100);

/** Administrative level of the issuing government. */
export const Level = z.enum(["province", "city", "county", "zone"]);
export type Level = z.infer<typeof Level>;

/** The plan's own grouping of targets (创造 / 运用 / 保护 / 管理 / 服务), else 其他. */
export const Area = z.enum(["创造", "运用", "保护", "管理", "服务", "其他"]);
export type Area = z.infer<typeof Area>;

/** 预期性 (expected) or 约束性 (binding), where the plan says so. */
export const Attribute = z.enum(["预期性", "约束性"]);
export type Attribute = z.infer<typeof Attribute>;

/**
 * What kind of quantity a target is; progress is computed differently for each
 * (see docs/method.md). What an official types in a year's actual column:
 * - level:       the value at that year's end (拥有量, 注册量, 满意度, 比重 …)
 * - cumulative:  the running total at that year's end (累计 …), counted the way the base is
 * - additions:   what was added in that year alone (新增 …); progress sums the years
 * - annual:      that year's amount, which every year must reach (年…, 每年…)
 * - growthRate:  the average annual growth rate achieved so far, in % (年均增长 …)
 * - growth:      growth since the base year achieved so far, in % (较2022年增长20%, no base value printed)
 * - milestone:   1 once done (建成, 申报成功, 出台 …), 0 before
 * - qualitative: a direction without a figure (明显增长, 有所突破); the actual is the measured value
 */
export const Kind = z.enum([
  "level",
  "cumulative",
  "additions",
  "annual",
  "growthRate",
  "growth",
  "milestone",
  "qualitative",
]);
export type Kind = z.infer<typeof Kind>;

/**
 * The comparison the plan's words carry, in the target's good direction:
 * reach 达到/达 (≥, or ≤ when lower is better), exceed 超过/突破 (strictly past),
 * atLeast 不低于/以上 (≥), atMost 不超过/以内/以下 (≤), range "3-5" (within [value, max]),
 * none (milestones and qualitative targets).
 */
export const Comparator = z.enum(["reach", "exceed", "atLeast", "atMost", "range", "none"]);
export type Comparator = z.infer<typeof Comparator>;

/** Whether a higher or a lower value is better. */
export const Direction = z.enum(["increase", "decrease"]);
export type Direction = z.infer<typeof Direction>;

/**
 * A note shown to officials: {zh, en}, each shown in its own language (en may be empty where the
 * note has no English; the English UI then shows the Chinese). A plain string is accepted for a
 * plan written by hand and shown as written in both languages; one in the old "中文 / English"
 * form (plan files written before notes were stored per language) is split into {zh, en} as it is
 * read, so it keeps loading and no English shows inside the Chinese UI.
 */
const NOTE_FORM = '备注须写为 {"zh": "中文", "en": "English"}（无英文时 "en": ""）或一段文字 / a note is {"zh": "中文", "en": "English"} ("en": "" when there is no English) or one non-empty text';
export const NoteText = z.union(
  [
    z.strictObject({ zh: z.string().min(1, "备注须有中文 / a note needs its Chinese text"), en: z.string() }, { error: NOTE_FORM }),
    z.string().min(1, NOTE_FORM).transform(splitOldNote),
  ],
  NOTE_FORM,
);
export type NoteText = z.infer<typeof NoteText>;

/**
 * The old one-string form: Chinese, " / " (or "。/ "), English. Split at the first such slash with
 * Chinese before it and mostly Latin letters after it; a string without one is kept as it is.
 */
export function splitOldNote(text: string): string | { zh: string; en: string } {
  const han = (x: string) => (x.match(/[\u3400-\u9fff]/g) ?? []).length;
  const latin = (x: string) => (x.match(/[A-Za-z]/g) ?? []).length;
  for (const m of text.matchAll(/\s?\/ /g)) {
    const zh = text.slice(0, m.index).trim();
    const en = text.slice(m.index + m[0].length).trim();
    if (han(zh) > 0 && latin(en) > han(en)) return { zh, en };
  }
  return text;
}

// In a zod-free module, so that showing a note does not load the validator on the first screen.
export { noteIn, noteTexts } from "./note-text";

/** Field names a derivation or conflict may speak of. */
const FieldName = z
  .string()
  .regex(
    /^(baseYear|baseValue|targetYear|targetValue|targetMax|unit|kind|name|milestones\.\d{4})$/,
    "字段名须为 baseYear、baseValue、targetYear、targetValue、targetMax、unit、kind、name 或 milestones.YYYY / field must be baseYear, baseValue, targetYear, targetValue, targetMax, unit, kind, name or milestones.YYYY",
  );

export const Derivation = z.object({
  field: FieldName,
  /** How the figure follows from the plan's words, e.g. "表头单位（亿）: 0.5亿 = 50000000元". */
  note: NoteText,
});
export type Derivation = z.infer<typeof Derivation>;

export const Conflict = z.object({
  field: FieldName,
  /** The other figure, in the same base unit as the target (null for a non-numeric disagreement). */
  value: z.number().finite().nullable(),
  /** Verbatim words of the other part of the plan. */
  quote: z.string().min(1),
  /** Which two parts disagree and how; shown to officials. */
  note: NoteText,
});
export type Conflict = z.infer<typeof Conflict>;

/** A measure's id: lower-case words joined by dashes (valid-invention-patents). */
export const MeasureId = z
  .string()
  .regex(/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/, "统计口径编号须为小写英文词以连字符连接 / a measure id is lower-case words joined by dashes");

/**
 * One entry of the measure vocabulary (data/measures.json): a statistic several plans set targets
 * for, defined in the statistics' own terms.
 */
export const Measure = z.strictObject({
  id: MeasureId,
  name: Localized,
  /** The base unit every target of this measure carries (件, 元, %, 分 …): a target in another unit is an error. */
  unit: z.string(),
  /** What is counted, in the terms of the statistics that publish it (who counts, at what moment, what is in). */
  definition: Localized,
  /**
   * Whether the figures of lower levels add up to the higher level's (counties' valid patents sum to
   * their city's); false for ratios, per-capita figures, scores and rates.
   */
  additive: z.boolean(),
});
export type Measure = z.infer<typeof Measure>;

export const MeasureFile = z.strictObject({
  formatVersion: z.literal(1),
  measures: z.array(Measure).min(1),
});
export type MeasureFile = z.infer<typeof MeasureFile>;

export const Target = z.object({
  /** Stable id officials type: plan id, dash, two digits (JZ-05). Never reused for another target. */
  id: z.string().regex(/^[A-Z]{2,4}-\d{2,3}$/, "指标编号须形如 JZ-05 / id must look like JZ-05"),
  name: Localized,
  /** Base unit after scaling: 元 not 万元; "%" for percentages; "分" for scores; "" when none. */
  unit: z.string(),
  /** How the plan writes the figures when it scales them (万元, 亿元, 万件), for number formats. */
  display: z.object({ unit: z.string().min(1), scale: z.number().positive() }).nullable().default(null),
  area: Area,
  attribute: Attribute.nullable().default(null),
  kind: Kind,
  comparator: Comparator,
  direction: Direction.default("increase"),
  /** The plan's base for this very indicator; value null where only the year is given. */
  base: z.object({ year: Year, value: z.number().finite().nullable() }).nullable().default(null),
  target: z.object({
    year: Year.nullable(),
    value: z.number().finite().nullable(),
    /** Upper end of a range ("3-5家" → value 3, max 5). */
    max: z.number().finite().nullable().default(null),
  }),
  /** Interim targets the plan prints, one per year. */
  milestones: z.array(z.object({ year: Year, value: z.number().finite() })).default([]),
  /** 责任单位 where the plan names them. */
  responsible: z.array(z.string().min(1)).default([]),
  /** Where in the plan: "表1", "二、（三）1.", "附件2" … */
  section: z.string().min(1),
  /** Verbatim excerpts of the plan stating the figures (white space may differ). */
  quotes: z.array(z.string().min(1)).min(1, "至少需要一段规划原文 / at least one quote from the plan"),
  /** Figures not printed as such, and how they were derived. */
  derived: z.array(Derivation).default([]),
  /** Other parts of the plan that give a different figure for the same thing. */
  conflicts: z.array(Conflict).default([]),
  note: NoteText.nullable().default(null),
  /**
   * The common statistic this target counts, from the vocabulary in data/measures.json (docs/data.md
   * "Measures"), so one indicator can be compared across plans and summed from cities to the province.
   * null where no measure of the vocabulary fits.
   */
  measure: MeasureId.nullable().default(null),
});
export type Target = z.infer<typeof Target>;

export const Plan = z.object({
  formatVersion: z.literal(1),
  /** Short stable plan id, the prefix of its target ids. */
  id: z.string().regex(/^[A-Z]{2,4}$/, "规划编号须为 2–4 个大写字母 / plan id must be 2-4 capital letters"),
  title: Localized,
  /** Short name for tabs and sheet names: 焦作 / Jiaozuo. */
  shortName: Localized,
  issuer: Localized,
  docNumber: z.string().nullable().default(null),
  /** Date printed on the plan, ISO (YYYY, YYYY-MM or YYYY-MM-DD), else null. */
  date: z
    .string()
    .regex(/^\d{4}(-\d{2}(-\d{2})?)?$/, "日期须为 YYYY、YYYY-MM 或 YYYY-MM-DD / date must be YYYY, YYYY-MM or YYYY-MM-DD")
    .nullable()
    .default(null),
  /** 征求意见稿 and other drafts. */
  draft: z.boolean(),
  level: Level,
  region: Localized,
  period: z.object({ start: Year, end: Year }),
  /** File name of the plan's text in data/sources/: no folders, no leading dot, no control characters. */
  source: z
    .string()
    .regex(
      // eslint-disable-next-line no-control-regex -- control characters are what it keeps out
      /^(?!\.)[^/\\\u0000-\u001f]+\.txt$/,
      "来源须为 data/sources/ 中的 .txt 文件名（不含文件夹、不以点开头） / source must be a .txt file name in data/sources/ (no folders, no leading dot)",
    ),
  targets: z.array(Target).min(1),
});
export type Plan = z.infer<typeof Plan>;
export type PlanInput = z.input<typeof Plan>;
