/** @jest-environment jsdom */
import fs from "node:fs";
import path from "node:path";
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import type { WriteOptions, WriteResult } from "../../src/taskpane/office/workbook";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { EXCEL_HOST, fakeWorkbook, memoryStore, officeError, PREVIEW_HOST, renderSettled } from "./helpers";

const choose = (name: RegExp) => fireEvent.click(screen.getByRole("checkbox", { name }));
const writeButton = () => screen.getByRole("button", { name: "写入 / 刷新工作表" });

describe("sheets: write and refresh", () => {
  it("outside Excel, disables writing and says why, but still downloads", async () => {
    const { services } = await renderSettled({ host: PREVIEW_HOST, tab: "sheets" });
    choose(/^焦作/);
    expect(writeButton()).toHaveAttribute("aria-disabled", "true");
    const reason = document.getElementById(writeButton().getAttribute("aria-describedby")!)!;
    expect(reason).toHaveTextContent("需要在 Excel 中打开本加载项才能使用此功能");
    fireEvent.click(screen.getByRole("button", { name: "下载工作簿" }));
    expect(await screen.findByText("已生成 知识产权规划目标.xlsx。")).toBeInTheDocument();
    // The download is for where the add-in is not: portable formulas by default.
    expect(services.buildWorkbook).toHaveBeenCalledWith({ plans: ["JZ"], portable: true, settings: expect.any(Object) });
    expect(services.saveFile).toHaveBeenCalledWith(expect.any(Uint8Array), "知识产权规划目标.xlsx");
  });

  it("needs at least one plan chosen", async () => {
    await renderSettled({ host: EXCEL_HOST, tab: "sheets" });
    expect(screen.getByText("请至少选择一个规划。")).toBeInTheDocument();
    expect(writeButton()).toHaveAttribute("aria-disabled", "true");
    expect(screen.getByRole("button", { name: "下载工作簿" })).toHaveAttribute("aria-disabled", "true");
  });

  it("selects all plans at once, in catalogue order", async () => {
    await renderSettled({ host: EXCEL_HOST, tab: "sheets" });
    choose(/^新郑/);
    expect(screen.getByRole("checkbox", { name: "全选" })).toBePartiallyChecked();
    fireEvent.click(screen.getByRole("checkbox", { name: "全选" }));
    const plans = within(screen.getByRole("group", { name: "选择规划" })).getAllByRole("checkbox");
    expect(plans).toHaveLength(bundledCatalog().plans.length + 1); // every plan, and 全选
    expect(plans.every((c) => (c as HTMLInputElement).checked)).toBe(true);
    fireEvent.click(screen.getByRole("checkbox", { name: "全选" }));
    expect(plans.some((c) => (c as HTMLInputElement).checked)).toBe(false);
  });

  it("downloads portable formulas by default, also where the sheets are written live, and live ones only when asked", async () => {
    const { services } = await renderSettled({ host: EXCEL_HOST, tab: "sheets", store: memoryStore({ formulaMode: "live" }) });
    choose(/^许昌/);
    const group = screen.getByRole("radiogroup", { name: "下载的工作簿使用" });
    const portable = within(group).getByRole("radio", { name: /^通用公式（原生函数，无需加载项）/ });
    const live = within(group).getByRole("radio", { name: /^联动公式（IP\.\* 函数，需本加载项）/ });
    expect(portable).toBeChecked();
    expect(live).not.toBeChecked();
    fireEvent.click(screen.getByRole("button", { name: "下载工作簿" }));
    await waitFor(() => expect(services.buildWorkbook).toHaveBeenLastCalledWith(expect.objectContaining({ plans: ["XC"], portable: true })));
    fireEvent.click(live);
    fireEvent.click(screen.getByRole("button", { name: "下载工作簿" }));
    await waitFor(() => expect(services.buildWorkbook).toHaveBeenLastCalledWith(expect.objectContaining({ plans: ["XC"], portable: false })));
  });

  it("says what each mode is for, where it is chosen", async () => {
    await renderSettled({ host: EXCEL_HOST, tab: "sheets" });
    const group = screen.getByRole("radiogroup", { name: "下载的工作簿使用" });
    expect(within(group).getByRole("radio", { name: /通用公式.*未装本加载项的 Excel、WPS、LibreOffice 都能算出相同结果/ })).toBeInTheDocument();
    expect(within(group).getByRole("radio", { name: /联动公式.*在 WPS、LibreOffice 或未装本加载项的 Excel 中不能计算/ })).toBeInTheDocument();
    expect(screen.getByText(/默认使用通用公式/)).toBeInTheDocument();
  });

  it("says what to do when the workbook cannot be built", async () => {
    await renderSettled({ tab: "sheets", services: { buildWorkbook: jest.fn().mockRejectedValue(new Error("chunk failed")) } });
    choose(/^焦作/);
    fireEvent.click(screen.getByRole("button", { name: "下载工作簿" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("无法生成工作簿");
    expect(alert).toHaveTextContent("chunk failed");
    expect(alert).toHaveTextContent("请重试");
    expect(alert).not.toHaveTextContent("npm");
  });

  it("writes the chosen plans with progress, then shows what changed and reads actuals again", async () => {
    const workbook = fakeWorkbook();
    let finish: (r: WriteResult) => void = () => undefined;
    let options: WriteOptions | undefined;
    workbook.writeOrRefreshSheets.mockImplementation((_ids: string[], o: WriteOptions) => {
      options = o;
      return new Promise<WriteResult>((resolve) => (finish = resolve));
    });
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "sheets", store: memoryStore({ formulaMode: "portable" }) });
    await waitFor(() => expect(workbook.readActuals).toHaveBeenCalledTimes(1));
    choose(/^焦作/);
    choose(/^河南/);
    fireEvent.click(writeButton());
    expect(workbook.writeOrRefreshSheets).toHaveBeenCalledWith(["JZ", "HN"], expect.objectContaining({ mode: "portable" }));
    expect(options!.settings).toEqual({ path: "linear", thresholds: { ahead: 1.05, onTrack: 0.95 } });
    expect(screen.getByRole("progressbar")).toBeInTheDocument();
    act(() => options!.onProgress!({ done: 1, total: 2, message: "焦作：已写入" }));
    expect(screen.getByRole("progressbar")).toHaveAttribute("aria-valuenow", "0.5");
    expect(screen.getByText("焦作：已写入")).toBeInTheDocument();
    await act(async () =>
      finish({
        plans: [
          { planId: "JZ", sheetName: "焦作", added: 60, updated: 0, kept: 0, flagged: 0 },
          { planId: "HN", sheetName: "河南", added: 0, updated: 40, kept: 4, flagged: 1 },
        ],
        syncs: 3,
        cancelled: false,
      }),
    );
    expect(screen.getByText("写入完成（与 Excel 同步 3 次）。")).toBeInTheDocument();
    const table = screen.getByRole("table", { name: "各规划工作表的变化" });
    const hn = within(table).getByRole("row", { name: /河南/ });
    expect(within(hn).getAllByRole("cell").map((c) => c.textContent)).toEqual(["0", "40", "4", "1"]);
    expect(screen.getByText(/“标记”为规划中已不存在/)).toBeInTheDocument();
    expect(workbook.readActuals).toHaveBeenCalledTimes(2);
  });

  it("cancels a write and says what was kept", async () => {
    const workbook = fakeWorkbook();
    workbook.writeOrRefreshSheets.mockImplementation(
      (_ids: string[], o: WriteOptions) =>
        new Promise((_resolve, reject) =>
          o.signal!.addEventListener("abort", () => reject(Object.assign(new Error("aborted"), { name: "AbortError" }))),
        ),
    );
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "sheets" });
    choose(/^焦作/);
    fireEvent.click(writeButton());
    fireEvent.click(screen.getByRole("button", { name: "取消" }));
    expect(await screen.findByText(/已取消。已写入的工作表保留不变/)).toBeInTheDocument();
    expect(screen.queryByRole("progressbar")).toBeNull();
  });

  it("reports a cancel that the writer resolves rather than rejects", async () => {
    const workbook = fakeWorkbook();
    workbook.writeOrRefreshSheets.mockResolvedValue({ plans: [], syncs: 1, cancelled: true });
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "sheets" });
    choose(/^焦作/);
    fireEvent.click(writeButton());
    expect(await screen.findByText(/已取消/)).toBeInTheDocument();
  });

  it("explains a failed write in the user's language and keeps the choice", async () => {
    const workbook = fakeWorkbook();
    workbook.writeOrRefreshSheets.mockRejectedValue(officeError("InvalidOperationInCellEditMode"));
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "sheets" });
    choose(/^焦作/);
    fireEvent.click(writeButton());
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Excel 正在编辑单元格，无法写入。");
    expect(alert).toHaveTextContent("请按 Enter 或 Esc");
    expect(screen.getByRole("checkbox", { name: /^焦作/ })).toBeChecked();
  });

  it("links to the settings for the formula mode", async () => {
    await renderSettled({ host: EXCEL_HOST, tab: "sheets" });
    expect(screen.getByText(/^公式模式：联动公式（IP\.\* 函数，需本加载项） 用于装有本加载项的 Excel/)).toBeInTheDocument();
    await act(async () => fireEvent.click(screen.getByRole("button", { name: "更改设置" })));
    expect(screen.getByRole("tab", { name: "设置" })).toHaveAttribute("aria-selected", "true");
  });
});

