#!/usr/bin/env node
// The report by sight: `npm run report` writes the Chinese and English editions from realistic
// actuals, LibreOffice Writer turns them into PDF, poppler renders every page to PNG under
// test-results/report/, and the pages are checked:
//   - page count: the PDF has pages, and page i carries the footer "— i —", odd pages on the right
//     and even pages on the left (GB/T 9704);
//   - no text leaves the table: every word pdftotext finds between a table's header row and its note
//     lies inside one column of the table (the columns the document declares, TABLE_WIDTHS_MM),
//     and a control report with an absurdly long figure must be caught by the same check;
//   - the content made it: the fonts LibreOffice used are the CJK stand-ins of the official fonts,
//     and table cells of known targets read as in the model.
//   node scripts/e2e-report.mjs   (needs: apt-get install -y libreoffice-writer-nogui poppler-utils fonts-noto-cjk fonts-liberation2)
// Prints "ok"/"FAIL" lines and "N passed, M failed".
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import { tsImport } from "tsx/esm/api";

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
const load = (p) => tsImport(path.join(root, p), import.meta.url);
const outDir = path.join(root, "test-results", "report");

let passed = 0;
let failed = 0;
const check = (name, ok, detail = "") => {
  if (ok) passed++;
  else failed++;
  console.log(`${ok ? "ok  " : "FAIL"} ${name}${!ok && detail ? `: ${detail}` : ""}`);
};
const finish = () => {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
};

const has = (cmd, args = ["--version"]) => spawnSync(cmd, args, { encoding: "utf8" }).status === 0;
const soffice = ["soffice", "libreoffice"].find((c) => has(c));
if (!soffice) {
  check("LibreOffice is installed", false, "apt-get install -y libreoffice-writer-nogui");
  finish();
}
if (!has("pdftoppm", ["-v"]) || !has("pdftotext", ["-v"])) {
  check("poppler-utils (pdftoppm, pdftotext) is installed", false, "apt-get install -y poppler-utils");
  finish();
}

const { loadCatalogFromDisk } = await load("src/node/plan-files.ts");
const { buildReport } = await load("src/report/model.ts");
const { actualsById } = await load("src/sheets/actuals-csv.ts");
const { cellScale, planYears, valueFormat } = await load("src/sheets/model.ts");
const { displayUnit } = await load("src/report/display.ts");
/**
 * Does a table figure show this cell value under this format (0.000"亿元", 0.0%)? Checked apart
 * from display.ts: the format's decimals, and the value within half a unit of the last place.
 */
function shownAs(text, cellValue, format) {
  const decimals = (/\.(0+)/.exec(format)?.[1] ?? "").length;
  const shown = format.includes("%") ? cellValue * 100 : cellValue;
  const m = /^-?[\d,]+(?:\.(\d+))?$/.exec(text);
  return Boolean(m) && (m[1] ?? "").length === decimals && Math.abs(Number(text.replace(/,/g, "")) - shown) <= 0.5 * 10 ** -decimals + 1e-12;
}
const { familyOf } = await load("src/core/method/method.ts");
const { catalog } = loadCatalogFromDisk(path.join(root, "data", "plans"));

const work = fs.mkdtempSync(path.join(os.tmpdir(), "ip-e2e-report-"));
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

// ---- fonts: the official fonts are not on Linux; point them at the Noto CJK stand-ins -----------
// (a reader without them gets Word's substitutes from the font table; see docs/report.md)
const STAND_INS = [
  ["方正小标宋简体", "Noto Serif CJK SC", "bold"],
  ["仿宋_GB2312", "Noto Serif CJK SC", null],
  ["楷体_GB2312", "Noto Serif CJK SC", null],
  ["黑体", "Noto Sans CJK SC", null],
  ["宋体", "Noto Serif CJK SC", null],
  ["Times New Roman", "Liberation Serif", null],
];
const fontsConf = path.join(work, "fonts.conf");
fs.writeFileSync(
  fontsConf,
  `<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
${STAND_INS.map(
  ([name, to, weight]) => `  <match target="pattern"><test name="family"><string>${name}</string></test>
    <edit name="family" mode="assign" binding="strong"><string>${to}</string></edit>${weight ? `<edit name="weight" mode="assign"><const>${weight}</const></edit>` : ""}</match>`,
).join("\n")}
</fontconfig>
`,
);
const env = { ...process.env, FONTCONFIG_FILE: fontsConf };

