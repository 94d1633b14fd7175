/**
 * The expected path (序时进度) against the actuals typed so far, as hand-written SVG: a dashed line
 * for the path, a solid line with dots for the actuals, a dotted line for where their trend leads
 * by the target year, a diamond for the target. The base, the target and the latest actual carry
 * their year and value, so the chart reads without the axes. Scales to the pane's width (the
 * labels stay at least 11 px at 320 px); the summary below it says the same in words for screen
 * readers.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { formatNumber } from "../format";
import { type Messages, useMessages } from "../i18n";
import type { ChartPoint, PathChartData } from "../model";
import { type ChartBox, chartFrame, compactNumber, niceTicks } from "./chart-frame";

const W = 300;
const H = 170;
const M = { left: 40, right: 10, top: 24, bottom: 22 };
const BOX: ChartBox = { width: W, height: H, margin: M };

const useStyles = makeStyles({
  figure: { margin: 0 },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: "2 3" },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  pointLabel: { fill: tokens.colorNeutralForeground1, fontSize: "11px", fontWeight: tokens.fontWeightSemibold, fontFamily: tokens.fontFamilyBase },
  halo: { stroke: tokens.colorNeutralBackground1, strokeWidth: 3, paintOrder: "stroke" },
  base: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorNeutralForeground2, strokeWidth: 2 },
  projection: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2, strokeDasharray: "1 4", strokeLinecap: "round" },
  projected: { fill: tokens.colorNeutralBackground1, stroke: tokens.colorBrandForeground1, strokeWidth: 2 },
  expected: { fill: "none", stroke: tokens.colorNeutralForeground3, strokeWidth: 2, strokeDasharray: "5 4" },
  actual: { fill: "none", stroke: tokens.colorBrandForeground1, strokeWidth: 2.5 },
  dot: { fill: tokens.colorBrandForeground1 },
  target: { fill: tokens.colorPaletteGreenForeground1 },
  legend: {
    display: "flex",
    flexWrap: "wrap",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: `${tokens.spacingVerticalXS} 0 0`,
    padding: 0,
    listStyleType: "none",
    fontSize: tokens.fontSizeBase200,
    color: tokens.colorNeutralForeground2,
  },
  swatch: { display: "inline-block", width: "16px", height: 0, marginRight: "4px", verticalAlign: "middle", borderTopWidth: "2px" },
  swatchExpected: { borderTopStyle: "dashed", borderTopColor: tokens.colorNeutralForeground3 },
  swatchActual: { borderTopStyle: "solid", borderTopColor: tokens.colorBrandForeground1 },
  swatchProjection: { borderTopStyle: "dotted", borderTopColor: tokens.colorBrandForeground1 },
  swatchTarget: {
    width: "8px",
    height: "8px",
    borderTopWidth: 0,
    transform: "rotate(45deg)",
    backgroundColor: tokens.colorPaletteGreenForeground1,
  },
  summary: {
    position: "absolute",
    width: "1px",
    height: "1px",
    overflow: "hidden",
    clip: "rect(0 0 0 0)",
    whiteSpace: "nowrap",
  },
});

const compact = (value: number, messages: Messages) => compactNumber(value, messages.locale);

// Kept here for the tests and callers that know it from this module.
export { niceTicks };

const listPoints = (points: ChartPoint[], messages: Messages) =>
  points.length
    ? points.map((p) => messages.common.yearValue(p.year, formatNumber(p.value, messages))).join(messages.common.listSeparator)
    : messages.common.none;

export interface PathChartProps {
  data: PathChartData;
  title: string;
  /** A value as the target writes it (unit, 万件 …), for the labels on the chart. */
  formatValue(value: number): string;
}

