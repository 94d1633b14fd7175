/**
 * 对照 / Compare: one measure (data/measures.json) across every plan that sets a target for it —
 * each plan's level, base, target, milestones, the actuals typed in the sheets and the status (the
 * same computation as the overview's), and a chart of every plan's path on one time axis, as a %
 * of each plan's own target (or in absolute values where the units and kinds agree).
 */
import {
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  Select,
  Spinner,
  Subtitle2,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { useId, useMemo, useState } from "react";
import type { CatalogEntry } from "../../core/catalog/catalog";
import { measureById } from "../../core/catalog/measures";
import { CompareChart } from "../components/CompareChart";
import { StatusBadge } from "../components/StatusBadge";
import { FactList } from "../components/FactList";
import { ViewHeading } from "../components/ViewHeading";
import { describeGoal, formatValue, unitText } from "../format";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { type Messages, pickText, useMessages } from "../i18n";
import { compareMessages } from "../i18n/compare";
import { absoluteComparable, type Actuals, byLevel, compareSeries, type CompareScale, computeStatuses } from "../model";
import { useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  select: { minWidth: 0, "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" } },
  definition: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  card: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    minWidth: 0,
  },
  cardHead: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  planName: { fontWeight: tokens.fontWeightSemibold },
  targetName: { color: tokens.colorNeutralForeground3, overflowWrap: "anywhere" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sectionHeading: { margin: 0 },
  scale: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
});

/** Actuals a roll-up collected from other workbooks (conflicting ones left out). */
export interface CollectedActuals {
  actuals: Actuals;
  conflicted: number;
  files: number;
}

export interface CompareViewProps {
  /** The measure to show; null: the first one any plan uses. */
  measureId: string | null;
  onMeasureChange(measureId: string): void;
  /** After a roll-up: its actuals, which the view can show in place of this workbook's. */
  collected?: CollectedActuals | null;
}

function measureName(id: string, messages: Messages): string {
  const m = measureById(id);
  return m ? pickText(m.name, messages) : id;
}

