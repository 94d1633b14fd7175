#!/usr/bin/env node
// LibreOffice recalculates portable workbooks, and every computed cell must equal the method.
//   node scripts/e2e-libreoffice.mjs        (needs: apt-get install -y libreoffice-calc-nogui)
// 1. Realistic actuals for every plan (several years with gaps, regressions, achieved targets,
//    milestones typed 1/0) are written to a CSV file, and `npm run workbook -- --portable --actuals`
//    builds the workbook from it; a second workbook with compound paths and other thresholds is
//    built through the API.
// 2. soffice --headless converts each workbook to one CSV per sheet, recalculating every formula
//    on load (a private profile sets "always recalculate").
// 3. Each target row's computed cells (start, latest, expected, progress, status, projection) are
//    compared with src/sheets/method-row.ts (assess() and expectedValue() in TypeScript), and each
//    overview row with the counts of the statuses.
// Prints one line per mismatch and "N passed, M failed" (one check per row); exits 1 on any failure.
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
const { buildWorkbookModel, planYears, statusCounts, valueFormat } = await load("src/sheets/model.ts");
const { keyOfHeader, ID_HEADER, COMPUTED_KEYS } = await load("src/sheets/columns.ts");
const { methodRow } = await load("src/sheets/method-row.ts");
const { csvRecords, actualsById } = await load("src/sheets/actuals-csv.ts");
const { STATUS_CODES, dueYear, familyOf } = await load("src/core/method/method.ts");
const { DEFAULT_SETTINGS, resolveSettings } = await load("src/core/method/settings.ts");

let passed = 0;
let failed = 0;
const fail = (msg) => {
  failed++;
  if (failed <= 40) console.log(`FAIL ${msg}`);
};

const soffice = ["soffice", "libreoffice"].find((cmd) => spawnSync(cmd, ["--version"], { encoding: "utf8" }).status === 0);
if (!soffice) {
  console.log("LibreOffice 未安装 / is not installed: apt-get install -y libreoffice-calc-nogui");
  console.log("0 passed, 1 failed");
  process.exit(1);
}

