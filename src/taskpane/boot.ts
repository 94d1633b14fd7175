/**
 * A tiny script the page runs first, while its bundles are still downloading and being parsed:
 * caches the pane will want, warmed in that time (issue 12 §3). The first localStorage read opens
 * the profile's storage (the first render reads the language choice). Chromium loads a locale's
 * ICU data at its first number format (some 25 ms for zh-CN); the first screen does not need it,
 * so that waits until the first screen is up (warmNumberFormat, called by App).
 * Nothing here may throw or depend on the bundles: it only warms caches.
 */

/** The key the language switch keeps the user's choice under (LANGUAGE_KEY of ./i18n, not imported: it would bring React). */
export const LANGUAGE_KEY = "ipTargets.language";

/** The locale the pane will most likely use: the user's choice, else Chinese (the add-in's default). */
export function likelyLocale(storage: Pick<Storage, "getItem"> | undefined): "zh-CN" | "en-US" {
  try {
    return storage?.getItem(LANGUAGE_KEY) === "en-US" ? "en-US" : "zh-CN";
  } catch {
    return "zh-CN"; // storage refused (a sandboxed web view)
  }
}

/**
 * Loads the number format's locale data for `locale`. Not run here: the first screen needs none (its
 * counts are below 1,000: i18n/zh-CN.ts), and an idle moment before the first render may be exactly
 * when the bundles arrive, so App calls this once its first screen is up (with the other prefetches).
 */
export function warmNumberFormat(locale: string): void {
  try {
    (0).toLocaleString(locale);
  } catch {
    // nothing to warm
  }
}

/** Opens the storage now, while the bundles load: the first render reads the language choice from it. */
export function warmUp(): void {
  try {
    likelyLocale(globalThis.localStorage);
  } catch {
    // storage itself refused (a sandboxed web view): nothing to warm
  }
}

if (typeof document !== "undefined") warmUp();