// ---- realistic actuals: most targets typed for the first years, some left empty ----------------
function actualsCsv({ absurd = false } = {}) {
  const lines = ["id,year,value"];
  let k = 0;
  for (const plan of catalog.plans) {
    // The first two years after the plan's earliest base year, where every kind counts: the sheets'
    // base-year columns (planYears) hold the published base figure, which these made-up actuals are not.
    const bases = plan.targets.filter((t) => t.base).map((t) => t.base.year + 1);
    const from = Math.min(plan.period.start, ...bases);
    const years = planYears(plan).filter((y) => y >= from).slice(0, 2);
    for (const t of plan.targets) {
      k++;
      if (k % 5 === 0) continue; // no data for every fifth target
      const fam = familyOf(t.kind);
      const T = t.target.value ?? 100;
      const B = t.base?.value ?? (t.kind === "additions" || t.kind === "growth" ? 0 : T * 0.6);
      years.forEach((y, i) => {
        let v;
        if (fam === "milestone") v = k % 3 === 0 && i === years.length - 1 ? 1 : 0;
        else if (fam === "qualitative") v = 100 + 5 * i * (k % 4 === 0 ? -1 : 1);
        else if (fam === "yearly") v = T * (0.8 + 0.1 * (k % 4));
        else if (t.kind === "additions") v = (T / 4) * (0.7 + 0.1 * (k % 5));
        else v = B + (T - B) * (0.3 + 0.15 * i) * (0.8 + 0.1 * (k % 5));
        const round = Number.isInteger(T) && Math.abs(T) >= 20 ? Math.round(v) : Math.round(v * 100) / 100;
        lines.push(`${t.id},${y},${round}`);
      });
    }
  }
  // The control: a figure far too long for its column, in place of JZ-05's 2024 actual.
  const out = absurd ? [...lines.filter((l) => !l.startsWith("JZ-05,2024,")), "JZ-05,2024,123456789012345678"] : lines;
  return out.join("\n") + "\n";
}

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", env, timeout: 180_000, maxBuffer: 256 * 1024 * 1024, ...opts });
  return { status: r.status, out: `${r.stdout ?? ""}${r.stderr ?? ""}` };
}

function toPdf(docx) {
  const profile = url.pathToFileURL(path.join(work, "profile")).href;
  const r = run(soffice, [`-env:UserInstallation=${profile}`, "--headless", "--convert-to", "pdf", "--outdir", outDir, docx]);
  const pdf = path.join(outDir, path.basename(docx, ".docx") + ".pdf");
  if (r.status !== 0 || !fs.existsSync(pdf)) {
    // Calc alone (libreoffice-calc-nogui) cannot open a .docx: Writer is a package of its own.
    throw new Error(`soffice could not convert ${docx} (LibreOffice Writer 未安装？/ Writer missing? apt-get install -y libreoffice-writer-nogui): ${r.out}`);
  }
  return pdf;
}

