/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { EXCEL_HOST, fakeWorkbook, officeError, PREVIEW_HOST, renderSettled, renderTaskpane } from "./helpers";

function openTarget(query: string, id: string) {
  fireEvent.change(screen.getByRole("searchbox"), { target: { value: query } });
  fireEvent.click(screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === id)!);
}

describe("target detail", () => {
  it("shows what JZ-05 measures, base, target, the plan's words and where it says so", () => {
    renderTaskpane();
    openTarget("有效商标注册量", "JZ-05");
    expect(screen.getByRole("heading", { level: 2, name: "有效商标注册量" })).toBeInTheDocument();
    expect(screen.getByTestId("target-goal")).toHaveTextContent("到 2025 年达到 67,000件");
    expect(screen.getByText("期末水平")).toBeInTheDocument();
    expect(screen.getByText("每年填写当年年末的数值。")).toBeInTheDocument();
    expect(screen.getByText("2022 年：49,409件")).toBeInTheDocument();
    const quotes = screen.getAllByTestId("quote").map((q) => q.textContent);
    expect(quotes).toContain("有效商标注册量达6.7万件");
    // Where the plan says so: its title, 文号 and section, never the internal file name.
    expect(screen.getByTestId("target-source")).toHaveTextContent(
      "出处：《焦作市落实强国强省建设纲要实施意见（2024-2035年）》（焦知战联办（2024）1号） 二、（三） 表“截止2025年末知识产权发展主要目标”",
    );
    expect(document.body.textContent).not.toMatch(/\.txt/);
  });

  it("shows only the Chinese part of a bilingual note in the Chinese pane, and only the English in the English pane", () => {
    renderTaskpane();
    openTarget("有效商标注册量", "JZ-05");
    expect(screen.getByText(/^备注：/)).toHaveTextContent("备注：正文“6.7万件”= 67000件，与表一致");
    expect(screen.getByText(/^备注：/)).not.toHaveTextContent("equals");
  });

  it("shows a note of several sentences whole, each pane in its own language only", () => {
    // HN-12 once read "中文 / English. 中文 / English": the Chinese pane lost its second sentence
    // and the English pane showed Chinese.
    renderTaskpane();
    openTarget("HN-12", "HN-12");
    const zh = screen.getByText(/^备注：/).textContent!;
    expect(zh).toContain("按规划期内建成的累计数理解");
    expect(zh).toContain("每年填报自2021年起的累计数（不是当年新增数）");
    expect(zh).not.toMatch(/running total/);
  });

  it("shows the English note and conflict text in the English pane, with no Chinese sentences", () => {
    renderTaskpane({ locale: "en-US" });
    openTarget("HN-12", "HN-12");
    const note = screen.getByText(/^Note: /).textContent!;
    expect(note).toContain("Read as the running total built in the plan period. Each year, type the running total since 2021");
    expect(note).not.toMatch(/[\u3400-\u9fff]/);
  });

  it("shows a conflict's explanation in Chinese only in the Chinese pane", () => {
    renderTaskpane();
    openTarget("保险", "JZ-08");
    const bar = screen.getByText("数据冲突").closest("[role=group], div")!.parentElement!;
    expect(bar).toHaveTextContent("两处不一致，本条按表取15");
    expect(bar).not.toHaveTextContent("The table's 2025 target");
  });

  it("names the plan by title and section in English too", () => {
    renderTaskpane({ locale: "en-US" });
    openTarget("valid registered trademarks", "JZ-05");
    expect(screen.getByTestId("target-source")).toHaveTextContent(
      "Jiaozuo Implementing Opinions on the Outlines for Building an IP Power and a Strong IP Province (2024-2035) (焦知战联办（2024）1号), 二、（三）",
    );
    expect(screen.getByText(/^Note:/)).toHaveTextContent("Note: 6.7万件 in the text equals the table's 67000.");
    expect(document.body.textContent).not.toMatch(/\.txt/);
  });

  it("draws the expected path, and says no actuals are typed yet", () => {
    renderTaskpane();
    openTarget("有效商标注册量", "JZ-05");
    const chart = screen.getByRole("img", { name: "序时进度与实际值" });
    expect(chart.querySelector('[data-series="expected"]')).not.toBeNull();
    expect(chart.querySelector('[data-series="target"]')).not.toBeNull();
    expect(chart.querySelector('[data-series="actual-point"]')).toBeNull();
    expect(chart.querySelector('[data-series="projection"]')).toBeNull();
    // The base and the target carry their year and value.
    expect(chart.querySelector('[data-label="base"]')).toHaveTextContent("2022年 49,409件");
    expect(chart.querySelector('[data-label="target"]')).toHaveTextContent("2025年 67,000件");
    expect(screen.getByText("工作表中还没有该指标的实际值。")).toBeInTheDocument();
  });

  it("draws the actuals read from the workbook and shows the status", async () => {
    const workbook = fakeWorkbook({ "JZ-05": [{ year: 2023, value: 52000 }, { year: 2024, value: 56000 }] });
    await renderSettled({ host: EXCEL_HOST, workbook });
    await waitFor(() => expect(workbook.readActuals).toHaveBeenCalled());
    openTarget("有效商标注册量", "JZ-05");
    const chart = await screen.findByRole("img", { name: "序时进度与实际值" });
    await waitFor(() => expect(chart.querySelectorAll('[data-series="actual-point"]')).toHaveLength(2));
    expect(chart.querySelector('[data-label="actual"]')).toHaveTextContent("2024年 56,000件");
    expect(chart.querySelector('[data-series="projection"]')).not.toBeNull();
    expect(screen.getByText("按现有趋势预计")).toBeInTheDocument();
    expect(screen.getByText("当前状态").parentElement).toHaveTextContent("滞后");
    expect(screen.getByText('=IP.STATUS("JZ-05",56000,2024)')).toBeInTheDocument();
  });

  it("flags conflicts in the data with the other figure and its words", () => {
    renderTaskpane();
    openTarget("保险", "JZ-08");
    const bar = screen.getByText("数据冲突").closest("[role=group], div")!.parentElement!;
    expect(bar).toHaveTextContent("规划中另一处给出了不同的数字");
    expect(bar).toHaveTextContent("另一处的数字：10");
    expect(bar).toHaveTextContent("开展知识产权保险业务的企业达到 10 家");
  });

  it("has no chart for a yes/no milestone, and says why", () => {
    renderTaskpane();
    openTarget("XZ-20", "XZ-20");
    expect(screen.getByText("该指标没有数值路径，无法绘图。")).toBeInTheDocument();
    expect(screen.getByText("2026 年前完成", { selector: "[data-testid=target-goal]" })).toBeInTheDocument();
  });

  it("copies a formula", async () => {
    const { services } = renderTaskpane();
    openTarget("有效商标注册量", "JZ-05");
    fireEvent.click(screen.getByRole("button", { name: '复制公式 =IP.TARGET("JZ-05")' }));
    expect(await screen.findByText("已复制到剪贴板。")).toBeInTheDocument();
    expect(services.copyText).toHaveBeenCalledWith('=IP.TARGET("JZ-05")');
  });

  it("says how to copy by hand when the clipboard refuses", async () => {
    renderTaskpane({ services: { copyText: jest.fn().mockRejectedValue(new Error("denied")) } });
    openTarget("有效商标注册量", "JZ-05");
    fireEvent.click(screen.getByRole("button", { name: '复制公式 =IP.TARGET("JZ-05")' }));
    expect(await screen.findByRole("alert")).toHaveTextContent("请选中公式文本后按 Ctrl+C 复制。");
  });

  it("inserts a formula into the selected cell in Excel", async () => {
    const { workbook } = await renderSettled({ host: EXCEL_HOST });
    openTarget("有效商标注册量", "JZ-05");
    fireEvent.click(screen.getByRole("button", { name: '将公式 =IP.INFO("JZ-05","quote") 插入选中的单元格' }));
    expect(await screen.findByText("已插入选中的单元格。")).toBeInTheDocument();
    expect(workbook!.insertFormula).toHaveBeenCalledWith('=IP.INFO("JZ-05","quote")');
  });

  it("explains an insert that Excel refused while a cell is being edited", async () => {
    const workbook = fakeWorkbook();
    workbook.insertFormula.mockRejectedValue(officeError("InvalidOperationInCellEditMode"));
    await renderSettled({ host: EXCEL_HOST, workbook });
    openTarget("有效商标注册量", "JZ-05");
    fireEvent.click(screen.getByRole("button", { name: '将公式 =IP.TARGET("JZ-05") 插入选中的单元格' }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("Excel 正在编辑单元格");
    expect(alert).toHaveTextContent("请按 Enter 或 Esc 结束单元格编辑");
    fireEvent.click(within(alert.closest(".fui-MessageBar") ?? alert).getByRole("button", { name: "关闭消息" }));
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("disables insert outside Excel and says why", () => {
    renderTaskpane({ host: PREVIEW_HOST });
    openTarget("有效商标注册量", "JZ-05");
    const insert = screen.getByRole("button", { name: '将公式 =IP.TARGET("JZ-05") 插入选中的单元格' });
    expect(insert).toHaveAttribute("aria-disabled", "true");
    const reason = document.getElementById(insert.getAttribute("aria-describedby")!)!;
    expect(reason).toHaveTextContent("需要在 Excel 中打开本加载项");
    expect(screen.queryByRole("button", { name: "在工作表中定位" })).toBeNull();
  });

  it("jumps to the target's row, or says to write the sheet first", async () => {
    const workbook = fakeWorkbook();
    await renderSettled({ host: EXCEL_HOST, workbook });
    openTarget("有效商标注册量", "JZ-05");
    fireEvent.click(screen.getByRole("button", { name: "在工作表中定位" }));
    expect(await screen.findByText("已定位到 JZ-05 所在的行。")).toBeInTheDocument();
    workbook.selectTarget.mockResolvedValue(false);
    fireEvent.click(screen.getByRole("button", { name: "在工作表中定位" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("工作表中找不到 JZ-05 的行");
  });

  it("reads in English for an English Office", () => {
    renderTaskpane({ locale: "en-US" });
    openTarget("trademarks", "JZ-05");
    expect(screen.getByRole("heading", { level: 2, name: "Valid registered trademarks" })).toBeInTheDocument();
    expect(screen.getByTestId("target-goal")).toHaveTextContent("By 2025, reach 67,000 items");
    expect(screen.getByRole("heading", { level: 3, name: "The plan's words" })).toBeInTheDocument();
    // The plan's own words stay Chinese, marked as such.
    expect(screen.getAllByTestId("quote")[0]).toHaveAttribute("lang", "zh-CN");
  });
});
