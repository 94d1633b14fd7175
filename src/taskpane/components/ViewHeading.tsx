import { Button, makeStyles, tokens, typographyStyles } from "@fluentui/react-components";
import { ArrowLeftRegular } from "@fluentui/react-icons";
import { type ReactNode, useEffect, useRef } from "react";
import { useMessages } from "../i18n";

const useStyles = makeStyles({
  root: { display: "flex", alignItems: "flex-start", gap: tokens.spacingHorizontalS },
  heading: { ...typographyStyles.subtitle1, margin: 0, outlineStyle: "none", overflowWrap: "anywhere", paddingTop: "4px" },
});

/**
 * A view's heading, with a back button where the view was opened from another. The heading takes
 * focus when the view opens (moveFocus) so keyboard and screen-reader users land on it.
 */
export function ViewHeading({
  children,
  onBack,
  backLabel,
  moveFocus = false,
  id,
}: {
  children: ReactNode;
  onBack?: () => void;
  backLabel?: string;
  moveFocus?: boolean;
  id?: string;
}) {
  const messages = useMessages();
  const styles = useStyles();
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (moveFocus) ref.current?.focus();
  }, [moveFocus]);
  return (
    <div className={styles.root}>
      {onBack && (
        <Button
          appearance="subtle"
          icon={<ArrowLeftRegular />}
          aria-label={backLabel ?? messages.common.back}
          title={backLabel ?? messages.common.back}
          onClick={onBack}
        />
      )}
      <h2 id={id} className={styles.heading} ref={ref} tabIndex={-1}>
        {children}
      </h2>
    </div>
  );
}
