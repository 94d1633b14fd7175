/**
 * Work the first screen does not need, started once it is up (issue 12 §3): `run` is called when the
 * performance mark `name` is set (App sets FIRST_RENDER_MARK after its first render), or after
 * `timeoutMs` at the latest (no PerformanceObserver, or a first render that failed): never twice.
 */
export function afterMark(name: string, run: () => void, timeoutMs = 1000): void {
  let done = false;
  let observer: PerformanceObserver | null = null;
  const once = () => {
    if (done) return;
    done = true;
    observer?.disconnect();
    // The mark came first: nothing is left waiting in the page.
    clearTimeout(timer);
    run();
  };
  try {
    observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(name).length) once();
    });
    observer.observe({ entryTypes: ["mark"] });
  } catch {
    observer = null; // no PerformanceObserver here: the timeout alone
  }
  // Observer callbacks are asynchronous, so `once` never runs before this line.
  const timer = setTimeout(once, timeoutMs);
}
