/**
 * Picks the message catalogue for Office's display language and hands it to components.
 * Chinese is the default: only an English display language switches to English.
 */
import { createContext, useContext } from "react";
import { type Localized, type NoteText, noteIn } from "../../core/catalog/schema";
import { type Messages, zhCN } from "./zh-CN";

export type { Messages } from "./zh-CN";
export type LocaleId = "zh-CN" | "en-US";

/**
 * The catalogues the pane has: Chinese (the default) comes with the first screen; English is a chunk
 * of its own, fetched when it is the language to show or, once the first screen is up, in the
 * background, so a Chinese pane does not parse it before its first render.
 */
const loaded: Partial<Record<LocaleId, Messages>> = { "zh-CN": zhCN };

export function loadedMessages(locale: LocaleId): Messages | undefined {
  return loaded[locale];
}

export function loadMessages(locale: LocaleId): Promise<Messages> {
  const ready = loaded[locale];
  if (ready) return Promise.resolve(ready);
  return import(/* webpackChunkName: "i18n-en" */ "./en-US").then((m) => (loaded["en-US"] = m.enUS));
}

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

/** A note or conflict text of the plan data: {zh, en}, or a plain string a county wrote in one language. */
export type PlanText = NoteText;

/**
 * A note or conflict text in the user's language. The data stores each language apart, so the
 * Chinese pane never shows English; where a note has no English the English pane shows the Chinese,
 * and a plain string is shown as written.
 */
export function localText(text: PlanText, messages: Messages): string {
  return noteIn(text, messages.locale === "en-US" ? "en" : "zh");
}
