/**
 * Browser-side services: building the .xlsx (the sheet writer is loaded only when asked for),
 * saving a file through a download link, and copying text even where the async clipboard API is
 * refused (Office's web views often refuse it).
 */
import type { Catalog } from "../core/catalog/catalog";
import type { BuildWorkbookOptions } from "./services";

export const XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

export async function buildWorkbookInBrowser(catalog: Catalog, options: BuildWorkbookOptions): Promise<Uint8Array> {
  const { buildWorkbookXlsx } = await import(/* webpackChunkName: "xlsx" */ "../sheets/xlsx");
  return buildWorkbookXlsx(catalog, options);
}

export function saveFile(data: Uint8Array, fileName: string, doc: Document = document): void {
  const blob = new Blob([data as BlobPart], { type: XLSX_MIME });
  const url = URL.createObjectURL(blob);
  const link = doc.createElement("a");
  link.href = url;
  link.download = fileName;
  link.style.display = "none";
  doc.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}

/** A file the official chose, as bytes, through FileReader (older web views lack Blob.arrayBuffer). */
export function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error("read failed"));
    reader.readAsArrayBuffer(file);
  });
}

export async function copyText(text: string, doc: Document = document): Promise<void> {
  try {
    if (navigator.clipboard?.writeText) {
      await navigator.clipboard.writeText(text);
      return;
    }
  } catch {
    // Refused (permissions policy in the Office web view): fall back to a selection copy.
  }
  const area = doc.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  doc.body.appendChild(area);
  area.select();
  const ok = typeof doc.execCommand === "function" && doc.execCommand("copy");
  area.remove();
  if (!ok) throw new Error("copy refused");
}
