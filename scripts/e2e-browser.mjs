#!/usr/bin/env node
// The task pane's production build in headless Chromium (Debian's chromium, driven by playwright-core),
// served from dist/ on a localhost port:
//   1. as a preview: office.js answers onReady with no host, as in a plain browser;
//   2. "in Excel": office.js is replaced by an Office/Excel stand-in (test/support/office-standin.js
//      over the strict fake of test/support/fake-excel.ts).
// Flows: browse, search 有效商标注册量, open JZ-05 and read the plan's words, download a workbook and
// check it is a valid .xlsx with the expected sheets (ExcelJS), write sheets through the stand-in,
// read actuals back in the overview (by plan and by measure) and jump to a row, insert a formula, change a
// setting; 对照 (one measure across plans) and 汇总 (collect workbooks) in both languages at 320 and 450 px.
// Screenshots (Chinese) go to test-results/screenshots/. Prints "N passed, M failed"; exits 1 on failure.
// Needs: npm run build; apt-get install -y chromium fonts-noto-cjk
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import url from "node:url";
import ExcelJS from "exceljs";
import { chromium } from "playwright-core";
import ts from "typescript";

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
// How many targets 焦作's plan has, from the data itself: the audit may add targets.
const JZ_TARGETS = JSON.parse(fs.readFileSync(path.join(root, "data/plans/JZ.json"), "utf8")).targets.length;
const dist = path.join(root, "dist");
const results = path.join(root, "test-results");
const shots = path.join(results, "screenshots");
const downloads = path.join(results, "downloads");
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const WIDTH = 320;

let passed = 0;
let failed = 0;

/** Current page, for a screenshot when a check fails. */
let current = null;

async function check(name, fn) {
  try {
    await fn();
    passed++;
    console.log(`ok   ${name}`);
  } catch (e) {
    failed++;
    console.log(`FAIL ${name}\n     ${String(e?.stack ?? e).split("\n").slice(0, 4).join("\n     ")}`);
    const file = path.join(shots, `FAIL-${name.replace(/[^\w\u4e00-\u9fff]+/g, "-").slice(0, 60)}.png`);
    await current?.screenshot({ path: file, fullPage: true }).catch(() => undefined);
  }
}

function assert(cond, message) {
  if (!cond) throw new Error(message);
}

function finish() {
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed === 0 ? 0 : 1);
}

if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
  console.log("dist/taskpane.html is missing: run npm run build first");
  failed++;
  finish();
}
if (!fs.existsSync(CHROMIUM)) {
  console.log(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  failed++;
  finish();
}
// Screenshots of this run only: a FAIL-… picture of an earlier run would mislead.
fs.rmSync(shots, { recursive: true, force: true });
fs.mkdirSync(shots, { recursive: true });
fs.mkdirSync(downloads, { recursive: true });

// ---- office.js replacements -------------------------------------------------------------------------

/** What office.js does in a plain browser: onReady without a host; CustomFunctions.associate exists. */
const PREVIEW_OFFICE_JS = `
window.Office = {
  HostType: { Excel: "Excel" },
  onReady: function (cb) { var info = { host: null, platform: null }; if (cb) cb(info); return Promise.resolve(info); },
  context: {}
};
window.CustomFunctions = window.CustomFunctions || { associate: function () {} };
`;

function standinOfficeJs(displayLanguage) {
  const fakeSource = fs.readFileSync(path.join(root, "test/support/fake-excel.ts"), "utf8");
  const fake = ts.transpileModule(fakeSource, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
    fileName: "fake-excel.ts",
  }).outputText;
  const standin = fs.readFileSync(path.join(root, "test/support/office-standin.js"), "utf8");
  return [
    `globalThis.__officeStandinOptions = ${JSON.stringify({ displayLanguage })};`,
    `(function () { var exports = {}; var module = { exports: exports };\n${fake}\nglobalThis.__FakeExcelModule = module.exports; })();`,
    standin,
  ].join("\n");
}

// ---- a plain static server for dist/ ----------------------------------------------------------------

const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".xml": "application/xml", ".css": "text/css" };

const server = http.createServer((req, res) => {
  const pathname = decodeURIComponent(new URL(req.url, "http://localhost").pathname);
  const file = path.join(dist, pathname === "/" ? "taskpane.html" : pathname);
  if (!file.startsWith(dist) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
    res.writeHead(404).end("not found");
    return;
  }
  res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const origin = `http://127.0.0.1:${server.address().port}`;

// ---- the browser ------------------------------------------------------------------------------------

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ip-e2e-chromium-"));
const browser = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: WIDTH, height: 760 },
  deviceScaleFactor: 2,
  acceptDownloads: true,
  locale: "zh-CN",
});

