/**
 * The shell form (`npm run --silent ip -- STATUS JZ-05 60000 2024`): it prints exactly what the
 * worksheet function returns, an error as "#N/A: message" / "#VALUE!: message", a spilled array as
 * tab-separated lines.
 */
import { execFileSync } from "node:child_process";
import path from "node:path";
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
