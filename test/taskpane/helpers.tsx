/**
 * Renders the task pane (or one view) with fake services: the bundled catalogue, a host that is
 * Excel or a preview, a jest-mocked workbook and an in-memory settings store.
 */
import { act, render, type RenderResult } from "@testing-library/react";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import type { Catalog } from "../../src/core/catalog/catalog";
import type { Observation } from "../../src/core/method/method";
import { type AddinSettings, parseStoredSettings } from "../../src/office/settings-store";
import { App, type TabId } from "../../src/taskpane/App";
import type { LocaleId } from "../../src/taskpane/i18n";
import { CATALOGUES } from "../../src/taskpane/i18n/catalogues";
import type { HostInfo } from "../../src/taskpane/office/host";
import type { WorkbookActions, WriteResult } from "../../src/taskpane/office/workbook";
import type { SettingsStore, TaskpaneServices } from "../../src/taskpane/services";

// In the pane, a plan's and a target's views are separate chunks fetched in the background once
// the first screen is up (views/lazy.ts); here they render at once, as they do after that prefetch.
// The browser e2e drives the real chunks.
jest.mock("../../src/taskpane/views/lazy", () => ({
  ...jest.requireActual("../../src/taskpane/views/lazy"),
  LazyPlanView: jest.requireActual("../../src/taskpane/views/PlanView").PlanView,
  LazyTargetView: jest.requireActual("../../src/taskpane/views/TargetView").TargetView,
  LazyCatalogIssues: jest.requireActual("../../src/taskpane/components/CatalogIssues").CatalogIssues,
}));

// jsdom has no ResizeObserver; Fluent's MessageBar watches its own width with one.
if (typeof window !== "undefined" && !("ResizeObserver" in window)) {
  (window as unknown as { ResizeObserver: unknown }).ResizeObserver = class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
}

export const EXCEL_HOST: HostInfo = { inExcel: true, displayLanguage: "zh-CN", unavailable: null };
export const PREVIEW_HOST: HostInfo = { inExcel: false, displayLanguage: null, unavailable: "preview" };

export type FakeWorkbook = { [K in keyof WorkbookActions]: jest.Mock };

export function fakeWorkbook(actuals: Record<string, Observation[]> = {}): FakeWorkbook {
  const result: WriteResult = { plans: [], syncs: 0, cancelled: false };
  return {
    writeOrRefreshSheets: jest.fn().mockResolvedValue(result),
    readActuals: jest.fn().mockResolvedValue(new Map(Object.entries(actuals))),
    selectTarget: jest.fn().mockResolvedValue(true),
    insertFormula: jest.fn().mockResolvedValue(undefined),
    recalculate: jest.fn().mockResolvedValue(undefined),
  };
}

export function memoryStore(initial?: Partial<AddinSettings>): SettingsStore & { save: jest.Mock } {
  let current = parseStoredSettings(initial ?? null);
  const listeners = new Set<(s: AddinSettings) => void>();
  return {
    load: () => current,
    save: jest.fn(async (next: AddinSettings) => {
      current = parseStoredSettings(next);
      listeners.forEach((l) => l(current));
    }),
    subscribe: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
  };
}

export interface Setup {
  host?: HostInfo;
  workbook?: FakeWorkbook | null;
  catalog?: Catalog;
  locale?: LocaleId;
  tab?: TabId;
  store?: SettingsStore;
  services?: Partial<TaskpaneServices>;
}

export function renderTaskpane(setup: Setup = {}): RenderResult & { services: TaskpaneServices; workbook: FakeWorkbook | null } {
  const host = setup.host ?? PREVIEW_HOST;
  const workbook = setup.workbook === undefined ? (host.unavailable ? null : fakeWorkbook()) : setup.workbook;
  const services: TaskpaneServices = {
    catalog: setup.catalog ?? bundledCatalog(),
    host,
    workbook,
    buildWorkbook: jest.fn().mockResolvedValue(new Uint8Array([80, 75, 3, 4])),
    saveFile: jest.fn(),
    copyText: jest.fn().mockResolvedValue(undefined),
    settings: setup.store ?? memoryStore(),
    ...setup.services,
  };
  const messages = CATALOGUES[setup.locale ?? "zh-CN"];
  const result = render(<App services={services} messages={messages} initialTab={setup.tab} />);
  return { ...result, services, workbook };
}

/** An error as Office JS raises it (OfficeExtension.Error has a code). */
export function officeError(code: string, message = code): Error {
  return Object.assign(new Error(message), { code, name: "RichApi.Error" });
}

/** Renders and lets the first read of the actuals settle (in Excel the pane reads them on start). */
export async function renderSettled(setup: Setup = {}): Promise<ReturnType<typeof renderTaskpane>> {
  const result = renderTaskpane(setup);
  await act(async () => undefined);
  return result;
}
