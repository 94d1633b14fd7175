/**
 * Plans at run time (issue 10 §3): the plan store of the runtime fetches plans/index.json beside the
 * deployed add-in, reads the plans stored in the workbook, and hands the merged catalogue to the IP.*
 * functions and the sheet writer. A missing index is silent; every other failure is named in Chinese
 * and English, and everything else keeps working.
 */
import fs from "node:fs";
import path from "node:path";
import { importPlanIntoWorkbook, parseDeployedIndex, WORKBOOK_PLANS_SETTING } from "../../src/core/catalog/sources";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { markNameOf } from "../../src/sheets/model";
import { FakeWorkbook } from "../support/fake-excel";
import { BASE, CFError, fakeFetch, fakeSettings, index, installCustomFunctions, installOffice, jzText, removeOffice, SL_TEXT } from "./support";

installCustomFunctions();

type Functions = typeof import("../../src/functions/functions");
type Store = typeof import("../../src/office/plan-store");
type Excel = typeof import("../../src/excel");

/** A fresh runtime: the functions, the store and the sheet writer share one module registry, as in the bundle. */
function runtime(): { fn: Functions; store: Store; excel: Excel } {
  let out!: { fn: Functions; store: Store; excel: Excel };
  jest.isolateModules(() => {
    out = { fn: require("../../src/functions/functions"), store: require("../../src/office/plan-store"), excel: require("../../src/excel") };
  });
  return out;
}

function errorOf(f: () => unknown): CFError {
  try {
    f();
  } catch (e) {
    return e as CFError;
  }
  throw new Error("no error raised");
}

const stored = (...files: Array<[string, string]>) => {
  let value: unknown = null;
  for (const [file, text] of files) {
    const r = importPlanIntoWorkbook(value, file, text);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    value = r.stored;
  }
  return value;
};

/** The store's next change (the validator arrived and the plans were merged). */
function nextUpdate(store: Store): Promise<void> {
  return new Promise((resolve) => {
    const off = store.planStore.subscribe(() => {
      off();
      resolve();
    });
  });
}

afterEach(() => removeOffice());

