import path from "node:path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { type FunctionsJson, localizeFunctionsJson, ZH_PARAMETER_NAMES } from "../../src/functions/localize";

const source = path.resolve(__dirname, "..", "..", "src", "functions", "functions.ts");

// The CLI exits 0 even when metadata is wrong, so the API's error list is what we hold to zero.
let generated: { errors: string[]; json: FunctionsJson };
beforeAll(async () => {
  const result = await generateCustomFunctionsMetadata(source, false);
  generated = { errors: result.errors, json: JSON.parse(result.metadataJson || '{"functions":[]}') };
});

const EXPECTED = ["TARGET", "BASELINE", "EXPECTED", "PROGRESS", "COMPLETION", "STATUS", "GAP", "REQUIRED", "PROJECT", "INFO", "LIST"];

describe("functions.json", () => {
  it("is generated from the JSDoc with zero errors", () => {
    expect(generated.errors).toEqual([]);
  });

  it("has every IP.* function", () => {
    expect(generated.json.functions.map((f) => f.id).sort()).toEqual([...EXPECTED].sort());
  });

  it("declares optional years as optional numbers, not any", () => {
    const target = generated.json.functions.find((f) => f.id === "TARGET")!;
    expect(target.parameters[1]).toMatchObject({ name: "year", type: "number", optional: true });
    const status = generated.json.functions.find((f) => f.id === "STATUS")!;
    expect(status.parameters.map((p) => p.name)).toEqual(["id", "actual", "year", "language"]);
    expect(status.parameters[1]).toMatchObject({ dimensionality: "matrix" });
    const list = generated.json.functions.find((f) => f.id === "LIST")!;
    expect(list.result).toMatchObject({ dimensionality: "matrix" });
  });

  it("has a Chinese twin with the same ids and parameters, Chinese descriptions and names", () => {
    const { zh, en } = localizeFunctionsJson(generated.json);
    expect(zh.functions.map((f) => f.id)).toEqual(generated.json.functions.map((f) => f.id));
    expect(en.functions.map((f) => f.id)).toEqual(generated.json.functions.map((f) => f.id));
    zh.functions.forEach((f, i) => {
      const source = generated.json.functions[i];
      expect(f.name).toBe(source.name);
      expect(f.parameters).toHaveLength(source.parameters.length);
      expect(f.description).toMatch(/[\u4e00-\u9fff]/);
      expect(f.description).not.toMatch(/ \/ /);
      for (const p of f.parameters) {
        expect(p.name).toMatch(/^[\u4e00-\u9fff]+$/);
        expect(p.description).toMatch(/[\u4e00-\u9fff]/);
      }
      // Types, optionality and dimensionality are unchanged.
      f.parameters.forEach((p, j) => {
        const { name: _n, description: _d, ...rest } = p;
        const { name: _n2, description: _d2, ...orig } = source.parameters[j];
        expect(rest).toEqual(orig);
      });
    });
    for (const f of en.functions) {
      expect(f.description).not.toMatch(/[\u4e00-\u9fff]/);
      for (const p of f.parameters) expect(p.description).not.toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("translates every parameter name used", () => {
    const names = new Set(generated.json.functions.flatMap((f) => f.parameters.map((p) => p.name)));
    for (const n of names) expect(ZH_PARAMETER_NAMES[n]).toBeDefined();
  });
});
