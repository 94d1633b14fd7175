/**
 * The IP.* functions take thresholds and path shape from the workbook's document settings, not only
 * from the pane's memory: where the pane and the functions run in two JavaScript contexts, what the
 * pane saved still applies. They read only, and answer at once.
 */
const store = new Map<string, unknown>();
const settings = {
  get: (key: string) => (store.has(key) ? store.get(key) : null),
  set: jest.fn(),
  remove: jest.fn(),
  saveAsync: jest.fn(),
  refreshAsync: jest.fn(),
};
(globalThis as unknown as { Office: unknown }).Office = { context: { document: { settings } } };

import { status } from "../../src/functions/functions";
import { functionSettings, SETTINGS_REFRESH_MS } from "../../src/office/settings-store";

describe("the functions' settings", () => {
  it("follow the workbook's document settings, which another context saved", () => {
    expect(status("JZ-05", [[60000]], 2024)).toBe("滞后");
    store.set("ipTargets.settings", { method: { path: "linear", thresholds: { ahead: 1.05, onTrack: 0.5 } }, formulaMode: "live" });
    expect(status("JZ-05", [[60000]], 2024)).toBe("基本符合预期");
    store.delete("ipTargets.settings");
    expect(status("JZ-05", [[60000]], 2024)).toBe("滞后");
  });

  it("never write, and ask Office to reload the settings at most once per interval", () => {
    store.set("ipTargets.settings", { method: { thresholds: { onTrack: 0.9 } } });
    settings.refreshAsync.mockClear();
    const t0 = Date.now() + 10_000_000;
    for (let k = 0; k < 50; k++) functionSettings(t0 + k);
    functionSettings(t0 + SETTINGS_REFRESH_MS);
    expect(settings.refreshAsync).toHaveBeenCalledTimes(2);
    expect(settings.set).not.toHaveBeenCalled();
    expect(settings.saveAsync).not.toHaveBeenCalled();
    expect(settings.remove).not.toHaveBeenCalled();
  });

  it("treat junk stored in the workbook as the defaults, and a failing refresh as nothing", () => {
    store.set("ipTargets.settings", { method: { thresholds: { onTrack: "=cmd|' /c calc'!A1", ahead: -3 }, path: 42 } });
    settings.refreshAsync.mockImplementation(() => {
      throw new Error("not on this host");
    });
    expect(functionSettings(Date.now() + 100_000_000).method).toEqual({ path: "linear", thresholds: { ahead: 1.05, onTrack: 0.95 } });
  });
});
