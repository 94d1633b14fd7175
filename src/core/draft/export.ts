/**
 * A draft in the two shapes the project already has: the flat catalogue export of
 * shared/CATALOG-EXPORT.md (what `npm run draft` prints) and a plan file for data/plans/ (what the
 * task pane downloads once an official has accepted the proposals).
 */
import type { ExportRow } from "../catalog/export";
import { namesYear, written } from "../catalog/provenance";
import type { Area, Level, PlanInput } from "../catalog/schema";
import { proposeMeasure } from "./measure";
import type { DraftMeta, DraftResult, Proposal } from "./types";

export interface DraftRow extends ExportRow {
  confidence: number;
  origin: Proposal["origin"];
  section: string;
  attribute: Proposal["attribute"];
  display: Proposal["display"];
  notes: string[];
  /** The measure (统计口径) proposed on an exact name and unit match, else null (./measure.ts). */
  measure: string | null;
}

export interface DraftExport {
  plan: DraftMeta & { id: string; source: string };
  indicators: DraftRow[];
}

const idOf = (planId: string, i: number) => `${planId}-${String(i + 1).padStart(2, "0")}`;

export function draftToExport(result: DraftResult, opts: { planId?: string; source: string }): DraftExport {
  const planId = opts.planId ?? "NEW";
  return {
    plan: { id: planId, source: opts.source, ...result.meta },
    indicators: result.proposals.map((p, i) => ({
      id: idOf(planId, i),
      plan: planId,
      source: opts.source,
      name: p.name,
      nameEn: "",
      unit: p.unit,
      kind: p.kind,
      comparator: p.comparator,
      direction: p.direction,
      baseYear: p.baseYear,
      baseValue: p.baseValue,
      targetYear: p.targetYear,
      targetValue: p.targetValue,
      targetMax: p.targetMax,
      milestones: { ...p.milestones },
      quotes: [...p.quotes],
      derived: [],
      conflicts: [],
      confidence: Number(p.confidence.toFixed(2)),
      origin: p.origin,
      section: p.section,
      attribute: p.attribute,
      display: p.display,
      notes: [...p.notes],
      measure: proposeMeasure(p.name, p.unit),
    })),
  };
}

const AREA_WORDS: Array<[Area, RegExp]> = [
  ["保护", /保护|维权|执法|侵权|纠纷|满意度|案件|结案/],
  ["运用", /质押|融资|转化|运营|交易|许可|密集型|成交|转让|保险|基金/],
  ["服务", /服务|人才|代理|培训|宣传|教育|知识产权师|内审员|学习|网点/],
  ["管理", /管理|贯标|认证|强企|优势|示范企业|试点|经费/],
  ["创造", /专利|商标|申请|拥有量|注册|授权|地理标志|著作权|版权|品牌|PCT/],
];

/** The plan's own area from the section heading (高质量创造 …), else from the indicator's name. */
export function guessArea(section: string, name: string): Area {
  // The last area word is the most specific: "二、主要目标 （二）高效益运用", "表1 创造保护运用指标 运用".
  let best: Area | null = null;
  let at = -1;
  for (const a of ["创造", "运用", "保护", "管理", "服务"] as const) {
    const i = section.lastIndexOf(a);
    if (i > at) [best, at] = [a, i];
  }
  if (best) return best;
  for (const [a, re] of AREA_WORDS) if (re.test(name)) return a;
  return "其他";
}

export interface PlanChoices {
  id: string;
  source: string;
  title: string;
  titleEn?: string;
  shortName?: string;
  shortNameEn?: string;
  issuer: string;
  issuerEn?: string;
  region?: string;
  regionEn?: string;
  level: Level;
  period: { start: number; end: number };
  docNumber: string | null;
  date: string | null;
  draft: boolean;
  /** English names by proposal key; the Chinese name stands in where none is given. */
  namesEn?: Record<string, string>;
}

/**
 * The accepted proposals as a plan file. It is not validated here: the caller runs the catalogue's
 * validator on it, so an official sees the same messages a bundled plan would get.
 */
