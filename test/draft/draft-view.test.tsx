/** @jest-environment jsdom */
/**
 * 导入规划文本: paste or open a text, see the proposals, accept/edit/reject each, download the plan
 * file (checked by the catalogue's validator first). Nothing typed is lost.
 */
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import fs from "node:fs";
import path from "node:path";
import util from "node:util";
import { MessagesContext } from "../../src/taskpane/i18n";
import { CATALOGUES } from "../../src/taskpane/i18n/catalogues";
import { ServicesContext, type TaskpaneServices } from "../../src/taskpane/services";
import { draftPlan, remarkIn } from "../../src/core/draft";
import { DraftView } from "../../src/taskpane/views/DraftView";
import { renderTaskpane } from "../taskpane/helpers";
import { bundledPlans, FIXTURES, fixtureTexts, readSource } from "./texts";

// jest's jsdom lacks the encoding API that browsers (and Excel's web views) have.
Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });

const TEXT = fs.readFileSync(path.join(FIXTURES, "county-plan.txt"), "utf8");

/** The view alone (the whole pane is slow to query in jsdom); the shell test opens it from the header. */
async function openDraft() {
  const services = { saveFile: jest.fn() } as unknown as TaskpaneServices;
  render(
    <FluentProvider theme={webLightTheme}>
      <MessagesContext.Provider value={CATALOGUES["zh-CN"]}>
        <ServicesContext.Provider value={services}>
          <DraftView />
        </ServicesContext.Provider>
      </MessagesContext.Provider>
    </FluentProvider>,
  );
  return { services };
}

function paste(text: string) {
  fireEvent.change(screen.getByLabelText(/规划文本/, { selector: "textarea" }), { target: { value: text } });
}

/** getByRole is slow on a form this size in jsdom; buttons are found by their text. */
const button = (name: string) => screen.getByText(name, { selector: "button" });
function proposal(name: RegExp): HTMLElement {
  const hits = Array.from(document.querySelectorAll<HTMLElement>("fieldset[aria-label]")).filter((f) => name.test(f.getAttribute("aria-label")!));
  if (hits.length !== 1) throw new Error(`${hits.length} proposals match ${name}`);
  return hits[0];
}
const savedJson = (saveFile: jest.Mock) => JSON.parse(new TextDecoder().decode(saveFile.mock.calls[0][0] as Uint8Array));

