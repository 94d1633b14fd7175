/**
 * The Office JS edge against Excel as it really behaves (docs/excel-behaviour.md): each behaviour is a
 * switch of the stand-in, on by default, and each test runs the add-in with it on and, where the
 * difference matters, off.
 */
import type { PlanInput } from "../../src/core/catalog/schema";
import type { Catalog } from "../../src/core/catalog/catalog";
import { COMPUTED_KEYS, headerOf } from "../../src/sheets/columns";
import { DROPPED_LABEL } from "../../src/sheets/formulas";
import { FakeWorkbook, relativeFormula, type TableData } from "../support/fake-excel";
import { catalog, revisedCatalog, rowOf, tableOf, valueOf, write } from "./helpers";

const COMPUTED_HEADERS = COMPUTED_KEYS.map((k) => headerOf(k));

/** Each target row's computed cells in R1C1 terms (the same wherever the row stands), by id. */
function computedById(t: TableData): Map<string, Record<string, string | number | boolean>> {
  const out = new Map<string, Record<string, string | number | boolean>>();
  const headers = t.headers();
  for (let i = 0; i < t.rows; i++) {
    const r = t.top + 1 + i;
    const id = String(t.sheet.value(r, t.left + headers.indexOf("编号")));
    if (!id) continue;
    const cells: Record<string, string | number | boolean> = {};
    for (const h of COMPUTED_HEADERS) {
      const j = headers.indexOf(h);
      if (j < 0) continue;
      const c = t.sheet.get(r, t.left + j);
      cells[h] = c?.formula != null ? relativeFormula(c.formula, r) : (c?.value ?? "");
    }
    out.set(id, cells);
  }
  return out;
}

/**
 * What the model wants in every row: the same plans written into a fresh workbook where nothing is
 * filled down, read by id. Relative (R1C1) formulas do not depend on the row's position, so this
 * holds after sorting too, as long as the columns stand where they stand in `t`.
 */
async function wanted(planId: string, mode: "live" | "portable", cat: Catalog, t: TableData) {
  const ref = new FakeWorkbook();
  ref.behaviour.calculatedColumns = false;
  await write(ref, [planId], { mode }, cat);
  const rt = tableOf(ref, planId);
  expect(rt.headers()).toEqual(t.headers().filter((h) => rt.headers().includes(h)));
  return computedById(rt);
}

async function expectRowsAsModelWants(wb: FakeWorkbook, planId: string, mode: "live" | "portable", cat: Catalog = catalog) {
  const t = tableOf(wb, planId);
  const want = await wanted(planId, mode, cat, t);
  const got = computedById(t);
  for (const [id, cells] of want) expect({ id, ...got.get(id) }).toEqual({ id, ...cells });
}

