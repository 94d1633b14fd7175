/** @jest-environment jsdom */
import { fireEvent, screen, waitFor } from "@testing-library/react";
import { EXCEL_HOST, fakeWorkbook, memoryStore, officeError, renderSettled } from "./helpers";

const save = () => fireEvent.click(screen.getByRole("button", { name: "保存" }));

describe("settings", () => {
  it("shows the workbook's stored settings", async () => {
    await renderSettled({
      host: EXCEL_HOST,
      tab: "settings",
      store: memoryStore({ formulaMode: "portable", method: { path: "compound", thresholds: { ahead: 1.1, onTrack: 0.9 } } }),
    });
    expect(screen.getByRole("radio", { name: /^通用公式/ })).toBeChecked();
    expect(screen.getByRole("radio", { name: /复合增长/ })).toBeChecked();
    expect(screen.getByLabelText("快于预期阈值")).toHaveValue("1.1");
    expect(screen.getByLabelText("基本符合预期阈值")).toHaveValue("0.9");
    expect(screen.getByText("设置随当前工作簿保存。")).toBeInTheDocument();
  });

  it("saves to the workbook and asks Excel to recalculate", async () => {
    const store = memoryStore();
    const workbook = fakeWorkbook();
    await renderSettled({ host: EXCEL_HOST, tab: "settings", store, workbook });
    expect(screen.getByRole("button", { name: "保存" })).toHaveAttribute("aria-disabled", "true");
    fireEvent.click(screen.getByRole("radio", { name: /复合增长/ }));
    fireEvent.change(screen.getByLabelText("快于预期阈值"), { target: { value: "1.2" } });
    expect(screen.getByText("有未保存的更改。")).toBeInTheDocument();
    save();
    expect(await screen.findByText("已保存。Excel 正在按新设置重新计算。")).toBeInTheDocument();
    expect(store.save).toHaveBeenCalledWith({ formulaMode: "live", method: { path: "compound", thresholds: { ahead: 1.2, onTrack: 0.95 } } });
    expect(workbook.recalculate).toHaveBeenCalledTimes(1);
    expect(screen.queryByText("有未保存的更改。")).toBeNull();
  });

  it("notes that a formula-mode change applies at the next write", async () => {
    await renderSettled({ host: EXCEL_HOST, tab: "settings" });
    fireEvent.click(screen.getByRole("radio", { name: /^通用公式/ }));
    expect(screen.getByText("公式模式的更改在下次写入或刷新工作表时生效。")).toBeInTheDocument();
  });

  it("refuses thresholds that are not numbers or out of order", async () => {
    await renderSettled({ host: EXCEL_HOST, tab: "settings" });
    fireEvent.change(screen.getByLabelText("快于预期阈值"), { target: { value: "abc" } });
    expect(screen.getByText("请输入 0 到 10 之间的数。")).toBeInTheDocument();
    expect(screen.getByRole("button", { name: "保存" })).toHaveAttribute("aria-disabled", "true");
    fireEvent.change(screen.getByLabelText("快于预期阈值"), { target: { value: "0.8" } });
    expect(screen.getByText("“基本符合预期”阈值不能大于“快于预期”阈值。")).toBeInTheDocument();
    expect(screen.getByLabelText("基本符合预期阈值")).toHaveAttribute("aria-invalid", "true");
  });

  it("keeps what was typed when saving fails, and says what to do", async () => {
    const store = memoryStore();
    store.save.mockRejectedValueOnce(officeError("GeneralException", "settings save failed"));
    const workbook = fakeWorkbook();
    await renderSettled({ host: EXCEL_HOST, tab: "settings", store, workbook });
    fireEvent.change(screen.getByLabelText("基本符合预期阈值"), { target: { value: "0.8" } });
    save();
    const alert = await screen.findByRole("alert");
    expect(alert).toHaveTextContent("设置未能保存到工作簿");
    expect(alert).toHaveTextContent("更改仍保留在表单中");
    expect(screen.getByLabelText("基本符合预期阈值")).toHaveValue("0.8");
    expect(workbook.recalculate).not.toHaveBeenCalled();
    save();
    expect(await screen.findByText(/已保存/)).toBeInTheDocument();
  });

  it("warns when Excel did not recalculate", async () => {
    const workbook = fakeWorkbook();
    workbook.recalculate.mockRejectedValue(new Error("calc"));
    await renderSettled({ host: EXCEL_HOST, tab: "settings", workbook });
    fireEvent.click(screen.getByRole("radio", { name: /复合增长/ }));
    save();
    expect(await screen.findByText(/请按 Ctrl\+Alt\+F9 手动重新计算/)).toBeInTheDocument();
  });

  it("restores the defaults into the form", async () => {
    await renderSettled({
      host: EXCEL_HOST,
      tab: "settings",
      store: memoryStore({ method: { path: "compound", thresholds: { ahead: 2, onTrack: 1 } } }),
    });
    fireEvent.click(screen.getByRole("button", { name: "恢复默认" }));
    expect(screen.getByRole("radio", { name: /线性/ })).toBeChecked();
    expect(screen.getByLabelText("快于预期阈值")).toHaveValue("1.05");
  });

  it("outside Excel, applies the settings to downloads only", async () => {
    const { services } = await renderSettled({ tab: "settings" });
    expect(screen.getByText(/设置只用于本次下载的工作簿/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole("radio", { name: /复合增长/ }));
    save();
    expect(await screen.findByText("已应用到本次下载。")).toBeInTheDocument();
    fireEvent.click(screen.getByRole("tab", { name: "工作表" }));
    fireEvent.click(await screen.findByRole("checkbox", { name: /^焦作/ }));
    fireEvent.click(screen.getByRole("button", { name: "下载工作簿" }));
    await waitFor(() =>
      expect(services.buildWorkbook).toHaveBeenCalledWith(expect.objectContaining({ settings: expect.objectContaining({ path: "compound" }) })),
    );
  });
});
