import fs from "node:fs";
import path from "node:path";
import { runIpCommand } from "../../src/node/ip-cli";

// The README's function table: | `=IP.NAME(args)` | `result` | … — each row is run through the shell
// form of the functions, which prints exactly what the cell shows.
const readme = fs.readFileSync(path.resolve(__dirname, "..", "..", "README.md"), "utf8");
// An error row shows what the cell displays (`#N/A`) and, in its third column, the tooltip's message.
const rows = [...readme.matchAll(/^\| `=IP\.(\w+)\((.*)\)` \| `(.*?)` \|(.*)\|\s*$/gm)].map((m) => ({ fn: m[1], args: m[2], expected: m[3], note: m[4] }));

/** Splits Excel arguments on top-level commas; {a,b} array constants become the CLI's "a,b". */
function excelArgs(s: string): string[] {
  const out: string[] = [];
  let cur = "";
  let depth = 0;
  let quoted = false;
  for (const ch of s) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === "{") depth++;
    else if (!quoted && ch === "}") depth--;
    else if (!quoted && depth === 0 && ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  out.push(cur);
  return out.map((a) => a.trim());
}

describe("README function examples", () => {
  it("lists at least one example of every function", () => {
    expect(new Set(rows.map((r) => r.fn))).toEqual(
      new Set(["TARGET", "BASELINE", "EXPECTED", "PROGRESS", "COMPLETION", "STATUS", "GAP", "REQUIRED", "PROJECT", "INFO"]),
    );
  });
  it.each(rows)("=IP.$fn($args) shows $expected", ({ fn, args, expected, note }) => {
    const { output } = runIpCommand([fn, ...excelArgs(args)]);
    if (/^#(N\/A|VALUE!)$/.test(expected)) {
      // The cell shows the error alone; its message is the tooltip the README quotes.
      expect(output.startsWith(`${expected}: `)).toBe(true);
      expect(note).toContain(`\`${output.slice(expected.length + 2)}\``);
    } else expect(output).toBe(expected);
  });

  it("shows errors as the cell does: the code alone, the message as its tooltip", () => {
    const errors = rows.filter((r) => r.expected.startsWith("#"));
    expect([...new Set(errors.map((r) => r.expected))].sort()).toEqual(["#N/A", "#VALUE!"]);
  });
});
