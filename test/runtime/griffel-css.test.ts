/**
 * Issue 12 §3: Fluent's styles ship as taskpane.css, built with the add-in (scripts/griffel-css.cjs),
 * instead of being inserted rule by rule when the pane first renders. The loader takes the CSS out
 * of a real Fluent module; the plugin writes the rules of the modules in the build, in Griffel's order.
 */
import fs from "node:fs";
import path from "node:path";

const griffel = require("../../scripts/griffel-css.cjs") as {
  (this: unknown, source: string, map?: unknown): void;
  GriffelCssPlugin: new (o: { fileName: string; HtmlWebpackPlugin: unknown }) => { apply(compiler: unknown): void };
};

const BUTTON_STYLES = path.join(__dirname, "..", "..", "node_modules", "@fluentui", "react-button", "lib", "components", "Button", "useButtonStyles.styles.js");

function runLoader(file: string): string {
  let out: string | undefined;
  griffel.call(
    {
      resourcePath: file,
      sourceMap: false,
      callback: (err: Error | null, code: string) => {
        if (err) throw err;
        out = code;
      },
    },
    fs.readFileSync(file, "utf8"),
  );
  return out!;
}

describe("Fluent's styles as a stylesheet", () => {
  it("the loader leaves class names in the module and takes its CSS out", () => {
    const source = fs.readFileSync(BUTTON_STYLES, "utf8");
    expect(source).toMatch(/__styles\(/);
    expect(source).toMatch(/\{[a-z-]+:[^}]+\}/); // CSS rules as strings in the shipped module
    const code = runLoader(BUTTON_STYLES);
    expect(code).not.toMatch(/__styles\(|__resetStyles\(/);
    expect(code).toMatch(/_css\(\{/);
    expect(code).toMatch(/_resetCSS\("r\w+"/);
    expect(code).not.toMatch(/"\.[\w-]+\{[a-z-]+:/); // no rule text left in the JavaScript
    expect(code).toContain("fui-Button");
  });

  it("a module without Griffel calls is passed through unchanged", () => {
    const file = path.join(__dirname, "support.ts");
    expect(runLoader(file)).toBe(fs.readFileSync(file, "utf8"));
  });

  it("the plugin emits the rules of the built modules, sorted into Griffel's buckets, and links the file first", () => {
    const reset = /_resetCSS\("(r\w+)"/.exec(runLoader(BUTTON_STYLES))![1];
    const assets = new Map<string, string>();
    let process: (() => void) | undefined;
    let alter: ((d: { headTags: unknown[] }) => unknown) | undefined;
    const compilation = {
      chunks: [{}],
      chunkGraph: { getChunkModulesIterable: () => [{ modules: [{ resource: BUTTON_STYLES }, { resource: "/elsewhere.js" }] }] },
      hooks: { processAssets: { tap: (_: unknown, fn: () => void) => (process = fn) } },
      emitAsset: (name: string, source: { source(): string }) => assets.set(name, source.source()),
    };
    const compiler = {
      webpack: { Compilation: { PROCESS_ASSETS_STAGE_ADDITIONAL: -2000 }, sources: { RawSource: class { constructor(private s: string) {} source() { return this.s; } } } },
      hooks: { thisCompilation: { tap: (_: string, fn: (c: unknown) => void) => fn(compilation) } },
    };
    const HtmlWebpackPlugin = {
      getHooks: () => ({ alterAssetTagGroups: { tap: (_: string, fn: typeof alter) => (alter = fn) } }),
      createHtmlTagObject: (tagName: string, attributes: object) => ({ tagName, attributes }),
    };
    new griffel.GriffelCssPlugin({ fileName: "taskpane.css", HtmlWebpackPlugin }).apply(compiler);
    process!();
    const css = assets.get("taskpane.css")!;
    expect(css).toMatch(/^\.[\w-]+\{/);
    expect(css).toContain(`.${reset}{`); // Button's base (reset) rules, under the class the module keeps
    expect(css).toMatch(/:hover\{/);
    // Griffel's bucket order: plain rules before :hover ones (a later bucket wins at equal specificity).
    expect(css.indexOf(":hover{")).toBeGreaterThan(css.search(/\.[\w-]+\{[a-z-]+:/));
    const head = { headTags: [{ tagName: "script" }] };
    alter!(head);
    expect(head.headTags[0]).toEqual({ tagName: "link", attributes: { rel: "stylesheet", href: "taskpane.css" } });
  });
});
