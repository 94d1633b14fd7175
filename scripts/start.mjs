#!/usr/bin/env node
// npm start: builds and serves the add-in on https://localhost:3000.
// - Windows / macOS with office-addin-debugging installed: sideloads into Excel desktop as Microsoft's
//   templates do (it runs `npm run dev-server` itself).
// - Anywhere else (Linux, CI, no Excel): serves with developer certificates and prints, in Chinese and
//   English, where the task pane is and how to upload manifest.xml to Excel on the web.
import { createRequire } from "node:module";
import { execFileSync, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import url from "node:url";

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(url.fileURLToPath(import.meta.url)), "..");
const PORT = Number(process.env.PORT || 3000);
const HOST_URL = `https://localhost:${PORT}`;

function hasModule(name) {
  try {
    require.resolve(name, { paths: [root] });
    return true;
  } catch {
    return false;
  }
}

const desktopExcelPossible = (process.platform === "win32" || process.platform === "darwin") && !process.env.CI;
if (desktopExcelPossible && hasModule("office-addin-debugging") && !process.argv.includes("--serve-only")) {
  const bin = path.join(root, "node_modules", ".bin", process.platform === "win32" ? "office-addin-debugging.cmd" : "office-addin-debugging");
  const child = spawn(bin, ["start", "manifest.xml", "desktop"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  child.on("exit", (code) => process.exit(code ?? 0));
} else {
  await serve();
}

/** Certificates for https://localhost: office-addin-dev-certs, else the ones it generated, else openssl. */
async function httpsOptions() {
  const devCerts = require("office-addin-dev-certs");
  try {
    return await devCerts.getHttpsServerOptions();
  } catch (e) {
    // On Linux it generates the certificates but cannot install its CA without sudo: use them anyway.
    const dir = path.join(os.homedir(), ".office-addin-dev-certs");
    const key = path.join(dir, "localhost.key");
    const cert = path.join(dir, "localhost.crt");
    if (fs.existsSync(key) && fs.existsSync(cert)) {
      console.warn(`提示：未能安装开发者根证书（${e.message.trim()}），浏览器会提示证书不受信任。\n` +
        `Note: the developer CA could not be installed (${e.message.trim()}); browsers will warn about the certificate.\n` +
        `      Trust ${path.join(dir, "ca.crt")} to silence the warning.`);
      return { key: fs.readFileSync(key), cert: fs.readFileSync(cert), ca: fs.readFileSync(path.join(dir, "ca.crt")) };
    }
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ip-addin-cert-"));
    execFileSync("openssl", ["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "30", "-subj", "/CN=localhost",
      "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", path.join(tmp, "key.pem"), "-out", path.join(tmp, "cert.pem")], { stdio: "ignore" });
    return { key: fs.readFileSync(path.join(tmp, "key.pem")), cert: fs.readFileSync(path.join(tmp, "cert.pem")) };
  }
}

async function serve() {
  const webpack = require("webpack");
  const WebpackDevServer = require("webpack-dev-server");
  const config = await require(path.join(root, "webpack.config.js"))({}, { mode: "development" });
  config.devServer = { ...config.devServer, port: PORT, server: { type: "https", options: await httpsOptions() } };
  const compiler = webpack(config);
  const server = new WebpackDevServer(config.devServer, compiler);
  let announced = false;
  compiler.hooks.done.tap("announce", (stats) => {
    if (announced || stats.hasErrors()) return;
    announced = true;
    console.log(
      [
        "",
        "知识产权规划目标加载项已在运行 / The IP Plan Targets add-in is running:",
        `  任务窗格 Task pane:  ${HOST_URL}/taskpane.html   （在普通浏览器中打开即为预览 / opens as a preview in a plain browser）`,
        `  函数元数据 Metadata: ${HOST_URL}/functions.json`,
        `  清单 Manifest:       ${path.join(root, "manifest.xml")}`,
        "",
        "在 Excel 网页版中加载 / Sideload into Excel on the web:",
        "  打开一个工作簿 → 开始 → 加载项 → 更多设置 → 上传我的加载项 → 选择 manifest.xml",
        "  Open a workbook → Home → Add-ins → More Settings → Upload My Add-in → choose manifest.xml",
        "在 Windows / Mac 版 Excel 中：在装有 Excel 的电脑上运行 npm start 会自动旁加载。",
        "On Windows / Mac with Excel installed, npm start sideloads the add-in by itself.",
        "",
        "按 Ctrl+C 停止 / Press Ctrl+C to stop.",
      ].join("\n"),
    );
  });
  await server.start();
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}
