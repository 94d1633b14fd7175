/** The roll-up as the browser bundle has it, for bench/rollup.ts to run in headless Chromium. */
export { collectWorkbooks, rollupCatalog, rollupWorkbookXlsx } from "../src/rollup";
export { openZip } from "../src/rollup/zip";
export { Catalog } from "../src/core/catalog/catalog";
