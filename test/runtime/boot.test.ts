/**
 * src/taskpane/boot.ts runs before the bundles (issue 12 §3): it warms the number format of the
 * language the pane will most likely show, reading the same stored choice as the language switch,
 * and never throws.
 */
import { LANGUAGE_KEY as BOOT_KEY, likelyLocale, warmUp } from "../../src/taskpane/boot";
import { LANGUAGE_KEY } from "../../src/taskpane/i18n";

describe("boot.ts", () => {
  it("reads the language switch's own key", () => {
    expect(BOOT_KEY).toBe(LANGUAGE_KEY);
  });

  it("guesses the user's stored choice, else Chinese; refused storage is Chinese", () => {
    const store = (v: string | null) => ({ getItem: (k: string) => (k === LANGUAGE_KEY ? v : null) });
    expect(likelyLocale(store("en-US"))).toBe("en-US");
    expect(likelyLocale(store("zh-CN"))).toBe("zh-CN");
    expect(likelyLocale(store("fr-FR"))).toBe("zh-CN");
    expect(likelyLocale(store(null))).toBe("zh-CN");
    expect(likelyLocale(undefined)).toBe("zh-CN");
    expect(
      likelyLocale({
        getItem: () => {
          throw new Error("SecurityError");
        },
      }),
    ).toBe("zh-CN");
  });

  it("loads the number format's locale data only when the page is idle, not before the bundles run", () => {
    const g = globalThis as { requestIdleCallback?: unknown };
    const queued: Array<() => void> = [];
    g.requestIdleCallback = (cb: () => void) => queued.push(cb);
    const spy = jest.spyOn(Number.prototype, "toLocaleString");
    try {
      warmUp();
      expect(spy).not.toHaveBeenCalled();
      expect(queued).toHaveLength(1);
      queued[0]();
      expect(spy).toHaveBeenCalledWith("zh-CN");
    } finally {
      spy.mockRestore();
      delete g.requestIdleCallback;
    }
  });

  it("warming up never throws, also where localStorage itself throws", () => {
    const g = globalThis as { localStorage?: unknown };
    const had = Object.getOwnPropertyDescriptor(globalThis, "localStorage");
    Object.defineProperty(globalThis, "localStorage", {
      configurable: true,
      get() {
        throw new Error("SecurityError");
      },
    });
    try {
      expect(() => warmUp()).not.toThrow();
    } finally {
      if (had) Object.defineProperty(globalThis, "localStorage", had);
      else delete g.localStorage;
    }
  });
});
