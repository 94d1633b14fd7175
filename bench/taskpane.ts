/**
 * Task-pane figures for `npm run bench`:
 *  - the first screen's JavaScript (every script taskpane.html loads up front, from dist/), raw and
 *    gzip, against the floor of 200 KB gzip; and what is left to load on demand (chunks);
 *  - time to first render in headless Chromium (Debian's chromium), as a ratio to a bare React page
 *    built the same way (webpack production, served from the same server, office.js stubbed alike),
 *    against the floor of 1.5×. Fair to both: one warm-up round, then RUNS rounds that load each
 *    page once, in alternating order; the ratio is the median of the rounds' ratios, so a change in
 *    the machine's load (other builds on a shared machine) hits both pages of a round alike.
 * Files are served with their content types, uncached (BENCH_CACHE=etag: revalidated, as on a repeat open).
 * Each floor prints PASS or FAIL; nothing here exits non-zero for a FAIL (a timing on a shared
 * machine is no test). Needs a production build (npm run build) and /usr/bin/chromium; says so
 * instead of failing.
 */
import fs from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import { chromium } from "playwright-core";
import webpack from "webpack";

const root = path.resolve(__dirname, "..");
const dist = path.join(root, "dist");
const CHROMIUM = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
const OFFICE_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const FLOOR_GZIP_KB = 200;
const FLOOR_RATIO = 1.5;
const RUNS = 15;
/** The mark App sets once the first screen is on the page (FIRST_RENDER_MARK in src/taskpane/App.tsx). */
const MARK = "taskpane:first-render";

