/**
 * 中文 / English: each button says its language in that language, so either reader finds it.
 * The choice is remembered for the next time (i18n/index.ts, storeLocale).
 */
import { Button, makeStyles, tokens } from "@fluentui/react-components";
import type { LocaleId } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", gap: tokens.spacingHorizontalXXS, flexShrink: 0 },
  button: { minWidth: 0, whiteSpace: "nowrap" },
});

const CHOICES: ReadonlyArray<{ locale: LocaleId; label: string }> = [
  { locale: "zh-CN", label: "中文" },
  { locale: "en-US", label: "English" },
];

export function LanguageSwitch({ locale, onChange }: { locale: LocaleId; onChange(locale: LocaleId): void }) {
  const styles = useStyles();
  return (
    <div role="group" aria-label="界面语言 / Language" className={styles.root}>
      {CHOICES.map((c) => (
        <Button
          key={c.locale}
          size="small"
          className={styles.button}
          appearance={c.locale === locale ? "primary" : "subtle"}
          aria-pressed={c.locale === locale}
          lang={c.locale}
          onClick={() => onChange(c.locale)}
        >
          {c.label}
        </Button>
      ))}
    </div>
  );
}
