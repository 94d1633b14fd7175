/**
 * The shell form (`npm run --silent ip -- STATUS JZ-05 60000 2024`): it prints exactly what the
 * worksheet function returns, an error as "#N/A: message" / "#VALUE!: message", a spilled array as
 * tab-separated lines.
 */
import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { createIpFunctions, type IpFunctions } from "../../src/core/functions/ip";
import { MethodError } from "../../src/core/method/method";
import { formatCell, runIpCommand, shellArg } from "../../src/node/ip-cli";

const REPO = path.resolve(__dirname, "..", "..");
const IP = createIpFunctions(bundledCatalog());
const run = (line: string) => runIpCommand(line.split(" "));

describe("runIpCommand prints what the function returns", () => {
  it.each<[string, () => unknown]>([
    ["STATUS JZ-05 60000 2024", () => IP.STATUS("JZ-05", 60000, 2024)],
    ["STATUS JZ-05 60000 2024 en", () => IP.STATUS("JZ-05", 60000, 2024, "en")],
    ["status jz-05 55000,60000 2024", () => IP.STATUS("JZ-05", [[55000, 60000]], 2024)],
    ["IP.PROGRESS JZ-05 60000 2024", () => IP.PROGRESS("JZ-05", 60000, 2024)],
    ["COMPLETION JZ-05 60000 2024", () => IP.COMPLETION("JZ-05", 60000, 2024)],
    ["TARGET JZ-05", () => IP.TARGET("JZ-05")],
    ["TARGET JZ-05 2024", () => IP.TARGET("JZ-05", 2024)],
    ["TARGET XZ-05 2024", () => IP.TARGET("XZ-05", 2024)],
    ["TARGET XZ-32 2024", () => IP.TARGET("XZ-32", 2024)],
    ["BASELINE XC-01", () => IP.BASELINE("XC-01")],
    ["EXPECTED JZ-05 2024", () => IP.EXPECTED("JZ-05", 2024)],
    ["GAP JZ-05 60000 2024", () => IP.GAP("JZ-05", 60000, 2024)],
    ["REQUIRED JZ-05 55000 2023", () => IP.REQUIRED("JZ-05", 55000, 2023)],
    ["PROJECT JZ-05 55000,60000 2023,2024", () => IP.PROJECT("JZ-05", [[55000, 60000]], [[2023, 2024]])],
    ["PROJECT JZ-05 55000,60000 2023,2024 compound", () => IP.PROJECT("JZ-05", [[55000, 60000]], [[2023, 2024]], "compound")],
    ["INFO JZ-05 name", () => IP.INFO("JZ-05", "name")],
    ["INFO JZ-05 名称", () => IP.INFO("JZ-05", "名称")],
    ["STATUS XC-10 是 2024", () => IP.STATUS("XC-10", "是", 2024)],
  ])("%s", (line, call) => {
    const out = run(line);
    expect(out.code).toBe(0);
    expect(out.output).toBe(String(call()));
  });

  it("the docs' example: 滞后, and the figures behind it", () => {
    expect(run("STATUS JZ-05 60000 2024").output).toBe("滞后");
    expect(Number(run("EXPECTED JZ-05 2024").output)).toBeCloseTo(49409 + (17591 * 2) / 3, 9);
    expect(Number(run("PROGRESS JZ-05 60000 2024").output)).toBeCloseTo(0.602, 3);
  });

  it("an empty actual prints 无数据, not 0", () => {
    expect(runIpCommand(["STATUS", "JZ-05", "", "2024"]).output).toBe("无数据");
    expect(runIpCommand(["STATUS", "JZ-05", ",", "2024", "en"]).output).toBe("No data");
  });

  it("an error prints as #N/A: message (Chinese / English), exit code 0", () => {
    const e = run("STATUS ZZ-99 60000 2024");
    expect(e).toEqual({ output: '#N/A: 未知的指标编号「ZZ-99」 / unknown target id "ZZ-99"', code: 0 });
    expect(run("EXPECTED JZ-05 2021").output).toBe("#N/A: 2021 年早于基期（2022 年） / 2021 is before the base year (2022)");
    let expected = "";
    try {
      IP.PROGRESS("JZ-05", "", 2024);
    } catch (err) {
      expected = `#N/A: ${(err as MethodError).message}`;
    }
    expect(runIpCommand(["PROGRESS", "JZ-05", "", "2024"]).output).toBe(expected);
  });

  it("a #VALUE! error prints as #VALUE!: message", () => {
    const e = run("STATUS JZ-05 abc 2024");
    expect(e.code).toBe(0);
    expect(e.output).toBe('#VALUE!: 实际值「abc」不是数字 / the actual "abc" is not a number');
  });

  it("a spilled array prints as tab-separated lines, cell by cell as LIST returns them", () => {
    const out = run("LIST XC en");
    expect(out.code).toBe(0);
    const matrix = IP.LIST("XC", "en");
    expect(out.output).toBe(matrix.map((r) => r.map(formatCell).join("\t")).join("\n"));
    const lines = out.output.split("\n");
    expect(lines).toHaveLength(1 + 23);
    expect(lines[0]).toBe("Id\tTarget\tUnit\tBase year\tBase value\tTarget year\tTarget value");
    expect(lines[1]).toBe("XC-01\tValid invention patents held\t件\t2022\t3000\t2024\t3600");
    // a yes/no milestone: no unit, base or value — empty cells, not zeros
    expect(lines[10]).toMatch(/^XC-10\t[^\t]+\t\t\t\t2024\t$/);
  });

  it("an unknown function prints the usage and exits 2", () => {
    for (const argv of [[], ["FOO"], ["IP.NOPE", "JZ-05"]]) {
      const out = runIpCommand(argv);
      expect(out.code).toBe(2);
      expect(out.output).toMatch(/^usage: npm run --silent ip -- FUNCTION ARG\.\.\. {3}\(FUNCTION: TARGET, BASELINE, EXPECTED, PROGRESS, COMPLETION, STATUS, GAP, REQUIRED, PROJECT, INFO, LIST\)$/);
    }
  });

  it("an unexpected failure is #VALUE! with exit code 1, never a stack trace", () => {
    const broken = { STATUS: () => { throw new TypeError("boom"); } } as unknown as IpFunctions;
    expect(runIpCommand(["STATUS", "JZ-05"], broken)).toEqual({ output: "#VALUE!: boom", code: 1 });
    const na = { TARGET: () => { throw new MethodError("NA", "无", "none"); } } as unknown as IpFunctions;
    expect(runIpCommand(["TARGET", "x"], na)).toEqual({ output: "#N/A: 无 / none", code: 0 });
  });
});

