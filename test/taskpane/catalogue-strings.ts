/** Helpers the message-catalogue tests share: every string of a catalogue, and what counts as Chinese. */
export type Tree = { [k: string]: unknown };

/** Every string of a catalogue, functions called with sample arguments. */
export function strings(tree: Tree, path = ""): Array<[string, string]> {
  return Object.entries(tree).flatMap(([k, v]): Array<[string, string]> => {
    const here = `${path}${k}`;
    if (typeof v === "string") return [[here, v]];
    if (typeof v === "function") {
      const out = (v as (...a: unknown[]) => unknown)("2", "3", "4");
      return typeof out === "string" ? [[here, out]] : [];
    }
    if (v && typeof v === "object") return strings(v as Tree, `${here}.`);
    return [];
  });
}

/** Han characters and full-width punctuation: none may be left in an English text. */
export const HAN = /[\u3400-\u9fff\uff01-\uff5e\u3000-\u303f]/;
