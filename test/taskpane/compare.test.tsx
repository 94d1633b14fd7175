/** @jest-environment jsdom */
import { fireEvent, screen, waitFor, within } from "@testing-library/react";
import { DEFAULT_SETTINGS } from "../../src/core/method/settings";
import type { RollupResult } from "../../src/rollup/types";
import { absoluteComparable, actualsFromRollup, compareSeries } from "../../src/taskpane/model";
import { EXCEL_HOST, fakeWorkbook, PREVIEW_HOST, renderSettled, renderTaskpane } from "./helpers";
import { measuredCatalog, withoutMeasures } from "./measure-catalog";

const ACTUALS = {
  "JZ-05": [{ year: 2024, value: 70000 }],
  "XZ-04": [{ year: 2024, value: 33000 }],
  "HN-04": [
    { year: 2021, value: 1300000 },
    { year: 2023, value: 1900000 },
  ],
};

const card = (id: string) => screen.getByTestId("compare-list").querySelector(`li[data-target-id="${id}"]`) as HTMLElement;
const field = (id: string, name: string) => card(id).querySelector(`[data-field="${name}"]`)!.textContent;

async function openCompare(measure: string, setup: Parameters<typeof renderSettled>[0] = {}) {
  const result = await renderSettled({ catalog: measuredCatalog(), tab: "compare", ...setup });
  const select = await screen.findByRole("combobox", { name: setup.locale === "en-US" ? "Measure" : "统计口径" });
  fireEvent.change(select, { target: { value: measure } });
  return result;
}

