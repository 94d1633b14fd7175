/**
 * Both message catalogues at once, for tests and tools. The pane itself does not import this: it has
 * Chinese with its first screen and loads English on demand (loadMessages in ./index.ts).
 */
import { enUS } from "./en-US";
import type { LocaleId } from "./index";
import { type Messages, zhCN } from "./zh-CN";

export const CATALOGUES: Readonly<Record<LocaleId, Messages>> = { "zh-CN": zhCN, "en-US": enUS };
