/** The shell form of the IP.* functions (see scripts/ip.ts); kept apart so tests can call it. */
import { bundledCatalog } from "../core/catalog/bundled";
import { createIpFunctions, type IpFunctions, type Matrix } from "../core/functions/ip";
import type { CellValue } from "../core/method/input";
import { MethodError } from "../core/method/method";

/** A shell word as Excel would pass it: a number, a list ("1,2,,3") as a one-row range, or text. */
export function shellArg(word: string): CellValue | Matrix {
  if (word.includes(",")) return [word.split(",").map((w) => (w.trim() === "" ? null : shellScalar(w.trim())))];
  return shellScalar(word);
}

function shellScalar(w: string): CellValue {
  if (w === "") return null;
  if (/^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i.test(w)) return Number(w);
  if (/^(true|false)$/i.test(w)) return w.toLowerCase() === "true";
  return w;
}

export function formatCell(v: CellValue): string {
  if (v == null) return "";
  if (typeof v === "boolean") return v ? "TRUE" : "FALSE";
  return String(v);
}

export function runIpCommand(argv: string[], fns: IpFunctions = createIpFunctions(bundledCatalog())): { output: string; code: number } {
  const [name, ...rest] = argv;
  const fn = name ? (fns as unknown as Record<string, (...a: unknown[]) => unknown>)[name.toUpperCase().replace(/^IP\./, "")] : undefined;
  if (!fn) {
    return {
      output: `usage: npm run --silent ip -- FUNCTION ARG...   (FUNCTION: ${Object.keys(fns).join(", ")})`,
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
