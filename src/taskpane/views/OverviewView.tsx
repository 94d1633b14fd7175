/**
 * Reads the actuals back from the sheets and shows, per plan (or per measure, across plans), how
 * many targets are in each status (a stacked bar and counts); choosing a count lists those targets,
 * and choosing a target selects its row in the workbook.
 */
import {
  Button,
  Caption1,
  makeStyles,
  MessageBar,
  MessageBarBody,
  MessageBarTitle,
  Spinner,
  Subtitle2,
  Text,
  ToggleButton,
  tokens,
} from "@fluentui/react-components";
import { ArrowSyncRegular } from "@fluentui/react-icons";
import { useState } from "react";
import type { CatalogEntry } from "../../core/catalog/catalog";
import { measureById } from "../../core/catalog/measures";
import type { Plan } from "../../core/catalog/schema";
import { STATUS_CODES, type StatusCode } from "../../core/method/method";
import { ErrorMessage } from "../components/ErrorMessage";
import { ListItemButton } from "../components/ListItemButton";
import { STATUS_FILL } from "../components/StatusBadge";
import { StatusBar } from "../components/StatusBar";
import { UnavailableNote } from "../components/UnavailableNote";
import { ViewHeading } from "../components/ViewHeading";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { pickText, useMessages } from "../i18n";
import { describeError, type UserError } from "../office/errors";
import { countEntries } from "../model";
import { useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  plan: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
  },
  planHeading: { margin: 0 },
  counts: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  swatch: { display: "inline-block", width: "10px", height: "10px", borderRadius: "2px", marginRight: "2px" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, listStyleType: "none", margin: 0, padding: 0 },
  toolbar: { display: "flex", alignItems: "center", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  problems: { margin: `${tokens.spacingVerticalXS} 0`, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

/** Unreadable cells listed by address before "… more". */
const MAX_LISTED = 5;

export function OverviewView() {
  const messages = useMessages();
  const styles = useStyles();
  const { catalog, host, workbook } = useServices();
  const { actuals, statuses, readState, readError, readAt, unreadable, readActuals } = useWorkbookState();
  /** Which block's count is open: a plan's id or "measure:<id>". */
  const [open, setOpen] = useState<{ planId: string; status: StatusCode } | null>(null);
  const [groupBy, setGroupBy] = useState<"plan" | "measure">("plan");
  const [notice, setNotice] = useState<string | null>(null);
  const [jumpError, setJumpError] = useState<UserError | null>(null);

  const written = catalog.plans.filter((p) => p.targets.some((t) => actuals.has(t.id)));
  const hasAny = written.some((p) => p.targets.some((t) => (actuals.get(t.id)?.length ?? 0) > 0));

  const jump = async (id: string) => {
    if (!workbook) return;
    setNotice(null);
    setJumpError(null);
    try {
      if (await workbook.selectTarget(id)) setNotice(messages.overview.jumped(id));
      else setJumpError({ title: messages.errors.title, detail: messages.overview.notInSheet(id), next: "" });
    } catch (e) {
      setJumpError(describeError(e, "select", messages));
    }
  };

  /** One group of targets (a plan's, or a measure's across plans): status bar, counts, the targets of a count. */
  const block = (key: string, name: string, entries: readonly CatalogEntry[], chartLabel: string, byMeasure: boolean) => {
    const counts = countEntries(entries, statuses);
    const openHere = open?.planId === key ? open.status : null;
    return (
      <section key={key} className={styles.plan} aria-label={name} data-plan-id={byMeasure ? undefined : key} data-measure={byMeasure ? key.slice(8) : undefined}>
        <Subtitle2 as="h3" className={styles.planHeading}>
          {name}
        </Subtitle2>
        <StatusBar counts={counts} label={chartLabel} />
        <div className={styles.counts}>
          {STATUS_CODES.filter((s) => counts[s] > 0).map((s) => (
            <ToggleButton
              key={s}
              size="small"
              checked={openHere === s}
              aria-label={messages.overview.showTargets(messages.status[s], counts[s])}
              onClick={() => setOpen(openHere === s ? null : { planId: key, status: s })}
              icon={<span className={styles.swatch} style={{ backgroundColor: STATUS_FILL[s] }} />}
            >
              {messages.overview.countOf(messages.status[s], counts[s])}
            </ToggleButton>
          ))}
        </div>
        {openHere && (
          <ul className={styles.list} aria-label={messages.overview.targetsIn(name, messages.status[openHere])}>
            {entries
              .filter((e) => (statuses.get(e.target.id) ?? "noData") === openHere)
              .map(({ plan, target: t }) => (
                <li key={t.id}>
                  <ListItemButton
                    onClick={() => jump(t.id)}
                    aria-label={messages.overview.jump(pickText(t.name, messages))}
                    disabled={!workbook}
                    data-target-id={t.id}
                  >
                    <span>
                      {byMeasure && <Caption1>{pickText(plan.shortName, messages)} · </Caption1>}
                      {pickText(t.name, messages)} <Caption1>{t.id}</Caption1>
                    </span>
                  </ListItemButton>
                </li>
              ))}
          </ul>
        )}
      </section>
    );
  };

  const planBlock = (plan: Plan) => {
    const name = pickText(plan.shortName, messages);
    return block(plan.id, name, plan.targets.map((target) => ({ plan, target })), messages.overview.chartLabel(name), false);
  };

  /** By measure: the measures some plan uses, each with its targets across the plans (plan order). */
  const measureIds = catalog.measureIds();
  const measureBlocks = () =>
    measureIds.map((id) => {
      const m = measureById(id);
      const name = m ? pickText(m.name, messages) : id;
      return block(`measure:${id}`, name, catalog.byMeasure(id), messages.overview.measureChartLabel(name), true);
    });
  const withoutMeasure = written.flatMap((p) => p.targets).filter((t) => !t.measure && (actuals.get(t.id)?.length ?? 0) > 0).length;

  return (
    <section className={styles.root} aria-labelledby="overview-heading">
      <ViewHeading id="overview-heading">{messages.overview.heading}</ViewHeading>
      <Text>{messages.overview.intro}</Text>
      {host.unavailable ? (
        <UnavailableNote reason={host.unavailable} />
      ) : (
        <div className={styles.toolbar}>
          <Button icon={<ArrowSyncRegular />} onClick={() => void readActuals()} disabledFocusable={readState === "reading"}>
            {messages.overview.refresh}
          </Button>
          {readState === "reading" && <Spinner size="tiny" label={messages.overview.reading} />}
          {readAt && readState !== "reading" && <Caption1>{messages.overview.lastRead(readAt.toLocaleTimeString(messages.locale))}</Caption1>}
        </div>
      )}
      {readState === "error" && (
        <ErrorMessage error={describeError(readError, "read", messages)} />
      )}
      {readState === "ready" && unreadable.length > 0 && (
        <MessageBar intent="warning" layout="multiline" data-testid="unreadable">
          <MessageBarBody>
            <MessageBarTitle>{messages.overview.unreadable(unreadable.length)}</MessageBarTitle>
            {messages.overview.unreadableNext}
            <ul className={styles.problems}>
              {unreadable.slice(0, MAX_LISTED).map((p) => (
                <li key={`${p.sheetName}!${p.address}`}>
                  {messages.common.labelled(`${p.sheetName}!${p.address}`, messages.locale === "en-US" ? p.en : p.zh)}
                </li>
              ))}
            </ul>
            {unreadable.length > MAX_LISTED && messages.overview.unreadableMore(unreadable.length - MAX_LISTED)}
          </MessageBarBody>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {jumpError && <ErrorMessage error={jumpError} onDismiss={() => setJumpError(null)} />}
      {!host.unavailable && readState !== "reading" && readState !== "error" && !hasAny && <Text>{messages.overview.noActuals}</Text>}
      {hasAny && (
        <div className={styles.toolbar} role="group" aria-label={messages.overview.groupBy}>
          <Caption1>{messages.overview.groupBy}</Caption1>
          <ToggleButton size="small" checked={groupBy === "plan"} appearance={groupBy === "plan" ? "primary" : "secondary"} onClick={() => setGroupBy("plan")}>
            {messages.overview.byPlan}
          </ToggleButton>
          <ToggleButton size="small" checked={groupBy === "measure"} appearance={groupBy === "measure" ? "primary" : "secondary"} onClick={() => setGroupBy("measure")}>
            {messages.overview.byMeasure}
          </ToggleButton>
        </div>
      )}
      {hasAny && groupBy === "plan" && written.map(planBlock)}
      {hasAny && groupBy === "measure" && (measureIds.length === 0 ? <Text data-testid="no-measures">{messages.overview.noMeasures}</Text> : measureBlocks())}
      {hasAny && groupBy === "measure" && measureIds.length > 0 && withoutMeasure > 0 && <Caption1>{messages.overview.otherTargets(withoutMeasure)}</Caption1>}
    </section>
  );
}