describe("对照 / compare view", () => {
  it("offers only the measures some plan uses, by name", async () => {
    await renderSettled({ catalog: measuredCatalog(), tab: "compare" });
    const select = await screen.findByRole("combobox", { name: "统计口径" });
    const options = within(select).getAllByRole("option").map((o) => [o.getAttribute("value"), o.textContent]);
    expect(options).toEqual(
      expect.arrayContaining([
        ["valid-trademarks", "有效商标注册量"],
        ["valid-invention-patents", "有效发明专利拥有量"],
        ["invention-patents-per-10k", "每万人口发明专利拥有量"],
      ]),
    );
    expect(options).toHaveLength(3);
    expect(options.map((o) => o[0])).not.toContain("high-value-patents-per-10k");
  });

  it("sets every plan's target for the measure side by side: level, base, target in display units, actuals, status", async () => {
    await openCompare("valid-trademarks", { host: EXCEL_HOST, workbook: fakeWorkbook(ACTUALS) });
    const list = screen.getByTestId("compare-list");
    // Plan order (province first), one card per target carrying the measure.
    expect([...list.querySelectorAll("li")].map((li) => li.getAttribute("data-target-id"))).toEqual(["HN-04", "JZ-05", "XC-03", "XZ-04"]);
    expect(card("HN-04")).toHaveTextContent("河南");
    expect(card("HN-04")).toHaveTextContent("省级");
    expect(card("JZ-05")).toHaveTextContent("市级");
    // The province writes 万件: shown the plan's way, like the other views.
    expect(field("HN-04", "target")).toBe("到 2025 年达到 225万件");
    expect(field("HN-04", "base")).toBe("2020 年：112.1万件");
    expect(field("JZ-05", "base")).toBe("2022 年：49,409件");
    expect(field("XZ-04", "milestones")).toBe("2024 年：33,000件、2025 年：34,000件");
    expect(field("JZ-05", "actuals")).toBe("2024 年：70,000件");
    expect(field("HN-04", "actuals")).toBe("2021 年：130万件、2023 年：190万件");
    expect(field("XC-03", "actuals")).toBe("无");
    // The status is the overview's: JZ-05 passed its target, XC-03 has no data.
    expect(within(card("JZ-05")).getByText("已实现")).toBeInTheDocument();
    expect(within(card("XC-03")).getByText("无数据")).toBeInTheDocument();
    expect(screen.getByTestId("measure-definition")).toHaveTextContent("下级数据可加总为上级");
  });

  it("reads the actuals again on request, like the overview", async () => {
    const workbook = fakeWorkbook({});
    await openCompare("valid-trademarks", { host: EXCEL_HOST, workbook });
    expect(field("JZ-05", "actuals")).toBe("无");
    workbook.readActuals.mockResolvedValue(new Map(Object.entries(ACTUALS)));
    fireEvent.click(screen.getByRole("button", { name: "重新读取实际值" }));
    await waitFor(() => expect(field("JZ-05", "actuals")).toBe("2024 年：70,000件"));
    expect(within(card("JZ-05")).getByText("已实现")).toBeInTheDocument();
    expect(workbook.readActuals).toHaveBeenCalledTimes(2);
  });

  it("draws every plan's path on one time axis as % of its own target, legend by short name", async () => {
    await openCompare("valid-trademarks", { host: EXCEL_HOST, workbook: fakeWorkbook(ACTUALS) });
    const chart = screen.getByRole("img", { name: "各规划路径对照：有效商标注册量" });
    expect(chart).toHaveAttribute("data-scale", "percent");
    expect(chart.querySelector('[data-label="axis"]')).toHaveTextContent("占本规划目标的 %");
    expect(chart.querySelector('[data-series="goal"]')).not.toBeNull();
    const groups = [...chart.querySelectorAll("g[data-plan-id]")].map((g) => g.getAttribute("data-plan-id"));
    expect(groups).toEqual(["HN", "JZ", "XC", "XZ"]);
    // XZ: base, two milestones and the target; HN: two actuals joined by a line.
    expect(chart.querySelectorAll('g[data-plan-id="XZ"] [data-series="path-point"]')).toHaveLength(4);
    expect(chart.querySelectorAll('g[data-plan-id="HN"] [data-series="actual-point"]')).toHaveLength(2);
    expect(chart.querySelectorAll('g[data-plan-id="HN"] [data-series="actual"]')).toHaveLength(1);
    expect(chart.querySelectorAll('g[data-plan-id="XC"] [data-series="actual-point"]')).toHaveLength(0);
    expect(screen.getByTestId("compare-legend")).toHaveTextContent(/河南.*焦作.*许昌.*新郑/);
  });

  it("switches to absolute values where units agree", async () => {
    await openCompare("valid-trademarks", { host: EXCEL_HOST, workbook: fakeWorkbook(ACTUALS) });
    fireEvent.click(screen.getByRole("button", { name: "绝对值" }));
    const chart = screen.getByTestId("compare-chart");
    expect(chart).toHaveAttribute("data-scale", "absolute");
    expect(chart.querySelector('[data-label="axis"]')).toHaveTextContent("单位：件");
    expect(chart.querySelector('[data-series="goal"]')).toBeNull();
  });

  it("computes each plan's path and actuals as a % of its own target", () => {
    const catalog = measuredCatalog();
    const entries = catalog.byMeasure("valid-trademarks");
    const actuals = new Map(Object.entries(ACTUALS));
    const series = compareSeries(entries, actuals, DEFAULT_SETTINGS, "percent");
    const jz = series.find((s) => s.planId === "JZ")!;
    expect(jz.path.map((p) => p.year)).toEqual([2022, 2025]);
    expect(jz.path[0].value).toBeCloseTo((49409 / 67000) * 100, 6);
    expect(jz.path[1].value).toBe(100);
    expect(jz.actual).toEqual([{ year: 2024, value: (70000 / 67000) * 100 }]);
    const hn = series.find((s) => s.planId === "HN")!;
    expect(hn.actual.map((p) => Math.round(p.value))).toEqual([58, 84]);
    const absolute = compareSeries(entries, actuals, DEFAULT_SETTINGS, "absolute");
    expect(absolute.find((s) => s.planId === "HN")!.path.at(-1)).toEqual({ year: 2025, value: 2250000 });
  });

  it("offers absolute values only when every target has one unit and one kind", () => {
    const catalog = measuredCatalog();
    const entries = catalog.byMeasure("valid-trademarks");
    expect(absoluteComparable(entries)).toBe(true);
    const mixed = [...entries.slice(0, 1), { ...entries[1], target: { ...entries[1].target, kind: "additions" as const } }];
    expect(absoluteComparable(mixed)).toBe(false);
    const units = [...entries.slice(0, 1), { ...entries[1], target: { ...entries[1].target, unit: "万件" } }];
    expect(absoluteComparable(units)).toBe(false);
  });

  it("disables absolute values when the plans' kinds differ, and says why", async () => {
    const catalog = measuredCatalog((plan) =>
      plan.id === "XZ" ? { ...plan, targets: plan.targets.map((t) => (t.id === "XZ-04" ? { ...t, kind: "additions" as const } : t)) } : plan,
    );
    await renderSettled({ catalog, tab: "compare" });
    fireEvent.change(await screen.findByRole("combobox", { name: "统计口径" }), { target: { value: "valid-trademarks" } });
    expect(screen.getByRole("button", { name: "绝对值" })).toBeDisabled();
    expect(screen.getByText(/只能按占各自目标的百分比对照/)).toBeInTheDocument();
    expect(screen.getByTestId("compare-chart")).toHaveAttribute("data-scale", "percent");
  });

  it("in the preview: no actuals unless loaded, and says where they come from", async () => {
    await openCompare("valid-trademarks", { host: PREVIEW_HOST });
    expect(field("JZ-05", "actuals")).toBe("无");
    expect(screen.getByText(/预览中没有工作簿的实际值/)).toBeInTheDocument();
    expect(screen.getByTestId("compare-chart").querySelectorAll('[data-series="actual-point"]')).toHaveLength(0);
  });

  it("says so when no plan names a measure", async () => {
    await renderSettled({ catalog: withoutMeasures(), tab: "compare" });
    expect(await screen.findByTestId("compare-empty")).toHaveTextContent("还没有规划的指标标明统计口径");
    expect(screen.queryByRole("combobox", { name: "统计口径" })).toBeNull();
  });

  it("is in English in the English pane", async () => {
    await openCompare("valid-trademarks", { host: EXCEL_HOST, workbook: fakeWorkbook(ACTUALS), locale: "en-US" });
    expect(card("JZ-05")).toHaveTextContent("Jiaozuo");
    expect(card("JZ-05")).toHaveTextContent("City");
    expect(field("JZ-05", "actuals")).toMatch(/^2024.*70,000/);
    expect(screen.getByTestId("compare-chart").querySelector('[data-label="axis"]')).toHaveTextContent("% of each plan's own target");
    const view = screen.getByRole("tabpanel", { name: "Compare" });
    const uiText = [...view.querySelectorAll("h2, h3, label, button, [data-field], [data-testid='measure-definition']")].map((e) => e.textContent).join(" ");
    expect(uiText).not.toMatch(/[\u4e00-\u9fff]/);
  });

  it("opens from a target's detail: the target names its measure and links to the comparison", async () => {
    renderTaskpane({ catalog: measuredCatalog() });
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "XZ-01" } });
    fireEvent.click(screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === "XZ-01")!);
    expect(screen.getByTestId("target-measure")).toHaveTextContent("有效发明专利拥有量");
    fireEvent.click(screen.getByRole("button", { name: "对照各规划的“有效发明专利拥有量”" }));
    await waitFor(() => expect(screen.getByRole("tab", { name: "对照" })).toHaveAttribute("aria-selected", "true"));
    const select = await screen.findByRole("combobox", { name: "统计口径" });
    expect(select).toHaveValue("valid-invention-patents");
    expect([...screen.getByTestId("compare-list").querySelectorAll("li")].map((li) => li.getAttribute("data-target-id"))).toEqual(["XC-01", "XZ-01"]);
  });

  it("a target without a measure shows no measure line", () => {
    renderTaskpane({ catalog: measuredCatalog() });
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "JZ-06" } });
    fireEvent.click(screen.getAllByRole("button").find((b) => b.getAttribute("data-target-id") === "JZ-06")!);
    expect(screen.getByRole("heading", { level: 2 })).toBeInTheDocument();
    expect(screen.queryByTestId("target-measure")).toBeNull();
  });

  describe("with a roll-up's actuals", () => {
    const ROLLUP: RollupResult = {
      files: [
        { name: "焦作.xlsx", sheets: 1, actuals: 1, planIds: ["JZ"], mode: "portable" },
        { name: "新郑.xlsx", sheets: 1, actuals: 1, planIds: ["XZ"], mode: "live" },
        { name: "新郑2.xlsx", sheets: 1, actuals: 1, planIds: ["XZ"], mode: "live" },
      ],
      actuals: [
        { file: "焦作.xlsx", sheet: "焦作 JZ", row: 8, planId: "JZ", targetId: "JZ-05", year: 2024, value: 70000 },
        { file: "焦作.xlsx", sheet: "焦作 JZ", row: 8, planId: "JZ", targetId: "JZ-05", year: 2023, value: 60000 },
        { file: "新郑.xlsx", sheet: "新郑 XZ", row: 9, planId: "XZ", targetId: "XZ-04", year: 2024, value: 33000 },
        { file: "新郑2.xlsx", sheet: "新郑 XZ", row: 9, planId: "XZ", targetId: "XZ-04", year: 2024, value: 33500 },
      ],
      conflicts: [
        {
          targetId: "XZ-04",
          year: 2024,
          values: [
            { file: "新郑.xlsx", sheet: "新郑 XZ", row: 9, value: 33000 },
            { file: "新郑2.xlsx", sheet: "新郑 XZ", row: 9, value: 33500 },
          ],
        },
      ],
      byMeasure: [],
      problems: [],
    };
    const loadRollup = () => Promise.resolve({ collectWorkbooks: jest.fn().mockResolvedValue(ROLLUP), rollupWorkbookXlsx: jest.fn() });

    async function collect() {
      const input = (await screen.findByLabelText(/工作簿（.xlsx/)) as HTMLInputElement;
      fireEvent.change(input, { target: { files: [new File(["A"], "焦作.xlsx")] } });
      fireEvent.click(screen.getByRole("button", { name: "开始汇总" }));
      await screen.findByTestId("rollup-result");
    }

    it("turns collected actuals into series by target and year, leaving conflicts out", () => {
      const { actuals, conflicted } = actualsFromRollup(ROLLUP);
      expect(actuals.get("JZ-05")).toEqual([
        { year: 2023, value: 60000 },
        { year: 2024, value: 70000 },
      ]);
      expect(actuals.has("XZ-04")).toBe(false);
      expect(conflicted).toBe(1);
    });

    it("in the preview, shows them in the comparison with their statuses; a conflict is said, not resolved", async () => {
      await openCompare("valid-trademarks", { host: PREVIEW_HOST, services: { loadRollup } });
      await collect();
      expect(field("JZ-05", "actuals")).toBe("2023 年：60,000件、2024 年：70,000件");
      expect(within(card("JZ-05")).getByText("已实现")).toBeInTheDocument();
      expect(field("XZ-04", "actuals")).toBe("无");
      expect(screen.getByText(/汇总结果中有 1 处冲突/)).toBeInTheDocument();
      expect(screen.getByRole("button", { name: "汇总结果（3 个文件）" })).toHaveAttribute("aria-pressed", "true");
    });

    it("in Excel, keeps the workbook's actuals until the roll-up's are asked for", async () => {
      await openCompare("valid-trademarks", { host: EXCEL_HOST, workbook: fakeWorkbook({ "JZ-05": [{ year: 2024, value: 50000 }] }), services: { loadRollup } });
      await collect();
      expect(field("JZ-05", "actuals")).toBe("2024 年：50,000件");
      fireEvent.click(screen.getByRole("button", { name: "汇总结果（3 个文件）" }));
      expect(field("JZ-05", "actuals")).toBe("2023 年：60,000件、2024 年：70,000件");
      fireEvent.click(screen.getByRole("button", { name: "本工作簿" }));
      expect(field("JZ-05", "actuals")).toBe("2024 年：50,000件");
    });
  });
});
