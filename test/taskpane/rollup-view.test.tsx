/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import type { RollupOptions, RollupResult } from "../../src/rollup/types";
import type { RollupModule } from "../../src/taskpane/services";
import { EXCEL_HOST, fakeWorkbook, renderSettled } from "./helpers";
import { measuredCatalog } from "./measure-catalog";

const RESULT: RollupResult = {
  files: [
    { name: "焦作.xlsx", sheets: 1, actuals: 2, planIds: ["JZ"], mode: "portable" },
    { name: "许昌.xlsx", sheets: 1, actuals: 1, planIds: ["XC"], mode: "live" },
    { name: "笔记.xlsx", sheets: 0, actuals: 0, planIds: [], mode: "unknown" },
  ],
  actuals: [
    { file: "焦作.xlsx", sheet: "焦作 JZ", row: 8, planId: "JZ", targetId: "JZ-05", year: 2024, value: 70000 },
    { file: "焦作.xlsx", sheet: "焦作 JZ", row: 9, planId: "JZ", targetId: "JZ-06", year: 2024, value: 9 },
    { file: "许昌.xlsx", sheet: "许昌", row: 10, planId: "XC", targetId: "XC-03", year: 2024, value: 65000 },
  ],
  conflicts: [
    {
      targetId: "JZ-05",
      year: 2024,
      values: [
        { file: "焦作.xlsx", sheet: "焦作 JZ", row: 8, value: 70000 },
        { file: "焦作（改）.xlsx", sheet: "焦作 JZ", row: 8, value: 71000 },
      ],
    },
  ],
  byMeasure: [
    {
      measure: "valid-trademarks",
      year: 2024,
      unit: "件",
      additive: true,
      figures: [
        { level: "province", planIds: ["HN"], regions: ["河南省"], value: 2100000, kind: "level" },
        { level: "city", planIds: ["JZ", "XC"], regions: ["焦作市", "许昌市"], value: 135000, kind: "level" },
        {
          level: "county",
          planIds: ["XZ"],
          regions: ["新郑市"],
          value: null,
          kind: "level",
          note: { zh: "只有 1 个县报送，未加总", en: "Only 1 county reported, not summed" },
        },
      ],
    },
  ],
  problems: [
    { file: "笔记.xlsx", kind: "not-ours", message: { zh: "不是本加载项写入的工作簿", en: "Not a workbook this add-in wrote" } },
    { file: "焦作.xlsx", sheet: "焦作 JZ", row: 12, kind: "text", message: { zh: "实际值“约7万”不是数字", en: 'Actual "约7万" is not a number' } },
  ],
};

function fakeRollup(overrides: Partial<RollupModule> = {}) {
  const module = {
    collectWorkbooks: jest.fn(async (_files, _catalog, options?: RollupOptions) => {
      options?.onProgress?.(1, 3);
      options?.onProgress?.(3, 3);
      return RESULT;
    }),
    rollupWorkbookXlsx: jest.fn().mockResolvedValue(new Uint8Array([80, 75, 3, 4])),
    ...overrides,
  };
  return { module, loadRollup: jest.fn().mockResolvedValue(module) };
}

