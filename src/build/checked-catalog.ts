/**
 * The catalogue is validated when the add-in is built, not each time the page loads.
 *
 * webpack.config.js runs this as a loader on src/core/catalog/bundled.ts in the browser build: it
 * validates every bundled plan file strictly (any problem fails the build, with the file, the JSON
 * path and the bilingual message) and replaces the module with one that hands the checked plans
 * to `new Catalog(...)` as they are. The page then loads no validator (no zod on the first screen)
 * and spends no time validating. The measure vocabulary (data/measures.json) is checked too, and
 * every measure a plan names must be in it with its unit. Node tools, the tests and plans imported
 * at run time still go through loadCatalog's validation.
 */
import fs from "node:fs";
import path from "node:path";
import { loadCatalogStrict, type RawPlanFile } from "../core/catalog/catalog";
import { measureMap } from "../core/catalog/measures";
import type { Plan } from "../core/catalog/schema";
import { CatalogError, validateMeasureFile } from "../core/catalog/validate";
import { parseJsonText } from "../node/plan-files";

/**
 * The bundled plans, validated; throws CatalogError naming every problem. `measures`: the vocabulary
 * file as parsed (else the one the add-in bundles), validated first.
 */
export function checkedPlans(files: readonly RawPlanFile[], measures?: { file: string; data: unknown }): readonly Plan[] {
  if (!measures) return loadCatalogStrict(files).plans;
  const v = validateMeasureFile(measures.file, measures.data);
  if (!v.ok) throw new CatalogError(v.issues);
  return loadCatalogStrict(files, measureMap(v.measures)).plans;
}

/** data/measures.json read for the build check: bad JSON is named by line and column. */
export function readMeasureFile(file: string, shown = "data/measures.json"): { file: string; data: unknown } {
  const json = parseJsonText(shown, fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));
  if (!json.ok) {
    const [zh, en] = json.message.replace(`${shown}: `, "").split(" / ");
    throw new CatalogError([{ file: shown, path: "$", zh, en: en ?? zh }]);
  }
  return { file: shown, data: json.data };
}

/** The module that stands in for bundled.ts in the browser: same exports, data already checked. */
export function checkedCatalogSource(files: readonly RawPlanFile[], measures?: { file: string; data: unknown }): string {
  const plans = checkedPlans(files, measures);
  // JSON.parse of a string literal: parsed faster than the same object written as code.
  return `// Generated at build time by src/build/checked-catalog.ts from ${files.map((f) => f.file).join(", ")}.
import { Catalog, type RawPlanFile } from "./catalog";
import type { Plan } from "./schema";

const PLANS: Plan[] = JSON.parse(${JSON.stringify(JSON.stringify(plans))});
const FILES: string[] = ${JSON.stringify(files.map((f) => f.file))};

export const BUNDLED_PLAN_FILES: readonly RawPlanFile[] = PLANS.map((data, i) => ({ file: FILES[i], data }));

let cached: Catalog | undefined;

/** The bundled catalogue, validated when the add-in was built. */
export function bundledCatalog(): Catalog {
  cached ??= new Catalog(PLANS);
  return cached;
}
`;
}

interface LoaderContext {
  rootContext: string;
  addDependency(file: string): void;
  addContextDependency(dir: string): void;
  getOptions(): { dir?: string };
}

/**
 * The webpack loader: reads every plan file of data/plans/ (or the `dir` option, for tests that
 * build a copy of the data) afresh on every build, through the same list Node uses.
 */
export default function checkedCatalogLoader(this: LoaderContext): string {
  const dir = this.getOptions()?.dir ?? path.join(this.rootContext, "data", "plans");
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { readPlanDir } = require(path.join(this.rootContext, "scripts", "plan-list.cjs")) as {
    readPlanDir: (dir: string) => RawPlanFile[];
  };
  const files = readPlanDir(dir);
  this.addContextDependency(dir);
  for (const f of files) this.addDependency(path.join(dir, path.basename(f.file)));
  // The vocabulary measures.ts bundles: the repository's own, whatever folder the plans come from.
  const measuresFile = path.join(this.rootContext, "data", "measures.json");
  this.addDependency(measuresFile);
  return checkedCatalogSource(files, readMeasureFile(measuresFile));
}
