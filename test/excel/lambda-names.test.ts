/**
 * =IPTARGET("JZ-05") as the officials type it: where Excel has LAMBDA, writing the sheets defines
 * IPTARGET, IPSTATUS … as LAMBDA wrappers over IP.*; where it has not, nothing breaks; a name the
 * official made with that spelling is left alone and reported.
 */
import fs from "node:fs";
import path from "node:path";
import { IP_FUNCTIONS, LAMBDA_NAMES, lambdaFormula } from "../../src/excel/lambda-names";
import { FakeWorkbook } from "../support/fake-excel";
import { ALL, tableOf, write } from "./helpers";

describe("LAMBDA names over IP.*", () => {
  it("keep every IP.* function and its optional arguments as src/functions/functions.ts declares them", () => {
    const src = fs.readFileSync(path.resolve(__dirname, "../../src/functions/functions.ts"), "utf8");
    const declared = [...src.matchAll(/@customfunction (\w+)([\s\S]*?)@returns/g)].map((m) => ({
      fn: m[1],
      params: [...m[2].matchAll(/@param (\[?)(\w+)\]?/g)].map((p) => ({ name: p[2], ...(p[1] ? { optional: true } : {}) })),
    }));
    expect(IP_FUNCTIONS).toEqual(declared);
  });

  it("call IP.* with just the arguments given", () => {
    expect(lambdaFormula("TARGET", IP_FUNCTIONS[0].params)).toBe("=LAMBDA(id,[year],IF(ISOMITTED(year),IP.TARGET(id),IP.TARGET(id,year)))");
    const status = LAMBDA_NAMES.find((n) => n.name === "IPSTATUS")?.formula;
    expect(status).toBe(
      "=LAMBDA(id,actual,[year],[language],IF(ISOMITTED(year),IF(ISOMITTED(language),IP.STATUS(id,actual),IP.STATUS(id,actual,,language)),IF(ISOMITTED(language),IP.STATUS(id,actual,year),IP.STATUS(id,actual,year,language))))",
    );
    expect(LAMBDA_NAMES.find((n) => n.name === "IPBASELINE")?.formula).toBe("=LAMBDA(id,IP.BASELINE(id))");
  });

  it("are defined once where Excel has LAMBDA, not re-added on refresh, and replace an older version of ours", async () => {
    const wb = new FakeWorkbook();
    wb.behaviour.lambda = true;
    await write(wb);
    expect(wb.names.find((n) => n.name === "IPTARGET")?.formula).toBe("=LAMBDA(id,[year],IF(ISOMITTED(year),IP.TARGET(id),IP.TARGET(id,year)))");
    expect(LAMBDA_NAMES.every(({ name }) => wb.names.some((n) => n.name === name))).toBe(true);
    const ops = wb.nameOps;
    const summary = await write(wb);
    expect(summary.syncs).toBe(3);
    expect(wb.nameOps).toBe(ops);
    const target = wb.names.find((n) => n.name === "IPTARGET");
    if (target) target.formula = "=LAMBDA(id,IP.TARGET(id))";
    await write(wb, ["XZ"]);
    expect(target?.formula).toBe("=LAMBDA(id,[year],IF(ISOMITTED(year),IP.TARGET(id),IP.TARGET(id,year)))");
    expect(wb.nameOps).toBe(ops);
  });

  it("leave the official's own IPTARGET alone and say so", async () => {
    const wb = new FakeWorkbook();
    wb.behaviour.lambda = true;
    wb.names.push({ name: "IPTARGET", formula: "=Sheet1!$A$1", visible: true });
    const summary = await write(wb);
    expect(wb.names.find((n) => n.name === "IPTARGET")?.formula).toBe("=Sheet1!$A$1");
    expect(wb.names.some((n) => n.name === "IPSTATUS")).toBe(true);
    expect(summary.plans[0].notes.join("\n")).toMatch(/IPTARGET.*未覆盖.*left alone/s);
  });

  it("where Excel has no LAMBDA: the sheets are written as always and the names are not tried again", async () => {
    const wb = new FakeWorkbook();
    wb.behaviour.lambda = false;
    const first = await write(wb);
    expect(first.cancelled).toBe(false);
    expect(first.plans.map((p) => p.planId)).toEqual(ALL);
    expect(tableOf(wb, "JZ").rows).toBe(67);
    expect(wb.names.some((n) => n.name.startsWith("IPT") && n.name !== "IPTargets.JZ" && !n.name.startsWith("IPTargets."))).toBe(false);
    const again = await write(wb);
    expect(again.syncs).toBe(3);
  });

  it("are not tried where the ExcelApi set of current Microsoft 365 builds is missing", async () => {
    const wb = new FakeWorkbook();
    wb.behaviour.lambda = true;
    const summary = await write(wb, ["XZ"], { isSetSupported: (_n, v) => v !== "1.16" });
    expect(summary.syncs).toBe(2);
    expect(wb.names.some((n) => n.name === "IPTARGET")).toBe(false);
  });
});
