/** Plan files on disk (the Node loader of catalog, ip and workbook): a BOM, and where JSON goes wrong. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import fc from "fast-check";
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import { jsonErrorOffset, lineColumn, loadCatalogFromDisk, parseJsonText } from "../../src/node/plan-files";

const PLANS = path.join(__dirname, "..", "..", "data", "plans");
let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "plans-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("a plan file with a BOM loads in every tool alike", () => {
  const withBom = () => {
    const file = path.join(dir, "XZ.json");
    fs.writeFileSync(file, "\uFEFF" + fs.readFileSync(path.join(PLANS, "XZ.json"), "utf8"));
    return file;
  };

  it("the Node loader (catalog, ip, workbook) reads it", () => {
    withBom();
    const { catalog, problems } = loadCatalogFromDisk(dir);
    expect(problems).toEqual([]);
    expect(catalog.plan("XZ")).toEqual(loadCatalogFromDisk().catalog.plan("XZ"));
  });

  it("jest's module loader, which the bundled import goes through in tests, reads it the same", () => {
    const file = withBom();
    const viaJest = require(file);
    expect(viaJest).toEqual(BUNDLED_PLAN_FILES.find((f) => f.file === "data/plans/XZ.json")!.data);
  });
  it("webpack's JSON parser, which bundles the add-in's plans, drops the BOM too", () => {
    const text = fs.readFileSync(withBom(), "utf8");
    expect(text.charCodeAt(0)).toBe(0xfeff);
    const JsonParser = require("webpack/lib/json/JsonParser");
    const module = { buildInfo: {} as { jsonData?: { get(): unknown } }, buildMeta: {}, addDependency: () => undefined };
    new JsonParser().parse(text, { module });
    expect(module.buildInfo.jsonData!.get()).toEqual(BUNDLED_PLAN_FILES.find((f) => f.file === "data/plans/XZ.json")!.data);
  });
});

describe("a JSON syntax error names the file, line and column", () => {
  it("in the loader's problems, in Chinese and English", () => {
    fs.writeFileSync(path.join(dir, "BB.json"), '{\n  "formatVersion": 1,\n  "id": "BB"\n  "title": {}\n}\n');
    fs.writeFileSync(path.join(dir, "CC.json"), '{\n  "id": "CC",');
    const { problems } = loadCatalogFromDisk(dir);
    expect(problems).toEqual([
      `data/plans/BB.json: 不是有效的 JSON：第 4 行第 3 列，此处的「"」不合 JSON 语法 / not valid JSON: line 4, column 3: unexpected """ (Expected ',' or '}' after property value)`,
      "data/plans/CC.json: 不是有效的 JSON：第 2 行第 14 列，文件意外结束 / not valid JSON: line 2, column 14: the file ends too early",
    ]);
  });

  it("lines and columns count from 1", () => {
    expect(lineColumn("ab\ncd", 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn("ab\ncd", 4)).toEqual({ line: 2, column: 2 });
    expect(parseJsonText("f.json", '{"a": tru}')).toEqual({
      ok: false,
      message: `f.json: 不是有效的 JSON：第 1 行第 10 列，此处的「}」不合 JSON 语法 / not valid JSON: line 1, column 10: unexpected "}" (Unexpected token '}')`,
    });
  });

  it("the scanner finds an error exactly where JSON.parse fails, and none where it succeeds", () => {
    const valid = (s: string) => {
      try {
        JSON.parse(s);
        return true;
      } catch {
        return false;
      }
    };
    const pieces = fc.constantFrom("{", "}", "[", "]", ",", ":", '"a"', '"\\u00e9"', '"\\x"', "1", "-0.5e3", "01", "true", "nul", " ", "\n", '"');
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.array(pieces, { maxLength: 12 }).map((a) => a.join(""))), (s) => {
        const at = jsonErrorOffset(s);
        expect(at < 0).toBe(valid(s));
        // V8 gives an offset for some errors: where it does, it is the same place.
        if (at >= 0) {
          try {
            JSON.parse(s);
          } catch (e) {
            const m = /at position (\d+)/.exec((e as Error).message);
            if (m) expect(at).toBe(Number(m[1]));
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
