/**
 * Fluent UI's styles as a stylesheet built with the add-in, instead of CSS rules inserted one by one
 * at run time (issue 12 §3: first render). Fluent's packages ship their styles precompiled as
 * `__styles(classes, cssRules)` calls; the loader rewrites each to `__css(classes)` (Griffel's own
 * build-time transform, from @griffel/webpack-extraction-plugin) and keeps the rules, and the plugin
 * writes the rules of every module that is in the build, sorted as Griffel's runtime would order
 * them, to taskpane.css, which taskpane.html links before its scripts. The add-in's own makeStyles
 * calls are left to Griffel's runtime, which still works beside the stylesheet.
 */
const path = require("path");
const { transformSync } = require("@griffel/webpack-extraction-plugin/src/transformSync");
const { sortCSSRules } = require("@griffel/webpack-extraction-plugin/src/sortCSSRules");
const { defaultCompareMediaQueries } = require("@griffel/core");

const NAME = "GriffelCssPlugin";
/** Extracted rules by module file, shared by the loader and the plugin (one Node process builds both). */
const rulesByFile = new Map();

/** The webpack loader: strips the CSS out of a module's __styles / __resetStyles / __staticStyles calls. */
function griffelCssLoader(source, inputMap) {
  if (!/__(styles|resetStyles|staticStyles)\b/.test(source)) {
    rulesByFile.delete(this.resourcePath);
    return this.callback(null, source, inputMap);
  }
  const result = transformSync(source, {
    filename: path.relative(process.cwd(), this.resourcePath),
    enableSourceMaps: Boolean(this.sourceMap),
    inputSourceMap: inputMap && typeof inputMap === "object" ? inputMap : undefined,
  });
  if (result.cssRulesByBucket) rulesByFile.set(this.resourcePath, result.cssRulesByBucket);
  else rulesByFile.delete(this.resourcePath);
  this.callback(null, result.code, result.sourceMap);
}

/** Emits `fileName` with the rules of the modules in this build's chunks and links it from the page. */
class GriffelCssPlugin {
  constructor({ fileName, HtmlWebpackPlugin }) {
    this.fileName = fileName;
    this.HtmlWebpackPlugin = HtmlWebpackPlugin;
  }

  apply(compiler) {
    const { Compilation, sources } = compiler.webpack;
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL }, () => {
        // Only modules that made it into a chunk: the barrel package imports every component.
        const files = new Set();
        for (const chunk of compilation.chunks) {
          for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
            for (const inner of module.modules ?? [module]) if (inner.resource) files.add(inner.resource);
          }
        }
        const sets = [...files].sort().flatMap((f) => (rulesByFile.has(f) ? [rulesByFile.get(f)] : []));
        compilation.emitAsset(this.fileName, new sources.RawSource(sortCSSRules(sets, defaultCompareMediaQueries)));
      });
      this.HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        data.headTags.unshift(this.HtmlWebpackPlugin.createHtmlTagObject("link", { rel: "stylesheet", href: this.fileName }));
        return data;
      });
    });
  }
}

module.exports = griffelCssLoader;
module.exports.GriffelCssPlugin = GriffelCssPlugin;
module.exports.loaderPath = __filename;
