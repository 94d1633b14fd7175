/**
 * Turns untrusted JSON into a validated Plan, or into messages that name the file, the JSON path
 * and the problem in Chinese and English. The schema checks shapes; the rules here check what a
 * shape cannot say (a target year before its base year, a range whose top is below its bottom …).
 */
import { type Measure, MeasureFile, MeasureId, Plan, type Target } from "./schema";

export interface CatalogIssue {
  file: string;
  /** JSON path, e.g. $.targets[3].target.max */
  path: string;
  zh: string;
  en: string;
}

export class CatalogError extends Error {
  constructor(public readonly issues: CatalogIssue[]) {
    super(issues.map(formatIssue).join("\n"));
    this.name = "CatalogError";
  }
}

export function formatIssue(i: CatalogIssue): string {
  return `${i.file} ${i.path}: ${i.zh} / ${i.en}`;
}

function jsonPath(segments: ReadonlyArray<PropertyKey>): string {
  return (
    "$" +
    segments
      .map((s) => (typeof s === "number" ? `[${s}]` : `.${String(s)}`))
      .join("")
  );
}

/** Parses a file's text; never throws, returns either the plan or its problems. */
export function parsePlanText(
  file: string,
  text: string,
): { ok: true; plan: Plan } | { ok: false; issues: CatalogIssue[] } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    return {
      ok: false,
      issues: [
        {
          file,
          path: "$",
          zh: `不是有效的 JSON：${(e as Error).message}`,
          en: `not valid JSON: ${(e as Error).message}`,
        },
      ],
    };
  }
  return validatePlan(file, raw);
}

export function validatePlan(
  file: string,
  raw: unknown,
): { ok: true; plan: Plan } | { ok: false; issues: CatalogIssue[] } {
  const parsed = Plan.safeParse(raw);
  let plan: Plan;
  if (parsed.success) plan = parsed.data;
  else {
    const kept = parsed.error.issues.every((i) => measureAt(i.path) != null && typeof valueAt(raw, i.path) === "string") ? keepOddMeasures(raw) : null;
    if (!kept) {
      return {
        ok: false,
        issues: parsed.error.issues.map((i) => ({ file, path: jsonPath(i.path), ...describeIssue(i, valueAt(raw, i.path)) })),
      };
    }
    plan = kept;
  }
  const issues = planRules(file, plan);
  return issues.length ? { ok: false, issues } : { ok: true, plan };
}

/**
 * Checks the measure vocabulary (data/measures.json, already parsed) against MeasureFile, plus what a
 * schema cannot say: an id used twice. Never throws.
 */
export function validateMeasureFile(
  file: string,
  raw: unknown,
): { ok: true; measures: Measure[] } | { ok: false; issues: CatalogIssue[] } {
  const parsed = MeasureFile.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => ({ file, path: jsonPath(i.path), ...describeIssue(i, valueAt(raw, i.path)) })),
    };
  }
  const issues: CatalogIssue[] = [];
  const seen = new Map<string, number>();
  parsed.data.measures.forEach((m, i) => {
    const first = seen.get(m.id);
    if (first != null) {
      issues.push({
        file,
        path: `$.measures[${i}].id`,
        zh: `统计口径编号 ${m.id} 重复（另见 $.measures[${first}]）`,
        en: `duplicate measure id ${m.id} (also at $.measures[${first}])`,
      });
    } else seen.set(m.id, i);
    if (m.unit.trim() === "") {
      issues.push({ file, path: `$.measures[${i}].unit`, zh: "统计口径须有单位（件、元、%、分 …）", en: "a measure needs its unit (件, 元, %, 分 …)" });
    }
  });
  return issues.length ? { ok: false, issues } : { ok: true, measures: parsed.data.measures };
}

/** The target index when a zod path is $.targets[i].measure. */
function measureAt(path: ReadonlyArray<PropertyKey>): number | null {
  return path.length === 3 && path[0] === "targets" && typeof path[1] === "number" && path[2] === "measure" ? path[1] : null;
}