describe("deployed plans (plans/index.json beside the add-in)", () => {
  it("a deployed plan answers in IP.*, is written to sheets, and is in the pane's catalogue", async () => {
    installOffice(fakeSettings());
    const { fn, store, excel } = runtime();
    expect(errorOf(() => fn.target("SL-05")).code).toBe("#N/A");
    const fetch = fakeFetch({ "plans/index.json": index("SL.json"), "plans/SL.json": SL_TEXT });
    const sources = await store.planStore.start({ baseUrl: BASE, fetch });
    expect(fetch.mock.calls.map((c) => c[0])).toEqual([`${BASE}plans/index.json`, `${BASE}plans/SL.json`]);
    expect(fn.target("SL-05")).toBe(200000000);
    expect(fn.info("SL-01", "plan")).toBe("SL");
    expect(fn.target("JZ-05")).toBe(67000);
    expect(sources.origins.get("SL")).toBe("deployed");
    expect(sources.origins.get("JZ")).toBe("bundled");
    expect(sources.notes).toEqual([]);
    expect(store.currentCatalog().plan("SL")?.targets.length).toBeGreaterThan(0);
    // The sheet writer takes the current catalogue when none is passed.
    const wb = new FakeWorkbook();
    await excel.writeOrRefreshSheets(["SL"], { mode: "live", settings: DEFAULT_SETTINGS, run: wb.run, isSetSupported: () => true });
    const table = wb.markedTable(markNameOf("SL"));
    expect(table.rows).toBe(store.currentCatalog().plan("SL")!.targets.length);
  });

  it("no plans/index.json is the normal case: nothing is said, the bundled plans are used", async () => {
    const { store } = runtime();
    const bundled = store.currentCatalog();
    const sources = await store.planStore.start({ baseUrl: BASE, fetch: fakeFetch({}) });
    expect(sources.notes).toEqual([]);
    expect(sources.catalog).toBe(bundled);
    expect(sources.catalog.issues).toEqual([]);
  });

  it("a bad deployed file is named in both languages and skipped; everything else works", async () => {
    installOffice(fakeSettings());
    const { fn, store } = runtime();
    const fetch = fakeFetch({
      "plans/index.json": index("SL.json", "BAD.json", "../secret.json", "MISSING.json", "ERR.json", "https://evil.example/x.json"),
      "plans/SL.json": SL_TEXT,
      "plans/BAD.json": '{ "formatVersion": 1, "id": "BAD",',
      "plans/ERR.json": 500,
    });
    const { notes, catalog, origins } = await store.planStore.start({ baseUrl: BASE, fetch });
    // Only the add-in's own files under plans/ are fetched: no folders, no other hosts.
    expect(fetch.mock.calls.map((c) => c[0]).sort()).toEqual(
      ["index.json", "SL.json", "BAD.json", "MISSING.json", "ERR.json"].map((f) => `${BASE}plans/${f}`).sort(),
    );
    const about = (file: string) => notes.filter((n) => n.file === file);
    expect(about("plans/BAD.json")).toEqual([expect.objectContaining({ kind: "invalid", zh: expect.stringMatching(/^已跳过（部署目录）/), en: expect.stringMatching(/^skipped \(deployed\)/) })]);
    expect(about("plans/MISSING.json")).toEqual([expect.objectContaining({ zh: expect.stringContaining("无法读取"), en: expect.stringContaining("cannot be read") })]);
    expect(about("plans/ERR.json")).toEqual([
      expect.objectContaining({ zh: expect.stringContaining("服务器答复 HTTP 500"), en: expect.stringContaining("the server answered HTTP 500") }),
    ]);
    expect(about("plans/index.json").map((n) => n.path)).toEqual(["$.plans[2]", "$.plans[5]"]);
    expect(about("plans/index.json")[0]).toMatchObject({ zh: expect.stringContaining("不是本目录中的 .json 文件名"), en: expect.stringContaining("is not a .json file name in this folder") });
    // The rest works: the good deployed plan, every bundled one.
    expect(origins.get("SL")).toBe("deployed");
    expect(catalog.plans.length).toBe(runtime().store.currentCatalog().plans.length + 1);
    expect(fn.target("SL-05")).toBe(200000000);
    expect(fn.status("JZ-05", [[60000]], 2024)).toBe("滞后");
    // A cell asking for the broken plan's target is told which file is broken, not "unknown id".
    const e = errorOf(() => fn.target("BAD-01"));
    expect(e.code).toBe("#N/A");
    expect(e.message).toContain("plans/BAD.json");
    expect(e.message).toContain("was not loaded");
  });

  it("an index that cannot be read for another reason than absence is named, and the add-in goes on", async () => {
    for (const [answer, zh, en] of [
      [503, "HTTP 503", "HTTP 503"],
      [new TypeError("Failed to fetch"), "网络错误：Failed to fetch", "network error: Failed to fetch"],
      ["<html>login</html>", "不是有效的 JSON", "not valid JSON"],
    ] as const) {
      const { store } = runtime();
      const { notes, catalog } = await store.planStore.start({ baseUrl: BASE, fetch: fakeFetch({ "plans/index.json": answer }) });
      expect(notes).toEqual([expect.objectContaining({ origin: "deployed", file: "plans/index.json", zh: expect.stringContaining(zh), en: expect.stringContaining(en) })]);
      expect(catalog.get("JZ-05")?.target.target.value).toBe(67000);
      expect(catalog.issues.map((i) => i.file)).toEqual(["plans/index.json"]);
    }
  });

  it("a deployment that does not answer is given up after the timeout, and named", async () => {
    const { store } = runtime();
    const hanging = jest.fn(
      (_url: string, init: { signal?: AbortSignal }) =>
        new Promise<never>((_, reject) => init.signal?.addEventListener("abort", () => reject(new Error("aborted")))),
    );
    const { notes } = await store.planStore.start({ baseUrl: BASE, fetch: hanging, timeoutMs: 20 });
    expect(notes).toEqual([expect.objectContaining({ file: "plans/index.json", zh: expect.stringContaining("秒内无应答"), en: expect.stringContaining("no answer within") })]);
  });

  it("reads the deployment beside the page that runs the add-in, and nowhere else", () => {
    const { store } = runtime();
    expect(store.pageDeployment()).toBeNull(); // no page (Node, a JavaScript-only runtime)
    const g = globalThis as { location?: unknown; fetch?: unknown };
    const had = { location: g.location, fetch: g.fetch };
    try {
      g.fetch = jest.fn();
      g.location = { protocol: "https:", href: `${BASE}taskpane.html?_host_Info=Excel$Win32$16.01$zh-CN` };
      expect(store.pageDeployment()?.baseUrl).toBe(BASE);
      g.location = { protocol: "file:", href: "file:///C:/addin/taskpane.html" };
      expect(store.pageDeployment()).toBeNull();
    } finally {
      g.location = had.location;
      g.fetch = had.fetch;
      if (had.location === undefined) delete g.location;
    }
  });

  it("the functions load the deployment themselves when Office is ready, also with the task pane never opened", async () => {
    const settings = fakeSettings();
    installOffice(settings);
    const g = globalThis as { location?: unknown; fetch?: unknown };
    const had = { location: g.location, fetch: g.fetch };
    const ready: Array<() => void> = [];
    (globalThis as unknown as { Office: { onReady: unknown } }).Office.onReady = (cb: () => void) => ready.push(cb);
    try {
      g.fetch = fakeFetch({ "plans/index.json": index("SL.json"), "plans/SL.json": SL_TEXT });
      g.location = { protocol: "https:", href: `${BASE}taskpane.html` };
      const { fn, store } = runtime();
      expect(ready).toHaveLength(1);
      ready[0]();
      await store.planStore.start(null); // the load Office.onReady began
      expect(fn.target("SL-05")).toBe(200000000);
      expect(g.fetch).toHaveBeenCalledTimes(2);
    } finally {
      g.location = had.location;
      g.fetch = had.fetch;
      if (had.location === undefined) delete g.location;
    }
  });

  it("starts once: the pane and a late Office host share the first load", async () => {
    const { store } = runtime();
    const fetch = fakeFetch({ "plans/index.json": index("SL.json"), "plans/SL.json": SL_TEXT });
    const [a, b] = await Promise.all([store.planStore.start({ baseUrl: BASE, fetch }), store.planStore.start({ baseUrl: BASE, fetch })]);
    expect(a).toBe(b);
    expect(fetch).toHaveBeenCalledTimes(2);
  });
});

