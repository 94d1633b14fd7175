/** @jest-environment jsdom */
import { act, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Catalog } from "../../src/core/catalog/catalog";
import { EXCEL_HOST, fakeWorkbook, renderSettled, renderTaskpane } from "./helpers";

const catalog = bundledCatalog();

describe("plans list", () => {
  it("lists every plan with level, period, draft mark and number of targets", () => {
    renderTaskpane();
    const list = screen.getByRole("list", { name: "规划" });
    const items = within(list).getAllByRole("listitem");
    expect(items).toHaveLength(catalog.plans.length);
    const jz = within(list).getByText("焦作").closest("button")!;
    expect(jz).toHaveTextContent("市级");
    expect(jz).toHaveTextContent("2024–2035 年");
    expect(jz).toHaveTextContent(`${catalog.plan("JZ")!.targets.length} 个指标`);
    expect(jz).not.toHaveTextContent("征求意见稿");
    expect(within(list).getByText("新郑").closest("button")).toHaveTextContent("征求意见稿");
  });

  it("says on the first screen what to do first", () => {
    renderTaskpane();
    expect(screen.getByTestId("first-step")).toHaveTextContent("先选择一个规划");
  });

  it("filters by level", () => {
    renderTaskpane();
    fireEvent.change(screen.getByLabelText("级别"), { target: { value: "county" } });
    const list = screen.getByRole("list", { name: "规划" });
    expect(within(list).getAllByRole("listitem").map((li) => li.textContent)).toEqual([expect.stringContaining("新郑")]);
  });

  it("says so when a level has no plan", () => {
    const onlyCity = new Catalog(catalog.plans.filter((p) => p.level === "city"));
    renderTaskpane({ catalog: onlyCity });
    fireEvent.change(screen.getByLabelText("级别"), { target: { value: "province" } });
    expect(screen.getByText("该级别下没有规划。")).toBeInTheDocument();
  });

  it("searches targets across all plans by Chinese name", () => {
    renderTaskpane();
    fireEvent.change(screen.getByRole("searchbox", { name: "搜索指标" }), { target: { value: "有效商标注册量" } });
    const results = screen.getByRole("list", { name: "搜索指标" });
    const ids = within(results)
      .getAllByRole("button")
      .map((b) => b.getAttribute("data-target-id"));
    expect(ids).toEqual(expect.arrayContaining(["JZ-05", "HN-04"]));
    expect(screen.getByRole("status")).toHaveTextContent(`找到 ${ids.length} 个指标`);
  });

  it("searches by English name too", () => {
    renderTaskpane();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "valid registered trademarks" } });
    expect(screen.getByRole("button", { name: /有效商标注册量.*JZ-05/ })).toBeInTheDocument();
  });

  it("says what to do when nothing matches", () => {
    renderTaskpane();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "不存在的指标名称" } });
    expect(screen.getByRole("status")).toHaveTextContent("没有找到匹配的指标");
  });

  it("opens a search result's detail and comes back to the results with the words kept", () => {
    renderTaskpane();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "有效商标注册量" } });
    fireEvent.click(screen.getByRole("button", { name: /有效商标注册量.*JZ-05/ }));
    expect(screen.getByRole("heading", { level: 2, name: "有效商标注册量" })).toHaveFocus();
    fireEvent.click(screen.getByRole("button", { name: "返回" }));
    expect(screen.getByRole("searchbox")).toHaveValue("有效商标注册量");
  });

  it("shows each plan's status summary once actuals exist", async () => {
    const workbook = fakeWorkbook({ "JZ-05": [{ year: 2024, value: 70000 }], "JZ-06": [{ year: 2024, value: 5 }] });
    await renderSettled({ host: EXCEL_HOST, workbook });
    const summary = await screen.findByRole("list", { name: "进展情况" });
    expect(summary).toHaveTextContent("已实现：1");
    expect(summary).toHaveTextContent("倒退：1");
    expect(screen.getAllByRole("list", { name: "进展情况" })).toHaveLength(1);
  });

  it("shows no status summary in a preview", async () => {
    renderTaskpane();
    await act(async () => undefined);
    expect(screen.queryByRole("list", { name: "进展情况" })).toBeNull();
  });
});

