import fs from "node:fs";
import path from "node:path";
import { checkManifest } from "../../src/build/manifest-check";
import { NO_BASE_URL_MESSAGE, normalizeBaseUrl, productionBaseUrl, rewriteManifestUrls } from "../../src/build/manifest-urls";

const root = path.resolve(__dirname, "..", "..");
const xml = fs.readFileSync(path.join(root, "manifest.xml"), "utf8");
const iconExists = (f: string) => fs.existsSync(path.join(root, f));

describe("manifest.xml", () => {
  it("passes every offline check", () => {
    expect(checkManifest(xml, { iconExists })).toEqual([]);
  });

  it("declares the IP namespace, a shared runtime and Chinese-first texts", () => {
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="IP"\/>/);
    expect(xml).toMatch(/<DefaultLocale>zh-CN<\/DefaultLocale>/);
    expect(xml).toMatch(/functions\.zh-CN\.json/);
  });

  it("gives the Chinese function metadata by default and the English one to en-US, never overriding zh-CN", () => {
    expect(xml).toMatch(/<bt:Url id="Functions.Metadata.Url" DefaultValue="https:\/\/localhost:3000\/functions\.zh-CN\.json">\s*<bt:Override Locale="en-US" Value="https:\/\/localhost:3000\/functions\.json"\/>/);
    expect(xml).not.toMatch(/Override Locale="zh-CN"/);
    expect(xml).not.toMatch(/<TaskpaneId>/);
  });

  it("carries the package version, so a release that changes functions also changes <Version>", () => {
    // Excel caches functions.json for a day per manifest version: one version number, bumped together.
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };
    expect(xml).toContain(`<Version>${pkg.version}.0</Version>`);
  });

  it("has icons of 16, 32, 64, 80 and 128 px in assets/", () => {
    for (const size of [16, 32, 64, 80, 128]) {
      const png = fs.readFileSync(path.join(root, "assets", `icon-${size}.png`));
      expect(png.subarray(1, 4).toString()).toBe("PNG");
      expect(png.readUInt32BE(16)).toBe(size); // IHDR width
      expect(png.readUInt32BE(20)).toBe(size); // IHDR height
    }
  });

  // Each mutation must be caught: the checker is only worth something if it can fail.
  const mutations: Array<[string, (s: string) => string, RegExp]> = [
    ["not well-formed", (s) => s.replace("</OfficeApp>", ""), /well-formed/],
    ["unresolved resid", (s) => s.replace('resid="Group.Label"', 'resid="Group.Missing"'), /does not resolve/],
    ["runtime ids disagree", (s) => s.replace('<FunctionFile resid="Taskpane.Url"/>', '<FunctionFile resid="Functions.Script.Url"/>'), /FunctionFile/],
    ["http URL", (s) => s.replace("https://localhost:3000/functions.js", "http://localhost:3000/functions.js"), /not https/],
    ["namespace too long", (s) => s.replace('DefaultValue="IP"/>', `DefaultValue="${"X".repeat(33)}"/>`), /namespace/],
    ["fake GUID", (s) => s.replace(/<Id>[^<]+<\/Id>/, "<Id>00000000-0000-0000-0000-000000000000</Id>"), /GUID/],
    ["short lifetime", (s) => s.replace('lifetime="long"', 'lifetime="short"'), /lifetime/],
    ["no English name", (s) => s.replace('<Override Locale="en-US" Value="IP Plan Targets"/>', ""), /en-US/],
    ["missing icon file", (s) => s.replace("icon-80.png", "icon-81.png"), /has no file/],
    ["override of the default locale", (s) => s.replace('<Override Locale="en-US" Value="IP Plan Targets"/>', '<Override Locale="zh-CN" Value="知识产权"/><Override Locale="en-US" Value="IP Plan Targets"/>'), /repeats the default locale/],
    [
      "English functions metadata as the default",
      (s) => s.replace('DefaultValue="https://localhost:3000/functions.zh-CN.json"', 'DefaultValue="https://localhost:3000/functions.json"'),
      /not the Chinese/,
    ],
    ["no English functions metadata", (s) => s.replace('<bt:Override Locale="en-US" Value="https://localhost:3000/functions.json"/>', ""), /en-US override pointing at functions\.json/],
    [
      "TaskpaneId under the shared runtime",
      (s) => s.replace('<Action xsi:type="ShowTaskpane">', '<Action xsi:type="ShowTaskpane"><TaskpaneId>IPTargets.Taskpane</TaskpaneId>'),
      /TaskpaneId/,
    ],
  ];
  it.each(mutations)("catches: %s", (_name, mutate, expected) => {
    const problems = checkManifest(mutate(xml), { iconExists });
    expect(problems.join("\n")).toMatch(expected);
  });

  it("rewrites every localhost URL for production, origin included", () => {
    const prod = rewriteManifestUrls(xml, "https://intranet.example/ip-addin");
    expect(prod).not.toMatch(/localhost/);
    expect(prod).toMatch(/https:\/\/intranet\.example\/ip-addin\/taskpane\.html/);
    expect(prod).toMatch(/<AppDomain>https:\/\/intranet\.example<\/AppDomain>/);
    expect(checkManifest(prod, { production: true, iconExists })).toEqual([]);
    expect(checkManifest(xml, { production: true }).join("\n")).toMatch(/localhost/);
  });

  it("refuses a base URL that is not https", () => {
    expect(() => normalizeBaseUrl("http://intranet.example/")).toThrow(/https/);
    expect(normalizeBaseUrl("https://a.example/x")).toBe("https://a.example/x/");
  });

  it("a production build without ADDIN_BASE_URL has no manifest address; the template placeholder is refused", () => {
    expect(productionBaseUrl(undefined)).toBeNull();
    expect(productionBaseUrl("  ")).toBeNull();
    expect(() => productionBaseUrl("https://www.contoso.com/ip-addin/")).toThrow(/placeholder/);
    expect(productionBaseUrl("https://intranet.example/ip-addin")).toBe("https://intranet.example/ip-addin/");
  });

  it("webpack builds without ADDIN_BASE_URL but emits no manifest, and says why in both languages", async () => {
    const saved = process.env.ADDIN_BASE_URL;
    delete process.env.ADDIN_BASE_URL;
    type Config = { plugins: Array<{ constructor: { name: string }; patterns?: Array<{ to: string }> }> };
    const manifestCopied = (c: Config) =>
      c.plugins.some((p) => (p.patterns ?? []).some((x) => x.to === "manifest.xml"));
    try {
      const config = require(path.join(root, "webpack.config.js")) as (env: unknown, argv: { mode: string }) => Promise<Config>;
      const prod = await config({}, { mode: "production" });
      expect(manifestCopied(prod)).toBe(false);
      expect(prod.plugins.map((p) => p.constructor.name)).toContain("NoManifestWarningPlugin");
      expect(NO_BASE_URL_MESSAGE).toMatch(/未设置 ADDIN_BASE_URL.*ADDIN_BASE_URL is not set/s);
      process.env.ADDIN_BASE_URL = "https://intranet.example/ip-addin/";
      expect(manifestCopied(await config({}, { mode: "production" }))).toBe(true);
      process.env.ADDIN_BASE_URL = "https://www.contoso.com/ip-addin/";
      await expect(config({}, { mode: "production" })).rejects.toThrow(/placeholder/);
      delete process.env.ADDIN_BASE_URL;
      expect(manifestCopied(await config({}, { mode: "development" }))).toBe(true);
    } finally {
      if (saved !== undefined) process.env.ADDIN_BASE_URL = saved;
    }
  });
});
