/**
 * The add-in's own makeStyles() calls, computed when the add-in is built (issue 12 §3: first render).
 * A webpack loader on src/taskpane's .ts/.tsx files: each `makeStyles({...})` whose styles are plain
 * data (literals, template strings, Fluent's `tokens.*` and `typographyStyles.*`, `shorthands.*(...)`,
 * top-level constants of the file) becomes `__styles(classes, cssRules)`, the same output Griffel's
 * own build transform gives, so no style is compiled in the browser; scripts/griffel-css.cjs then
 * moves the rules to taskpane.css. A call with anything else in it (a function of ours, a variable)
 * is left as it is and runs in Griffel's runtime as before. The styles are read from the syntax tree,
 * never run as code.
 */
const ts = require("typescript");
const { resolveStyleRulesForSlots, shorthands } = require("@griffel/core");
const { tokens, typographyStyles } = require("@fluentui/react-theme");

const KNOWN = { tokens, typographyStyles };
const IMPORT_AS = "__ipGriffelStyles";

class Unsupported extends Error {}

/** The value of an expression made of plain data; throws Unsupported for anything else. */
function evaluate(node, constants) {
  if (ts.isParenthesizedExpression(node) || ts.isAsExpression(node) || ts.isSatisfiesExpression?.(node)) return evaluate(node.expression, constants);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isNumericLiteral(node)) return Number(node.text);
  if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.MinusToken) return -evaluate(node.operand, constants);
  if (ts.isTemplateExpression(node)) {
    let out = node.head.text;
    for (const span of node.templateSpans) out += String(evaluate(span.expression, constants)) + span.literal.text;
    return out;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return evaluate(node.left, constants) + evaluate(node.right, constants);
  }
  if (ts.isPropertyAccessExpression(node)) {
    const base = ts.isIdentifier(node.expression) && Object.hasOwn(KNOWN, node.expression.text) ? KNOWN[node.expression.text] : evaluate(node.expression, constants);
    if (base == null || typeof base !== "object" || !Object.hasOwn(base, node.name.text)) throw new Unsupported(node.getText());
    return base[node.name.text];
  }
  if (ts.isIdentifier(node)) {
    if (constants.has(node.text)) return evaluate(constants.get(node.text), constants);
    throw new Unsupported(node.text);
  }
  if (ts.isCallExpression(node)) {
    const callee = node.expression;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === "shorthands" && Object.hasOwn(shorthands, callee.name.text)) {
      return shorthands[callee.name.text](...node.arguments.map((a) => evaluate(a, constants)));
    }
    throw new Unsupported(node.getText());
  }
  if (ts.isArrayLiteralExpression(node)) return node.elements.map((e) => evaluate(e, constants));
  if (ts.isObjectLiteralExpression(node)) {
    const out = {};
    for (const p of node.properties) {
      if (ts.isPropertyAssignment(p)) {
        const key = ts.isComputedPropertyName(p.name) ? evaluate(p.name.expression, constants) : ts.isIdentifier(p.name) ? p.name.text : p.name.text;
        out[key] = evaluate(p.initializer, constants);
      } else if (ts.isSpreadAssignment(p)) Object.assign(out, evaluate(p.expression, constants));
      else throw new Unsupported(p.getText());
    }
    return out;
  }
  throw new Unsupported(node.getText());
}

/** Top-level `const NAME = <expression>` of the file: what a style may name. */
function topLevelConstants(sf) {
  const constants = new Map();
  for (const st of sf.statements) {
    if (!ts.isVariableStatement(st) || !(st.declarationList.flags & ts.NodeFlags.Const)) continue;
    for (const d of st.declarationList.declarations) if (ts.isIdentifier(d.name) && d.initializer) constants.set(d.name.text, d.initializer);
  }
  return constants;
}

/** The source with every computable makeStyles() call replaced; the same source when there is none. */
function precompile(source, fileName) {
  if (!source.includes("makeStyles(")) return source;
  const sf = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, fileName.endsWith(".tsx") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const constants = topLevelConstants(sf);
  const edits = [];
  const visit = (node) => {
    if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === "makeStyles" && node.arguments.length === 1) {
      try {
        const styles = evaluate(node.arguments[0], constants);
        const [classes, cssRules] = resolveStyleRulesForSlots(styles);
        // As many lines as the call had, so that the lines after it keep their numbers (source maps).
        const lines = "\n".repeat((node.getText(sf).match(/\n/g) ?? []).length);
        edits.push({ start: node.getStart(sf), end: node.getEnd(), text: `${IMPORT_AS}(${JSON.stringify(classes)}, ${JSON.stringify(cssRules)}${lines})` });
        return;
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(sf);
  if (!edits.length) return source;
  let out = source;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  // On the first line, before what is there: no line moves.
  return `import { __styles as ${IMPORT_AS} } from "@griffel/react"; ${out}`;
}

function griffelAotLoader(source) {
  return precompile(source, this.resourcePath);
}

module.exports = griffelAotLoader;
module.exports.precompile = precompile;
module.exports.loaderPath = __filename;
