/**
 * The task pane's entry: find out where we run (Excel or a plain browser) and in which language,
 * then render. Office.onReady must be awaited before any Office call; outside Office it resolves
 * with no host, and the pane runs as a preview.
 */
import { createRoot, type Root } from "react-dom/client";
import { bundledCatalog } from "../core/catalog/bundled";
import { currentSettings, loadWorkbookSettings, onSettingsChange, saveWorkbookSettings } from "../office/settings-store";
import { App } from "./App";
import { buildWorkbookInBrowser, copyText, saveFile } from "./browser";
import { CATALOGUES, pickLocale } from "./i18n";
import { detectHost, type HostInfo } from "./office/host";
import { createExcelWorkbook } from "./office/workbook";
import type { TaskpaneServices } from "./services";

/** Marks for bench/taskpane.ts: when this script starts, when the host is known (then App marks its first render). */
export const SCRIPT_START_MARK = "taskpane:script-start";
export const HOST_READY_MARK = "taskpane:host-ready";

/** Shown while a slow Excel gets ready (both languages: the display language is not known yet). */
const STARTING = "正在启动… / Starting…";

async function start(): Promise<void> {
  performance.mark?.(SCRIPT_START_MARK);
  const container = document.getElementById("container");
  if (!container) throw new Error("taskpane.html has no #container");
  let root: Root | null = null;
  const host = await detectHost(undefined, undefined, {
    onStarting: () => {
      if (!root) container.textContent = STARTING;
    },
    // Office answered after the preview was shown: start again as the add-in.
    onLateHost: (late) => {
      root?.unmount();
      root = render(container, late);
    },
  });
  container.textContent = "";
  root = render(container, host);
}

function render(container: HTMLElement, host: HostInfo): Root {
  performance.mark?.(HOST_READY_MARK);
  const messages = CATALOGUES[pickLocale(host.displayLanguage)];
  document.documentElement.lang = messages.locale;
  document.title = messages.app.title;
  if (host.inExcel) loadWorkbookSettings();
  const catalog = bundledCatalog();
  const services: TaskpaneServices = {
    catalog,
    host,
    workbook: host.unavailable ? null : createExcelWorkbook(),
    buildWorkbook: (options) => buildWorkbookInBrowser(catalog, options),
    saveFile: (data, fileName) => saveFile(data, fileName),
    copyText: (text) => copyText(text),
    settings: { load: currentSettings, save: saveWorkbookSettings, subscribe: onSettingsChange },
  };
  const root = createRoot(container);
  root.render(<App services={services} messages={messages} />);
  return root;
}

void start();
