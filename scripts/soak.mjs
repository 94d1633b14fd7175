#!/usr/bin/env node
/**
 * npm run soak: the no-loss property test (test/excel/no-loss.property.test.ts) with every real Excel
 * behaviour of the stand-in on, over SOAK_RUNS random sequences of official actions and refreshes
 * (1,000 unless set). `npm test` runs the same test with 60.
 */
import { spawnSync } from "node:child_process";
import { createRequire } from "node:module";

const runs = process.env.SOAK_RUNS == null ? 1000 : Number(process.env.SOAK_RUNS);
if (!Number.isInteger(runs) || runs < 1) {
  console.error(`SOAK_RUNS 必须是正整数 / SOAK_RUNS must be a positive whole number, got ${process.env.SOAK_RUNS}`);
  process.exit(2);
}
const jest = createRequire(import.meta.url).resolve("jest/bin/jest");
console.log(`soak: ${runs} random sequences, every real Excel behaviour on`);
const result = spawnSync(process.execPath, [jest, "--ci", "test/excel/no-loss.property.test.ts"], {
  stdio: "inherit",
  env: { ...process.env, NO_LOSS_RUNS: String(runs) },
});
process.exit(result.status ?? 1);
