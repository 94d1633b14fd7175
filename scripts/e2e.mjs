#!/usr/bin/env node
// npm run test:e2e: the checks that need Debian packages or a running server.
//   1. npm start serves the add-in over https on a machine without Excel;
//   2. LibreOffice recalculates a portable workbook and agrees with the method (scripts/e2e-libreoffice.*);
//      the roll-up collects the same actuals from copies LibreOffice saved (scripts/e2e-rollup.mjs);
//   3. headless Chromium drives the production build, as a preview and with an Excel stand-in (scripts/e2e-browser.mjs).
// Each part prints "N passed, M failed"; the last line sums them: "e2e: N passed, M failed".
// Needs: apt-get install -y chromium fonts-noto-cjk libreoffice-calc-nogui
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import https from "node:https";
import path from "node:path";
import url from "node:url";

const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
let passed = 0;
let failed = 0;

function tally(output) {
  const m = [...output.matchAll(/^(?:\w+: )?(\d+) passed, (\d+) failed/gm)].pop();
  if (!m) return false;
  passed += Number(m[1]);
  failed += Number(m[2]);
  return true;
}

function runPart(title, cmd, args) {
  console.log(`\n--- ${title}`);
  const r = spawnSync(cmd, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], env: { ...process.env } });
  process.stdout.write(r.stdout ?? "");
  process.stderr.write(r.stderr ?? "");
  const counted = tally(r.stdout ?? "");
  if (!counted || r.status !== 0) {
    // A part that crashed or exited non-zero is a failure even if its own count missed it.
    failed++;
    console.log(`${title}: exited ${r.status}${counted ? "" : " without a pass/fail count"}`);
  }
}

function get(u) {
  return new Promise((resolve, reject) => {
    https
      .get(u, { rejectUnauthorized: false, timeout: 90_000 }, (res) => {
        let body = "";
        res.setEncoding("utf8");
        res.on("data", (c) => (body += c));
        res.on("end", () => resolve({ status: res.statusCode, body }));
      })
      .on("error", reject)
      .on("timeout", function () {
        this.destroy(new Error("timeout"));
      });
  });
}

async function startSmoke() {
  console.log("\n--- npm start on a machine without Excel");
  const port = 3000 + Math.floor(Math.random() * 500) + 200;
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: root,
    env: { ...process.env, PORT: String(port) },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let out = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (out += d));
  const checks = [];
  const check = (name, ok) => {
    checks.push(ok);
    console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
  };
  try {
    const deadline = Date.now() + 120_000;
    while (!out.includes("Upload My Add-in") && Date.now() < deadline && child.exitCode == null) await new Promise((r) => setTimeout(r, 500));
    check("prints the task-pane URL and how to upload the manifest, in Chinese and English", /taskpane\.html/.test(out) && /上传我的加载项/.test(out) && /Upload My Add-in/.test(out));
    const page = await get(`https://localhost:${port}/taskpane.html`).catch((e) => ({ status: 0, body: String(e) }));
    check("serves taskpane.html over https", page.status === 200 && page.body.includes("taskpane.js"));
    check("development page loads the local office.js copy", page.body.includes("office-js/office.js"));
    const office = await get(`https://localhost:${port}/office-js/office.js`).catch(() => ({ status: 0 }));
    check("serves office.js from @microsoft/office-js", office.status === 200);
    const meta = await get(`https://localhost:${port}/functions.json`).catch(() => ({ status: 0, body: "" }));
    check("serves functions.json with IP functions", meta.status === 200 && meta.body.includes('"TARGET"'));
    const zh = await get(`https://localhost:${port}/functions.zh-CN.json`).catch(() => ({ status: 0, body: "" }));
    check("serves functions.zh-CN.json", zh.status === 200 && zh.body.includes("指标编号"));
  } finally {
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      child.kill("SIGTERM");
    }
  }
  const ok = checks.filter(Boolean).length;
  console.log(`${ok} passed, ${checks.length - ok} failed`);
  if (checks.length !== ok) console.log(out.split("\n").slice(-30).join("\n"));
  passed += ok;
  failed += checks.length - ok;
}

await startSmoke();

const lo = ["e2e-libreoffice.mjs", "e2e-libreoffice.ts"].find((f) => fs.existsSync(path.join(root, "scripts", f)));
if (lo) runPart("LibreOffice recalculation vs the method", lo.endsWith(".ts") ? path.join(root, "node_modules/.bin/tsx") : process.execPath, [path.join("scripts", lo)]);
else {
  console.log("\n--- LibreOffice check: scripts/e2e-libreoffice.* is missing");
  failed++;
}

runPart("the report: LibreOffice Writer renders it, pages checked", process.execPath, ["scripts/e2e-report.mjs"]);

runPart("the roll-up reads workbooks LibreOffice saved", process.execPath, ["scripts/e2e-rollup.mjs"]);

if (!fs.existsSync(path.join(root, "dist", "taskpane.html"))) {
  console.log("\n--- building the production bundle for the browser tests");
  // A production build needs ADDIN_BASE_URL; these checks serve dist/ locally.
  const env = { ...process.env, ADDIN_BASE_URL: process.env.ADDIN_BASE_URL || "https://localhost:3000/" };
  spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", env });
}
if (fs.existsSync(path.join(root, "scripts", "e2e-browser.mjs"))) runPart("task pane in headless Chromium", process.execPath, ["scripts/e2e-browser.mjs"]);
else {
  console.log("\n--- browser check: scripts/e2e-browser.mjs is missing");
  failed++;
}

console.log(`\ne2e: ${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
