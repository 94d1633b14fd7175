/**
 * A plan note's text per language. Zod-free on purpose: the IP.* functions, the sheets and the pane
 * show notes on the first screen, which must not load the validator (schema.ts re-exports these).
 */

/** A note as the plan data holds it: {zh, en}, or a single string kept as it was written. */
export type NoteTextValue = string | { zh: string; en: string };

/** A note in one language: the other language's text never shows, only the Chinese stands in for a missing English. */
export function noteIn(text: NoteTextValue | null | undefined, lang: "zh" | "en"): string {
  if (text == null) return "";
  if (typeof text === "string") return text;
  return lang === "en" && text.en.trim() ? text.en : text.zh;
}

/** Every language's text of a note (for searches such as the years a derived note names). */
export function noteTexts(text: NoteTextValue | null | undefined): string[] {
  if (text == null) return [];
  return typeof text === "string" ? [text] : [text.zh, text.en];
}
