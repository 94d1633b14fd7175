/**
 * The catalogue is validated when the add-in is built, not each time the page loads.
 *
 * webpack.config.js runs this as a loader on src/core/catalog/bundled.ts in the browser build: it
 * validates every bundled plan file strictly (any problem fails the build, with the file, the JSON
 * path and the bilingual message) and replaces the module with one that hands the checked plans
 * to `new Catalog(...)` as they are. The page then loads no validator (no zod on the first screen)
 * and spends no time validating. Node tools, the tests and plans imported at run time still go
 * through loadCatalog's validation.
 */
import path from "node:path";
import { loadCatalogStrict, type RawPlanFile } from "../core/catalog/catalog";
import type { Plan } from "../core/catalog/schema";

/** The bundled plans, validated; throws CatalogError naming every problem. */
export function checkedPlans(files: readonly RawPlanFile[]): readonly Plan[] {
  return loadCatalogStrict(files).plans;
}

/** The module that stands in for bundled.ts in the browser: same exports, data already checked. */
export function checkedCatalogSource(files: readonly RawPlanFile[]): string {
  const plans = checkedPlans(files);
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
  return checkedCatalogSource(files);
}
