import { MessageBar, MessageBarBody } from "@fluentui/react-components";
import { useMessages } from "../i18n";
import type { WorkbookUnavailable } from "../office/host";

/** Says why a workbook action is unavailable here, next to the disabled control. */
export function UnavailableNote({ reason, id }: { reason: WorkbookUnavailable; id?: string }) {
  const messages = useMessages();
  return (
    <MessageBar intent="info" layout="multiline" id={id}>
      <MessageBarBody>{messages.unavailable[reason]}</MessageBarBody>
    </MessageBar>
  );
}
