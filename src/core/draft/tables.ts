/**
 * Tables in plain text. Conversions of Word/PDF plans print a table in one of three ways, all
 * read here: one row per line with cells split by tabs; one cell per line (each starting with a
 * tab) with a blank line between rows; or Markdown pipes. A table is a run of rows with nothing but
 * blank lines between them; its caption is the short line just above.
 */
import { normalizeChars } from "./text";

export interface TableRow {
  cells: string[];
  /** The row as a quote: its cells in order, so that without white space it stands in the text. */
  quote: string;
  /** Line numbers (0-based) the row occupies. */
  lines: number[];
}

export interface TextTable {
  caption: string | null;
  rows: TableRow[];
  /** Every line number that belongs to the table. */
  lineSet: Set<number>;
}

function tabCells(line: string): string[] {
  return line
    .split("\t")
    .map((c) => c.trim())
    .filter((c) => c !== "");
}

function pipeCells(line: string): string[] | null {
  const t = line.trim();
  if (!/^\|.*\|$/.test(t)) return null;
  const cells = t
    .slice(1, -1)
    .split("|")
    .map((c) => c.trim());
  if (cells.every((c) => /^:?-{2,}:?$/.test(c) || c === "")) return [];
  return cells;
}

export function findTables(lines: string[]): TextTable[] {
  const rows: TableRow[] = [];
  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    const pipes = pipeCells(line);
    if (pipes) {
      if (pipes.length) rows.push({ cells: pipes, quote: pipes.join(" | "), lines: [i] });
      else rows.push({ cells: [], quote: "", lines: [i] }); // separator row: keeps the table together
      i++;
      continue;
    }
    // One cell per line, each line starting with a tab.
    if (/^\t/.test(line) && tabCells(line).length === 1) {
      const start = i;
      const cells: string[] = [];
      while (i < lines.length && /^\t/.test(lines[i]) && tabCells(lines[i]).length <= 1) {
        const c = tabCells(lines[i]);
        if (c.length) cells.push(c[0]);
        i++;
      }
      if (cells.length >= 2) {
        rows.push({ cells, quote: cells.join("\t"), lines: Array.from({ length: i - start }, (_, k) => start + k) });
      }
      continue;
    }
    if (line.includes("\t") && tabCells(line).length >= 2) {
      rows.push({ cells: tabCells(line), quote: tabCells(line).join("\t"), lines: [i] });
    } else {
      // Cells padded with runs of spaces (PDF conversions): short cells, a number or a year among them.
      const cells = line.trim().split(/\s{2,}|\u3000+/).filter((c) => c !== "");
      if (cells.length >= 3 && cells.every((c) => c.length <= 40) && cells.some((c) => /^\d|^20\d\d\s*年/.test(normalizeChars(c)))) {
        rows.push({ cells, quote: cells.join("\t"), lines: [i] });
      }
    }
    i++;
  }

  const tables: TextTable[] = [];
  let current: TableRow[] = [];
  const flush = () => {
    const real = current.filter((r) => r.cells.length);
    if (real.length >= 2) {
      const first = current[0].lines[0];
      let caption: string | null = null;
      for (let k = first - 1; k >= 0 && k >= first - 3; k--) {
        const t = lines[k].trim();
        if (!t) continue;
        if (t.length <= 60) caption = t;
        break;
      }
      const lineSet = new Set<number>();
      for (const r of current) for (const n of r.lines) lineSet.add(n);
      tables.push({ caption, rows: real, lineSet });
    }
    current = [];
  };
  for (const row of rows) {
    const prev = current[current.length - 1];
    if (prev) {
      const gapStart = prev.lines[prev.lines.length - 1] + 1;
      const gapOnlyBlank = lines.slice(gapStart, row.lines[0]).every((l) => l.trim() === "");
      if (!gapOnlyBlank) flush();
    }
    current.push(row);
  }
  flush();
  return tables;
}

/** A cell read as a number: "2.68", "5750万", "1亿", "95%", "≥20". Null for text, "—", "/". */
export function cellNumber(cell: string): { value: number; max: number | null; scale: number; unit: string; atLeast: boolean } | null {
  const t = normalizeChars(cell).replace(/\s+/g, "").replace(/(\d),(?=\d{3}(\D|$))/g, "$1");
  const m = /^(≥|>|＞|不低于|不少于)?(\d+(?:\.\d+)?)(?:[-~至](\d+(?:\.\d+)?))?(万|亿)?(元|件|家|个|项|人|次|所|%|分)?(以上)?$/.exec(t);
  if (!m) return null;
  return {
    value: Number(m[2]),
    max: m[3] != null ? Number(m[3]) : null,
    scale: m[4] === "万" ? 1e4 : m[4] === "亿" ? 1e8 : 1,
    unit: m[5] ?? "",
    atLeast: !!m[1] || !!m[6],
  };
}
