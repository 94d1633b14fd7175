/**
 * Where the task pane runs: inside Excel, or in a plain browser (preview: `npm start` on a machine
 * without Excel, WPS users, a colleague opening the page). Office.onReady resolves with a null host
 * outside Office; when office.js could not load at all, Office is not even defined.
 */
export type WorkbookUnavailable = "preview" | "otherHost" | "oldExcel";

export interface HostInfo {
  inExcel: boolean;
  /** Office's display language ("zh-CN", "en-US" …), or the ?lang= override; null when unknown. */
  displayLanguage: string | null;
  /** Why the workbook actions cannot run here; null inside a capable Excel. */
  unavailable: WorkbookUnavailable | null;
}

/**
 * The highest ExcelApi set the workbook actions use (test/excel/requirements.test.ts reads the code):
 * suspendScreenUpdatingUntilNextSync and Table.autoFilter are 1.9, data validation 1.8, NamedItem
 * formulas and freeze panes 1.7, conditional formats and suspendApiCalculation 1.6.
 */
export const REQUIRED_EXCEL_API = "1.9";

/** How long to wait for Office.onReady before deciding there is no Office at all (plain browser). */
export const ONREADY_TIMEOUT_MS = 5000;

interface OfficeLike {
  onReady?: () => Promise<{ host: string | null; platform?: string | null }>;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

const PREVIEW: HostInfo = { inExcel: false, displayLanguage: null, unavailable: "preview" };

function languageOverride(search: string): string | null {
  const lang = new URLSearchParams(search).get("lang");
  return lang && /^[a-z]{2}(-[A-Za-z]{2})?$/i.test(lang) ? lang : null;
}

/**
 * What the page's address says of its host before office.js is ready: Office opens an add-in's page
 * with `_host_Info=Excel$Win32$16.01$zh-CN$…` (host, platform, version, language). A plain browser
 * has none of it.
 */
export function hostHint(search: string): { host: string; language: string | null } | null {
  const raw = new URLSearchParams(search).get("_host_Info");
  if (!raw) return null;
  const parts = raw.split(/[$|]/);
  const host = parts[0]?.trim();
  if (!host || !/^[A-Za-z]+$/.test(host)) return null;
  const language = parts[3] && /^[a-z]{2}(-[A-Za-z]{2,4})?$/i.test(parts[3]) ? parts[3] : null;
  return { host, language };
}

export interface DetectOptions {
  /** Milliseconds to wait for Office.onReady when nothing says we are inside Office. */
  timeoutMs?: number;
  /** Called while waiting for a slow Excel (the pane shows "starting…"). */
  onStarting?: () => void;
  /** Called when Office turns out to be there after the preview was chosen (the pane starts again). */
  onLateHost?: (host: HostInfo) => void;
}

function fromReady(office: OfficeLike, info: { host: string | null }, override: string | null): HostInfo {
  if (!info.host) return { ...PREVIEW, displayLanguage: override };
  const displayLanguage = override ?? office.context?.displayLanguage ?? null;
  if (info.host !== "Excel") return { inExcel: false, displayLanguage, unavailable: "otherHost" };
  const supported = office.context?.requirements?.isSetSupported("ExcelApi", REQUIRED_EXCEL_API) ?? true;
  return { inExcel: true, displayLanguage, unavailable: supported ? null : "oldExcel" };
}

/**
 * Where the pane runs. Inside Office (the address carries _host_Info) it waits for Office.onReady as
 * long as it takes: a slow Excel is never taken for a browser. Elsewhere it waits `timeoutMs`, then
 * runs as a preview, and still reports Office if it turns up later.
 */
export async function detectHost(
  office: OfficeLike | undefined = (globalThis as unknown as { Office?: OfficeLike }).Office,
  search: string = typeof location !== "undefined" ? location.search : "",
  timeoutOrOptions: number | DetectOptions = {},
): Promise<HostInfo> {
  const options = typeof timeoutOrOptions === "number" ? { timeoutMs: timeoutOrOptions } : timeoutOrOptions;
  const timeoutMs = options.timeoutMs ?? ONREADY_TIMEOUT_MS;
  const hint = hostHint(search);
  const override = languageOverride(search);
  // Without office.js nothing of the workbook can be reached, whatever the address says.
  if (!office || typeof office.onReady !== "function") return { ...PREVIEW, displayLanguage: override };
  let ready: Promise<{ host: string | null }>;
  try {
    ready = office.onReady();
  } catch {
    return { ...PREVIEW, displayLanguage: override };
  }
  if (hint) {
    let timer: ReturnType<typeof setTimeout> | undefined;
    if (options.onStarting) timer = setTimeout(options.onStarting, Math.min(timeoutMs, 500));
    try {
      return fromReady(office, await ready, override);
    } catch {
      return { ...PREVIEW, displayLanguage: override };
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      ready,
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    if (!info) {
      // Gave up waiting: a preview for now, but a late Excel still gets the real pane.
      ready.then(
        (late) => {
          const host = fromReady(office, late, override);
          if (host.unavailable !== "preview") options.onLateHost?.(host);
        },
        () => undefined,
      );
      return { ...PREVIEW, displayLanguage: override };
    }
    return fromReady(office, info, override);
  } catch {
    return { ...PREVIEW, displayLanguage: override };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
