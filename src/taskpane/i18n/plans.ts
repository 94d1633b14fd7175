/**
 * Strings about where plans come from (bundled, deployed, workbook) and storing a plan in the
 * workbook, Chinese first. Kept apart from the main catalogues, like i18n/draft.ts.
 */
import type { PlanOrigin } from "../../core/catalog/sources";
import { useMessages } from "./index";

export interface PlanSourceMessages {
  origins: Record<PlanOrigin, string>;
  heading: string;
  /** "SL 来自工作簿" … the plans that are not the bundled ones. */
  fromOrigin: (planIds: string, origin: string) => string;
  notesHeading: (count: number) => string;
  colon: string;
  store: string;
  storeHint: string;
  storing: string;
  stored: (planId: string, replaced: boolean) => string;
  shadows: (planId: string, origin: string) => string;
  storeInvalid: string;
}

const zhCN: PlanSourceMessages = {
  origins: { bundled: "内置", deployed: "部署目录", workbook: "本工作簿" },
  heading: "规划来源",
  fromOrigin: (ids, origin) => `来自${origin}：${ids}`,
  notesHeading: (n) => `加载规划时有 ${n} 条说明`,
  colon: "：",
  store: "存入工作簿",
  storeHint: "规划随本工作簿保存，同事打开此文件时也能使用。",
  storing: "正在存入工作簿…",
  stored: (id, replaced) => (replaced ? `规划 ${id} 已存入本工作簿，替换了此前存入的同编号规划。` : `规划 ${id} 已存入本工作簿，现已可用。`),
  shadows: (id, origin) => `本工作簿中将使用此版本，${origin}的规划 ${id} 不再使用。`,
  storeInvalid: "规划文件还有问题，未存入工作簿：",
};

const enUS: PlanSourceMessages = {
  origins: { bundled: "bundled", deployed: "deployment folder", workbook: "this workbook" },
  heading: "Where the plans come from",
  fromOrigin: (ids, origin) => `From the ${origin}: ${ids}`,
  notesHeading: (n) => `${n} note${n === 1 ? "" : "s"} from loading the plans`,
  colon: ": ",
  store: "Store in this workbook",
  storeHint: "The plan is saved with this workbook, so colleagues who open the file have it too.",
  storing: "Storing in the workbook…",
  stored: (id, replaced) =>
    replaced ? `Plan ${id} is stored in this workbook, replacing the one of the same id stored before.` : `Plan ${id} is stored in this workbook and ready to use.`,
  shadows: (id, origin) => `This workbook uses this version; the ${origin} plan ${id} is no longer used here.`,
  storeInvalid: "The plan file still has problems; nothing was stored:",
};

export const PLAN_SOURCE_MESSAGES = { "zh-CN": zhCN, "en-US": enUS } as const;

export function usePlanSourceMessages(): PlanSourceMessages {
  return PLAN_SOURCE_MESSAGES[useMessages().locale === "en-US" ? "en-US" : "zh-CN"];
}