const file = (name: string, text: string) => new File([text], name, { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" });

async function open(loadRollup: () => Promise<RollupModule>, locale: "zh-CN" | "en-US" = "zh-CN") {
  const rendered = await renderSettled({
    catalog: measuredCatalog(),
    tab: "compare",
    host: EXCEL_HOST,
    workbook: fakeWorkbook(),
    locale,
    services: { loadRollup },
  });
  const input = (await screen.findByLabelText(locale === "en-US" ? /Workbooks \(.xlsx/ : /工作簿（.xlsx/)) as HTMLInputElement;
  return { ...rendered, input };
}

const choose = (input: HTMLInputElement, ...files: File[]) => fireEvent.change(input, { target: { files } });

describe("汇总 / roll-up view", () => {
  it("is a file input for several .xlsx files", async () => {
    const { input } = await open(fakeRollup().loadRollup);
    expect(input.type).toBe("file");
    expect(input.multiple).toBe(true);
    expect(input.accept).toContain(".xlsx");
    // The pane's own button (in the pane's language) opens the browser's file chooser.
    expect(screen.getByText("未选择文件")).toBeInTheDocument();
    const click = jest.spyOn(input, "click").mockImplementation(() => undefined);
    fireEvent.click(screen.getByRole("button", { name: "选择文件…" }));
    expect(click).toHaveBeenCalledTimes(1);
  });

  it("hands every chosen file's name and bytes to collectWorkbooks with the catalogue", async () => {
    const { module, loadRollup } = fakeRollup();
    const { input, services } = await open(loadRollup);
    choose(input, file("焦作.xlsx", "AB"), file("许昌.xlsx", "CDE"));
    expect(screen.getByText("已选择 2 个文件")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    await screen.findByTestId("rollup-result");
    expect(module.collectWorkbooks).toHaveBeenCalledTimes(1);
    const [files, catalog] = (module.collectWorkbooks as jest.Mock).mock.calls[0];
    expect(files.map((f: { name: string }) => f.name)).toEqual(["焦作.xlsx", "许昌.xlsx"]);
    expect(Array.from(files[1].bytes as Uint8Array)).toEqual([67, 68, 69]);
    expect(catalog).toBe(services.catalog);
  });

  it("shows the progress per file while collecting", async () => {
    let progress: RollupOptions["onProgress"];
    let finish: (r: RollupResult) => void = () => undefined;
    const { loadRollup } = fakeRollup({
      collectWorkbooks: jest.fn((_f, _c, options?: RollupOptions) => {
        progress = options?.onProgress;
        return new Promise<RollupResult>((resolve) => (finish = resolve));
      }),
    });
    const { input } = await open(loadRollup);
    choose(input, file("焦作.xlsx", "A"), file("许昌.xlsx", "B"));
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    await waitFor(() => expect(progress).toBeDefined());
    act(() => progress!(1, 2));
    expect(screen.getByRole("progressbar", { name: "汇总进度" })).toBeInTheDocument();
    expect(screen.getByText("已读取 1 / 2 个文件")).toBeInTheDocument();
    const items = within(screen.getByRole("list", { name: "各文件" })).getAllByRole("listitem");
    expect(items.map((li) => li.getAttribute("data-done"))).toEqual(["true", "false"]);
    await act(async () => finish(RESULT));
    expect(screen.queryByRole("progressbar")).toBeNull();
    expect(screen.getByTestId("rollup-result")).toBeInTheDocument();
  });

  it("shows files read, actuals, conflicts, problems by file/sheet/row, and the province beside the sum of cities", async () => {
    const { input } = await open(fakeRollup().loadRollup);
    choose(input, file("焦作.xlsx", "A"));
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    const result = await screen.findByTestId("rollup-result");
    expect(within(result).getByTestId("rollup-counts")).toHaveTextContent("读取文件：3 个实际值：3 个冲突：1 处问题：2 个");
    expect(within(result).getByTestId("rollup-files")).toHaveTextContent("焦作.xlsx：2 个实际值（焦作）");
    const conflicts = within(result).getByTestId("rollup-conflicts");
    expect(conflicts).toHaveTextContent("有效商标注册量 JZ-05，2024 年：");
    expect(conflicts).toHaveTextContent("焦作.xlsx「焦作 JZ」第 8 行：70,000");
    expect(conflicts).toHaveTextContent("焦作（改）.xlsx「焦作 JZ」第 8 行：71,000");
    const problems = within(result).getByTestId("rollup-problems");
    expect(problems).toHaveTextContent("笔记.xlsx：不是本加载项写入的工作簿");
    expect(problems).toHaveTextContent("焦作.xlsx「焦作 JZ」第 12 行：实际值“约7万”不是数字");
    expect(problems).not.toHaveTextContent("not a number");
    const table = within(result).getByRole("table", { name: "有效商标注册量（2024 年，件）" });
    const rows = within(table).getAllByRole("row").map((r) => r.textContent);
    expect(rows).toEqual(["省级（河南省）2,100,000件", "市级合计（焦作市、许昌市）135,000件", "县级合计（新郑市）不加总只有 1 个县报送，未加总"]);
  });

  it("downloads 汇总.xlsx built from the result", async () => {
    const { module, loadRollup } = fakeRollup();
    const { input, services } = await open(loadRollup);
    choose(input, file("焦作.xlsx", "A"));
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    await screen.findByTestId("rollup-result");
    fireEvent.click(screen.getByRole("button", { name: "下载 汇总.xlsx" }));
    await screen.findByText("已生成 汇总.xlsx。");
    expect(module.rollupWorkbookXlsx).toHaveBeenCalledWith(RESULT, services.catalog, "zh");
    expect(services.saveFile).toHaveBeenCalledWith(new Uint8Array([80, 75, 3, 4]), "汇总.xlsx");
  });

  it("is in English in the English pane: problems, labels and the workbook's language", async () => {
    const { module, loadRollup } = fakeRollup();
    const { input, services } = await open(loadRollup, "en-US");
    choose(input, file("a.xlsx", "A"));
    fireEvent.click(screen.getByRole("button", { name: "Collect" }));
    const result = await screen.findByTestId("rollup-result");
    expect(within(result).getByTestId("rollup-problems")).toHaveTextContent('焦作.xlsx "焦作 JZ" row 12: Actual "约7万" is not a number');
    expect(within(result).getByRole("table", { name: "Valid registered trademarks (2024, items)" })).toHaveTextContent("City total (Jiaozuo, Xuchang)135,000");
    fireEvent.click(screen.getByRole("button", { name: "Download roll-up .xlsx" }));
    await screen.findByText("Roll-up.xlsx is ready.");
    expect(module.rollupWorkbookXlsx).toHaveBeenCalledWith(RESULT, services.catalog, "en");
  });

  it("asks for files before collecting", async () => {
    const { module, loadRollup } = fakeRollup();
    await open(loadRollup);
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    expect(await screen.findByRole("alert")).toHaveTextContent("请先选择至少一个工作簿。");
    expect(module.collectWorkbooks).not.toHaveBeenCalled();
  });

  it("a roll-up that is not built yet (the placeholder rejects) gives a clear error, not a blank pane", async () => {
    const { loadRollup } = fakeRollup({ collectWorkbooks: jest.fn().mockRejectedValue(new Error("roll-up not built yet")) });
    const { input } = await open(loadRollup);
    choose(input, file("a.xlsx", "A"));
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("无法完成汇总");
    expect(alert).toHaveTextContent("汇总功能尚未就绪");
    expect(alert).not.toHaveTextContent("not built yet");
    expect(screen.getByRole("button", { name: "开始汇总" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "对照" })).toBeInTheDocument();
  });

  it("shows a bilingual rejection in the pane's language", async () => {
    const err = Object.assign(new Error("x"), { zh: "内存不足，已停止", en: "Out of memory, stopped" });
    const { loadRollup } = fakeRollup({ collectWorkbooks: jest.fn().mockRejectedValue(err) });
    const { input } = await open(loadRollup, "en-US");
    choose(input, file("a.xlsx", "A"));
    fireEvent.click(screen.getByRole("button", { name: "Collect" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("The roll-up did not finish");
    expect(alert).toHaveTextContent("Out of memory, stopped");
  });

  it("a chunk that fails to load is reported too", async () => {
    const loadRollup = jest.fn().mockRejectedValue(new Error("Loading chunk rollup failed"));
    const { input } = await open(loadRollup);
    choose(input, file("a.xlsx", "A"));
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("无法完成汇总");
    expect(alert).toHaveTextContent("Loading chunk rollup failed");
  });

  it("the default loader reaches src/rollup/index.ts and reports its rejection", async () => {
    // No loadRollup handed in: the view imports src/rollup itself (today a placeholder that rejects;
    // once built it reads a file that is not a workbook as a problem). Either way: not a blank pane.
    await renderSettled({ catalog: measuredCatalog(), tab: "compare", host: EXCEL_HOST, workbook: fakeWorkbook() });
    const input = (await screen.findByLabelText(/工作簿（.xlsx/)) as HTMLInputElement;
    choose(input, file("a.xlsx", "not a zip"));
    fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
    await waitFor(() => expect(screen.queryByRole("alert") ?? screen.queryByTestId("rollup-result")).not.toBeNull(), { timeout: 10_000 });
  });
});