export function draftToPlan(accepted: readonly Proposal[], c: PlanChoices): PlanInput {
  const en = (zh: string, given?: string) => (given && given.trim() ? given.trim() : zh);
  const short = c.shortName ?? (c.region ?? c.title).replace(/(省|市|县|区)$/, "").slice(0, 8);
  return {
    formatVersion: 1,
    id: c.id,
    title: { zh: c.title, en: en(c.title, c.titleEn) },
    shortName: { zh: short, en: en(short, c.shortNameEn) },
    issuer: { zh: c.issuer, en: en(c.issuer, c.issuerEn) },
    docNumber: c.docNumber,
    date: c.date,
    draft: c.draft,
    level: c.level,
    region: { zh: c.region ?? short, en: en(c.region ?? short, c.regionEn) },
    period: c.period,
    source: c.source,
    targets: accepted.map((p, i) => {
      const quantitative = p.kind !== "milestone" && p.kind !== "qualitative";
      return {
        id: idOf(c.id, i),
        name: { zh: p.name, en: en(p.name, c.namesEn?.[p.key]) },
        unit: p.unit,
        display: p.display,
        area: guessArea(p.section, p.name),
        attribute: p.attribute,
        kind: p.kind,
        comparator: quantitative ? p.comparator : "none",
        direction: p.direction,
        base: p.baseYear != null ? { year: p.baseYear, value: p.baseValue } : null,
        target: {
          year: p.targetYear,
          value: quantitative ? p.targetValue : null,
          max: quantitative ? p.targetMax : null,
        },
        milestones: Object.entries(p.milestones)
          .map(([year, value]) => ({ year: Number(year), value }))
          .sort((a, b) => a.year - b.year),
        responsible: [],
        section: p.section || "正文",
        quotes: p.quotes.length ? [...p.quotes] : [p.name],
        derived: derivations(p, c.period),
        conflicts: [],
        note: null,
        // Only on an exact name and unit match (./measure.ts); the official reviews it like the rest.
        measure: proposeMeasure(p.name, p.unit),
      };
    }),
  };
}

/**
 * What the drafter read that its quotes do not print, said as `derived` notes the way the bundled
 * plans say it (docs/data.md "derived and conflicts"): a year taken from the plan's period or from
 * the year before it, a figure scaled by its table head's unit. So a drafted plan file passes
 * `npm run check:data` on them, and the reviewer sees each reading to confirm or correct.
 */
function derivations(p: Proposal, period: { start: number; end: number }): PlanInput["targets"][number]["derived"] {
  const out: Array<{ field: string; note: { zh: string; en: string } }> = [];
  const span = Number.isFinite(period.start) && Number.isFinite(period.end) ? `${period.start}—${period.end}年` : "";
  if (p.targetYear != null && !namesYear(p.targetYear, p.quotes)) {
    out.push({
      field: "targetYear",
      note: {
        zh: `原文此处未写年份，按规划期${span ? `（${span}）` : ""}末取${p.targetYear}年`,
        en: `the text gives no year here: the end of the plan's period${span ? ` (${span.replace("—", "–").replace("年", "")})` : ""}, ${p.targetYear}`,
      },
    });
  }
  if (p.baseYear != null && !namesYear(p.baseYear, p.quotes)) {
    out.push({
      field: "baseYear",
      note: { zh: `原文未写基期年份，按规划起始年的前一年取${p.baseYear}年`, en: `the text gives no base year: the year before the period starts, ${p.baseYear}` },
    });
  }
  const scale = p.display?.scale ?? 1;
  const scaled = (field: string, value: number | null | undefined) => {
    if (value == null || scale === 1 || written(value, p.quotes) || !written(value / scale, p.quotes)) return;
    out.push({ field, note: { zh: `表头单位为${p.display!.unit}：表中数值×${scale}`, en: `the table head gives the unit ${p.display!.unit}: values ×${scale}` } });
  };
  if (p.kind !== "milestone" && p.kind !== "qualitative") {
    scaled("baseValue", p.baseValue);
    scaled("targetValue", p.targetValue);
    scaled("targetMax", p.targetMax);
    for (const [year, value] of Object.entries(p.milestones)) scaled(`milestones.${year}`, value);
  }
  return out;
}
