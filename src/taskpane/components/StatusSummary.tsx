import { Badge, makeStyles, tokens } from "@fluentui/react-components";
import { STATUS_CODES } from "../../core/method/method";
import { useMessages } from "../i18n";
import type { StatusCounts } from "../model";
import { STATUS_BADGE_COLOR } from "./StatusBadge";

const useStyles = makeStyles({
  list: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalXS, listStyleType: "none", margin: 0, padding: 0 },
});

/** The non-zero status counts of a plan as a row of small badges; phrasing content, so it may sit in a button. */
export function StatusSummary({ counts, label }: { counts: StatusCounts; label: string }) {
  const messages = useMessages();
  const styles = useStyles();
  const shown = STATUS_CODES.filter((s) => counts[s] > 0);
  return (
    <span className={styles.list} role="list" aria-label={label}>
      {shown.map((s) => (
        <span key={s} role="listitem">
          <Badge appearance="tint" color={STATUS_BADGE_COLOR[s]} size="small" shape="rounded">
            {messages.overview.countOf(messages.status[s], counts[s])}
          </Badge>
        </span>
      ))}
    </span>
  );
}
