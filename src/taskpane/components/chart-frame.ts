/**
 * The frame both SVG charts (a target's path, a measure across plans) draw in: the year and value
 * ranges their points span, padded, the scales from data to SVG coordinates, and round ticks.
 * Pure, so the two charts cannot drift apart in how they place a point.
 */
import type { ChartPoint } from "../model";

export interface ChartBox {
  width: number;
  height: number;
  margin: { left: number; right: number; top: number; bottom: number };
}

export interface ChartFrameOptions {
  /** Share of the value range added above and below, so no point sits on the border. */
  pad: number;
  /** A value that must be in view whatever the points (100 on a % of target scale). */
  keepInView?: number;
  /** About how many year ticks on the time axis. */
  yearTicks: number;
}

export interface ChartFrame {
  y0: number;
  y1: number;
  lo: number;
  hi: number;
  x(year: number): number;
  y(value: number): number;
  /** An SVG polyline's points attribute. */
  line(points: readonly ChartPoint[]): string;
  /** Round values inside [lo, hi] for gridlines. */
  ticks: number[];
  yearTicks: number[];
}

/** About `count` round tick values covering [lo, hi]. */
export function niceTicks(lo: number, hi: number, count = 3): number[] {
  if (lo === hi) return [lo];
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((k) => k * mag).find((s) => s >= raw) ?? 10 * mag;
  const ticks: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
}

/** A short number for an axis (1.2万, 12K). */
export function compactNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { notation: "compact", maximumFractionDigits: 1 }).format(value);
}

/** The frame for these points; null when there is nothing to draw. */
export function chartFrame(points: readonly ChartPoint[], box: ChartBox, options: ChartFrameOptions): ChartFrame | null {
  if (points.length === 0) return null;
  const { width: W, height: H, margin: M } = box;
  const years = points.map((p) => p.year);
  const values = points.map((p) => p.value);
  const y0 = Math.min(...years);
  const y1 = Math.max(...years, y0 + 1);
  let lo = Math.min(...values);
  let hi = options.keepInView == null ? Math.max(...values) : Math.max(options.keepInView, ...values);
  if (lo === hi) {
    lo = lo === 0 ? 0 : lo * 0.9;
    hi = hi === 0 ? 1 : hi * 1.1;
  }
  const pad = (hi - lo) * options.pad;
  lo -= pad;
  hi += pad;
  const x = (year: number) => M.left + ((year - y0) / (y1 - y0)) * (W - M.left - M.right);
  const y = (value: number) => M.top + (1 - (value - lo) / (hi - lo)) * (H - M.top - M.bottom);
  const yearStep = Math.max(1, Math.ceil((y1 - y0) / options.yearTicks));
  const yearTicks: number[] = [];
  for (let yr = y0; yr <= y1; yr += yearStep) yearTicks.push(yr);
  return {
    y0,
    y1,
    lo,
    hi,
    x,
    y,
    line: (pts) => pts.map((p) => `${x(p.year).toFixed(1)},${y(p.value).toFixed(1)}`).join(" "),
    ticks: niceTicks(lo, hi, 5).filter((t) => t >= lo && t <= hi),
    yearTicks,
  };
}
