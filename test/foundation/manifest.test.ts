import fs from "node:fs";
import path from "node:path";
import { checkManifest } from "../../src/build/manifest-check";
import { normalizeBaseUrl, rewriteManifestUrls } from "../../src/build/manifest-urls";

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
});