describe("shell words as Excel would pass them", () => {
  it("numbers, booleans, text, empty; a comma makes a one-row range", () => {
    expect(shellArg("60000")).toBe(60000);
    expect(shellArg("-1.5e3")).toBe(-1500);
    expect(shellArg("TRUE")).toBe(true);
    expect(shellArg("false")).toBe(false);
    expect(shellArg("JZ-05")).toBe("JZ-05");
    expect(shellArg("")).toBeNull();
    expect(shellArg("55000,,60000")).toEqual([[55000, null, 60000]]);
    expect(shellArg("a, b")).toEqual([["a", "b"]]);
  });

  it("cells print as Excel shows them", () => {
    expect(formatCell(null)).toBe("");
    expect(formatCell(undefined)).toBe("");
    expect(formatCell(true)).toBe("TRUE");
    expect(formatCell(0.5)).toBe("0.5");
    expect(formatCell("滞后")).toBe("滞后");
  });
});

describe("the script itself", () => {
  it("npx tsx scripts/ip.ts STATUS JZ-05 60000 2024 prints 滞后 and a newline", () => {
    const out = execFileSync(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/ip.ts", "STATUS", "JZ-05", "60000", "2024"], {
      cwd: REPO,
      encoding: "utf8",
    });
    expect(out).toBe("滞后\n");
  });
});

describe("the README's array syntax", () => {
  it("{52000,56000,60000} is the same row as 52000,56000,60000; {1;2} is a column", () => {
    expect(shellArg("{52000,56000,60000}")).toEqual([[52000, 56000, 60000]]);
    expect(shellArg("{55000,,60000}")).toEqual([[55000, null, 60000]]);
    expect(shellArg("{1;2}")).toEqual([[1], [2]]);
    expect(shellArg('"a,b"')).toBe("a,b");
    expect(run("STATUS JZ-05 {52000,56000,60000} 2024 en").output).toBe("Behind schedule");
    expect(run("STATUS JZ-05 {52000,56000,60000} 2024 en")).toEqual(run("STATUS JZ-05 52000,56000,60000 2024 en"));
    expect(run("PROJECT JZ-05 {52000,56000} {2023,2024}").output).toBe("59060.666666666664");
  });

  it("a whole formula, as the README writes it, is one argument", () => {
    expect(runIpCommand(['=IP.STATUS("JZ-05",{52000,56000,60000},2024,"en")'])).toEqual({ output: "Behind schedule", code: 0 });
    expect(runIpCommand(['=IP.INFO("JZ-05","name")']).output).toBe(String(IP.INFO("JZ-05", "name")));
    expect(runIpCommand(["IP.TARGET(\"XZ-01\",2025)"]).output).toBe("1900");
  });

  it("an array a shell split into words (bash expands unquoted braces) is refused, saying how to write it", () => {
    // npm run ip -- STATUS JZ-05 {52000,56000,60000} 2024 reaches the script as these words under bash.
    const out = runIpCommand(["STATUS", "JZ-05", "52000", "56000", "60000", "2024"]);
    expect(out.code).toBe(2);
    expect(out.output).toBe(
      "#VALUE!: STATUS 最多 4 个参数，收到 5 个；数组请写作 52000,56000,60000 或加引号 '{52000,56000,60000}'（shell 会展开不加引号的花括号） / " +
        "STATUS takes at most 4 arguments, got 5; write an array as 52000,56000,60000 or quote it: '{52000,56000,60000}' (a shell expands unquoted braces)",
    );
  });
});

