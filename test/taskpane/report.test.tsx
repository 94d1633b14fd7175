/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { EXCEL_HOST, fakeWorkbook, PREVIEW_HOST, renderSettled } from "./helpers";

const reportFile = (over: Partial<{ year: number; problems: string[] }> = {}) =>
  jest.fn().mockResolvedValue({ data: new Uint8Array([80, 75, 3, 4]), year: 2024, problems: [], ...over });
const buildButton = async (name = "生成报告") => screen.findByRole("button", { name });
const csvFile = (text: string) => new File([text], "actuals.csv", { type: "text/csv" });
/** The pane in Excel on the overview tab, with JZ-05's 2024 actual typed in its sheet. */
const inExcelWithActuals = (buildReport: ReturnType<typeof reportFile>) =>
  renderSettled({ host: EXCEL_HOST, tab: "overview", workbook: fakeWorkbook({ "JZ-05": [{ year: 2024, value: 60000 }] }), services: { buildReport } });

describe("the report view", () => {
  it("in Excel, writes the report from the actuals read from the sheets and downloads it", async () => {
    const buildReport = reportFile();
    const { services } = await inExcelWithActuals(buildReport);
    fireEvent.click(await buildButton());
    expect(await screen.findByText("已生成 规划实施情况报告.docx（数据截至 2024 年底）。")).toBeInTheDocument();
    const request = buildReport.mock.calls[0][0];
    expect(request.actuals.get("JZ-05")).toEqual([{ year: 2024, value: 60000 }]);
    expect(request).toMatchObject({ csv: undefined, year: null, lang: "zh", kind: "annual" });
    expect(services.saveFile).toHaveBeenCalledWith(new Uint8Array([80, 75, 3, 4]), "规划实施情况报告.docx");
  });

  it("writes the 中期评估 when chosen: asked for as such and saved under its own name", async () => {
    const buildReport = reportFile();
    const { services } = await inExcelWithActuals(buildReport);
    expect(buildReport).not.toHaveBeenCalled();
    fireEvent.click(await screen.findByRole("radio", { name: /中期评估/ }));
    fireEvent.click(await buildButton());
    expect(await screen.findByText("已生成 规划实施中期评估报告.docx（数据截至 2024 年底）。")).toBeInTheDocument();
    expect(buildReport.mock.calls[0][0]).toMatchObject({ kind: "midterm", lang: "zh" });
    expect(services.saveFile).toHaveBeenCalledWith(new Uint8Array([80, 75, 3, 4]), "规划实施中期评估报告.docx");
  });

  it("in Excel with no actuals yet, says every target will be without data", async () => {
    await renderSettled({ host: EXCEL_HOST, tab: "overview", services: { buildReport: reportFile() } });
    expect(await screen.findByText(/还没有从工作表读到实际值/)).toBeInTheDocument();
  });

  it("in the preview, asks for an actuals file, then sends its bytes and the year, and lists the rows it could not use", async () => {
    const buildReport = reportFile({ problems: ['第 3 行：未知的指标编号「ZZ-01」 / line 3: unknown target id "ZZ-01"'] });
    const { services } = await renderSettled({ host: PREVIEW_HOST, tab: "overview", services: { buildReport } });
    fireEvent.click(await buildButton());
    expect(await screen.findByRole("alert")).toHaveTextContent("请先选择实际值文件。");
    expect(buildReport).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("实际值文件（CSV）"), { target: { files: [csvFile("id,year,value\nJZ-05,2024,60000\n")] } });
    fireEvent.change(screen.getByRole("textbox", { name: /报告年份/ }), { target: { value: "2024" } });
    fireEvent.click(await buildButton());
    await waitFor(() => expect(buildReport).toHaveBeenCalled());
    const request = buildReport.mock.calls[0][0];
    expect(String.fromCharCode(...request.csv)).toBe("id,year,value\nJZ-05,2024,60000\n");
    expect(request).toMatchObject({ actuals: undefined, year: 2024, lang: "zh" });
    expect(await screen.findByText(/实际值文件中有 1 行未能使用/)).toBeInTheDocument();
    expect(screen.getByText(/未知的指标编号「ZZ-01」/)).toBeInTheDocument();
    expect(services.saveFile).toHaveBeenCalledTimes(1);
  });

  it("refuses a year that is not four digits before building", async () => {
    const buildReport = reportFile();
    await renderSettled({ host: EXCEL_HOST, tab: "overview", services: { buildReport } });
    fireEvent.change(await screen.findByRole("textbox", { name: /报告年份/ }), { target: { value: "24" } });
    expect(screen.getByText("年份须为四位数字，如 2024")).toBeInTheDocument();
    fireEvent.click(await buildButton());
    expect(buildReport).not.toHaveBeenCalled();
  });

  it("shows the report's own bilingual message in the user's language, never an npm command", async () => {
    const buildReport = jest
      .fn()
      .mockRejectedValue({
        zh: "年份「2040」超出所选规划的年份范围 2023–2035",
        en: 'the year "2040" is outside the years of the chosen plans (2023–2035)',
      });
    await renderSettled({ host: EXCEL_HOST, tab: "overview", locale: "en-US", services: { buildReport } });
    fireEvent.click(await buildButton("Write report"));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The report could not be written");
    expect(alert).toHaveTextContent('the year "2040" is outside the years of the chosen plans');
    expect(alert).not.toHaveTextContent("npm");
    expect(buildReport.mock.calls[0][0].lang).toBe("en");
  });
});
