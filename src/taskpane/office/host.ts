/**
 * Where the task pane runs: inside Excel, or in a plain browser (preview: `npm start` on a machine
 * without Excel, WPS users, a colleague opening the page). Office.onReady resolves with a null host
 * outside Office; when office.js could not load at all, Office is not even defined.
 */
export type WorkbookUnavailable = "preview" | "otherHost" | "oldExcel";

export interface HostInfo {
  inExcel: boolean;
  /** Office's display language ("zh-CN", "en-US" …), or the ?lang= override; null when unknown. */
  displayLanguage: string | null;
  /** Why the workbook actions cannot run here; null inside a capable Excel. */
  unavailable: WorkbookUnavailable | null;
}

/** The Excel API set the workbook actions need (tables, getSelectedRange, custom XML parts…). */
export const REQUIRED_EXCEL_API = "1.7";

interface OfficeLike {
  onReady?: () => Promise<{ host: string | null; platform?: string | null }>;
  context?: {
    displayLanguage?: string;
    requirements?: { isSetSupported(name: string, version?: string): boolean };
  };
}

const PREVIEW: HostInfo = { inExcel: false, displayLanguage: null, unavailable: "preview" };

function languageOverride(search: string): string | null {
  const lang = new URLSearchParams(search).get("lang");
  return lang && /^[a-z]{2}(-[A-Za-z]{2})?$/i.test(lang) ? lang : null;
}

export async function detectHost(
  office: OfficeLike | undefined = (globalThis as unknown as { Office?: OfficeLike }).Office,
  search: string = typeof location !== "undefined" ? location.search : "",
  timeoutMs = 5000,
): Promise<HostInfo> {
  const override = languageOverride(search);
  if (!office || typeof office.onReady !== "function") return { ...PREVIEW, displayLanguage: override };
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const info = await Promise.race([
      office.onReady(),
      new Promise<null>((resolve) => {
        timer = setTimeout(() => resolve(null), timeoutMs);
      }),
    ]);
    if (!info || !info.host) return { ...PREVIEW, displayLanguage: override };
    const displayLanguage = override ?? office.context?.displayLanguage ?? null;
    if (info.host !== "Excel") return { inExcel: false, displayLanguage, unavailable: "otherHost" };
    const supported = office.context?.requirements?.isSetSupported("ExcelApi", REQUIRED_EXCEL_API) ?? true;
    return { inExcel: true, displayLanguage, unavailable: supported ? null : "oldExcel" };
  } catch {
    return { ...PREVIEW, displayLanguage: override };
  } finally {
    if (timer) clearTimeout(timer);
  }
}
