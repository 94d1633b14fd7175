/**
 * The roll-up's figures (issue 13 §2), pure: from every actual collected out of the county and city
 * workbooks, (1) the conflicts — one target and year with different values in two places, shown and
 * never resolved — and (2) per measure and year, the province's own figure beside the sum of its
 * cities and the sum of its counties.
 *
 * Sums are only ever made of like with like: the same measure (data/measures.json), a measure whose
 * lower levels add up (`additive`), and a comparable kind of quantity — year-end stock (level) with
 * stock, the year's flow (annual, additions) with flow, a running total (cumulative) only with running
 * totals counted from the same base year. Everything left out of a sum is said in the figure's note, in
 * Chinese and English, and a sum always says how many regions it holds: a sum of the regions that
 * sent their workbook is not the province's total.
 */
import { type Catalog, type CatalogEntry, normalizeId } from "../core/catalog/catalog";
import { measureById, measureMisfit, MEASURES } from "../core/catalog/measures";
import type { Kind, Level, Plan } from "../core/catalog/schema";
import { planBaseline } from "../core/method/method";
import type { CollectedActual, MeasureFigure, MeasureRollupRow, RollupConflict, RollupText } from "./types";

export interface Aggregate {
  conflicts: RollupConflict[];
  byMeasure: MeasureRollupRow[];
}

/** Two figures within this relative distance are the same figure (binary noise of a unit conversion). */
const SAME = 1e-9;

export function sameValue(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= SAME * Math.max(Math.abs(a), Math.abs(b));
}

/** One target and year as the files gave it: agreed (value) or in conflict (value null). */
interface Resolved {
  targetId: string;
  year: number;
  value: number | null;
  sources: CollectedActual[];
}

export function aggregateActuals(actuals: readonly CollectedActual[], catalog: Catalog): Aggregate {
  const resolved = resolve(actuals, catalog);
  const conflicts: RollupConflict[] = [];
  for (const r of resolved) {
    if (r.value === null) {
      conflicts.push({
        targetId: r.targetId,
        year: r.year,
        values: r.sources.map((a) => ({ file: a.file, sheet: a.sheet, row: a.row, value: a.value })),
      });
    }
  }
  return { conflicts, byMeasure: measureRows(resolved, catalog) };
}

/** Groups the actuals by target and year (ids as the catalogue spells them), in order of first appearance. */
function resolve(actuals: readonly CollectedActual[], catalog: Catalog): Resolved[] {
  const groups = new Map<string, Resolved>();
  for (const a of actuals) {
    if (!Number.isFinite(a.value)) continue;
    const id = catalog.get(a.targetId)?.target.id ?? normalizeId(a.targetId);
    const key = `${id}\u0000${a.year}`;
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { targetId: id, year: a.year, value: a.value, sources: [] }));
    g.sources.push(a);
  }
  for (const g of groups.values()) {
    const first = g.sources[0].value;
    g.value = g.sources.every((s) => sameValue(s.value, first)) ? first : null;
  }
  return [...groups.values()];
}

// ---------------------------------------------------------------------------------------------
// Per measure

/** Which figures may be added to which: a comparable kind of quantity. */
interface KindClass {
  key: string;
  /** Base year of a running total (cumulative). */
  base?: number;
  /** Order of the rows of one measure and year. */
  order: number;
  /** Whether figures of this class may be summed at all (rates and yes/no never). */
  summable: boolean;
}

function kindClass(entry: CatalogEntry): KindClass {
  const kind = entry.target.kind;
  if (kind === "level") return { key: "stock", order: 0, summable: true };
  if (kind === "annual" || kind === "additions") return { key: "flow", order: 1, summable: true };
  if (kind === "cumulative") {
    const base = planBaseline(entry)?.year;
    return { key: `cumulative:${base ?? "?"}`, base, order: 2 + (base ?? 0) / 10000, summable: base != null };
  }
  return { key: `only:${kind}`, order: 3, summable: false };
}

type Group = "province" | "cities" | "counties";
const GROUP_OF: Record<Level, Group> = { province: "province", city: "cities", zone: "cities", county: "counties" };
const GROUPS: readonly Group[] = ["province", "cities", "counties"];

interface Item {
  entry: CatalogEntry;
  resolved: Resolved;
}

