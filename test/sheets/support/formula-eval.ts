/**
 * A small evaluator of the Excel formulas the sheet model writes, with Excel's semantics where they
 * matter (blank cells, "" results, lazy IF, error propagation, array evaluation inside SUMPRODUCT,
 * unary minus binding tighter than ^). It is strict: a range where a single value is needed outside
 * an array context throws, so a generator bug cannot hide behind implicit intersection.
 * scripts/e2e-libreoffice.mjs checks the same formulas in a real spreadsheet.
 */

export type Scalar = number | string | boolean | null;
export class XlError {
  constructor(readonly code: string) {}
  toString() {
    return this.code;
  }
}
type Arr = { kind: "array"; rows: Value[][] };
type Ref = { kind: "ref"; sheet?: string; r1: number; c1: number; r2: number; c2: number };
export type Value = Scalar | XlError | Arr | Ref;

export interface Grid {
  /** The value of a cell: a constant, or the result of its formula. */
  cell(row: number, col: number): Scalar | XlError;
}

/** Extra functions (the IP.* functions of live mode): arguments are evaluated values. */
export type ExtraFunctions = Record<string, (args: Array<Scalar | XlError | Scalar[][]>) => Scalar | XlError>;

type Token =
  | { t: "num"; v: number }
  | { t: "str"; v: string }
  | { t: "bool"; v: boolean }
  | { t: "ref"; v: Ref }
  | { t: "fn"; v: string }
  | { t: "op"; v: string }
  | { t: "("; v?: undefined }
  | { t: ")"; v?: undefined }
  | { t: ","; v?: undefined }
  | { t: "{"; v?: undefined }
  | { t: "}"; v?: undefined }
  | { t: ";"; v?: undefined };

