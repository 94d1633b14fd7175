/**
 * 汇总 / Collect workbooks: the province chooses the workbooks its cities and counties sent back
 * (several at once, in the browser preview or in Excel's pane), the roll-up (src/rollup, loaded on
 * demand) reads every actual from the add-in's own sheets, and the pane shows what it found: files,
 * actuals, conflicts (never resolved), problems by file, sheet and row, the province beside the sum
 * of lower levels per measure, and the 汇总.xlsx to download.
 */
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, ProgressBar, Subtitle2, Text, tokens } from "@fluentui/react-components";
import { ArrowDownloadRegular, FolderOpenRegular, TableStackBelowRegular } from "@fluentui/react-icons";
import { useId, useRef, useState } from "react";
import { measureById } from "../../core/catalog/measures";
import type { MeasureFigure, MeasureRollupRow, RollupInputFile, RollupResult, RollupText } from "../../rollup/types";
import { ErrorMessage } from "../components/ErrorMessage";
import { ViewHeading } from "../components/ViewHeading";
import { formatNumber, unitText } from "../format";
import { pickText, useMessages } from "../i18n";
import { compareMessages } from "../i18n/compare";
import { readFileBytes } from "../browser";
import { errorText, type UserError } from "../office/errors";
import { type RollupModule, useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM, minWidth: 0 },
  file: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS, minWidth: 0 },
  label: { fontWeight: tokens.fontWeightSemibold },
  hiddenInput: { position: "absolute", width: "1px", height: "1px", overflow: "hidden", clip: "rect(0 0 0 0)", opacity: 0 },
  actions: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  list: { margin: 0, paddingInlineStart: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
  plainList: { margin: 0, padding: 0, listStyleType: "none", overflowWrap: "anywhere" },
  counts: { display: "flex", flexWrap: "wrap", gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}` },
  section: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS, minWidth: 0 },
  sectionHeading: { margin: 0 },
  table: {
    width: "100%",
    borderCollapse: "collapse",
    tableLayout: "fixed",
    "& caption": {
      textAlign: "start",
      fontWeight: tokens.fontWeightSemibold,
      paddingBottom: tokens.spacingVerticalXXS,
      overflowWrap: "anywhere",
    },
    "& th, & td": {
      padding: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalXS}`,
      borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
      textAlign: "start",
      verticalAlign: "top",
      overflowWrap: "anywhere",
    },
    "& th": { fontWeight: tokens.fontWeightRegular, color: tokens.colorNeutralForeground2, width: "60%" },
    "& td": { textAlign: "end", fontVariantNumeric: "tabular-nums" },
  },
});

/** The roll-up module, loaded only when an official collects (ExcelJS and the reader are large). */
const defaultLoadRollup = (): Promise<RollupModule> => import(/* webpackChunkName: "rollup" */ "../../rollup/index");

type Phase = { step: "idle" } | { step: "reading"; done: number; total: number } | { step: "done"; result: RollupResult };

export interface RollupViewProps {
  /** Told each finished roll-up, so the comparison above can show the collected actuals. */
  onCollected?(result: RollupResult): void;
}

