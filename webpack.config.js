/**
 * Builds the add-in into dist/: one page (taskpane.html) hosting both the task pane and the custom
 * functions (shared runtime), functions.json from the JSDoc, its Chinese twin, the icons, the help
 * page and the manifest. A production build rewrites https://localhost:3000/ to ADDIN_BASE_URL.
 */
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
require("tsx/cjs/api").register();
const { localizeFunctionsJson } = require("./src/functions/localize.ts");
const { GriffelCssPlugin, loaderPath: GRIFFEL_CSS_LOADER } = require("./scripts/griffel-css.cjs");
const { loaderPath: GRIFFEL_AOT_LOADER } = require("./scripts/griffel-aot.cjs");
const { DEV_BASE_URL, NO_BASE_URL_MESSAGE, productionBaseUrl, rewriteManifestUrls } = require("./src/build/manifest-urls.ts");

const PLAN_LIST = path.resolve(__dirname, "src/core/catalog/plan-list.ts");
const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

// Only what Excel needs of the office.js package (it holds every host and language: 86 MB).
const OFFICE_JS_IGNORE = ["**/*.debug.js", "**/{access,onenote,outlook,powerpoint,project,visio,word}*"];

/** Puts office.js first in the page's head: it must load before the bundles that use it. */
class OfficeJsTagPlugin {
  constructor(src) {
    this.src = src;
  }
  apply(compiler) {
    compiler.hooks.compilation.tap("OfficeJsTagPlugin", (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap("OfficeJsTagPlugin", (data) => {
        data.headTags.unshift(HtmlWebpackPlugin.createHtmlTagObject("script", { src: this.src }));
        return data;
      });
    });
  }
}

/** Emits functions.zh-CN.json and makes functions.json English-only, from the generated metadata. */
class LocalizeFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("LocalizeFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "LocalizeFunctionsPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return; // the metadata plugin reported its errors already
          const { zh, en } = localizeFunctionsJson(JSON.parse(asset.source.source().toString()));
          compilation.updateAsset("functions.json", new webpack.sources.RawSource(JSON.stringify(en, null, 2)));
          compilation.emitAsset("functions.zh-CN.json", new webpack.sources.RawSource(JSON.stringify(zh, null, 2)));
        },
      );
    });
  }
}

/**
 * Fluent's light theme as CSS variables on :root, ahead of the component rules in taskpane.css: the
 * pane's FluentProvider gets no theme object (src/taskpane/App.tsx), so the page neither bundles the
 * theme (some 50 KB of tokens) nor builds and inserts its ~700 variables at the first render.
 * Portals (menus, tooltips) inherit :root's variables like everything else.
 * With it, the pane's page-wide rules, written here rather than computed by a style engine at run time.
 */
const PAGE_RULES = [
  // Badges (statuses, levels, drafts) say one or two words: they never wrap to a second line or
  // shrink below their words, at any pane width and in any language.
  ".fui-Badge{white-space:nowrap;flex-shrink:0}",
].join("\n");

class ThemeCssPlugin {
  constructor(fileName) {
    this.fileName = fileName;
  }
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("ThemeCssPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "ThemeCssPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset(this.fileName);
          if (!asset) return;
          const { createCSSRuleFromTheme } = require("@fluentui/react-provider");
          const { webLightTheme } = require("@fluentui/tokens");
          const theme = createCSSRuleFromTheme(":root", webLightTheme);
          compilation.updateAsset(this.fileName, new webpack.sources.RawSource(`${theme}\n${asset.source.source().toString()}\n${PAGE_RULES}\n`));
        },
      );
    });
  }
}

/** A production build without ADDIN_BASE_URL: say, as a build warning, why dist/ has no manifest. */
class NoManifestWarningPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("NoManifestWarningPlugin", (compilation) => {
      compilation.warnings.push(new webpack.WebpackError(NO_BASE_URL_MESSAGE));
    });
  }
}

/** Trusted developer certificates for `webpack serve` (office-addin-debugging runs it on Windows/Mac). */
async function devServerHttpsOptions(env) {
  if (!env || !env.WEBPACK_SERVE) return {};
  try {
    return await require("office-addin-dev-certs").getHttpsServerOptions();
  } catch {
    return {}; // webpack-dev-server makes a self-signed certificate instead
  }
}

