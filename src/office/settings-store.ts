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

export function onSettingsChange(listener: (s: AddinSettings) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}