function measureRows(resolved: readonly Resolved[], catalog: Catalog): MeasureRollupRow[] {
  const buckets = new Map<string, { measure: string; year: number; cls: KindClass; items: Item[] }>();
  for (const r of resolved) {
    const entry = catalog.get(r.targetId);
    const measure = entry?.target.measure;
    if (!entry || !measure) continue;
    const cls = kindClass(entry);
    const key = `${measure}\u0000${r.year}\u0000${cls.key}`;
    let b = buckets.get(key);
    if (!b) buckets.set(key, (b = { measure, year: r.year, cls, items: [] }));
    b.items.push({ entry, resolved: r });
  }
  const measureOrder = new Map(MEASURES.map((m, i) => [m.id, i]));
  const rank = (id: string) => measureOrder.get(id) ?? MEASURES.length;
  const sorted = [...buckets.values()].sort(
    (a, b) => rank(a.measure) - rank(b.measure) || a.measure.localeCompare(b.measure) || a.year - b.year || a.cls.order - b.cls.order,
  );
  return sorted.map((b) => measureRow(b.measure, b.year, b.cls, b.items, catalog));
}

function measureRow(measureId: string, year: number, cls: KindClass, items: readonly Item[], catalog: Catalog): MeasureRollupRow {
  const measure = measureById(measureId);
  const unit = measure?.unit ?? items[0].entry.target.unit;
  const additive = measure?.additive ?? false;
  const figures: MeasureFigure[] = [];
  for (const group of GROUPS) {
    const mine = items.filter((i) => GROUP_OF[i.entry.plan.level] === group);
    if (!mine.length) continue;
    // Plans of this level that set a target of the measure and kind but sent no figure for the year.
    const expected = catalog
      .byMeasure(measureId)
      .filter((e) => GROUP_OF[e.plan.level] === group && kindClass(e).key === cls.key)
      .map((e) => e.plan);
    figures.push(...groupFigures(group, mine, expected, { measureKnown: measure != null, additive, cls }));
  }
  return { measure: measureId, year, unit, additive, figures };
}

interface Rules {
  measureKnown: boolean;
  additive: boolean;
  cls: KindClass;
}

/** One plan's figure for the row, once its own targets agree. */
interface PlanFigure {
  plan: Plan;
  value: number;
  kind: Kind;
}