describe("npm run ip with plan files that cannot be read", () => {
  const tsx = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");
  const ip = (dir: string, ...args: string[]) =>
    spawnSync(process.execPath, [tsx, "scripts/ip.ts", ...args], { cwd: REPO, encoding: "utf8", env: { ...process.env, IP_PLANS_DIR: dir } });
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ip-plans-"));
    for (const f of fs.readdirSync(path.join(REPO, "data", "plans"))) fs.copyFileSync(path.join(REPO, "data", "plans", f), path.join(dir, f));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it("a corrupt plan file is named with its line and column; the other plans still answer, without a stack trace", () => {
    const jz = fs.readFileSync(path.join(dir, "JZ.json"), "utf8");
    fs.writeFileSync(path.join(dir, "JZ.json"), jz.replace(/"formatVersion": 1,/, '"formatVersion": 1'));
    const line = jz.slice(0, jz.indexOf('"formatVersion": 1,')).split("\n").length + 1;
    const other = ip(dir, "STATUS", "XZ-01", "1810", "2024");
    expect(other.stdout).toBe(`${IP.STATUS("XZ-01", 1810, 2024)}\n`);
    expect(other.stderr).toMatch(new RegExp(`^data/plans/JZ\\.json: 不是有效的 JSON：第 ${line} 行第 \\d+ 列，.* / not valid JSON: line ${line}, column \\d+: `));
    expect(other.stderr).toContain("以上规划文件有问题，其中的指标暂不可用");
    expect(other.stderr).not.toMatch(/\n\s+at /);
    expect(other.status).toBe(1);
    const gone = ip(dir, "TARGET", "JZ-05");
    expect(gone.stdout).toBe('#N/A: 未知的指标编号「JZ-05」 / unknown target id "JZ-05"\n');
    expect(gone.stderr).toContain("data/plans/JZ.json");
  });

  it("a plan file with a BOM loads as it does in the add-in", () => {
    const xz = path.join(dir, "XZ.json");
    fs.writeFileSync(xz, "\uFEFF" + fs.readFileSync(xz, "utf8"));
    const r = ip(dir, "TARGET", "XZ-01", "2025");
    expect([r.stdout, r.stderr, r.status]).toEqual(["1900\n", "", 0]);
  });
});

describe("npm run workbook: a workbook that works where it is opened", () => {
  const tsx = path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs");
  const workbook = (...args: string[]) => spawnSync(process.execPath, [tsx, "scripts/workbook.ts", ...args], { cwd: REPO, encoding: "utf8" });
  let dir: string;
  beforeEach(() => (dir = fs.mkdtempSync(path.join(os.tmpdir(), "ip-workbook-"))));
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  /** Every formula of the computed columns of XC's sheet. */
  async function formulasOf(file: string): Promise<string[]> {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(fs.readFileSync(file) as unknown as ArrayBuffer);
    const out: string[] = [];
    wb.getWorksheet("许昌 XC")!.eachRow((row) =>
      row.eachCell((cell) => {
        const f = (cell.value as ExcelJS.CellFormulaValue | null)?.formula;
        if (f) out.push(f);
      }),
    );
    return out;
  }

  it("writes portable formulas by default: no add-in function anywhere, and says so", async () => {
    const out = path.join(dir, "default.xlsx");
    const r = workbook("--out", out, "--plans", "XC");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("通用公式，未装加载项的 Excel、WPS、LibreOffice 都能计算");
    expect(r.stdout).toContain("portable formulas, for any spreadsheet");
    const formulas = await formulasOf(out);
    expect(formulas.length).toBeGreaterThan(0);
    expect(formulas.filter((f) => /IP[._]|_xldudf_/.test(f))).toEqual([]);
  }, 60000);

  it("writes live IP.* formulas only with --live, and says what they need", async () => {
    const out = path.join(dir, "live.xlsx");
    const r = workbook("--out", out, "--plans", "XC", "--live");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("联动公式，只在装有本加载项的 Excel 中计算");
    expect((await formulasOf(out)).some((f) => f.startsWith("_xldudf_IP_STATUS("))).toBe(true);
  }, 60000);

  it("--portable is still accepted (the default); --live with --portable is refused", async () => {
    const out = path.join(dir, "p.xlsx");
    expect(workbook("--out", out, "--plans", "XC", "--portable").status).toBe(0);
    expect((await formulasOf(out)).some((f) => f.includes("_xldudf_"))).toBe(false);
    const both = workbook("--out", out, "--live", "--portable");
    expect(both.status).toBe(2);
    expect(both.stderr).toContain("--live 与 --portable 只能选一个 / choose one of --live and --portable");
  }, 60000);
});
