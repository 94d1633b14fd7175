/**
 * The plans shipped with the add-in. To add a plan: put its file in data/plans/ and add one
 * line here (docs/data.md). Static imports keep the bundle free of eval and of network fetches.
 */
import { type Catalog, loadCatalog, type RawPlanFile } from "./catalog";
import JZ from "../../../data/plans/JZ.json";
import XZ from "../../../data/plans/XZ.json";
import HN from "../../../data/plans/HN.json";
import XC from "../../../data/plans/XC.json";
import JY from "../../../data/plans/JY.json";

export const BUNDLED_PLAN_FILES: readonly RawPlanFile[] = [
  { file: "data/plans/JZ.json", data: JZ },
  { file: "data/plans/XZ.json", data: XZ },
  { file: "data/plans/HN.json", data: HN },
  { file: "data/plans/XC.json", data: XC },
  { file: "data/plans/JY.json", data: JY },
];

let cached: Catalog | undefined;

/** The bundled catalogue, validated once. Plans with problems are left out; see catalog.issues. */
export function bundledCatalog(): Catalog {
  cached ??= loadCatalog(BUNDLED_PLAN_FILES);
  return cached;
}
