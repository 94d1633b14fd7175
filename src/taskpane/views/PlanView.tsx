/** One plan: what it is, and its targets filtered by area, kind and status. */
import { Badge, Button, Caption1, Field, makeStyles, MessageBar, MessageBarBody, Select, Text, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { Area, Target } from "../../core/catalog/schema";
import { STATUS_CODES, type StatusCode } from "../../core/method/method";
import { ErrorMessage } from "../components/ErrorMessage";
import { ListItemButton } from "../components/ListItemButton";
import { StatusBadge } from "../components/StatusBadge";
import { FactList } from "../components/FactList";
import { ViewHeading } from "../components/ViewHeading";
import { formatValue, rowGoal } from "../format";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { pickText, useMessages } from "../i18n";
import { describeError, type UserError } from "../office/errors";
import { useServices } from "../services";
import { NO_FILTERS, type TargetFilters } from "./plan-filters";

export { NO_FILTERS, type TargetFilters } from "./plan-filters";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  download: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
  badges: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS },
  filters: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(110px, 1fr))", gap: tokens.spacingHorizontalS },
  // A select is as wide as its longest option unless told it may shrink (English kinds are long).
  filter: { minWidth: 0 },
  select: { minWidth: 0, "& select": { minWidth: 0, width: "100%", textOverflow: "ellipsis" } },
  countLine: { display: "flex", alignItems: "center", justifyContent: "space-between", gap: tokens.spacingHorizontalS, flexWrap: "wrap" },
  list: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, listStyleType: "none", margin: 0, padding: 0 },
  itemBody: { display: "flex", flexDirection: "column", minWidth: 0, flexGrow: 1 },
  name: { overflowWrap: "anywhere" },
  goal: { fontWeight: tokens.fontWeightSemibold, overflowWrap: "anywhere" },
  actual: { color: tokens.colorNeutralForeground2, overflowWrap: "anywhere" },
  meta: { color: tokens.colorNeutralForeground3 },
});

export interface PlanViewProps {
  planId: string;
  filters: TargetFilters;
  onFiltersChange(filters: TargetFilters): void;
  onOpenTarget(targetId: string): void;
  onBack(): void;
  focusHeading?: boolean;
}

