/**
 * Checks the project's own data against its own texts, with nothing outside the repository:
 *   npm run check:data                      every data/plans/*.json against data/sources/
 *   npm run check:data -- data/plans/KF.json one or more plan files (a new county's plan)
 * Schema and rules, file name = plan id, the source text present, every quote in it, every figure
 * and year written in the quotes (src/core/catalog/provenance.ts); data/measures.json and every
 * measure a target names (known, unit fits). Each problem names the file, the
 * JSON path and the reason in Chinese and English; exit 1 when there is any, 0 only when all hold.
 */
import fs from "node:fs";
import path from "node:path";
import { checkData, type PlanFileText } from "../src/core/catalog/check-data";
import { formatIssue } from "../src/core/catalog/validate";
import { parseJsonText } from "../src/node/plan-files";

export const REPO = path.resolve(__dirname, "..");

/** Reads the files and checks them; never throws (an unreadable file is a problem like any other). */
export function runCheckData(args: readonly string[], root = REPO, cwd = root): { lines: string[]; code: number } {
  const lines: string[] = [];
  try {
    const plansDir = path.join(root, "data", "plans");
    const sourcesDir = path.join(root, "data", "sources");
    const wholeFolder = args.length === 0;
    const names = wholeFolder
      ? fs.readdirSync(plansDir).filter((f) => f.endsWith(".json")).sort().map((f) => path.join(plansDir, f))
      : args.map((a) => path.resolve(cwd, a));
    const unreadable: string[] = [];
    const files: PlanFileText[] = [];
    for (const abs of names) {
      // Named as the person typed it (relative to where they are), or as data/plans/X.json.
      const shown = path.relative(wholeFolder ? root : cwd, abs).split(path.sep).join("/");
      try {
        const text = fs.readFileSync(abs, "utf8");
        // A syntax error is named by line and column, as the other tools name it.
        const json = parseJsonText(shown, text.replace(/^\uFEFF/, ""));
        if (json.ok) files.push({ file: shown, text });
        else unreadable.push(json.message.replace(`${shown}: `, `${shown} $: `));
      } catch (e) {
        unreadable.push(`${shown} $: 无法读取文件（${(e as NodeJS.ErrnoException).code ?? "error"}） / cannot read the file (${(e as Error).message})`);
      }
    }
    const sources = new Map<string, string>();
    if (fs.existsSync(sourcesDir)) {
      for (const f of fs.readdirSync(sourcesDir).filter((n) => n.endsWith(".txt")).sort()) {
        sources.set(f, fs.readFileSync(path.join(sourcesDir, f), "utf8"));
      }
    }
    // The measure vocabulary: a copy of data/ without it is checked against the add-in's own.
    const measuresPath = path.join(root, "data", "measures.json");
    let measures: { file: string; data: unknown } | undefined;
    if (fs.existsSync(measuresPath)) {
      const shown = "data/measures.json";
      const json = parseJsonText(shown, fs.readFileSync(measuresPath, "utf8").replace(/^\uFEFF/, ""));
      if (json.ok) measures = { file: shown, data: json.data };
      else unreadable.push(json.message.replace(`${shown}: `, `${shown} $: `));
    }
    const result = checkData(files, sources, wholeFolder, measures);
    lines.push(...unreadable, ...result.issues.map(formatIssue));
    const problems = unreadable.length + result.issues.length;
    const targets = result.plans.reduce((n, p) => n + p.targets.length, 0);
    lines.push(
      `check:data: ${files.length} 个规划文件，${targets} 个目标，${result.figures} 个数值 — ` +
        (problems === 0 ? "全部通过" : `${problems} 个问题`) +
        ` / ${files.length} plan files, ${targets} targets, ${result.figures} figures: ` +
        (problems === 0 ? "all hold" : `${problems} problems`),
    );
    return { lines, code: problems === 0 ? 0 : 1 };
  } catch (e) {
    lines.push(`check:data 无法完成：${(e as Error).message} / check:data could not finish: ${(e as Error).message}`);
    return { lines, code: 1 };
  }
}

if (require.main === module) {
  const { lines, code } = runCheckData(process.argv.slice(2), REPO, process.cwd());
  for (const l of lines) console.log(l);
  process.exit(code);
}
