/** @jest-environment jsdom */
import { act, fireEvent, screen, within } from "@testing-library/react";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { Catalog } from "../../src/core/catalog/catalog";
import { CATALOGUES } from "../../src/taskpane/i18n/catalogues";
import { EXCEL_HOST, renderSettled, renderTaskpane } from "./helpers";

describe("task pane shell", () => {
  beforeEach(() => localStorage.clear());

  it("opens on the plans, in Chinese, with four labelled tabs", () => {
    renderTaskpane();
    expect(screen.getByRole("heading", { level: 1, name: "知识产权规划目标" })).toBeInTheDocument();
    const tabs = screen.getAllByRole("tab").map((t) => t.querySelector(".fui-Tab__content")!.textContent);
    expect(tabs).toEqual(["规划", "工作表", "总览", "对照", "设置"]);
    expect(screen.getByRole("tab", { name: "规划" })).toHaveAttribute("aria-selected", "true");
    expect(screen.getByRole("tabpanel", { name: "规划" })).toBeVisible();
  });

  it("draws its first screen without Intl's number formatting, in either language (its locale data loads after)", () => {
    for (const locale of ["zh-CN", "en-US"] as const) {
      const spy = jest.spyOn(Number.prototype, "toLocaleString");
      try {
        const view = renderTaskpane({ locale });
        expect(screen.getAllByText(locale === "zh-CN" ? /\d+ 个指标/ : /\d+ targets?/).length).toBeGreaterThan(0);
        expect(spy).not.toHaveBeenCalled();
        view.unmount();
      } finally {
        spy.mockRestore();
      }
    }
  });

  it("still groups the digits of large counts", () => {
    expect(CATALOGUES["zh-CN"].plans.targetsCount(12345)).toBe("12,345 个指标");
    expect(CATALOGUES["zh-CN"].plans.targetsCount(7)).toBe("7 个指标");
    expect(CATALOGUES["en-US"].plans.targetsCount(1234)).toContain("1,234");
  });

  it("marks a preview outside Excel", () => {
    renderTaskpane();
    expect(screen.getByText("预览（未连接 Excel）")).toBeInTheDocument();
  });

  it("has no preview mark in Excel", async () => {
    await renderSettled({ host: EXCEL_HOST });
    expect(screen.queryByText("预览（未连接 Excel）")).toBeNull();
  });

  it("is entirely in English for an English Office", () => {
    renderTaskpane({ locale: "en-US" });
    expect(screen.getByRole("heading", { level: 1, name: "IP plan targets" })).toBeInTheDocument();
    expect(screen.getAllByRole("tab").map((t) => t.querySelector(".fui-Tab__content")!.textContent)).toEqual([
      "Plans",
      "Sheets",
      "Overview",
      "Compare",
      "Settings",
    ]);
    expect(screen.getByText("Jiaozuo")).toBeInTheDocument();
  });

  it("has a visible language switch that remembers the choice for the next time", async () => {
    const first = renderTaskpane();
    const switcher = screen.getByRole("group", { name: "界面语言 / Language" });
    expect(within(switcher).getByRole("button", { name: "中文" })).toHaveAttribute("aria-pressed", "true");
    fireEvent.click(within(switcher).getByRole("button", { name: "English" }));
    // English may still be loading (its own chunk in the pane): the pane turns English once it is there.
    expect(await screen.findByRole("heading", { level: 1, name: "IP plan targets" })).toBeInTheDocument();
    expect(screen.getByText("Jiaozuo")).toBeInTheDocument();
    expect(document.documentElement.lang).toBe("en-US");
    first.unmount();

    // Next time (a new page, Office still Chinese), the pane opens in English.
    const second = renderTaskpane({ locale: "zh-CN" });
    expect(screen.getByRole("heading", { level: 1, name: "IP plan targets" })).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "English" })).toHaveAttribute("aria-pressed", "true");
    fireEvent.click(screen.getByRole("button", { name: "中文" }));
    expect(screen.getByRole("heading", { level: 1, name: "知识产权规划目标" })).toBeInTheDocument();
    second.unmount();
    renderTaskpane({ locale: "en-US" });
    expect(screen.getByRole("heading", { level: 1, name: "知识产权规划目标" })).toBeInTheDocument();
  });

  it("keeps what was typed when the language is switched", async () => {
    renderTaskpane();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "专利" } });
    fireEvent.click(screen.getByRole("button", { name: "English" }));
    await screen.findByRole("heading", { level: 1, name: "IP plan targets" });
    expect(screen.getByRole("searchbox")).toHaveValue("专利");
  });

  it("still works where the browser refuses storage", async () => {
    const spy = jest.spyOn(Storage.prototype, "getItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    const set = jest.spyOn(Storage.prototype, "setItem").mockImplementation(() => {
      throw new Error("SecurityError");
    });
    try {
      renderTaskpane();
      fireEvent.click(screen.getByRole("button", { name: "English" }));
      expect(await screen.findByRole("heading", { level: 1, name: "IP plan targets" })).toBeInTheDocument();
    } finally {
      spy.mockRestore();
      set.mockRestore();
    }
  });

  it("keeps what was typed in one tab while another is open", async () => {
    renderTaskpane();
    fireEvent.change(screen.getByRole("searchbox"), { target: { value: "专利" } });
    await act(async () => fireEvent.click(screen.getByRole("tab", { name: "设置" })));
    fireEvent.change(screen.getByLabelText("快于预期阈值"), { target: { value: "1.3" } });
    expect(document.getElementById("panel-plans")).not.toBeVisible();
    fireEvent.click(screen.getByRole("tab", { name: "规划" }));
    expect(screen.getByRole("searchbox")).toHaveValue("专利");
    fireEvent.click(screen.getByRole("tab", { name: "设置" }));
    expect(screen.getByLabelText("快于预期阈值")).toHaveValue("1.3");
  });

  it("warns when a plan file could not be loaded, and still shows the others", () => {
    const good = bundledCatalog();
    const catalog = new Catalog(good.plans.slice(1), [{ file: "data/plans/BAD.json", path: "$.id", zh: "坏", en: "bad" }]);
    renderTaskpane({ catalog });
    expect(screen.getByText("有 1 个规划文件未能加载，其余规划可正常使用。")).toBeInTheDocument();
    expect(screen.getAllByRole("listitem")).toHaveLength(good.plans.length - 1);
  });
});