export function CompareView({ measureId, onMeasureChange, collected = null }: CompareViewProps) {
  const messages = useMessages();
  const styles = useStyles();
  const ids = { heading: useId(), select: useId(), chart: useId() };
  const { catalog, host } = useServices();
  const workbookState = useWorkbookState();
  const { settings, readState, readActuals } = workbookState;
  // The workbook's actuals in Excel, a roll-up's where there is one and the user asks (the default in the preview).
  const [source, setSource] = useState<"workbook" | "collected" | null>(null);
  const fromCollected = !!collected && (source ?? (host.inExcel ? "workbook" : "collected")) === "collected";
  const collectedStatuses = useMemo(
    () => (collected ? computeStatuses(catalog, collected.actuals, settings.method) : null),
    [catalog, collected, settings.method],
  );
  const actuals = fromCollected && collected ? collected.actuals : workbookState.actuals;
  const statuses = fromCollected && collectedStatuses ? collectedStatuses : workbookState.statuses;
  const [scale, setScale] = useState<CompareScale>("percent");
  const measureIds = useMemo(() => catalog.measureIds(), [catalog]);
  const current = measureId && measureIds.includes(measureId) ? measureId : (measureIds[0] ?? null);
  const entries = useMemo(() => (current ? byLevel(catalog.byMeasure(current)) : []), [catalog, current]);
  const canAbsolute = absoluteComparable(entries);
  const shownScale: CompareScale = canAbsolute ? scale : "percent";
  const series = useMemo(
    () => compareSeries(entries, actuals, settings.method, shownScale),
    [entries, actuals, settings.method, shownScale],
  );
  const c = compareMessages(messages).compare;

  if (!current) {
    return (
      <section className={styles.root} aria-labelledby={ids.heading}>
        <ViewHeading id={ids.heading}>{c.heading}</ViewHeading>
        <Text data-testid="compare-empty">{c.noMeasures}</Text>
      </section>
    );
  }

  const measure = measureById(current);
  const planName = (planId: string) => {
    const plan = catalog.plan(planId);
    return plan ? pickText(plan.shortName, messages) : planId;
  };
  const drawn = new Set(series.map((s) => s.targetId));
  const notDrawn = entries.filter((e) => !drawn.has(e.target.id)).map((e) => pickText(e.plan.shortName, messages));
  const value = (e: CatalogEntry, v: number | null | undefined) => formatValue(e.target, v, messages);

  const card = (e: CatalogEntry) => {
    const { plan, target } = e;
    const typed = actuals.get(target.id) ?? [];
    const status = statuses.get(target.id) ?? "noData";
    return (
      <li key={target.id} className={styles.card} data-plan-id={plan.id} data-target-id={target.id}>
        <div className={styles.cardHead}>
          <Text className={styles.planName}>{pickText(plan.shortName, messages)}</Text>
          <Badge appearance="outline" color="informative" shape="rounded">
            {messages.levels[plan.level]}
          </Badge>
          <StatusBadge status={status} />
        </div>
        <Caption1 className={styles.targetName}>
          {pickText(target.name, messages)} · {target.id}
        </Caption1>
        <FactList>
          <dt>{c.base}</dt>
          <dd data-field="base">
            {target.base == null
              ? messages.target.noBase
              : target.base.value == null
                ? messages.target.baseYearOnly(target.base.year)
                : messages.common.yearValue(target.base.year, value(e, target.base.value))}
          </dd>
          <dt>{c.target}</dt>
          <dd data-field="target">{describeGoal(target, messages)}</dd>
          {target.milestones.length > 0 && (
            <>
              <dt>{c.milestones}</dt>
              <dd data-field="milestones">
                {target.milestones.map((m) => messages.common.yearValue(m.year, value(e, m.value))).join(messages.common.listSeparator)}
              </dd>
            </>
          )}
          <dt>{c.actuals}</dt>
          <dd data-field="actuals">
            {typed.length
              ? typed.map((o) => messages.common.yearValue(o.year, value(e, o.value))).join(messages.common.listSeparator)
              : c.noActuals}
          </dd>
        </FactList>
      </li>
    );
  };

  return (
    <section className={styles.root} aria-labelledby={ids.heading}>
      <ViewHeading id={ids.heading}>{c.heading}</ViewHeading>
      <Text>{c.intro}</Text>
      <Field label={c.measure}>
        <Select id={ids.select} className={styles.select} value={current} onChange={(_, d) => onMeasureChange(d.value)}>
          {measureIds.map((id) => (
            <option key={id} value={id}>
              {measureName(id, messages)}
            </option>
          ))}
        </Select>
      </Field>
      {measure && (
        <Caption1 className={styles.definition} data-testid="measure-definition">
          {c.definitionLine(
            pickText(measure.definition, messages),
            unitText(measure.unit, messages),
            measure.additive ? c.additive : c.notAdditive,
          )}
        </Caption1>
      )}
      {host.inExcel && !host.unavailable ? (
        <div className={styles.scale}>
          <Button size="small" icon={<ArrowSyncRegular />} onClick={() => void readActuals()} disabledFocusable={readState === "reading"}>
            {messages.overview.refresh}
          </Button>
          {readState === "reading" && <Spinner size="tiny" label={messages.overview.reading} />}
        </div>
      ) : (
        !collected && <Caption1>{c.previewActuals}</Caption1>
      )}
      {collected && (
        <div className={styles.scale} role="group" aria-label={c.source}>
          <Caption1>{c.source}</Caption1>
          <ToggleButton
            size="small"
            checked={!fromCollected}
            appearance={!fromCollected ? "primary" : "secondary"}
            onClick={() => setSource("workbook")}
          >
            {c.sourceWorkbook}
          </ToggleButton>
          <ToggleButton
            size="small"
            checked={fromCollected}
            appearance={fromCollected ? "primary" : "secondary"}
            onClick={() => setSource("collected")}
          >
            {c.sourceCollected(collected.files)}
          </ToggleButton>
        </div>
      )}
      {fromCollected && collected && collected.conflicted > 0 && <Caption1>{c.collectedConflicts(collected.conflicted)}</Caption1>}
      <ul className={styles.list} aria-label={c.plans(entries.length)} data-testid="compare-list">
        {entries.map(card)}
      </ul>
      <section className={styles.section} aria-labelledby={ids.chart}>
        <Subtitle2 as="h3" id={ids.chart} className={styles.sectionHeading}>
          {c.chart}
        </Subtitle2>
        <div className={styles.scale} role="group" aria-label={c.scale}>
          <ToggleButton
            size="small"
            checked={shownScale === "percent"}
            appearance={shownScale === "percent" ? "primary" : "secondary"}
            onClick={() => setScale("percent")}
          >
            {c.scalePercent}
          </ToggleButton>
          <ToggleButton
            size="small"
            checked={shownScale === "absolute"}
            appearance={shownScale === "absolute" ? "primary" : "secondary"}
            disabled={!canAbsolute}
            onClick={() => setScale("absolute")}
          >
            {c.scaleAbsolute}
          </ToggleButton>
        </div>
        {!canAbsolute && entries.length > 1 && <Caption1>{c.absoluteUnavailable}</Caption1>}
        <CompareChart
          series={series}
          planName={planName}
          scale={shownScale}
          axisLabel={shownScale === "percent" ? c.axisPercent : c.axisAbsolute(unitText(entries[0].target.unit ?? "", messages))}
          title={messages.common.labelled(c.chart, measureName(current, messages))}
        />
        <Caption1>
          {c.legendPath}
          {messages.common.listSeparator}
          {c.legendActual}
        </Caption1>
        {notDrawn.length > 0 && <Caption1>{c.noPath(notDrawn.join(messages.common.listSeparator))}</Caption1>}
      </section>
    </section>
  );
}
