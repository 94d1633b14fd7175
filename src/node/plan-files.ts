/** Reads plan files from disk for the command-line tools (Node only; the add-in bundles them). */
import fs from "node:fs";
import path from "node:path";
import { type Catalog, loadCatalog, type RawPlanFile } from "../core/catalog/catalog";

/** data/plans, or the folder IP_PLANS_DIR names (to try the tools on other or broken plan files). */
export const PLANS_DIR = process.env.IP_PLANS_DIR
  ? path.resolve(process.env.IP_PLANS_DIR)
  : path.resolve(__dirname, "..", "..", "data", "plans");

/**
 * A plan file's text. A UTF-8 BOM (Notepad and some editors write one) is dropped, as webpack's
 * JSON parser, jest's module loader, tsx and Node's require drop it, so every tool reads the
 * same file alike.
 */
export function readPlanText(file: string): string {
  return fs.readFileSync(file, "utf8").replace(/^\uFEFF/, "");
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, Math.max(0, offset));
  const line = before.split("\n").length;
  return { line, column: offset - (before.lastIndexOf("\n") + 1) + 1 };
}

/**
 * Where JSON text first goes wrong: the offset of the first character that cannot continue a
 * valid document (the text's length when it ends too early). V8's messages give an offset for
 * some errors only ("Unexpected token" shows a snippet instead), so this scans the text itself.
 */
export function jsonErrorOffset(text: string): number {
  let i = 0;
  const ws = () => {
    while (i < text.length && " \t\n\r".includes(text[i])) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => {
    for (const c of word) {
      if (text[i] !== c) fail();
      i++;
    }
  };
  const string = () => {
    if (text[i] !== '"') fail();
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === "\\") {
        i++;
        if (text[i] === "u") {
          for (let k = 0; k < 4; k++) {
            i++;
            if (!/[0-9a-fA-F]/.test(text[i] ?? "")) fail();
          }
        } else if (!'"\\/bfnrt'.includes(text[i] ?? "x")) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const number = () => {
    const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
    if (!m) fail();
    i += m![0].length;
  };
  const value = (): void => {
    ws();
    const c = text[i];
    if (c === "{") {
      i++;
      ws();
      if (text[i] === "}") return void i++;
      for (;;) {
        ws();
        string();
        ws();
        if (text[i] !== ":") fail();
        i++;
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "}") return void i++;
        else fail();
      }
    } else if (c === "[") {
      i++;
      ws();
      if (text[i] === "]") return void i++;
      for (;;) {
        value();
        ws();
        if (text[i] === ",") i++;
        else if (text[i] === "]") return void i++;
        else fail();
      }
    } else if (c === '"') string();
    else if (c === "t") literal("true");
    else if (c === "f") literal("false");
    else if (c === "n") literal("null");
    else number();
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
  } catch (at) {
    return Math.min(at as number, text.length);
  }
  return -1;
}

/** JSON.parse, or a bilingual message naming the file, line and column of the syntax error. */
export function parseJsonText(file: string, text: string): { ok: true; data: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (e) {
    const reason = (e as Error).message
      .replace(/,? ?(in JSON )?at position \d+.*$/s, "")
      .replace(/, (\.\.\.)?".*" is not valid JSON$/s, "")
      .trim();
    const offset = jsonErrorOffset(text);
    if (offset < 0) return { ok: false, message: `${file}: 不是有效的 JSON：${reason} / not valid JSON: ${reason}` };
    const { line, column } = lineColumn(text, offset);
    const ch = text[offset] ?? "";
    const c = ch < " " ? JSON.stringify(ch).slice(1, -1) : ch;
    const where = text.length === offset ? { zh: "文件意外结束", en: "the file ends too early" } : { zh: `此处的「${c}」不合 JSON 语法`, en: `unexpected "${c}" (${reason})` };
    return {
      ok: false,
      message: `${file}: 不是有效的 JSON：第 ${line} 行第 ${column} 列，${where.zh} / not valid JSON: line ${line}, column ${column}: ${where.en}`,
    };
  }
}

/** Every *.json in the folder, parsed but not yet validated; a file that is not JSON is reported with its line and column. */
export function readPlanFiles(dir = PLANS_DIR): { files: RawPlanFile[]; parseErrors: string[] } {
  const files: RawPlanFile[] = [];
  const parseErrors: string[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const rel = path.posix.join("data/plans", name);
    let text: string;
    try {
      text = readPlanText(path.join(dir, name));
    } catch (e) {
      parseErrors.push(`${rel}: 无法读取 / cannot be read: ${(e as Error).message}`);
      continue;
    }
    const parsed = parseJsonText(rel, text);
    if (parsed.ok) files.push({ file: rel, data: parsed.data });
    else parseErrors.push(parsed.message);
  }
  // Same order as the add-in bundles them: by source plan file (000_… first).
  const source = (f: RawPlanFile) => String((f.data as { source?: unknown })?.source ?? f.file);
  files.sort((a, b) => source(a).localeCompare(source(b)));
  return { files, parseErrors };
}

export function loadCatalogFromDisk(dir = PLANS_DIR): { catalog: Catalog; problems: string[] } {
  const { files, parseErrors } = readPlanFiles(dir);
  const catalog = loadCatalog(files);
  const problems = [...parseErrors, ...catalog.issues.map((i) => `${i.file} ${i.path}: ${i.zh} / ${i.en}`)];
  return { catalog, problems };
}