/** Pages of the PDF with their words: [{ width, height, words: [{x0,y0,x1,y1,text}] }]. */
function pdfWords(pdf) {
  const r = run("pdftotext", ["-bbox-layout", pdf, "-"]);
  const pages = [];
  for (const m of r.out.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const words = [...m[3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((w) => ({
      x0: Number(w[1]),
      y0: Number(w[2]),
      x1: Number(w[3]),
      y1: Number(w[4]),
      text: w[5].replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"'),
    }));
    pages.push({ width: Number(m[1]), height: Number(m[2]), words });
  }
  return pages;
}

const MM = 72 / 25.4;
/** Column boxes in points of a table the model declares: it spans the text block from the 28 mm margin. */
function columnBoxes(widthsMm) {
  let x = 28 * MM;
  return widthsMm.map((w) => {
    const box = [x, x + w * MM];
    x += w * MM;
    return box;
  });
}

/**
 * Words in the table areas of every page (from a header row "序号"/"No." to the note or the footer)
 * that do not lie inside one column. Returns the offenders and the number of words checked.
 */
function tableWords(pages, columns, header, noteStart) {
  const found = [];
  const headerWords = new Set(header.flatMap((h) => h.split(/\s+/)));
  pages.forEach((page, i) => {
    const footerTop = page.height - 35 * MM;
    const heads = page.words.filter((w) => w.text === header[0] && w.x0 < columns[0][1]);
    for (const head of heads) {
      // The header row's top: its highest word (a header of two lines starts above "序号").
      const top = Math.min(...page.words.filter((w) => headerWords.has(w.text) && Math.abs(w.y0 - head.y0) < 25).map((w) => w.y0));
      const note = page.words.filter((w) => w.text.startsWith(noteStart) && w.y0 > head.y0).sort((a, b) => a.y0 - b.y0)[0];
      const bottom = note ? note.y0 : footerTop;
      for (const w of page.words) if (w.y0 >= top - 0.5 && w.y1 <= bottom) found.push({ ...w, page: i + 1 });
    }
  });
  return found;
}

/**
 * Text that left the table: words outside every column, and words of the cells (figures, English
 * words) that the PDF does not have whole, i.e. that were broken over two lines to fit.
 */
function tableOverflow(pages, model, noteStart) {
  const table = model.blocks.find((b) => b.type === "table");
  const columns = columnBoxes(table.widthsMm);
  const words = tableWords(pages, columns, table.header, noteStart);
  const bad = [];
  for (const w of words) {
    if (!columns.some(([a, b]) => w.x0 >= a - 0.5 && w.x1 <= b + 0.5)) bad.push(`page ${w.page}: "${w.text}" crosses a column edge (x ${w.x0.toFixed(1)}–${w.x1.toFixed(1)})`);
  }
  // A compound may break after its hyphen, dash or slash ("Geographical-" / "indication"); nothing else may.
  const whole = new Set(words.flatMap((w) => w.text.split(/(?<=\S)[-–/](?=\S)|(?<=[-–/])/).map((p) => p.replace(/[-–/]$/, ""))));
  const tokens = new Set(
    model.blocks
      .filter((b) => b.type === "table")
      .flatMap((b) => [b.header, ...b.rows].flat())
      .flatMap((c) => c.split(/\s+|(?<=\S)[-–/](?=\S)/))
      .filter((t) => t.length >= 2 && !/[\u3000-\u9fff\uff00-\uffef]/.test(t)),
  );
  for (const t of tokens) if (!whole.has(t)) bad.push(`"${t}" is broken over lines`);
  return { bad, checked: words.length };
}

function render(pdf, prefix) {
  const r = run("pdftoppm", ["-r", "80", "-png", pdf, path.join(outDir, prefix)]);
  if (r.status !== 0) throw new Error(`pdftoppm failed: ${r.out}`);
  return fs.readdirSync(outDir).filter((f) => f.startsWith(prefix + "-") && f.endsWith(".png"));
}

const tsx = path.join(root, "node_modules", ".bin", "tsx");
const typedBy = new Map();
/** The value the CSV gave a target for the report's year (method units). */
const typedOf = (model, id) => typedBy.get(model).get(id).find((o) => o.year === model.year).value;

function edition(label, { lang, absurd = false }) {
  const csv = path.join(work, `${label}.csv`);
  fs.writeFileSync(csv, actualsCsv({ absurd }));
  const docx = path.join(outDir, `${label}.docx`);
  const cli = run(tsx, ["scripts/report.ts", "--out", docx, "--actuals", csv, "--year", "2024", "--lang", lang]);
  if (cli.status !== 0) throw new Error(`npm run report exited ${cli.status}: ${cli.out}`);
  const pdf = toPdf(docx);
  const pages = pdfWords(pdf);
  const pngs = render(pdf, label);
  const typed = fs
    .readFileSync(csv, "utf8")
    .trim()
    .split("\n")
    .slice(1)
    .map((l) => {
      const [id, year, value] = l.split(",");
      return { id, year: Number(year), value: Number(value) };
    });
  const actuals = actualsById(typed);
  const model = buildReport(catalog, { actuals, year: 2024, lang });
  typedBy.set(model, actuals);
  return { pdf, pages, pngs, model };
}

try {
  for (const [label, lang, headFirst, noteStart] of [
    ["报告-zh", "zh", "序号", "注："],
    ["report-en", "en", "No.", "Note:"],
  ]) {
    const { pages, pngs, model } = edition(label, { lang });
    check(`${label}: LibreOffice made a PDF of several pages (${pages.length})`, pages.length >= 3);
    check(`${label}: every page rendered to PNG under test-results/report/`, pngs.length === pages.length, `${pngs.length} PNG for ${pages.length} pages`);
    const numbering = pages.map((p, i) => {
      const n = p.words.find((w) => w.text === String(i + 1) && w.y0 > p.height - 35 * MM);
      if (!n) return `page ${i + 1} has no page number`;
      const odd = (i + 1) % 2 === 1;
      if (odd ? n.x0 < p.width / 2 : n.x1 > p.width / 2) return `page ${i + 1}'s number is on the ${odd ? "left" : "right"}`;
      return null;
    });
    check(`${label}: page i shows "— i —", odd pages right and even pages left`, numbering.every((x) => !x), numbering.filter(Boolean).slice(0, 3).join("; "));
    const tables = model.blocks.filter((b) => b.type === "table").length;
    const firstColumn = columnBoxes(model.blocks.find((b) => b.type === "table").widthsMm)[0];
    const heads = pages.flatMap((p) => p.words.filter((w) => w.text === headFirst && w.x0 < firstColumn[1])).length;
    check(`${label}: ${tables} tables, their header row on every page they run over (${heads})`, heads >= tables, `${heads} header rows`);
    const { bad, checked } = tableOverflow(pages, model, noteStart);
    check(`${label}: no text leaves its table column (${checked} words checked)`, checked > 100 && bad.length === 0, bad.slice(0, 5).join("; ") || `only ${checked} words`);
    // Words found side by side, left to right, on one line of the PDF.
    const all = pages.flatMap((p) => p.words);
    const sameLine = (texts) =>
      all.some((w) => w.text === texts[0] && texts.slice(1).every((f) => all.some((v) => v.text === f && Math.abs(v.y0 - w.y0) < 3 && v.x0 > w.x0)));
    const rows = model.plans.flatMap((p) => p.tableRows);
    // A row with all its figures.
    const row = rows.find((t) => t.cells.slice(5, 8).every((c) => c !== "—" && !c.includes("\n")));
    const figures = row.cells.slice(5, 8);
    check(`${label}: ${row.target.id}'s actual, expected value and progress (${figures.join(", ")}) stand on one table line`, sameLine(figures));
    // Scaled and percent targets: the unit column and the actual as the sheet's cell shows it
    // (0.703 under 亿元 for 70300000 in the CSV; 67.0 under % for 67 percent points).
    for (const unit of ["亿元", "%"]) {
      const r = rows.find((t) => displayUnit(t.target) === unit && t.cells[5] !== "—" && !t.cells[5].includes("\n"));
      const typedValue = typedOf(model, r.target.id);
      // The English unit (× 100 million yuan) wraps in its column: there the figures alone, with the serial number.
      const cells = [lang === "zh" ? r.cells[2] : r.cells[0], ...r.cells.slice(5, 8).filter((c) => c !== "—" && !c.includes("\n"))];
      check(
        `${label}: ${r.target.id} shows ${cells.join(" … ")} for ${typedValue} in the CSV, as its sheet cell does`,
        shownAs(r.cells[5], typedValue / cellScale(r.target), valueFormat(r.target)) && sameLine(cells),
      );
      // The plan's figures (method units in the catalogue): the first line of the 基期值 / 目标值 cells.
      const planned = [
        [r.cells[3], r.target.base?.value],
        [r.cells[4], r.target.target.value],
      ].filter(([, v]) => v != null);
      const firstLines = planned.map(([c]) => c.split("\n")[0]);
      check(
        `${label}: ${r.target.id}'s base and target read ${firstLines.join(", ")} (${unit}), as its sheet cells do`,
        planned.every(([c, v]) => shownAs(c.split("\n")[0], v / cellScale(r.target), valueFormat(r.target))) &&
          firstLines.every((f) => all.some((w) => w.text === f)),
      );
    }
  }
  const fonts = run("pdffonts", [path.join(outDir, "报告-zh.pdf")]).out;
  check("the Chinese edition is set in the serif and sans CJK stand-ins (小标宋/仿宋/楷体 → Noto Serif CJK, 黑体 → Noto Sans CJK)", /NotoSerifCJK/.test(fonts) && /NotoSansCJK/.test(fonts), fonts);

  // The control: the overflow check must catch a figure that cannot fit its column.
  const control = edition("control-overflow", { lang: "zh", absurd: true });
  const caught = tableOverflow(control.pages, control.model, "注：");
  check("the overflow check catches an absurdly long figure (control report)", caught.bad.length > 0, "nothing flagged");
} catch (e) {
  check("report e2e ran", false, String(e?.stack ?? e));
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
finish();
