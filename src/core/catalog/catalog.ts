/**
 * The plan catalogue in memory: every validated plan and target, looked up by id in constant
 * time, listed by plan, searched by Chinese or English name. Knows nothing of Excel or React.
 */
import { fitMeasures } from "./measures";
import type { Measure, Plan, Target } from "./schema";
import { CatalogError, type CatalogIssue, validatePlan } from "./validate";

export interface CatalogEntry {
  plan: Plan;
  target: Target;
}

export interface RawPlanFile {
  file: string;
  data: unknown;
  /** Set instead of data when the file could not be read as JSON (the reader's message). */
  error?: { zh: string; en: string };
}

export class Catalog {
  private readonly byId = new Map<string, CatalogEntry>();
  private readonly plansById = new Map<string, Plan>();
  private readonly byMeasureId = new Map<string, CatalogEntry[]>();
  /** Lower-cased "zh en id" per target, for search. */
  private readonly haystack: Array<{ key: string; entry: CatalogEntry }> = [];

  constructor(
    readonly plans: readonly Plan[],
    /**
     * Problems of the plan files: a file that could not be loaded (the others still load), or a
     * measure a loaded plan names that the vocabulary does not hold or whose unit does not fit
     * (the plan loads with that measure set to null; path $.targets[i].measure).
     */
    readonly issues: readonly CatalogIssue[] = [],
  ) {
    for (const plan of plans) {
      this.plansById.set(plan.id, plan);
      for (const target of plan.targets) {
        const entry = { plan, target };
        this.byId.set(target.id, entry);
        if (target.measure) {
          const list = this.byMeasureId.get(target.measure) ?? [];
          list.push(entry);
          this.byMeasureId.set(target.measure, list);
        }
        this.haystack.push({
          key: `${target.name.zh}\u0000${target.name.en}\u0000${target.id}`.toLowerCase(),
          entry,
        });
      }
    }
  }

  /** Case-insensitive lookup, tolerant of the spaces a cell may carry. */
  get(id: string): CatalogEntry | undefined {
    return this.byId.get(id) ?? this.byId.get(normalizeId(id));
  }

  plan(id: string): Plan | undefined {
    return this.plansById.get(id) ?? this.plansById.get(normalizeId(id));
  }

  /** Every target that counts the measure (data/measures.json), in plan order. */
  byMeasure(measureId: string): readonly CatalogEntry[] {
    return this.byMeasureId.get(measureId) ?? [];
  }

  /** The ids of the measures any target carries. */
  measureIds(): string[] {
    return [...this.byMeasureId.keys()];
  }

  get size(): number {
    return this.byId.size;
  }

  *entries(): IterableIterator<CatalogEntry> {
    yield* this.byId.values();
  }

  /**
   * Targets whose Chinese name, English name or id contains every word of the query
   * (words split on white space; case-insensitive). Table order is kept.
   */
  search(query: string, planId?: string): CatalogEntry[] {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    if (words.length === 0) return [];
    return this.haystack
      .filter(({ key, entry }) => (!planId || entry.plan.id === planId) && words.every((w) => key.includes(w)))
      .map(({ entry }) => entry);
  }
}

/**
 * The id as the catalogue spells it. A Chinese input method in full-width mode types ＸＺ－０４ and
 * Word or WPS may turn "-" into a dash (–, —, －, −): NFKC gives the ASCII letters and digits, and
 * every dash-like character counts as "-". Case and white space never matter.
 */
export function normalizeId(id: string): string {
  return String(id).normalize("NFKC").toUpperCase().replace(/\s+/g, "").replace(DASHES, "-");
}

/** Hyphens and dashes (U+2010–2015), the minus sign, small and full-width hyphen-minus, the katakana long mark (ー) an IME may give. */
const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D\u30FC\uFF70]/g;

/**
 * Validates every file; plans with problems are left out and their problems kept, so one corrupt
 * file never takes the others down. Duplicate plan or target ids across files are problems too.
 * A measure that is unknown or misfits its target's unit (against `measures`, by default
 * data/measures.json) is set to null and named, and the plan kept.
 */
export function loadCatalog(files: readonly RawPlanFile[], measures?: ReadonlyMap<string, Measure>): Catalog {
  const plans: Plan[] = [];
  const issues: CatalogIssue[] = [];
  const planIds = new Map<string, string>();
  const targetIds = new Map<string, string>();
  for (const { file, data, error } of files) {
    if (error) {
      issues.push({ file, path: "$", ...error });
      continue;
    }
    const result = validatePlan(file, data);
    if (!result.ok) {
      issues.push(...result.issues);
      continue;
    }
    const fitted = fitMeasures(file, result.plan, measures);
    const plan = fitted.plan;
    if (planIds.has(plan.id)) {
      issues.push({
        file,
        path: "$.id",
        zh: `规划编号 ${plan.id} 已由 ${planIds.get(plan.id)} 使用`,
        en: `plan id ${plan.id} is already used by ${planIds.get(plan.id)}`,
      });
      continue;
    }
    const clash = plan.targets.find((t) => targetIds.has(t.id));
    if (clash) {
      issues.push({
        file,
        path: `$.targets[${plan.targets.indexOf(clash)}].id`,
        zh: `指标编号 ${clash.id} 已由 ${targetIds.get(clash.id)} 使用`,
        en: `target id ${clash.id} is already used by ${targetIds.get(clash.id)}`,
      });
      continue;
    }
    planIds.set(plan.id, file);
    for (const t of plan.targets) targetIds.set(t.id, file);
    plans.push(plan);
    issues.push(...fitted.issues);
  }
  return new Catalog(plans, issues);
}

/** Like loadCatalog, but any problem (a misfitting measure too) is an error: for the build, tests and the CLI. */
export function loadCatalogStrict(files: readonly RawPlanFile[], measures?: ReadonlyMap<string, Measure>): Catalog {
  const catalog = loadCatalog(files, measures);
  if (catalog.issues.length) throw new CatalogError([...catalog.issues]);
  return catalog;
}
