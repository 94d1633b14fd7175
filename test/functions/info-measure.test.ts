/**
 * IP.INFO(id, "measure"): the common statistic a target counts (data/measures.json), by Chinese name
 * ("measure", alias 统计口径), English name ("measure_en") and id ("measure_id"); "" where the target
 * counts none. The same through the shell form (`npm run ip`), which prints what the cell shows.
 */
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { loadCatalog } from "../../src/core/catalog/catalog";
import { createIpFunctions, INFO_FIELD_NAMES } from "../../src/core/functions/ip";
import { MethodError } from "../../src/core/method/method";
import { runIpCommand } from "../../src/node/ip-cli";

const IP = createIpFunctions(bundledCatalog());

describe("IP.INFO measure fields", () => {
  it("names the measure in Chinese, in English and by id", () => {
    expect(IP.INFO("JZ-05", "measure")).toBe("有效商标注册量");
    expect(IP.INFO("JZ-05", "统计口径")).toBe("有效商标注册量");
    expect(IP.INFO("JZ-05", "measure_en")).toBe("Valid registered trademarks");
    expect(IP.INFO("JZ-05", "英文统计口径")).toBe("Valid registered trademarks");
    expect(IP.INFO("JZ-05", "measure_id")).toBe("valid-trademarks");
    expect(IP.INFO("JZ-05", "统计口径编号")).toBe("valid-trademarks");
    expect(IP.INFO(" xz-05 ", " MEASURE ")).toBe("专利质押融资金额");
    expect(IP.INFO("XC-04", "measure")).toBe("知识产权质押融资金额");
  });

  it("answers \"\" (not #N/A) for a target that counts no measure", () => {
    for (const field of ["measure", "measure_en", "measure_id", "统计口径"]) {
      expect(IP.INFO("JZ-14", field)).toBe(""); // a milestone
      expect(IP.INFO("XZ-30", field)).toBe(""); // close, but its unit 个 is not the measure's 家
    }
  });

  it("lists the fields in the message for an unknown one", () => {
    expect(INFO_FIELD_NAMES).toEqual(expect.arrayContaining(["measure", "measure_en", "measure_id"]));
    let thrown: unknown;
    try {
      IP.INFO("JZ-05", "measures");
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(MethodError);
    expect((thrown as MethodError).en).toMatch(/measure, measure_en, measure_id/);
  });

  it("answers \"\" for a measure a plan loaded at run time names wrongly (the loader set it to null)", () => {
    const jz = JSON.parse(JSON.stringify(bundledCatalog().plan("JZ")));
    jz.targets.find((t: { id: string }) => t.id === "JZ-05").measure = "trademarks";
    const ip = createIpFunctions(loadCatalog([{ file: "plans/JZ.json", data: jz }]));
    expect(ip.INFO("JZ-05", "measure")).toBe("");
    expect(ip.INFO("JZ-05", "measure_id")).toBe("");
    expect(ip.INFO("JZ-01", "measure_id")).toBe("high-value-patents-per-10k");
  });

  it("the shell prints the same", () => {
    expect(runIpCommand(["INFO", "HN-10", "统计口径"]).output).toBe("专利质押融资金额");
    expect(runIpCommand(["INFO", "HN-10", "measure_id"]).output).toBe("patent-pledge-financing-amount");
  });
});

describe("functions.json (from the JSDoc of INFO)", () => {
  it("lists the measure fields in both languages", async () => {
    const path = await import("node:path");
    const { generateCustomFunctionsMetadata } = await import("custom-functions-metadata");
    const { localizeFunctionsJson } = await import("../../src/functions/localize");
    const result = await generateCustomFunctionsMetadata(path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts"), false);
    expect(result.errors).toEqual([]);
    const { zh, en } = localizeFunctionsJson(JSON.parse(result.metadataJson));
    const field = (json: typeof zh) => json.functions.find((f) => f.id === "INFO")!.parameters.find((p) => p.name === "field" || p.name === "字段")!;
    expect(field(zh).description).toMatch(/"measure".*"measure_id".*"统计口径"/);
    expect(field(en).description).toMatch(/"measure", "measure_en", "measure_id"/);
    expect(zh.functions.find((f) => f.id === "INFO")!.description).toContain("measure（统计口径）");
  });
});