describe("a plan's targets", () => {
  const openJiaozuo = () => fireEvent.click(screen.getByText("焦作").closest("button")!);

  it("shows the plan and every target with unit and status", () => {
    renderTaskpane();
    openJiaozuo();
    expect(screen.getByRole("heading", { level: 2 })).toHaveTextContent("焦作市落实强国强省建设纲要实施意见");
    expect(screen.getByText("焦知战联办（2024）1号")).toBeInTheDocument();
    expect(document.body.textContent).not.toMatch(/\.txt/);
    const rows = within(screen.getByRole("list", { name: "指标" })).getAllByRole("button");
    expect(rows).toHaveLength(catalog.plan("JZ")!.targets.length);
    const jz05 = rows.find((r) => r.getAttribute("data-target-id") === "JZ-05")!;
    expect(jz05).toHaveTextContent("有效商标注册量");
    expect(jz05).toHaveTextContent("到2025年 67,000件");
    expect(jz05).toHaveTextContent("无数据");
    const milestone = rows.find((r) => r.getAttribute("data-target-id") === "JZ-14")!;
    expect(milestone).toHaveTextContent(/\d{4} 年前完成/);
  });

  it("shows on each row the target, the latest actual typed and the status", async () => {
    const workbook = fakeWorkbook({ "JZ-05": [{ year: 2023, value: 52000 }, { year: 2024, value: 60000 }] });
    await renderSettled({ host: EXCEL_HOST, workbook });
    await waitFor(() => expect(workbook.readActuals).toHaveBeenCalled());
    openJiaozuo();
    const jz05 = await waitFor(() => {
      const row = screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === "JZ-05")!;
      expect(row).toHaveTextContent("2024年实际 60,000件");
      return row;
    });
    expect(jz05).toHaveTextContent("到2025年 67,000件");
    expect(jz05).toHaveTextContent("滞后");
  });

  it("says the target and latest actual in English too", async () => {
    const workbook = fakeWorkbook({ "JZ-05": [{ year: 2024, value: 60000 }] });
    await renderSettled({ host: EXCEL_HOST, workbook, locale: "en-US" });
    await waitFor(() => expect(workbook.readActuals).toHaveBeenCalled());
    fireEvent.click(screen.getByText("Jiaozuo").closest("button")!);
    await waitFor(() =>
      expect(screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === "JZ-05")).toHaveTextContent(
        "2024 actual: 60,000 items",
      ),
    );
    expect(screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === "JZ-05")).toHaveTextContent(
      "67,000 items by 2025",
    );
  });

  it("filters by area, kind and status, and clears the filters", async () => {
    const workbook = fakeWorkbook({ "JZ-05": [{ year: 2024, value: 70000 }] });
    await renderSettled({ host: EXCEL_HOST, workbook });
    await waitFor(() => expect(workbook.readActuals).toHaveBeenCalled());
    openJiaozuo();
    const plan = catalog.plan("JZ")!;
    fireEvent.change(screen.getByLabelText("领域"), { target: { value: "保护" } });
    const protection = plan.targets.filter((t) => t.area === "保护").length;
    expect(screen.getByRole("status")).toHaveTextContent(`显示 ${protection} / ${plan.targets.length} 个指标`);
    fireEvent.click(screen.getByRole("button", { name: "清除筛选" }));
    fireEvent.change(screen.getByLabelText("类型"), { target: { value: "milestone" } });
    const milestones = plan.targets.filter((t) => t.kind === "milestone").length;
    expect(within(screen.getByRole("list", { name: "指标" })).getAllByRole("button")).toHaveLength(milestones);
    fireEvent.click(screen.getByRole("button", { name: "清除筛选" }));
    await waitFor(() =>
      expect(screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === "JZ-05")).toHaveTextContent("已实现"),
    );
    fireEvent.change(screen.getByLabelText("状态"), { target: { value: "achieved" } });
    const rows = within(screen.getByRole("list", { name: "指标" })).getAllByRole("button");
    expect(rows.map((r) => r.getAttribute("data-target-id"))).toEqual(["JZ-05"]);
    fireEvent.change(screen.getByLabelText("状态"), { target: { value: "ahead" } });
    expect(screen.getByText("没有符合筛选条件的指标。")).toBeInTheDocument();
  }, 90_000); // renders 焦作's rows several times: slow on a loaded machine

  it("downloads the plan's workbook from the plan itself, in one step", async () => {
    const { services } = renderTaskpane();
    openJiaozuo();
    await act(async () => fireEvent.click(screen.getByText("下载本规划的工作簿").closest("button")!));
    expect(services.buildWorkbook).toHaveBeenCalledWith(expect.objectContaining({ plans: ["JZ"], portable: true }));
    expect(services.saveFile).toHaveBeenCalledWith(expect.any(Uint8Array), "知识产权规划目标-焦作.xlsx");
    expect(await screen.findByText("已生成 知识产权规划目标-焦作.xlsx。")).toBeInTheDocument();
  });

  it("says what to do when the plan's workbook cannot be made, without a command to run", async () => {
    const { services } = renderTaskpane({ services: { buildWorkbook: jest.fn().mockRejectedValue(new Error("boom")) } });
    openJiaozuo();
    await act(async () => fireEvent.click(screen.getByText("下载本规划的工作簿").closest("button")!));
    const alert = (await screen.findByText(/无法生成工作簿/)).closest("[role=alert]")!;
    expect(alert).toHaveTextContent("无法生成工作簿");
    expect(alert).not.toHaveTextContent("npm");
    expect(services.saveFile).not.toHaveBeenCalled();
  });

  it("keeps a plan's filters after visiting a target", () => {
    renderTaskpane();
    openJiaozuo();
    fireEvent.change(screen.getByLabelText("领域"), { target: { value: "创造" } });
    fireEvent.click(screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === "JZ-05")!);
    fireEvent.click(screen.getByRole("button", { name: "返回" }));
    expect(screen.getByLabelText("领域")).toHaveValue("创造");
  });

  it("goes back to the list", () => {
    renderTaskpane();
    openJiaozuo();
    fireEvent.click(screen.getByRole("button", { name: "返回" }));
    expect(screen.getByRole("heading", { level: 2, name: "规划" })).toHaveFocus();
  });
});
