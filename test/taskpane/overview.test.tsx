/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { EXCEL_HOST, fakeWorkbook, officeError, renderSettled } from "./helpers";

const ACTUALS = {
  "JZ-05": [{ year: 2024, value: 70000 }],
  "JZ-06": [{ year: 2024, value: 5 }],
  "JZ-01": [],
  "XZ-04": [{ year: 2024, value: 33000 }],
};

describe("overview", () => {
  it("counts each plan's targets per status with a chart", async () => {
    await renderSettled({ host: EXCEL_HOST, workbook: fakeWorkbook(ACTUALS), tab: "overview" });
    const jz = await screen.findByRole("region", { name: "焦作" });
    const chart = within(jz).getByRole("img");
    expect(chart).toHaveAccessibleName(expect.stringContaining("焦作各状态指标数"));
    expect(chart).toHaveAccessibleName(expect.stringContaining("已实现：1"));
    expect(chart.querySelectorAll("rect[data-status]")).toHaveLength(3);
    expect(within(jz).getByRole("button", { name: /查看倒退的 1 个指标/ })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "新郑" })).toHaveTextContent("基本符合预期：1");
    expect(screen.queryByRole("region", { name: "河南" })).toBeNull();
    expect(screen.getByText(/读取于/)).toBeInTheDocument();
  });

  it("lists the targets of a status and jumps to a target's row", async () => {
    const workbook = fakeWorkbook(ACTUALS);
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "overview" });
    const jz = await screen.findByRole("region", { name: "焦作" });
    fireEvent.click(within(jz).getByRole("button", { name: /查看已实现的 1 个指标/ }));
    const list = within(jz).getByRole("list", { name: "焦作：已实现" });
    fireEvent.click(within(list).getByRole("button", { name: "定位到 有效商标注册量" }));
    expect(await screen.findByText("已定位到 JZ-05 所在的行。")).toBeInTheDocument();
    expect(workbook.selectTarget).toHaveBeenCalledWith("JZ-05");
  });

  it("says to write the sheet when the row is not found", async () => {
    const workbook = fakeWorkbook(ACTUALS);
    workbook.selectTarget.mockResolvedValue(false);
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "overview" });
    const jz = await screen.findByRole("region", { name: "焦作" });
    fireEvent.click(within(jz).getByRole("button", { name: /查看已实现/ }));
    fireEvent.click(within(jz).getByRole("button", { name: "定位到 有效商标注册量" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("请在“工作表”中写入或刷新该规划后重试");
  });

  it("explains a failed jump", async () => {
    const workbook = fakeWorkbook(ACTUALS);
    workbook.selectTarget.mockRejectedValue(officeError("AccessDenied"));
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "overview" });
    const jz = await screen.findByRole("region", { name: "焦作" });
    fireEvent.click(within(jz).getByRole("button", { name: /查看已实现/ }));
    fireEvent.click(within(jz).getByRole("button", { name: "定位到 有效商标注册量" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("撤销保护");
  });

  it("says how to get started when there are no actuals", async () => {
    await renderSettled({ host: EXCEL_HOST, workbook: fakeWorkbook({}), tab: "overview" });
    expect(await screen.findByText(/工作表中还没有实际值/)).toBeInTheDocument();
  });

  it("shows a read error with what to do, and reads again on request", async () => {
    const workbook = fakeWorkbook(ACTUALS);
    workbook.readActuals.mockRejectedValueOnce(new Error("表格不存在"));
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "overview" });
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("无法读取工作表中的实际值");
    expect(alert).toHaveTextContent("表格不存在");
    expect(alert).toHaveTextContent("重新读取实际值");
    fireEvent.click(screen.getByRole("button", { name: "重新读取实际值" }));
    expect(await screen.findByRole("region", { name: "焦作" })).toBeInTheDocument();
    expect(screen.queryByRole("alert")).toBeNull();
    expect(workbook.readActuals).toHaveBeenCalledTimes(2);
  });

  it("shows a spinner while reading", async () => {
    const workbook = fakeWorkbook();
    workbook.readActuals.mockReturnValue(new Promise(() => undefined));
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "overview" });
    expect(await screen.findByText("正在读取实际值…")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "重新读取实际值" })).toHaveAttribute("aria-disabled", "true");
  });

  it("outside Excel, says why there is nothing to read", async () => {
    await renderSettled({ tab: "overview" });
    expect(screen.getByText(/需要在 Excel 中打开本加载项才能使用此功能/)).toBeInTheDocument();
    expect(screen.queryByRole("button", { name: "重新读取实际值" })).toBeNull();
  });

  it("works in English", async () => {
    await renderSettled({ host: { ...EXCEL_HOST, displayLanguage: "en-US" }, locale: "en-US", workbook: fakeWorkbook(ACTUALS), tab: "overview" });
    const jz = await screen.findByRole("region", { name: "Jiaozuo" });
    expect(within(jz).getByRole("button", { name: "Show the 1 target with status Achieved" })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByText(/Read at/)).toBeInTheDocument());
  });

  it("lists cells that are not numbers, kept as typed and left out of the counts", async () => {
    const workbook = fakeWorkbook(ACTUALS);
    workbook.readActuals.mockImplementation(async (unreadable: unknown[]) => {
      for (let i = 0; i < 7; i++) {
        unreadable.push({ planId: "JZ", sheetName: "焦作 JZ", address: `K${12 + i}`, zh: `JZ-0${i + 1} 2024 年：实际值「约7万」不是数字`, en: `JZ-0${i + 1} 2024: the actual "约7万" is not a number` });
      }
      return new Map(Object.entries(ACTUALS));
    });
    await renderSettled({ host: EXCEL_HOST, workbook, tab: "overview" });
    const warning = await screen.findByTestId("unreadable");
    expect(warning).toHaveTextContent("有 7 个实际值单元格不是数字，未计入统计");
    expect(warning).toHaveTextContent("焦作 JZ!K12：JZ-01 2024 年：实际值「约7万」不是数字");
    expect(within(warning).getAllByRole("listitem")).toHaveLength(5);
    expect(warning).toHaveTextContent("另有 2 个未列出。");
  });
});