describe("workbook plans (document setting IPTargets.plans)", () => {
  it("a plan stored in the workbook is used by IP.* and wins over the deployed and bundled plans of its id", async () => {
    const settings = fakeSettings({ [WORKBOOK_PLANS_SETTING]: stored(["JZ.json", jzText(71000)]) });
    installOffice(settings);
    const { fn, store } = runtime();
    // The stored plans start the validator loading; until it is there the bundled plan answers at
    // once (a cell never waits), and the store merges when it arrives.
    expect(fn.target("JZ-05")).toBe(67000);
    await nextUpdate(store);
    expect(fn.target("JZ-05")).toBe(71000); // before the deployment is read: workbook over bundled
    const sources = await store.planStore.start({
      baseUrl: BASE,
      fetch: fakeFetch({ "plans/index.json": index("JZ.json"), "plans/JZ.json": jzText(70000) }),
    });
    expect(fn.target("JZ-05")).toBe(71000);
    expect(sources.origins.get("JZ")).toBe("workbook");
    expect(sources.notes.map((n) => [n.kind, n.origin, n.file])).toEqual([
      ["replaced", "bundled", "data/plans/JZ.json"],
      ["replaced", "deployed", "plans/JZ.json"],
    ]);
    expect(sources.notes[1].zh).toBe("规划 JZ 使用工作簿中的版本（JZ.json），部署目录版本（plans/JZ.json）未使用");
    expect(settings.set).not.toHaveBeenCalled();
  });

  it("the functions see a plan another context stored, at their next call, and never write", async () => {
    // The workbook stores plans when the runtime starts, so the validator is loaded at start.
    const settings = fakeSettings({ [WORKBOOK_PLANS_SETTING]: stored(["JZ.json", jzText(71000)]) });
    installOffice(settings);
    const { fn, store } = runtime();
    await store.planStore.start(null);
    expect(fn.target("JZ-05")).toBe(71000);
    expect(errorOf(() => fn.target("SL-05")).message).toMatch(/unknown target id/);
    settings.values.set(WORKBOOK_PLANS_SETTING, stored(["JZ.json", jzText(71000)], ["SL.json", SL_TEXT]));
    expect(fn.target("SL-05")).toBe(200000000);
    settings.values.delete(WORKBOOK_PLANS_SETTING);
    expect(errorOf(() => fn.target("SL-05")).code).toBe("#N/A");
    expect(fn.target("JZ-05")).toBe(67000);
    expect(settings.set).not.toHaveBeenCalled();
    expect(settings.saves).toBe(0);
  });

  it("a plan stored by another context in a workbook that stored none at start: the first call loads the validator, never waits", async () => {
    const settings = fakeSettings();
    installOffice(settings);
    const { fn, store } = runtime();
    expect(errorOf(() => fn.target("SL-05")).message).toMatch(/unknown target id/);
    settings.values.set(WORKBOOK_PLANS_SETTING, stored(["SL.json", SL_TEXT]));
    // This call answers at once with the catalogue it has, and starts loading the validator.
    expect(errorOf(() => fn.target("SL-05")).code).toBe("#N/A");
    await nextUpdate(store);
    expect(fn.target("SL-05")).toBe(200000000);
    expect(settings.set).not.toHaveBeenCalled();
  });

  it("junk in the setting is named in both languages; the other plans work", () => {
    installOffice(fakeSettings({ [WORKBOOK_PLANS_SETTING]: "=cmd|' /c calc'!A1" }));
    const { fn, store } = runtime();
    expect(fn.target("JZ-05")).toBe(67000);
    expect(store.planStore.current().notes).toEqual([
      expect.objectContaining({ origin: "workbook", kind: "invalid", zh: "工作簿中保存的规划无法读取，已忽略", en: "the plans stored in this workbook cannot be read; ignored" }),
    ]);
  });

  describe("storing a plan from the pane", () => {
    it("writes the setting, saves it, and the catalogue updates at once (listeners hear it)", async () => {
      const settings = fakeSettings();
      const { store } = runtime();
      const plans = store.createPlanStore({ settings: () => settings });
      const heard: string[][] = [];
      plans.subscribe((s) => heard.push(s.catalog.plans.map((p) => p.id)));
      expect(plans.current().catalog.plan("SL")).toBeUndefined();

      const r = await plans.storeInWorkbook("SL.json", SL_TEXT);
      expect(r).toEqual({ ok: true, planId: "SL", replaced: false, shadows: null });
      expect(settings.set).toHaveBeenCalledWith(WORKBOOK_PLANS_SETTING, expect.any(String));
      expect(settings.saves).toBe(1);
      expect(JSON.parse(settings.values.get(WORKBOOK_PLANS_SETTING) as string).plans).toEqual([{ file: "SL.json", text: SL_TEXT }]);
      expect(plans.current().origins.get("SL")).toBe("workbook");
      expect(heard.at(-1)).toContain("SL");

      // A bundled id: the workbook's version is used from now on, and the result says what gave way.
      expect(await plans.storeInWorkbook("JZ.json", jzText(72000))).toEqual({ ok: true, planId: "JZ", replaced: false, shadows: "bundled" });
      expect(plans.current().catalog.get("JZ-05")?.target.target.value).toBe(72000);
      expect(await plans.storeInWorkbook("JZ-v2.json", jzText(73000))).toEqual({ ok: true, planId: "JZ", replaced: true, shadows: null });
      expect(plans.current().catalog.get("JZ-05")?.target.target.value).toBe(73000);
      expect(JSON.parse(settings.values.get(WORKBOOK_PLANS_SETTING) as string).plans.map((p: { file: string }) => p.file)).toEqual(["SL.json", "JZ-v2.json"]);
    });

    it("refuses a file with problems (bilingual), leaving the stored value as it was", async () => {
      const settings = fakeSettings({ [WORKBOOK_PLANS_SETTING]: stored(["SL.json", SL_TEXT]) });
      const { store } = runtime();
      const plans = store.createPlanStore({ settings: () => settings });
      const before = settings.values.get(WORKBOOK_PLANS_SETTING);
      const r = await plans.storeInWorkbook("XX.json", '{"formatVersion": 1, "id": "XX"}');
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.issues.length).toBeGreaterThan(0);
      for (const i of r.issues) {
        expect(i.zh).toMatch(/[\u4e00-\u9fff]/);
        expect(i.en).toMatch(/[a-z]/);
      }
      expect(settings.set).not.toHaveBeenCalled();
      expect(settings.values.get(WORKBOOK_PLANS_SETTING)).toBe(before);
    });

    it("a save that fails puts the previous value back and says why; the catalogue is unchanged", async () => {
      const settings = fakeSettings();
      settings.failSave = new Error("document is read-only");
      const { store } = runtime();
      const plans = store.createPlanStore({ settings: () => settings });
      const r = await plans.storeInWorkbook("SL.json", SL_TEXT);
      expect(r).toEqual({
        ok: false,
        issues: [expect.objectContaining({ zh: "未能保存到工作簿：document is read-only", en: "could not be saved in the workbook: document is read-only" })],
      });
      expect(settings.values.get(WORKBOOK_PLANS_SETTING)).toBeNull();
      expect(plans.current().catalog.plan("SL")).toBeUndefined();
    });

    it("outside Excel there is no workbook to store in, and it says so", async () => {
      const { store } = runtime();
      const r = await store.createPlanStore({ settings: () => undefined }).storeInWorkbook("SL.json", SL_TEXT);
      expect(r).toMatchObject({ ok: false, issues: [{ zh: "只有在 Excel 中才能把规划存入工作簿", en: "a plan can be stored in a workbook only inside Excel" }] });
    });
  });
});

