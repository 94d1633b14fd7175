/**
 * The actuals a report is made from: a CSV file (id,year,value, as for `npm run workbook`) as bytes,
 * from disk or from a file an official opens in the browser.
 */
import type { Catalog } from "../core/catalog/catalog";
import type { Observation } from "../core/method/method";
import { actualsById, parseActualsCsv } from "../sheets/actuals-csv";
import { ReportInputError } from "./model";

/**
 * Text of a CSV file: UTF-8 (with or without a BOM), else GB18030 — what Excel on Chinese Windows
 * writes for "CSV (逗号分隔)". Bytes that are neither (a workbook, an image) are refused.
 */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder("gb18030", { fatal: true }).decode(bytes);
    } catch {
      throw new ReportInputError("实际值文件不是 UTF-8 或 GBK 编码的文本（CSV）", "the actuals file is not UTF-8 or GBK text (CSV)");
    }
  }
  // A zip (.xlsx, .docx) or other binary decodes without error in GB18030 but holds control bytes.
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0008\u000e-\u001f]/.test(text)) {
    throw new ReportInputError(
      "实际值文件不是 CSV 文本（是否选了 .xlsx 工作簿？请另存为 CSV）",
      "the actuals file is not CSV text (a .xlsx workbook? save it as CSV)",
    );
  }
  return text;
}

export interface ReportActuals {
  actuals: Map<string, Observation[]>;
  count: number;
  /** Rows that could not be used, each in Chinese and English with its line. */
  problems: string[];
}

/** Parses the CSV; a file with no usable row at all is an error, other problems are returned. */
export function readReportActuals(bytes: Uint8Array, catalog: Catalog): ReportActuals {
  const { rows, problems } = parseActualsCsv(decodeCsv(bytes), catalog);
  if (rows.length === 0) {
    throw new ReportInputError(
      `实际值文件中没有可用的行（应有 id,year,value 三列）${problems.length ? `：${problems.slice(0, 3).join("；")}` : ""}`,
      `the actuals file has no usable row (expected the columns id,year,value)${problems.length ? `: ${problems.slice(0, 3).join("; ")}` : ""}`,
    );
  }
  return { actuals: actualsById(rows), count: rows.length, problems };
}
