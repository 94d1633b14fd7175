/**
 * Several plans' paths for one measure on ONE time axis (hand-written SVG, like PathChart): per plan
 * a dashed line base → milestones → target and a solid line with dots for its actuals, one colour
 * per plan, legend by the plan's short name. In percent scale a line at 100 marks "each plan's own
 * target". Scales to the pane's width; the labels stay readable at 320 px. A hidden summary says
 * the same in words.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import { formatNumber } from "../format";
import { type Messages, useMessages } from "../i18n";
import { compareMessages } from "../i18n/compare";
import type { ChartPoint, CompareScale, CompareSeries } from "../model";
import { type ChartBox, chartFrame, compactNumber } from "./chart-frame";

const W = 300;
const H = 190;
const M = { left: 40, right: 12, top: 22, bottom: 22 };
const BOX: ChartBox = { width: W, height: H, margin: M };

/** Distinct hues with enough contrast on white; a sixth plan and beyond reuse them. */
export const PLAN_COLORS = ["#0f6cbd", "#c50f1f", "#107c10", "#8764b8", "#ca5010", "#038387"];

const useStyles = makeStyles({
  figure: { margin: 0 },
  svg: { width: "100%", height: "auto", display: "block", overflow: "visible" },
  axis: { stroke: tokens.colorNeutralStroke1, strokeWidth: 1 },
  grid: { stroke: tokens.colorNeutralStroke2, strokeWidth: 1, strokeDasharray: "2 3" },
  goal: { stroke: tokens.colorNeutralForeground3, strokeWidth: 1 },
  label: { fill: tokens.colorNeutralForeground2, fontSize: "11px", fontFamily: tokens.fontFamilyBase },
  path: { fill: "none", strokeWidth: 2, strokeDasharray: "5 4" },
  actual: { fill: "none", strokeWidth: 2.5 },
  pathPoint: { fill: tokens.colorNeutralBackground1, strokeWidth: 1.5 },
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
  swatch: { display: "inline-block", width: "12px", height: "12px", borderRadius: "2px", marginRight: "4px", verticalAlign: "middle" },
  summary: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", whiteSpace: "nowrap" },
});

const compact = (value: number, messages: Messages) => compactNumber(value, messages.locale);

export interface CompareChartProps {
  series: readonly CompareSeries[];
  /** The plan's short name, for the legend. */
  planName(planId: string): string;
  scale: CompareScale;
  /** What the vertical axis counts: "% of each plan's own target" or the unit. */
  axisLabel: string;
  title: string;
}

export function CompareChart({ series, planName, scale, axisLabel, title }: CompareChartProps) {
  const messages = useMessages();
  const styles = useStyles();
  const summaryId = useId();
  const all = series.flatMap((s) => [...s.path, ...s.actual]);
  // Percent: 100 (each plan's own target) is always in view.
  const frame = chartFrame(all, BOX, { pad: 0.06, keepInView: scale === "percent" ? 100 : undefined, yearTicks: 5 });
  if (!frame) return null;
  const { x, y, line, ticks, yearTicks } = frame;
  const tickText = (t: number) => (scale === "percent" ? `${formatNumber(t, messages)}%` : compact(t, messages));
  const pointText = (p: ChartPoint) =>
    messages.common.yearValue(p.year, scale === "percent" ? `${formatNumber(p.value, messages)}%` : formatNumber(p.value, messages));
  const list = (points: ChartPoint[]) => (points.length ? points.map(pointText).join(messages.common.listSeparator) : messages.common.none);

  return (
    <figure className={styles.figure}>
      <svg
        className={styles.svg}
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={title}
        aria-describedby={summaryId}
        data-testid="compare-chart"
        data-scale={scale}
      >
        <text className={styles.label} x={2} y={11} data-label="axis">
          {axisLabel}
        </text>
        {ticks.map((t) => (
          <g key={t}>
            <line className={styles.grid} x1={M.left} x2={W - M.right} y1={y(t)} y2={y(t)} />
            <text className={styles.label} x={M.left - 4} y={y(t) + 3} textAnchor="end">
              {tickText(t)}
            </text>
          </g>
        ))}
        {scale === "percent" && <line className={styles.goal} x1={M.left} x2={W - M.right} y1={y(100)} y2={y(100)} data-series="goal" />}
        <line className={styles.axis} x1={M.left} x2={W - M.right} y1={H - M.bottom} y2={H - M.bottom} />
        {yearTicks.map((yr) => (
          <text key={yr} className={styles.label} x={x(yr)} y={H - M.bottom + 14} textAnchor="middle">
            {yr}
          </text>
        ))}
        {series.map((s, i) => {
          const color = PLAN_COLORS[i % PLAN_COLORS.length];
          return (
            <g key={s.targetId} data-plan-id={s.planId} data-target-id={s.targetId}>
              {s.path.length > 1 && <polyline className={styles.path} style={{ stroke: color }} points={line(s.path)} data-series="path" />}
              {s.path.map((p) => (
                <circle
                  key={`p${p.year}`}
                  className={styles.pathPoint}
                  style={{ stroke: color }}
                  cx={x(p.year)}
                  cy={y(p.value)}
                  r={2.5}
                  data-series="path-point"
                />
              ))}
              {s.actual.length > 1 && (
                <polyline className={styles.actual} style={{ stroke: color }} points={line(s.actual)} data-series="actual" />
              )}
              {s.actual.map((p) => (
                <circle key={`a${p.year}`} style={{ fill: color }} cx={x(p.year)} cy={y(p.value)} r={3.5} data-series="actual-point" />
              ))}
            </g>
          );
        })}
      </svg>
      <ul className={styles.legend} aria-hidden="true" data-testid="compare-legend">
        {series.map((s, i) => (
          <li key={s.targetId} data-plan-id={s.planId}>
            <span className={styles.swatch} style={{ backgroundColor: PLAN_COLORS[i % PLAN_COLORS.length] }} />
            {planName(s.planId)}
          </li>
        ))}
      </ul>
      <figcaption id={summaryId} className={styles.summary}>
        {series.map((s) => compareMessages(messages).compare.chartSummary(planName(s.planId), list(s.path), list(s.actual))).join(" ")}
      </figcaption>
    </figure>
  );
}
