/**
 * The task pane: a header, five tabs (plans, sheets, overview, compare, settings) and their panels. A panel
 * once opened stays mounted (hidden when not selected) so nothing typed in it is lost on the way.
 */
import {
  Badge,
  Button,
  FluentProvider,
  makeStyles,
  Tab,
  TabList,
  Text,
  type Theme,
  tokens,
} from "@fluentui/react-components";
import { lazy, type ReactNode, Suspense, useEffect, useState } from "react";
import { warmNumberFormat } from "./boot";
import { useWorkbookStateSource, WorkbookStateContext } from "./hooks/useWorkbookState";
import { LanguageSwitch } from "./components/LanguageSwitch";
import {
  type LocaleId,
  loadedMessages,
  loadMessages,
  type Messages,
  MessagesContext,
  storedLocale,
  storeLocale,
  useMessages,
} from "./i18n";
import { useDraftMessages } from "./i18n/draft";
import { ServicesContext, type TaskpaneServices } from "./services";
import { PlanSourcesNote } from "./components/PlanSourcesNote";
import { NavigationContext, type PaneNavigation } from "./navigation";
import { LazyCatalogIssues, LazyCompareTab, LazyOverviewView, LazySettingsView, LazySheetsView, prefetchViews } from "./views/lazy";
import { PlansTab } from "./views/PlansTab";

// 导入规划文本 (views/DraftView.tsx) opens from the header, over the tabs, and stays mounted once opened.
const LazyDraftView = lazy(() => import(/* webpackChunkName: "view-draft" */ "./views/DraftView").then((m) => ({ default: m.DraftView })));

export type TabId = "plans" | "sheets" | "overview" | "compare" | "settings";
export const TABS: readonly TabId[] = ["plans", "sheets", "overview", "compare", "settings"];

/** The report (its own chunk) sits below the overview: both read the sheets' actuals. */
const LazyReportView = lazy(() => import(/* webpackChunkName: "view-report" */ "./views/ReportView").then((m) => ({ default: m.ReportView })));

/**
 * The light theme's variables come with taskpane.css, on :root (ThemeCssPlugin in webpack.config.js):
 * the provider is given none, so the page bundles no theme and writes none at its first render.
 */
const THEME_IN_CSS: Partial<Theme> = {};

/** Marked once the first screen is on the page; bench/taskpane.ts reads it. */
export const FIRST_RENDER_MARK = "taskpane:first-render";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalS,
    maxWidth: "640px",
    margin: "0 auto",
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    boxSizing: "border-box",
  },
  header: { display: "flex", alignItems: "center", justifyContent: "space-between", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  titleLine: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS, minWidth: 0 },
  headerActions: { display: "flex", alignItems: "center", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  title: { margin: 0, fontSize: tokens.fontSizeBase500, lineHeight: tokens.lineHeightBase500, fontWeight: tokens.fontWeightSemibold },
  // Five tabs fit a 320 px pane in English only with less padding than Fluent's small tab (6 px a side).
  tab: { paddingLeft: tokens.spacingHorizontalXXS, paddingRight: tokens.spacingHorizontalXXS },
  tabs: { marginLeft: `calc(-1 * ${tokens.spacingHorizontalM})`, marginRight: `calc(-1 * ${tokens.spacingHorizontalM})` },
  panel: { paddingTop: tokens.spacingVerticalS },
});

export interface AppProps {
  services: TaskpaneServices;
  messages: Messages;
  initialTab?: TabId;
}

/**
 * `messages` is the language the host asked for (Office's display language, or ?lang=); a choice
 * made with the language switch wins over it, now and the next time the pane opens.
 */
export function App({ services, messages: hostMessages, initialTab = "plans" }: AppProps) {
  const [locale, setLocale] = useState<LocaleId>(() => storedLocale() ?? (hostMessages.locale as LocaleId));
  // The chosen language's catalogue may still be loading (i18n/index.ts): the pane stays in the one
  // it has until then, and re-renders once it arrives.
  const ready = locale === hostMessages.locale ? hostMessages : loadedMessages(locale);
  const messages = ready ?? hostMessages;
  const [, arrived] = useState<Messages | null>(null);
  useEffect(() => {
    if (!ready) loadMessages(locale).then(arrived, () => undefined);
  }, [locale, ready]);
  useEffect(() => {
    document.documentElement.lang = messages.locale;
    document.title = messages.app.title;
  }, [messages]);
  const chooseLocale = (next: LocaleId) => {
    storeLocale(next);
    setLocale(next);
  };
  return (
    <FluentProvider theme={THEME_IN_CSS} lang={messages.locale}>
      <MessagesContext.Provider value={messages}>
        <ServicesContext.Provider value={services}>
          <Shell services={services} initialTab={initialTab} locale={locale} onLocaleChange={chooseLocale} />
        </ServicesContext.Provider>
      </MessagesContext.Provider>
    </FluentProvider>
  );
}

