/**
 * The flat catalogue export described in shared/CATALOG-EXPORT.md: the stable outside view of
 * data/plans, for other tools (JSON) and for people (CSV).
 */
import type { Catalog } from "./catalog";
import type { Plan, Target } from "./schema";

export interface ExportRow {
  id: string;
  plan: string;
  source: string;
  name: string;
  nameEn: string;
  unit: string;
  kind: Target["kind"];
  comparator: Target["comparator"];
  direction: Target["direction"];
  baseYear: number | null;
  baseValue: number | null;
  targetYear: number | null;
  targetValue: number | null;
  targetMax: number | null;
  milestones: Record<string, number>;
  quotes: string[];
  derived: string[];
  conflicts: Array<{ field: string; value: number | null; quote: string }>;
}

export function exportRow(plan: Plan, t: Target): ExportRow {
  return {
    id: t.id,
    plan: plan.id,
    source: plan.source,
    name: t.name.zh,
    nameEn: t.name.en,
    unit: t.unit,
    kind: t.kind,
    comparator: t.comparator,
    direction: t.direction,
    baseYear: t.base?.year ?? null,
    baseValue: t.base?.value ?? null,
    targetYear: t.target.year,
    targetValue: t.target.value,
    targetMax: t.target.max,
    milestones: Object.fromEntries(t.milestones.map((m) => [String(m.year), m.value])),
    quotes: [...t.quotes],
    derived: t.derived.map((d) => d.field),
    conflicts: t.conflicts.map((c) => ({ field: c.field, value: c.value, quote: c.quote })),
  };
}

export function exportCatalog(catalog: Catalog, planIds?: readonly string[]): { indicators: ExportRow[] } {
  const wanted = planIds && planIds.length ? new Set(planIds) : null;
  const indicators: ExportRow[] = [];
  for (const plan of catalog.plans) {
    if (wanted && !wanted.has(plan.id)) continue;
    for (const t of plan.targets) indicators.push(exportRow(plan, t));
  }
  return { indicators };
}

const CSV_COLUMNS: Array<keyof ExportRow> = [
  "id", "plan", "source", "name", "nameEn", "unit", "kind", "comparator", "direction",
  "baseYear", "baseValue", "targetYear", "targetValue", "targetMax", "milestones", "quotes",
  "derived", "conflicts",
];

/** RFC 4180 quoting; a leading = + - @ is prefixed with ' so a spreadsheet never runs it. */
export function csvCell(v: unknown): string {
  let s: string;
  if (v == null) s = "";
  else if (Array.isArray(v)) s = v.map((x) => (typeof x === "object" ? JSON.stringify(x) : String(x))).join(" | ");
  else if (typeof v === "object") s = Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}:${x}`).join("; ");
  else s = String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?(e[+-]?\d+)?$/i.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function exportCsv(catalog: Catalog, planIds?: readonly string[]): string {
  const { indicators } = exportCatalog(catalog, planIds);
  const lines = [CSV_COLUMNS.join(",")];
  for (const row of indicators) lines.push(CSV_COLUMNS.map((c) => csvCell(row[c])).join(","));
  // BOM so Excel and WPS open the Chinese text as UTF-8.
  return "\uFEFF" + lines.join("\r\n") + "\r\n";
}
