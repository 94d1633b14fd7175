/**
 * The worksheet formulas offered for a target in its detail view: the ones that answer without
 * further input (target, expected value this year, base, status from the latest actual, quote).
 */
import type { CatalogEntry } from "../core/catalog/catalog";
import { dueYear, familyOf, type Observation, planBaseline } from "../core/method/method";
import type { Messages } from "./i18n";

export interface FormulaOffer {
  label: string;
  formula: string;
}

const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;

export function formulasFor(
  entry: CatalogEntry,
  series: readonly Observation[],
  messages: Messages,
  thisYear: number = new Date().getFullYear(),
): FormulaOffer[] {
  const { target, plan } = entry;
  const id = quoted(target.id);
  const fam = familyOf(target.kind);
  const offers: FormulaOffer[] = [];
  const numeric = (fam === "path" || fam === "yearly") && target.target.value != null;
  if (numeric) {
    offers.push({ label: messages.target.formulaTarget, formula: `=IP.TARGET(${id})` });
    const due = dueYear(entry);
    const year = Math.min(Math.max(thisYear, plan.period.start), due);
    if (year < due && (fam === "yearly" || planBaseline(entry))) {
      offers.push({ label: messages.target.formulaExpected(year), formula: `=IP.EXPECTED(${id},${year})` });
    }
    if (target.kind !== "additions" && target.kind !== "growth" && target.base?.value != null) {
      offers.push({ label: messages.target.formulaBaseline, formula: `=IP.BASELINE(${id})` });
    }
  }
  const latest = [...series].filter((o) => Number.isFinite(o.value)).sort((a, b) => a.year - b.year).pop();
  // Additions are summed over the years, so one cell cannot stand for them.
  if (latest && fam !== "qualitative" && target.kind !== "additions") {
    offers.push({
      label: messages.target.formulaStatus(latest.year),
      formula: `=IP.STATUS(${id},${latest.value},${latest.year}${messages.locale === "en-US" ? ',"en"' : ""})`,
    });
  }
  offers.push({ label: messages.target.formulaName, formula: `=IP.INFO(${id},"name${messages.locale === "en-US" ? "_en" : ""}")` });
  offers.push({ label: messages.target.formulaQuote, formula: `=IP.INFO(${id},"quote")` });
  return offers;
}
