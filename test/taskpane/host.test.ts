/** @jest-environment node */
import { detectHost } from "../../src/taskpane/office/host";

const office = (host: string | null, opts: { language?: string; supported?: boolean } = {}) => ({
  onReady: () => Promise.resolve({ host, platform: host ? "PC" : null }),
  context: {
    displayLanguage: opts.language ?? "zh-CN",
    requirements: { isSetSupported: () => opts.supported ?? true },
  },
});

describe("detectHost", () => {
  it("is a preview when office.js did not load", async () => {
    expect(await detectHost(undefined, "")).toEqual({ inExcel: false, displayLanguage: null, unavailable: "preview" });
  });

  it("is a preview in a plain browser (onReady without a host)", async () => {
    expect(await detectHost(office(null), "")).toMatchObject({ inExcel: false, unavailable: "preview" });
  });

  it("is Excel, with Office's display language", async () => {
    expect(await detectHost(office("Excel", { language: "en-US" }), "")).toEqual({
      inExcel: true,
      displayLanguage: "en-US",
      unavailable: null,
    });
  });

  it("says why when the host is another Office application", async () => {
    expect(await detectHost(office("Word"), "")).toMatchObject({ inExcel: false, unavailable: "otherHost" });
  });

  it("says why when Excel lacks the API set the sheets need", async () => {
    expect(await detectHost(office("Excel", { supported: false }), "")).toMatchObject({ inExcel: true, unavailable: "oldExcel" });
  });

  it("gives up waiting for onReady after the timeout and runs as a preview", async () => {
    const never = { onReady: () => new Promise<never>(() => undefined) };
    expect(await detectHost(never, "", 20)).toMatchObject({ unavailable: "preview" });
  });

  it("treats a failing onReady as a preview", async () => {
    const failing = { onReady: () => Promise.reject(new Error("boom")) };
    expect(await detectHost(failing, "")).toMatchObject({ unavailable: "preview" });
  });

  it("lets ?lang= override the language, and ignores junk", async () => {
    expect((await detectHost(undefined, "?lang=en-US")).displayLanguage).toBe("en-US");
    expect((await detectHost(office("Excel"), "?lang=en")).displayLanguage).toBe("en");
    expect((await detectHost(undefined, "?lang=<script>")).displayLanguage).toBeNull();
  });
});
