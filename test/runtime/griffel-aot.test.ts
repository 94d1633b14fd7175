/** @jest-environment jsdom */
/**
 * Issue 12 §3: the add-in's own makeStyles() calls are computed at build time
 * (scripts/griffel-aot.cjs) and give the same classes and rules as Griffel's runtime would.
 * A call the loader cannot read as plain data is left for the runtime.
 */
import { __styles, createDOMRenderer, makeStyles, shorthands } from "@griffel/core";
import { tokens, typographyStyles } from "@fluentui/react-theme";
import ts from "typescript";

const { precompile } = require("../../scripts/griffel-aot.cjs") as { precompile: (source: string, file: string) => string };

const SOURCE = `import { makeStyles, shorthands, tokens, typographyStyles } from "@fluentui/react-components";
const WIDE = "640px";
const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingVerticalS, maxWidth: WIDE, padding: \`\${tokens.spacingVerticalM} \${tokens.spacingHorizontalM}\` },
  title: { ...typographyStyles.subtitle1, margin: 0, ":hover": { color: tokens.colorBrandForeground1 } },
  box: { ...shorthands.border("1px", "solid", tokens.colorNeutralStroke1), marginLeft: \`calc(-1 * \${tokens.spacingHorizontalM})\` },
});
export const useOther = makeStyles({ root: { width: widthOf() } });
`;

/** The styles SOURCE gives to makeStyles, built here as the module builds them at run time. */
const RUNTIME_STYLES: Parameters<typeof makeStyles>[0] = {
  root: { display: "flex", gap: tokens.spacingVerticalS, maxWidth: "640px", padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}` },
  title: { ...typographyStyles.subtitle1, margin: 0, ":hover": { color: tokens.colorBrandForeground1 } },
  box: { ...shorthands.border("1px", "solid", tokens.colorNeutralStroke1), marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})` },
};

/** The first argument list of the first `__ipGriffelStyles(` call in the output, as values. */
function precompiledArgs(out: string): [Record<string, Record<string, unknown>>, Record<string, unknown>] {
  const sf = ts.createSourceFile("x.tsx", out, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  let args: string[] | undefined;
  const visit = (n: ts.Node) => {
    if (!args && ts.isCallExpression(n) && n.expression.getText(sf) === "__ipGriffelStyles") args = n.arguments.map((a) => a.getText(sf));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return [JSON.parse(args![0]), JSON.parse(args![1])];
}

describe("makeStyles at build time", () => {
  it("replaces a call made of plain data, and leaves one that calls our own code", () => {
    const out = precompile(SOURCE, "src/taskpane/X.tsx");
    expect(out.startsWith('import { __styles as __ipGriffelStyles } from "@griffel/react"; import {')).toBe(true);
    // Every line keeps its number (source maps in the development build).
    expect(out.split("\n").length).toBe(SOURCE.split("\n").length);
    expect(out.split("\n").findIndex((l) => l.includes("useOther"))).toBe(SOURCE.split("\n").findIndex((l) => l.includes("useOther")));
    expect(out).toContain("const useStyles = __ipGriffelStyles(");
    expect(out).toContain("export const useOther = makeStyles({ root: { width: widthOf() } });");
  });

  it("gives the classes and rules Griffel's runtime gives for the same styles", () => {
    const [classes, cssRules] = precompiledArgs(precompile(SOURCE, "src/taskpane/X.tsx"));
    const renderAot = __styles(classes as never, cssRules as never);
    const renderRuntime = makeStyles(RUNTIME_STYLES);
    const aot = renderAot({ dir: "ltr", renderer: createDOMRenderer(document) });
    const runtime = renderRuntime({ dir: "ltr", renderer: createDOMRenderer(document) });
    expect(aot).toEqual(runtime);
    expect(Object.keys(aot)).toEqual(["root", "title", "box"]);
    const rtl = (f: typeof renderAot) => f({ dir: "rtl", renderer: createDOMRenderer(document) });
    expect(rtl(renderAot)).toEqual(rtl(renderRuntime));
    expect(JSON.stringify(cssRules)).toContain("gap:var(--spacingVerticalS)");
  });

  it("a file without makeStyles is left as it is", () => {
    const source = 'export const x = "makeStyles";\n';
    expect(precompile(source, "a.ts")).toBe(source);
  });
});