export function PlanView({ planId, filters, onFiltersChange, onOpenTarget, onBack, focusHeading }: PlanViewProps) {
  const messages = useMessages();
  const styles = useStyles();
  const headingId = useId();
  const { catalog, buildWorkbook, saveFile } = useServices();
  const { statuses, actuals, settings } = useWorkbookState();
  const [downloading, setDownloading] = useState(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<UserError | null>(null);
  const plan = catalog.plan(planId);
  if (!plan) {
    return (
      <section className={styles.root}>
        <ViewHeading onBack={onBack}>{messages.plan.notFound(planId)}</ViewHeading>
      </section>
    );
  }
  const areas = [...new Set(plan.targets.map((t) => t.area))];
  const kinds = [...new Set(plan.targets.map((t) => t.kind))];
  const statusOf = (id: string) => statuses.get(id) ?? "noData";
  /** The last actual typed for a target, with its year, as the sheet holds it. */
  const latest = (t: Target): string | null => {
    const series = actuals.get(t.id);
    if (!series?.length) return null;
    const last = series.reduce((a, b) => (b.year > a.year ? b : a));
    return messages.plan.latestActual(last.year, formatValue(t, last.value, messages));
  };
  const shown = plan.targets.filter(
    (t) =>
      (!filters.area || t.area === filters.area) &&
      (!filters.kind || t.kind === filters.kind) &&
      (!filters.status || statusOf(t.id) === filters.status),
  );
  const filtered = filters.area || filters.kind || filters.status;

  // One step from the plan to its workbook: standard formulas, since it is opened where this
  // add-in may not run (WPS, LibreOffice, a colleague's Excel).
  const download = async () => {
    setDownloading(true);
    setDownloaded(null);
    setDownloadError(null);
    const fileName = messages.plan.fileName(pickText(plan.shortName, messages));
    try {
      const data = await buildWorkbook({ plans: [plan.id], portable: true, settings: settings.method });
      saveFile(data, fileName);
      setDownloaded(messages.sheets.downloaded(fileName));
    } catch (e) {
      setDownloadError(describeError(e, "download", messages));
    } finally {
      setDownloading(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={headingId}>
      <ViewHeading onBack={onBack} moveFocus={focusHeading} id={headingId}>
        {pickText(plan.title, messages)}
      </ViewHeading>
      <div className={styles.badges}>
        <Badge appearance="outline" color="informative">
          {messages.levels[plan.level]}
        </Badge>
        {plan.draft && (
          <Badge appearance="tint" color="warning">
            {messages.plans.draft}
          </Badge>
        )}
      </div>
      <FactList>
        <dt>{messages.plan.issuer}</dt>
        <dd>{pickText(plan.issuer, messages)}</dd>
        {plan.docNumber && (
          <>
            <dt>{messages.plan.docNumber}</dt>
            <dd>{plan.docNumber}</dd>
          </>
        )}
        {plan.date && (
          <>
            <dt>{messages.plan.date}</dt>
            <dd>{plan.date}</dd>
          </>
        )}
        <dt>{messages.plan.period}</dt>
        <dd>{messages.plans.period(plan.period.start, plan.period.end)}</dd>

      </FactList>
      <div className={styles.download}>
        <div>
          <Button icon={<ArrowDownloadRegular />} onClick={download} disabledFocusable={downloading}>
            {downloading ? messages.sheets.downloading : messages.plan.download}
          </Button>
        </div>
        <Caption1 className={styles.meta}>{messages.plan.downloadHint}</Caption1>
        {downloaded && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{downloaded}</MessageBarBody>
          </MessageBar>
        )}
        {downloadError && <ErrorMessage error={downloadError} onDismiss={() => setDownloadError(null)} />}
      </div>

      <div className={styles.filters} role="group" aria-label={messages.plan.filtersLabel}>
        <Field className={styles.filter} label={messages.plan.areaFilter}>
          <Select className={styles.select} value={filters.area} onChange={(_, d) => onFiltersChange({ ...filters, area: d.value as Area | "" })}>
            <option value="">{messages.plan.allAreas}</option>
            {areas.map((a) => (
              <option key={a} value={a}>
                {messages.areas[a]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={messages.plan.kindFilter}>
          <Select className={styles.select} value={filters.kind} onChange={(_, d) => onFiltersChange({ ...filters, kind: d.value as Target["kind"] | "" })}>
            <option value="">{messages.plan.allKinds}</option>
            {kinds.map((k) => (
              <option key={k} value={k}>
                {messages.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
        <Field className={styles.filter} label={messages.plan.statusFilter}>
          <Select className={styles.select} value={filters.status} onChange={(_, d) => onFiltersChange({ ...filters, status: d.value as StatusCode | "" })}>
            <option value="">{messages.plan.allStatuses}</option>
            {STATUS_CODES.map((s) => (
              <option key={s} value={s}>
                {messages.status[s]}
              </option>
            ))}
          </Select>
        </Field>
      </div>

      <div className={styles.countLine}>
        <Text role="status" aria-live="polite">
          {messages.plan.shown(shown.length, plan.targets.length)}
        </Text>
        {filtered && (
          <Button appearance="subtle" size="small" onClick={() => onFiltersChange(NO_FILTERS)}>
            {messages.plan.clearFilters}
          </Button>
        )}
      </div>
      {shown.length === 0 ? (
        <Text>{messages.plan.noneMatch}</Text>
      ) : (
        <ul className={styles.list} aria-label={messages.plan.targetsHeading}>
          {shown.map((t) => (
            <li key={t.id}>
              <ListItemButton onClick={() => onOpenTarget(t.id)} data-target-id={t.id}>
                <span className={styles.itemBody}>
                  <span className={styles.name}>{pickText(t.name, messages)}</span>
                  <span className={styles.goal}>{rowGoal(t, messages)}</span>
                  {latest(t) && <Caption1 className={styles.actual}>{latest(t)}</Caption1>}
                  <Caption1 className={styles.meta}>{t.id}</Caption1>
                </span>
                <StatusBadge status={statusOf(t.id)} size="small" />
              </ListItemButton>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
