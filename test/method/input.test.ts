/** Reading what officials type into cells: numbers, years, ranges. */
import { cellNumber, cellYear, excerpt, flatRange } from "../../src/core/method/input";
import { MethodError } from "../../src/core/method/method";

const valueError = (f: () => unknown): MethodError => {
  try {
    f();
  } catch (e) {
    expect(e).toBeInstanceOf(MethodError);
    expect((e as MethodError).code).toBe("VALUE");
    return e as MethodError;
  }
  throw new Error("expected a #VALUE! MethodError");
};

describe("cellNumber", () => {
  it.each<[unknown, number | null]>([
    [60000, 60000],
    [-1.5, -1.5],
    ["60000", 60000],
    ["60,000", 60000],
    ["1，234", 1234],
    ["６００００", 60000],
    ["  42 ", 42],
    ["95%", 95],
    ["９５％", 95],
    ["2.68", 2.68],
    [".5", 0.5],
    ["-3", -3],
    ["1e3", 1000],
    ["是", 1],
    ["已完成", 1],
    ["否", 0],
    ["YES", 1],
    ["no", 0],
    ["√", 1],
    [true, 1],
    [false, 0],
    [null, null],
    [undefined, null],
    ["", null],
    ["   ", null],
  ])("%j → %j", (cell, n) => {
    expect(cellNumber(cell as never)).toBe(n);
  });

  it.each(["abc", "12件", "1.2.3", "--5", "#N/A", "6.7万"])("text %j is #VALUE! naming the text, in both languages", (cell) => {
    const e = valueError(() => cellNumber(cell));
    expect(e.zh).toContain(`「${cell}」不是数字`);
    expect(e.en).toContain(`"${cell}" is not a number`);
  });

  it("an error value or an object is #VALUE!", () => {
    valueError(() => cellNumber({ type: "Error", code: "#N/A" } as never));
    valueError(() => cellNumber(NaN));
    valueError(() => cellNumber(Infinity));
  });

  it("long or control-laden text is cut to a printable excerpt in the message", () => {
    const e = valueError(() => cellNumber("x\u0000".repeat(40)));
    expect(e.en.includes("\u0000")).toBe(false);
    expect(excerpt("a".repeat(30))).toBe("a".repeat(24) + "…");
  });

  // A number too large for a double is not a number an official can mean; as a number argument it is
  // #VALUE! ("not a finite number"), but as text "1e400" it parses to Infinity and is returned, and
  // assess() then drops it as if the cell were empty (status 无数据). input.ts: `if (m) return Number(m[1])`.
  it("text that parses to Infinity is #VALUE!, as the number Infinity is", () => {
    valueError(() => cellNumber("1e400"));
  });
});

describe("cellYear", () => {
  it("a whole year, or null when omitted", () => {
    expect(cellYear(2024)).toBe(2024);
    expect(cellYear("2024")).toBe(2024);
    expect(cellYear(null)).toBeNull();
    expect(cellYear("")).toBeNull();
  });

  // A header officials write as text names the year as plainly as the number does.
  it.each(["2024年", " 2024年度", "2024年底", "2024 年末", "２０２４年"])("%j is 2024", (y) => {
    expect(cellYear(y)).toBe(2024);
  });

  it.each([2024.5, 1800, 3000, "二〇二四", "2024年1月", "2024年上半年", "1800年"])("%j is #VALUE!", (y) => {
    valueError(() => cellYear(y as never));
  });
});

describe("flatRange", () => {
  const what = { zh: "实际值", en: "the actual" };
  it("a single value, a row or a column flatten in order", () => {
    expect(flatRange(5, what)).toEqual([5]);
    expect(flatRange([[1, 2, 3]], what)).toEqual([1, 2, 3]);
    expect(flatRange([[1], [2], [3]], what)).toEqual([1, 2, 3]);
    expect(flatRange([1, null, 3], what)).toEqual([1, null, 3]);
  });

  it("a block of several rows and columns is #VALUE!", () => {
    const e = valueError(() => flatRange([[1, 2], [3, 4]], what));
    expect(e.zh).toBe("实际值须为单行或单列区域");
    expect(e.en).toBe("the actual must be a single row or column");
  });
});
