/**
 * A tiny script the page runs first, while its bundles are still downloading and being parsed:
 * caches the pane will want, warmed in that time (issue 12 §3). The first localStorage read opens
 * the profile's storage (the first render reads the language choice); Chromium loads a locale's
 * ICU data at its first number format (some 25 ms for zh-CN), which the first screen does not
 * need, so that waits for an idle moment instead of holding up the bundles.
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
 * Opens the storage now (the first render reads the language choice from it) and loads the number
 * format's locale data when the page is idle: while the bundles download, or else after the first
 * render, which needs none (its counts are below 1,000: i18n/zh-CN.ts). Run before the bundles, it
 * would hold them up by as long as it takes once they are already here.
 */
export function warmUp(): void {
  try {
    const locale = likelyLocale(globalThis.localStorage);
    const icu = () => {
      try {
        (0).toLocaleString(locale);
      } catch {
        // nothing to warm
      }
    };
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    if (idle) idle(icu);
    else setTimeout(icu, 500);
  } catch {
    // nothing to warm
  }
}

if (typeof document !== "undefined") warmUp();