interface ShellProps {
  services: TaskpaneServices;
  initialTab: TabId;
  locale: LocaleId;
  onLocaleChange(locale: LocaleId): void;
}

function Shell({ services, initialTab, locale, onLocaleChange }: ShellProps) {
  const styles = useStyles();
  const messages = useMessages();
  const state = useWorkbookStateSource(services);
  const [tab, setTab] = useState<TabId>(initialTab);
  const [visited, setVisited] = useState<ReadonlySet<TabId>>(() => new Set([initialTab]));
  const draftMessages = useDraftMessages();
  const [drafting, setDrafting] = useState<boolean | null>(null);
  /** The measure shown in 对照 (null: its first); a target's detail may open it on its own. */
  const [compareMeasure, setCompareMeasure] = useState<string | null>(null);

  useEffect(() => {
    performance.mark?.(FIRST_RENDER_MARK);
    const idle = (globalThis as { requestIdleCallback?: (cb: () => void) => number }).requestIdleCallback;
    // After the first screen: the other tabs' chunks, the other language and the number format's
    // locale data, so none is waited for when asked for.
    const prefetch = () => {
      prefetchViews();
      void loadMessages(messages.locale === "en-US" ? "zh-CN" : "en-US").catch(() => undefined);
      warmNumberFormat(messages.locale);
    };
    if (idle) idle(prefetch);
    else setTimeout(prefetch, 500);
    // Once, after the first render.
  }, []);

  const select = (next: TabId) => {
    if (drafting) setDrafting(false);
    setTab(next);
    setVisited((v) => (v.has(next) ? v : new Set([...v, next])));
  };

  const navigation: PaneNavigation = {
    openCompare: (measureId) => {
      setCompareMeasure(measureId);
      select("compare");
    },
  };

  const panels: Record<TabId, () => ReactNode> = {
    plans: () => <PlansTab />,
    sheets: () => <LazySheetsView onOpenSettings={() => select("settings")} />,
    overview: () => (
      <>
        <LazyOverviewView />
        <LazyReportView />
      </>
    ),
    compare: () => <LazyCompareTab measureId={compareMeasure} onMeasureChange={setCompareMeasure} />,
    settings: () => <LazySettingsView />,
  };
  const issues = services.catalog.issues;

  return (
    <WorkbookStateContext.Provider value={state}>
      <div className={styles.root}>
        <header className={styles.header}>
          <div className={styles.titleLine}>
            <Text as="h1" className={styles.title}>
              {messages.app.title}
            </Text>
            {services.host.unavailable === "preview" && (
              <Badge appearance="tint" color="informative" title={messages.app.previewNote}>
                {messages.app.previewBadge}
              </Badge>
            )}
          </div>
          <div className={styles.headerActions}>
            <Button size="small" onClick={() => setDrafting(true)} aria-pressed={!!drafting}>
              {draftMessages.open}
            </Button>
            <LanguageSwitch locale={locale} onChange={onLocaleChange} />
          </div>
        </header>
        {issues.length > 0 && (
          <Suspense fallback={null}>
            <LazyCatalogIssues issues={issues} />
          </Suspense>
        )}
        <PlanSourcesNote />
        <nav aria-label={messages.app.navLabel} className={styles.tabs}>
          <TabList size="small" selectedValue={tab} onTabSelect={(_, d) => select(d.value as TabId)}>
            {TABS.map((id) => (
              <Tab key={id} id={`tab-${id}`} value={id} aria-controls={`panel-${id}`} className={styles.tab}>
                {messages.tabs[id]}
              </Tab>
            ))}
          </TabList>
        </nav>
        {drafting !== null && (
          <div hidden={!drafting}>
            <Suspense fallback={<Text>{messages.app.loading}</Text>}>
              <LazyDraftView onBack={() => setDrafting(false)} />
            </Suspense>
          </div>
        )}
        <main hidden={!!drafting}>
          {TABS.filter((id) => visited.has(id)).map((id) => (
            <div
              key={id}
              role="tabpanel"
              id={`panel-${id}`}
              aria-labelledby={`tab-${id}`}
              hidden={id !== tab}
              className={styles.panel}
            >
              <Suspense fallback={<Text>{messages.app.loading}</Text>}>
                <NavigationContext.Provider value={navigation}>{panels[id]()}</NavigationContext.Provider>
              </Suspense>
            </div>
          ))}
        </main>
      </div>
    </WorkbookStateContext.Provider>
  );
}