export function RollupView({ onCollected }: RollupViewProps = {}) {
  const messages = useMessages();
  const r = compareMessages(messages).rollup;
  const en = messages.locale === "en-US";
  const styles = useStyles();
  const ids = { heading: useId(), input: useId(), progress: useId(), chosen: useId() };
  const inputRef = useRef<HTMLInputElement>(null);
  const { catalog, saveFile, loadRollup = defaultLoadRollup } = useServices();
  const [files, setFiles] = useState<File[]>([]);
  const [phase, setPhase] = useState<Phase>({ step: "idle" });
  const [error, setError] = useState<UserError | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const run = useRef(0);
  const text = (t: RollupText) => (en ? t.en : t.zh);

  const fail = (e: unknown) => {
    const detail = errorText(e, messages.locale);
    // The placeholder of src/rollup rejects with "not built yet": say so plainly.
    const notReady = /not built yet/i.test(detail);
    setError({ title: r.failed, detail: notReady ? r.notReady : detail, next: notReady ? "" : r.failedNext });
  };

  const collect = async () => {
    setError(null);
    setNotice(null);
    if (files.length === 0) {
      setError({ title: r.failed, detail: r.needFiles, next: "" });
      return;
    }
    const ticket = ++run.current;
    setPhase({ step: "reading", done: 0, total: files.length });
    try {
      const inputs: RollupInputFile[] = [];
      for (const f of files) inputs.push({ name: f.name, bytes: await readFileBytes(f) });
      const rollup = await loadRollup();
      const result = await rollup.collectWorkbooks(inputs, catalog, {
        onProgress: (done, total) => {
          if (ticket === run.current) setPhase({ step: "reading", done, total });
        },
      });
      if (ticket !== run.current) return;
      setPhase({ step: "done", result });
      onCollected?.(result);
    } catch (e) {
      if (ticket !== run.current) return;
      setPhase({ step: "idle" });
      fail(e);
    }
  };

  const download = async (result: RollupResult) => {
    setError(null);
    setNotice(null);
    setSaving(true);
    try {
      const rollup = await loadRollup();
      const bytes = await rollup.rollupWorkbookXlsx(result, catalog, en ? "en" : "zh");
      saveFile(bytes, r.fileName);
      setNotice(r.downloaded(r.fileName));
    } catch (e) {
      fail(e);
    } finally {
      setSaving(false);
    }
  };

  const planLabel = (planId: string) => {
    const plan = catalog.plan(planId);
    return plan ? pickText(plan.shortName, messages) : planId;
  };
  const measureLabel = (id: string) => {
    const m = measureById(id);
    return m ? pickText(m.name, messages) : id;
  };
  const figureRow = (row: MeasureRollupRow, f: MeasureFigure, i: number) => {
    const regions = f.planIds.map((id, k) => {
      const plan = catalog.plan(id);
      return plan ? pickText(plan.region, messages) : (f.regions[k] ?? id);
    });
    const label = r.figureLabel(messages.levels[f.level], regions.join(messages.common.listSeparator), f.level !== "province");
    return (
      <tr key={i} data-level={f.level}>
        <th scope="row">{label}</th>
        <td>
          {f.value == null ? r.notSummed : messages.values.withUnit(formatNumber(f.value, messages), unitText(row.unit, messages))}
          {f.note && (
            <>
              <br />
              <Caption1>{text(f.note)}</Caption1>
            </>
          )}
        </td>
      </tr>
    );
  };

  const reading = phase.step === "reading";
  const result = phase.step === "done" ? phase.result : null;

  return (
    <section className={styles.root} aria-labelledby={ids.heading}>
      <ViewHeading id={ids.heading}>{r.heading}</ViewHeading>
      <Text>{r.intro}</Text>
      <div className={styles.file}>
        <label htmlFor={ids.input} className={styles.label}>
          {r.choose}
        </label>
        {/* The browser's own file button speaks the browser's language: ours speaks the pane's. */}
        <input
          id={ids.input}
          ref={inputRef}
          className={styles.hiddenInput}
          type="file"
          multiple
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []));
            setPhase({ step: "idle" });
            setError(null);
            setNotice(null);
          }}
        />
        <div className={styles.actions}>
          <Button icon={<FolderOpenRegular />} onClick={() => inputRef.current?.click()} aria-describedby={ids.chosen}>
            {r.chooseButton}
          </Button>
          <Caption1 id={ids.chosen}>{files.length > 0 ? r.chosen(files.length) : r.noneChosen}</Caption1>
        </div>
      </div>
      <div className={styles.actions}>
        <Button appearance="primary" icon={<TableStackBelowRegular />} onClick={() => void collect()} disabledFocusable={reading}>
          {reading ? r.running : r.run}
        </Button>
      </div>
      {reading && (
        <div className={styles.section}>
          <ProgressBar id={ids.progress} value={phase.total ? phase.done / phase.total : 0} aria-label={r.progressLabel} />
          <Caption1 role="status">{r.progress(phase.done, phase.total)}</Caption1>
          <ul className={styles.list} aria-label={r.files}>
            {files.map((f, i) => (
              <li key={`${i}-${f.name}`} data-done={i < phase.done ? "true" : "false"}>
                {f.name}
                {i < phase.done ? " ✓" : ""}
              </li>
            ))}
          </ul>
        </div>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {result && (
        <section className={styles.section} aria-label={r.result} data-testid="rollup-result">
          <Subtitle2 as="h3" className={styles.sectionHeading}>
            {r.result}
          </Subtitle2>
          <div className={styles.counts} data-testid="rollup-counts">
            <Text>{r.filesRead(result.files.length)}</Text>
            <Text>{r.actualsCount(result.actuals.length)}</Text>
            <Text>{r.conflictsCount(result.conflicts.length)}</Text>
            <Text>{r.problemsCount(result.problems.length)}</Text>
          </div>
          <div className={styles.actions}>
            <Button icon={<ArrowDownloadRegular />} onClick={() => void download(result)} disabledFocusable={saving}>
              {saving ? r.downloading : r.download}
            </Button>
          </div>
          {notice && (
            <MessageBar intent="success" role="status">
              <MessageBarBody>{notice}</MessageBarBody>
            </MessageBar>
          )}
          {result.files.length > 0 && (
            <>
              <Text weight="semibold">{r.files}</Text>
              <ul className={styles.list} aria-label={r.files} data-testid="rollup-files">
                {result.files.map((f, i) => (
                  // Two counties may send files of the same name: the position keeps the rows apart.
                  <li key={`${i}-${f.name}`}>
                    {r.fileLine(f.name, f.actuals, f.planIds.map(planLabel).join(messages.common.listSeparator))}
                    {f.actuals > 0 && <Caption1> · {r.modes[f.mode]}</Caption1>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.conflicts.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="rollup-conflicts">
              <MessageBarBody>
                <Text weight="semibold">{r.conflicts}</Text>
                <ul className={styles.list}>
                  {result.conflicts.map((c) => {
                    const entry = catalog.get(c.targetId);
                    return (
                      <li key={`${c.targetId}-${c.year}`}>
                        {r.conflictHead(entry ? `${pickText(entry.target.name, messages)} ${c.targetId}` : c.targetId, c.year)}
                        <ul className={styles.plainList}>
                          {c.values.map((v, i) => (
                            <li key={i}>{r.conflictValue(v.file, v.sheet, v.row, formatNumber(v.value, messages))}</li>
                          ))}
                        </ul>
                      </li>
                    );
                  })}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          {result.problems.length > 0 && (
            <MessageBar intent="warning" layout="multiline" data-testid="rollup-problems">
              <MessageBarBody>
                <Text weight="semibold">{r.problems}</Text>
                <ul className={styles.list}>
                  {result.problems.map((p, i) => (
                    <li key={i}>{messages.common.labelled(r.where(p.file, p.sheet, p.row), text(p.message))}</li>
                  ))}
                </ul>
              </MessageBarBody>
            </MessageBar>
          )}
          <Text weight="semibold">{r.byMeasure}</Text>
          {result.byMeasure.length === 0 ? (
            <Caption1>{r.noMeasureRows}</Caption1>
          ) : (
            result.byMeasure.map((row) => (
              <table key={`${row.measure}-${row.year}`} className={styles.table} data-measure={row.measure} data-year={row.year}>
                <caption>{r.measureYear(measureLabel(row.measure), row.year, unitText(row.unit, messages))}</caption>
                <tbody>{row.figures.map((f, i) => figureRow(row, f, i))}</tbody>
              </table>
            ))
          )}
        </section>
      )}
    </section>
  );
}