module.exports = async (env, argv) => {
  const dev = argv.mode !== "production";
  // Production needs ADDIN_BASE_URL (where IT hosts dist/) for its manifest: with no address the
  // bundle is still built, but no manifest is emitted (never one pointing at localhost or a placeholder).
  const baseUrl = dev ? DEV_BASE_URL : productionBaseUrl(process.env.ADDIN_BASE_URL);
  // Development serves office.js itself so the preview works offline; production loads it from
  // Microsoft's CDN, as AppSource requires.
  const officeJs = dev ? "office-js/office.js" : OFFICE_JS_CDN;

  return {
    devtool: dev ? "source-map" : false,
    entry: {
      // A few hundred bytes run first, while the bundles load: caches the first render needs (src/taskpane/boot.ts).
      boot: "./src/taskpane/boot.ts",
      functions: "./src/functions/functions.ts",
      // The page loads functions.js first; the task pane reuses its modules (catalogue, method, zod)
      // instead of bundling them twice. functions.js stays whole on its own.
      taskpane: { import: "./src/taskpane/index.tsx", dependOn: "functions" },
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].[contenthash:8].js",
      // Lazy chunks sit beside taskpane.html; a fixed relative path also works where no
      // document.currentScript exists (the functions file alone).
      publicPath: "",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js", ".json"] },
    module: {
      rules: [
        // The catalogue is made and validated here, at build time: src/build/checked-catalog.ts stands
        // in for bundled.ts with every plan file of data/plans/ (the list scripts/plan-list.cjs reads,
        // so adding a plan needs no code change), checked; the page gets no validator, and zod drops out.
        {
          test: path.resolve(__dirname, "src/core/catalog/bundled.ts"),
          enforce: "pre",
          use: { loader: path.resolve(__dirname, "src/build/checked-catalog.ts") },
        },
        // plan-list.ts (Node reads the folder) as static imports, should anything else import it.
        { test: PLAN_LIST, use: { loader: path.resolve(__dirname, "scripts/plan-list.cjs") } },
        {
          test: /\.tsx?$/,
          exclude: [/node_modules/, PLAN_LIST],
          // Last to first: our makeStyles() computed at build time (scripts/griffel-aot.cjs), TypeScript,
          // then their CSS rules moved to taskpane.css like Fluent's own.
          use: [{ loader: GRIFFEL_CSS_LOADER }, { loader: "ts-loader", options: { transpileOnly: true } }, { loader: GRIFFEL_AOT_LOADER }],
        },
        { test: /src[\\/]core[\\/]catalog[\\/](schema|validate)\.ts$/, sideEffects: false },
        // Fluent's precompiled styles go to taskpane.css (scripts/griffel-css.cjs): no rule is inserted at run time.
        { test: /\.m?js$/, include: /node_modules[\\/]@fluentui[\\/]/, use: { loader: GRIFFEL_CSS_LOADER } },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource", generator: { filename: "assets/[name][ext]" } },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new LocalizeFunctionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["boot", "functions", "taskpane"],
        chunksSortMode: "manual",
        scriptLoading: "defer",
      }),
      new OfficeJsTagPlugin(officeJs),
      new GriffelCssPlugin({ fileName: "taskpane.css", HtmlWebpackPlugin }),
      new ThemeCssPlugin("taskpane.css"),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/help/help.html", to: "help.html" },
          ...(dev
            ? ["*.js", "en-us/**", "zh-cn/**"].map((glob) => ({
                from: glob,
                context: "node_modules/@microsoft/office-js/dist",
                to: "office-js",
                globOptions: { ignore: OFFICE_JS_IGNORE },
              }))
            : []),
          ...(baseUrl
            ? [
                {
                  from: "manifest.xml",
                  to: "manifest.xml",
                  transform: (content) => (dev ? content : rewriteManifestUrls(content.toString(), baseUrl)),
                },
              ]
            : []),
        ],
      }),
      ...(baseUrl ? [] : [new NoManifestWarningPlugin()]),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      server: { type: "https", options: await devServerHttpsOptions(env) },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
      client: { overlay: false },
    },
  };
};
