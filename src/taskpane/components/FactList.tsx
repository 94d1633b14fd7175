/**
 * A term–value list (a plan's particulars, a target's facts, a comparison card): terms in a column
 * of their own width, values wrapping beside them at any pane width.
 */
import { makeStyles, tokens } from "@fluentui/react-components";
import type { ReactNode } from "react";

const useStyles = makeStyles({
  facts: {
    display: "grid",
    gridTemplateColumns: "max-content 1fr",
    gap: `${tokens.spacingVerticalXXS} ${tokens.spacingHorizontalM}`,
    margin: 0,
    "& dt": { color: tokens.colorNeutralForeground3 },
    "& dd": { margin: 0, overflowWrap: "anywhere", minWidth: 0 },
  },
});

/** Children are <dt>/<dd> pairs. */
export function FactList({ children }: { children: ReactNode }) {
  return <dl className={useStyles().facts}>{children}</dl>;
}