function groupFigures(group: Group, items: readonly Item[], expected: readonly Plan[], rules: Rules): MeasureFigure[] {
  const notes: RollupText[] = [];
  // A running total says from when it counts: only totals from the same base year share a row.
  if (rules.cls.base != null) notes.push({ zh: `累计值，以${rules.cls.base}年为基期`, en: `running total from base year ${rules.cls.base}` });
  const byPlan = new Map<string, Item[]>();
  for (const item of items) {
    const misfit = measureMisfit(item.entry.target);
    if (rules.measureKnown && misfit) {
      notes.push({ zh: `${misfit.zh}，未计入`, en: `${misfit.en}; left out` });
      continue;
    }
    const { targetId, year, value, sources } = item.resolved;
    if (value === null) {
      notes.push({
        zh: `${targetId} ${year}年的数值在不同文件或行中不一致，未计入（见“冲突”表）`,
        en: `${targetId} ${year}: the files disagree, left out (see Conflicts)`,
      });
      continue;
    }
    const files = new Set(sources.map((s) => s.file));
    if (sources.length > 1) {
      notes.push({
        zh: `${targetId} ${year}年在 ${files.size > 1 ? `${files.size} 个文件` : `${sources.length} 处`}中数值相同，只计一次`,
        en: `${targetId} ${year}: the same figure in ${files.size > 1 ? `${files.size} files` : `${sources.length} places`}, counted once`,
      });
    }
    const list = byPlan.get(item.entry.plan.id) ?? [];
    list.push(item);
    byPlan.set(item.entry.plan.id, list);
  }

  const plans: PlanFigure[] = [];
  for (const list of byPlan.values()) {
    const { plan } = list[0].entry;
    const values = list.map((i) => i.resolved.value as number);
    if (values.every((v) => sameValue(v, values[0]))) {
      plans.push({ plan, value: values[0], kind: list[0].entry.target.kind });
    } else {
      const ids = list.map((i) => i.resolved.targetId).join("、");
      notes.push({
        zh: `${plan.region.zh}有多个同口径同类别的指标（${ids}）且数值不同，未计入`,
        en: `${plan.region.en} has several targets of this measure and kind (${ids.replace(/、/g, ", ")}) with different figures; left out`,
      });
    }
  }

  const level: Level = group === "province" ? "province" : group === "cities" ? "city" : "county";
  const kind = plans[0]?.kind ?? items[0].entry.target.kind;
  const regions = (ps: readonly Plan[], lang: "zh" | "en") => ps.map((p) => p.region[lang]);
  if (!plans.length) {
    // Nothing usable: one empty figure that carries the reason.
    const ps = unique(items.map((i) => i.entry.plan));
    return [{ level, planIds: ps.map((p) => p.id), regions: regions(ps, "zh"), value: null, kind, note: join(notes) }];
  }

  const kinds = new Set(plans.map((p) => p.kind));
  if (kinds.size > 1) {
    notes.push({
      zh: "年度值与期内新增均为当年流量，一并相加",
      en: "yearly amounts and additions are both the year's flow, summed together",
    });
  }

  const own = plans.map((p) => p.plan);
  if (group === "province" && plans.length === 1) {
    return [{ level, planIds: [own[0].id], regions: [own[0].region.zh], value: plans[0].value, kind, note: join(notes) }];
  }

  const why = notSummed(group, plans.length, rules);
  if (why) {
    // Not added up: the reason once, then each plan's own figure.
    return [
      { level, planIds: own.map((p) => p.id), regions: regions(own, "zh"), value: null, kind, note: join([why, ...notes]) },
      ...plans.map((p) => ({ level: p.plan.level, planIds: [p.plan.id], regions: [p.plan.region.zh], value: p.value, kind: p.kind })),
    ];
  }

  // Plans that sent nothing at all for the row (a conflicting one did send: its note says so).
  const sent = new Set(items.map((i) => i.entry.plan.id));
  const missing = unique(expected).filter((p) => !sent.has(p.id));
  const coverage: RollupText = {
    zh: `${own.length} 个地区报送（${regions(own, "zh").join("、")}）${missing.length ? `；未报送：${regions(missing, "zh").join("、")}` : ""}；只是已报送地区之和，不一定是全省合计`,
    en: `${own.length} region${own.length === 1 ? "" : "s"} reported (${regions(own, "en").join(", ")})${missing.length ? `; not reported: ${regions(missing, "en").join(", ")}` : ""}; the sum of those that reported, not necessarily the whole province`,
  };
  const value = plans.reduce((s, p) => s + p.value, 0);
  return [{ level, planIds: own.map((p) => p.id), regions: regions(own, "zh"), value, kind, note: join([coverage, ...notes]) }];
}

/** Why a level's figures are shown one by one instead of summed; null when they may be summed. */
function notSummed(group: Group, count: number, rules: Rules): RollupText | null {
  if (group === "province") {
    return { zh: `有 ${count} 个省级规划的数值，分别列出`, en: `${count} province-level plans gave a figure; each is shown` };
  }
  if (!rules.measureKnown) {
    return { zh: "统计口径不在 data/measures.json 中，不知能否相加，分别列出", en: "the measure is not in data/measures.json, so whether it adds up is unknown; each is shown" };
  }
  if (!rules.additive) {
    return { zh: "该统计口径不能逐级相加（比率、人均、评分等），分别列出各地数值", en: "this measure does not add up across levels (a ratio, per-capita figure, score …); each region's figure is shown" };
  }
  if (!rules.cls.summable) {
    if (rules.cls.key.startsWith("cumulative")) {
      return { zh: "累计值的起算年份不明，不能相加，分别列出", en: "running totals without a known base year cannot be summed; each is shown" };
    }
    return {
      zh: "增速、是否完成、定性目标的实测值等不作相加，分别列出",
      en: "growth rates, yes/no milestones and qualitative targets' measured values are not summed; each is shown",
    };
  }
  return null;
}

function unique(plans: readonly Plan[]): Plan[] {
  const seen = new Map<string, Plan>();
  for (const p of plans) if (!seen.has(p.id)) seen.set(p.id, p);
  return [...seen.values()];
}

function join(notes: readonly RollupText[]): RollupText | undefined {
  if (!notes.length) return undefined;
  return { zh: notes.map((n) => n.zh).join("；"), en: notes.map((n) => n.en).join("; ") };
}
