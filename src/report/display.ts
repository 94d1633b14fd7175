/**
 * Figures as the target sheets show them. The sheets carry Excel number formats (src/sheets/model.ts
 * valueFormat, PROGRESS_FORMAT); the report reads those very format strings rather than keeping a
 * second idea of how a target is displayed, so a figure in the report is the figure in the cell.
 */
import type { Target } from "../core/catalog/schema";
import { PROGRESS_FORMAT, valueFormat } from "../sheets/model";

export interface NumberShape {
  /** The value is divided by this before display (万 → 10⁴, 亿 → 10⁸). */
  divisor: number;
  decimals: number;
  /** Thousands separators (#,##0). */
  grouping: boolean;
  /** The literal text after the number ("万件", "%"), "" when none. */
  suffix: string;
  /** The format multiplies by 100 (0.0%). */
  percent: boolean;
}

/**
 * The shapes valueFormat and PROGRESS_FORMAT produce: `#,##0[.000]`, `0.0"%"`, `0!.0,"万件"`,
 * `#,##0.00,,"亿元"`, `0.0%`. Anything else is an error, so a new format in the sheets fails the
 * report's tests instead of printing a different figure.
 */
export function parseNumberFormat(format: string): NumberShape {
  const m = /^(#,##)?0(?:(\.)(0+)|(!\.)(0+))?(,*)(%)?(?:"([^"]*)")?$/.exec(format);
  if (!m) throw new Error(`unsupported number format ${format}`);
  const [, group, dot, decimals, litDot, litDigits, commas, pct, suffix] = m;
  // `0!.0,` shows a literal "." before the last digit: one more division by 10 per digit after it.
  const shift = litDot ? litDigits.length : 0;
  return {
    divisor: 1000 ** commas.length * 10 ** shift,
    decimals: dot ? decimals.length : shift,
    grouping: Boolean(group),
    suffix: suffix ?? "",
    percent: Boolean(pct),
  };
}

/** Rounds half away from zero, as Excel displays. */
function fixed(value: number, decimals: number): string {
  const f = 10 ** decimals;
  const r = (Math.sign(value) * Math.round(Math.abs(value) * f + 1e-9)) / f;
  return (Object.is(r, -0) ? 0 : r).toFixed(decimals);
}

function group(digits: string): string {
  const [int, frac] = digits.split(".");
  const sign = int.startsWith("-") ? "-" : "";
  const body = int.replace("-", "").replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return sign + body + (frac != null ? `.${frac}` : "");
}

/** The number as the format shows it, without its literal suffix. */
export function formatNumberAs(shape: NumberShape, value: number, withGrouping = shape.grouping): string {
  const scaled = shape.percent ? value * 100 : value / shape.divisor;
  const text = fixed(scaled, shape.decimals);
  return withGrouping ? group(text) : text;
}

/** The unit a target's figures are shown in: the plan's scaled unit (万件, 亿元) where it writes one. */
export function displayUnit(t: Target): string {
  if (t.kind === "milestone") return "";
  return parseNumberFormat(valueFormat(t)).suffix || t.unit;
}

/** A figure for a table cell: as the sheet's cell shows it, the unit left to the unit column. */
export function tableFigure(t: Target, value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  if (t.kind === "milestone") return value >= 1 ? "✓" : "✗";
  return formatNumberAs(parseNumberFormat(valueFormat(t)), value);
}

/**
 * A figure in running text, with its unit: the sheet's rounding and scale, written the way official
 * prose writes numbers (no thousands separators: 60000件, 0.58亿元, 18.0%).
 */
export function proseFigure(t: Target, value: number): string {
  const shape = parseNumberFormat(valueFormat(t));
  const unit = shape.suffix || t.unit;
  return formatNumberAs(shape, value, false) + unit;
}

const PROGRESS_SHAPE = parseNumberFormat(PROGRESS_FORMAT);

/** A share (0.896) as the sheets' 进度 column shows it: 89.6%. */
export function formatShare(value: number | null | undefined): string {
  if (value == null || !Number.isFinite(value)) return "—";
  return formatNumberAs(PROGRESS_SHAPE, value) + "%";
}
