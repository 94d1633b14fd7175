/**
 * A measure for a drafted target (docs/data.md "Measures"): proposed only when the target's name is
 * a vocabulary entry's Chinese name, written the way plans vary it, and its unit is the measure's.
 * The rule is deliberately narrow: a name that merely contains a measure's name (每万人有效发明专利
 * 拥有量 contains 有效发明专利拥有量) is another statistic, so a near miss proposes nothing and the
 * official names the measure by hand.
 */
import { MEASURES } from "../catalog/measures";
import type { Measure } from "../catalog/schema";

/**
 * The name as compared: no white space; half-width brackets; no leading 全省/全市/全县/全区 or 年
 * (年专利申请量 is the year's 专利申请量); 每万人口 as 每万人; 金额 as 额; 总量 as 量; a trailing
 * 数量 as 数.
 */
export function measureNameKey(name: string): string {
  return name
    .replace(/\s+/g, "")
    .replace(/（/g, "(")
    .replace(/）/g, ")")
    .replace(/^(全省|全市|全县|全区)/, "")
    .replace(/^年(?=\S{2})/, "")
    .replace(/每万人口/g, "每万人")
    .replace(/金额/g, "额")
    .replace(/总量/g, "量")
    .replace(/数量$/, "数");
}

/** The id of the measure whose name and unit the target's are, else null. */
export function proposeMeasure(name: string, unit: string, measures: readonly Measure[] = MEASURES): string | null {
  const key = measureNameKey(name);
  const hit = measures.find((m) => measureNameKey(m.name.zh) === key);
  return hit && hit.unit === unit ? hit.id : null;
}
