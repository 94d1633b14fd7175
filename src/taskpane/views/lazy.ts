/**
 * The tabs that are not on the first screen (sheets, overview, settings) load as separate chunks,
 * keeping the first screen's JavaScript small; they are fetched in the background once the first
 * screen is up, so opening a tab does not wait.
 */
import { lazy } from "react";

const loadSheets = () => import(/* webpackChunkName: "view-sheets" */ "./SheetsView");
const loadOverview = () => import(/* webpackChunkName: "view-overview" */ "./OverviewView");
const loadSettings = () => import(/* webpackChunkName: "view-settings" */ "./SettingsView");

export const LazySheetsView = lazy(() => loadSheets().then((m) => ({ default: m.SheetsView })));
export const LazyOverviewView = lazy(() => loadOverview().then((m) => ({ default: m.OverviewView })));
export const LazySettingsView = lazy(() => loadSettings().then((m) => ({ default: m.SettingsView })));

export function prefetchViews(): void {
  void Promise.all([loadSheets(), loadOverview(), loadSettings()]).catch(() => undefined);
}