const colIndex = (letters: string) => [...letters.toUpperCase()].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  const cellRe = /^\$?([A-Z]{1,3})\$?(\d+)/;
  while (i < src.length) {
    const c = src[i];
    if (c === " ") {
      i++;
      continue;
    }
    if (c === '"') {
      let s = "";
      i++;
      for (;;) {
        if (i >= src.length) throw new Error("unterminated string");
        if (src[i] === '"') {
          if (src[i + 1] === '"') {
            s += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        s += src[i++];
      }
      out.push({ t: "str", v: s });
      continue;
    }
    const num = /^(\d+(\.\d*)?|\.\d+)(E[+-]?\d+)?/i.exec(src.slice(i));
    if (num) {
      out.push({ t: "num", v: Number(num[0]) });
      i += num[0].length;
      continue;
    }
    const rest = src.slice(i);
    const cell = cellRe.exec(rest);
    if (cell && !/^[A-Z]{1,3}\$?\d+[A-Z_.(]/i.test(rest.replace(/^\$/, ""))) {
      let r1 = Number(cell[2]) - 1;
      let c1 = colIndex(cell[1]);
      let r2 = r1;
      let c2 = c1;
      let len = cell[0].length;
      if (rest[len] === ":") {
        const second = cellRe.exec(rest.slice(len + 1));
        if (!second) throw new Error(`bad range at ${rest}`);
        r2 = Number(second[2]) - 1;
        c2 = colIndex(second[1]);
        len += 1 + second[0].length;
      }
      [r1, r2] = [Math.min(r1, r2), Math.max(r1, r2)];
      [c1, c2] = [Math.min(c1, c2), Math.max(c1, c2)];
      out.push({ t: "ref", v: { kind: "ref", r1, c1, r2, c2 } });
      i += len;
      continue;
    }
    const word = /^[A-Za-z_][A-Za-z0-9_.]*/.exec(rest);
    if (word) {
      const w = word[0].toUpperCase();
      if (rest[word[0].length] === "(") out.push({ t: "fn", v: w });
      else if (w === "TRUE" || w === "FALSE") out.push({ t: "bool", v: w === "TRUE" });
      else throw new Error(`unknown name ${word[0]}`);
      i += word[0].length;
      continue;
    }
    const two = src.slice(i, i + 2);
    if (two === "<=" || two === ">=" || two === "<>") {
      out.push({ t: "op", v: two });
      i += 2;
      continue;
    }
    if ("+-*/^&=<>".includes(c)) {
      out.push({ t: "op", v: c });
      i++;
      continue;
    }
    if ("(),{};".includes(c)) {
      out.push({ t: c } as Token);
      i++;
      continue;
    }
    throw new Error(`unexpected ${c} in ${src}`);
  }
  return out;
}

type Node =
  | { k: "lit"; v: Scalar }
  | { k: "ref"; v: Ref }
  | { k: "arr"; rows: Scalar[][] }
  | { k: "neg"; a: Node }
  | { k: "bin"; op: string; a: Node; b: Node }
  | { k: "call"; name: string; args: Node[] };

function parse(tokens: Token[]): Node {
  let p = 0;
  const peek = () => tokens[p];
  const take = (t?: string) => {
    const tok = tokens[p++];
    if (!tok || (t && tok.t !== t)) throw new Error(`expected ${t} at ${p}`);
    return tok;
  };
  const levels = [["=", "<>", "<", ">", "<=", ">="], ["&"], ["+", "-"], ["*", "/"], ["^"]];
  const binary = (level: number): Node => {
    if (level === levels.length) return unary();
    let left = binary(level + 1);
    for (;;) {
      const tok = peek();
      if (tok && tok.t === "op" && levels[level].includes(tok.v)) {
        p++;
        left = { k: "bin", op: tok.v, a: left, b: binary(level + 1) };
      } else return left;
    }
  };
  // Excel: negation binds tighter than ^ (-2^2 = 4).
  const unary = (): Node => {
    const tok = peek();
    if (tok && tok.t === "op" && (tok.v === "-" || tok.v === "+")) {
      p++;
      const a = unary();
      return tok.v === "-" ? { k: "neg", a } : a;
    }
    return primary();
  };
  const primary = (): Node => {
    const tok = take();
    switch (tok.t) {
      case "num":
        return { k: "lit", v: tok.v };
      case "str":
        return { k: "lit", v: tok.v };
      case "bool":
        return { k: "lit", v: tok.v };
      case "ref":
        return { k: "ref", v: tok.v };
      case "(": {
        const e = binary(0);
        take(")");
        return e;
      }
      case "{": {
        const rows: Scalar[][] = [[]];
        for (;;) {
          let neg = false;
          let t = take();
          if (t.t === "op" && t.v === "-") {
            neg = true;
            t = take();
          }
          if (t.t === "num") rows[rows.length - 1].push(neg ? -t.v : t.v);
          else if (t.t === "str") rows[rows.length - 1].push(t.v);
          else throw new Error("bad array constant");
          const sep = take();
          if (sep.t === "}") break;
          if (sep.t === ";") rows.push([]);
          else if (sep.t !== ",") throw new Error("bad array separator");
        }
        return { k: "arr", rows };
      }
      case "fn": {
        take("(");
        const args: Node[] = [];
        if (peek()?.t !== ")") {
          for (;;) {
            args.push(binary(0));
            const sep = take();
            if (sep.t === ")") break;
            if (sep.t !== ",") throw new Error("expected , or )");
          }
        } else take(")");
        return { k: "call", name: tok.v, args };
      }
      default:
        throw new Error(`unexpected token ${tok.t}`);
    }
  };
  const node = binary(0);
  if (p !== tokens.length) throw new Error(`trailing tokens in formula`);
  return node;
}

const cache = new Map<string, Node>();
export function parseFormula(formula: string): Node {
  const src = formula.startsWith("=") ? formula.slice(1) : formula;
  let node = cache.get(src);
  if (!node) {
    node = parse(tokenize(src));
    if (cache.size > 20000) cache.clear();
    cache.set(src, node);
  }
  return node;
}

const isErr = (v: unknown): v is XlError => v instanceof XlError;
const isArr = (v: unknown): v is Arr => typeof v === "object" && v !== null && (v as Arr).kind === "array";
const isRef = (v: unknown): v is Ref => typeof v === "object" && v !== null && (v as Ref).kind === "ref";

/** How the stand-in Excel hands ranges to custom functions. */
export interface EvalOptions {
  /**
   * Blank cells inside a range argument reach a custom function as 0, as several Excel builds do
   * (office-js #5262, #4702, #1951). On by default: the harsher behaviour.
   */
  blanksAsZero?: boolean;
}

export function evaluate(formula: string, grid: Grid, extra: ExtraFunctions = {}, options: EvalOptions = {}): Scalar | XlError {
  const blanksAsZero = options.blanksAsZero ?? true;
  const node = parseFormula(formula);
  const v = ev(node, false);
  const s = scalar(v, false);
  return s;

  function refCells(r: Ref): Value[][] {
    const rows: Value[][] = [];
    for (let i = r.r1; i <= r.r2; i++) {
      const row: Value[] = [];
      for (let j = r.c1; j <= r.c2; j++) row.push(grid.cell(i, j));
      rows.push(row);
    }
    return rows;
  }

  function toArray(v: Value): Arr {
    if (isArr(v)) return v;
    if (isRef(v)) return { kind: "array", rows: refCells(v) };
    return { kind: "array", rows: [[v]] };
  }

  function scalar(v: Value, arrayContext: boolean): Scalar | XlError {
    if (isRef(v)) {
      if (v.r1 === v.r2 && v.c1 === v.c2) return grid.cell(v.r1, v.c1);
      throw new Error("range used as a single value (implicit intersection)");
    }
    if (isArr(v)) {
      if (arrayContext || (v.rows.length === 1 && v.rows[0].length === 1)) return v.rows[0][0] as Scalar | XlError;
      throw new Error("array used as a single value");
    }
    return v;
  }

  function num(v: Scalar | XlError): number | XlError {
    if (isErr(v)) return v;
    if (v == null) return 0;
    if (typeof v === "boolean") return v ? 1 : 0;
    if (typeof v === "number") return v;
    const n = Number(v);
    return v.trim() !== "" && Number.isFinite(n) ? n : new XlError("#VALUE!");
  }

  function finite(n: number): number | XlError {
    return Number.isFinite(n) ? n : new XlError("#NUM!");
  }

  function elementwise(a: Value, b: Value, f: (x: Scalar | XlError, y: Scalar | XlError) => Value, arr: boolean): Value {
    const A = arr && (isArr(a) || isRef(a)) ? toArray(a) : null;
    const B = arr && (isArr(b) || isRef(b)) ? toArray(b) : null;
    if (!A && !B) return f(scalar(a, arr), scalar(b, arr));
    const rows = Math.max(A?.rows.length ?? 1, B?.rows.length ?? 1);
    const cols = Math.max(A?.rows[0].length ?? 1, B?.rows[0].length ?? 1);
    const at = (X: Arr | null, s: Value, i: number, j: number): Scalar | XlError => {
      if (!X) return scalar(s, true);
      const r = X.rows.length === 1 ? 0 : i;
      const c = X.rows[0].length === 1 ? 0 : j;
      // A blank cell is null, not missing: only outside the array is #N/A.
      const rowCells = X.rows[r];
      return (rowCells && c < rowCells.length ? rowCells[c] : new XlError("#N/A")) as Scalar | XlError;
    };
    const out: Value[][] = [];
    for (let i = 0; i < rows; i++) {
      const row: Value[] = [];
      for (let j = 0; j < cols; j++) row.push(f(at(A, a, i, j), at(B, b, i, j)));
      out.push(row);
    }
    return { kind: "array", rows: out };
  }

  function compare(x: Scalar | XlError, y: Scalar | XlError): number | XlError {
    if (isErr(x)) return x;
    if (isErr(y)) return y;
    // Blank compares as 0 to numbers, as "" to text, as FALSE to booleans.
    const rank = (v: Scalar) => (typeof v === "number" ? 0 : typeof v === "string" ? 1 : 2);
    let a: Scalar = x;
    let b: Scalar = y;
    if (a == null) a = typeof b === "string" ? "" : typeof b === "boolean" ? false : 0;
    if (b == null) b = typeof a === "string" ? "" : typeof a === "boolean" ? false : 0;
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (typeof a === "string") return a.toLowerCase() < (b as string).toLowerCase() ? -1 : a.toLowerCase() > (b as string).toLowerCase() ? 1 : 0;
    const na = Number(a);
    const nb = Number(b);
    return na < nb ? -1 : na > nb ? 1 : 0;
  }

  function bin(op: string, x: Scalar | XlError, y: Scalar | XlError): Value {
    if (["=", "<>", "<", ">", "<=", ">="].includes(op)) {
      const c = compare(x, y);
      if (isErr(c)) return c;
      return op === "=" ? c === 0 : op === "<>" ? c !== 0 : op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
    }
    if (op === "&") {
      if (isErr(x)) return x;
      if (isErr(y)) return y;
      return `${x ?? ""}${y ?? ""}`;
    }
    const a = num(x);
    const b = num(y);
    if (isErr(a)) return a;
    if (isErr(b)) return b;
    switch (op) {
      case "+":
        return a + b;
      case "-":
        return a - b;
      case "*":
        return a * b;
      case "/":
        return b === 0 ? new XlError("#DIV/0!") : a / b;
      case "^":
        return finite(Math.pow(a, b));
    }
    throw new Error(op);
  }

  function flat(v: Value): Array<Scalar | XlError> {
    return toArray(v).rows.flat() as Array<Scalar | XlError>;
  }

  function ev(n: Node, arr: boolean): Value {
    switch (n.k) {
      case "lit":
        return n.v;
      case "ref":
        return n.v;
      case "arr":
        return { kind: "array", rows: n.rows };
      case "neg": {
        const a = ev(n.a, arr);
        return elementwise(a, 0, (x) => {
          const v = num(x);
          return isErr(v) ? v : -v;
        }, arr);
      }
      case "bin":
        return elementwise(ev(n.a, arr), ev(n.b, arr), (x, y) => bin(n.op, x, y), arr);
      case "call":
        return call(n.name, n.args, arr);
    }
  }

  function call(name: string, args: Node[], arr: boolean): Value {
    const s = (i: number) => scalar(ev(args[i], arr), arr);
    switch (name) {
      case "IF": {
        if (arr) {
          // Inside an array argument (dynamic-array Excel): IF over a range works cell by cell.
          const cond = ev(args[0], arr);
          if ((isRef(cond) || isArr(cond)) && flat(cond).length > 1) {
            const C = toArray(cond);
            const pick = (arg: number, i: number, j: number): Value => {
              if (arg >= args.length) return false;
              const v = ev(args[arg], arr);
              if (!isRef(v) && !isArr(v)) return v;
              const rows = toArray(v).rows;
              const line = rows[rows.length === 1 ? 0 : i];
              const at = rows[0].length === 1 ? 0 : j;
              return line && at < line.length ? line[at] : new XlError("#N/A");
            };
            return {
              kind: "array",
              rows: C.rows.map((r, i) =>
                r.map((c, j) => (isErr(c) ? c : num(c as Scalar) ? (pick(1, i, j) as Scalar) : (pick(2, i, j) as Scalar))),
              ),
            };
          }
        }
        const c = s(0);
        if (isErr(c)) return c;
        const truth = typeof c === "string" ? (() => { throw new Error("IF on text"); })() : Boolean(num(c));
        if (truth) return ev(args[1], arr);
        return args.length > 2 ? ev(args[2], arr) : false;
      }
      case "IFERROR": {
        const v = s(0);
        return isErr(v) ? ev(args[1], arr) : v;
      }
      case "IFNA": {
        const v = s(0);
        return isErr(v) && v.code === "#N/A" ? ev(args[1], arr) : v;
      }
      case "AND":
      case "OR": {
        const vals = args.map((_, i) => s(i));
        const e = vals.find(isErr);
        if (e) return e;
        const bools = vals.map((v) => Boolean(num(v as Scalar)));
        return name === "AND" ? bools.every(Boolean) : bools.some(Boolean);
      }
      case "NOT": {
        const v = s(0);
        return isErr(v) ? v : !num(v);
      }
      case "NA":
        return new XlError("#N/A");
      case "TRUE":
        return true;
      case "FALSE":
        return false;
      case "ABS":
      case "LN":
      case "EXP": {
        const v = num(s(0));
        if (isErr(v)) return v;
        if (name === "ABS") return Math.abs(v);
        if (name === "LN") return v <= 0 ? new XlError("#NUM!") : Math.log(v);
        return finite(Math.exp(v));
      }
      case "MAX":
      case "MIN": {
        const nums: number[] = [];
        for (const a of args) {
          const v = ev(a, arr);
          if (isRef(v) || isArr(v)) {
            for (const x of flat(v)) {
              if (isErr(x)) return x;
              if (typeof x === "number") nums.push(x);
            }
          } else {
            const x = num(v as Scalar | XlError);
            if (isErr(x)) return x;
            nums.push(x);
          }
        }
        if (nums.length === 0) return 0;
        return name === "MAX" ? Math.max(...nums) : Math.min(...nums);
      }
      case "SUM":
      case "COUNT": {
        let sum = 0;
        let count = 0;
        for (const a of args) {
          const v = ev(a, arr);
          for (const x of isRef(v) || isArr(v) ? flat(v) : [v as Scalar | XlError]) {
            if (isErr(x)) {
              if (name === "SUM") return x;
              continue;
            }
            if (typeof x === "number") {
              sum += x;
              count++;
            }
          }
        }
        return name === "SUM" ? sum : count;
      }
      case "ISNUMBER": {
        const v = ev(args[0], arr);
        if (arr && (isRef(v) || isArr(v))) {
          return { kind: "array", rows: toArray(v).rows.map((r) => r.map((x) => typeof x === "number")) };
        }
        return typeof scalar(v, arr) === "number";
      }
      case "N": {
        const v = s(0);
        return typeof v === "number" ? v : typeof v === "boolean" ? (v ? 1 : 0) : isErr(v) ? v : 0;
      }
      case "INDEX": {
        const v = ev(args[0], arr);
        const cells = toArray(v).rows;
        if (args.length === 3) {
          // INDEX(range, row, column): the form every engine reads alike.
          const r = num(s(1));
          const c = num(s(2));
          if (isErr(r)) return r;
          if (isErr(c)) return c;
          const cell = cells[Math.trunc(r) - 1]?.[Math.trunc(c) - 1];
          return cell === undefined ? new XlError("#REF!") : cell;
        }
        const k = num(s(1));
        if (isErr(k)) return k;
        const i = Math.trunc(k);
        const row = cells.length === 1 ? cells[0] : cells.map((r) => r[0]);
        if (i < 1 || i > row.length) return new XlError("#REF!");
        return row[i - 1];
      }
      case "COUNTIF": {
        const cells = flat(ev(args[0], arr));
        const crit = s(1);
        if (typeof crit !== "string") throw new Error("COUNTIF criterion must be text here");
        if (crit === "?*") return cells.filter((x) => typeof x === "string" && x.length > 0).length;
        const m = /^(<=|>=|<>|<|>|=)?(.*)$/.exec(crit) as RegExpExecArray;
        const op = m[1] ?? "=";
        const target = Number(m[2]);
        if (m[2] !== "" && Number.isFinite(target)) {
          return cells.filter((x) => typeof x === "number" && (bin(op, x, target) as boolean)).length;
        }
        return cells.filter((x) => typeof x === "string" && bin(op, x.toLowerCase(), m[2].toLowerCase()) === true).length;
      }
      case "SUMPRODUCT": {
        const arrays = args.map((a) => toArray(ev(a, true)));
        const rows = arrays[0].rows.length;
        const cols = arrays[0].rows[0].length;
        if (arrays.some((a) => a.rows.length !== rows || a.rows[0].length !== cols)) return new XlError("#VALUE!");
        let total = 0;
        for (let i = 0; i < rows; i++) {
          for (let j = 0; j < cols; j++) {
            let p = 1;
            for (const a of arrays) {
              const x = a.rows[i][j];
              if (isErr(x)) return x;
              p *= typeof x === "number" ? x : 0;
            }
            total += p;
          }
        }
        return total;
      }
      default: {
        const fn = extra[name];
        if (!fn) throw new Error(`function ${name} not supported by the test evaluator`);
        const vals = args.map((a) => {
          // Custom functions run only in dynamic-array Excel: their arguments are array-evaluated.
          const v = ev(a, true);
          // A single cell reaches a custom function as a value, a larger range as a matrix.
          if (isRef(v) && !(v.r1 === v.r2 && v.c1 === v.c2)) {
            const rows = toArray(v).rows as Scalar[][];
            return blanksAsZero ? rows.map((r) => r.map((x) => (x == null ? 0 : x))) : rows;
          }
          if (isArr(v)) return v.rows as Scalar[][];
          return scalar(v, arr);
        });
        return fn(vals);
      }
    }
  }
}

/** A sheet of constants and formulas whose cells evaluate on demand (memoised). */
export class FormulaSheet implements Grid {
  private readonly memo = new Map<string, Scalar | XlError>();
  private readonly busy = new Set<string>();
  constructor(
    private readonly cells: Array<Array<Scalar | undefined>>,
    private readonly extra: ExtraFunctions = {},
    private readonly options: EvalOptions = {},
  ) {}

  cell(row: number, col: number): Scalar | XlError {
    const raw = this.cells[row]?.[col];
    if (raw === undefined || raw === null) return null;
    if (typeof raw !== "string" || !raw.startsWith("=")) return raw;
    const key = `${row},${col}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    if (this.busy.has(key)) throw new Error(`circular reference at ${key}`);
    this.busy.add(key);
    const v = evaluate(raw, this, this.extra, this.options);
    this.busy.delete(key);
    this.memo.set(key, v);
    return v;
  }
}