describe("one name per formula mode, everywhere", () => {
  // 通用公式 "portable" and 联动公式 "live"; 实时 and 便携 once named the same two things.
  const read = (f: string) => fs.readFileSync(path.join(__dirname, "..", "..", f), "utf8");
  it.each(["README.md", "docs/sheets.md", "src/help/help.html", "src/taskpane/i18n/zh-CN.ts", "src/taskpane/i18n/en-US.ts", "scripts/workbook.ts"])(
    "%s uses 通用公式 / 联动公式 (portable / live) only",
    (file) => {
      const text = read(file);
      expect(text.match(/实时|便携|[Rr]eal-?time formula/g)).toBeNull();
    },
  );

  it("the pane's names are the ones the README and the sheet docs use", () => {
    expect(zhCN.settings.formulaPortable.startsWith("通用公式")).toBe(true);
    expect(zhCN.settings.formulaLive.startsWith("联动公式")).toBe(true);
    expect(enUS.settings.formulaPortable.startsWith("Portable formulas")).toBe(true);
    expect(enUS.settings.formulaLive.startsWith("Live formulas")).toBe(true);
    for (const doc of ["README.md", "docs/sheets.md"]) {
      expect(read(doc)).toContain("通用公式");
      expect(read(doc)).toContain("联动公式");
    }
  });
});