/** A page whose office.js is `officeJs`; every other outside request is refused. */
async function openPage(officeJs, query = "") {
  const page = await browser.newPage();
  // Each page starts from the host's language: forget a choice made with the language switch on
  // an earlier page (once per page, so a reload still shows what the switch remembered).
  await page.addInitScript(() => {
    if (!sessionStorage.getItem("e2e-fresh")) {
      localStorage.removeItem("ipTargets.language");
      sessionStorage.setItem("e2e-fresh", "1");
    }
  });
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => {
    // No plans/index.json beside the add-in is the normal case (docs/data.md "Plans at run time"):
    // the browser logs its 404, the add-in says nothing.
    if (m.type() === "error" && !(/\b404\b/.test(m.text()) && /\/plans\/index\.json$/.test(m.location()?.url ?? ""))) errors.push(m.text());
  });
  await page.route("**/*", (route) => {
    const u = route.request().url();
    if (u === OFFICE_CDN || u.endsWith("/office-js/office.js")) return route.fulfill({ status: 200, contentType: "text/javascript", body: officeJs });
    if (u.startsWith(origin) && u.includes("/taskpane.html")) {
      // Serve the page under a policy that forbids eval and any script host but ours and the
      // Office CDN: an eval in the bundles, or a script from elsewhere, becomes a page error.
      return route.fetch().then((response) =>
        route.fulfill({
          response,
          headers: {
            ...response.headers(),
            "content-security-policy": `default-src 'self'; script-src 'self' ${new URL(OFFICE_CDN).origin}; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'`,
          },
        }),
      );
    }
    if (u.startsWith(origin)) return route.continue();
    // The add-in asks the network for nothing but office.js and its own files.
    errors.push(`request outside the add-in: ${u}`);
    return route.abort();
  });
  page.on("console", (m) => {
    if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
  });
  await page.goto(`${origin}/taskpane.html${query}`);
  await page.getByRole("heading", { level: 1 }).waitFor();
  current = page;
  return { page, errors };
}

const shot = (page, name) => page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
const targetButton = (page, id) => page.locator(`button[data-target-id="${id}"]`).first();

/**
 * What is wrong with the layout of the view on screen: the page scrolling sideways, any element
 * reaching past the pane's edge, any badge whose words wrap to a second line or spill out of it.
 */
async function layoutProblems(page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const problems = [];
    const name = (el) => {
      const cls = [...el.classList].find((c) => c.startsWith("fui-")) ?? el.classList[0] ?? "";
      const text = (el.textContent ?? "").trim().slice(0, 24);
      return `<${el.tagName.toLowerCase()}${cls ? "." + cls : ""}> "${text}"`;
    };
    if (document.documentElement.scrollWidth > width + 1) problems.push(`page is ${document.documentElement.scrollWidth}px wide in a ${width}px pane`);
    const wide = new Set();
    /** Whether an ancestor that clips its overflow, and sits inside the pane, hides what sticks out. */
    const clippedInside = (el) => {
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        if (getComputedStyle(a).overflowX !== "visible") {
          const r = a.getBoundingClientRect();
          if (r.left >= -1 && r.right <= width + 1) return true;
        }
      }
      return false;
    };
    for (const el of document.body.querySelectorAll("*")) {
      if (el.closest("[hidden]") || el.closest("option") || getComputedStyle(el).visibility === "hidden") continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if ((r.right > width + 1 || r.left < -1) && !clippedInside(el)) {
        // Name the outermost element only: its children overflow with it.
        if (!(el.parentElement && wide.has(el.parentElement))) problems.push(`${name(el)} reaches ${Math.round(r.left)}–${Math.round(r.right)}px`);
        wide.add(el);
      }
    }
    for (const badge of document.querySelectorAll(".fui-Badge")) {
      if (badge.closest("[hidden]") || badge.getBoundingClientRect().width === 0) continue;
      const range = document.createRange();
      range.selectNodeContents(badge);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`badge ${name(badge)} wraps to ${tops.size} lines`);
      else if (badge.scrollWidth > badge.clientWidth + 1) problems.push(`badge ${name(badge)} spills out of its border`);
    }
    return problems;
  });
}

async function layoutOk(page, what) {
  const problems = await layoutProblems(page);
  assert(problems.length === 0, `${what}: ${problems.length} layout problems:\n       ${problems.slice(0, 8).join("\n       ")}`);
}

async function noHorizontalScroll(page) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert(scroll <= client + 1, `page is ${scroll}px wide in a ${client}px pane`);
}

/** The sheets of a downloaded workbook, checked to be a real .xlsx (zip) that ExcelJS reads. */
async function readXlsx(file) {
  const bytes = fs.readFileSync(file);
  assert(bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04])), "not a zip file");
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes);
  return wb;
}

