/**
 * 导入规划文本: an official pastes or opens a plan's text, the drafter (src/core/draft) proposes
 * the plan, and the official accepts, edits or rejects each proposal before downloading the plan
 * file or, inside Excel, storing it in the workbook (services.storePlanInWorkbook; the catalogue
 * then updates without a reload). The file is checked by the same validator as the bundled plans before it is offered.
 * Everything typed stays in the form: drafting again keeps the edits of every proposal whose
 * source words are still there, and fields of the plan already filled in.
 */
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  Text,
  Textarea,
  tokens,
} from "@fluentui/react-components";
import { type ChangeEvent, useRef, useState } from "react";
import { Comparator, Kind, Level } from "../../core/catalog/schema";
import { validatePlan } from "../../core/catalog/validate";
import { decodeText, draftPlan, draftToPlan, type DraftMeta, type Proposal, remarkIn, sameNumber, writtenFigures } from "../../core/draft";
import { readFileBytes } from "../browser";
import { ViewHeading } from "../components/ViewHeading";
import { useMessages } from "../i18n";
import { type DraftMessages, useDraftMessages } from "../i18n/draft";
import { usePlanSourceMessages } from "../i18n/plans";
import { useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalM },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
  grid: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(130px, 1fr))", gap: tokens.spacingHorizontalS },
  wide: { gridColumn: "1 / -1" },
  fieldset: {
    border: `1px solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    margin: 0,
    padding: tokens.spacingHorizontalS,
    minWidth: 0,
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXS,
  },
  rejected: { opacity: 0.6 },
  quote: {
    margin: 0,
    paddingLeft: tokens.spacingHorizontalS,
    borderLeft: `3px solid ${tokens.colorNeutralStroke1}`,
    whiteSpace: "pre-wrap",
    overflowWrap: "anywhere",
    fontSize: tokens.fontSizeBase200,
  },
  hidden: { display: "none" },
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

type FieldKey = "name" | "nameEn" | "unit" | "kind" | "comparator" | "targetYear" | "targetValue" | "targetMax" | "baseYear" | "baseValue";
const NUMBER_FIELDS: FieldKey[] = ["targetYear", "targetValue", "targetMax", "baseYear", "baseValue"];

interface Row {
  proposal: Proposal;
  accepted: boolean;
  fields: Record<FieldKey, string>;
  edited: boolean;
}

interface PlanForm {
  id: string;
  title: string;
  titleEn: string;
  shortName: string;
  shortNameEn: string;
  issuer: string;
  issuerEn: string;
  region: string;
  regionEn: string;
  docNumber: string;
  date: string;
  start: string;
  end: string;
  level: Level;
  draft: boolean;
}

const str = (v: number | null) => (v == null ? "" : String(v));

function toRow(p: Proposal): Row {
  return {
    proposal: p,
    accepted: p.confidence >= 0.5,
    edited: false,
    fields: {
      name: p.name,
      nameEn: "",
      unit: p.unit,
      kind: p.kind,
      comparator: p.comparator,
      targetYear: str(p.targetYear),
      targetValue: str(p.targetValue),
      targetMax: str(p.targetMax),
      baseYear: str(p.baseYear),
      baseValue: str(p.baseValue),
    },
  };
}

function formFromMeta(meta: DraftMeta, old: PlanForm | null): PlanForm {
  const keep = (k: keyof PlanForm, fresh: string) => (old && typeof old[k] === "string" && old[k] !== "" ? (old[k] as string) : fresh);
  return {
    id: keep("id", ""),
    title: keep("title", meta.title ?? ""),
    titleEn: keep("titleEn", ""),
    shortName: keep("shortName", (meta.region ?? "").replace(/(省|市|县|区)$/, "")),
    shortNameEn: keep("shortNameEn", ""),
    issuer: keep("issuer", meta.issuer ?? ""),
    issuerEn: keep("issuerEn", ""),
    region: keep("region", meta.region ?? ""),
    regionEn: keep("regionEn", ""),
    docNumber: keep("docNumber", meta.docNumber ?? ""),
    date: keep("date", meta.date ?? ""),
    start: keep("start", str(meta.period?.start ?? null)),
    end: keep("end", str(meta.period?.end ?? null)),
    level: old?.level ?? meta.level ?? "city",
    draft: old ? old.draft : meta.draft,
  };
}

/** "1,000", "１０００", " 2.5 " → number; "" → null; anything else → NaN. */
function parseNumber(s: string): number | null {
  const t = s.trim().replace(/[，,\s]/g, "").replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  if (t === "") return null;
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : Number.NaN;
}

/** The row's figures that stand nowhere in its quotes (after an official's edit, say). */
function unquotedFigures(row: Row): boolean {
  const written = writtenFigures(row.proposal.quotes.join("\n"));
  return (["targetValue", "targetMax", "baseValue"] as const).some((k) => {
    const v = parseNumber(row.fields[k]);
    return v != null && Number.isFinite(v) && !written.some((w) => sameNumber(w, v));
  });
}

export function DraftView({ onBack }: { onBack?: () => void }) {
  const styles = useStyles();
  const m = useDraftMessages();
  const messages = useMessages();
  const zh = messages.locale !== "en-US";
  const { saveFile, storePlanInWorkbook, host } = useServices();
  const ps = usePlanSourceMessages();
  const canStore = !!storePlanInWorkbook && host?.inExcel === true;
  const [storing, setStoring] = useState(false);
  const [issuesTitle, setIssuesTitle] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const [source, setSource] = useState("plan.txt");
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [rows, setRows] = useState<Row[] | null>(null);
  const [form, setForm] = useState<PlanForm | null>(null);
  const [issues, setIssues] = useState<string[]>([]);

  const run = () => {
    setIssues([]);
    if (!text.trim()) {
      setError(m.needText);
      return;
    }
    setError(null);
    const result = draftPlan(text);
    // Edits survive a second run for every proposal whose source words are unchanged.
    const previous = new Map((rows ?? []).filter((r) => r.edited || !r.accepted).map((r) => [r.proposal.quotes.join("\n"), r]));
    setRows(
      result.proposals.map((p) => {
        const old = previous.get(p.quotes.join("\n"));
        return old ? { ...old, proposal: p } : toRow(p);
      }),
    );
    setForm((f) => formFromMeta(result.meta, f));
    const figures = result.proposals.filter((p) => p.targetValue != null).length;
    setNotice(result.proposals.length ? m.found(figures, result.proposals.length - figures) : m.none);
  };

  const openFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = "";
    if (!file) return;
    let bytes: Uint8Array;
    try {
      bytes = await readFileBytes(file);
    } catch (err) {
      setError(m.fileError(file.name, (err as Error).message));
      return;
    }
    const decoded = decodeText(bytes);
    if (!decoded.ok) {
      setError(m.fileError(file.name, zh ? decoded.zh : decoded.en));
      return;
    }
    setError(null);
    setText(decoded.text);
    setSource(/\.txt$/i.test(file.name) ? file.name : `${file.name}.txt`);
    setNotice(m.fileRead(file.name, decoded.encoding));
  };

  const setField = (i: number, k: FieldKey, v: string) =>
    setRows((rs) => rs && rs.map((r, j) => (j === i ? { ...r, edited: true, fields: { ...r.fields, [k]: v } } : r)));
  const setAccepted = (i: number, accepted: boolean) => setRows((rs) => rs && rs.map((r, j) => (j === i ? { ...r, accepted } : r)));
  const setAll = (accepted: boolean) => setRows((rs) => rs && rs.map((r) => ({ ...r, accepted })));
  const setPlan = (k: keyof PlanForm, v: string | boolean) => setForm((f) => f && { ...f, [k]: v });

  /** The plan file the form describes, checked by the catalogue's validator; null with the problems shown. */
  const buildFile = (): { file: string; text: string } | null => {
    if (!rows || !form) return null;
    const problems: string[] = [];
    const accepted = rows.filter((r) => r.accepted);
    if (!accepted.length) problems.push(m.noneAccepted);
    const proposals: Proposal[] = accepted.map((r) => {
      const n: Partial<Record<FieldKey, number | null>> = {};
      for (const k of NUMBER_FIELDS) {
        const v = parseNumber(r.fields[k]);
        if (v != null && !Number.isFinite(v)) problems.push(`${r.proposal.key} ${r.fields.name}: ${m.notANumber(fieldLabel(m, k))}`);
        n[k] = v != null && Number.isFinite(v) ? v : null;
      }
      return {
        ...r.proposal,
        name: r.fields.name.trim(),
        unit: r.fields.unit.trim(),
        kind: r.fields.kind as Proposal["kind"],
        comparator: r.fields.comparator as Proposal["comparator"],
        targetYear: n.targetYear ?? null,
        targetValue: n.targetValue ?? null,
        targetMax: n.targetMax ?? null,
        baseYear: n.baseYear ?? null,
        baseValue: n.baseValue ?? null,
      };
    });
    const start = parseNumber(form.start);
    const end = parseNumber(form.end);
    if (problems.length) {
      setIssues(problems);
      return null;
    }
    const id = form.id.trim().toUpperCase();
    const namesEn = Object.fromEntries(accepted.map((r) => [r.proposal.key, r.fields.nameEn]));
    const plan = draftToPlan(proposals, {
      id,
      source,
      title: form.title.trim(),
      titleEn: form.titleEn,
      shortName: form.shortName.trim() || undefined,
      shortNameEn: form.shortNameEn,
      issuer: form.issuer.trim(),
      issuerEn: form.issuerEn,
      region: form.region.trim() || undefined,
      regionEn: form.regionEn,
      namesEn,
      level: form.level,
      period: { start: start ?? Number.NaN, end: end ?? Number.NaN },
      docNumber: form.docNumber.trim() || null,
      date: form.date.trim() || null,
      draft: form.draft,
    });
    const file = `${id || "PLAN"}.json`;
    const checked = validatePlan(file, plan);
    if (!checked.ok) {
      setIssues(checked.issues.map((i) => `${i.path}: ${zh ? i.zh : i.en}`));
      return null;
    }
    setIssues([]);
    return { file, text: JSON.stringify(plan, null, 2) + "\n" };
  };

  const download = () => {
    setIssuesTitle(null);
    const built = buildFile();
    if (!built) return;
    saveFile(new TextEncoder().encode(built.text), built.file);
    setNotice(`${m.downloaded(built.file)} ${m.later}`);
  };

  const store = async () => {
    setIssuesTitle(ps.storeInvalid);
    const built = buildFile();
    if (!built || !storePlanInWorkbook) return;
    setStoring(true);
    setNotice(ps.storing);
    try {
      const r = await storePlanInWorkbook(built.file, built.text);
      if (!r.ok) {
        setIssues(r.issues.map((i) => `${i.path}: ${zh ? i.zh : i.en}`));
        setNotice(null);
        return;
      }
      const shadowed = r.shadows ? ` ${ps.shadows(r.planId, ps.origins[r.shadows])}` : "";
      setNotice(ps.stored(r.planId, r.replaced) + shadowed);
    } catch (e) {
      setIssues([String((e as Error)?.message ?? e)]);
      setNotice(null);
    } finally {
      setStoring(false);
    }
  };

  const acceptedCount = rows?.filter((r) => r.accepted).length ?? 0;

  return (
    <section className={styles.root} aria-labelledby="draft-heading">
      <ViewHeading id="draft-heading" onBack={onBack} backLabel={m.back} moveFocus>
        {m.heading}
      </ViewHeading>
      <Text>{m.intro}</Text>
      <Field label={m.textLabel} hint={m.textHint}>
        <Textarea value={text} onChange={(_, d) => setText(d.value)} resize="vertical" rows={8} />
      </Field>
      <div className={styles.actions}>
        <Button appearance="primary" onClick={run}>
          {m.run}
        </Button>
        <Button onClick={() => fileInput.current?.click()}>{m.openFile}</Button>
        <input
          ref={fileInput}
          className={styles.hidden}
          type="file"
          accept=".txt,text/plain"
          aria-label={m.openFile}
          onChange={(e) => void openFile(e)}
        />
      </div>
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {notice && !error && (
        <MessageBar intent="info">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}

      {form && (
        <fieldset className={styles.fieldset}>
          <legend>{m.planHeading}</legend>
          <div className={styles.grid}>
            <Field label={m.planId} hint={m.planIdHint}>
              <Input value={form.id} onChange={(_, d) => setPlan("id", d.value)} />
            </Field>
            <Field label={m.level}>
              <Select value={form.level} onChange={(_, d) => setPlan("level", d.value)}>
                {Level.options.map((l) => (
                  <option key={l} value={l}>
                    {m.levels[l]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label={m.title} className={styles.wide}>
              <Input value={form.title} onChange={(_, d) => setPlan("title", d.value)} />
            </Field>
            <Field label={m.titleEn} className={styles.wide}>
              <Input value={form.titleEn} onChange={(_, d) => setPlan("titleEn", d.value)} />
            </Field>
            <Field label={m.issuer} className={styles.wide}>
              <Input value={form.issuer} onChange={(_, d) => setPlan("issuer", d.value)} />
            </Field>
            <Field label={m.issuerEn} className={styles.wide}>
              <Input value={form.issuerEn} onChange={(_, d) => setPlan("issuerEn", d.value)} />
            </Field>
            <Field label={m.shortName}>
              <Input value={form.shortName} onChange={(_, d) => setPlan("shortName", d.value)} />
            </Field>
            <Field label={m.shortNameEn}>
              <Input value={form.shortNameEn} onChange={(_, d) => setPlan("shortNameEn", d.value)} />
            </Field>
            <Field label={m.region}>
              <Input value={form.region} onChange={(_, d) => setPlan("region", d.value)} />
            </Field>
            <Field label={m.regionEn}>
              <Input value={form.regionEn} onChange={(_, d) => setPlan("regionEn", d.value)} />
            </Field>
            <Field label={m.docNumber}>
              <Input value={form.docNumber} onChange={(_, d) => setPlan("docNumber", d.value)} />
            </Field>
            <Field label={m.date}>
              <Input value={form.date} onChange={(_, d) => setPlan("date", d.value)} />
            </Field>
            <Field label={m.periodStart}>
              <Input value={form.start} inputMode="numeric" onChange={(_, d) => setPlan("start", d.value)} />
            </Field>
            <Field label={m.periodEnd}>
              <Input value={form.end} inputMode="numeric" onChange={(_, d) => setPlan("end", d.value)} />
            </Field>
            <Checkbox checked={form.draft} label={m.isDraft} onChange={(_, d) => setPlan("draft", !!d.checked)} />
          </div>
        </fieldset>
      )}

      {rows && rows.length > 0 && (
        <>
          <div className={styles.actions}>
            <Text weight="semibold">{m.proposalsHeading}</Text>
            <Caption1 aria-live="polite">{m.accepted(acceptedCount, rows.length)}</Caption1>
            <Button size="small" onClick={() => setAll(true)}>
              {m.acceptAll}
            </Button>
            <Button size="small" onClick={() => setAll(false)}>
              {m.rejectAll}
            </Button>
          </div>
          {rows.map((r, i) => (
            <ProposalForm
              key={r.proposal.key}
              row={r}
              m={m}
              zh={zh}
              styles={styles}
              onField={(k, v) => setField(i, k, v)}
              onAccept={(a) => setAccepted(i, a)}
            />
          ))}
          <div className={styles.actions}>
            <Button appearance="primary" onClick={download}>
              {m.download}
            </Button>
            {canStore && (
              <Button onClick={() => void store()} disabled={storing} title={ps.storeHint}>
                {ps.store}
              </Button>
            )}
          </div>
        </>
      )}
      {issues.length > 0 && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>
            {issuesTitle ?? m.invalid}
            <ul className={styles.list}>
              {issues.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}

function fieldLabel(m: DraftMessages, k: FieldKey): string {
  return m[k];
}

function ProposalForm({
  row,
  m,
  zh,
  styles,
  onField,
  onAccept,
}: {
  row: Row;
  m: DraftMessages;
  /** The pane's language: the drafter's remarks are "中文 / English"; each reader gets one. */
  zh: boolean;
  styles: ReturnType<typeof useStyles>;
  onField: (k: FieldKey, v: string) => void;
  onAccept: (accepted: boolean) => void;
}) {
  const p = row.proposal;
  const f = row.fields;
  const quantitative = f.kind !== "milestone" && f.kind !== "qualitative";
  const text = (k: FieldKey, numeric = false) => (
    <Field label={fieldLabel(m, k)}>
      <Input value={f[k]} inputMode={numeric ? "decimal" : undefined} onChange={(_, d) => onField(k, d.value)} />
    </Field>
  );
  const milestones = Object.entries(p.milestones);
  return (
    <fieldset className={`${styles.fieldset} ${row.accepted ? "" : styles.rejected}`} aria-label={`${p.key} ${f.name}`}>
      <legend>
        <Checkbox checked={row.accepted} label={`${m.accept}：${p.key} ${f.name}`} onChange={(_, d) => onAccept(!!d.checked)} />
      </legend>
      <Caption1>
        {m.confidence(Math.round(p.confidence * 100))} · {p.section}
      </Caption1>
      <div className={styles.grid}>
        <Field label={m.name} className={styles.wide}>
          <Input value={f.name} onChange={(_, d) => onField("name", d.value)} />
        </Field>
        <Field label={m.nameEn} hint={m.englishHint} className={styles.wide}>
          <Input value={f.nameEn} onChange={(_, d) => onField("nameEn", d.value)} />
        </Field>
        <Field label={m.kind}>
          <Select value={f.kind} onChange={(_, d) => onField("kind", d.value)}>
            {Kind.options.map((k) => (
              <option key={k} value={k}>
                {m.kinds[k]}
              </option>
            ))}
          </Select>
        </Field>
        {quantitative && (
          <Field label={m.comparator}>
            <Select value={f.comparator} onChange={(_, d) => onField("comparator", d.value)}>
              {Comparator.options.map((c) => (
                <option key={c} value={c}>
                  {m.comparators[c]}
                </option>
              ))}
            </Select>
          </Field>
        )}
        {text("targetYear", true)}
        {quantitative && text("targetValue", true)}
        {quantitative && f.comparator === "range" && text("targetMax", true)}
        {quantitative && text("unit")}
        {quantitative && text("baseYear", true)}
        {quantitative && text("baseValue", true)}
      </div>
      {milestones.length > 0 && (
        <Caption1>
          {m.milestones}：{milestones.map(([y, v]) => `${y}: ${v}`).join("，")}
        </Caption1>
      )}
      {quantitative && unquotedFigures(row) && (
        <MessageBar intent="warning">
          <MessageBarBody>{m.notInQuote}</MessageBarBody>
        </MessageBar>
      )}
      <Caption1>{m.quotes}</Caption1>
      {p.quotes.map((q) => (
        <blockquote key={q} className={styles.quote}>
          {q}
        </blockquote>
      ))}
      {p.notes.length > 0 && <Caption1>{p.notes.map((n) => remarkIn(n)[zh ? "zh" : "en"]).join(zh ? "；" : "; ")}</Caption1>}
    </fieldset>
  );
}
