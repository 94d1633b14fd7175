/** `npm run rollup`: county workbooks in, one roll-up workbook out, every problem and conflict printed. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { buildWorkbookXlsx } from "../../src/sheets/xlsx";
import { typeActuals } from "./collect-helpers";

const REPO = path.join(__dirname, "../..");
const tsx = path.join(REPO, "node_modules/.bin/tsx");
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(tsx, ["scripts/rollup.ts", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env } });

const catalog = bundledCatalog();
let dir: string;
beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "ip-rollup-"));
  const xz = await buildWorkbookXlsx(catalog, { plans: ["XZ"], portable: true });
  fs.writeFileSync(
    path.join(dir, "新郑-统计.xlsx"),
    await typeActuals(xz, "新郑 XZ", [
      { id: "XZ-01", year: 2024, value: 1810 },
      { id: "XZ-14", year: 2024, value: "九成" },
    ]),
  );
  fs.writeFileSync(path.join(dir, "新郑-市监.xlsx"), await typeActuals(xz, "新郑 XZ", [{ id: "XZ-01", year: 2024, value: 1820 }]));
  fs.writeFileSync(path.join(dir, "坏.xlsx"), "not a workbook");
  // The plans as a province without 新郑's plan would have them, and 新郑's plan as a deployed file.
  fs.mkdirSync(path.join(dir, "bundled"));
  fs.mkdirSync(path.join(dir, "county"));
  for (const f of fs.readdirSync(path.join(REPO, "data/plans"))) {
    fs.copyFileSync(path.join(REPO, "data/plans", f), path.join(dir, f === "XZ.json" ? "county" : "bundled", f));
  }
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run rollup", () => {
  it("writes the roll-up, prints what it read, the problems with file, sheet and row, and the conflicts; exit 0", async () => {
    const out = path.join(dir, "out", "汇总.xlsx");
    const files = ["新郑-统计.xlsx", "新郑-市监.xlsx", "坏.xlsx"].map((f) => path.join(dir, f));
    const r = run([...files, "--out", out]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${files[0]}: 1 张表（XZ，通用公式 portable），1 个实际值`);
    expect(r.stdout).toMatch(/坏\.xlsx: 未读取 \/ not read/);
    expect(r.stdout).toMatch(/新郑-统计\.xlsx，工作表“新郑 XZ”，第 \d+ 行 \(sheet "新郑 XZ", row \d+\): .*九成/);
    expect(r.stdout).toMatch(/坏\.xlsx: 无法读取：不是有效的 \.xlsx 文件.* \/ cannot be read/);
    expect(r.stdout).toMatch(/XZ-01 2024: 1810（.*新郑-统计\.xlsx，新郑 XZ，第 8 行 row 8） ≠ 1820/);
    expect(r.stdout).toContain("读取 2/3 个文件，2 个实际值，2 个问题，1 处冲突");
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(out) as unknown as ArrayBuffer);
    expect(wb.worksheets.length).toBeGreaterThan(0);
  });

  it("reads a county's plan from --plans DIR; without it the ids are unknown", () => {
    const env = { IP_PLANS_DIR: path.join(dir, "bundled") };
    const file = path.join(dir, "新郑-统计.xlsx");
    const without = run([file, "--out", path.join(dir, "a.xlsx")], env);
    expect(without.stdout).toMatch(/第 8 行的编号“XZ-01”不属于任何已知规划/);
    expect(without.stdout).toContain("0 个实际值");
    const withPlans = run([file, "--out", path.join(dir, "b.xlsx"), "--plans", path.join(dir, "county"), "--lang", "en"], env);
    expect(withPlans.status).toBe(0);
    expect(withPlans.stdout).not.toContain("unknown");
    expect(withPlans.stdout).toContain("1 个实际值");
  });

  it("takes a folder for the .xlsx files in it (Excel's ~$ lock files left out)", () => {
    const folder = path.join(dir, "各县");
    fs.mkdirSync(folder, { recursive: true });
    fs.copyFileSync(path.join(dir, "新郑-统计.xlsx"), path.join(folder, "新郑.xlsx"));
    fs.writeFileSync(path.join(folder, "~$新郑.xlsx"), "lock");
    fs.writeFileSync(path.join(folder, "说明.txt"), "not a workbook");
    const r = run([folder, "--out", path.join(dir, "c.xlsx")]);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain(`${path.join(folder, "新郑.xlsx")}: 1 张表`);
    expect(r.stdout).not.toContain("~$");
    expect(r.stdout).not.toContain("说明.txt");
  });

  it("exits 1 for wrong arguments and when no file could be read, writing nothing", () => {
    expect(run([path.join(dir, "新郑-统计.xlsx")]).status).toBe(1);
    const badLang = run([path.join(dir, "新郑-统计.xlsx"), "--out", path.join(dir, "x.xlsx"), "--lang", "fr"]);
    expect(badLang.status).toBe(1);
    expect(badLang.stderr).toContain("--lang");
    const none = run([path.join(dir, "坏.xlsx"), path.join(dir, "missing.xlsx"), "--out", path.join(dir, "none.xlsx")]);
    expect(none.status).toBe(1);
    expect(none.stderr).toContain("missing.xlsx: 无法打开 / cannot open: ENOENT");
    expect(none.stderr).toContain("没有一个文件能读取");
    expect(fs.existsSync(path.join(dir, "none.xlsx"))).toBe(false);
  });
});