export function PathChart({ data, title, formatValue }: PathChartProps) {
  const messages = useMessages();
  const styles = useStyles();
  const summaryId = useId();
  const all = [...data.expected, ...data.actual, ...data.projection, ...(data.target ? [data.target] : []), ...(data.base ? [data.base] : [])];
  const frame = chartFrame(all, BOX, { pad: 0.08, yearTicks: 6 });
  if (!frame) return null;
  const { x, y, line, ticks, yearTicks } = frame;
  const lastActual = data.actual.at(-1) ?? null;
  const projected = data.projection.at(-1) ?? null;
  // The target's and the latest actual's labels go on opposite sides, so they never overlap.
  const actualAboveTarget = !!lastActual && !!data.target && y(lastActual.value) < y(data.target.value);
  /**
   * A point's "year value" label, kept inside the chart: on the side of the point asked for (away
   * from the other labelled point) unless that leaves the chart, anchored away from the edge.
   */
  const pointLabel = (p: ChartPoint, kind: string, side: "start" | "end" | "middle", place: "above" | "below" = "above") => {
    const px = x(p.year);
    const py = y(p.value);
    const above = py - 8;
    const below = py + 16;
    const ly = place === "above" ? (above < M.top - 8 ? below : above) : below > H - M.bottom - 2 ? above : below;
    const anchor = side === "middle" ? (px > W / 2 ? "end" : "start") : side;
    const lx = anchor === "start" ? Math.max(px - 4, 2) : Math.min(px + 4, W - 2);
    return (
      <text className={`${styles.pointLabel} ${styles.halo}`} x={lx} y={ly} textAnchor={anchor} data-label={kind}>
        {messages.target.chartPoint(p.year, formatValue(p.value))}
      </text>
    );
  };

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={title}
        aria-describedby={summaryId}
        data-testid="path-chart"
      >
        {ticks.map((t) => (
          <g key={t}>
            <line className={styles.grid} x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text className={styles.label} x={M.left - 4} y={y(t) + 3} textAnchor="end">
              {compact(t, messages)}
            </text>
          </g>
        ))}
        <line className={styles.axis} x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
        {yearTicks.map((yr) => (
          <text key={yr} className={styles.label} x={x(yr)} y={H - M.bottom + 14} textAnchor="middle">
            {yr}
          </text>
        ))}
        {data.expected.length > 1 && <polyline className={styles.expected} points={line(data.expected)} data-series="expected" />}
        {data.actual.length > 1 && <polyline className={styles.actual} points={line(data.actual)} data-series="actual" />}
        {data.projection.length > 1 && <polyline className={styles.projection} points={line(data.projection)} data-series="projection" />}
        {projected && <circle className={styles.projected} cx={x(projected.year)} cy={y(projected.value)} r={3.5} data-series="projected" />}
        {data.actual.map((p) => (
          <circle key={p.year} className={styles.dot} cx={x(p.year)} cy={y(p.value)} r={3.5} data-series="actual-point" />
        ))}
        {data.base && <circle className={styles.base} cx={x(data.base.year)} cy={y(data.base.value)} r={3.5} data-series="base" />}
        {data.target && (
          <rect
            className={styles.target}
            x={x(data.target.year) - 4.5}
            y={y(data.target.value) - 4.5}
            width={9}
            height={9}
            transform={`rotate(45 ${x(data.target.year)} ${y(data.target.value)})`}
            data-series="target"
          />
        )}
        {data.base && pointLabel(data.base, "base", "start")}
        {data.target && pointLabel(data.target, "target", "end", actualAboveTarget ? "below" : "above")}
        {lastActual &&
          (!data.target || lastActual.year !== data.target.year) &&
          pointLabel(lastActual, "actual", "middle", actualAboveTarget ? "above" : "below")}
      </svg>
      <ul className={styles.legend} aria-hidden="true">
        <li>
          <span className={`${styles.swatch} ${styles.swatchExpected}`} />
          {messages.target.chartExpected}
        </li>
        <li>
          <span className={`${styles.swatch} ${styles.swatchActual}`} />
          {messages.target.chartActual}
        </li>
        {data.projection.length > 1 && (
          <li>
            <span className={`${styles.swatch} ${styles.swatchProjection}`} />
            {messages.target.chartProjection}
          </li>
        )}
        <li>
          <span className={`${styles.swatch} ${styles.swatchTarget}`} />
          {messages.target.chartTarget}
        </li>
      </ul>
      <figcaption id={summaryId} className={styles.summary}>
        {messages.target.chartSummary(listPoints(data.expected, messages), listPoints(data.actual, messages))}
        {projected && ` ${messages.target.chartProjected(projected.year, formatValue(projected.value))}`}
      </figcaption>
    </figure>
  );
}
