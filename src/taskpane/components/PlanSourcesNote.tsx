/**
 * Where the plans come from, when not all are bundled, and what loading them noted: a deployed or
 * stored file skipped for a problem (named with its JSON path), a plan replaced by a workbook or
 * deployed one of the same id. Each note in both languages: an IT colleague may read either.
 */
import { Caption1, makeStyles, MessageBar, MessageBarBody, MessageBarTitle, tokens } from "@fluentui/react-components";
import type { PlanOrigin } from "../../core/catalog/sources";
import { usePlanSourceMessages } from "../i18n/plans";
import { useServices } from "../services";

const useStyles = makeStyles({
  list: { margin: 0, paddingLeft: tokens.spacingHorizontalL, overflowWrap: "anywhere" },
});

export function PlanSourcesNote() {
  const styles = useStyles();
  const m = usePlanSourceMessages();
  const sources = useServices().planSources;
  if (!sources) return null;
  const byOrigin = new Map<PlanOrigin, string[]>();
  for (const [id, origin] of sources.origins) {
    if (origin !== "bundled") byOrigin.set(origin, [...(byOrigin.get(origin) ?? []), id]);
  }
  const notes = sources.notes;
  if (!byOrigin.size && !notes.length) return null;
  return (
    <MessageBar intent={notes.some((n) => n.kind !== "replaced") ? "warning" : "info"} layout="multiline" aria-label={m.heading}>
      <MessageBarBody>
        <MessageBarTitle>{m.heading}</MessageBarTitle>
        {(["workbook", "deployed"] as const).map(
          (o) =>
            byOrigin.has(o) && (
              <div key={o} data-origin={o}>
                {m.fromOrigin(byOrigin.get(o)!.join("、"), m.origins[o])}
              </div>
            ),
        )}
        {notes.length > 0 && (
          <>
            <Caption1>{m.notesHeading(notes.length)}</Caption1>
            <ul className={styles.list}>
              {notes.map((n, i) => (
                <li key={i} data-kind={n.kind}>
                  {n.file}
                  {n.path !== "$" ? ` ${n.path}` : ""}
                  {m.colon}
                  {n.zh} / {n.en}
                </li>
              ))}
            </ul>
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
