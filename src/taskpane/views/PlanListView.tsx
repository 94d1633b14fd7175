/** The plans, filtered by level, and a search of targets across every plan. */
import { Badge, Caption1, Field, makeStyles, SearchBox, Select, Text, tokens } from "@fluentui/react-components";
import { useMemo } from "react";
import type { Level } from "../../core/catalog/schema";
import { ListItemButton } from "../components/ListItemButton";
import { StatusBadge } from "../components/StatusBadge";
import { StatusSummary } from "../components/StatusSummary";
import { ViewHeading } from "../components/ViewHeading";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { pickText, useMessages } from "../i18n";
import { countStatuses, planHasActuals } from "../model";
import { useServices } from "../services";

export const LEVELS: readonly Level[] = ["province", "city", "county", "zone"];

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  controls: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, listStyleType: "none", margin: 0, padding: 0 },
  itemBody: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS, minWidth: 0, flexGrow: 1 },
  titleLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  name: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere" },
  firstStep: {
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    backgroundColor: tokens.colorBrandBackground2,
    borderRadius: tokens.borderRadiusMedium,
  },
});

export interface PlanListViewProps {
  query: string;
  onQueryChange(query: string): void;
  level: Level | "";
  onLevelChange(level: Level | ""): void;
  onOpenPlan(planId: string): void;
  onOpenTarget(targetId: string): void;
  focusHeading?: boolean;
}

export function PlanListView({ query, onQueryChange, level, onLevelChange, onOpenPlan, onOpenTarget, focusHeading }: PlanListViewProps) {
  const messages = useMessages();
  const styles = useStyles();
  const { catalog, host } = useServices();
  const { statuses, actuals, hasActuals } = useWorkbookState();
  const results = useMemo(() => (query.trim() ? catalog.search(query) : null), [catalog, query]);
  const plans = catalog.plans.filter((p) => !level || p.level === level);

  return (
    <section className={styles.root} aria-labelledby="plans-heading">
      <ViewHeading moveFocus={focusHeading} id="plans-heading">
        {messages.plans.heading}
      </ViewHeading>
      <Text data-testid="first-step" className={styles.firstStep}>
        {host.unavailable ? messages.plans.firstStepPreview : messages.plans.firstStep}
      </Text>
      <div className={styles.controls}>
        <Field label={messages.plans.searchLabel}>
          <SearchBox
            value={query}
            placeholder={messages.plans.searchPlaceholder}
            onChange={(_, data) => onQueryChange(data.value)}
          />
        </Field>
        {!results && (
          <Field label={messages.plans.levelFilter}>
            <Select value={level} onChange={(_, data) => onLevelChange(data.value as Level | "")}>
              <option value="">{messages.plans.allLevels}</option>
              {LEVELS.map((l) => (
                <option key={l} value={l}>
                  {messages.levels[l]}
                </option>
              ))}
            </Select>
          </Field>
        )}
      </div>

      {results ? (
        <>
          <Text role="status" aria-live="polite">
            {results.length ? messages.plans.searchResults(results.length) : messages.plans.noResults}
          </Text>
          <ul className={styles.list} aria-label={messages.plans.searchLabel}>
            {results.map(({ plan, target }) => (
              <li key={target.id}>
                <ListItemButton onClick={() => onOpenTarget(target.id)} data-target-id={target.id}>
                  <span className={styles.itemBody}>
                    <span className={styles.name}>{pickText(target.name, messages)}</span>
                    <Caption1 className={styles.meta}>
                      {pickText(plan.shortName, messages)} · {target.id}
                    </Caption1>
                  </span>
                  {hasActuals && <StatusBadge status={statuses.get(target.id) ?? "noData"} size="small" />}
                </ListItemButton>
              </li>
            ))}
          </ul>
        </>
      ) : plans.length === 0 ? (
        <Text>{messages.plans.noPlans}</Text>
      ) : (
        <ul className={styles.list} aria-label={messages.plans.heading}>
          {plans.map((plan) => (
            <li key={plan.id}>
              <ListItemButton onClick={() => onOpenPlan(plan.id)} data-plan-id={plan.id}>
                <span className={styles.itemBody}>
                  <span className={styles.titleLine}>
                    <span className={styles.name}>{pickText(plan.shortName, messages)}</span>
                    <Badge appearance="outline" color="informative" size="small">
                      {messages.levels[plan.level]}
                    </Badge>
                    {plan.draft && (
                      <Badge appearance="tint" color="warning" size="small">
                        {messages.plans.draft}
                      </Badge>
                    )}
                  </span>
                  <Caption1 className={styles.wrap}>{pickText(plan.title, messages)}</Caption1>
                  <Caption1 className={styles.meta}>
                    {messages.plans.period(plan.period.start, plan.period.end)} · {messages.plans.targetsCount(plan.targets.length)}
                  </Caption1>
                  {planHasActuals(plan, actuals) && (
                    <StatusSummary counts={countStatuses(plan, statuses)} label={messages.plans.statusSummary} />
                  )}
                </span>
              </ListItemButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
