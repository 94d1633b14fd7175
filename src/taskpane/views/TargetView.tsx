/**
 * One target: what it measures, base, target and milestones, kind and comparator in plain words,
 * the plan's own words, conflicts in the data, the expected path against the actuals, and the
 * formulas for it with copy and insert buttons.
 */
import {
  Button,
  Caption1,
  Link,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { CopyRegular, TableCellEditRegular, TextBulletListSquareRegular } from "@fluentui/react-icons";
import { useId, useMemo, useState } from "react";
import { ErrorMessage } from "../components/ErrorMessage";
import { PathChart } from "../components/PathChart";
import { StatusBadge } from "../components/StatusBadge";
import { UnavailableNote } from "../components/UnavailableNote";
import { FactList } from "../components/FactList";
import { ViewHeading } from "../components/ViewHeading";
import { describeGoal, formatValue, planSource, unitText } from "../format";
import { formulasFor } from "../formulas";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { localText, pickText, useMessages } from "../i18n";
import { type ActionKind, describeError, type UserError } from "../office/errors";
import { assessTarget, pathChartData } from "../model";
import { measureById } from "../../core/catalog/measures";
import { useNavigation } from "../navigation";
import { useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  sub: { color: tokens.colorNeutralForeground3 },
  goal: { fontSize: tokens.fontSizeBase400, lineHeight: tokens.lineHeightBase400, fontWeight: tokens.fontWeightSemibold },
  statusLine: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sectionHeading: { margin: 0 },
  quote: {
    margin: 0,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    borderLeft: `${tokens.strokeWidthThicker} solid ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontFamily: tokens.fontFamilyBase,
  },
  plainList: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
  formulaList: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  formula: {
    display: "grid",
    gridTemplateColumns: "1fr auto auto",
    alignItems: "center",
    gap: tokens.spacingHorizontalXS,
    paddingBottom: tokens.spacingVerticalXS,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}`,
  },
  formulaText: { gridColumn: "1 / -1", display: "flex", flexDirection: "column", minWidth: 0 },
  code: {
    fontFamily: tokens.fontFamilyMonospace,
    fontSize: tokens.fontSizeBase200,
    overflowWrap: "anywhere",
    userSelect: "all",
  },
});

export interface TargetViewProps {
  targetId: string;
  onBack(): void;
  backLabel?: string;
  focusHeading?: boolean;
}

