/**
 * docs/method.md matches the code: its shell examples print what it says, its status table and its
 * defaults are the ones in method.ts and settings.ts.
 */
import fs from "node:fs";
import path from "node:path";
import { STATUS_LABELS } from "../../src/core/method/method";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import { runIpCommand } from "../../src/node/ip-cli";

const doc = fs.readFileSync(path.resolve(__dirname, "..", "..", "docs", "method.md"), "utf8");

describe("docs/method.md", () => {
  it("every `npm run --silent ip -- …` example prints what the page says", () => {
    const examples = [...doc.matchAll(/`npm run --silent ip -- ([^`]+)` prints `([^`]*)`/g)];
    expect(examples.length).toBeGreaterThanOrEqual(2);
    for (const [, args, printed] of examples) expect(runIpCommand(args.split(" ")).output).toBe(printed);
  });

  it("names every status as method.ts does", () => {
    for (const [code, { zh, en }] of Object.entries(STATUS_LABELS)) {
      expect(doc).toContain(`| \`${code}\` | ${zh} | ${en} |`);
    }
  });

  it("states the defaults of settings.ts", () => {
    expect(doc).toContain(`| \`path\` | \`"${DEFAULT_SETTINGS.path}"\` |`);
    expect(doc).toContain(`| \`thresholds.onTrack\` | **${DEFAULT_SETTINGS.thresholds.onTrack}** |`);
    expect(doc).toContain(`| \`thresholds.ahead\` | **${DEFAULT_SETTINGS.thresholds.ahead}** |`);
  });

  it("the JZ-05 example's figures are the method's", () => {
    // 49409 + (67000 − 49409)·2/3 = 61136.33; progress 0.602; pace 0.903 → 滞后
    expect(doc).toContain("61136.33");
    expect(Number(runIpCommand(["EXPECTED", "JZ-05", "2024"]).output).toFixed(2)).toBe("61136.33");
    expect(Number(runIpCommand(["PROGRESS", "JZ-05", "60000", "2024"]).output).toFixed(3)).toBe("0.602");
    expect(runIpCommand(["STATUS", "JZ-05", "60000", "2024"]).output).toBe("滞后");
  });
});
