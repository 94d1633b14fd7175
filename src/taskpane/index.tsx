/**
 * The task pane's entry: find out where we run (Excel or a plain browser) and in which language,
 * then render. Office.onReady must be awaited before any Office call; outside Office it resolves
 * with no host, and the pane runs as a preview.
 */
import { createRoot, type Root } from "react-dom/client";
import { currentCatalog, pageDeployment, planStore } from "../office/plan-store";
import { currentSettings, loadWorkbookSettings, onSettingsChange, saveWorkbookSettings } from "../office/settings-store";
import { buildWorkbookInBrowser, copyText, saveFile } from "./browser";
import { loadMessages, type Messages, pickLocale, storedLocale } from "./i18n";
import { afterMark } from "./after-mark";
import { FIRST_RENDER_MARK } from "./App";
import { type BaseServices, LiveApp } from "./LiveApp";
import { detectHost, type HostInfo } from "./office/host";
import { createExcelWorkbook } from "./office/workbook";

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
  /** The host last heard of: a render whose catalogue arrives after a newer host's is dropped. */
  let latest: HostInfo | null = null;
  const show = async (host: HostInfo) => {
    latest = host;
    const messages = await messagesFor(host);
    if (host !== latest) return;
    root?.unmount();
    container.textContent = "";
    root = render(container, host, messages);
  };
  const host = await detectHost(undefined, undefined, {
    onStarting: () => {
      if (!root) container.textContent = STARTING;
    },
    // Office answered after the preview was shown: start again as the add-in.
    onLateHost: (late) => void show(late),
  });
  await show(host);
}

/** The catalogue the pane opens in: the user's choice, else Office's language (English is loaded on demand). */
function messagesFor(host: HostInfo): Promise<Messages> {
  return loadMessages(storedLocale() ?? pickLocale(host.displayLanguage));
}

function render(container: HTMLElement, host: HostInfo, messages: Messages): Root {
  performance.mark?.(HOST_READY_MARK);
  document.documentElement.lang = messages.locale;
  document.title = messages.app.title;
  if (host.inExcel) {
    loadWorkbookSettings();
    planStore.readWorkbookPlans();
  }
  // The plans: bundled (and in Excel the workbook's stored ones, read above) at once; the deployment's
  // plans/index.json (beside this page, the add-in's own files) asked for once the first screen is up,
  // so the request is not made inside the first render's time. LiveApp follows the store.
  afterMark(FIRST_RENDER_MARK, () => void planStore.start(pageDeployment()));
  const services: BaseServices = {
    host,
    workbook: host.unavailable ? null : createExcelWorkbook(),
    buildWorkbook: (options) => buildWorkbookInBrowser(currentCatalog(), options),
    saveFile: (data, fileName) => saveFile(data, fileName),
    copyText: (text) => copyText(text),
    settings: { load: currentSettings, save: saveWorkbookSettings, subscribe: onSettingsChange },
  };
  const root = createRoot(container);
  root.render(<LiveApp base={services} plans={planStore} messages={messages} />);
  return root;
}

void start();
