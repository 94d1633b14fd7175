/**
 * A full-width, multi-line clickable row for lists of plans and targets: a native button (so Enter,
 * Space and focus work as everywhere) styled with Fluent tokens and Fluent's focus outline.
 */
import { makeStyles, mergeClasses, shorthands, tokens } from "@fluentui/react-components";
import type { ButtonHTMLAttributes } from "react";

const useStyles = makeStyles({
  root: {
    display: "flex",
    width: "100%",
    alignItems: "flex-start",
    gap: tokens.spacingHorizontalS,
    padding: `${tokens.spacingVerticalS} ${tokens.spacingHorizontalM}`,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    borderRadius: tokens.borderRadiusMedium,
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
    fontFamily: tokens.fontFamilyBase,
    fontSize: tokens.fontSizeBase300,
    lineHeight: tokens.lineHeightBase300,
    textAlign: "start",
    cursor: "pointer",
    ":hover": { backgroundColor: tokens.colorNeutralBackground1Hover, ...shorthands.borderColor(tokens.colorNeutralStroke1Hover) },
    ":active": { backgroundColor: tokens.colorNeutralBackground1Pressed },
  },
  // Fluent's createFocusOutlineStyle() written out (its default options), so the build can compute
  // these classes (scripts/griffel-aot.cjs reads literals, not calls) and the page runs no style engine.
  focus: {
    ":focus": { outlineStyle: "none" },
    ":focus-visible": { outlineStyle: "none" },
    "&[data-fui-focus-visible]": {
      ...shorthands.borderColor("transparent"),
      "@media (forced-colors: active)": { "::after": { ...shorthands.borderColor("Highlight") } },
      "::after": {
        content: '""',
        position: "absolute",
        pointerEvents: "none",
        zIndex: 1,
        border: `2px solid ${tokens.colorStrokeFocus2}`,
        borderRadius: tokens.borderRadiusMedium,
        top: "calc(2px * -1)",
        right: "calc(2px * -1)",
        bottom: "calc(2px * -1)",
        left: "calc(2px * -1)",
      },
    },
  },
});

export function ListItemButton({ className, ...props }: ButtonHTMLAttributes<HTMLButtonElement>) {
  const styles = useStyles();
  return <button type="button" className={mergeClasses(styles.root, styles.focus, className)} {...props} />;
}
