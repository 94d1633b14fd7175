/**
 * Text helpers for the drafter: a one-to-one character normalisation (so offsets in the normalised
 * text are offsets in the original, and every quote is cut from the original), numbers with their
 * 万/亿/% scale, Chinese numerals, and name similarity.
 */

/** Full-width digits, letters, punctuation and a few dash forms mapped to ASCII, one char for one. */
export function normalizeChars(text: string): string {
  let out = "";
  for (const ch of text) {
    const c = ch.codePointAt(0)!;
    if (c >= 0xff10 && c <= 0xff19) out += String.fromCharCode(c - 0xff10 + 48);
    else if ((c >= 0xff21 && c <= 0xff3a) || (c >= 0xff41 && c <= 0xff5a)) out += String.fromCharCode(c - 0xfee0);
    else if (c === 0xff05) out += "%";
    else if (c === 0xff0e) out += ".";
    else if (c === 0xff0d || c === 0x2013 || c === 0x2014 || c === 0xff5e || c === 0x301c) out += "-";
    else if (c === 0x3000 || c === 0xa0) out += " ";
    else out += ch;
  }
  return out;
}

/** White space removed: quotes are compared this way (plan texts break lines and pad numbers). */
export function squash(s: string): string {
  return s.replace(/[\s\u3000]+/g, "");
}

const HAN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** A single Chinese numeral 一 … 十 (两), else null. */
export function hanNumeral(ch: string): number | null {
  return HAN_DIGIT[ch] ?? null;
}

/** Multiplies without binary noise: 0.5 × 1e8 is 50000000, 2.68 × 1 stays 2.68. */
export function scaleValue(value: number, scale: number): number {
  if (scale === 1) return value;
  return Number((value * scale).toPrecision(12));
}

/** The figures a quote writes: each number as is and scaled by 万, 亿 and % (the provenance rule). */
export function writtenFigures(quote: string): number[] {
  const out: number[] = [];
  for (const ch of quote) {
    const h = hanNumeral(ch);
    if (h != null) out.push(h);
  }
  for (const m of normalizeChars(quote).matchAll(/\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g)) {
    const n = Number(m[0].replace(/,/g, ""));
    out.push(n, scaleValue(n, 1e4), scaleValue(n, 1e8), n / 100);
  }
  return out;
}

export function sameNumber(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
}

function bigrams(s: string): string[] {
  // 知识产权 stands in nearly every name of these plans: it tells nothing apart.
  const t = s.replace(/知识产权/g, "").replace(/[\s（）()“”"、，,。；;：:·\-—\d.%]/g, "");
  if (t.length < 2) return t ? [t] : [];
  const out: string[] = [];
  for (let i = 0; i + 1 < t.length; i++) out.push(t.slice(i, i + 2));
  return out;
}

/** Dice coefficient on character bigrams (digits and punctuation ignored): 0 … 1. */
export function nameSimilarity(a: string, b: string): number {
  const x = bigrams(a);
  const y = bigrams(b);
  if (!x.length || !y.length) return 0;
  const pool = new Map<string, number>();
  for (const g of y) pool.set(g, (pool.get(g) ?? 0) + 1);
  let common = 0;
  for (const g of x) {
    const n = pool.get(g) ?? 0;
    if (n > 0) {
      common++;
      pool.set(g, n - 1);
    }
  }
  return (2 * common) / (x.length + y.length);
}

/** A drafter's remark, written "中文 / English", in each language (the whole remark in both where it has one language). */
export function remarkIn(note: string): { zh: string; en: string } {
  const at = note.indexOf(" / ");
  return at < 0 ? { zh: note, en: note } : { zh: note.slice(0, at), en: note.slice(at + 3) };
}
