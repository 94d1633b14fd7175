/**
 * Everything the task pane needs from outside React, handed in once by index.tsx (and by the
 * tests, with fakes): the catalogue, the host, the workbook, the .xlsx builder, file saving,
 * the clipboard and the per-workbook settings store.
 */
import { createContext, useContext } from "react";
import type { Catalog } from "../core/catalog/catalog";
import type { MergeNote, PlanOrigin } from "../core/catalog/sources";
import type { StorePlanResult } from "../office/plan-store";
import type { MethodSettings } from "../core/method/settings";
import type { AddinSettings, FormulaMode } from "../office/settings-store";
import type { ReportFile, ReportRequest } from "../report/build";
import type { CollectWorkbooks, RollupWorkbookXlsx } from "../rollup/types";
import type { HostInfo } from "./office/host";
import type { WorkbookActions } from "./office/workbook";

export interface BuildWorkbookOptions {
  plans?: string[];
  /** Native formulas (true) or IP.* ones; always said, never left to the builder's default. */
  portable: boolean;
  settings?: MethodSettings;
}

/** A downloaded workbook is opened where the add-in may not be: portable formulas unless asked otherwise. */
export const DEFAULT_DOWNLOAD_MODE: FormulaMode = "portable";

export interface SettingsStore {
  load(): AddinSettings;
  save(next: AddinSettings): Promise<void>;
  subscribe(listener: (s: AddinSettings) => void): () => void;
}

export interface TaskpaneServices {
  catalog: Catalog;
  host: HostInfo;
  /** Null where workbook actions cannot run (host.unavailable says why). */
  workbook: WorkbookActions | null;
  buildWorkbook(options: BuildWorkbookOptions): Promise<Uint8Array>;
  saveFile(data: Uint8Array, fileName: string): void;
  copyText(text: string): Promise<void>;
  settings: SettingsStore;
  /** Where each plan came from and what loading noted (docs/data.md "Plans at run time"); absent: all bundled. */
  planSources?: { origins: ReadonlyMap<string, PlanOrigin>; notes: readonly MergeNote[] };
  /** Stores a plan file in this workbook (inside Excel only); the catalogue then updates. */
  storePlanInWorkbook?(file: string, text: string): Promise<StorePlanResult>;
  /** The implementation report (.docx); when absent the report view loads src/report/build.ts itself. */
  buildReport?(request: ReportRequest): Promise<ReportFile>;
  /** The roll-up (汇总) functions; when absent the roll-up view loads src/rollup/index.ts on demand. */
  loadRollup?(): Promise<RollupModule>;
}

/** What the pane's 汇总 action calls (src/rollup/index.ts; types in src/rollup/types.ts). */
export interface RollupModule {
  collectWorkbooks: CollectWorkbooks;
  rollupWorkbookXlsx: RollupWorkbookXlsx;
}

export const ServicesContext = createContext<TaskpaneServices | null>(null);

export function useServices(): TaskpaneServices {
  const services = useContext(ServicesContext);
  if (!services) throw new Error("useServices outside <ServicesContext.Provider>");
  return services;
}
