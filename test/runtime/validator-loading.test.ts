/**
 * Issue 12 §3: the validator (sources.ts → validate.ts → zod) is not part of the first screen. The
 * plan store loads it only when there is something to check: a deployment that lists plan files,
 * plans stored in the workbook, a plan the pane stores. Until it is there the functions answer at
 * once from the bundled catalogue (no cell waits), and a validator that cannot be loaded is named.
 */
import { WORKBOOK_PLANS_SETTING } from "../../src/core/catalog/sources-read";
import { BASE, fakeFetch, fakeSettings, index, installCustomFunctions, installOffice, jzText, removeOffice, SL_TEXT } from "./support";

/** How often the validating module was loaded, and a way to make its next load fail (a missing chunk). */
const mockLoads = { count: 0, failNext: null as Error | null };
jest.mock("../../src/core/catalog/sources", () => {
  mockLoads.count++;
  if (mockLoads.failNext) {
    const e = mockLoads.failNext;
    mockLoads.failNext = null;
    throw e;
  }
  return jest.requireActual("../../src/core/catalog/sources");
});

installCustomFunctions();

type Validator = typeof import("../../src/core/catalog/sources");
type Functions = typeof import("../../src/functions/functions");
type Store = typeof import("../../src/office/plan-store");

/** A fresh runtime (fresh module registry): the validator is not loaded yet. */
function runtime(): { fn: Functions; store: Store } {
  let out!: { fn: Functions; store: Store };
  jest.isolateModules(() => {
    out = { fn: require("../../src/functions/functions"), store: require("../../src/office/plan-store") };
  });
  return out;
}

const storedJz = (value: number) => {
  const { importPlanIntoWorkbook } = jest.requireActual<Validator>("../../src/core/catalog/sources");
  const r = importPlanIntoWorkbook(null, "JZ.json", jzText(value));
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.stored;
};

/** Lets pending promise callbacks run (the module loads in a microtask). */
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  jest.resetModules();
  mockLoads.count = 0;
  mockLoads.failNext = null;
});
afterEach(() => removeOffice());

describe("the validator loads only when there is a plan to check", () => {
  it("no deployment, nothing stored: the functions and the pane's start never load it", async () => {
    installOffice(fakeSettings());
    const { fn, store } = runtime();
    expect(fn.target("JZ-05")).toBe(67000);
    await store.planStore.start({ baseUrl: BASE, fetch: fakeFetch({}) });
    expect(fn.status("JZ-05", [[60000]], 2024)).toBe("滞后");
    await settle();
    expect(mockLoads.count).toBe(0);
  });

  it("a deployment whose index lists no files needs no validator either", async () => {
    const { store } = runtime();
    const sources = await store.planStore.start({ baseUrl: BASE, fetch: fakeFetch({ "plans/index.json": index() }) });
    expect(sources.notes).toEqual([]);
    expect(mockLoads.count).toBe(0);
  });

  it("a deployed plan file loads it, and start() resolves with the merged plans", async () => {
    const { fn, store } = runtime();
    const sources = await store.planStore.start({ baseUrl: BASE, fetch: fakeFetch({ "plans/index.json": index("SL.json"), "plans/SL.json": SL_TEXT }) });
    expect(mockLoads.count).toBe(1);
    expect(sources.origins.get("SL")).toBe("deployed");
    expect(fn.target("SL-05")).toBe(200000000);
  });

  it("plans stored in the workbook: loading starts when Office is ready, and a cell never waits meanwhile", async () => {
    const settings = fakeSettings({ [WORKBOOK_PLANS_SETTING]: storedJz(71000) });
    installOffice(settings);
    const ready: Array<() => void> = [];
    (globalThis as unknown as { Office: { onReady: unknown } }).Office.onReady = (cb: () => void) => ready.push(cb);
    const { fn, store } = runtime();
    const heard: number[] = [];
    store.planStore.subscribe((s) => heard.push(s.catalog.get("JZ-05")!.target.target.value as number));
    expect(mockLoads.count).toBe(0);
    ready[0](); // Office.onReady: the setting is read at once and the validator's load begins
    // Answered synchronously from the bundled plan (a number, not a promise): no #BUSY!.
    expect(fn.target("JZ-05")).toBe(67000);
    await settle();
    expect(mockLoads.count).toBe(1);
    expect(heard.at(-1)).toBe(71000);
    expect(fn.target("JZ-05")).toBe(71000);
  });

  it("junk in the setting is named without loading the validator", async () => {
    installOffice(fakeSettings({ [WORKBOOK_PLANS_SETTING]: "=cmd|' /c calc'!A1" }));
    const { fn, store } = runtime();
    expect(fn.target("JZ-05")).toBe(67000);
    expect(store.planStore.current().notes.map((n) => n.origin)).toEqual(["workbook"]);
    await settle();
    expect(mockLoads.count).toBe(0);
  });

  it("a validator that cannot be loaded is named in both languages; the bundled plans answer; the next need tries again", async () => {
    mockLoads.failNext = new Error("Loading chunk plan-validator failed.");
    const settings = fakeSettings({ [WORKBOOK_PLANS_SETTING]: storedJz(71000) });
    installOffice(settings);
    const { fn, store } = runtime();
    const sources = await store.planStore.start(null);
    expect(mockLoads.count).toBe(1);
    expect(fn.target("JZ-05")).toBe(67000);
    expect(sources.notes).toEqual([
      expect.objectContaining({
        origin: "workbook",
        file: WORKBOOK_PLANS_SETTING,
        zh: "无法加载规划校验程序（Loading chunk plan-validator failed.），工作簿中保存的规划暂未使用",
        en: "the plan checker could not be loaded (Loading chunk plan-validator failed.); the plans stored in this workbook are not used for now",
      }),
    ]);
    // Another context stores a plan: the setting changed, so the validator is tried again, and it mockLoads.
    settings.values.set(WORKBOOK_PLANS_SETTING, storedJz(72000));
    expect(fn.target("JZ-05")).toBe(67000);
    await settle();
    expect(mockLoads.count).toBe(2);
    expect(fn.target("JZ-05")).toBe(72000);
    expect(store.planStore.current().notes.map((n) => n.kind)).toEqual(["replaced"]);
  });

  it("storing a plan from the pane loads it first; a failed load refuses the file and says why", async () => {
    const settings = fakeSettings();
    const { store } = runtime();
    mockLoads.failNext = new Error("offline");
    const plans = store.createPlanStore({ settings: () => settings });
    expect(await plans.storeInWorkbook("SL.json", SL_TEXT)).toEqual({
      ok: false,
      issues: [{ file: "SL.json", path: "$", zh: "无法加载规划校验程序：offline", en: "the plan checker could not be loaded: offline" }],
    });
    expect(settings.set).not.toHaveBeenCalled();
    expect(await plans.storeInWorkbook("SL.json", SL_TEXT)).toMatchObject({ ok: true, planId: "SL" });
    expect(mockLoads.count).toBe(2);
  });
});
