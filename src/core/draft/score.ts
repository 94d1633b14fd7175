/**
 * How well the drafter reads a plan, against that plan's encoding (the answer key).
 *
 * - A figure of the key is an encoded target with a target value: its (value, year).
 * - Recall: key figures some proposal states with the same value (base units) and year.
 * - Precision: proposals with a figure that match a key figure, or a figure the encoding records
 *   as the other side of a conflict (the plan prints it too, for the same target and year).
 * Matching is one to one: two proposals of one figure count one hit and one miss. Among several
 * candidates the one whose name is closest wins.
 */
import type { Plan, Target } from "../catalog/schema";
import { nameSimilarity, sameNumber } from "./text";
import type { Proposal } from "./types";

/** Names of a found figure share at least this much (Dice on character bigrams, 知识产权 ignored). */
export const MIN_NAME_SIMILARITY = 0.15;

export interface PlanScore {
  plan: string;
  figures: number;
  found: number;
  proposals: number;
  matched: number;
  /** Key figures no proposal found: "JZ-38 3 (2035)". */
  missed: string[];
  /** Proposals that match nothing: "P07 名称 10 (2025)". */
  extra: string[];
  /** Of the found figures: printed bases (value and year) and milestones, and how many the proposal has right. */
  bases: { total: number; right: number };
  milestones: { total: number; right: number };
  /** Encoded targets without a figure (qualitative, milestone) that a figureless proposal names alike. */
  nonNumeric: { total: number; found: number; proposals: number };
}

interface KeyFigure {
  id: string;
  name: string;
  year: number | null;
  value: number;
  max: number | null;
  conflict: boolean;
  target: Target;
}

function keyFigures(plan: Plan): KeyFigure[] {
  const out: KeyFigure[] = [];
  for (const t of plan.targets) {
    if (t.target.value != null) {
      out.push({ id: t.id, name: t.name.zh, year: t.target.year, value: t.target.value, max: t.target.max, conflict: false, target: t });
    }
    for (const c of t.conflicts) {
      if (c.field === "targetValue" && c.value != null) {
        out.push({ id: `${t.id}~`, name: t.name.zh, year: t.target.year, value: c.value, max: null, conflict: true, target: t });
      }
    }
  }
  return out;
}

export function scorePlan(plan: Plan, proposals: readonly Proposal[]): PlanScore {
  const keys = keyFigures(plan);
  const withFigure = proposals.filter((p) => p.targetValue != null);
  const pairs: Array<{ k: number; p: number; sim: number }> = [];
  keys.forEach((k, ki) =>
    withFigure.forEach((p, pi) => {
      if (p.targetYear !== k.year || !sameNumber(p.targetValue!, k.value)) return;
      const sim = nameSimilarity(p.name, k.name);
      // Same value and year under unrelated names is a coincidence, not a find.
      if (sim < MIN_NAME_SIMILARITY) return;
      pairs.push({ k: ki, p: pi, sim: sim + (k.conflict ? 0 : 0.01) });
    }),
  );
  pairs.sort((a, b) => b.sim - a.sim);
  const keyTaken = new Set<number>();
  const propTaken = new Set<number>();
  const bases = { total: 0, right: 0 };
  const milestones = { total: 0, right: 0 };
  for (const pr of pairs) {
    if (keyTaken.has(pr.k) || propTaken.has(pr.p)) continue;
    keyTaken.add(pr.k);
    propTaken.add(pr.p);
    const { target: t, conflict } = keys[pr.k];
    const p = withFigure[pr.p];
    if (conflict) continue;
    if (t.base?.value != null) {
      bases.total++;
      if (p.baseYear === t.base.year && p.baseValue != null && sameNumber(p.baseValue, t.base.value)) bases.right++;
    }
    for (const m of t.milestones) {
      milestones.total++;
      const v = p.milestones[String(m.year)];
      if (v != null && sameNumber(v, m.value)) milestones.right++;
    }
  }
  const real = keys.map((k, i) => ({ k, i })).filter(({ k }) => !k.conflict);
  return {
    plan: plan.id,
    figures: real.length,
    found: real.filter(({ i }) => keyTaken.has(i)).length,
    proposals: withFigure.length,
    matched: propTaken.size,
    missed: real.filter(({ i }) => !keyTaken.has(i)).map(({ k }) => `${k.id} ${k.name} ${k.value} (${k.year})`),
    extra: withFigure
      .filter((_, i) => !propTaken.has(i))
      .map((p) => `${p.key} ${p.name} ${p.targetValue}${p.targetMax != null ? `-${p.targetMax}` : ""} (${p.targetYear})`),
    bases,
    milestones,
    nonNumeric: nonNumeric(plan, proposals),
  };
}

/** Qualitative and milestone targets: found when a proposal without a figure has a similar name. */
function nonNumeric(plan: Plan, proposals: readonly Proposal[]): PlanScore["nonNumeric"] {
  const keys = plan.targets.filter((t) => t.target.value == null);
  const without = proposals.filter((p) => p.targetValue == null);
  const found = keys.filter((t) => without.some((p) => nameSimilarity(p.name, t.name.zh) >= 0.5 || t.quotes.some((q) => p.quotes.some((pq) => q.includes(pq) || pq.includes(q))))).length;
  return { total: keys.length, found, proposals: without.length };
}

export function totals(scores: readonly PlanScore[]): { recall: number; precision: number; figures: number; found: number; proposals: number; matched: number } {
  const sum = (f: (s: PlanScore) => number) => scores.reduce((a, s) => a + f(s), 0);
  const figures = sum((s) => s.figures);
  const found = sum((s) => s.found);
  const proposals = sum((s) => s.proposals);
  const matched = sum((s) => s.matched);
  return {
    figures,
    found,
    proposals,
    matched,
    recall: figures ? found / figures : 0,
    precision: proposals ? matched / proposals : 0,
  };
}
