/** `npm run workbook`: the .xlsx file without Excel, from the plans and a CSV of actuals. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";

const REPO = path.join(__dirname, "../..");
const tsx = path.join(REPO, "node_modules/.bin/tsx");
const run = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(tsx, ["scripts/workbook.ts", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, ...env } });

async function open(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
  return wb;
}

/** The cell under a header of the first table row of a plan sheet. */
function cellUnder(ws: ExcelJS.Worksheet, header: string, row = 8): ExcelJS.Cell {
  const col = (ws.getRow(7).values as unknown[]).indexOf(header);
  if (col < 0) throw new Error(`no column ${header}`);
  return ws.getRow(row).getCell(col);
}

let dir: string;
beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ip-workbook-"))));
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

describe("npm run workbook", () => {
  it("writes the workbook from a CSV of actuals, reports the rows it could not use and exits 1", async () => {
    const csv = path.join(dir, "actuals.csv");
    fs.writeFileSync(csv, "id,year,value\nXZ-01,2024,1800\nXZ-01,2030,1\n");
    const out = path.join(dir, "out", "targets.xlsx");
    const r = run(["--out", out, "--plans", "XZ", "--portable", "--actuals", csv]);
    expect(r.stderr).toContain("第 3 行：XZ-01 的年份 2030 不在规划的年份范围 2023–2026 内");
    expect(r.stdout).toContain("wrote");
    expect(r.status).toBe(1);
    const wb = await open(out);
    expect(cellUnder(wb.getWorksheet("新郑 XZ")!, "2024年实际").value).toBe(1800);
  }, 60000);

  it("reads a GBK file (Chinese Excel's CSV) and says how it read it; an unquoted thousands comma is an error", async () => {
    const csv = path.join(dir, "actuals.csv");
    // 编号,年份,实际值 in GBK, then ASCII rows
    const header = Buffer.from([0xb1, 0xe0, 0xba, 0xc5, 0x2c, 0xc4, 0xea, 0xb7, 0xdd, 0x2c, 0xca, 0xb5, 0xbc, 0xca, 0xd6, 0xb5]);
    fs.writeFileSync(csv, Buffer.concat([header, Buffer.from("\r\nXZ-01,2024,1800\r\nXZ-02,2024,1,234\r\n")]));
    const out = path.join(dir, "targets.xlsx");
    const r = run(["--out", out, "--plans", "XZ", "--actuals", csv]);
    expect(r.stderr).toContain("按 GBK 解码 / decoded as GBK");
    expect(r.stderr).toContain("第 3 行：该行有 4 列，应为 3 列");
    expect(r.stderr).not.toContain("未知的指标编号");
    expect(r.stdout).toContain("1 个实际值，1 行有问题");
    expect(r.status).toBe(1);
    expect(cellUnder((await open(out)).getWorksheet("新郑 XZ")!, "2024年实际").value).toBe(1800);
  }, 60000);

  it("names a file it cannot read, without a stack trace", () => {
    const r = run(["--out", path.join(dir, "x.xlsx"), "--actuals", path.join(dir, "missing.csv")]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^无法读取 .*missing\.csv \/ cannot read .*missing\.csv: ENOENT/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60000);

  it("refuses unknown plans and missing --out", () => {
    expect(run(["--out", path.join(dir, "x.xlsx"), "--plans", "QQ"]).status).toBe(2);
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("--out");
  }, 60000);
});

describe("npm run workbook warns of values that never count", () => {
  it("a 新增 value for its counting year is written, warned of on stderr, and is no error (exit 0)", () => {
    const csv = path.join(dir, "actuals.csv");
    fs.writeFileSync(csv, "id,year,value\nJZ-25,2023,5\nJZ-25,2024,3\n");
    const r = run(["--out", path.join(dir, "x.xlsx"), "--plans", "JZ", "--actuals", csv]);
    expect(r.stderr).toContain("第 2 行：JZ-25 为新增类指标，从 2023 年之后逐年累计：2023 年的值已写入，但不计入进度");
    expect(r.stdout).toContain("2 个实际值");
    expect(r.status).toBe(0);
  }, 60000);
});