/**
 * A plan whose only fault is a measure id of the wrong shape ("有效发明专利" typed by hand) is not
 * dropped for it: parsed with those measures left out, then given them back as typed, so the measure
 * check (measures.ts fitMeasures) names each one and sets it to null, as it does an unknown id.
 */
function keepOddMeasures(raw: unknown): Plan | null {
  const targets = (raw as { targets?: unknown }).targets;
  if (!Array.isArray(targets)) return null;
  const typed = new Map<number, string>();
  const cleaned = targets.map((t, i) => {
    const m = (t as { measure?: unknown } | null)?.measure;
    if (typeof m !== "string" || MeasureId.safeParse(m).success) return t;
    typed.set(i, m);
    return { ...(t as object), measure: null };
  });
  const again = Plan.safeParse({ ...(raw as object), targets: cleaned });
  if (!again.success) return null;
  for (const [i, m] of typed) again.data.targets[i].measure = m;
  return again.data;
}

const TYPE_ZH: Record<string, string> = {
  string: "文本",
  number: "数字",
  boolean: "true/false",
  object: "对象",
  array: "数组",
  null: "null",
};

function valueAt(raw: unknown, path: ReadonlyArray<PropertyKey>): unknown {
  let v: unknown = raw;
  for (const k of path) v = v != null && typeof v === "object" ? (v as Record<PropertyKey, unknown>)[k] : undefined;
  return v;
}

type ZodIssue = NonNullable<ReturnType<typeof Plan.safeParse>["error"]>["issues"][number];

/** A zod issue in words, Chinese and English; the schema's own messages are "中文 / English". */
function describeIssue(issue: ZodIssue, value: unknown): { zh: string; en: string } {
  const i = issue as unknown as Record<string, unknown>;
  const own = typeof issue.message === "string" && issue.message.includes(" / ") ? issue.message.split(" / ") : null;
  if (own) return { zh: own[0], en: own.slice(1).join(" / ") };
  switch (issue.code) {
    case "invalid_type":
      if (value === undefined) return { zh: "缺少必填字段", en: "a required field is missing" };
      return {
        zh: `类型不符：应为${TYPE_ZH[String(i.expected)] ?? String(i.expected)}`,
        en: `wrong type: expected ${String(i.expected)}`,
      };
    case "too_small":
      if (i.origin === "array") return { zh: `至少需要 ${i.minimum} 项`, en: `needs at least ${i.minimum} item(s)` };
      if (i.origin === "string") return { zh: "不能为空", en: "must not be empty" };
      return { zh: `不能小于 ${i.minimum}`, en: `must be at least ${i.minimum}` };
    case "too_big":
      return { zh: `不能大于 ${i.maximum}`, en: `must be at most ${i.maximum}` };
    case "invalid_value": {
      const values = (i.values as unknown[] | undefined)?.map(String) ?? [];
      return { zh: `取值无效，应为：${values.join("、")}`, en: `invalid value; expected one of: ${values.join(", ")}` };
    }
    case "invalid_format":
      return { zh: "格式不符", en: `invalid format: ${issue.message}` };
    default:
      return { zh: `格式不符（${issue.code}）`, en: `does not match the format: ${issue.message}` };
  }
}

const QUANTITATIVE = new Set<Target["kind"]>([
  "level",
  "cumulative",
  "additions",
  "annual",
  "growthRate",
  "growth",
]);

