/**
 * Which typed years can ever count for a target (issue 11 §5). A value typed for a year the method
 * never reads — the base year of a 新增 target, a year before the base, a year after the plan — is
 * reported, not silently ignored: the sheets and the CSV import call these to say so.
 * docs/method.md §4 lists the rules; test/method/countable.test.ts checks them against assess().
 */
import { dueYear, familyOf, planBaseline, type TargetRef } from "./method";

/** The years whose actuals can count: from `from` (null: no lower bound) to `to`, both included. */
export interface CountedYears {
  from: number | null;
  to: number;
}

export function countedYears(ref: TargetRef): CountedYears {
  const { plan, target } = ref;
  const to = Math.max(plan.period.end, dueYear(ref));
  const base = planBaseline(ref);
  switch (familyOf(target.kind)) {
    case "path":
      // 新增 counts the years after its base year; other path kinds start at their base.
      if (!base) return { from: null, to };
      return { from: target.kind === "additions" ? base.year + 1 : base.year, to };
    case "qualitative":
      return { from: base ? base.year : plan.period.start, to };
    default:
      // Yearly amounts before the period still shape the trend; milestones count whenever done.
      return { from: null, to };
  }
}

export interface UncountedYear {
  year: number;
  zh: string;
  en: string;
}

/** Why a year's actual can never count, or null when it can. */
export function uncountedReason(ref: TargetRef, year: number): UncountedYear | null {
  const { plan, target } = ref;
  const { from, to } = countedYears(ref);
  if (year > to) {
    return {
      year,
      zh: `${year} 年在规划期（${plan.period.start}–${plan.period.end}）之后，规划未给出该年的目标，不计入`,
      en: `${year} is after the plan period (${plan.period.start}–${plan.period.end}); the plan sets nothing for it, so it is not counted`,
    };
  }
  if (from == null || year >= from) return null;
  if (target.kind === "additions") {
    return {
      year,
      zh: `新增类指标从 ${from} 年起逐年相加（基期 ${from - 1} 年），${year} 年的值不计入`,
      en: `additions are summed from ${from} (the base year is ${from - 1}); the value for ${year} is not counted`,
    };
  }
  if (familyOf(target.kind) === "qualitative" && !planBaseline(ref)) {
    return {
      year,
      zh: `${year} 年早于规划期首年（${from} 年），定性目标不以其为参照，不计入`,
      en: `${year} is before the plan period's first year (${from}); a qualitative target is not judged against it, so it is not counted`,
    };
  }
  return {
    year,
    zh: `${year} 年早于基期（${from} 年），不计入`,
    en: `${year} is before the base year (${from}), so it is not counted`,
  };
}

/** The typed years (each once, in order) that can never count for the target, each with why. */
export function uncountedYears(ref: TargetRef, years: Iterable<number>): UncountedYear[] {
  const out: UncountedYear[] = [];
  for (const y of [...new Set(years)].filter(Number.isInteger).sort((a, b) => a - b)) {
    const r = uncountedReason(ref, y);
    if (r) out.push(r);
  }
  return out;
}
