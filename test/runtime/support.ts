/**
 * Fakes for plans at run time: Office document settings kept in memory (saveAsync may be made to
 * fail) and a fetch of the add-in's own files that answers from a table of paths.
 */
import fs from "node:fs";
import path from "node:path";
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import type { FetchLike, SettingsLike } from "../../src/office/plan-store";

export const BASE = "https://intranet.example/ip-addin/";
export const SL_TEXT = fs.readFileSync(path.join(__dirname, "..", "catalog", "walkthrough", "SL.json"), "utf8");

/** JZ as a plan file's text, with JZ-05's target changed so a test sees which version answers. */
export function jzText(jz05: number): string {
  const data = JSON.parse(JSON.stringify(BUNDLED_PLAN_FILES.find((f) => f.file.endsWith("/JZ.json"))!.data)) as {
    targets: Array<{ id: string; target: { value: number } }>;
  };
  data.targets.find((t) => t.id === "JZ-05")!.target.value = jz05;
  return JSON.stringify(data, null, 2);
}

export type FakeSettings = SettingsLike & { values: Map<string, unknown>; saves: number; failSave: Error | null; set: jest.Mock };

export function fakeSettings(initial: Record<string, unknown> = {}): FakeSettings {
  const values = new Map(Object.entries(initial));
  const s = {
    values,
    saves: 0,
    failSave: null as Error | null,
    get: (key: string) => (values.has(key) ? values.get(key) : null),
    set: jest.fn((key: string, value: unknown) => {
      values.set(key, value);
    }),
    saveAsync: (cb?: (r: { status: string; error?: Error }) => void) => {
      if (s.failSave) cb?.({ status: "failed", error: s.failSave });
      else {
        s.saves++;
        cb?.({ status: "succeeded" });
      }
    },
  };
  return s as unknown as FakeSettings;
}

/** Office as the functions see it: document settings and the status enum. */
export function installOffice(settings: FakeSettings): void {
  (globalThis as unknown as { Office: unknown }).Office = {
    context: { document: { settings } },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
  };
}

export function removeOffice(): void {
  delete (globalThis as { Office?: unknown }).Office;
}

/** path under BASE → text (200), a status number, or an Error (network failure); anything else 404. */
export function fakeFetch(files: Record<string, string | number | Error>): FetchLike & jest.Mock {
  return jest.fn(async (url: string) => {
    if (!url.startsWith(BASE)) throw new Error(`fetched outside the add-in: ${url}`);
    const answer = files[decodeURIComponent(url.slice(BASE.length))];
    if (answer instanceof Error) throw answer;
    if (typeof answer === "number") return { ok: answer >= 200 && answer < 300, status: answer, text: async () => "" };
    if (answer === undefined) return { ok: false, status: 404, text: async () => "Not Found" };
    return { ok: true, status: 200, text: async () => answer };
  }) as unknown as FetchLike & jest.Mock;
}

export const index = (...plans: string[]) => JSON.stringify({ plans });

/** An error like CustomFunctions.Error: a code (#N/A, #VALUE!) and the message its tooltip shows. */
export class CFError extends Error {
  constructor(
    public code: string,
    message?: string,
  ) {
    super(message);
  }
}

/** The CustomFunctions global the functions module registers with (Excel provides it in the runtime). */
export function installCustomFunctions(): void {
  (globalThis as unknown as { CustomFunctions: unknown }).CustomFunctions = {
    associate: () => undefined,
    Error: CFError,
    ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
  };
}