describe('docs/data.md "Plans at run time"', () => {
  const doc = fs.readFileSync(path.join(__dirname, "..", "..", "docs", "data.md"), "utf8");
  const section = doc.slice(doc.indexOf("## Plans at run time"), doc.indexOf("## The catalogue export"));

  it("shows an index the add-in accepts, beside taskpane.html, and the setting the store uses", async () => {
    const example = /plans\/index\.json\s+(\{"plans": \[[^\]]*\]\})/.exec(section);
    expect(example).not.toBeNull();
    expect(parseDeployedIndex(example![1])).toEqual({ files: ["SL.json", "WS.json"], notes: [] });
    expect(section).toContain(`${BASE}taskpane.html`);
    expect(section).toContain(`\`${WORKBOOK_PLANS_SETTING}\``);
    // The workbook plan's #N/A text the section quotes is the one IP.* gives.
    installOffice(fakeSettings());
    const { fn, store } = runtime();
    await store.planStore.start({ baseUrl: BASE, fetch: fakeFetch({ "plans/index.json": index("SL.json"), "plans/SL.json": "{" }) });
    const quoted = /`(规划文件 plans\/SL\.json 有错误，未能加载：)…`/.exec(section);
    expect(quoted).not.toBeNull();
    expect(errorOf(() => fn.target("SL-01")).message).toContain(quoted![1]);
  });
});
