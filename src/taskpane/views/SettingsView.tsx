/**
 * Formula mode, expected-path shape and status thresholds, remembered per workbook. Saving asks
 * Excel to recalculate so the IP.* cells follow at once. What is typed stays in the form until it
 * is saved, also when saving fails.
 */
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { DEFAULT_SETTINGS, type PathShape } from "../../core/method/settings";
import type { AddinSettings, FormulaMode } from "../../office/settings-store";
import { ErrorMessage } from "../components/ErrorMessage";
import { ViewHeading } from "../components/ViewHeading";
import { useWorkbookState } from "../hooks/useWorkbookState";
import { useMessages } from "../i18n";
import { describeError, type UserError } from "../office/errors";
import { useServices } from "../services";

const useStyles = makeStyles({
  root: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalL },
  thresholds: { display: "grid", gridTemplateColumns: "repeat(auto-fit, minmax(120px, 1fr))", gap: tokens.spacingHorizontalM },
  number: { width: "100%", minWidth: 0 },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  fieldset: { border: "none", margin: 0, padding: 0, minWidth: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXS },
});

interface Draft {
  formulaMode: FormulaMode;
  path: PathShape;
  ahead: string;
  onTrack: string;
}

const toDraft = (s: AddinSettings): Draft => ({
  formulaMode: s.formulaMode,
  path: s.method.path,
  ahead: String(s.method.thresholds.ahead),
  onTrack: String(s.method.thresholds.onTrack),
});

const parseThreshold = (text: string): number | null => {
  const v = Number(text.trim().replace(/，/g, ",").replace(",", "."));
  return text.trim() !== "" && Number.isFinite(v) && v > 0 && v < 10 ? v : null;
};

const sameDraft = (a: Draft, b: Draft) =>
  a.formulaMode === b.formulaMode && a.path === b.path && a.ahead === b.ahead && a.onTrack === b.onTrack;

export function SettingsView() {
  const messages = useMessages();
  const styles = useStyles();
  const { host, workbook } = useServices();
  const { settings, saveSettings } = useWorkbookState();
  const [draft, setDraft] = useState<Draft>(() => toDraft(settings));
  const [saved, setSaved] = useState<Draft>(() => toDraft(settings));
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);
  const [error, setError] = useState<UserError | null>(null);
  const [warning, setWarning] = useState<UserError | null>(null);

  // Settings changed elsewhere (another pane, reload): follow them unless the user has edits.
  const savedRef = useRef(saved);
  useEffect(() => {
    const incoming = toDraft(settings);
    const previous = savedRef.current;
    savedRef.current = incoming;
    setDraft((d) => (sameDraft(d, previous) ? incoming : d));
    setSaved(incoming);
  }, [settings]);

  const ahead = parseThreshold(draft.ahead);
  const onTrack = parseThreshold(draft.onTrack);
  const orderWrong = ahead != null && onTrack != null && onTrack > ahead;
  const valid = ahead != null && onTrack != null && !orderWrong;
  const dirty = !sameDraft(draft, saved);
  const modeChanged = draft.formulaMode !== saved.formulaMode;

  const save = async () => {
    if (!valid) return;
    setSaving(true);
    setNotice(null);
    setError(null);
    setWarning(null);
    const next: AddinSettings = {
      formulaMode: draft.formulaMode,
      method: { path: draft.path, thresholds: { ahead: ahead!, onTrack: onTrack! } },
    };
    try {
      await saveSettings(next);
    } catch (e) {
      setError(describeError(e, "saveSettings", messages));
      setSaving(false);
      return;
    }
    savedRef.current = draft;
    setSaved(draft);
    if (workbook) {
      try {
        await workbook.recalculate();
        setNotice(messages.settings.saved);
      } catch (e) {
        setWarning(describeError(e, "recalc", messages));
      }
    } else {
      setNotice(messages.settings.savedPreview);
    }
    setSaving(false);
  };

  const reset = () =>
    setDraft((d) => ({
      ...d,
      formulaMode: "live",
      path: DEFAULT_SETTINGS.path,
      ahead: String(DEFAULT_SETTINGS.thresholds.ahead),
      onTrack: String(DEFAULT_SETTINGS.thresholds.onTrack),
    }));

  return (
    <section className={styles.root} aria-labelledby="settings-heading">
      <ViewHeading id="settings-heading">{messages.settings.heading}</ViewHeading>
      <Text>{host.inExcel ? messages.settings.intro : messages.settings.introPreview}</Text>

      <Field label={messages.settings.formulaMode} hint={modeChanged ? messages.settings.modeChangeHint : undefined}>
        <RadioGroup value={draft.formulaMode} onChange={(_, d) => setDraft({ ...draft, formulaMode: d.value as FormulaMode })}>
          <Radio value="live" label={<>{messages.settings.formulaLive}<Caption1 block>{messages.settings.formulaLiveHint}</Caption1></>} />
          <Radio
            value="portable"
            label={<>{messages.settings.formulaPortable}<Caption1 block>{messages.settings.formulaPortableHint}</Caption1></>}
          />
        </RadioGroup>
      </Field>

      <Field label={messages.settings.pathShape}>
        <RadioGroup value={draft.path} onChange={(_, d) => setDraft({ ...draft, path: d.value as PathShape })}>
          <Radio value="linear" label={messages.settings.pathLinear} />
          <Radio value="compound" label={messages.settings.pathCompound} />
        </RadioGroup>
      </Field>

      <fieldset className={styles.fieldset}>
        <legend>
          <Text weight="semibold">{messages.settings.thresholds}</Text>
        </legend>
        <Caption1 block>{messages.settings.thresholdsHint}</Caption1>
        <div className={styles.thresholds}>
          <Field
            label={messages.settings.ahead}
            validationState={ahead == null ? "error" : "none"}
            validationMessage={ahead == null ? messages.settings.thresholdInvalid : undefined}
          >
            <Input className={styles.number} inputMode="decimal" value={draft.ahead} onChange={(_, d) => setDraft({ ...draft, ahead: d.value })} />
          </Field>
          <Field
            label={messages.settings.onTrack}
            validationState={onTrack == null || orderWrong ? "error" : "none"}
            validationMessage={
              onTrack == null ? messages.settings.thresholdInvalid : orderWrong ? messages.settings.thresholdOrder : undefined
            }
          >
            <Input className={styles.number} inputMode="decimal" value={draft.onTrack} onChange={(_, d) => setDraft({ ...draft, onTrack: d.value })} />
          </Field>
        </div>
      </fieldset>

      {dirty && <Caption1 role="status">{messages.settings.unsaved}</Caption1>}
      <div className={styles.actions}>
        <Button appearance="primary" onClick={save} disabledFocusable={!valid || saving || !dirty}>
          {saving ? messages.settings.saving : messages.settings.save}
        </Button>
        <Button onClick={reset} disabled={saving}>
          {messages.settings.reset}
        </Button>
      </div>
      {notice && (
        <MessageBar intent="success" role="status">
          <MessageBarBody>{notice}</MessageBarBody>
        </MessageBar>
      )}
      {error && <ErrorMessage error={error} onDismiss={() => setError(null)} />}
      {warning && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {warning.detail} {warning.next}
          </MessageBarBody>
        </MessageBar>
      )}
    </section>
  );
}
