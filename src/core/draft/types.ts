/**
 * What the drafter proposes from a plan's text. Kinds and comparators are the schema's, so an
 * accepted proposal becomes a plan target without translation.
 */
import type { Attribute, Comparator, Direction, Kind, Level } from "../catalog/schema";

export interface DraftMeta {
  /** Title as printed (white space inside removed), else null. */
  title: string | null;
  issuer: string | null;
  /** 文号 as printed, e.g. 豫知〔2022〕4号. */
  docNumber: string | null;
  /** YYYY-MM-DD (or shorter) printed on the plan, else null. */
  date: string | null;
  period: { start: number; end: number } | null;
  /** How the period was found: the title's years, 十四五, or the years of its targets. */
  periodFrom: "title" | "fiveYearPlan" | "targets" | null;
  /** 征求意见稿 and other drafts. */
  draft: boolean;
  level: Level | null;
  /** The place the plan is for (焦作市, 河南省 …), else null. */
  region: string | null;
}

export type ProposalOrigin = "table" | "sentence" | "qualitative" | "milestone";

export interface Proposal {
  /** P01, P02 … in text order. */
  key: string;
  name: string;
  /** Base unit after scaling (元 not 万元); "" when the text gives none. */
  unit: string;
  /** How the text writes scaled figures (万元, 亿元, 万件), else null. */
  display: { unit: string; scale: number } | null;
  kind: Kind;
  comparator: Comparator;
  direction: Direction;
  attribute: Attribute | null;
  baseYear: number | null;
  baseValue: number | null;
  targetYear: number | null;
  targetValue: number | null;
  targetMax: number | null;
  /** Interim targets printed for a year, year → value. */
  milestones: Record<string, number>;
  /** Verbatim excerpts (white space may differ) that state every figure above. */
  quotes: string[];
  /** Heading of the part of the text it comes from. */
  section: string;
  /** 0 … 1: how sure the rules are that this is a target as read. */
  confidence: number;
  origin: ProposalOrigin;
  /** What the rules guessed rather than read (a year from the period, a kind from a verb …). */
  notes: string[];
}

export interface DraftResult {
  meta: DraftMeta;
  proposals: Proposal[];
}
