/**
 * LibreOffice as the second real engine beside HyperFormula (bench/sheets.ts): runs the LibreOffice
 * recalculation check (scripts/e2e-libreoffice.mjs) and reports its cells compared and mismatches
 * (floor: 0). Needs `soffice` (Debian's libreoffice-calc-nogui); without it the figure says so.
 */
import { spawnSync } from "node:child_process";
import path from "node:path";

export function benchEngines(): Record<string, string> {
  const which = spawnSync("sh", ["-c", "command -v soffice"], { encoding: "utf8" });
  if (which.status !== 0) return { "LibreOffice: cells compared / mismatches": "soffice not installed (apt-get install libreoffice-calc-nogui)" };
  const started = Date.now();
  const run = spawnSync(process.execPath, [path.join(__dirname, "..", "scripts", "e2e-libreoffice.mjs")], {
    encoding: "utf8",
    timeout: 600_000,
  });
  const last = /^(\d+) passed, (\d+) failed$/m.exec([...(run.stdout ?? "").matchAll(/^\d+ passed, \d+ failed$/gm)].at(-1)?.[0] ?? "");
  const out: Record<string, string> = {};
  out["LibreOffice: cells compared / mismatches (floor 0)"] = last ? `${Number(last[1]) + Number(last[2])} / ${last[2]}` : `no result (exit ${run.status})`;
  out["LibreOffice: convert, recalculate and compare s"] = ((Date.now() - started) / 1000).toFixed(0);
  return out;
}
