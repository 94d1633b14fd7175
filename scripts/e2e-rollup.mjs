#!/usr/bin/env node
// The roll-up reads workbooks LibreOffice has saved (issue 13 §2): colleagues open the counties'
// files in LibreOffice or WPS and save them again before they reach the province.
//   node scripts/e2e-rollup.mjs        (needs: apt-get install -y libreoffice-calc-nogui)
// 1. Workbooks of 新郑 XZ and 焦作 JZ are written in both modes with actuals (counts, 亿元, percentages).
// 2. LibreOffice opens each and saves a copy as .xlsx (soffice --headless --convert-to xlsx).
// 3. collectWorkbooks reads the original and the copy: the copy must give the same actuals (ids,
//    years, values in method units), the same plans and sheets, and no problem.
// Prints "N passed, M failed"; exits 1 on any failure.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
const load = (p) => tsImport(path.join(root, p), import.meta.url);

const { loadCatalogFromDisk } = await load("src/node/plan-files.ts");
const { buildWorkbookXlsx } = await load("src/sheets/xlsx.ts");
const { collectWorkbooks } = await load("src/rollup/index.ts");

let passed = 0;
let failed = 0;
function check(name, ok, detail = "") {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${ok || !detail ? "" : `\n     ${detail}`}`);
}
const finish = () => {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
};

const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0);
if (!soffice) {
  console.log("LibreOffice 未安装 / is not installed: apt-get install -y libreoffice-calc-nogui");
  failed++;
  finish();
}

const { catalog } = loadCatalogFromDisk(path.join(root, "data", "plans"));
// Method units: 80000000 元 is 0.8 亿元 in the cell; 95 percent points is 0.95 (95%) in the cell.
const actuals = [
  { id: "XZ-01", year: 2024, value: 1810 },
  { id: "XZ-01", year: 2025, value: 1905 },
  { id: "XZ-05", year: 2024, value: 80000000 },
  { id: "XZ-14", year: 2024, value: 95 },
  { id: "JZ-05", year: 2024, value: 52000 },
  { id: "JZ-16", year: 2023, value: 62.5 },
];

const work = fs.mkdtempSync(path.join(os.tmpdir(), "ip-e2e-rollup-"));
const profile = path.join(work, "profile");
fs.mkdirSync(profile, { recursive: true });
const key = (a) => `${a.targetId}|${a.year}|${a.value}`;

try {
  for (const portable of [true, false]) {
    const mode = portable ? "portable" : "live";
    const file = path.join(work, `${mode}.xlsx`);
    fs.writeFileSync(file, await buildWorkbookXlsx(catalog, { plans: ["XZ", "JZ"], portable, actuals }));
    const outDir = path.join(work, `saved-${mode}`);
    const r = spawnSync(
      soffice,
      [
        `-env:UserInstallation=${url.pathToFileURL(profile).href}`,
        "--headless",
        "--convert-to",
        "xlsx:Calc MS Excel 2007 XML",
        "--outdir",
        outDir,
        file,
      ],
      {
        encoding: "utf8",
        timeout: 180_000,
      },
    );
    const saved = path.join(outDir, `${mode}.xlsx`);
    check(`${mode}: LibreOffice opens the workbook and saves a copy`, r.status === 0 && fs.existsSync(saved), r.stderr || r.stdout);
    if (!fs.existsSync(saved)) continue;
    const original = await collectWorkbooks([{ name: "original.xlsx", bytes: new Uint8Array(fs.readFileSync(file)) }], catalog);
    const copy = await collectWorkbooks([{ name: "saved.xlsx", bytes: new Uint8Array(fs.readFileSync(saved)) }], catalog);
    check(
      `${mode}: the original gives every actual written`,
      original.actuals.length === actuals.length && original.problems.length === 0,
      JSON.stringify(original.problems),
    );
    check(
      `${mode}: LibreOffice's copy is found by the add-in's marks, no problem`,
      copy.problems.length === 0 && copy.files[0].sheets === 2,
      JSON.stringify({ files: copy.files, problems: copy.problems }),
    );
    const a = original.actuals.map(key).sort();
    const b = copy.actuals.map(key).sort();
    check(
      `${mode}: the copy gives the same actuals in method units`,
      JSON.stringify(a) === JSON.stringify(b),
      `original ${a.join(", ")}\n     copy     ${b.join(", ")}`,
    );
    check(
      `${mode}: same sheets and rows`,
      JSON.stringify(original.actuals.map((x) => `${x.sheet}:${x.row}:${x.targetId}`).sort()) ===
        JSON.stringify(copy.actuals.map((x) => `${x.sheet}:${x.row}:${x.targetId}`).sort()),
    );
  }
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
finish();
