/**
 * Figures as the target sheets show them. A sheet's cell holds a figure in the unit the plan prints
 * (value ÷ cellScale(): 0.575 for 0.575亿元, 0.95 for 95 %) under a plain number format
 * (src/sheets/model.ts valueFormat, PROGRESS_FORMAT); the report reads those very format strings
 * rather than keeping a second idea of how a target is displayed, so a figure in the report is the
 * figure in the cell. Figures from the method (assess, the catalogue, the CSV) are in method units
 * (元, 件, percent points); methodRow() gives them in cell units already.
 */
import type { Target } from "../core/catalog/schema";
import { PROGRESS_FORMAT, planDecimals, toCell, valueFormat } from "../sheets/model";

export interface NumberShape {
  decimals: number;
  /** Thousands separators (#,##0). */
  grouping: boolean;
  /** The literal text after the number ("万件", "分"), "" when none. */
  suffix: string;
  /** The format multiplies by 100 and shows "%" (0.0%). */
  percent: boolean;
}

/**
 * The shapes valueFormat and PROGRESS_FORMAT produce: `#,##0[.00]`, `0.000"亿元"`, `0.0"分"`,
 * `0.0%`. Anything else is an error, so a new format in the sheets fails the report's tests instead
 * of printing a different figure (the `!` escapes and thousands scaling of earlier sheets too: the
 * sheets no longer write them, and the scale now lives in the cell's value).
 */
export function parseNumberFormat(format: string): NumberShape {
  const m = /^(#,##)?0(?:\.(0+))?(%)?(?:"([^"]*)")?$/.exec(format);
  if (!m) throw new Error(`unsupported number format ${format}`);
  const [, group, decimals, pct, suffix] = m;
  return {
    decimals: decimals ? decimals.length : 0,
    grouping: Boolean(group),
    suffix: suffix ?? "",
    percent: Boolean(pct),
  };
}

/**
 * Rounds half away from zero, as Excel displays: Excel sees 15 significant digits, so binary noise
 * (0.9875 × 1000 = 987.4999…) does not turn a half down.
 */
function fixed(value: number, decimals: number): string {
  const f = 10 ** decimals;
  const r = (Math.sign(value) * Math.round(Number((Math.abs(value) * f).toPrecision(15)))) / f;
  return (Object.is(r, -0) ? 0 : r).toFixed(decimals);
}

function group(digits: string): string {
  const [int, frac] = digits.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const body = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + body + (frac != null ? `.${frac}` : "");
}

/** A cell's value as the format shows it, without its literal suffix or "%". */
export function formatNumberAs(shape: NumberShape, cellValue: number, withGrouping = shape.grouping): string {
  const text = fixed(shape.percent ? cellValue * 100 : cellValue, shape.decimals);
  return withGrouping ? group(text) : text;
}

/** The unit a target's figures are shown in: the plan's scaled unit (万件, 亿元) where it writes one, "%" for percentages. */
export function displayUnit(t: Target): string {
  if (t.kind === "milestone") return "";
  return parseNumberFormat(valueFormat(t)).suffix || t.unit;
}

/** A cell's value (cell units, as methodRow gives it) for a table cell: as the cell shows it, the unit left to the unit column. */
export function cellFigure(t: Target, cellValue: number | null | undefined): string {
  if (cellValue == null || !Number.isFinite(cellValue)) return "—";
  if (t.kind === "milestone") return cellValue >= 1 ? "✓" : "✗";
  return formatNumberAs(parseNumberFormat(valueFormat(t)), cellValue);
}

/** A figure in method units (元, 件, percent points) for a table cell, as the cell holding it shows it. */
export function tableFigure(t: Target, value: number | null | undefined): string {
  return cellFigure(t, value == null || !Number.isFinite(value) ? null : toCell(t, value));
}

/**
 * A figure in method units in running text, with its unit: the sheet's scale and rounding, written
 * the way official prose writes numbers (no thousands separators: 60000件, 0.575亿元, 18.0%).
 */
export function proseFigure(t: Target, value: number, extraDecimals = 0): string {
  const shape = parseNumberFormat(valueFormat(t));
  const unit = shape.suffix || t.unit;
  return formatNumberAs({ ...shape, decimals: shape.decimals + extraDecimals }, toCell(t, value) as number, false) + unit;
}

/**
 * How many of the sheet's decimals a figure the plan itself prints drops in running text: the plan's
 * round "3件" of a per-head figure reads 目标3件, though its cell shows 3.00 (≤ 0; customaryDecimals).
 */
export function planFigureExtra(t: Target): number {
  const shape = parseNumberFormat(valueFormat(t));
  if (shape.suffix || shape.percent) return 0;
  return Math.min(0, planDecimals(t) - shape.decimals);
}

/**
 * The decimals beyond the sheet's (0 to 2) that print `value` apart from `other` it differs from,
 * where the sheet's rounding would print both alike ("3次，高于序时进度（2.7次）", never "（3次）").
 */
export function decimalsToTell(t: Target, value: number, other: number): number {
  for (let extra = 0; extra < 2; extra++) if (proseFigure(t, value, extra) !== proseFigure(t, other, extra)) return extra;
  return 2;
}

const PROGRESS_SHAPE = parseNumberFormat(PROGRESS_FORMAT);

/** A share (0.896) as the sheets' 进度 column shows it: 89.6%. */
export function formatShare(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return formatNumberAs(PROGRESS_SHAPE, value) + "%";
}
