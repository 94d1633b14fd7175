/**
 * A tiny script the page runs first, while its bundles are still downloading and being parsed:
 * work the first render would otherwise wait for, done in that idle time (issue 12 §3). Chromium
 * loads a locale's ICU data at its first number format (some 25 ms for zh-CN), and the first
 * localStorage read opens the profile's storage; both would fall inside the first render.
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

export function warmUp(): void {
  try {
    (0).toLocaleString(likelyLocale(globalThis.localStorage));
  } catch {
    // nothing to warm
  }
}

if (typeof document !== "undefined") warmUp();
