/** @jest-environment node */
import { STATUS_LABELS } from "../../src/core/method/method";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { pickLocale, pickText } from "../../src/taskpane/i18n";
import { HAN, strings, type Tree } from "./catalogue-strings";

function shape(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    v && typeof v === "object" ? shape(v as Tree, `${prefix}${k}.`) : [`${prefix}${k}:${typeof v}`],
  );
}

describe("message catalogue", () => {
  it("has the same keys in English as in Chinese (units are English-only)", () => {
    const { units: _zu, ...zh } = zhCN;
    const { units: _eu, ...en } = enUS;
    expect(shape(en)).toEqual(shape(zh));
  });

  it("has no empty string in either language", () => {
    for (const [where, text] of [...strings(zhCN), ...strings(enUS)]) {
      expect([where, text.trim().length > 0]).toEqual([where, true]);
    }
  });

  it("leaves no Chinese in the English catalogue's values", () => {
    const offenders = strings(enUS).filter(([, text]) => HAN.test(text));
    expect(offenders).toEqual([]);
  });

  it("has Chinese text in every Chinese message that is a sentence", () => {
    const latinOnly = strings(zhCN).filter(([where, text]) => /[a-z]{4,}/i.test(text) && !HAN.test(text) && where !== "locale");
    expect(latinOnly).toEqual([]);
  });

  it("never tells an official to run a command", () => {
    const commands = [...strings(zhCN), ...strings(enUS)].filter(([, text]) => /\b(npm|npx|node|tsx)\b/.test(text));
    expect(commands).toEqual([]);
  });

  it("uses the method's own status words", () => {
    for (const code of Object.keys(STATUS_LABELS) as Array<keyof typeof STATUS_LABELS>) {
      expect(zhCN.status[code]).toBe(STATUS_LABELS[code].zh);
      expect(enUS.status[code]).toBe(STATUS_LABELS[code].en);
    }
  });
});

describe("pickLocale", () => {
  it.each([
    ["zh-CN", "zh-CN"],
    ["zh-TW", "zh-CN"],
    ["en-US", "en-US"],
    ["en-GB", "en-US"],
    ["EN", "en-US"],
    ["fr-FR", "zh-CN"],
    [null, "zh-CN"],
    ["", "zh-CN"],
    ["eno", "zh-CN"],
  ])("%s → %s", (given, locale) => {
    expect(pickLocale(given as string | null)).toBe(locale);
  });

  it("picks the plan's text in the user's language", () => {
    expect(pickText({ zh: "焦作", en: "Jiaozuo" }, zhCN)).toBe("焦作");
    expect(pickText({ zh: "焦作", en: "Jiaozuo" }, enUS)).toBe("Jiaozuo");
  });
});
