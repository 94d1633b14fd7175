import { Badge, type BadgeProps, tokens } from "@fluentui/react-components";
import type { StatusCode } from "../../core/method/method";
import { useMessages } from "../i18n";

/** Badge colours follow the status's meaning; the label always says it in words too. */
export const STATUS_BADGE_COLOR: Record<StatusCode, NonNullable<BadgeProps["color"]>> = {
  achieved: "success",
  ahead: "brand",
  onTrack: "informative",
  behind: "warning",
  regressed: "danger",
  noData: "subtle",
};

/** Fills for the status charts (Fluent palette tokens, so high-contrast themes still apply). */
export const STATUS_FILL: Record<StatusCode, string> = {
  achieved: tokens.colorPaletteGreenBackground3,
  ahead: tokens.colorPaletteBlueBorderActive,
  onTrack: tokens.colorPaletteLightGreenBackground3,
  behind: tokens.colorPaletteMarigoldBackground3,
  regressed: tokens.colorPaletteRedBackground3,
  noData: tokens.colorNeutralStroke1,
};

export function StatusBadge({ status, size = "medium" }: { status: StatusCode; size?: BadgeProps["size"] }) {
  const messages = useMessages();
  return (
    <Badge appearance="tint" color={STATUS_BADGE_COLOR[status]} size={size} shape="rounded">
      {messages.status[status]}
    </Badge>
  );
}