const PREVIEW_OFFICE_JS =
  "window.Office={onReady:function(cb){var i={host:null,platform:null};if(cb)cb(i);return Promise.resolve(i)},context:{}};" +
  "window.CustomFunctions=window.CustomFunctions||{associate:function(){}};";

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;
const gzip = (buf: Buffer) => zlib.gzipSync(buf, { level: 9 }).length;
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Local scripts a page loads up front, in order. */
function firstScreenScripts(html: string): string[] {
  return [...html.matchAll(/<script[^>]*\ssrc=["']?([^"' >]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
}

function sizes(dir: string, files: string[]) {
  let raw = 0;
  let gz = 0;
  const each: Record<string, string> = {};
  for (const f of files) {
    const buf = fs.readFileSync(path.join(dir, f));
    raw += buf.length;
    gz += gzip(buf);
    each[f] = `${kb(buf.length)} KB raw, ${kb(gzip(buf))} KB gzip`;
  }
  return { raw, gz, each };
}

/** A bare React 19 page built like the task pane: webpack production, a deferred script after office.js. */
async function buildBarePage(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "ip-bench-bare-"));
  const entry = path.join(dir, "bare.js");
  fs.writeFileSync(
    entry,
    `import { createElement, useEffect } from "react";
import { createRoot } from "react-dom/client";
function Bare() {
  useEffect(() => { performance.mark(${JSON.stringify(MARK)}); }, []);
  return createElement("h1", null, "知识产权规划目标");
}
createRoot(document.getElementById("container")).render(createElement(Bare));
`,
  );
  const compiler = webpack({
    mode: "production",
    context: dir,
    entry: { bare: entry },
    output: { path: path.join(dir, "out"), filename: "[name].js" },
    resolve: { modules: [path.join(root, "node_modules")] },
    performance: { hints: false },
  });
  await new Promise<void>((resolve, reject) =>
    compiler.run((err, stats) => {
      if (err || stats?.hasErrors()) reject(err ?? new Error(stats?.toString("errors-only")));
      else compiler.close(() => resolve());
    }),
  );
  fs.writeFileSync(
    path.join(dir, "out", "bare.html"),
    `<!doctype html><html lang="zh-CN"><head><meta charset="UTF-8"><script src="${OFFICE_CDN}"></script><script defer src="bare.js"></script></head><body><div id="container"></div></body></html>`,
  );
  return path.join(dir, "out");
}

const CONTENT_TYPES: Record<string, string> = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript", ".json": "application/json" };

/**
 * Serves both pages alike, as a static web server serves the add-in's folder: each file with its
 * content type and an ETag, to be revalidated at every load (Cache-Control: no-cache). With
 * `revalidate` false nothing may be cached: every load fetches and compiles every file anew.
 */
function serve(dirs: Record<string, string>, revalidate: boolean): Promise<http.Server> {
  const server = http.createServer((req, res) => {
    const [, prefix, ...rest] = new URL(req.url ?? "/", "http://x").pathname.split("/");
    const base = dirs[prefix];
    const file = base ? path.join(base, ...rest) : "";
    if (!base || !file.startsWith(base) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end();
      return;
    }
    const stat = fs.statSync(file);
    const etag = `"${stat.size.toString(16)}-${Math.floor(stat.mtimeMs).toString(16)}"`;
    const headers: Record<string, string> = { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" };
    if (revalidate) Object.assign(headers, { etag, "cache-control": "no-cache" });
    else headers["cache-control"] = "no-store";
    if (revalidate && req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, headers);
    fs.createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

async function firstRenderMs(pages: { pane: string; bare: string }): Promise<Record<"pane" | "bare" | "ratio" | "scriptStart" | "hostReady", number[]>> {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), "ip-bench-chromium-"));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    viewport: { width: 320, height: 760 },
  });
  const times = { pane: [] as number[], bare: [] as number[], ratio: [] as number[], scriptStart: [] as number[], hostReady: [] as number[] };
  try {
    // Round 0 warms up (browser, server, disk cache alike); then each round loads both pages, the
    // one first in even rounds and the other in odd ones, so neither always follows the other.
    for (let run = 0; run <= RUNS; run++) {
      const order = run % 2 ? (["bare", "pane"] as const) : (["pane", "bare"] as const);
      for (const which of order) {
        const page = await context.newPage();
        // Only requests off this machine are intercepted (office.js answered by the stub, anything else
        // refused): the pages' own files come straight from the server, so a page with more files
        // pays no round trip through this process per file, which is no cost of the page itself.
        await page.route(
          (u) => !u.href.startsWith("http://127.0.0.1"),
          (route) =>
            route.request().url() === OFFICE_CDN
              ? route.fulfill({ status: 200, contentType: "text/javascript", body: PREVIEW_OFFICE_JS })
              : route.abort(),
        );
        await page.goto(pages[which]);
        const ms = await page.waitForFunction((mark) => performance.getEntriesByName(mark)[0]?.startTime, MARK, { timeout: 30_000 });
        if (run > 0) times[which].push(Number(await ms.jsonValue()));
        if (run > 0 && which === "pane") {
          const marks = await page.evaluate(() => ({
            scriptStart: performance.getEntriesByName("taskpane:script-start")[0]?.startTime ?? NaN,
            hostReady: performance.getEntriesByName("taskpane:host-ready")[0]?.startTime ?? NaN,
          }));
          times.scriptStart.push(marks.scriptStart);
          times.hostReady.push(marks.hostReady);
        }
        await page.close();
      }
      if (run > 0) times.ratio.push(times.pane[times.pane.length - 1] / times.bare[times.bare.length - 1]);
    }
  } finally {
    await context.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  return times;
}

export async function benchTaskpane(): Promise<Record<string, string | number>> {
  const html = path.join(dist, "taskpane.html");
  if (!fs.existsSync(html)) return { note: "dist/taskpane.html is missing: run npm run build first" };
  const scripts = firstScreenScripts(fs.readFileSync(html, "utf8"));
  const first = sizes(dist, scripts);
  const lazy = fs.readdirSync(dist).filter((f) => f.endsWith(".js") && !scripts.includes(f));
  // Stylesheets the page links (Fluent's styles, built with the add-in): not JavaScript, shown apart.
  const sheets = [...fs.readFileSync(html, "utf8").matchAll(/<link[^>]*\srel=["']?stylesheet["']?[^>]*\shref=["']?([^"' >]+)/g)].map((m) => m[1]);
  const later = sizes(dist, lazy);
  const figures: Record<string, string | number> = {
    "first-screen scripts": scripts.join(" + "),
    "first-screen JS raw (KB)": kb(first.raw),
    "first-screen JS gzip (KB)": kb(first.gz),
    [`floor: first-screen JS gzip < ${FLOOR_GZIP_KB} KB`]: `${kb(first.gz) < FLOOR_GZIP_KB ? "PASS" : "FAIL"} (${kb(first.gz)} KB)`,
    // The catalogue is validated at build time (src/build/checked-catalog.ts): no validator loads.
    "validator (zod) on the first screen": scripts.some((f) => /\bjitless\b/.test(fs.readFileSync(path.join(dist, f), "utf8"))) ? "yes" : "no",
  };
  for (const [f, s] of Object.entries(first.each)) figures[`  ${f}`] = s;
  figures["on-demand chunks (tabs, sheet writer, .xlsx writer) gzip (KB)"] = `${kb(later.gz)} in ${lazy.length} files`;
  if (sheets.length) figures[`first-screen CSS (${sheets.join(" + ")}) gzip (KB)`] = kb(sizes(dist, sheets).gz);

  if (!fs.existsSync(CHROMIUM)) return { ...figures, "first render": `${CHROMIUM} is missing: apt-get install -y chromium` };
  const bare = await buildBarePage();
  // Cold by default (nothing cached: every load compiles every file); BENCH_CACHE=etag measures a repeat
  // open, each file revalidated as a static web server would serve the add-in.
  const revalidate = process.env.BENCH_CACHE === "etag";
  figures["page loads"] = revalidate ? "repeat open (ETag, revalidated)" : "cold (nothing cached; BENCH_CACHE=etag for a repeat open)";
  const server = await serve({ pane: dist, bare }, revalidate);
  try {
    const port = (server.address() as { port: number }).port;
    const times = await firstRenderMs({
      pane: `http://127.0.0.1:${port}/pane/taskpane.html`,
      bare: `http://127.0.0.1:${port}/bare/bare.html`,
    });
    const pane = median(times.pane);
    const bareMs = median(times.bare);
    const bareJs = sizes(bare, ["bare.js"]);
    figures["bare React page JS gzip (KB)"] = kb(bareJs.gz);
    figures[`first render, task pane (ms, median of ${RUNS})`] = Math.round(pane * 10) / 10;
    figures["  task pane script starts (ms)"] = Math.round(median(times.scriptStart) * 10) / 10;
    figures["  host known, rendering starts (ms)"] = Math.round(median(times.hostReady) * 10) / 10;
    figures[`first render, bare React page (ms, median of ${RUNS})`] = Math.round(bareMs * 10) / 10;
    const ratio = Math.round(median(times.ratio) * 100) / 100;
    figures[`first render ratio, task pane / bare React (median of ${RUNS} rounds)`] = ratio;
    figures[`  rounds' ratios, lowest to highest`] = [...times.ratio].sort((a, b) => a - b).map((r) => r.toFixed(2)).join(" ");
    figures[`floor: first render ratio <= ${FLOOR_RATIO}`] = `${ratio <= FLOOR_RATIO ? "PASS" : "FAIL"} (${ratio}×)`;
  } finally {
    server.close();
    fs.rmSync(path.dirname(bare), { recursive: true, force: true });
  }
  return figures;
}

if (require.main === module) {
  benchTaskpane().then(
    (f) => console.log(f),
    (e) => {
      console.error(e);
      process.exit(1);
    },
  );
}
