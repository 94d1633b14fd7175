/**
 * The workbook state's statuses are computed at their first read (issue 12 §3: the first screen of
 * a preview reads none), and read exactly like the map they stand for.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { LazyStatuses } from "../../src/taskpane/hooks/useWorkbookState";
import { computeStatuses } from "../../src/taskpane/model";

describe("LazyStatuses", () => {
  const catalog = bundledCatalog();
  const actuals = new Map([["JZ-05", [{ year: 2024, value: 60000 }]]]);
  const eager = computeStatuses(catalog, actuals, DEFAULT_SETTINGS);

  it("computes nothing until read, then once", () => {
    const compute = jest.fn(() => computeStatuses(catalog, actuals, DEFAULT_SETTINGS));
    const lazy = new LazyStatuses(compute);
    expect(compute).not.toHaveBeenCalled();
    expect(lazy.get("JZ-05")).toBe(eager.get("JZ-05"));
    lazy.get("JZ-01");
    expect(lazy.size).toBe(eager.size);
    expect(compute).toHaveBeenCalledTimes(1);
  });

  it("reads like the eager map: get, has, size, iteration, forEach", () => {
    const lazy = new LazyStatuses(() => eager);
    expect(lazy.has("JZ-05")).toBe(true);
    expect(lazy.has("NOPE")).toBe(false);
    expect(lazy.get("NOPE")).toBeUndefined();
    expect([...lazy]).toEqual([...eager]);
    expect([...lazy.keys()]).toEqual([...eager.keys()]);
    expect([...lazy.values()]).toEqual([...eager.values()]);
    expect([...lazy.entries()]).toEqual([...eager.entries()]);
    const seen: Array<[string, string]> = [];
    lazy.forEach((v, k, m) => {
      expect(m).toBe(lazy);
      seen.push([k, v]);
    });
    expect(seen).toEqual([...eager]);
  });
});
