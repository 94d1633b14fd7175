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

/** Where the user's own choice of language is kept (per browser profile: per user). */
export const LANGUAGE_KEY = "ipTargets.language";

/** The language the user chose with the switch, if any; null where storage is refused. */
export function storedLocale(storage: Pick<Storage, "getItem"> | undefined = globalThis.localStorage): LocaleId | null {
  try {
    const v = storage?.getItem(LANGUAGE_KEY);
    return v === "zh-CN" || v === "en-US" ? v : null;
  } catch {
    return null; // storage refused (a sandboxed or private web view): the choice lasts this session
  }
}

export function storeLocale(locale: LocaleId, storage: Pick<Storage, "setItem"> | undefined = globalThis.localStorage): void {
  try {
    storage?.setItem(LANGUAGE_KEY, locale);
  } catch {
    // as above: not remembered, still applied
  }
}

export const MessagesContext = createContext<Messages>(zhCN);

export function useMessages(): Messages {
  return useContext(MessagesContext);
}

/** The plan data's own text in the user's language. */
export function pickText(text: Localized, messages: Messages): string {
  return messages.locale === "en-US" ? text.en : text.zh;
}

/** A plan text that is either one string "中文 / English" (today's data) or a {zh, en} pair. */
export type PlanText = string | Localized;

const HAN = /[\u3400-\u9fff]/;

/**
 * A note or conflict text in the user's language. Today the data writes these as one string,
 * "中文 / English": the Chinese pane shows the part before the first " / " that follows Chinese
 * words, the English pane the part after it. A {zh, en} pair (a later data format) is picked from.
 * A text without such a split is shown as it is in both languages.
 */
export function localText(text: PlanText, messages: Messages): string {
  if (typeof text !== "string") return pickText(text, messages);
  for (let at = text.indexOf(" / "); at >= 0; at = text.indexOf(" / ", at + 3)) {
    const zh = text.slice(0, at).trim();
    if (!HAN.test(zh)) continue;
    const en = text.slice(at + 3).trim();
    return messages.locale === "en-US" ? en || zh : zh;
  }
  return text;
}
