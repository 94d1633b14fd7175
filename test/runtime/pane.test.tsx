/** @jest-environment jsdom */
/**
 * The task pane over the plan store: deployed and workbook plans appear in the pane with where they
 * came from, the merge notes in both languages, and a plan stored from 导入规划文本 is in the
 * catalogue at once, without a reload (and Excel is asked to recalculate the IP.* cells).
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import { WORKBOOK_PLANS_SETTING } from "../../src/core/catalog/sources";
import { createPlanStore } from "../../src/office/plan-store";
import { CATALOGUES } from "../../src/taskpane/i18n/catalogues";
import { type BaseServices, LiveApp } from "../../src/taskpane/LiveApp";
import { FIXTURES } from "../draft/texts";
import { EXCEL_HOST, fakeWorkbook, memoryStore, PREVIEW_HOST } from "../taskpane/helpers";
import { BASE, fakeFetch, fakeSettings, index, jzText, SL_TEXT } from "./support";

Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

const SL_TITLE = (JSON.parse(SL_TEXT) as { title: { zh: string } }).title.zh;
const COUNTY_TEXT = fs.readFileSync(path.join(FIXTURES, "county-plan.txt"), "utf8");
const COUNTY_TITLE = "示例县知识产权强县建设实施方案（2025-2027年）";

function base(host = EXCEL_HOST): BaseServices & { workbook: ReturnType<typeof fakeWorkbook> | null } {
  return {
    host,
    workbook: host.unavailable ? null : fakeWorkbook(),
    buildWorkbook: jest.fn().mockResolvedValue(new Uint8Array([80, 75, 3, 4])),
    saveFile: jest.fn(),
    copyText: jest.fn().mockResolvedValue(undefined),
    settings: memoryStore(),
  };
}

const button = (name: string) => screen.getByText(name, { selector: "button" });
const sourcesNote = () => screen.getByLabelText("规划来源");
const plansPanel = () => document.getElementById("panel-plans")!;

describe("the pane over the plan store", () => {
  it("shows which plan came from where, and names a bad deployed file in both languages", async () => {
    const settings = fakeSettings({});
    const plans = createPlanStore({ settings: () => settings });
    settings.values.set(WORKBOOK_PLANS_SETTING, JSON.stringify({ formatVersion: 1, plans: [{ file: "JZ.json", text: jzText(71000) }] }));
    await plans.start({
      baseUrl: BASE,
      fetch: fakeFetch({ "plans/index.json": index("SL.json", "BAD.json"), "plans/SL.json": SL_TEXT, "plans/BAD.json": "{" }),
    });
    render(<LiveApp base={base()} plans={plans} messages={CATALOGUES["zh-CN"]} />);
    await act(async () => undefined);
    const note = sourcesNote();
    expect(within(note).getByText("来自本工作簿：JZ")).toBeInTheDocument();
    expect(within(note).getByText("来自部署目录：SL")).toBeInTheDocument();
    const items = Array.from(note.querySelectorAll("li")).map((li) => [li.getAttribute("data-kind"), li.textContent]);
    expect(items).toEqual([
      ["invalid", expect.stringMatching(/^plans\/BAD\.json：已跳过（部署目录）：.+ \/ skipped \(deployed\): /)],
      ["replaced", "data/plans/JZ.json：规划 JZ 使用工作簿中的版本（JZ.json），内置版本（data/plans/JZ.json）未使用 / plan JZ comes from the workbook file JZ.json; the bundled one (data/plans/JZ.json) is not used"],
    ]);
    expect(within(plansPanel()).getByText(SL_TITLE)).toBeInTheDocument();
  });

  it("says nothing when every plan is bundled and nothing went wrong", async () => {
    const plans = createPlanStore({ settings: () => fakeSettings() });
    await plans.start({ baseUrl: BASE, fetch: fakeFetch({}) });
    render(<LiveApp base={base()} plans={plans} messages={CATALOGUES["zh-CN"]} />);
    await act(async () => undefined);
    expect(screen.queryByLabelText("规划来源")).toBeNull();
  });

  it("shows deployed plans that arrive after the first screen, and asks Excel to recalculate once", async () => {
    const plans = createPlanStore({ settings: () => fakeSettings() });
    const services = base();
    render(<LiveApp base={services} plans={plans} messages={CATALOGUES["en-US"]} />);
    await act(async () => undefined);
    const enTitle = (JSON.parse(SL_TEXT) as { title: { en: string } }).title.en;
    expect(within(plansPanel()).queryByText(enTitle)).toBeNull();
    expect(services.workbook!.recalculate).not.toHaveBeenCalled();
    await act(async () => {
      await plans.start({ baseUrl: BASE, fetch: fakeFetch({ "plans/index.json": index("SL.json"), "plans/SL.json": SL_TEXT }) });
    });
    expect(within(plansPanel()).getByText(enTitle)).toBeInTheDocument();
    expect(screen.getByText("From the deployment folder: SL")).toBeInTheDocument();
    expect(services.workbook!.recalculate).toHaveBeenCalledTimes(1);
  });

  it("stores a drafted plan in the workbook: the setting is written and the plan is in the pane at once", async () => {
    const settings = fakeSettings();
    const plans = createPlanStore({ settings: () => settings });
    const services = base();
    render(<LiveApp base={services} plans={plans} messages={CATALOGUES["zh-CN"]} />);
    await act(async () => undefined);
    expect(within(plansPanel()).queryByText(COUNTY_TITLE)).toBeNull();

    await act(async () => fireEvent.click(button("导入规划文本")));
    await screen.findByText("粘贴全文，或打开 .txt 文件（UTF-8 或 GBK）");
    fireEvent.change(screen.getByLabelText(/规划文本/, { selector: "textarea" }), { target: { value: COUNTY_TEXT } });
    fireEvent.click(button("起草"));
    // Not valid yet (no plan id): refused with the validator's words, nothing stored, nothing lost.
    await act(async () => fireEvent.click(button("存入工作簿")));
    expect(screen.getByText("规划文件还有问题，未存入工作簿：")).toBeInTheDocument();
    expect(settings.set).not.toHaveBeenCalled();

    fireEvent.change(screen.getByLabelText("规划编号"), { target: { value: "SX" } });
    fireEvent.change(screen.getByLabelText("英文标题"), { target: { value: "Shili County IP plan 2025-2027" } });
    await act(async () => fireEvent.click(button("存入工作簿")));
    if (!settings.set.mock.calls.length) throw new Error(document.querySelector("ul")?.textContent ?? "nothing stored");
    expect(settings.set).toHaveBeenCalledWith(WORKBOOK_PLANS_SETTING, expect.any(String));
    expect(settings.saves).toBe(1);
    const stored = JSON.parse(settings.values.get(WORKBOOK_PLANS_SETTING) as string) as { plans: Array<{ file: string; text: string }> };
    expect(stored.plans.map((p) => p.file)).toEqual(["SX.json"]);
    expect(JSON.parse(stored.plans[0].text).id).toBe("SX");
    expect(screen.getByText("规划 SX 已存入本工作簿，现已可用。")).toBeInTheDocument();

    // Back to the tabs: the plan is listed, its origin shown, and Excel recalculates the IP.* cells.
    fireEvent.click(screen.getByLabelText("返回"));
    expect(within(plansPanel()).getByText(COUNTY_TITLE)).toBeInTheDocument();
    expect(within(sourcesNote()).getByText("来自本工作簿：SX")).toBeInTheDocument();
    expect(services.workbook!.recalculate).toHaveBeenCalledTimes(1);
    expect(plans.current().catalog.plan("SX")).toBeDefined();
  });

  it("offers storing in the workbook only inside Excel", async () => {
    const plans = createPlanStore({ settings: () => undefined });
    render(<LiveApp base={base(PREVIEW_HOST)} plans={plans} messages={CATALOGUES["zh-CN"]} />);
    await act(async () => fireEvent.click(button("导入规划文本")));
    await screen.findByText("粘贴全文，或打开 .txt 文件（UTF-8 或 GBK）");
    fireEvent.change(screen.getByLabelText(/规划文本/, { selector: "textarea" }), { target: { value: COUNTY_TEXT } });
    fireEvent.click(button("起草"));
    expect(button("下载规划 JSON")).toBeInTheDocument();
    expect(screen.queryByText("存入工作簿", { selector: "button" })).toBeNull();
  });
});
