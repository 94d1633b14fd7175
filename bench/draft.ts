/**
 * The drafter against the bundled plans: recall and precision per plan and overall (what counts is
 * defined in src/core/draft/score.ts), and its speed. Texts from data/sources/.
 * Floors (held by test/draft/floors.test.ts): recall ≥ 85 %, precision ≥ 70 %.
 */
import fs from "node:fs";
import path from "node:path";
import { validatePlan } from "../src/core/catalog/validate";
import { draftPlan } from "../src/core/draft";
import { scorePlan, totals, type PlanScore } from "../src/core/draft/score";
import { medianMs } from "./timing";

const REPO = path.resolve(__dirname, "..");
const SOURCES = path.join(REPO, "data", "sources");

function readSource(file: string): string | null {
  const p = path.join(SOURCES, file);
  return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : null;
}

const pct = (x: number) => `${(100 * x).toFixed(1)} %`;

export function benchDraft(): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  const dir = path.join(REPO, "data", "plans");
  const scores: PlanScore[] = [];
  const texts: string[] = [];
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".json")).sort()) {
    const r = validatePlan(f, JSON.parse(fs.readFileSync(path.join(dir, f), "utf8")));
    if (!r.ok) {
      out[`draft: ${f}`] = "invalid plan file, skipped";
      continue;
    }
    const text = readSource(r.plan.source);
    if (!text) {
      out[`draft: ${r.plan.id}`] = `text ${r.plan.source} not found in data/sources/`;
      continue;
    }
    texts.push(text);
    const s = scorePlan(r.plan, draftPlan(text).proposals);
    scores.push(s);
    out[`draft: ${s.plan} recall / precision`] = `${s.found}/${s.figures} = ${pct(s.figures ? s.found / s.figures : 0)}  /  ${s.matched}/${s.proposals} = ${pct(s.proposals ? s.matched / s.proposals : 0)}`;
  }
  if (!scores.length) return out;
  const t = totals(scores);
  out["draft: recall (floor 85 %)"] = `${pct(t.recall)} (${t.found} of ${t.figures} encoded figures)`;
  out["draft: precision (floor 70 %)"] = `${pct(t.precision)} (${t.matched} of ${t.proposals} proposals with a figure)`;
  const b = scores.reduce((a, s) => ({ total: a.total + s.bases.total, right: a.right + s.bases.right }), { total: 0, right: 0 });
  const ms = scores.reduce((a, s) => ({ total: a.total + s.milestones.total, right: a.right + s.milestones.right }), { total: 0, right: 0 });
  out["draft: bases right, of found figures"] = `${b.right}/${b.total}`;
  out["draft: milestones right, of found figures"] = `${ms.right}/${ms.total}`;
  const nn = scores.reduce((a, s) => ({ total: a.total + s.nonNumeric.total, found: a.found + s.nonNumeric.found, proposals: a.proposals + s.nonNumeric.proposals }), { total: 0, found: 0, proposals: 0 });
  out["draft: qualitative/milestone targets found (no floor)"] = `${nn.found}/${nn.total} (${nn.proposals} proposals without a figure)`;
  out["draft: missed"] = scores.flatMap((s) => s.missed).join("; ") || "none";
  out["draft: unmatched proposals"] = scores.flatMap((s) => s.extra).join("; ") || "none";
  const chars = texts.reduce((a, x) => a + x.length, 0);
  const took = medianMs(() => texts.forEach((x) => draftPlan(x)));
  out["draft: all texts ms"] = took.toFixed(1);
  out["draft: characters per ms"] = Math.round(chars / took);
  return out;
}
