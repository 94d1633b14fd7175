/**
 * PLACEHOLDER until the roll-up is built (issue 13): the exports the pane and the CLI use, with the
 * signatures of types.ts. Both reject, so nothing can mistake this for a result.
 */
import type { CollectWorkbooks, RollupWorkbookXlsx } from "./types";

export * from "./types";

export const collectWorkbooks: CollectWorkbooks = () => Promise.reject(new Error("roll-up not built yet"));
export const rollupWorkbookXlsx: RollupWorkbookXlsx = () => Promise.reject(new Error("roll-up not built yet"));
