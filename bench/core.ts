/**
 * Benchmarks of the pure core: loading the catalogue, id lookup, IP.TARGET and IP.STATUS. Every
 * figure is printed beside a baseline measured in the same run, so machines of any speed compare.
 */
import { BUNDLED_PLAN_FILES } from "../src/core/catalog/bundled";
import { loadCatalog, type RawPlanFile } from "../src/core/catalog/catalog";
import { createIpFunctions } from "../src/core/functions/ip";
import { isPercentTarget } from "../src/core/method/percent";
import { medianMs, nsPerOp } from "./timing";

/** A synthetic plan file of n targets, valid, with the shapes real plans have. */
export function syntheticPlanFile(n: number, planId = "BIG"): RawPlanFile {
  const kinds = ["level", "cumulative", "additions", "annual"] as const;
  return {
    file: `data/plans/${planId}.json`,
    data: {
      formatVersion: 1,
      id: planId,
      title: { zh: "合成规划", en: "Synthetic plan" },
      shortName: { zh: "合成", en: "Synthetic" },
      issuer: { zh: "测试", en: "Test" },
      draft: false,
      level: "city",
      region: { zh: "测试市", en: "Test City" },
      period: { start: 2021, end: 2025 },
      source: "synthetic.txt",
      targets: Array.from({ length: n }, (_, i) => ({
        id: `${planId}-${String(i + 1).padStart(3, "0")}`.slice(0, planId.length + 4),
        name: { zh: `指标${i}`, en: `Indicator ${i}` },
        unit: "件",
        area: "创造",
        kind: kinds[i % kinds.length],
        comparator: "reach",
        base: kinds[i % 4] === "additions" ? null : { year: 2020, value: 100 + i },
        target: { year: 2025, value: 200 + i },
        milestones: i % 3 === 0 ? [{ year: 2023, value: 150 + i }] : [],
        section: "表1",
        quotes: [`指标${i} ${100 + i} ${200 + i}`],
      })),
    },
  };
}

export function benchCore(): Record<string, string | number> {
  const out: Record<string, string | number> = {};

  // Loading: validation against the cost of merely parsing the same JSON text.
  const bundledText = BUNDLED_PLAN_FILES.map((f) => JSON.stringify(f.data));
  const parseMs = medianMs(() => bundledText.map((t) => JSON.parse(t)));
  const loadMs = medianMs(() => loadCatalog(bundledText.map((t, i) => ({ file: BUNDLED_PLAN_FILES[i].file, data: JSON.parse(t) }))));
  const catalog = loadCatalog(BUNDLED_PLAN_FILES);
  out["catalogue: bundled targets"] = catalog.size;
  out["catalogue: bundled load+validate ms"] = loadMs.toFixed(2);
  out["catalogue: bundled load / JSON.parse ratio"] = (loadMs / parseMs).toFixed(1);

  // 10,010 targets: 11 plans of 910 (target ids have at most three digits).
  const bigFiles = Array.from({ length: 11 }, (_, p) => syntheticPlanFile(910, `B${String.fromCharCode(65 + p)}`));
  const bigText = bigFiles.map((f) => JSON.stringify(f.data));
  const bigParse = medianMs(() => bigText.map((t) => JSON.parse(t)), 3);
  const bigLoad = medianMs(() => loadCatalog(bigText.map((t, i) => ({ file: bigFiles[i].file, data: JSON.parse(t) }))), 3);
  const big = loadCatalog(bigFiles);
  if (big.issues.length) throw new Error(`synthetic catalogue invalid: ${big.issues[0].en}`);
  out["catalogue: 10k targets"] = big.size;
  out["catalogue: 10k load+validate ms"] = bigLoad.toFixed(1);
  out["catalogue: 10k load / JSON.parse ratio"] = (bigLoad / bigParse).toFixed(1);

  // Lookup against a bare Map.get over the same ids.
  const ids = [...catalog.entries()].map((e) => e.target.id);
  const bare = new Map(ids.map((id) => [id, id]));
  const N = 2_000_000;
  const mapNs = nsPerOp((i) => bare.get(ids[i % ids.length]), N);
  const getNs = nsPerOp((i) => catalog.get(ids[i % ids.length]), N);
  out["lookup: Map.get ns"] = mapNs.toFixed(1);
  out["lookup: catalog.get ns"] = getNs.toFixed(1);
  out["lookup: catalog.get / Map.get"] = (getNs / mapNs).toFixed(2);

  // IP.TARGET and IP.STATUS (five-year actual series), as Excel calls them.
  const ip = createIpFunctions(catalog);
  const quantitative = [...catalog.entries()].filter((e) => e.target.target.value != null).map((e) => e.target.id);
  const targetNs = nsPerOp((i) => ip.TARGET(quantitative[i % quantitative.length], null), 500_000);
  out["IP.TARGET calls/s"] = Math.round(1e9 / targetNs);
  out["IP.TARGET / Map.get (floor ≤ 10)"] = (targetNs / mapNs).toFixed(2);
  const statusNs = nsPerOp((i) => ip.STATUS("JZ-05", [[49409 + (i % 7), 52000, null, 58000, 61000]], 2026, null), 200_000);
  out["IP.STATUS (5-year series) calls/s"] = Math.round(1e9 / statusNs);
  out["IP.STATUS / Map.get"] = (statusNs / mapNs).toFixed(1);
  // A five-year series per target; percent targets take Excel percentages (0.01 = 1 %, method.md §1a).
  const series = quantitative.map((id) => {
    const f = isPercentTarget(catalog.get(id)!.target) ? 0.01 : 1;
    return [[1 * f, 2 * f, null, 4 * f, 5 * f]];
  });
  const recalcMs = medianMs(() => {
    for (let i = 0; i < 10_000; i++) ip.STATUS(quantitative[i % quantitative.length], series[i % quantitative.length], null, null);
  });
  out["10,000 IP.STATUS cells ms (floor < 50)"] = recalcMs.toFixed(1);
  // The same 10,000 cells against 10,000 bare Map.get lookups, timed the same way in this run.
  const plain = new Map(quantitative.map((id, i) => [id, i]));
  const mapMs = medianMs(() => {
    let sum = 0;
    for (let i = 0; i < 10_000; i++) sum += plain.get(quantitative[i % quantitative.length]) ?? 0;
    return sum; // returned so the loop is not optimised away
  });
  out["10,000 IP.STATUS cells / 10,000 Map.get"] = (recalcMs / Math.max(mapMs, 1e-3)).toFixed(0);
  return out;
}
