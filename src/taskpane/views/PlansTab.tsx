/**
 * The plans tab: the list (with search), a plan's targets and a target's detail, one at a time,
 * with back buttons. What was typed or chosen on the way (search words, filters) is kept.
 */
import { Text } from "@fluentui/react-components";
import { Suspense, useState } from "react";
import type { Level } from "../../core/catalog/schema";
import { useMessages } from "../i18n";
import { PlanListView } from "./PlanListView";
import { LazyPlanView, LazyTargetView } from "./lazy";
import { NO_FILTERS, type TargetFilters } from "./plan-filters";

export type PlansRoute =
  | { view: "list" }
  | { view: "plan"; planId: string }
  | { view: "target"; targetId: string; fromPlan: string | null };

export function PlansTab({ initialRoute = { view: "list" } }: { initialRoute?: PlansRoute }) {
  const messages = useMessages();
  const [route, setRoute] = useState<PlansRoute>(initialRoute);
  /** Whether the last change was a navigation, so the new view's heading takes focus. */
  const [navigated, setNavigated] = useState(false);
  const [query, setQuery] = useState("");
  const [level, setLevel] = useState<Level | "">("");
  const [filtersByPlan, setFiltersByPlan] = useState<Record<string, TargetFilters>>({});

  const go = (next: PlansRoute) => {
    setRoute(next);
    setNavigated(true);
  };

  switch (route.view) {
    case "plan":
      return (
        <Suspense fallback={<Text>{messages.app.loading}</Text>}>
          <LazyPlanView
            key={route.planId}
            planId={route.planId}
            filters={filtersByPlan[route.planId] ?? NO_FILTERS}
            onFiltersChange={(f) => setFiltersByPlan((all) => ({ ...all, [route.planId]: f }))}
            onOpenTarget={(targetId) => go({ view: "target", targetId, fromPlan: route.planId })}
            onBack={() => go({ view: "list" })}
            focusHeading={navigated}
          />
        </Suspense>
      );
    case "target":
      return (
        <Suspense fallback={<Text>{messages.app.loading}</Text>}>
          <LazyTargetView
            key={route.targetId}
            targetId={route.targetId}
            onBack={() => go(route.fromPlan ? { view: "plan", planId: route.fromPlan } : { view: "list" })}
            backLabel={messages.common.back}
            focusHeading={navigated}
          />
        </Suspense>
      );
    default:
      return (
        <PlanListView
          query={query}
          onQueryChange={setQuery}
          level={level}
          onLevelChange={setLevel}
          onOpenPlan={(planId) => go({ view: "plan", planId })}
          onOpenTarget={(targetId) => go({ view: "target", targetId, fromPlan: null })}
          focusHeading={navigated}
        />
      );
  }
}
