import { MessageBar, MessageBarBody, MessageBarTitle } from "@fluentui/react-components";
import type { CatalogIssue } from "../../core/catalog/validate";
import { useMessages } from "../i18n";

/** Says how many plan files could not be loaded (the others still work) and whom to ask. */
export function CatalogIssues({ issues }: { issues: readonly CatalogIssue[] }) {
  const messages = useMessages();
  return (
    <MessageBar intent="warning" layout="multiline">
      <MessageBarBody>
        <MessageBarTitle>{messages.errors.catalog(new Set(issues.map((i) => i.file)).size)}</MessageBarTitle>
        {messages.errors.catalogNext}
      </MessageBarBody>
    </MessageBar>
  );
}
