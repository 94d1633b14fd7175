/** @jest-environment node */
import { BUNDLED_PLAN_FILES } from "../../src/core/catalog/bundled";
import { loadCatalogStrict } from "../../src/core/catalog/catalog";
import { checkedCatalogSource, checkedPlans } from "../../src/build/checked-catalog";

/** The JSON the generated module parses, read back out of its source. */
function plansIn(source: string): unknown {
  const m = source.match(/JSON\.parse\(("(?:[^"\\]|\\.)*")\)/);
  if (!m) throw new Error("no JSON.parse(...) in the generated module");
  return JSON.parse(JSON.parse(m[1]));
}

describe("the catalogue checked at build time", () => {
  it("hands the page exactly the plans validation produces, defaults filled in", () => {
    const source = checkedCatalogSource(BUNDLED_PLAN_FILES);
    expect(plansIn(source)).toEqual(JSON.parse(JSON.stringify(loadCatalogStrict(BUNDLED_PLAN_FILES).plans)));
    expect(source).toContain('from "./catalog"');
    expect(source).toContain("export function bundledCatalog(): Catalog");
    expect(source).toContain("export const BUNDLED_PLAN_FILES");
    // The page gets no validator: nothing of validate.ts or zod is imported.
    expect(source.match(/^import .*$/gm)).toEqual(['import { Catalog, type RawPlanFile } from "./catalog";', 'import type { Plan } from "./schema";']);
    expect(source).not.toMatch(/loadCatalog|validatePlan/);
  });

  it("fails the build on a broken plan file, naming the file, the place and the problem in both languages", () => {
    const broken = structuredClone(BUNDLED_PLAN_FILES[0]) as { file: string; data: { targets: Array<{ id: string }> } };
    broken.data.targets[0].id = "bad id";
    expect(() => checkedPlans([broken, ...BUNDLED_PLAN_FILES.slice(1)])).toThrow(
      new RegExp(`${broken.file} \\$\\.targets\\[0\\]\\.id: 指标编号须形如 JZ-05 / id must look like JZ-05`),
    );
  });

  it("fails the build when two files use one plan id", () => {
    expect(() => checkedPlans([BUNDLED_PLAN_FILES[0], { ...BUNDLED_PLAN_FILES[0], file: "data/plans/COPY.json" }])).toThrow(/COPY\.json/);
  });
});
