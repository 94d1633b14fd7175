/**
 * Start-up inside a slow Excel, and the requirement check (docs/excel-behaviour.md): Excel is never
 * taken for a browser, and an Excel below the highest ExcelApi set the code uses is told so, in
 * Chinese and English, before anything is written.
 */
import fs from "node:fs";
import path from "node:path";
import { OldExcelError, WRITE_EXCEL_API } from "../../src/excel";
import { detectHost, hostHint, REQUIRED_EXCEL_API } from "../../src/taskpane/office/host";
import { FakeWorkbook } from "../support/fake-excel";
import { write } from "./helpers";

const IN_EXCEL = "?_host_Info=Excel$Win32$16.01$zh-CN$$$$0";

const slowExcel = (ms: number, supported = true) => {
  const asked: string[] = [];
  return {
    asked,
    office: {
      onReady: () => new Promise<{ host: string; platform: string }>((resolve) => setTimeout(() => resolve({ host: "Excel", platform: "PC" }), ms)),
      context: {
        displayLanguage: "zh-CN",
        requirements: {
          isSetSupported: (name: string, version?: string) => {
            asked.push(`${name} ${version}`);
            return supported;
          },
        },
      },
    },
  };
};

describe("start-up in a slow Excel", () => {
  it("reads the host Office puts in the page's address", () => {
    expect(hostHint(IN_EXCEL)).toEqual({ host: "Excel", language: "zh-CN" });
    expect(hostHint("?_host_Info=Excel|Web|16.00|en-US|x")).toEqual({ host: "Excel", language: "en-US" });
    expect(hostHint("")).toBeNull();
    expect(hostHint("?_host_Info=<script>")).toBeNull();
  });

  it("waits past the timeout when the address says Excel, showing 'starting' meanwhile, and never becomes a preview", async () => {
    const { office } = slowExcel(120);
    let starting = 0;
    const host = await detectHost(office, IN_EXCEL, { timeoutMs: 20, onStarting: () => starting++ });
    expect(host).toEqual({ inExcel: true, displayLanguage: "zh-CN", unavailable: null });
    expect(starting).toBe(1);
  });

  it("without the address hint, shows the preview after the timeout and starts again as Excel when Office answers", async () => {
    const { office } = slowExcel(80);
    const late = new Promise((resolve) => {
      void detectHost(office, "", { timeoutMs: 10, onLateHost: resolve }).then((h) => expect(h.unavailable).toBe("preview"));
    });
    expect(await late).toEqual({ inExcel: true, displayLanguage: "zh-CN", unavailable: null });
  });

  it("asks for the highest ExcelApi set the code uses, and an older Excel gets the workbook actions switched off", async () => {
    const { office, asked } = slowExcel(0, false);
    expect(await detectHost(office, IN_EXCEL)).toMatchObject({ inExcel: true, unavailable: "oldExcel" });
    expect(asked).toEqual([`ExcelApi ${REQUIRED_EXCEL_API}`]);
  });
});

/** ExcelApi sets of the calls the code makes (from Microsoft's Excel JavaScript API reference). */
const API_SETS: Array<[RegExp, string]> = [
  [/suspendScreenUpdatingUntilNextSync/, "1.9"],
  [/\.autoFilter\b/, "1.9"],
  [/\.dataValidation\b/, "1.8"],
  [/\.freezePanes\b/, "1.7"],
  [/\bformula\b.*names|items\/formula/, "1.7"],
  [/\.conditionalFormats\b/, "1.6"],
  [/suspendApiCalculationUntilNextSync/, "1.6"],
  [/\.names\.add\(/, "1.4"],
  [/\.clearFilters\(/, "1.2"],
  [/\.filter\.apply\(/, "1.2"],
  [/getSelectedRange\(/, "1.1"],
  // Newer sets the code must not use without raising the requirement:
  [/getSpillingToRange|getSpillParent/, "1.12"],
  [/onFiltered\b/, "1.13"],
  [/\.linkedDataTypes\b/, "1.14"],
];

function sources(dir: string): string {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .map((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : /\.tsx?$/.test(e.name) ? fs.readFileSync(path.join(dir, e.name), "utf8") : ""))
    .join("\n");
}

describe("the requirement check", () => {
  it("names the highest ExcelApi set that src/excel and the pane's Office code use", () => {
    const root = path.resolve(__dirname, "..", "..", "src");
    const code = sources(path.join(root, "excel")) + sources(path.join(root, "taskpane", "office"));
    const used = API_SETS.filter(([re]) => re.test(code)).map(([, v]) => v);
    const highest = used.sort((a, b) => Number(a.split(".")[1]) - Number(b.split(".")[1])).pop();
    expect(highest).toBe("1.9");
    expect(REQUIRED_EXCEL_API).toBe(highest);
    expect(WRITE_EXCEL_API).toBe(highest);
  });

  it("refuses to write in an Excel below it, with a Chinese and English message, before touching the workbook", async () => {
    const wb = new FakeWorkbook();
    const asked: string[] = [];
    let error: unknown;
    try {
      await write(wb, ["XZ"], { isSetSupported: (n, v) => (asked.push(`${n} ${v}`), false) });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OldExcelError);
    expect((error as OldExcelError).zh).toMatch(/ExcelApi 1\.9.*未写入任何内容/);
    expect((error as OldExcelError).en).toMatch(/ExcelApi 1\.9.*Nothing was written/);
    expect(asked).toEqual(["ExcelApi 1.9"]);
    expect(wb.syncs).toBe(0);
    expect(wb.sheets.map((s) => s.name)).toEqual(["Sheet1"]);
  });
});
