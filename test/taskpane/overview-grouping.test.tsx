/** @jest-environment jsdom */
import { fireEvent, screen, within } from "@testing-library/react";
import { EXCEL_HOST, fakeWorkbook, renderSettled } from "./helpers";
import { measuredCatalog, withoutMeasures } from "./measure-catalog";

const ACTUALS = {
  "JZ-05": [{ year: 2024, value: 70000 }],
  "XZ-04": [{ year: 2024, value: 33000 }],
  "JZ-06": [{ year: 2024, value: 5 }],
};

describe("overview grouped by measure", () => {
  it("groups by plan first, and by measure on request: each measure's targets across plans with their statuses", async () => {
    const workbook = fakeWorkbook(ACTUALS);
    await renderSettled({ catalog: measuredCatalog(), host: EXCEL_HOST, workbook, tab: "overview" });
    const group = await screen.findByRole("group", { name: "分组方式" });
    expect(within(group).getByRole("button", { name: "按规划" })).toHaveAttribute("aria-pressed", "true");
    expect(screen.getByRole("region", { name: "焦作" })).toBeInTheDocument();

    fireEvent.click(within(group).getByRole("button", { name: "按统计口径" }));
    expect(screen.queryByRole("region", { name: "焦作" })).toBeNull();
    const trademarks = screen.getByRole("region", { name: "有效商标注册量" });
    // HN-04, JZ-05, XC-03, XZ-04: JZ-05 achieved, XZ-04 on track, two without data.
    expect(within(trademarks).getByRole("img")).toHaveAccessibleName(expect.stringContaining("有效商标注册量各状态指标数"));
    expect(within(trademarks).getByRole("button", { name: /查看已实现的 1 个指标/ })).toBeInTheDocument();
    expect(within(trademarks).getByRole("button", { name: /查看基本符合预期的 1 个指标/ })).toBeInTheDocument();
    expect(within(trademarks).getByRole("button", { name: /查看无数据的 2 个指标/ })).toBeInTheDocument();
    expect(screen.getByRole("region", { name: "有效发明专利拥有量" })).toBeInTheDocument();
    // JZ-06 has an actual but names no measure: said, not hidden.
    expect(screen.getByText("另有 1 个有实际值的指标未标明统计口径。")).toBeInTheDocument();

    fireEvent.click(within(trademarks).getByRole("button", { name: /查看无数据的 2 个指标/ }));
    const list = within(trademarks).getByRole("list", { name: "有效商标注册量：无数据" });
    expect(within(list).getAllByRole("button").map((b) => b.getAttribute("data-target-id"))).toEqual(["HN-04", "XC-03"]);
    expect(list).toHaveTextContent("河南 · 有效商标注册量");
    fireEvent.click(within(list).getByRole("button", { name: /定位到 有效商标注册总量/ }));
    expect(await screen.findByText("已定位到 XC-03 所在的行。")).toBeInTheDocument();
    expect(workbook.selectTarget).toHaveBeenCalledWith("XC-03");

    fireEvent.click(within(group).getByRole("button", { name: "按规划" }));
    expect(screen.getByRole("region", { name: "焦作" })).toBeInTheDocument();
    expect(screen.queryByRole("region", { name: "有效商标注册量" })).toBeNull();
  });

  it("says so when no plan names a measure", async () => {
    await renderSettled({ catalog: withoutMeasures(), host: EXCEL_HOST, workbook: fakeWorkbook(ACTUALS), tab: "overview" });
    fireEvent.click(await screen.findByRole("button", { name: "按统计口径" }));
    expect(screen.getByTestId("no-measures")).toHaveTextContent("还没有规划的指标标明统计口径");
  });

  it("in English", async () => {
    await renderSettled({ catalog: measuredCatalog(), host: EXCEL_HOST, workbook: fakeWorkbook(ACTUALS), tab: "overview", locale: "en-US" });
    fireEvent.click(await screen.findByRole("button", { name: "By measure" }));
    expect(screen.getByRole("region", { name: "Valid registered trademarks" })).toBeInTheDocument();
  });
});
