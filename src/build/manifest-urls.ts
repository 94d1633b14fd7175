/**
 * Production manifests point at wherever IT hosts dist/: every https://localhost:3000/ URL becomes
 * the base URL, and the bare origin (AppDomain) becomes the base URL's origin.
 */
export const DEV_BASE_URL = "https://localhost:3000/";

export function normalizeBaseUrl(url: string): string {
  if (!/^https:\/\/[^/]+/.test(url)) {
    throw new Error(`ADDIN_BASE_URL must be an https URL (Office requires https), got: ${url}`);
  }
  return url.endsWith("/") ? url : url + "/";
}

export function rewriteManifestUrls(xml: string, baseUrl: string): string {
  const base = normalizeBaseUrl(baseUrl);
  const origin = new URL(base).origin;
  return xml.split(DEV_BASE_URL).join(base).split(DEV_BASE_URL.slice(0, -1)).join(origin);
}

/** Microsoft's template placeholder host: a manifest pointing there can never load. */
const PLACEHOLDER = /(^|\.)contoso\.com$/i;

/**
 * The base URL of a production build: ADDIN_BASE_URL, which must be set. Without it a build would
 * ship a manifest pointing at a placeholder or at localhost, which installs and then never loads.
 */
/** Why a production build without ADDIN_BASE_URL emits no manifest (shown as a build warning). */
export const NO_BASE_URL_MESSAGE =
  "未设置 ADDIN_BASE_URL（加载项文件所在的 https 地址）：已构建 dist/，但没有生成 manifest.xml。要部署请运行 ADDIN_BASE_URL=https://intranet.example/ip-addin/ npm run build；本机预览请用 npm run build:dev。 / " +
  "ADDIN_BASE_URL is not set (the https address dist/ will be served from): dist/ is built but no manifest.xml was emitted. To deploy, run ADDIN_BASE_URL=https://intranet.example/ip-addin/ npm run build; for a local preview use npm run build:dev.";

/**
 * The base URL of a production build, or null when ADDIN_BASE_URL is not set: the build then goes on
 * (a fresh clone's `npm run build` passes) but emits no manifest, so nothing pointing at localhost or
 * a placeholder can be shipped by mistake. A placeholder address is refused outright.
 */
export function productionBaseUrl(value: string | undefined): string | null {
  if (!value || !value.trim()) return null;
  const base = normalizeBaseUrl(value.trim());
  if (PLACEHOLDER.test(new URL(base).hostname)) {
    throw new Error(`ADDIN_BASE_URL 是示例地址 ${base}，请填写真实地址 / ADDIN_BASE_URL is the template placeholder ${base}: give the real address`);
  }
  return base;
}
