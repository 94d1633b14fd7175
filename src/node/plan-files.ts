/** Reads plan files from disk for the command-line tools (Node only; the add-in bundles them). */
import fs from "node:fs";
import path from "node:path";
import { type Catalog, loadCatalog, type RawPlanFile } from "../core/catalog/catalog";
import { parsePlanText } from "../core/catalog/validate";

export const PLANS_DIR = path.resolve(__dirname, "..", "..", "data", "plans");

/** Every data/plans/*.json, parsed but not yet validated; unreadable JSON is reported by loadCatalog. */
export function readPlanFiles(dir = PLANS_DIR): { files: RawPlanFile[]; parseErrors: string[] } {
  const files: RawPlanFile[] = [];
  const parseErrors: string[] = [];
  for (const name of fs.readdirSync(dir).filter((f) => f.endsWith(".json")).sort()) {
    const rel = path.posix.join("data/plans", name);
    const text = fs.readFileSync(path.join(dir, name), "utf8");
    const parsed = parsePlanText(rel, text);
    if (parsed.ok) files.push({ file: rel, data: JSON.parse(text) });
    else if (parsed.issues[0]?.path === "$" && parsed.issues[0].en.startsWith("not valid JSON")) {
      parseErrors.push(`${rel}: ${parsed.issues[0].zh} / ${parsed.issues[0].en}`);
    } else files.push({ file: rel, data: JSON.parse(text) });
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
