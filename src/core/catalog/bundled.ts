/**
 * The plans shipped with the add-in: every file in data/plans/ (see plan-list.ts: the list is made
 * at build time, so adding a plan needs no code change; docs/data.md).
 */
import { type Catalog, loadCatalog, type RawPlanFile } from "./catalog";
import { PLAN_FILES } from "./plan-list";

export const BUNDLED_PLAN_FILES: readonly RawPlanFile[] = PLAN_FILES;

let cached: Catalog | undefined;

/** The bundled catalogue, validated once. Plans with problems are left out; see catalog.issues. */
export function bundledCatalog(): Catalog {
  cached ??= loadCatalog(BUNDLED_PLAN_FILES);
  return cached;
}
