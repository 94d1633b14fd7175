/**
 * Checks plan files one by one: the schema and rules, then the shared provenance check on just
 * those plans.  npx tsx scripts/check-plan.ts data/plans/JZ.json [more files]
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { execFileSync } from "node:child_process";
import { loadCatalog } from "../src/core/catalog/catalog";
import { exportCatalog } from "../src/core/catalog/export";
import { parsePlanText } from "../src/core/catalog/validate";
import { parseJsonText, readPlanText } from "../src/node/plan-files";

const files = process.argv.slice(2);
let failed = false;
for (const f of files) {
  // As the other tools read plan files: a BOM dropped, a syntax error with its line and column.
  const text = readPlanText(f);
  const json = parseJsonText(f, text);
  if (!json.ok) {
    failed = true;
    console.log(json.message);
    continue;
  }
  const parsed = parsePlanText(f, text);
  if (!parsed.ok) {
    failed = true;
    for (const i of parsed.issues) console.log(`${i.file} ${i.path}: ${i.en}`);
    continue;
  }
  const catalog = loadCatalog([{ file: f, data: JSON.parse(text) }]);
  const out = path.join(os.tmpdir(), `check-${path.basename(f)}`);
  fs.writeFileSync(out, JSON.stringify(exportCatalog(catalog)));
  const tool = path.resolve(__dirname, "..", "..", "shared", "tools", "check-provenance.mjs");
  let report = "";
  try {
    report = execFileSync("node", [tool, out], { encoding: "utf8" });
  } catch (e) {
    report = (e as { stdout: string }).stdout;
  }
  const lines = report.split("\n").filter((l) => l && !l.includes("no indicator comes from this plan"));
  const problems = lines.slice(0, -1);
  if (problems.length) failed = true;
  const q = parsed.plan.targets.filter((t) => t.target.value != null).length;
  console.log(`${f}: ${parsed.plan.targets.length} targets (${q} with a figure)`);
  for (const l of problems) console.log("  " + l);
  console.log(problems.length ? `  ${problems.length} provenance problems` : "  provenance: all hold");
}
process.exit(failed ? 1 : 0);
