/**
 * Numbers, units and targets in words, in the user's language. Values are stored in base units
 * (元, 件); where the plan writes them scaled (万元, 亿元) they are shown the plan's way.
 */
import type { Plan, Target } from "../core/catalog/schema";
import { type Messages, pickText } from "./i18n";

const formatters = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, messages: Messages): string {
  let f = formatters.get(messages.locale);
  if (!f) {
    f = new Intl.NumberFormat(messages.locale, { maximumFractionDigits: 2 });
    formatters.set(messages.locale, f);
  }
  return f.format(value);
}

export function unitText(unit: string, messages: Messages): string {
  return messages.units[unit] ?? unit;
}

/** English counts in millions and billions, where Chinese writes 万 and 亿. */
const ENGLISH_MAGNITUDES: ReadonlyArray<[number, string]> = [
  [1e9, "billion"],
  [1e6, "million"],
];

/**
 * A value of the target with its unit, scaled the way the plan writes it (5,750万元). English has no
 * 万 or 亿: there a scaled figure is written in its base unit, by millions and billions
 * (2.03 million items, 57.5 million yuan), as the English report writes it.
 */
export function formatValue(target: Target, value: number | null | undefined, messages: Messages): string {
  if (value == null || !Number.isFinite(value)) return messages.common.dash;
  if (target.kind === "milestone") return value >= 1 ? messages.values.milestoneDone : formatNumber(value, messages);
  if (target.display && messages.locale === "en-US" && messages.units[target.unit]) {
    const [step, word] = ENGLISH_MAGNITUDES.find(([s]) => Math.abs(value) >= s) ?? [1, ""];
    const text = formatNumber(value / step, messages);
    return messages.values.withUnit(word ? `${text} ${word}` : text, unitText(target.unit, messages));
  }
  const scaled = target.display ? value / target.display.scale : value;
  const unit = target.display ? target.display.unit : target.unit;
  const text = formatNumber(scaled, messages);
  return unit ? messages.values.withUnit(text, unitText(unit, messages)) : text;
}

/** The target in one sentence: "到 2025 年达到 67,000件" / "By 2025, reach 67,000 items". */
export function describeGoal(target: Target, messages: Messages): string {
  const year = target.target.year;
  if (target.kind === "milestone") return messages.describe.milestone(year);
  if (target.kind === "qualitative" || target.target.value == null) return messages.describe.qualitative(year);
  if (target.comparator === "range" && target.target.max != null) {
    return messages.describe.rangeTarget(
      year,
      formatValue(target, target.target.value, messages),
      formatValue(target, target.target.max, messages),
    );
  }
  const comparator = messages.comparators[target.comparator === "none" ? "reach" : target.comparator];
  return messages.describe.target(year, comparator, formatValue(target, target.target.value, messages));
}

/**
 * Where the plan says something, as officials cite it: the plan's title, its 文号 where it has
 * one, and the section ("二、（三）"); never the file name the data was transcribed from.
 */
export function planSource(plan: Plan, section: string | null, messages: Messages): string {
  return messages.target.sourceOf(pickText(plan.title, messages), plan.docNumber, section);
}

/** The target as a list row says it: "到2025年 67,000件" / "67,000 items by 2025". */
export function rowGoal(target: Target, messages: Messages): string {
  const year = target.target.year;
  if (target.kind === "milestone") return messages.describe.milestone(year);
  if (target.kind === "qualitative" || target.target.value == null) return messages.plan.rowQualitative(year);
  const value =
    target.comparator === "range" && target.target.max != null
      ? messages.common.range(formatValue(target, target.target.value, messages), formatValue(target, target.target.max, messages))
      : formatValue(target, target.target.value, messages);
  return messages.plan.rowGoal(year, value);
}
