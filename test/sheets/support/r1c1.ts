/**
 * A1 → R1C1, relative to the cell a formula sits in: `$K12` in row 12 becomes `R[0]C11`, `K$7`
 * in column M becomes `R7C[-2]`. Two formulas that are equal after the conversion are the same
 * formula to Excel (what a calculated column holds, what fills down). Text in quotes and sheet
 * names are kept as they are; structured references have no A1 part and pass through.
 */
import { columnIndex } from "../../../src/sheets/columns";

/** Converts every A1 reference of `formula`, which sits at 0-based (row, col). */
export function toR1C1(formula: string, row: number, col: number): string {
  let out = "";
  let i = 0;
  while (i < formula.length) {
    const c = formula[i];
    if (c === '"') {
      const end = closing(formula, i, '"');
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === "'") {
      const end = closing(formula, i, "'");
      out += formula.slice(i, end + 1);
      i = end + 1;
      continue;
    }
    if (c === "[") {
      // A structured reference: copy up to the matching bracket.
      let depth = 0;
      let j = i;
      for (; j < formula.length; j++) {
        if (formula[j] === "'" ) {
          j++;
          continue;
        }
        if (formula[j] === "[") depth++;
        else if (formula[j] === "]" && --depth === 0) break;
      }
      out += formula.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const m = /^(\$?)([A-Z]{1,3})(\$?)(\d+)(?![A-Z0-9_(.])/.exec(formula.slice(i));
    const before = i === 0 ? "" : formula[i - 1];
    if (m && !/[A-Za-z0-9_.]/.test(before)) {
      const [whole, colAbs, letters, rowAbs, digits] = m;
      const r = Number(digits) - 1;
      const k = columnIndex(letters);
      out += (rowAbs ? `R${r + 1}` : `R[${r - row}]`) + (colAbs ? `C${k + 1}` : `C[${k - col}]`);
      i += whole.length;
      continue;
    }
    out += c;
    i++;
  }
  return out;
}

function closing(s: string, from: number, q: string): number {
  for (let j = from + 1; j < s.length; j++) {
    if (s[j] === q) {
      if (s[j + 1] === q) {
        j++;
        continue;
      }
      return j;
    }
  }
  throw new Error(`unterminated ${q} in ${s}`);
}
