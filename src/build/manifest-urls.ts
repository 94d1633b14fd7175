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