describe("导入规划文本", () => {
  it("opens from the header over the tabs and goes back to them, keeping what was typed", async () => {
    renderTaskpane();
    await act(async () => fireEvent.click(screen.getByText("导入规划文本")));
    await screen.findByText("粘贴全文，或打开 .txt 文件（UTF-8 或 GBK）");
    const panel = document.getElementById("panel-plans")!;
    expect(panel).not.toBeVisible();
    paste("到2026年，有效发明专利拥有量达到2000件。");
    fireEvent.click(screen.getByLabelText("返回"));
    expect(panel).toBeVisible();
    expect(screen.getByText("粘贴全文，或打开 .txt 文件（UTF-8 或 GBK）")).not.toBeVisible();
    fireEvent.click(screen.getByText("导入规划文本", { selector: "button" }));
    expect(screen.getByLabelText(/规划文本/, { selector: "textarea" })).toHaveValue("到2026年，有效发明专利拥有量达到2000件。");
  });

  it("asks for a text before drafting", async () => {
    await openDraft();
    fireEvent.click(button("起草"));
    expect(screen.getByText("请先粘贴或打开规划文本。")).toBeInTheDocument();
  });

  it("drafts a pasted text: the plan's particulars and every proposal with its quote", async () => {
    await openDraft();
    paste(TEXT);
    fireEvent.click(button("起草"));
    expect(screen.getByText(/找到 \d+ 个量化目标/)).toBeInTheDocument();
    expect(screen.getByLabelText("标题")).toHaveValue("示例县知识产权强县建设实施方案（2025-2027年）");
    expect(screen.getByLabelText("文号")).toHaveValue("示政办〔2025〕7号");
    expect(screen.getByLabelText("起始年")).toHaveValue("2025");
    const patents = proposal(/P\d\d 有效发明专利拥有量/);
    expect(within(patents).getByLabelText("目标值")).toHaveValue("600");
    expect(within(patents).getByLabelText("基期值")).toHaveValue("420");
    expect(within(patents).getByText(/2025: 480/)).toBeInTheDocument();
    expect(within(patents).getByText(/全县有效发明专利拥有量达到600件/)).toBeInTheDocument();
  });

  it("shows the drafter's remarks in the pane's language only", async () => {
    await openDraft();
    paste("示例县规划（2021-2025年）\n二、发展目标\n（二）培育国家知识产权优势企业3家。\n");
    fireEvent.click(button("起草"));
    const firms = proposal(/优势企业/);
    expect(within(firms).getByText(/原文未写年份，取规划期末；未见比较词，按“达到”/)).toBeInTheDocument();
    expect(firms.textContent).not.toMatch(/no year in the text|read as reach/);
    expect(remarkIn("原文未写年份，取规划期末 / no year in the text: the period's end").en).toBe("no year in the text: the period's end");
    expect(remarkIn("完成即为 1").en).toBe("完成即为 1");
    // Every remark the drafter writes on the fixture and bundled texts has its two halves.
    const texts = [...fixtureTexts().map((f) => f.text), ...bundledPlans().map((p) => readSource(p.source)?.text ?? "")];
    const remarks = new Set(texts.flatMap((t) => draftPlan(t).proposals.flatMap((p) => p.notes)));
    expect([...remarks].some((r) => r.startsWith("目标年取自上文"))).toBe(true);
    for (const r of remarks) expect(remarkIn(r).zh).not.toBe(remarkIn(r).en);
  });

  it("downloads only the accepted proposals, as edited, once the plan is valid", async () => {
    const { services } = await openDraft();
    paste(TEXT);
    fireEvent.click(button("起草"));
    fireEvent.click(button("全部不采纳"));
    const patents = proposal(/P\d\d 有效发明专利拥有量/);
    fireEvent.click(within(patents).getByLabelText(/^采纳/));
    fireEvent.change(within(patents).getByLabelText("指标名称"), { target: { value: "有效发明专利拥有量（全县）" } });
    fireEvent.change(within(patents).getByLabelText("目标值"), { target: { value: "650" } });
    fireEvent.change(within(patents).getByLabelText("英文名称"), { target: { value: "Valid invention patents" } });
    expect(within(patents).getByText("该数值未出现在原文摘录中，请核对。")).toBeInTheDocument();
    const stations = proposal(/商标品牌指导站/);
    fireEvent.click(within(stations).getByLabelText(/^采纳/));

    // No plan id yet: the validator's message, nothing downloaded, nothing lost.
    fireEvent.click(button("下载规划 JSON"));
    expect(screen.getByText("规划文件还有问题，未下载：")).toBeInTheDocument();
    expect(services.saveFile).not.toHaveBeenCalled();
    expect(within(patents).getByLabelText("目标值")).toHaveValue("650");

    fireEvent.change(screen.getByLabelText("规划编号"), { target: { value: "sl" } });
    fireEvent.change(screen.getByLabelText("英文标题"), { target: { value: "Shili County IP plan 2025-2027" } });
    fireEvent.click(button("下载规划 JSON"));
    if (!(services.saveFile as jest.Mock).mock.calls.length) throw new Error(document.querySelector("ul")?.textContent ?? "no issues shown");
    expect(services.saveFile).toHaveBeenCalledTimes(1);
    expect((services.saveFile as jest.Mock).mock.calls[0][1]).toBe("SL.json");
    const plan = savedJson(services.saveFile as jest.Mock);
    expect(plan).toMatchObject({
      id: "SL",
      period: { start: 2025, end: 2027 },
      level: "county",
      title: { zh: "示例县知识产权强县建设实施方案（2025-2027年）", en: "Shili County IP plan 2025-2027" },
      shortName: { zh: "示例", en: "示例" },
    });
    expect(plan.targets[0].name).toEqual({ zh: "有效发明专利拥有量（全县）", en: "Valid invention patents" });
    expect(plan.targets[1].name).toEqual({ zh: "商标品牌指导站", en: "商标品牌指导站" });
    expect(plan.targets.map((t: { id: string; name: { zh: string }; target: { value: number } }) => [t.id, t.name.zh, t.target.value])).toEqual([
      ["SL-01", "有效发明专利拥有量（全县）", 650],
      ["SL-02", "商标品牌指导站", 2],
    ]);
    expect(screen.getByText(/已下载 SL.json/)).toBeInTheDocument();
  });

  it("says which figure is not a number instead of downloading", async () => {
    const { services } = await openDraft();
    paste(TEXT);
    fireEvent.click(button("起草"));
    fireEvent.change(screen.getByLabelText("规划编号"), { target: { value: "SL" } });
    fireEvent.change(within(proposal(/有效商标注册量/)).getByLabelText("目标值"), { target: { value: "1.1万" } });
    fireEvent.click(button("下载规划 JSON"));
    expect(screen.getByText(/有效商标注册量: 目标值不是数字/)).toBeInTheDocument();
    expect(services.saveFile).not.toHaveBeenCalled();
  });

  it("keeps an official's edits when the text is drafted again", async () => {
    await openDraft();
    paste(TEXT);
    fireEvent.click(button("起草"));
    fireEvent.change(screen.getByLabelText("规划编号"), { target: { value: "SL" } });
    fireEvent.change(within(proposal(/有效商标注册量/)).getByLabelText("单位"), { target: { value: "件（有效）" } });
    fireEvent.click(button("起草"));
    expect(within(proposal(/有效商标注册量/)).getByLabelText("单位")).toHaveValue("件（有效）");
    expect(screen.getByLabelText("规划编号")).toHaveValue("SL");
  });

  it("opens a GBK text file, and refuses a binary one with a message", async () => {
    await openDraft();
    const input = screen.getByLabelText("打开文本文件", { selector: "input" });
    const gbk = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "county-plan-gbk.txt")));
    const file = Object.assign(new File([gbk], "示例县.txt"), { arrayBuffer: async () => gbk.buffer.slice(gbk.byteOffset, gbk.byteOffset + gbk.byteLength) });
    await act(async () => fireEvent.change(input, { target: { files: [file] } }));
    expect(await screen.findByText("已读取 示例县.txt（gb18030）。")).toBeInTheDocument();
    expect(screen.getByLabelText(/规划文本/, { selector: "textarea" })).toHaveValue(TEXT);

    const bin = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]);
    const docx = Object.assign(new File([bin], "plan.docx"), { arrayBuffer: async () => bin.buffer });
    await act(async () => fireEvent.change(input, { target: { files: [docx] } }));
    expect(await screen.findByText(/无法读取 plan.docx：不是纯文本文件/)).toBeInTheDocument();
    // the text read before is still there
    expect(screen.getByLabelText(/规划文本/, { selector: "textarea" })).toHaveValue(TEXT);
  });

  it("is in English for an English Office", async () => {
    renderTaskpane({ locale: "en-US" });
    await act(async () => fireEvent.click(button("Import plan text")));
    expect(await screen.findByText("Import a plan's text")).toBeInTheDocument();
    fireEvent.click(button("Draft"));
    expect(screen.getByText("Paste or open a plan's text first.")).toBeInTheDocument();
  });
});
