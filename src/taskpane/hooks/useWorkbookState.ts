/**
 * The state shared by every view: the add-in settings of this workbook, the actuals read back
 * from the sheets, and each target's status computed from them.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState } from "react";
import type { StatusCode } from "../../core/method/method";
import type { AddinSettings } from "../../office/settings-store";
import { type Actuals, computeStatuses } from "../model";
import type { UnreadableActual } from "../office/workbook";
import type { TaskpaneServices } from "../services";

export type ReadState = "idle" | "reading" | "ready" | "error";

export interface WorkbookState {
  settings: AddinSettings;
  saveSettings(next: AddinSettings): Promise<void>;
  actuals: Actuals;
  /** True once any actual has been read: statuses mean something. */
  hasActuals: boolean;
  statuses: ReadonlyMap<string, StatusCode>;
  readState: ReadState;
  readError: unknown;
  readAt: Date | null;
  /** Cells of actual columns that are not numbers, from the last read. */
  unreadable: readonly UnreadableActual[];
  readActuals(): Promise<void>;
}

const NO_ACTUALS: Actuals = new Map();

/**
 * Each target's status, computed at the first read, not before: the first screen reads none until
 * actuals exist (and a preview never has any), so its first render does not assess every target.
 */
export class LazyStatuses implements ReadonlyMap<string, StatusCode> {
  private computed: ReadonlyMap<string, StatusCode> | null = null;
  constructor(private readonly compute: () => ReadonlyMap<string, StatusCode>) {}
  private get map(): ReadonlyMap<string, StatusCode> {
    return (this.computed ??= this.compute());
  }
  get size(): number {
    return this.map.size;
  }
  get(id: string): StatusCode | undefined {
    return this.map.get(id);
  }
  has(id: string): boolean {
    return this.map.has(id);
  }
  forEach(fn: (value: StatusCode, key: string, map: ReadonlyMap<string, StatusCode>) => void, thisArg?: unknown): void {
    this.map.forEach((v, k) => fn.call(thisArg, v, k, this));
  }
  entries(): MapIterator<[string, StatusCode]> {
    return this.map.entries();
  }
  keys(): MapIterator<string> {
    return this.map.keys();
  }
  values(): MapIterator<StatusCode> {
    return this.map.values();
  }
  [Symbol.iterator](): MapIterator<[string, StatusCode]> {
    return this.map[Symbol.iterator]();
  }
}

export function useWorkbookStateSource(services: TaskpaneServices): WorkbookState {
  const { settings: store, workbook, catalog } = services;
  const [settings, setSettings] = useState<AddinSettings>(() => store.load());
  useEffect(() => store.subscribe(setSettings), [store]);

  const [actuals, setActuals] = useState<Actuals>(NO_ACTUALS);
  const [readState, setReadState] = useState<ReadState>("idle");
  const [readError, setReadError] = useState<unknown>(null);
  const [readAt, setReadAt] = useState<Date | null>(null);
  const [unreadable, setUnreadable] = useState<readonly UnreadableActual[]>([]);
  const latestRead = useRef(0);

  const readActuals = useCallback(async () => {
    if (!workbook) return;
    const ticket = ++latestRead.current;
    setReadState("reading");
    setReadError(null);
    try {
      const problems: UnreadableActual[] = [];
      const read = await workbook.readActuals(problems);
      if (ticket !== latestRead.current) return;
      setActuals(read);
      setUnreadable(problems);
      setReadAt(new Date());
      setReadState("ready");
    } catch (e) {
      if (ticket !== latestRead.current) return;
      setReadError(e);
      setReadState("error");
    }
  }, [workbook]);

  useEffect(() => {
    void readActuals();
  }, [readActuals]);

  const statuses = useMemo(
    () => new LazyStatuses(() => computeStatuses(catalog, actuals, settings.method)),
    [catalog, actuals, settings.method],
  );
  const hasActuals = useMemo(() => [...actuals.values()].some((s) => s.length > 0), [actuals]);
  const saveSettings = useCallback((next: AddinSettings) => store.save(next), [store]);

  return { settings, saveSettings, actuals, hasActuals, statuses, readState, readError, readAt, unreadable, readActuals };
}

export const WorkbookStateContext = createContext<WorkbookState | null>(null);

export function useWorkbookState(): WorkbookState {
  const state = useContext(WorkbookStateContext);
  if (!state) throw new Error("useWorkbookState outside <WorkbookStateContext.Provider>");
  return state;
}