function cellsOf(sheet) {
  const out = [];
  sheet.eachRow((row) => row.eachCell((cell) => out.push(cell.value)));
  return out.map((v) => (v && typeof v === "object" ? (v.richText?.map((r) => r.text).join("") ?? v.formula ?? v.result ?? "") : v));
}

// ---- 0. layout: every view, both languages, 320 px and 450 px ---------------------------------------

const PLAN_IDS = ["JZ", "XZ", "HN", "XC", "JY"];
/** Targets whose detail is visited: a figure, one with a conflict in the data, a milestone, a qualitative one. */
const TOUR_TARGETS = (() => {
  const all = PLAN_IDS.flatMap((id) => JSON.parse(fs.readFileSync(path.join(root, `data/plans/${id}.json`), "utf8")).targets);
  const first = (pred) => all.find(pred)?.id;
  return [
    ...new Set(
      ["JZ-05", first((t) => t.conflicts?.length), first((t) => t.kind === "milestone"), first((t) => t.kind === "qualitative"), first((t) => t.measure)].filter(
        Boolean,
      ),
    ),
  ];
})();
const LANGS = { zh: { search: "专利", back: "返回" }, en: { search: "patent", back: "Back" } };

/**
 * The measures the plans name (issue 13), from the data at test time: measure id → its targets in
 * plan-file order. Empty until the plans carry measures; then the 对照 view must show them all.
 */
const MEASURED = (() => {
  const out = new Map();
  for (const id of PLAN_IDS) {
    for (const t of JSON.parse(fs.readFileSync(path.join(root, `data/plans/${id}.json`), "utf8")).targets) {
      if (t.measure) out.set(t.measure, [...(out.get(t.measure) ?? []), t.id]);
    }
  }
  return out;
})();
const MEASURE_NAMES = new Map(JSON.parse(fs.readFileSync(path.join(root, "data/measures.json"), "utf8")).measures.map((m) => [m.id, m.name]));
/** Whether src/rollup is still the placeholder that rejects (then the 汇总 action must say so clearly). */
const ROLLUP_PLACEHOLDER = /not built yet/.test(fs.readFileSync(path.join(root, "src/rollup/index.ts"), "utf8"));
const FIRST_MEASURED_TARGET = [...MEASURED.values()][0]?.[0];

