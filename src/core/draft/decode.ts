/**
 * A plan text file's bytes to text. Chinese offices save plain text as UTF-8 (with or without a
 * BOM), as GBK/GB18030 (Notepad's "ANSI" on a Chinese Windows) or as UTF-16 ("Unicode"). Uses
 * TextDecoder only, so it runs in the task pane and in Node alike.
 */

export type DecodeResult =
  | { ok: true; text: string; encoding: "utf-8" | "gb18030" | "utf-16le" | "utf-16be" }
  | { ok: false; zh: string; en: string };

export function decodeText(bytes: Uint8Array): DecodeResult {
  if (bytes.length === 0) return { ok: false, zh: "文件是空的", en: "the file is empty" };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { ok: true, text: new TextDecoder("utf-16le").decode(bytes.subarray(2)), encoding: "utf-16le" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { ok: true, text: new TextDecoder("utf-16be").decode(bytes.subarray(2)), encoding: "utf-16be" };
  // A NUL byte never appears in UTF-8 or GBK text: a .docx, .pdf or image was given.
  if (bytes.subarray(0, 4096).includes(0)) {
    return { ok: false, zh: "不是纯文本文件（.docx/.pdf 请先另存为 .txt）", en: "not a plain-text file (save a .docx/.pdf as .txt first)" };
  }
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes).replace(/^\uFEFF/, ""), encoding: "utf-8" };
  } catch {
    // Not UTF-8: GB18030 is a superset of GBK and GB2312.
  }
  try {
    return { ok: true, text: new TextDecoder("gb18030", { fatal: true }).decode(bytes), encoding: "gb18030" };
  } catch {
    return { ok: false, zh: "无法识别文件编码（应为 UTF-8 或 GBK）", en: "unknown text encoding (expected UTF-8 or GBK)" };
  }
}
