/**
 * Kept for old instructions: checks the given plan files exactly as `npm run check:data -- FILES`
 * does (schema, rules, provenance against data/sources/).  npx tsx scripts/check-plan.ts data/plans/JZ.json
 */
import { REPO, runCheckData } from "./check-data";

const { lines, code } = runCheckData(process.argv.slice(2), REPO, process.cwd());
for (const l of lines) console.log(l);
process.exit(code);
