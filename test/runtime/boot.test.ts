/**
 * src/taskpane/boot.ts runs before the bundles (issue 12 §3): it opens the storage, reading the
 * same stored choice as the language switch, never throws, and leaves the number format's locale
 * data for after the first screen.
 */
import { LANGUAGE_KEY as BOOT_KEY, likelyLocale, warmNumberFormat, warmUp } from "../../src/taskpane/boot";
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

  it("loads no number-format locale data before the bundles run; App asks for it after the first screen", () => {
    const spy = jest.spyOn(Number.prototype, "toLocaleString");
    try {
      warmUp();
      expect(spy).not.toHaveBeenCalled();
      warmNumberFormat("en-US");
      expect(spy).toHaveBeenCalledWith("en-US");
    } finally {
      spy.mockRestore();
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
