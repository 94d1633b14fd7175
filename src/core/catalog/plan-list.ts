/**
 * Every plan file in data/plans/ as {file, data}, in source order: the set the add-in ships.
 * Under Node (jest, the tsx command-line tools) this body reads the folder. In the add-in build,
 * webpack compiles this module through scripts/plan-list.cjs instead, which writes one static JSON
 * import per file found: adding a plan is dropping its file in, with no list to edit.
 */
import type { RawPlanFile } from "./catalog";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { readPlanDir } = require("../../../scripts/plan-list.cjs") as { readPlanDir: () => RawPlanFile[] };

export const PLAN_FILES: readonly RawPlanFile[] = readPlanDir();