console.log("# layout: every view in both languages at 320 and 450 px");
for (const [lang, L] of Object.entries(LANGS)) {
  for (const width of [320, 450]) {
    const { page, errors } = await openPage(PREVIEW_OFFICE_JS);
    await page.setViewportSize({ width, height: 760 });
    const tag = `${lang}-${width}`;
    if (lang === "en") {
      await check(`layout ${tag}: the language switch turns the pane to English and remembers it`, async () => {
        const english = page.getByRole("group", { name: "界面语言 / Language" }).getByRole("button", { name: "English" });
        await english.click();
        await page.getByRole("heading", { level: 1, name: "IP plan targets" }).waitFor();
        await page.reload();
        await page.getByRole("heading", { level: 1, name: "IP plan targets" }).waitFor();
        assert((await english.getAttribute("aria-pressed")) === "true", "English is not marked as chosen after a reload");
        assert((await page.evaluate(() => document.documentElement.lang)) === "en-US", "the page's lang is not en-US");
      });
    }
    const view = async (name, fn) =>
      check(`layout ${tag}: ${name}`, async () => {
        await fn();
        await shot(page, `layout-${tag}-${name}`);
        await layoutOk(page, name);
        const text = await page.locator("body").innerText();
        assert(!/\w+_[0-9a-f]{8,}\.txt/.test(text), `${name} shows an internal file name: ${text.match(/\S*\.txt/)?.[0]}`);
        if (lang === "zh") {
          // The plan's notes, derivations and conflicts: Chinese only in the Chinese pane.
          const english = (await page.locator("[data-plan-text]").allInnerTexts()).filter((t) => /[A-Za-z]{2,}\s+[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(t));
          assert(english.length === 0, `English in the Chinese pane's plan texts: ${english.slice(0, 3).join(" | ")}`);
        }
      });
    const back = () => page.getByRole("button", { name: L.back, exact: true }).first().click();

    await view("plans", async () => {
      await page.locator('button[data-plan-id="JZ"]').waitFor();
    });
    await view("search", async () => {
      await page.getByRole("searchbox").fill(L.search);
      await page.locator("button[data-target-id]").first().waitFor();
    });
    await page.getByRole("searchbox").fill("");
    for (const planId of PLAN_IDS) {
      await view(`plan-${planId}`, async () => {
        await page.locator(`button[data-plan-id="${planId}"]`).click();
        await page.locator("button[data-target-id]").first().waitFor();
      });
      await back();
    }
    await view("plan-filtered", async () => {
      await page.locator('button[data-plan-id="JZ"]').click();
      const selects = page.locator("select");
      for (let i = 0; i < (await selects.count()); i++) await selects.nth(i).selectOption({ index: 1 });
    });
    await back();
    for (const id of TOUR_TARGETS) {
      await view(`target-${id}`, async () => {
        await page.getByRole("searchbox").fill(id);
        await page.locator(`button[data-target-id="${id}"]`).click();
        await page.getByTestId("target-goal").waitFor();
      });
      await back();
    }
    await page.getByRole("searchbox").fill("");
    for (const tab of ["sheets", "overview", "compare", "settings"]) {
      await view(tab, async () => {
        await page.locator(`#tab-${tab}`).click();
        // The first heading: 总览 holds the report view (its own h2) below the overview, 对照 the 汇总 view.
        await page.locator(`#panel-${tab} h2`).first().waitFor();
      });
    }
    // 对照: every measure the data names, each plan's target for it side by side; or, while no plan
    // names one, the empty state that says so.
    if (MEASURED.size === 0) {
      await view("compare-empty", async () => {
        await page.locator("#tab-compare").click();
        await page.getByTestId("compare-empty").waitFor();
      });
    } else {
      for (const [measure, ids] of MEASURED) {
        await view(`compare-${measure}`, async () => {
          await page.locator("#tab-compare").click();
          const select = page.locator("#panel-compare select").first();
          await select.selectOption(measure);
          const name = MEASURE_NAMES.get(measure)?.[lang] ?? measure;
          assert((await select.locator("option:checked").innerText()).trim() === name, `the select does not show ${name}`);
          const shown = await page.getByTestId("compare-list").locator("li[data-target-id]").evaluateAll((els) => els.map((e) => e.getAttribute("data-target-id")));
          assert(shown.length === ids.length && ids.every((id) => shown.includes(id)), `${measure}: shows ${shown.join(",")}, the data has ${ids.join(",")}`);
          await page.getByTestId("compare-chart").waitFor();
          const legend = await page.getByTestId("compare-legend").innerText();
          assert(legend.trim().length > 0, `${measure}: the chart has no legend`);
        });
      }
      await view("compare-absolute", async () => {
        const absolute = page.locator("#panel-compare").getByRole("button", { name: lang === "zh" ? "绝对值" : "Absolute values" });
        if (await absolute.isEnabled()) {
          await absolute.click();
          await page.locator('[data-testid="compare-chart"][data-scale="absolute"]').waitFor();
        }
      });
    }
    if (FIRST_MEASURED_TARGET) {
      await check(`layout ${tag}: a target's measure links to its comparison`, async () => {
        await page.locator("#tab-plans").click();
        await page.getByRole("searchbox").fill(FIRST_MEASURED_TARGET);
        await page.locator(`button[data-target-id="${FIRST_MEASURED_TARGET}"]`).click();
        await page.getByTestId("target-measure").getByRole("button").click();
        await page.locator(`#panel-compare li[data-target-id="${FIRST_MEASURED_TARGET}"]`).waitFor();
        await page.locator("#tab-plans").click();
        await back();
        await page.getByRole("searchbox").fill("");
      });
    }
    await check(`layout ${tag}: no script errors`, async () => assert(errors.length === 0, errors.join("\n")));
    await page.close();
  }
}

// ---- 1. preview (plain browser) ----------------------------------------------------------------------

console.log("# preview: a plain browser, no Excel");
{
  const { page, errors } = await openPage(PREVIEW_OFFICE_JS);

  await check("first screen: the plans in Chinese, marked as a preview", async () => {
    await page.getByRole("heading", { level: 1, name: "知识产权规划目标" }).waitFor();
    const plans = page.getByRole("list", { name: "规划" }).getByRole("listitem");
    const onDisk = fs.readdirSync(path.join(root, "data", "plans")).filter((f) => f.endsWith(".json")).length;
    assert((await plans.count()) === onDisk, `expected ${onDisk} plans, got ${await plans.count()}`);
    await page.getByText("预览（未连接 Excel）").waitFor();
    const jz = page.locator('button[data-plan-id="JZ"]');
    const text = await jz.innerText();
    assert(/焦作/.test(text) && /市级/.test(text) && /2024–2035/.test(text) && text.includes(`${JZ_TARGETS} 个指标`), `JZ card says: ${text}`);
    assert(/征求意见稿/.test(await page.locator('button[data-plan-id="XZ"]').innerText()), "XZ is not marked as a draft");
    await shot(page, "01-plans");
  });

  await check("readable at 320 px: no horizontal scrolling", () => noHorizontalScroll(page));

  await check(`browse: open 焦作, its ${JZ_TARGETS} targets with unit and status, filter by area`, async () => {
    await page.locator('button[data-plan-id="JZ"]').click();
    await page.getByRole("heading", { level: 2, name: /焦作市落实强国强省建设纲要实施意见/ }).waitFor();
    const rows = page.getByRole("list", { name: "指标" }).getByRole("button");
    assert((await rows.count()) === JZ_TARGETS, `expected ${JZ_TARGETS} targets, got ${await rows.count()}`);
    const jz05 = await targetButton(page, "JZ-05").innerText();
    assert(/有效商标注册量/.test(jz05) && /件/.test(jz05) && /无数据/.test(jz05), `JZ-05 row says: ${jz05}`);
    await shot(page, "02-plan");
    await page.getByLabel("领域").selectOption("保护");
    const shown = await rows.count();
    assert(shown > 0 && shown < JZ_TARGETS, `area filter left ${shown} rows`);
    await noHorizontalScroll(page);
    await page.getByRole("button", { name: "返回" }).click();
  });

  await check("search 有效商标注册量 finds 焦作's target JZ-05", async () => {
    await page.getByRole("searchbox", { name: "搜索指标" }).fill("有效商标注册量");
    await targetButton(page, "JZ-05").waitFor();
    assert(/焦作/.test(await targetButton(page, "JZ-05").innerText()), "result does not name 焦作");
    await shot(page, "03-search");
  });

  await check("JZ-05's detail: the goal, the plan's words and where it says so, the chart, the formulas", async () => {
    await targetButton(page, "JZ-05").click();
    const heading = page.getByRole("heading", { level: 2, name: "有效商标注册量" });
    await heading.waitFor();
    assert(await heading.evaluate((h) => h === document.activeElement), "the detail's heading does not have focus");
    await page.getByTestId("target-goal").getByText("到 2025 年达到 67,000件").waitFor();
    const quotes = await page.getByTestId("quote").allInnerTexts();
    assert(quotes.some((q) => q.includes("有效商标注册量达6.7万件")), `quotes: ${quotes.join(" | ")}`);
    await page.getByText(/二、（三） 表“截止2025年末知识产权发展主要目标”/).waitFor();
    const chart = page.getByRole("img", { name: "序时进度与实际值" });
    assert((await chart.locator('[data-series="expected"]').count()) === 1, "no expected path in the chart");
    await page.getByText('=IP.TARGET("JZ-05")').waitFor();
    const insert = page.getByRole("button", { name: '将公式 =IP.TARGET("JZ-05") 插入选中的单元格' });
    assert((await insert.getAttribute("aria-disabled")) === "true", "insert is not disabled outside Excel");
    await noHorizontalScroll(page);
    await shot(page, "04-target");
  });

  await check("keyboard only: search, open a result with Enter, go back", async () => {
    await page.goto(`${origin}/taskpane.html`);
    await page.getByRole("heading", { level: 1 }).waitFor();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(() => document.activeElement?.getAttribute("role") === "searchbox" || document.activeElement?.type === "search")) break;
    }
    assert(await page.evaluate(() => document.activeElement?.tagName === "INPUT"), "Tab never reached the search box");
    await page.keyboard.type("商标有效注册量");
    await targetButton(page, "XZ-04").waitFor();
    for (let i = 0; i < 8 && !(await page.evaluate(() => document.activeElement?.getAttribute("data-target-id"))); i++) await page.keyboard.press("Tab");
    assert((await page.evaluate(() => document.activeElement?.getAttribute("data-target-id"))) === "XZ-04", "Tab did not reach the result");
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 2, name: "商标有效注册量" }).waitFor();
    await page.keyboard.press("Shift+Tab");
    await page.keyboard.press("Enter");
    await page.getByRole("searchbox").waitFor();
    assert((await page.getByRole("searchbox").inputValue()) === "商标有效注册量", "the search words were lost");
  });

  await check("outside Excel: writing sheets is disabled and says why", async () => {
    await page.getByRole("tab", { name: "工作表" }).click();
    const write = page.getByRole("button", { name: "写入 / 刷新工作表" });
    await write.waitFor();
    assert((await write.getAttribute("aria-disabled")) === "true", "write is not disabled");
    await page.getByText(/需要在 Excel 中打开本加载项才能使用此功能/).first().waitFor();
  });

  await check("download the workbook: a valid .xlsx with 焦作's sheet and the overview", async () => {
    await page.getByRole("checkbox", { name: /^焦作/ }).check();
    const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "下载工作簿" }).click()]);
    assert(download.suggestedFilename() === "知识产权规划目标.xlsx", `file name ${download.suggestedFilename()}`);
    const file = path.join(downloads, "preview-JZ.xlsx");
    await download.saveAs(file);
    const wb = await readXlsx(file);
    const names = wb.worksheets.map((s) => s.name);
    assert(names.includes("焦作 JZ") && names.includes("总览"), `sheets: ${names.join(", ")}`);
    assert(!names.some((n) => / (XZ|HN|XC|JY)$/.test(n)), `sheets of plans not chosen: ${names.join(", ")}`);
    const cells = cellsOf(wb.getWorksheet("焦作 JZ"));
    assert(cells.includes("JZ-05") && cells.includes("有效商标注册量"), "JZ-05 is not in 焦作's sheet");
    await page.getByText("已生成 知识产权规划目标.xlsx。").waitFor();
    await shot(page, "05-sheets-preview");
  });

  await check("汇总: choose the downloaded workbook (and a file that is not one), collect, see the result or a clear error", async () => {
    await page.getByRole("tab", { name: "对照" }).click();
    const notOurs = path.join(downloads, "not-a-workbook.xlsx");
    fs.writeFileSync(notOurs, "这不是工作簿");
    await page.getByLabel(/工作簿（.xlsx/).setInputFiles([path.join(downloads, "preview-JZ.xlsx"), notOurs]);
    await page.getByText("已选择 2 个文件").waitFor();
    await page.getByRole("button", { name: "开始汇总" }).click();
    if (ROLLUP_PLACEHOLDER) {
      const alert = page.getByRole("alert");
      await alert.waitFor({ timeout: 30_000 });
      assert(/无法完成汇总/.test(await alert.innerText()) && /尚未就绪/.test(await alert.innerText()), `alert: ${await alert.innerText()}`);
    } else {
      const result = page.getByTestId("rollup-result");
      await result.waitFor({ timeout: 60_000 });
      const counts = await result.getByTestId("rollup-counts").innerText();
      assert(/读取文件：2/.test(counts), `counts: ${counts}`);
      const problems = await result.getByTestId("rollup-problems").innerText();
      assert(problems.includes("not-a-workbook.xlsx"), `the bad file is not named: ${problems}`);
      const [download] = await Promise.all([page.waitForEvent("download", { timeout: 60_000 }), page.getByRole("button", { name: "下载 汇总.xlsx" }).click()]);
      const file = path.join(downloads, "汇总.xlsx");
      await download.saveAs(file);
      await readXlsx(file);
    }
    await layoutOk(page, "汇总 at 320 px");
    await shot(page, "05a-rollup-preview");
    await page.setViewportSize({ width: 450, height: 760 });
    await layoutOk(page, "汇总 at 450 px");
    await shot(page, "05a-rollup-preview-450");
    await page.setViewportSize({ width: WIDTH, height: 760 });
  });

  await check("no script errors in the preview", async () => {
    assert(errors.length === 0, errors.join("\n"));
  });
  await page.close();
}

