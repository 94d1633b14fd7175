/** A plan's target filters, kept by the plans tab while its views come and go. */
import type { Area, Target } from "../../core/catalog/schema";
import type { StatusCode } from "../../core/method/method";

export interface TargetFilters {
  area: Area | "";
  kind: Target["kind"] | "";
  status: StatusCode | "";
}

export const NO_FILTERS: TargetFilters = { area: "", kind: "", status: "" };
