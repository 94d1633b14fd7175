/** @jest-environment node */
import { COMPARE_MESSAGES } from "../../src/taskpane/i18n/compare";
import { HAN, strings } from "./catalogue-strings";

describe("对照 / 汇总 strings", () => {
  const zh = strings(COMPARE_MESSAGES["zh-CN"]);
  const en = strings(COMPARE_MESSAGES["en-US"]);

  it("has the same keys in both languages and no empty string", () => {
    expect(en.map(([k]) => k)).toEqual(zh.map(([k]) => k));
    for (const [where, text] of [...zh, ...en]) expect([where, text.trim().length > 0]).toEqual([where, true]);
  });

  it("has no Chinese left in English", () => {
    expect(en.filter(([, text]) => HAN.test(text))).toEqual([]);
  });

  it("counts in each language's way", () => {
    expect(COMPARE_MESSAGES["zh-CN"].rollup.actualsCount(12345)).toBe("实际值：12,345 个");
    expect(COMPARE_MESSAGES["en-US"].rollup.chosen(1)).toBe("1 file chosen");
    expect(COMPARE_MESSAGES["en-US"].rollup.chosen(3)).toBe("3 files chosen");
  });
});
