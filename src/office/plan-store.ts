/**
 * The plans in use, for everyone in the runtime: the IP.* functions, the sheet writer and the task
 * pane (docs/data.md "Plans at run time"). At start it reads the plans stored in the workbook
 * (document setting IPTargets.plans) and fetches plans/index.json beside the deployed add-in, and
 * merges both with the bundled plans through the pure mergePlans (workbook > deployed > bundled).
 * Until then, and outside Office, the catalogue is the bundled one.
 *
 * The functions read the workbook's setting again at each call (read only, like settings-store.ts),
 * so a plan the pane stored reaches them even where they do not share its JavaScript context.
 */
import { BUNDLED_PLAN_FILES, bundledCatalog } from "../core/catalog/bundled";
import { Catalog } from "../core/catalog/catalog";
import {
  decodeWorkbookPlans,
  deployedPlanUrls,
  loadDeployedPlans,
  type MergeNote,
  type PlanOrigin,
  type SourcedFile,
  WORKBOOK_PLANS_SETTING,
} from "../core/catalog/sources-read";
import type { CatalogIssue } from "../core/catalog/validate";

/** The validating half (sources.ts: zod, the rules, the merge), loaded only when a plan needs checking. */
type Validator = typeof import("../core/catalog/sources");
let validator: Validator | undefined;
let validatorLoad: Promise<Validator> | undefined;

/** Starts loading the validator once for the runtime; resolves with it (rejects if its file cannot be loaded). */
function loadValidator(): Promise<Validator> {
  validatorLoad ??= import(/* webpackChunkName: "plan-validator" */ "../core/catalog/sources").then(
    (m) => (validator = m),
    (e) => {
      validatorLoad = undefined; // a later need tries again
      throw e;
    },
  );
  return validatorLoad;
}

export interface PlanSources {
  catalog: Catalog;
  /** Where each plan in the catalogue came from, by plan id. */
  origins: ReadonlyMap<string, PlanOrigin>;
  /** Files skipped, plans replaced, a deployment that could not be read; each in Chinese and English. */
  notes: readonly MergeNote[];
}

export type StorePlanResult =
  | { ok: true; planId: string; replaced: boolean; shadows: PlanOrigin | null }
  | { ok: false; issues: CatalogIssue[] };

/** The part of Office.Settings the store uses (tests hand in a fake). */
export type SettingsLike = Pick<Office.Settings, "get" | "set" | "saveAsync">;

/** A fetch of the add-in's own files: the subset of window.fetch used here. */
export type FetchLike = (url: string, init: { cache: "no-cache"; credentials: "same-origin"; signal?: AbortSignal }) => Promise<{
  ok: boolean;
  status: number;
  text(): Promise<string>;
}>;

export interface StartOptions {
  /** The add-in's folder (where taskpane.html is): plans/index.json is read beside it. */
  baseUrl: string;
  fetch: FetchLike;
  /** A deployment that does not answer in this time is named, and the add-in goes on without it. */
  timeoutMs?: number;
}

export interface PlanStore {
  current(): PlanSources;
  subscribe(listener: (s: PlanSources) => void): () => void;
  /** The catalogue the IP.* functions use: re-reads the workbook's stored plans (never writes). */
  functionCatalog(): Catalog;
  /** Reads the workbook's stored plans again (read only); listeners hear of a change. */
  readWorkbookPlans(): PlanSources;
  /** Reads the workbook's stored plans and fetches the deployed ones, once; later calls share the first. */
  start(options: StartOptions | null): Promise<PlanSources>;
  /** Validates a plan file and stores it in the workbook (replacing one of the same id), then updates. */
  storeInWorkbook(file: string, text: string): Promise<StorePlanResult>;
}

function note(file: string, path: string, zh: string, en: string): MergeNote {
  return { origin: "deployed", file, path, zh, en, kind: "invalid" };
}

/** Plans that could not be checked because the validator's file did not load (tried again at the next need). */
function unchecked(origin: PlanOrigin, file: string, whatZh: string, whatEn: string, why: { zh: string; en: string }): MergeNote {
  return {
    origin,
    file,
    path: "$",
    zh: `无法加载规划校验程序（${why.zh}），${whatZh}暂未使用`,
    en: `the plan checker could not be loaded (${why.en}); ${whatEn} are not used for now`,
    kind: "invalid",
  };
}

/** Office's "succeeded" status (office.js defines it as the string "succeeded"). */
const succeeded = () => (typeof Office !== "undefined" ? Office.AsyncResultStatus?.Succeeded : undefined) ?? "succeeded";

function officeSettings(): SettingsLike | undefined {
  try {
    return typeof Office !== "undefined" ? (Office.context?.document?.settings ?? undefined) : undefined;
  } catch {
    return undefined;
  }
}