// ---- 2. inside Excel (the stand-in) ------------------------------------------------------------------

console.log("# in Excel: the Office/Excel stand-in");
{
  const { page, errors } = await openPage(standinOfficeJs("zh-CN"));
  const standin = (fn, ...args) => page.evaluate(fn, ...args);

  await check("in Excel: no preview mark, Chinese from Office's display language", async () => {
    await page.getByRole("heading", { level: 1, name: "知识产权规划目标" }).waitFor();
    assert((await page.getByText("预览（未连接 Excel）").count()) === 0, "still marked as a preview");
  });

  await check("write 焦作 and 新郑's sheets: progress, then a summary of what was added", async () => {
    await page.getByRole("tab", { name: "工作表" }).click();
    await page.getByRole("checkbox", { name: /^焦作/ }).check();
    await page.getByRole("checkbox", { name: /^新郑/ }).check();
    await page.getByRole("button", { name: "写入 / 刷新工作表" }).click();
    const summary = page.getByTestId("write-summary");
    await summary.waitFor({ timeout: 30_000 });
    const jz = await summary.getByRole("row", { name: /焦作/ }).getByRole("cell").allInnerTexts();
    assert(jz[0] === String(JZ_TARGETS), `JZ added: ${jz.join(",")}`);
    const sheets = await standin(() => globalThis.__officeStandin.sheetNames());
    assert(sheets.includes("焦作 JZ") && sheets.includes("新郑 XZ") && sheets.includes("总览"), `sheets: ${sheets.join(", ")}`);
    await page.getByText(/写入完成（与 Excel 同步 \d+ 次）。/).waitFor();
    await noHorizontalScroll(page);
    await shot(page, "06-sheets-written");
  });

  await check("a slow write shows its progress and can be cancelled", async () => {
    await standin(() => globalThis.__officeStandin.setSyncDelay(1500));
    await page.getByRole("checkbox", { name: /^许昌/ }).check();
    await page.getByRole("button", { name: /写入 \/ 刷新工作表|正在写入…/ }).first().click();
    await page.getByRole("progressbar").waitFor();
    await shot(page, "06a-writing");
    await page.getByRole("button", { name: "取消" }).click();
    await page.getByText(/已取消。已写入的工作表保留不变/).waitFor({ timeout: 20_000 });
    assert((await page.getByRole("progressbar").count()) === 0, "the progress bar stayed");
    await standin(() => globalThis.__officeStandin.setSyncDelay(0));
    await page.getByRole("checkbox", { name: /^许昌/ }).uncheck();
  });

  await check("refresh keeps the official's numbers: type actuals, write again, nothing lost", async () => {
    const typed = await standin(() => [
      globalThis.__officeStandin.typeActual("JZ", "JZ-05", 2024, 70000),
      globalThis.__officeStandin.typeActual("JZ", "JZ-06", 2024, 5),
      globalThis.__officeStandin.typeActual("XZ", "XZ-04", 2024, 33000),
    ]);
    assert(typed.every(Boolean), `could not type into the sheets: ${typed}`);
    await page.getByRole("button", { name: "写入 / 刷新工作表" }).click();
    await page.getByTestId("write-summary").getByRole("row", { name: /焦作/ }).waitFor();
    const jz = await page.getByTestId("write-summary").getByRole("row", { name: /焦作/ }).getByRole("cell").allInnerTexts();
    assert(jz[0] === "0", `refresh added rows again: ${jz.join(",")}`);
    const value = await standin(() => {
      const t = globalThis.__officeStandin.table("JZ");
      const h = t.headers();
      for (let i = 0; i < t.rows; i++) if (t.sheet.value(t.top + 1 + i, t.left + h.indexOf("编号")) === "JZ-05") return t.sheet.value(t.top + 1 + i, t.left + h.indexOf("2024年实际"));
      return null;
    });
    assert(value === 70000, `JZ-05's 2024 actual is now ${value}`);
  });

  await check("overview: reads the actuals back, counts per status with a chart", async () => {
    await page.getByRole("tab", { name: "总览" }).click();
    await page.getByRole("button", { name: "重新读取实际值" }).click();
    const jz = page.getByRole("region", { name: "焦作" });
    await jz.getByRole("button", { name: /查看已实现的 1 个指标/ }).waitFor({ timeout: 20_000 });
    await jz.getByRole("button", { name: /查看倒退的 1 个指标/ }).waitFor();
    assert((await jz.locator("svg rect[data-status]").count()) === 3, "the JZ chart does not have three segments");
    await page.getByRole("region", { name: "新郑" }).waitFor();
    await layoutOk(page, "overview at 320 px");
    await shot(page, "07-overview");
    await page.setViewportSize({ width: 450, height: 760 });
    await layoutOk(page, "overview at 450 px");
    await shot(page, "07-overview-450");
    await page.setViewportSize({ width: WIDTH, height: 760 });
  });

  await check("overview grouped by measure: the measures the data names, or a note that none is named yet", async () => {
    await page.getByRole("button", { name: "按统计口径" }).click();
    if (MEASURED.size === 0) {
      await page.getByTestId("no-measures").waitFor();
    } else {
      for (const measure of MEASURED.keys()) await page.locator(`section[data-measure="${measure}"]`).waitFor();
    }
    await layoutOk(page, "overview by measure at 320 px");
    await shot(page, "07b-overview-by-measure");
    await page.setViewportSize({ width: 450, height: 760 });
    await layoutOk(page, "overview by measure at 450 px");
    await page.setViewportSize({ width: WIDTH, height: 760 });
    await page.getByRole("button", { name: "按规划" }).click();
    await page.getByRole("region", { name: "焦作" }).waitFor();
  });

  await check("对照 in Excel: the typed actuals beside each plan's target", async () => {
    await page.getByRole("tab", { name: "对照" }).click();
    await page.locator("#panel-compare h2").first().waitFor();
    const jzMeasure = [...MEASURED].find(([, ids]) => ids.includes("JZ-05"))?.[0];
    if (jzMeasure) {
      await page.locator("#panel-compare select").first().selectOption(jzMeasure);
      const actuals = await page.locator('#panel-compare li[data-target-id="JZ-05"] [data-field="actuals"]').innerText();
      assert(/2024 年：70,000件/.test(actuals), `JZ-05's actuals: ${actuals}`);
      assert((await page.locator('[data-testid="compare-chart"] g[data-plan-id="JZ"] [data-series="actual-point"]').count()) === 1, "JZ's 2024 actual is not drawn");
    } else if (MEASURED.size === 0) {
      await page.getByTestId("compare-empty").waitFor();
    }
    await layoutOk(page, "对照 in Excel");
    await shot(page, "07c-compare-in-excel");
    await page.getByRole("tab", { name: "总览" }).click();
  });

  await check("overview: a cell that is not a number is named, kept as typed and left out", async () => {
    await standin(() => globalThis.__officeStandin.typeActual("JZ", "JZ-07", 2024, "约7万"));
    await page.getByRole("button", { name: "重新读取实际值" }).click();
    const warning = page.getByTestId("unreadable");
    await warning.waitFor();
    const text = await warning.innerText();
    assert(/有 1 个实际值单元格不是数字/.test(text) && /焦作 JZ!/.test(text) && /约7万/.test(text), `warning: ${text}`);
    await shot(page, "07a-overview-unreadable");
  });

  await check("overview: choosing a target selects its row in the sheet", async () => {
    const jz = page.getByRole("region", { name: "焦作" });
    await jz.getByRole("button", { name: /查看已实现的 1 个指标/ }).click();
    await jz.getByRole("button", { name: "定位到 有效商标注册量" }).click();
    await page.getByText("已定位到 JZ-05 所在的行。").waitFor();
    const selection = await standin(() => globalThis.__officeStandin.selection());
    const row = await standin(() => {
      const t = globalThis.__officeStandin.table("JZ");
      const h = t.headers();
      for (let i = 0; i < t.rows; i++) if (t.sheet.value(t.top + 1 + i, t.left + h.indexOf("编号")) === "JZ-05") return t.top + 2 + i;
      return -1;
    });
    assert(selection.sheet === "焦作 JZ" && new RegExp(`^[A-Z]+${row}:[A-Z]+${row}$`).test(selection.address), `selected ${JSON.stringify(selection)}, JZ-05 is on row ${row}`);
  });

  await check("plans list shows each written plan's status summary", async () => {
    await page.getByRole("tab", { name: "规划" }).click();
    const summary = page.locator('button[data-plan-id="JZ"]').getByRole("list", { name: "进展情况" });
    await summary.waitFor();
    const text = await summary.innerText();
    assert(/已实现：1/.test(text) && /倒退：1/.test(text), `JZ summary: ${text}`);
  });

  await check("target detail: actuals in the chart, the status, and a formula inserted into the selected cell", async () => {
    await page.getByRole("searchbox").fill("有效商标注册量");
    await targetButton(page, "JZ-05").click();
    await page.getByRole("heading", { level: 2, name: "有效商标注册量" }).waitFor();
    const chart = page.getByRole("img", { name: "序时进度与实际值" });
    assert((await chart.locator('[data-series="actual-point"]').count()) === 1, "the 2024 actual is not drawn");
    await page.getByText("当前状态").waitFor();
    await standin(() => globalThis.__officeStandin.select("Sheet1", "D4"));
    await page.getByRole("button", { name: '将公式 =IP.TARGET("JZ-05") 插入选中的单元格' }).click();
    await page.getByText("已插入选中的单元格。").waitFor();
    const cell = await standin(() => globalThis.__officeStandin.cellAtSelection());
    assert(cell && cell.formula === '=IP.TARGET("JZ-05")', `D4 holds ${JSON.stringify(cell)}`);
    await layoutOk(page, "target with actuals");
    await shot(page, "08-target-in-excel");
    await page.setViewportSize({ width: 450, height: 760 });
    await layoutOk(page, "target with actuals at 450 px");
    await shot(page, "08-target-in-excel-450");
    await page.setViewportSize({ width: WIDTH, height: 760 });
  });

  await check("settings: saved in the workbook, then Excel recalculates", async () => {
    await page.getByRole("tab", { name: "设置" }).click();
    await page.getByRole("radio", { name: /复合增长/ }).check();
    await page.getByLabel("快于预期阈值").fill("1.1");
    await page.getByRole("button", { name: "保存" }).click();
    await page.getByText("已保存。Excel 正在按新设置重新计算。").waitFor();
    const saved = await standin(() => ({
      stored: JSON.parse(globalThis.__officeStandin.settings.get("ipTargets.settings")),
      calculations: globalThis.__officeStandin.state.calculations,
      saves: globalThis.__officeStandin.state.settingsSaves,
    }));
    assert(saved.stored.method.path === "compound" && saved.stored.method.thresholds.ahead === 1.1, JSON.stringify(saved.stored));
    assert(saved.saves === 1 && saved.calculations.length === 1, JSON.stringify(saved));
    await noHorizontalScroll(page);
    await shot(page, "09-settings");
  });

  await check("no script errors in Excel", async () => {
    assert(errors.length === 0, errors.join("\n"));
  });
  await page.close();
}

// ---- 3. English Office ------------------------------------------------------------------------------

console.log("# in an English Excel");
{
  const { page, errors } = await openPage(standinOfficeJs("en-US"));
  await check("English display language: the pane is in English", async () => {
    await page.getByRole("heading", { level: 1, name: "IP plan targets" }).waitFor();
    await page.getByRole("tab", { name: "Overview" }).waitFor();
    await page.locator('button[data-plan-id="JZ"]').getByText("Jiaozuo", { exact: true }).waitFor();
    assert(errors.length === 0, errors.join("\n"));
  });
  await page.close();
}

await browser.close();
server.close();
fs.rmSync(profile, { recursive: true, force: true });
finish();
