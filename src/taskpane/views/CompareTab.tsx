/**
 * The 对照 tab: the comparison of one measure across plans, and below it the 汇总 roll-up. After a
 * roll-up the comparison can show the collected actuals (the counties' and cities' own figures) in
 * place of this workbook's — in the browser preview, the only actuals there are.
 */
import { useState } from "react";
import type { RollupResult } from "../../rollup/types";
import { actualsFromRollup } from "../model";
import { type CollectedActuals, CompareView } from "./CompareView";
import { RollupView } from "./RollupView";

export interface CompareTabProps {
  measureId: string | null;
  onMeasureChange(measureId: string): void;
}

export function CompareTab({ measureId, onMeasureChange }: CompareTabProps) {
  const [collected, setCollected] = useState<CollectedActuals | null>(null);
  const onCollected = (result: RollupResult) => {
    const { actuals, conflicted } = actualsFromRollup(result);
    setCollected({ actuals, conflicted, files: result.files.length });
  };
  return (
    <>
      <CompareView measureId={measureId} onMeasureChange={onMeasureChange} collected={collected} />
      <RollupView onCollected={onCollected} />
    </>
  );
}