export function createPlanStore(options: { settings?: () => SettingsLike | undefined } = {}): PlanStore {
  const settingsOf = options.settings ?? officeSettings;
  let deployed: { files: SourcedFile[]; notes: MergeNote[] } = { files: [], notes: [] };
  /** The setting's value last seen, as a string (the key that says whether to merge again). */
  let workbookKey: string | null = null;
  let workbookRaw: unknown = null;
  let state: PlanSources | undefined;
  let started: Promise<PlanSources> | undefined;
  const listeners = new Set<(s: PlanSources) => void>();
  /** Why the validator could not be loaded, while plans wait for it (named in the notes). */
  let validatorFailure: { zh: string; en: string } | null = null;

  function compute(): PlanSources {
    const stored = decodeWorkbookPlans(workbookRaw);
    const before = [...deployed.notes, ...stored.notes];
    let catalog: Catalog;
    let origins: ReadonlyMap<string, PlanOrigin>;
    let notes: MergeNote[];
    if ((!deployed.files.length && !stored.files.length) || !validator) {
      // Only bundled plans (checked when the add-in was built), or plans still waiting for the
      // validator: the bundled catalogue answers meanwhile, and nothing waits.
      catalog = bundledCatalog();
      origins = new Map(catalog.plans.map((p) => [p.id, "bundled" as const]));
      notes = catalog.issues.map((i) => ({ origin: "bundled", file: i.file, path: i.path, zh: i.zh, en: i.en, kind: "invalid" }));
      if (validatorFailure) {
        const why = validatorFailure;
        if (stored.files.length) before.push(unchecked("workbook", WORKBOOK_PLANS_SETTING, "工作簿中保存的规划", "the plans stored in this workbook", why));
        if (deployed.files.length) before.push(unchecked("deployed", "plans/index.json", "部署目录的规划", "the deployed plans", why));
      }
    } else {
      const merged = validator.mergePlans([
        ...BUNDLED_PLAN_FILES.map((f) => ({ ...f, origin: "bundled" as const })),
        ...deployed.files,
        ...stored.files,
      ]);
      ({ catalog, origins, notes } = merged);
    }
    if (before.length) {
      // A deployment or stored value that could not be read is a problem of the plan files too
      // (the pane counts it; IP.* names plans/XX.json for an id of XX).
      catalog = new Catalog(catalog.plans, [...catalog.issues, ...before.map(({ file, path, zh, en }) => ({ file, path, zh, en }))]);
    }
    return { catalog, origins, notes: [...before, ...notes] };
  }

  /** The validator on its way: it merges again when it arrives (listeners hear it). */
  let merging: Promise<void> | null = null;

  /**
   * Loads the validator for plans that need it. Nothing waits for it: until it is there the
   * functions answer from the catalogue they have (the bundled one), and then everyone hears of the merge.
   */
  function needValidator(): Promise<void> {
    if (validator) return Promise.resolve();
    merging ??= loadValidator()
      .then(
        () => {
          validatorFailure = null;
        },
        (e) => {
          const msg = (e as Error)?.message ?? String(e);
          validatorFailure = { zh: msg, en: msg };
        },
      )
      .then(() => {
        merging = null;
        update();
      });
    return merging;
  }

  function current(): PlanSources {
    state ??= compute();
    return state;
  }

  function update(): PlanSources {
    state = compute();
    const s = state;
    listeners.forEach((l) => l(s));
    return s;
  }

  /** Takes the setting's value; true when it differs from what the catalogue was built from. */
  function takeWorkbookValue(raw: unknown): boolean {
    const value = raw === undefined || raw === "" ? null : raw;
    let key: string | null;
    try {
      key = value == null ? null : typeof value === "string" ? value : JSON.stringify(value);
    } catch {
      key = "unreadable";
    }
    if (key === workbookKey) return false;
    workbookKey = key;
    workbookRaw = value;
    // Stored plans are checked before use: start loading the validator now (the caller merges what it has).
    if (value != null && !validator && decodeWorkbookPlans(value).files.length) void needValidator();
    return true;
  }

  function readWorkbook(): boolean {
    const settings = settingsOf();
    if (!settings) return false;
    let raw: unknown;
    try {
      raw = settings.get(WORKBOOK_PLANS_SETTING);
    } catch {
      return false;
    }
    return takeWorkbookValue(raw);
  }

  async function loadDeployed({ baseUrl, fetch, timeoutMs = 15000 }: StartOptions): Promise<void> {
    const [indexUrl] = deployedPlanUrls(baseUrl, ["index.json"]);
    const failures = new Map<string, { zh: string; en: string }>();
    const fetchText = async (url: string): Promise<string | null> => {
      const controller = typeof AbortController !== "undefined" ? new AbortController() : undefined;
      const timer = controller ? setTimeout(() => controller.abort(), timeoutMs) : undefined;
      try {
        const res = await fetch(url, { cache: "no-cache", credentials: "same-origin", signal: controller?.signal });
        // No plans/index.json is the normal case (nothing deployed); a missing listed file is named by loadDeployedPlans.
        if (res.status === 404) return null;
        if (!res.ok) {
          failures.set(url, { zh: `服务器答复 HTTP ${res.status}`, en: `the server answered HTTP ${res.status}` });
          return null;
        }
        return await res.text();
      } catch (e) {
        const aborted = controller?.signal.aborted;
        const why = aborted ? { zh: `${Math.round(timeoutMs / 1000)} 秒内无应答`, en: `no answer within ${Math.round(timeoutMs / 1000)} s` } : null;
        const msg = (e as Error)?.message ?? String(e);
        failures.set(url, why ?? { zh: `网络错误：${msg}`, en: `network error: ${msg}` });
        return null;
      } finally {
        if (timer) clearTimeout(timer);
      }
    };
    const loaded = await loadDeployedPlans(baseUrl, fetchText);
    const notes: MergeNote[] = [];
    const indexFailure = failures.get(indexUrl);
    if (indexFailure) {
      notes.push(
        note(
          "plans/index.json",
          "$",
          `无法读取部署目录的 plans/index.json（${indexFailure.zh}），本次未加载部署的规划`,
          `plans/index.json of the deployment cannot be read (${indexFailure.en}); no deployed plans were loaded this time`,
        ),
      );
    }
    // A listed file that could not be read: add the reason to loadDeployedPlans' note.
    const reasons = new Map<string, { zh: string; en: string }>();
    for (const [url, why] of failures) {
      const m = /\/plans\/([^/]+)$/.exec(url);
      if (m && url !== indexUrl) reasons.set(`plans/${decodeURIComponent(m[1])}`, why);
    }
    for (const n of loaded.notes) {
      const why = n.path === "$" ? reasons.get(n.file) : undefined;
      notes.push(why ? { ...n, zh: `${n.zh}（${why.zh}）`, en: `${n.en} (${why.en})` } : n);
    }
    deployed = { files: loaded.files, notes };
  }

  return {
    current,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    functionCatalog() {
      if (readWorkbook()) return update().catalog;
      return current().catalog;
    },
    readWorkbookPlans() {
      return readWorkbook() ? update() : current();
    },
    start(options) {
      started ??= (async () => {
        if (readWorkbook()) update();
        if (options) {
          try {
            await loadDeployed(options);
          } catch (e) {
            const msg = (e as Error)?.message ?? String(e);
            deployed = { files: [], notes: [note("plans/index.json", "$", `读取部署的规划时出错：${msg}`, `reading the deployed plans failed: ${msg}`)] };
          }
          // The workbook may have changed while the deployment was read; deployed files are checked before use.
          const changed = readWorkbook();
          if (deployed.files.length) void needValidator();
          // A validator on its way merges everything when it arrives; else merge what was read now.
          if (!merging && (changed || deployed.files.length || deployed.notes.length)) update();
        }
        if (merging) await merging;
        return current();
      })();
      return started;
    },
    async storeInWorkbook(file, text) {
      const settings = settingsOf();
      if (!settings) {
        return {
          ok: false,
          issues: [{ file, path: "$", zh: "只有在 Excel 中才能把规划存入工作簿", en: "a plan can be stored in a workbook only inside Excel" }],
        };
      }
      let check: Validator;
      try {
        check = await loadValidator();
      } catch (e) {
        const msg = (e as Error)?.message ?? String(e);
        return { ok: false, issues: [{ file, path: "$", zh: `无法加载规划校验程序：${msg}`, en: `the plan checker could not be loaded: ${msg}` }] };
      }
      const before = settings.get(WORKBOOK_PLANS_SETTING);
      const result = check.importPlanIntoWorkbook(before, file, text);
      if (!result.ok) return result;
      const prior = current().origins.get(result.planId) ?? null;
      settings.set(WORKBOOK_PLANS_SETTING, result.stored);
      try {
        await new Promise<void>((resolve, reject) =>
          settings.saveAsync((r) => (r.status === succeeded() ? resolve() : reject(r.error))),
        );
      } catch (e) {
        // Not saved: put the previous value back, so memory and the document agree.
        settings.set(WORKBOOK_PLANS_SETTING, before ?? null);
        const msg = (e as Error)?.message ?? String(e);
        return { ok: false, issues: [{ file, path: "$", zh: `未能保存到工作簿：${msg}`, en: `could not be saved in the workbook: ${msg}` }] };
      }
      takeWorkbookValue(result.stored);
      update();
      return { ok: true, planId: result.planId, replaced: result.replaced, shadows: prior && prior !== "workbook" ? prior : null };
    },
  };
}

/**
 * Where this page's deployment is: the folder of the page that runs us (taskpane.html), fetched
 * with the page's own fetch. Null where there is no page (a JavaScript-only runtime, Node).
 */
export function pageDeployment(): StartOptions | null {
  try {
    if (typeof location === "undefined" || typeof fetch !== "function" || typeof URL === "undefined") return null;
    if (!/^https?:$/.test(location.protocol)) return null;
    return { baseUrl: new URL(".", location.href).href, fetch: fetch.bind(globalThis) as FetchLike };
  } catch {
    return null;
  }
}

/** The one store of this runtime (the functions, src/excel and the task pane share it). */
export const planStore: PlanStore = createPlanStore();

/** The current catalogue: bundled plans merged with the deployed and workbook ones. */
export function currentCatalog(): Catalog {
  return planStore.current().catalog;
}
