/**
 * The task pane over the current plans: renders App with the catalogue of the plan store
 * (src/office/plan-store.ts) and renders it again when the store changes (the deployed plans
 * arrive, a plan is stored in the workbook), so nothing needs a reload and nothing typed is lost.
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { PlanSources, PlanStore } from "../office/plan-store";
import { App, type TabId } from "./App";
import type { Messages } from "./i18n";
import type { TaskpaneServices } from "./services";

export type BaseServices = Omit<TaskpaneServices, "catalog" | "planSources" | "storePlanInWorkbook">;

export function LiveApp({ base, plans, messages, initialTab }: { base: BaseServices; plans: PlanStore; messages: Messages; initialTab?: TabId }) {
  const [sources, setSources] = useState<PlanSources>(() => plans.current());
  useEffect(() => {
    const off = plans.subscribe(setSources);
    setSources(plans.current()); // a change between the first render and this subscription
    return off;
  }, [plans]);

  const services = useMemo<TaskpaneServices>(
    () => ({
      ...base,
      catalog: sources.catalog,
      planSources: { origins: sources.origins, notes: sources.notes },
      storePlanInWorkbook: base.host.inExcel && base.workbook ? (file, text) => plans.storeInWorkbook(file, text) : undefined,
    }),
    [base, plans, sources],
  );

  // Cells computed before the catalogue changed keep their old answers (#N/A for a plan not yet
  // loaded) until Excel recalculates: ask it to, as after a settings change.
  const first = useRef(sources.catalog);
  useEffect(() => {
    if (sources.catalog === first.current || !base.host.inExcel || !base.workbook) return;
    first.current = sources.catalog;
    base.workbook.recalculate().catch(() => undefined);
  }, [sources.catalog, base]);

  return <App services={services} messages={messages} initialTab={initialTab} />;
}