const { catalog, problems } = loadCatalogFromDisk(path.join(root, "data", "plans"));
if (problems.length) {
  for (const p of problems) console.log(p);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

// ---- realistic actuals ------------------------------------------------------------------------

/** A small deterministic PRNG (mulberry32), so a failure can be reproduced. */
function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SCENARIOS = ["onPath", "ahead", "behind", "regressed", "achieved", "gaps", "empty", "onPath", "behind", "achieved"];

/** What an official might type for a target over the first years of the plan. */
function realisticActuals(plan, target, rand) {
  const years = planYears(plan);
  const typedYears = years.slice(0, Math.min(years.length, 2 + Math.floor(rand() * 4)));
  const scenario = SCENARIOS[Math.floor(rand() * SCENARIOS.length)];
  if (scenario === "empty") return { scenario, obs: [] };
  const due = dueYear({ plan, target });
  const T = target.target.value ?? 100;
  const decimals = Number.isInteger(T) && Number.isInteger(target.base?.value ?? 0) && Math.abs(T) >= 20 ? 0 : 2;
  const round = (v) => Math.round(v * 10 ** decimals) / 10 ** decimals;
  const factor = { onPath: 1, ahead: 1.25, behind: 0.6, regressed: -0.4, achieved: 1.6, gaps: 0.9 }[scenario];
  const baseYear = target.base?.year ?? plan.period.start - 1;
  const baseValue = target.base?.value ?? (target.kind === "additions" || target.kind === "growth" ? 0 : T * 0.7);
  const share = (y) => Math.min(1, Math.max(0, (y - baseYear) / Math.max(1, due - baseYear)));
  const obs = [];
  typedYears.forEach((y, i) => {
    if (scenario === "gaps" && i % 2 === 1) return;
    let v;
    switch (familyOf(target.kind)) {
      case "milestone":
        v = scenario === "achieved" || scenario === "ahead" ? (i >= 1 ? 1 : 0) : 0;
        break;
      case "qualitative":
        v = round(100 * (1 + (scenario === "regressed" ? -0.1 : 0.08) * i) + rand());
        break;
      case "yearly":
        v = round(T * (scenario === "regressed" ? (target.kind === "growthRate" ? -0.3 : 0.4) : Math.min(factor, 1.3)) * (0.95 + rand() * 0.1));
        break;
      default:
        if (target.kind === "additions") v = round(((T / Math.max(1, due - baseYear)) * factor * (0.9 + rand() * 0.2)));
        else if (target.kind === "growth") v = round(T * share(y) * factor);
        else v = round(baseValue + (T - baseValue) * share(y) * factor * (0.97 + rand() * 0.06));
    }
    obs.push({ year: y, value: v });
  });
  return { scenario, obs };
}

// 许昌's published 2022 figures (issue 11 §5) against the bases the plan derives from "较2022年增长20%/17%"
// (3000, 58119.66): within the derived base's tolerance τ, so not 倒退 (docs/method.md §2a, §7).
const PUBLISHED = {
  "XC-01": [{ year: 2022, value: 2990 }, { year: 2023, value: 2990 }],
  "XC-03": [{ year: 2022, value: 57932 }, { year: 2023, value: 57932 }],
};

// ---- LibreOffice -------------------------------------------------------------------------------

const work = fs.mkdtempSync(path.join(os.tmpdir(), "ip-e2e-lo-"));
const profile = path.join(work, "profile");
fs.mkdirSync(path.join(profile, "user"), { recursive: true });
// Recalculate every formula on load: the files carry no cached results, and LibreOffice would
// otherwise trust any it found.
fs.writeFileSync(
  path.join(profile, "user", "registrymodifications.xcu"),
  `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
);

/**
 * Converts every sheet of the workbook to CSV (UTF-8), raw values or "as shown" (the text each
 * cell displays with its number format); returns sheet name → rows.
 */
function recalculate(xlsx, asShown = false) {
  const outDir = path.join(work, path.basename(xlsx, ".xlsx") + (asShown ? "-shown" : ""));
  fs.mkdirSync(outDir, { recursive: true });
  // Filter options: comma, quote, UTF-8, from line 1, …, "as shown" or not, …, sheet -1 = every sheet.
  const filter = `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,${asShown},false,false,-1`;
  const r = spawnSync(
    soffice,
    [`-env:UserInstallation=${url.pathToFileURL(profile).href}`, "--headless", "--convert-to", filter, "--outdir", outDir, xlsx],
    { encoding: "utf8", timeout: 180_000 },
  );
  if (r.status !== 0) throw new Error(`soffice failed: ${r.stderr || r.stdout}`);
  const base = path.basename(xlsx, ".xlsx");
  const sheets = new Map();
  for (const f of fs.readdirSync(outDir)) {
    if (!f.startsWith(base + "-") || !f.endsWith(".csv")) continue;
    sheets.set(f.slice(base.length + 1, -4), csvRecords(fs.readFileSync(path.join(outDir, f), "utf8")).map((r) => r.fields));
  }
  if (sheets.size === 0) throw new Error(`LibreOffice wrote no CSV files (${r.stdout} ${r.stderr})`);
  return sheets;
}

/** A CSV cell as the method states it: numbers (percentages as fractions), text, "" for empty. */
function cellValue(text) {
  const s = text.trim();
  if (s === "") return "";
  const pct = /^(-?\d+(?:\.\d+)?(?:E[+-]?\d+)?)%$/i.exec(s);
  if (pct) return Number(pct[1]) / 100;
  if (/^-?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(s)) return Number(s);
  return s;
}

function same(got, want, key) {
  if (typeof want === "number") {
    if (typeof got !== "number") return false;
    // LibreOffice writes 15 significant digits; projections are fitted in another order of sums.
    const rel = key === "projection" ? 1e-7 : 1e-12;
    return Math.abs(got - want) <= Math.max(rel * Math.max(1, Math.abs(want)), 1e-12 + 5e-15 * Math.abs(want));
  }
  return got === want;
}

// ---- the checks --------------------------------------------------------------------------------

/** The text Excel shows for a value in one of the sheets' plain unit formats (0.000"亿元", 0.0%). */
function excelShows(format, value) {
  const pct = /^0(?:\.(0+))?%$/.exec(format);
  if (pct) return `${(value * 100).toFixed(pct[1]?.length ?? 0)}%`;
  const unit = /^0(?:\.(0+))?"([^"]+)"$/.exec(format);
  if (unit) return `${value.toFixed(unit[1]?.length ?? 0)}${unit[2]}`;
  return null;
}

/**
 * Issue 11 §3: LibreOffice shows the catalogue figures and actuals of 亿元 / 万件 / % targets as
 * Excel does (checked on the "as shown" export), and no cell shows a format's escape character.
 */
function checkShown(label, file, model) {
  const shownSheets = recalculate(file, true);
  for (const sheet of model.sheets) {
    const rows = shownSheets.get(sheet.sheetName) ?? [];
    const headerAt = rows.findIndex((r) => r[0] === ID_HEADER);
    if (headerAt < 0) {
      fail(`${label}: no shown CSV for ${sheet.sheetName}`);
      continue;
    }
    const keys = rows[headerAt].map(keyOfHeader);
    for (const row of rows.slice(headerAt + 1)) {
      const entry = sheet.rows.find((r) => r.target.id === row[0]);
      if (!entry) continue;
      const format = valueFormat(entry.target);
      const bad = [];
      row.forEach((text, j) => {
        if (/\d!\./.test(text)) bad.push(`${rows[headerAt][j]} shows ${text}`);
      });
      for (const key of ["baseValue", "targetValue", "targetMax", ...sheet.years.map((y) => `actual:${y}`)]) {
        const value = entry.values[key];
        if (typeof value !== "number") continue;
        const want = excelShows(format, value);
        if (want == null) continue;
        const col = keys.indexOf(key);
        const got = col < 0 ? "(missing column)" : row[col];
        if (got !== want) bad.push(`${key}: LibreOffice shows ${JSON.stringify(got)}, Excel ${JSON.stringify(want)}`);
      }
      if (bad.length) fail(`${label} shown ${entry.target.id}: ${bad.join("; ")}`);
      else if (excelShows(format, 1) != null) passed++;
    }
  }
}

function checkWorkbook(label, file, settings, actuals) {
  const model = buildWorkbookModel(catalog, undefined, { mode: "portable", settings, actuals });
  const sheets = recalculate(file);
  const seen = new Map();
  for (const sheet of model.sheets) {
    const rows = sheets.get(sheet.sheetName);
    if (!rows) {
      fail(`${label}: no CSV for sheet ${sheet.sheetName}`);
      continue;
    }
    const headerAt = rows.findIndex((r) => r[0] === ID_HEADER);
    const keys = rows[headerAt].map(keyOfHeader);
    for (const row of rows.slice(headerAt + 1)) {
      const id = row[0];
      const entry = sheet.rows.find((r) => r.target.id === id);
      if (!entry) {
        fail(`${label}: unexpected row ${id} on ${sheet.sheetName}`);
        continue;
      }
      const want = methodRow(sheet.plan, entry.target, sheet.years, actuals.get(id) ?? [], settings);
      const bad = [];
      for (const key of COMPUTED_KEYS) {
        const col = keys.indexOf(key);
        const got = col < 0 ? "(missing column)" : cellValue(row[col] ?? "");
        if (!same(got, want[key], key)) bad.push(`${key}: LibreOffice ${JSON.stringify(got)} method ${JSON.stringify(want[key])}`);
      }
      seen.set(want.status, (seen.get(want.status) ?? 0) + 1);
      if (bad.length) fail(`${label} ${id} (${entry.target.kind}/${entry.target.comparator}): ${bad.join("; ")}`);
      else passed++;
    }
  }
  checkShown(label, file, model);
  const overview = sheets.get(model.overview.sheetName) ?? [];
  for (const sheet of model.sheets) {
    const row = overview.find((r) => r[0] === sheet.plan.id);
    const counts = statusCounts(sheet, actuals);
    const want = [...STATUS_CODES.map((c) => counts[c]), 0, sheet.rows.length];
    const got = row ? row.slice(2, 2 + want.length).map(cellValue) : [];
    if (want.every((w, i) => got[i] === w)) passed++;
    else fail(`${label} overview ${sheet.plan.id}: LibreOffice ${JSON.stringify(got)} method ${JSON.stringify(want)}`);
  }
  console.log(`${label}: ${[...seen].map(([s, n]) => `${s} ${n}`).join(", ")}`);
}

try {
  const rand = rng(20240601);
  const csv = ["id,year,value"];
  const scenarios = new Map();
  for (const plan of catalog.plans) {
    for (const target of plan.targets) {
      let { scenario, obs } = realisticActuals(plan, target, rand);
      if (PUBLISHED[target.id]) ({ scenario, obs } = { scenario: "published", obs: PUBLISHED[target.id] });
      scenarios.set(scenario, (scenarios.get(scenario) ?? 0) + 1);
      for (const o of obs) csv.push(`${target.id},${o.year},${o.value}`);
    }
  }
  const csvFile = path.join(work, "actuals.csv");
  fs.writeFileSync(csvFile, "\uFEFF" + csv.join("\r\n") + "\r\n");
  const rows = csv.slice(1).map((l) => {
    const [id, year, value] = l.split(",");
    return { id, year: Number(year), value: Number(value) };
  });
  const actuals = actualsById(rows);
  console.log(`${rows.length} actuals for ${catalog.size} targets (${[...scenarios].map(([s, n]) => `${s} ${n}`).join(", ")})`);

  // The CLI path, default settings.
  const cliFile = path.join(work, "cli.xlsx");
  const tsx = path.join(root, "node_modules", ".bin", "tsx");
  const cli = spawnSync(tsx, ["scripts/workbook.ts", "--out", cliFile, "--portable", "--actuals", csvFile], { cwd: root, encoding: "utf8" });
  if (cli.status !== 0) fail(`npm run workbook exited ${cli.status}: ${cli.stderr}`);
  else checkWorkbook("linear, default thresholds (npm run workbook)", cliFile, DEFAULT_SETTINGS, actuals);

  // The API path, compound paths and other thresholds.
  const compound = resolveSettings({ path: "compound", thresholds: { ahead: 1.1, onTrack: 0.9 } });
  const apiFile = path.join(work, "compound.xlsx");
  fs.writeFileSync(apiFile, await buildWorkbookXlsx(catalog, { portable: true, actuals: rows, settings: compound }));
  checkWorkbook("compound, thresholds 0.9/1.1 (buildWorkbookXlsx)", apiFile, compound, actuals);

  // Issue 11 §4: a live workbook opened where the add-in is missing says so, in the sheet and in
  // the overview, instead of blank cells and counts of 0.
  const { LIVE_MISSING, ADD_IN_NEEDED } = await load("src/sheets/xlsx.ts");
  const liveFile = path.join(work, "live.xlsx");
  fs.writeFileSync(liveFile, await buildWorkbookXlsx(catalog, { plans: ["XC"], actuals: rows.filter((r) => r.id.startsWith("XC-")) }));
  const live = recalculate(liveFile, true);
  const xcRows = [...live.entries()].find(([name]) => name.includes("XC"))?.[1] ?? [];
  const liveOverview = [...live.entries()].find(([name]) => name.includes("总览"))?.[1] ?? [];
  const warned = xcRows.some((r) => r[0] === `⚠ ${LIVE_MISSING}`);
  const counts = liveOverview.find((r) => r[0] === "XC")?.slice(2, 9) ?? [];
  if (warned && counts.length === 7 && counts.every((c) => c === ADD_IN_NEEDED)) passed++;
  else fail(`live workbook without the add-in: warning ${warned}, overview ${JSON.stringify(counts)}`);
} catch (e) {
  fail(String(e?.stack ?? e));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
