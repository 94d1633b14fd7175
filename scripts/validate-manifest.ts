/**
 * npm run validate: the offline manifest check (src/build/manifest-check.ts) on manifest.xml, and on
 * dist/manifest.xml as a production manifest when a build exists. Exits 1 on any problem.
 */
import fs from "node:fs";
import path from "node:path";
import { checkManifest } from "../src/build/manifest-check";

const root = path.resolve(__dirname, "..");
const iconExists = (file: string) => fs.existsSync(path.join(root, file));
let failed = false;
const targets: Array<[string, boolean]> = [["manifest.xml", false]];
const built = path.join("dist", "manifest.xml");
if (fs.existsSync(path.join(root, built)) && !fs.readFileSync(path.join(root, built), "utf8").includes("https://localhost:3000/")) {
  targets.push([built, true]);
}
for (const [file, production] of targets) {
  const problems = checkManifest(fs.readFileSync(path.join(root, file), "utf8"), { production, iconExists });
  console.log(`${file}${production ? " (production)" : ""}: ${problems.length ? `${problems.length} problems` : "valid"}`);
  for (const p of problems) console.log(`  - ${p}`);
  failed ||= problems.length > 0;
}
process.exit(failed ? 1 : 0);
