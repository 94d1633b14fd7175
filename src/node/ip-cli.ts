/**
 * The shell form of the IP.* functions (see scripts/ip.ts); kept apart so tests can call it. The
 * plans are read from disk (src/node/plan-files.ts), like `catalog` and `workbook`: a corrupt plan
 * file is reported and the other plans still answer, where a static JSON import would crash.
 */
import { createIpFunctions, type IpFunctions, type Matrix } from "../core/functions/ip";
import type { CellValue } from "../core/method/input";
import { MethodError } from "../core/method/method";
import { loadCatalogFromDisk, PLANS_DIR } from "./plan-files";

/** How many arguments each function takes at most (a shell may have split one into several). */
const MAX_ARGS: Record<string, number> = {
  TARGET: 2,
  BASELINE: 1,
  EXPECTED: 2,
  PROGRESS: 3,
  COMPLETION: 3,
  STATUS: 4,
  GAP: 3,
  REQUIRED: 3,
  PROJECT: 4,
  INFO: 2,
  LIST: 2,
};

const loaded = new Map<string, { fns: IpFunctions; problems: string[] }>();

/** The functions over the plan files in dir, and every problem with those files; loaded once. */
export function loadIpFunctions(dir = PLANS_DIR): { fns: IpFunctions; problems: string[] } {
  let found = loaded.get(dir);
  if (!found) {
    const { catalog, problems } = loadCatalogFromDisk(dir);
    loaded.set(dir, (found = { fns: createIpFunctions(catalog), problems }));
  }
  return found;
}

/**
 * A shell word as Excel would pass it: a number, a list as a one-row range ("1,2,,3", or Excel's
 * array constant "{1,2,,3}"; in braces ";" starts a new row, "{1;2}" is a column), or text.
 */
export function shellArg(word: string): CellValue | Matrix {
  if (/^".*"$/s.test(word.trim())) return shellScalar(word.trim());
  const braced = /^\{(.*)\}$/s.exec(word.trim());
  if (braced) {
    return braced[1].split(";").map((row) => row.split(",").map((w) => (w.trim() === "" ? null : shellScalar(w.trim()))));
  }
  if (word.includes(",")) return [word.split(",").map((w) => (w.trim() === "" ? null : shellScalar(w.trim())))];
  return shellScalar(word);
}

function shellScalar(w: string): CellValue {
  if (w === "") return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(w)) return Number(w);
  if (/^(true|false)$/i.test(w)) return w.toLowerCase() === "true";
  const quoted = /^"(.*)"$/s.exec(w);
  if (quoted) return quoted[1].replace(/""/g, '"');
  return w;
}

/**
 * A whole formula as one word, =IP.STATUS("JZ-05",{52000,56000,60000},2024), as the shell words
 * it stands for: its name, then its arguments split on the commas outside quotes and braces.
 */
export function formulaWords(formula: string): string[] | null {
  const m = /^=?\s*(?:IP\.)?([A-Za-z]+)\s*\((.*)\)\s*$/s.exec(formula.trim());
  if (!m || !/^\s*=|IP\./i.test(formula)) return null;
  const args: string[] = [];
  let cur = "";
  let depth = 0;
  let quoted = false;
  for (const ch of m[2]) {
    if (ch === '"') quoted = !quoted;
    if (!quoted && ch === "{") depth++;
    if (!quoted && ch === "}") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      args.push(cur.trim());
      cur = "";
    } else cur += ch;
  }
  if (cur.trim() !== "" || args.length) args.push(cur.trim());
  return [m[1], ...args];
}

export function formatCell(v: CellValue): string {
  if (v == null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function runIpCommand(argv: string[], fns: IpFunctions = loadIpFunctions().fns): { output: string; code: number } {
  const words = argv.length === 1 ? (formulaWords(argv[0]) ?? argv) : argv;
  const [name, ...rest] = words;
  const key = name?.toUpperCase().replace(/^=?IP\./, "");
  const fn = key ? (fns as unknown as Record<string, (...a: unknown[]) => unknown>)[key] : undefined;
  if (!fn || !key) {
    return {
      output: `usage: npm run --silent ip -- FUNCTION ARG...   (FUNCTION: ${Object.keys(fns).join(", ")})`,
      code: 2,
    };
  }
  const max = MAX_ARGS[key];
  if (max != null && rest.length > max) {
    return {
      output:
        `#VALUE!: ${key} 最多 ${max} 个参数，收到 ${rest.length} 个；数组请写作 52000,56000,60000 或加引号 '{52000,56000,60000}'（shell 会展开不加引号的花括号） / ` +
        `${key} takes at most ${max} arguments, got ${rest.length}; write an array as 52000,56000,60000 or quote it: '{52000,56000,60000}' (a shell expands unquoted braces)`,
      code: 2,
    };
  }
  try {
    const result = fn(...rest.map(shellArg));
    if (Array.isArray(result)) return { output: (result as CellValue[][]).map((r) => r.map(formatCell).join("\t")).join("\n"), code: 0 };
    return { output: formatCell(result as CellValue), code: 0 };
  } catch (e) {
    if (e instanceof MethodError) return { output: `${e.code === "NA" ? "#N/A" : "#VALUE!"}: ${e.message}`, code: 0 };
    return { output: `#VALUE!: ${(e as Error).message}`, code: 1 };
  }
}