export function TargetView({ targetId, onBack, backLabel, focusHeading }: TargetViewProps) {
  const messages = useMessages();
  const styles = useStyles();
  const headingId = useId();
  const unavailableId = useId();
  const { catalog, host, workbook, copyText } = useServices();
  const { actuals, settings } = useWorkbookState();
  const navigation = useNavigation();
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const entry = catalog.get(targetId);
  const series = useMemo(() => actuals.get(targetId) ?? [], [actuals, targetId]);
  const chart = useMemo(() => (entry ? pathChartData(entry, series, settings.method) : null), [entry, series, settings.method]);

  if (!entry) {
    return (
      <section className={styles.root}>
        <ViewHeading onBack={onBack} backLabel={backLabel}>
          {messages.target.notFound(targetId)}
        </ViewHeading>
      </section>
    );
  }
  const { plan, target } = entry;
  const measureId = target.measure;
  const measure = measureById(measureId);
  const measureName = measure ? pickText(measure.name, messages) : measureId;
  const assessment = series.length ? assessTarget(entry, actuals, settings.method) : null;
  const formulas = formulasFor(entry, series, messages);
  const value = (v: number | null | undefined) => formatValue(target, v, messages);

  const run = async (action: ActionKind, work: () => Promise<unknown>, done: string) => {
    setNotice(null);
    setError(null);
    try {
      await work();
      setNotice(done);
    } catch (e) {
      setError(describeError(e, action, messages));
    }
  };
  const jumpToRow = async () => {
    if (!workbook) return;
    setNotice(null);
    setError(null);
    try {
      if (await workbook.selectTarget(target.id)) setNotice(messages.overview.jumped(target.id));
      else setError({ title: messages.errors.title, detail: messages.overview.notInSheet(target.id), next: "" });
    } catch (e) {
      setError(describeError(e, "select", messages));
    }
  };

  return (
    <article className={styles.root} aria-labelledby={headingId}>
      <ViewHeading onBack={onBack} backLabel={backLabel} moveFocus={focusHeading} id={headingId}>
        {pickText(target.name, messages)}
      </ViewHeading>
      <Caption1 className={styles.sub}>
        {target.id} · {pickText(plan.shortName, messages)} · {pickText(plan.title, messages)}
      </Caption1>
      <Text className={styles.goal} data-testid="target-goal">
        {describeGoal(target, messages)}
      </Text>
      {assessment && assessment.year != null && (
        <div className={styles.statusLine}>
          <Text>{messages.target.status}</Text>
          <StatusBadge status={assessment.status} />
          <Caption1>{messages.common.year(assessment.year)}</Caption1>
        </div>
      )}

      {target.conflicts.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{messages.target.conflicts}</MessageBarTitle>
            {messages.target.conflictIntro}
            {target.conflicts.map((c, i) => (
              <div key={i}>
                <p data-plan-text="">{localText(c.note, messages)}</p>
                {c.value != null && <p>{messages.target.conflictValue(value(c.value))}</p>}
                <blockquote className={styles.quote} lang="zh-CN">
                  {c.quote}
                </blockquote>
              </div>
            ))}
          </MessageBarBody>
        </MessageBar>
      )}

      <FactList>
        <dt>{messages.target.measures}</dt>
        <dd>
          <Text block weight="semibold">
            {messages.kinds[target.kind]}
          </Text>
          <Text block>{messages.kindActual[target.kind]}</Text>
        </dd>
        {measureId && measureName && (
          <>
            <dt>{messages.target.measure}</dt>
            <dd data-testid="target-measure">
              <Text block>{measureName}</Text>
              {navigation && (
                <Link as="button" onClick={() => navigation.openCompare(measureId)}>
                  {messages.target.compareLink(measureName)}
                </Link>
              )}
            </dd>
          </>
        )}
        {target.unit && (
          <>
            <dt>{messages.target.unit}</dt>
            <dd>{unitText(target.display?.unit ?? target.unit, messages)}</dd>
          </>
        )}
        <dt>{messages.target.comparator}</dt>
        <dd>{messages.comparators[target.comparator]}</dd>
        <dt>{messages.target.direction}</dt>
        <dd>{messages.directions[target.direction]}</dd>
        <dt>{messages.target.base}</dt>
        <dd>
          {target.base == null
            ? messages.target.noBase
            : target.base.value == null
              ? messages.target.baseYearOnly(target.base.year)
              : messages.common.yearValue(target.base.year, value(target.base.value))}
        </dd>
        <dt>{messages.target.target}</dt>
        <dd>{describeGoal(target, messages)}</dd>
        {target.milestones.length > 0 && (
          <>
            <dt>{messages.target.milestones}</dt>
            <dd>
              <ul className={styles.plainList}>
                {target.milestones.map((m) => (
                  <li key={m.year}>{messages.common.yearValue(m.year, value(m.value))}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        <dt>{messages.target.area}</dt>
        <dd>{messages.areas[target.area]}</dd>
        {target.attribute && (
          <>
            <dt>{messages.target.attribute}</dt>
            <dd>{messages.attributes[target.attribute]}</dd>
          </>
        )}
        {target.responsible.length > 0 && (
          <>
            <dt>{messages.target.responsible}</dt>
            <dd lang="zh-CN">{target.responsible.join("、")}</dd>
          </>
        )}
      </FactList>

      <section className={styles.section} aria-labelledby={`${headingId}-quotes`}>
        <Subtitle2 as="h3" id={`${headingId}-quotes`} className={styles.sectionHeading}>
          {messages.target.quotes}
        </Subtitle2>
        <Caption1 data-testid="target-source">
          {messages.common.labelled(messages.target.section, planSource(plan, target.section, messages))}
        </Caption1>
        {target.quotes.map((q, i) => (
          <blockquote key={i} className={styles.quote} lang="zh-CN" aria-label={messages.target.quoteLabel(i + 1)} data-testid="quote">
            {q}
          </blockquote>
        ))}
        {target.derived.length > 0 && (
          <>
            <Text weight="semibold">{messages.target.derived}</Text>
            <ul className={styles.plainList}>
              {target.derived.map((d, i) => (
                <li key={i} data-plan-text="">
                  {localText(d.note, messages)}
                </li>
              ))}
            </ul>
          </>
        )}
        {target.note && (
          <Text data-plan-text="">{messages.common.labelled(messages.target.note, localText(target.note, messages))}</Text>
        )}
      </section>

      <section className={styles.section} aria-labelledby={`${headingId}-chart`}>
        <Subtitle2 as="h3" id={`${headingId}-chart`} className={styles.sectionHeading}>
          {messages.target.chart}
        </Subtitle2>
        {chart ? (
          <>
            <PathChart data={chart} title={messages.target.chart} formatValue={value} />
            {chart.actual.length === 0 && <Caption1>{messages.target.chartNoActuals}</Caption1>}
          </>
        ) : (
          <Text>{messages.target.chartNoPath}</Text>
        )}
      </section>

      <section className={styles.section} aria-labelledby={`${headingId}-formulas`}>
        <Subtitle2 as="h3" id={`${headingId}-formulas`} className={styles.sectionHeading}>
          {messages.target.formulas}
        </Subtitle2>
        <Caption1>{messages.target.formulasHint}</Caption1>
        {host.unavailable && <UnavailableNote reason={host.unavailable} id={unavailableId} />}
        {notice && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{notice}</MessageBarBody>
          </MessageBar>
        )}
        {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
        <ul className={styles.formulaList}>
          {formulas.map((f) => (
            <li key={f.formula} className={styles.formula}>
              <span className={styles.formulaText}>
                <Caption1>{f.label}</Caption1>
                <code className={styles.code}>{f.formula}</code>
              </span>
              <span />
              <Button
                size="small"
                icon={<CopyRegular />}
                aria-label={messages.target.copyFormula(f.formula)}
                onClick={() => run("copy", () => copyText(f.formula), messages.target.copied)}
              >
                {messages.target.copy}
              </Button>
              <Button
                size="small"
                icon={<TableCellEditRegular />}
                aria-label={messages.target.insertFormula(f.formula)}
                disabledFocusable={!workbook}
                aria-describedby={workbook ? undefined : unavailableId}
                onClick={() => workbook && run("insert", () => workbook.insertFormula(f.formula), messages.target.inserted)}
              >
                {messages.target.insert}
              </Button>
            </li>
          ))}
        </ul>
        {workbook && (
          <div>
            <Button icon={<TextBulletListSquareRegular />} onClick={jumpToRow}>
              {messages.target.jumpToRow}
            </Button>
          </div>
        )}
      </section>
    </article>
  );
}
