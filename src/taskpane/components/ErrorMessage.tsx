import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import { DismissRegular } from "@fluentui/react-icons";
import { useMessages } from "../i18n";
import type { UserError } from "../office/errors";

/** An error in the user's language: what went wrong, then what to do next. */
export function ErrorMessage({ error, onDismiss }: { error: UserError; onDismiss?: () => void }) {
  const messages = useMessages();
  return (
    <MessageBar intent="error" layout="multiline" role="alert">
      <MessageBarBody>
        <MessageBarTitle>{error.title}</MessageBarTitle>
        {error.detail} {error.next}
      </MessageBarBody>
      {onDismiss && (
        <MessageBarActions
          containerAction={
            <Button appearance="transparent" aria-label={messages.errors.dismiss} icon={<DismissRegular />} onClick={onDismiss} />
          }
        />
      )}
    </MessageBar>
  );
}
