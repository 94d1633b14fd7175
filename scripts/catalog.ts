/**
 * Prints the plan catalogue: the flat export of shared/CATALOG-EXPORT.md.
 *   npm run --silent catalog -- --json [--plans JZ,XZ]
 *   npm run --silent catalog -- --csv  [--plans JZ,XZ]
 * Exits 1, with each problem on stderr in Chinese and English, if any plan file is invalid.
 */
import { exportCatalog, exportCsv } from "../src/core/catalog/export";
import { loadCatalogFromDisk } from "../src/node/plan-files";

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(name);
const value = (name: string) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

const { catalog, problems } = loadCatalogFromDisk();
for (const p of problems) console.error(p);
const plans = value("--plans")?.split(",").map((s) => s.trim().toUpperCase()).filter(Boolean);
const unknown = plans?.filter((p) => !catalog.plan(p)) ?? [];
if (unknown.length) {
  console.error(`未知的规划编号 / unknown plan ids: ${unknown.join(", ")} (known: ${catalog.plans.map((p) => p.id).join(", ")})`);
  process.exit(2);
}
if (flag("--csv")) process.stdout.write(exportCsv(catalog, plans));
else if (flag("--json")) process.stdout.write(JSON.stringify(exportCatalog(catalog, plans), null, 2) + "\n");
else {
  for (const plan of catalog.plans) {
    if (plans && !plans.includes(plan.id)) continue;
    console.log(`${plan.id}  ${plan.title.zh}  (${plan.targets.length})`);
    for (const t of plan.targets) {
      const v = t.target.value == null ? "—" : `${t.target.value}${t.target.max != null ? `–${t.target.max}` : ""}`;
      console.log(`  ${t.id.padEnd(7)} ${t.name.zh}  ${v} ${t.unit}  (${t.target.year ?? ""})`);
    }
  }
}
process.exit(problems.length ? 1 : 0);
