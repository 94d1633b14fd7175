/**
 * What is not on the first screen (a target's detail; the sheets, overview, compare and settings tabs)
 * loads as separate chunks, keeping the first screen's JavaScript small; they are fetched in the
 * background once the first screen is up, so opening a target or a tab does not wait.
 */
import { lazy } from "react";

const loadSheets = () => import(/* webpackChunkName: "view-sheets" */ "./SheetsView");
const loadOverview = () => import(/* webpackChunkName: "view-overview" */ "./OverviewView");
const loadSettings = () => import(/* webpackChunkName: "view-settings" */ "./SettingsView");
const loadTarget = () => import(/* webpackChunkName: "view-target" */ "./TargetView");
const loadPlan = () => import(/* webpackChunkName: "view-plan" */ "./PlanView");
const loadCompare = () => import(/* webpackChunkName: "view-compare" */ "./CompareTab");
const loadIssues = () => import(/* webpackChunkName: "catalog-issues" */ "../components/CatalogIssues");

export const LazySheetsView = lazy(() => loadSheets().then((m) => ({ default: m.SheetsView })));
export const LazyOverviewView = lazy(() => loadOverview().then((m) => ({ default: m.OverviewView })));
export const LazySettingsView = lazy(() => loadSettings().then((m) => ({ default: m.SettingsView })));
export const LazyTargetView = lazy(() => loadTarget().then((m) => ({ default: m.TargetView })));
export const LazyPlanView = lazy(() => loadPlan().then((m) => ({ default: m.PlanView })));
/** 对照 and, below it, 汇总 (one chunk; the roll-up's reader is loaded only when an official collects). */
export const LazyCompareTab = lazy(() => loadCompare().then((m) => ({ default: m.CompareTab })));
/** Only shown when a plan file could not be loaded, which a checked build never ships. */
export const LazyCatalogIssues = lazy(() => loadIssues().then((m) => ({ default: m.CatalogIssues })));

export function prefetchViews(): void {
  void Promise.all([loadPlan(), loadTarget(), loadSheets(), loadOverview(), loadCompare(), loadSettings()]).catch(() => undefined);
}
