/**
 * src/taskpane/after-mark.ts: what the first screen does not need (the deployment's plans request)
 * starts once App has marked its first render, never before, never twice; at the latest after the
 * timeout, should no mark ever come.
 */
import { afterMark } from "../../src/taskpane/after-mark";

const tick = (ms = 0) => new Promise((r) => setTimeout(r, ms));

describe("afterMark", () => {
  it("runs once the mark is set, not before, and once only", async () => {
    const run = jest.fn();
    afterMark("test:first-render-a", run, 10_000);
    performance.mark("test:other");
    await tick(20);
    expect(run).not.toHaveBeenCalled();
    performance.mark("test:first-render-a");
    await tick(20);
    expect(run).toHaveBeenCalledTimes(1);
    performance.mark("test:first-render-a");
    await tick(20);
    expect(run).toHaveBeenCalledTimes(1);
  });

  it("runs after the timeout when no mark comes, and not again at a later mark", async () => {
    const run = jest.fn();
    afterMark("test:first-render-b", run, 30);
    await tick(5);
    expect(run).not.toHaveBeenCalled();
    await tick(60);
    expect(run).toHaveBeenCalledTimes(1);
    performance.mark("test:first-render-b");
    await tick(20);
    expect(run).toHaveBeenCalledTimes(1);
  });
});