/** Rules across fields. Each returns bilingual text so the loader can show it as it is. */
function planRules(file: string, plan: Plan): CatalogIssue[] {
  const out: CatalogIssue[] = [];
  const add = (path: string, zh: string, en: string) => out.push({ file, path, zh, en });
  if (plan.period.end < plan.period.start) {
    add("$.period", "规划期结束年早于开始年", "the period ends before it starts");
  }
  const seen = new Map<string, number>();
  plan.targets.forEach((t, i) => {
    const at = `$.targets[${i}]`;
    if (seen.has(t.id)) {
      add(`${at}.id`, `指标编号 ${t.id} 重复（另见 $.targets[${seen.get(t.id)}]）`, `duplicate target id ${t.id} (also at $.targets[${seen.get(t.id)}])`);
    } else seen.set(t.id, i);
    if (!t.id.startsWith(plan.id + "-")) {
      add(`${at}.id`, `指标编号 ${t.id} 应以规划编号 ${plan.id}- 开头`, `target id ${t.id} must start with the plan id ${plan.id}-`);
    }
    if (t.base && t.target.year != null && t.target.year < t.base.year) {
      add(`${at}.target.year`, `目标年 ${t.target.year} 早于基期年 ${t.base.year}`, `target year ${t.target.year} is before the base year ${t.base.year}`);
    }
    if (t.target.year != null && (t.target.year < plan.period.start || t.target.year > plan.period.end)) {
      add(`${at}.target.year`, `目标年 ${t.target.year} 不在规划期 ${plan.period.start}–${plan.period.end} 内`, `target year ${t.target.year} is outside the period ${plan.period.start}–${plan.period.end}`);
    }
    if (t.target.max != null) {
      if (t.target.value == null) {
        add(`${at}.target.max`, "有区间上限却没有下限", "a range has an upper end but no lower end");
      } else if (t.target.max < t.target.value) {
        add(`${at}.target.max`, `区间上限 ${t.target.max} 小于下限 ${t.target.value}`, `the range's upper end ${t.target.max} is below its lower end ${t.target.value}`);
      }
    }
    if ((t.comparator === "range") !== (t.target.max != null)) {
      add(`${at}.comparator`, "区间目标须同时有 comparator=range 与 target.max", "a range target needs both comparator \"range\" and target.max");
    }
    if (QUANTITATIVE.has(t.kind) && t.target.value == null) {
      add(`${at}.target.value`, `定量指标（${t.kind}）缺少目标值`, `a quantitative target (${t.kind}) has no target value`);
    }
    if ((t.kind === "qualitative" || t.kind === "milestone") && t.target.value != null) {
      add(`${at}.target.value`, `${t.kind} 指标不应有目标值`, `a ${t.kind} target carries no target value`);
    }
    const years = new Set<number>();
    t.milestones.forEach((m, j) => {
      if (m.year < plan.period.start || m.year > plan.period.end) {
        add(`${at}.milestones[${j}].year`, `阶段目标年 ${m.year} 不在规划期 ${plan.period.start}–${plan.period.end} 内`, `milestone year ${m.year} is outside the period ${plan.period.start}–${plan.period.end}`);
      }
      if (t.base && m.year < t.base.year) {
        add(`${at}.milestones[${j}].year`, `阶段目标年 ${m.year} 早于基期年 ${t.base.year}`, `milestone year ${m.year} is before the base year ${t.base.year}`);
      }
      if (years.has(m.year)) {
        add(`${at}.milestones[${j}].year`, `阶段目标年 ${m.year} 重复`, `milestone year ${m.year} appears twice`);
      }
      years.add(m.year);
    });
    t.derived.forEach((d, j) => {
      if (fieldValue(t, d.field) == null) {
        add(`${at}.derived[${j}].field`, `推算说明指向空字段 ${d.field}`, `a derivation names the empty field ${d.field}`);
      }
    });
  });
  return out;
}

/** The value a derivation or conflict field name refers to. */
export function fieldValue(t: Target, field: string): unknown {
  if (field.startsWith("milestones.")) {
    const y = Number(field.slice("milestones.".length));
    return t.milestones.find((m) => m.year === y)?.value ?? null;
  }
  switch (field) {
    case "baseYear":
      return t.base?.year ?? null;
    case "baseValue":
      return t.base?.value ?? null;
    case "targetYear":
      return t.target.year;
    case "targetValue":
      return t.target.value;
    case "targetMax":
      return t.target.max;
    case "unit":
      return t.unit;
    case "kind":
      return t.kind;
    case "name":
      return t.name.zh;
    default:
      return null;
  }
}
