/** A plan's targets per status as one stacked horizontal bar (hand-written SVG). */
import { makeStyles, tokens } from "@fluentui/react-components";
import { STATUS_CODES } from "../../core/method/method";
import { useMessages } from "../i18n";
import type { StatusCounts } from "../model";
import { STATUS_FILL } from "./StatusBadge";

const useStyles = makeStyles({
  svg: { width: "100%", height: "18px", display: "block", borderRadius: tokens.borderRadiusMedium },
});

export function StatusBar({ counts, label }: { counts: StatusCounts; label: string }) {
  const messages = useMessages();
  const styles = useStyles();
  const total = STATUS_CODES.reduce((sum, s) => sum + counts[s], 0);
  let offset = 0;
  const words = STATUS_CODES.filter((s) => counts[s] > 0)
    .map((s) => messages.overview.countOf(messages.status[s], counts[s]))
    .join(messages.common.listSeparator);
  return (
    <svg className={styles.svg} viewBox="0 0 100 10" preserveAspectRatio="none" role="img" aria-label={messages.common.labelled(label, words)}>
      {total > 0 &&
        STATUS_CODES.filter((s) => counts[s] > 0).map((s) => {
          const width = (counts[s] / total) * 100;
          const rect = <rect key={s} x={offset} y={0} width={width} height={10} style={{ fill: STATUS_FILL[s] }} data-status={s} />;
          offset += width;
          return rect;
        })}
    </svg>
  );
}