describe.each([
  ["on", true],
  ["off", false],
])("calculated columns (Excel's fill-down %s)", (_label, fill) => {
  describe.each(["portable", "live"] as const)("%s formulas", (mode) => {
    // Awaits the `formulas` branch with fill-down on: today's model writes different formulas per row.
    it("every row holds what the model wants for it after a write, a refresh, a re-sort and a row added by hand", async () => {
      const wb = new FakeWorkbook();
      wb.behaviour.calculatedColumns = fill;
      await write(wb, ["XZ"], { mode });
      await expectRowsAsModelWants(wb, "XZ", mode);

      const t = tableOf(wb, "XZ");
      wb.type(t, rowOf(t, "XZ-01"), "2024年实际", 1810);
      await write(wb, ["XZ"], { mode });
      await expectRowsAsModelWants(wb, "XZ", mode);

      wb.sort(t, "指标 Target", true);
      await expectRowsAsModelWants(wb, "XZ", mode);
      await write(wb, ["XZ"], { mode });
      await expectRowsAsModelWants(wb, "XZ", mode);

      wb.addRowByHand(t, "备注 Note", "我加的一行");
      await write(wb, ["XZ"], { mode });
      await expectRowsAsModelWants(wb, "XZ", mode);
      expect(t.sheet.value(t.bottom, t.left + t.headers().indexOf("备注 Note"))).toBe("我加的一行");
      expect(valueOf(t, "XZ-01", "2024年实际")).toBe(1810);
    });
  });

  it("keeps a dropped target's label and adds new targets' formulas through a revision", async () => {
    const wb = new FakeWorkbook();
    wb.behaviour.calculatedColumns = fill;
    await write(wb, ["XZ"], { mode: "portable" });
    const revised = revisedCatalog((plans) => {
      const xz = plans.get("XZ") as PlanInput;
      xz.targets = xz.targets.filter((x) => x.id !== "XZ-03");
      xz.targets.push({ ...structuredClone(xz.targets[0]), id: "XZ-901", name: { zh: "新增指标", en: "New target" } });
    });
    await write(wb, ["XZ"], { mode: "portable" }, revised);
    const t = tableOf(wb, "XZ");
    expect(valueOf(t, "XZ-03", "状态 Status")).toBe(DROPPED_LABEL);
    expect(valueOf(t, "XZ-03", "进度 Progress")).toBe("");
    expect(String(valueOf(t, "XZ-901", "状态 Status"))).toMatch(/^=/);
  });

  it("never writes a parameter cell as a formula (a constant like =2023 is written as 2023)", async () => {
    for (const mode of ["live", "portable"] as const) {
      const wb = new FakeWorkbook();
      wb.behaviour.calculatedColumns = fill;
      await write(wb, ["XZ", "JZ"], { mode });
      for (const planId of ["XZ", "JZ"]) {
        const t = tableOf(wb, planId);
        for (let i = 0; i < t.rows; i++) {
          for (let j = 0; j < t.width; j++) {
            const f = t.sheet.get(t.top + 1 + i, t.left + j)?.formula;
            if (f != null) expect(f).not.toMatch(/^=\s*(-?[\d.]+(E[+-]?\d+)?|"[^"]*")\s*$/i);
          }
        }
      }
    }
  });
});

describe("filtered tables (office-js #224: writes across hidden rows land on visible rows)", () => {
  it("a refresh with the official's filter on puts every name and figure beside its own id, and puts the filter back", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    wb.type(t, rowOf(t, "XZ-04"), "2024年实际", 34000);
    wb.filter(t, "2024年实际", (v) => v !== "");
    const hiddenBefore = new Set(t.sheet.hiddenRows);
    expect(hiddenBefore.size).toBe(t.rows - 1);
    const revised = revisedCatalog((plans) => {
      const xz = plans.get("XZ") as PlanInput;
      for (const x of xz.targets) x.name = { zh: `${x.id} 修订名`, en: `${x.id} revised` };
      xz.targets.push({ ...structuredClone(xz.targets[0]), id: "XZ-901", name: { zh: "XZ-901 修订名", en: "XZ-901 revised" } });
    });
    const summary = await write(wb, ["XZ"], {}, revised);
    expect(summary.plans[0]).toMatchObject({ added: 1, updated: 33 });
    for (let i = 0; i < t.rows; i++) {
      const id = String(t.sheet.value(t.top + 1 + i, t.left));
      expect(valueOf(t, id, "指标 Target")).toBe(`${id} 修订名`);
    }
    expect(valueOf(t, "XZ-04", "2024年实际")).toBe(34000);
    // The filter is back: only XZ-04 shows.
    expect(t.filters.size).toBe(1);
    expect(t.sheet.hiddenRows.size).toBe(t.rows - 1);
    expect(t.sheet.hiddenRows.has(t.top + 1 + rowOf(t, "XZ-04"))).toBe(false);
  });

  it("puts the filter back when the write is cancelled between requests", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    wb.filter(t, "编号", (v) => v === "XZ-05");
    const controller = new AbortController();
    const summary = await write(wb, ["XZ"], {
      requestLimit: 20_000,
      onProgress: (p) => {
        if (p.done === 3) controller.abort();
      },
      signal: controller.signal,
    });
    expect(summary.cancelled).toBe(true);
    expect(t.filters.size).toBe(1);
    expect(t.sheet.hiddenRows.size).toBe(t.rows - 1);
  });

  it("rows hidden by hand are written like any other", async () => {
    const wb = new FakeWorkbook();
    await write(wb, ["XZ"]);
    const t = tableOf(wb, "XZ");
    wb.hideRow(t, rowOf(t, "XZ-02"));
    await write(wb, ["XZ"], { mode: "live" });
    await expectRowsAsModelWants(wb, "XZ", "live");
  });
});

describe("marks (office-js #3878, #3949: NamedItem.visible = false may do nothing)", () => {
  it.each([
    ["stays visible", true],
    ["can be hidden", false],
  ])("work when a name %s, and a refresh neither deletes nor re-adds them", async (_label, stayVisible) => {
    const wb = new FakeWorkbook();
    wb.behaviour.namesStayVisible = stayVisible;
    await write(wb);
    const made = wb.nameOps;
    expect(made).toBe(6);
    expect(wb.names.every((n) => n.visible === stayVisible)).toBe(true);
    const t = tableOf(wb, "JZ");
    wb.type(t, rowOf(t, "JZ-05"), "2024年实际", 52000);
    for (let k = 0; k < 3; k++) {
      const summary = await write(wb);
      expect(summary.plans.map((p) => p.added)).toEqual([0, 0, 0, 0, 0]);
    }
    expect(wb.nameOps).toBe(made);
    expect(tableOf(wb, "JZ")).toBe(t);
    expect(valueOf(t, "JZ-05", "2024年实际")).toBe(52000);
  });
});
