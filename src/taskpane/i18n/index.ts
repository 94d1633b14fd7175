/**
 * Picks the message catalogue for Office's display language and hands it to components.
 * Chinese is the default: only an English display language switches to English.
 */
import { createContext, useContext } from "react";
import type { Localized } from "../../core/catalog/schema";
import { enUS } from "./en-US";
import { type Messages, zhCN } from "./zh-CN";

export type { Messages } from "./zh-CN";
export type LocaleId = "zh-CN" | "en-US";

export const CATALOGUES: Readonly<Record<LocaleId, Messages>> = { "zh-CN": zhCN, "en-US": enUS };

/** "en", "en-GB", "EN-us" → en-US; anything else (zh-CN, zh-TW, missing) → zh-CN. */
export function pickLocale(displayLanguage: string | null | undefined): LocaleId {
  return /^en(-|_|$)/i.test(String(displayLanguage ?? "").trim()) ? "en-US" : "zh-CN";
}

export const MessagesContext = createContext<Messages>(zhCN);

export function useMessages(): Messages {
  return useContext(MessagesContext);
}

/** The plan data's own text in the user's language. */
export function pickText(text: Localized, messages: Messages): string {
  return messages.locale === "en-US" ? text.en : text.zh;
}
