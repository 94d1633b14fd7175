/**
 * The implementation report (规划实施情况报告) as a .docx download: in Excel from the actuals read
 * back from the written sheets, in the browser preview from an actuals CSV the official opens.
 * The document itself is built by src/report/ (loaded only when asked for).
 */
import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Radio, RadioGroup, Text, tokens } from "@fluentui/react-components";
import { DocumentArrowDownRegular } from "@fluentui/react-icons";
import { useId, useState } from "react";
import type { ReportRequest } from "../../report/build";
import type { ReportKind } from "../../report/text";
import { ErrorMessage } from "../components/ErrorMessage";
import { ViewHeading } from "../components/ViewHeading";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { useMessages } from "../i18n";
import { reportMessages } from "../i18n/report";
import { readFileBytes } from "../browser";
import { errorText, type UserError } from "../office/errors";
import { useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  input: { maxWidth: "100%" },
  year: { maxWidth: "12em" },
  problems: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function ReportView() {
  const messages = useMessages();
  const rm = reportMessages(messages);
  const styles = useStyles();
  const ids = { heading: useId(), file: useId() };
  const { catalog, host, saveFile, buildReport } = useServices();
  const { actuals, hasActuals, settings } = useWorkbookState();
  const preview = !host.inExcel;
  const [file, setFile] = useState<File | null>(null);
  const [year, setYear] = useState("");
  const [kind, setKind] = useState<ReportKind>("annual");
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);
  const [error, setError] = useState<UserError | null>(null);
  const yearInvalid = year.trim() !== "" && !/^\d{4}$/.test(year.trim());

  const build = async () => {
    setDone(null);
    setProblems([]);
    setError(null);
    if (yearInvalid) return;
    if (preview && !file) {
      setError({ title: rm.failed, detail: rm.needFile, next: "" });
      return;
    }
    setBusy(true);
    try {
      let csv: Uint8Array | undefined;
      if (preview && file) {
        try {
          csv = await readFileBytes(file);
        } catch (e) {
          setError({ title: rm.readFailed, detail: String((e as Error)?.message ?? e), next: rm.failedNext });
          return;
        }
      }
      const request: ReportRequest = {
        actuals: preview ? undefined : actuals,
        csv,
        year: year.trim() ? Number(year.trim()) : null,
        lang: messages.locale === "en-US" ? "en" : "zh",
        settings: settings.method,
        kind,
      };
      const run =
        buildReport ??
        ((r: ReportRequest) => import(/* webpackChunkName: "report" */ "../../report/build").then((m) => m.buildReportFile(catalog, r)));
      const result = await run(request);
      const fileName = kind === "midterm" ? rm.midtermFileName : rm.fileName;
      saveFile(result.data, fileName);
      setDone(rm.done(fileName, result.year));
      setProblems(result.problems);
    } catch (e) {
      setError({ title: rm.failed, detail: errorText(e, messages.locale), next: rm.failedNext });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.root} aria-labelledby={ids.heading}>
      <ViewHeading id={ids.heading}>{rm.heading}</ViewHeading>
      <Text>{preview ? rm.introPreview : rm.introExcel}</Text>
      {preview ? (
        <div className={styles.file}>
          <label htmlFor={ids.file} className={styles.label}>
            {rm.file}
          </label>
          <input
            id={ids.file}
            className={styles.input}
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setDone(null);
              setError(null);
            }}
            disabled={busy}
          />
          {file && <Text size={200}>{rm.fileChosen(file.name, (Math.ceil(file.size / 102.4) / 10).toFixed(1))}</Text>}
        </div>
      ) : (
        !hasActuals && (
          <MessageBar intent="info">
            <MessageBarBody>{rm.noActuals}</MessageBarBody>
          </MessageBar>
        )
      )}
      <Field label={rm.kind}>
        <RadioGroup value={kind} onChange={(_, d) => setKind(d.value as ReportKind)} disabled={busy}>
          <Radio value="annual" label={rm.annual} />
          <Radio value="midterm" label={rm.midterm} />
        </RadioGroup>
      </Field>
      <Field
        label={rm.year}
        hint={rm.yearHint}
        validationState={yearInvalid ? "error" : "none"}
        validationMessage={yearInvalid ? rm.yearInvalid : undefined}
      >
        <Input className={styles.year} inputMode="numeric" value={year} onChange={(_, d) => setYear(d.value)} disabled={busy} />
      </Field>
      <div>
        <Button appearance="primary" icon={<DocumentArrowDownRegular />} onClick={() => void build()} disabledFocusable={busy}>
          {busy ? rm.building : rm.build}
        </Button>
      </div>
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {done && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{done}</MessageBarBody>
        </MessageBar>
      )}
      {problems.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {rm.problems(problems.length)}
            <ul className={styles.problems}>
              {problems.slice(0, 10).map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
