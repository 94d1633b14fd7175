/**
 * The production build, as IT would run it for a bureau: ADDIN_BASE_URL set, everything emitted,
 * no localhost left, and the functions bundle working in a context where eval is impossible.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import vm from "node:vm";
import webpack from "webpack";
import { checkManifest } from "../../src/build/manifest-check";

const root = path.resolve(__dirname, "..", "..");
const out = fs.mkdtempSync(path.join(os.tmpdir(), "ip-addin-build-"));
const BASE = "https://intranet.example/ip-addin/";

beforeAll(async () => {
  process.env.ADDIN_BASE_URL = BASE;
  const config = await require(path.join(root, "webpack.config.js"))({}, { mode: "production" });
  config.mode = "production";
  config.output.path = out;
  config.context = root;
  await new Promise<void>((resolve, reject) =>
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors()) return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    }),
  );
}, 240_000);

afterAll(() => {
  delete process.env.ADDIN_BASE_URL;
  fs.rmSync(out, { recursive: true, force: true });
});

const read = (f: string) => fs.readFileSync(path.join(out, f), "utf8");

describe("production build", () => {
  it("emits the task pane page, the functions script, both metadata files, the manifest, icons and help", () => {
    for (const f of ["taskpane.html", "taskpane.js", "functions.js", "functions.json", "functions.zh-CN.json", "manifest.xml", "help.html"]) {
      expect(fs.existsSync(path.join(out, f))).toBe(true);
    }
    for (const size of [16, 32, 64, 80, 128]) expect(fs.existsSync(path.join(out, "assets", `icon-${size}.png`))).toBe(true);
  });

  it("writes a manifest for the given base URL with no localhost left", () => {
    const xml = read("manifest.xml");
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain(`${BASE}taskpane.html`);
    expect(xml).toContain(`${BASE}functions.zh-CN.json`);
    expect(checkManifest(xml, { production: true })).toEqual([]);
  });

  it("emits the function metadata under the names the manifest gives: Chinese by default, English for en-US", () => {
    const xml = read("manifest.xml");
    const m = /<bt:Url id="Functions.Metadata.Url" DefaultValue="([^"]+)">\s*<bt:Override Locale="en-US" Value="([^"]+)"\/>/.exec(xml);
    expect(m).not.toBeNull();
    const file = (url: string) => url.slice(BASE.length);
    const zh = JSON.parse(read(file(m![1]))) as { functions: Array<{ description: string }> };
    const en = JSON.parse(read(file(m![2]))) as { functions: Array<{ description: string }> };
    expect(zh.functions.every((f) => /[\u4e00-\u9fff]/.test(f.description))).toBe(true);
    expect(en.functions.some((f) => /[\u4e00-\u9fff]/.test(f.description))).toBe(false);
  });

  it("loads office.js from Microsoft's CDN before the bundles, and both bundles on one page", () => {
    const html = read("taskpane.html");
    const office = html.indexOf("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(office).toBeGreaterThan(-1);
    expect(html.indexOf("functions.js")).toBeGreaterThan(office);
    expect(html.indexOf("taskpane.js")).toBeGreaterThan(html.indexOf("functions.js"));
    expect(html).not.toContain("office-js/office.js");
  });

  it("runs the functions bundle where eval and new Function are forbidden", () => {
    const associated = new Map<string, (...a: unknown[]) => unknown>();
    class CFError extends Error {
      constructor(
        public code: string,
        message?: string,
      ) {
        super(message);
      }
    }
    const sandbox: Record<string, unknown> = {
      CustomFunctions: {
        associate: (id: string, fn: (...a: unknown[]) => unknown) => associated.set(id, fn),
        Error: CFError,
        ErrorCode: { notAvailable: "#N/A", invalidValue: "#VALUE!" },
      },
      console,
    };
    sandbox.self = sandbox;
    sandbox.window = sandbox;
    const context = vm.createContext(sandbox, { codeGeneration: { strings: false, wasm: false } });
    vm.runInContext(read("functions.js"), context);
    const meta = JSON.parse(read("functions.json")) as { functions: Array<{ id: string }> };
    expect([...associated.keys()].sort()).toEqual(meta.functions.map((f) => f.id).sort());
    expect(associated.get("TARGET")!("JZ-05", null)).toBe(67000);
    expect(associated.get("STATUS")!("JZ-05", [[60000]], 2024, null)).toBe("滞后");
    let error: CFError | undefined;
    try {
      associated.get("STATUS")!("JZ-99", [[1]], null, null);
    } catch (e) {
      error = e as CFError;
    }
    expect(error).toBeInstanceOf(CFError);
    expect(error?.code).toBe("#N/A");
    expect(error?.message).toMatch(/JZ-99/);
  });
});
