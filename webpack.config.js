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
const { DEV_BASE_URL, normalizeBaseUrl, rewriteManifestUrls } = require("./src/build/manifest-urls.ts");

const OFFICE_JS_CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
// Where IT hosts dist/ in production; the placeholder is Microsoft's own template default.
const PROD_URL_DEFAULT = "https://www.contoso.com/ip-addin/";

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
  const baseUrl = dev ? DEV_BASE_URL : normalizeBaseUrl(process.env.ADDIN_BASE_URL || PROD_URL_DEFAULT);
  // Development serves office.js itself so the preview works offline; production loads it from
  // Microsoft's CDN, as AppSource requires.
  const officeJs = dev ? "office-js/office.js" : OFFICE_JS_CDN;

  return {
    devtool: dev ? "source-map" : false,
    entry: {
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
        { test: /\.tsx?$/, exclude: /node_modules/, use: { loader: "ts-loader", options: { transpileOnly: true } } },
        // The catalogue is validated here, at build time; the page gets the checked plans and no
        // validator (src/build/checked-catalog.ts). Unused, the validator and zod drop out.
        {
          test: path.resolve(__dirname, "src/core/catalog/bundled.ts"),
          enforce: "pre",
          use: { loader: path.resolve(__dirname, "src/build/checked-catalog.ts") },
        },
        { test: /src[\\/]core[\\/]catalog[\\/](schema|validate)\.ts$/, sideEffects: false },
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
        chunks: ["functions", "taskpane"],
        scriptLoading: "defer",
      }),
      new OfficeJsTagPlugin(officeJs),
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
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : rewriteManifestUrls(content.toString(), baseUrl)),
          },
        ],
      }),
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
