/**
 * What Excel stores when a person types into a cell, given the cell's number format: a pure model
 * of Excel's data entry for the cases the target sheets meet (en-US / zh-CN number conventions:
 * "." decimals, "," thousands). Each rule names its source.
 *
 * Sources:
 * [PCT] Microsoft Support, "Format numbers as percentages", section "How Excel handles percentages"
 *       (https://support.microsoft.com/en-us/office/format-numbers-as-percentages-de866d0a-ffc6-4fa4-b81c-06a4c3d3a2bc):
 *       typing a number followed by % stores it divided by 100 and formats the cell as a percentage;
 *       in a cell already formatted as a percentage, "numbers equal to and larger than 1 are
 *       converted to percentages by default; and numbers smaller than 1 are multiplied by 100 to
 *       convert them to percentages. For example, typing 10 or 0.1 both result in 10.00%." The
 *       conversion of whole numbers is Excel's "automatic percent entry" (File › Options › Advanced ›
 *       Editing options › Enable automatic percent entry), on by default.
 * [NUM] Microsoft Support, "Available number formats in Excel" / "Display numbers as ...": the General
 *       format stores what parses as a number as a number; thousands separators typed in a number are
 *       accepted (1,234 → 1234) and the value is the number, the format only changes how it shows.
 * [TXT] Microsoft Support, "Stop automatically changing numbers to dates" / "Format numbers as text":
 *       a leading apostrophe stores the rest as text; anything that does not parse stays text.
 * Negative numbers in a percent cell (-5 → -0.05) follow the same rule by magnitude; not confirmed by
 * the article (confirm by hand: format a cell 0.0%, type -5, read the value in the formula bar).
 */
export type Stored = number | string | null;

export interface EntryOptions {
  /** Excel's "Enable automatic percent entry" (on by default). [PCT] */
  automaticPercentEntry?: boolean;
}

/** A number format that shows the value as a percentage: a "%" outside quotes and escapes. */
export function isPercentFormat(format: string | null | undefined): boolean {
  if (!format) return false;
  return /%/.test(format.replace(/"[^"]*"/g, "").replace(/\\./g, ""));
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The value Excel stores when `typed` is entered into a cell with number format `format`. */
export function excelEntry(typed: string, format: string | null = "General", options: EntryOptions = {}): Stored {
  const auto = options.automaticPercentEntry ?? true;
  if (typed === "") return null;
  if (typed.startsWith("'")) return typed.slice(1); // [TXT]
  const s = typed.trim();
  const percent = s.endsWith("%");
  const body = percent ? s.slice(0, -1).trim() : s;
  if (body === "" || !/\d/.test(body) || !NUMBER.test(body)) return typed; // [TXT]
  const n = Number(body.replace(/,/g, "")); // [NUM]
  if (!Number.isFinite(n)) return typed;
  if (percent) return n / 100; // [PCT] 95% → 0.95, whatever the format
  if (auto && isPercentFormat(format) && Math.abs(n) >= 1) return n / 100; // [PCT] automatic percent entry
  return n; // [PCT] below 1 in a percent cell stays as typed (0.95 shows 95.0%); [NUM] General keeps it
}
