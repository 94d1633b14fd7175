/**
 * Writing or refreshing the sheets of the chosen plans (in Excel), with progress, cancel and a
 * summary; and downloading the same workbook as .xlsx (anywhere, Excel or not).
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Radio,
  RadioGroup,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowDownloadRegular, DismissRegular, TableArrowUpRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import { ErrorMessage } from "../components/ErrorMessage";
import { UnavailableNote } from "../components/UnavailableNote";
import { ViewHeading } from "../components/ViewHeading";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { pickText, useMessages } from "../i18n";
import type { FormulaMode } from "../../office/settings-store";
import { describeError, type UserError } from "../office/errors";
import type { WriteProgress, WriteResult } from "../office/workbook";
import { DEFAULT_DOWNLOAD_MODE, useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
  sectionHeading: { margin: 0 },
  plans: { display: "flex", flexDirection: "column", border: "none", margin: 0, padding: 0, minWidth: 0 },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  table: {
    borderCollapse: "collapse",
    width: "100%",
    fontSize: tokens.fontSizeBase200,
    "& th, & td": { padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`, textAlign: "end" },
    "& th:first-child, & td:first-child": { textAlign: "start" },
    "& thead th": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, fontWeight: tokens.fontWeightSemibold },
    "& tbody td, & tbody th": { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke3}` },
  },
  caption: { textAlign: "start", color: tokens.colorNeutralForeground3, paddingBottom: tokens.spacingVerticalXS },
  sheetName: { display: "block", fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground3 },
});

const isAbort = (e: unknown) => (e as { name?: string } | null)?.name === "AbortError";

export function SheetsView({ onOpenSettings }: { onOpenSettings(): void }) {
  const messages = useMessages();
  const styles = useStyles();
  const ids = { plans: useId(), write: useId(), download: useId(), unavailable: useId() };
  const { catalog, host, workbook, buildWorkbook, saveFile } = useServices();
  const { settings, readActuals } = useWorkbookState();
  const [chosen, setChosen] = useState<string[]>([]);
  const [writing, setWriting] = useState(false);
  const [cancelling, setCancelling] = useState(false);
  const [progress, setProgress] = useState<WriteProgress | null>(null);
  const [result, setResult] = useState<WriteResult | null>(null);
  const [writeError, setWriteError] = useState<UserError | null>(null);
  // A download is mostly for where the add-in is not (WPS, LibreOffice, a colleague's Excel): portable
  // unless asked otherwise, whatever mode the sheets in this workbook are written in.
  const [downloadMode, setDownloadMode] = useState<FormulaMode>(DEFAULT_DOWNLOAD_MODE);
  const [downloading, setDownloading] = useState(false);
  const [downloaded, setDownloaded] = useState<string | null>(null);
  const [downloadError, setDownloadError] = useState<UserError | null>(null);
  const abort = useRef<AbortController | null>(null);

  const allIds = catalog.plans.map((p) => p.id);
  const allChosen = chosen.length === allIds.length;
  const toggle = (id: string, on: boolean) =>
    setChosen((c) => (on ? allIds.filter((x) => x === id || c.includes(x)) : c.filter((x) => x !== id)));

  const write = async () => {
    if (!workbook || chosen.length === 0) return;
    const controller = new AbortController();
    abort.current = controller;
    setWriting(true);
    setCancelling(false);
    setProgress(null);
    setResult(null);
    setWriteError(null);
    try {
      const r = await workbook.writeOrRefreshSheets(chosen, {
        mode: settings.formulaMode,
        settings: settings.method,
        onProgress: setProgress,
        signal: controller.signal,
      });
      setResult(r);
      void readActuals();
    } catch (e) {
      if (isAbort(e) || controller.signal.aborted) setResult({ plans: [], syncs: 0, cancelled: true });
      else setWriteError(describeError(e, "write", messages));
    } finally {
      abort.current = null;
      setWriting(false);
      setCancelling(false);
    }
  };

  const cancel = () => {
    setCancelling(true);
    abort.current?.abort();
  };

  const download = async () => {
    setDownloading(true);
    setDownloaded(null);
    setDownloadError(null);
    try {
      const data = await buildWorkbook({ plans: chosen, portable: downloadMode === "portable", settings: settings.method });
      saveFile(data, messages.sheets.fileName);
      setDownloaded(messages.sheets.downloaded(messages.sheets.fileName));
    } catch (e) {
      setDownloadError(describeError(e, "download", messages));
    } finally {
      setDownloading(false);
    }
  };

  const planName = (id: string) => {
    const plan = catalog.plan(id);
    return plan ? pickText(plan.shortName, messages) : id;
  };
  const modeName = settings.formulaMode === "portable" ? messages.settings.formulaPortable : messages.settings.formulaLive;
  const modeHint = settings.formulaMode === "portable" ? messages.settings.formulaPortableHint : messages.settings.formulaLiveHint;
  const nothingChosen = chosen.length === 0;

  return (
    <section className={styles.root} aria-labelledby={ids.plans}>
      <ViewHeading id={ids.plans}>{messages.sheets.heading}</ViewHeading>
      <Text>{messages.sheets.intro}</Text>

      <fieldset className={styles.plans}>
        <legend className={styles.legend}>{messages.sheets.choosePlans}</legend>
        <Checkbox
          label={messages.sheets.selectAll}
          checked={allChosen ? true : nothingChosen ? false : "mixed"}
          onChange={(_, d) => setChosen(d.checked === true ? allIds : [])}
          disabled={writing}
        />
        {catalog.plans.map((p) => (
          <Checkbox
            key={p.id}
            value={p.id}
            label={`${pickText(p.shortName, messages)} · ${pickText(p.title, messages)}`}
            checked={chosen.includes(p.id)}
            onChange={(_, d) => toggle(p.id, d.checked === true)}
            disabled={writing}
          />
        ))}
      </fieldset>
      {nothingChosen && <Caption1>{messages.sheets.noneChosen}</Caption1>}

      <section className={styles.section} aria-labelledby={ids.write}>
        <Subtitle2 as="h3" id={ids.write} className={styles.sectionHeading}>
          {messages.sheets.write}
        </Subtitle2>
        <Caption1>
          {messages.sheets.mode(modeName)} {modeHint}{" "}
          <Button appearance="transparent" size="small" onClick={onOpenSettings}>
            {messages.sheets.changeSettings}
          </Button>
        </Caption1>
        {host.unavailable && <UnavailableNote reason={host.unavailable} id={ids.unavailable} />}
        <div className={styles.actions}>
          <Button
            appearance="primary"
            icon={<TableArrowUpRegular />}
            disabledFocusable={!workbook || nothingChosen || writing}
            aria-describedby={host.unavailable ? ids.unavailable : undefined}
            onClick={write}
          >
            {writing ? messages.sheets.writing : messages.sheets.write}
          </Button>
          {writing && (
            <Button icon={<DismissRegular />} onClick={cancel} disabled={cancelling}>
              {cancelling ? messages.sheets.cancelling : messages.sheets.cancel}
            </Button>
          )}
        </div>
        {writing && (
          <Field
            label={messages.sheets.progressLabel}
            hint={progress ? (progress.message ?? messages.sheets.progress(progress.done, progress.total)) : messages.sheets.writing}
          >
            <ProgressBar
              value={progress && progress.total > 0 ? progress.done / progress.total : undefined}
              max={1}
              thickness="large"
            />
          </Field>
        )}
        {writeError && <ErrorMessage error={writeError} onDismiss={() => setWriteError(null)} />}
        {result?.cancelled && (
          <MessageBar intent="warning" role="status">
            <MessageBarBody>{messages.sheets.cancelled}</MessageBarBody>
          </MessageBar>
        )}
        {result && !result.cancelled && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{messages.sheets.done(result.syncs)}</MessageBarBody>
          </MessageBar>
        )}
        {result && result.plans.length > 0 && (
          <>
            <table className={styles.table} data-testid="write-summary">
              <caption className={styles.caption}>{messages.sheets.summaryCaption}</caption>
              <thead>
                <tr>
                  <th scope="col">{messages.sheets.colPlan}</th>
                  <th scope="col">{messages.sheets.colAdded}</th>
                  <th scope="col">{messages.sheets.colUpdated}</th>
                  <th scope="col">{messages.sheets.colKept}</th>
                  <th scope="col">{messages.sheets.colFlagged}</th>
                </tr>
              </thead>
              <tbody>
                {result.plans.map((p) => (
                  <tr key={p.planId}>
                    <th scope="row">
                      {planName(p.planId)}
                      <span className={styles.sheetName}>{p.sheetName}</span>
                    </th>
                    <td>{p.added}</td>
                    <td>{p.updated}</td>
                    <td>{p.kept}</td>
                    <td>{p.flagged}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {result.plans.some((p) => p.flagged > 0) && <Caption1>{messages.sheets.flaggedHelp}</Caption1>}
          </>
        )}
      </section>

      <section className={styles.section} aria-labelledby={ids.download}>
        <Subtitle2 as="h3" id={ids.download} className={styles.sectionHeading}>
          {messages.sheets.downloadHeading}
        </Subtitle2>
        <Caption1>{messages.sheets.downloadIntro}</Caption1>
        <Field label={messages.sheets.downloadMode}>
          <RadioGroup value={downloadMode} onChange={(_, d) => setDownloadMode(d.value as FormulaMode)}>
            <Radio
              value="portable"
              label={<>{messages.settings.formulaPortable}<Caption1 block>{messages.settings.formulaPortableHint}</Caption1></>}
            />
            <Radio value="live" label={<>{messages.settings.formulaLive}<Caption1 block>{messages.settings.formulaLiveHint}</Caption1></>} />
          </RadioGroup>
        </Field>
        <div className={styles.actions}>
          <Button icon={<ArrowDownloadRegular />} disabledFocusable={nothingChosen || downloading} onClick={download}>
            {downloading ? messages.sheets.downloading : messages.sheets.download}
          </Button>
        </div>
        {downloaded && (
          <MessageBar intent="success" role="status">
            <MessageBarBody>{downloaded}</MessageBarBody>
          </MessageBar>
        )}
        {downloadError && <ErrorMessage error={downloadError} onDismiss={() => setDownloadError(null)} />}
      </section>
    </section>
  );
}
