/**
 * Percent entry in real Excel (docs/excel-behaviour.md §3): typing 95% stores 0.95 in any cell, and
 * in a percent-formatted cell automatic percent entry (on by default) turns a typed 95 into 0.95.
 * An official typing either into a percent target's actual cell must get the status of 95 %.
 */
import { readActuals } from "../../src/excel";
import { assess, STATUS_LABELS } from "../../src/core/method/method";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { actualHeader } from "../../src/sheets/columns";
import { FakeWorkbook } from "../support/fake-excel";
import { catalog, cellOf, tableOf, typeAsOfficial, write } from "./helpers";

const ID = "XZ-14"; // 按期结案率 ≥ 95 %, a percent target
const YEAR = 2025;

describe.each([
  ["95%", "the percent sign"],
  ["95", "automatic percent entry in a percent-formatted cell"],
])("typing %s into a percent target's actual cell (%s)", (typed) => {
  it.each(["portable", "live"] as const)("stores 0.95 and reads back as 95 %% (%s sheet)", async (mode) => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"], { mode });
    const t = tableOf(wb, "XZ");
    expect(cellOf(t, ID, actualHeader(YEAR))?.numberFormat).toMatch(/%/);
    typeAsOfficial(wb, t, ID, actualHeader(YEAR), typed);
    expect(cellOf(t, ID, actualHeader(YEAR))?.value).toBeCloseTo(0.95, 12);
    const actuals = await readActuals({ run: wb.run, catalog });
    const series = actuals.get(ID)!;
    expect(series).toEqual([{ year: YEAR, value: expect.closeTo(95, 9) }]);
    const entry = catalog.get(ID)!;
    const status = assess(entry, series, YEAR, DEFAULT_SETTINGS).status;
    expect(STATUS_LABELS[status].zh).toBe("已实现");
  });
});

it("without automatic percent entry a typed 95 stays 95 (9500 %), as Excel stores it: the switch is real", async () => {
  const wb = new FakeWorkbook();
  wb.behaviour.automaticPercentEntry = false;
  await write(wb, ["XZ"]);
  const t = tableOf(wb, "XZ");
  typeAsOfficial(wb, t, ID, actualHeader(YEAR), "95");
  expect(cellOf(t, ID, actualHeader(YEAR))?.value).toBe(95);
});
