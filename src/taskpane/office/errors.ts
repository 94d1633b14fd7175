/**
 * Turns whatever an action threw into words for the official: what went wrong and what to do
 * next, in their language. Office JS errors carry a code (OfficeExtension.Error); our own core
 * errors carry Chinese and English text.
 */
import type { Messages } from "../i18n";
import { NoSelectionError } from "./workbook";

export type ActionKind = "write" | "read" | "select" | "insert" | "copy" | "download" | "saveSettings" | "recalc";

export interface UserError {
  title: string;
  detail: string;
  next: string;
}

function errorCode(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : undefined;
}

/** The error's own text in the user's language where it carries both (our core's errors), else its message. */
export function errorText(error: unknown, locale: string): string {
  if (error && typeof error === "object") {
    const e = error as { zh?: unknown; en?: unknown; message?: unknown };
    const own = locale === "en-US" ? e.en : e.zh;
    if (typeof own === "string" && own) return own;
    if (typeof e.message === "string" && e.message) return e.message;
  }
  return String(error ?? "");
}

export function describeError(error: unknown, action: ActionKind, messages: Messages): UserError {
  const m = messages.errors;
  const title = m.title;
  const code = errorCode(error);
  if (error instanceof NoSelectionError) return { title, detail: m.noSelection, next: m.noSelectionNext };
  switch (code) {
    case "InvalidOperationInCellEditMode":
      return { title, detail: m.cellEditing, next: m.cellEditingNext };
    case "AccessDenied":
    case "ProtectedSheet":
    case "SheetProtected":
      return { title, detail: m.protected, next: m.protectedNext };
    case "ActivityLimitReached":
    case "ServiceNotAvailable":
    case "Busy":
      return { title, detail: m.busy, next: m.busyNext };
    case "RequestPayloadSizeLimitExceeded":
    case "PayloadTooLarge":
      return { title, detail: m.tooLarge, next: m.tooLargeNext };
  }
  const text = errorText(error, messages.locale);
  const detail = (base: string) => (text ? `${base} (${text})` : base);
  switch (action) {
    case "read":
      return { title, detail: detail(m.readActuals), next: m.readActualsNext };
    case "copy":
      return { title, detail: m.clipboard, next: m.clipboardNext };
    case "download":
      return { title, detail: detail(m.download), next: m.downloadNext };
    case "saveSettings":
      return { title, detail: detail(m.saveSettings), next: m.saveSettingsNext };
    case "recalc":
      return { title, detail: detail(m.recalc), next: m.recalcNext };
    default:
      return { title, detail: m.generic(text || code || "?"), next: m.genericNext };
  }
}
