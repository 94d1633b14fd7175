/**
 * Add-in settings remembered per workbook (Office document settings), shared by the task pane and
 * the functions in the shared runtime. Stored values are untrusted: resolveSettings checks them.
 */
import { type MethodSettings, resolveSettings } from "../core/method/settings";

export type FormulaMode = "live" | "portable";

export interface AddinSettings {
  method: MethodSettings;
  formulaMode: FormulaMode;
}

const KEY = "ipTargets.settings";

let current: AddinSettings = { method: resolveSettings(null), formulaMode: "live" };
const listeners = new Set<(s: AddinSettings) => void>();

export function currentSettings(): AddinSettings {
  return current;
}

export function parseStoredSettings(raw: unknown): AddinSettings {
  const obj = raw && typeof raw === "object" ? (raw as Record<string, unknown>) : {};
  return {
    method: resolveSettings(obj.method as Parameters<typeof resolveSettings>[0]),
    formulaMode: obj.formulaMode === "portable" ? "portable" : "live",
  };
}

/** Reads the workbook's stored settings (no-op outside Office). */
export function loadWorkbookSettings(): AddinSettings {
  try {
    const raw = typeof Office !== "undefined" ? Office.context?.document?.settings?.get(KEY) : undefined;
    current = parseStoredSettings(raw);
  } catch {
    // Outside Office, or settings unavailable: keep the defaults.
  }
  listeners.forEach((l) => l(current));
  return current;
}

/** Remembers settings in the workbook; resolves once saved (or at once outside Office). */
export function saveWorkbookSettings(next: AddinSettings): Promise<void> {
  current = parseStoredSettings(next);
  listeners.forEach((l) => l(current));
  const settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  if (!settings) return Promise.resolve();
  settings.set(KEY, current);
  return new Promise((resolve, reject) => {
    settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Succeeded ? resolve() : reject(r.error)));
  });
}

// ---- the functions' view of the settings ------------------------------------------------------

/** How often the functions ask Office for the workbook's latest settings (another context may have saved). */
export const SETTINGS_REFRESH_MS = 5000;

let lastRaw: string | undefined;
let lastParsed: AddinSettings | undefined;
let lastRefresh = -Infinity;

/**
 * The settings the IP.* functions compute with, read from the workbook's document settings on every
 * call (not only from this context's memory): where the task pane and the functions do not share one
 * JavaScript context, a threshold the pane saved still reaches the functions. Synchronous and
 * read-only: it never sets or saves anything; at most every SETTINGS_REFRESH_MS it asks Office, in
 * the background, to reload the document's settings, so the next calculation sees another context's
 * save. Outside Office it is this context's settings.
 */
export function functionSettings(now: number = Date.now()): AddinSettings {
  let settings: Office.Settings | undefined;
  try {
    settings = typeof Office !== "undefined" ? Office.context?.document?.settings : undefined;
  } catch {
    settings = undefined;
  }
  if (!settings) return current;
  let raw: unknown;
  try {
    raw = settings.get(KEY);
  } catch {
    return current;
  }
  if (raw == null) return current;
  const key = JSON.stringify(raw);
  if (key !== lastRaw || !lastParsed) {
    lastRaw = key;
    lastParsed = parseStoredSettings(raw);
  }
  if (now - lastRefresh >= SETTINGS_REFRESH_MS && typeof settings.refreshAsync === "function") {
    lastRefresh = now;
    try {
      settings.refreshAsync(() => undefined);
    } catch {
      // Not available on this host: the in-memory copy is what there is.
    }
  }
  return lastParsed;
}

export function onSettingsChange(listener: (s: AddinSettings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
