/** One round trip through the .docx bytes: the parts Word reads hold the model's text and layout. */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import JSZip from "jszip";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { buildReportDocx } from "../../src/report/docx";
import { buildReport } from "../../src/report/model";

const catalog = bundledCatalog();
const REPO = path.resolve(__dirname, "..", "..");

async function parts(data: Uint8Array) {
  const zip = await JSZip.loadAsync(data);
  const read = (name: string) => zip.file(name)?.async("string") ?? Promise.resolve("");
  const document = await read("word/document.xml");
  // The paragraphs' text, entities decoded: what a reader of the document sees.
  const unescape = (t: string) =>
    t
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"')
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&amp;/g, "&");
  const paragraphs = [...document.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    unescape([...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join("")),
  );
  return { document, paragraphs, fonts: await read("word/fontTable.xml"), settings: await read("word/settings.xml"), zip };
}

/** The text of each table row of document.xml, cells joined by "|" (paragraphs inside a cell by "\n"). */
function tableRows(xml: string): string[] {
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)]
      .map((tc) =>
        [...tc[0].matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
          .map((p) => [...p[0].matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(""))
          .join("\n"),
      )
      .join("|"),
  );
}

describe("buildReportDocx", () => {
  const model = buildReport(catalog, { plans: ["JZ"], year: 2024, actuals: new Map([["JZ-05", [{ year: 2024, value: 60000 }]]]) });

  it("holds the title, the sentence and JZ-05's table row", async () => {
    const { document } = await parts(await buildReportDocx(model));
    expect(document).toContain("知识产权规划主要指标2024年实施情况报告");
    expect(document).toContain(
      "截至2024年底，有效商标注册量60000件，为2025年目标67000件的89.6%，低于序时进度（61136件），进度滞后；按现有趋势2025年预计达到65296件。",
    );
    const rows = tableRows(document);
    expect(rows[0]).toBe("序号|指标|单位|基期值|目标值|2024年实际|序时进度|进度|状态");
    expect(rows).toContain("5|有效商标注册量|件|49,409\n2022年|67,000\n2025年|60,000|61,136|60.2%|滞后");
    expect(rows).toHaveLength(1 + model.plans[0].tableRows.length);
  });

  it("is laid out after GB/T 9704: A4, 37/35/28/26 mm margins, official fonts with fallbacks, odd/even page numbers", async () => {
    const { document, fonts, settings, zip } = await parts(await buildReportDocx(model));
    expect(/<w:pgSz [^>]*>/.exec(document)?.[0]).toMatch(/w:w="11906" w:h="16838"/);
    const mar = /<w:pgMar ([^>]*)\/>/.exec(document)![1];
    const twip = (attr: string) => Number(new RegExp(`w:${attr}="(\\d+)"`).exec(mar)![1]);
    expect([twip("top"), twip("bottom"), twip("left"), twip("right")].map((t) => Math.round((t / 1440) * 25.4))).toEqual([37, 35, 28, 26]);
    expect(document).toContain('w:eastAsia="方正小标宋简体"');
    expect(document).toContain('w:eastAsia="仿宋_GB2312"');
    expect(document).toContain('w:eastAsia="黑体"');
    expect(document).toContain('w:eastAsia="楷体_GB2312"');
    expect(fonts).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/><w:charset w:val="86"/>');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    const footers = await Promise.all(
      Object.keys(zip.files)
        .filter((f) => /^word\/footer\d+\.xml$/.test(f))
        .map((f) => zip.file(f)!.async("string")),
    );
    expect(footers).toHaveLength(2);
    expect(footers.every((f) => f.includes("PAGE") && f.includes("— "))).toBe(true);
    expect(footers.map((f) => /<w:jc w:val="(\w+)"/.exec(f)![1]).sort()).toEqual(["left", "right"]);
  });
});

describe("npm run report", () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ip-report-"));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const cli = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/report.ts", ...args], {
      cwd: REPO,
      encoding: "utf8",
    });
  const csv = path.join(tmp, "a.csv");
  fs.writeFileSync(csv, "id,year,value\nJZ-05,2024,60000\n");

  it("writes the document and exits 0", async () => {
    const out = path.join(tmp, "报告.docx");
    const r = cli("--out", out, "--plans", "JZ", "--actuals", csv, "--year", "2024");
    expect(r.status).toBe(0);
    const { document } = await parts(fs.readFileSync(out));
    expect(document).toContain("有效商标注册量60000件");
  });

  it.each([
    [["--plans", "ZZ"], /未知的规划编号：ZZ[\s\S]*unknown plan ids: ZZ/],
    [["--year", "2040"], /超出所选规划的年份范围[\s\S]*outside the years of the chosen plans/],
    [["--year", "二〇二四"], /年份「二〇二四」无效[\s\S]*is not a year/],
  ])("refuses %j in Chinese and English, exit 1", (extra, message) => {
    const r = cli("--out", path.join(tmp, "x.docx"), "--actuals", csv, ...extra);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(fs.existsSync(path.join(tmp, "x.docx"))).toBe(false);
  });

  it("refuses an unreadable actuals file, exit 1", () => {
    const r = cli("--out", path.join(tmp, "y.docx"), "--actuals", path.join(tmp, "missing.csv"));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/无法读取实际值文件[\s\S]*cannot read the actuals file/);
  });
});

describe("buildReportFile (the pane's entry)", () => {
  it("reads a CSV's bytes, reports on the plans that have actuals, and passes on the rows it could not use", async () => {
    const { buildReportFile } = await import("../../src/report/build");
    const csv = new TextEncoder().encode("id,year,value\nJZ-05,2024,60000\nZZ-01,2024,5\n");
    const file = await buildReportFile(catalog, { csv, lang: "zh" });
    expect(file.year).toBe(2024);
    expect(file.problems).toEqual(['第 3 行：未知的指标编号「ZZ-01」 / line 3: unknown target id "ZZ-01"']);
    const { paragraphs } = await parts(file.data);
    expect(paragraphs.some((p) => p.includes("有效商标注册量60000件"))).toBe(true);
    expect(paragraphs.some((p) => p.includes("焦作市落实强国强省建设纲要实施意见"))).toBe(true);
    expect(paragraphs.some((p) => p.includes("新郑市国家知识产权强县建设试点县工作方案"))).toBe(false);
  });

  it("takes actuals read from the sheets, and every plan when none has an actual yet", async () => {
    const { buildReportFile } = await import("../../src/report/build");
    const file = await buildReportFile(catalog, { actuals: new Map(), lang: "en", year: 2024 });
    const { paragraphs } = await parts(file.data);
    expect(paragraphs[0]).toBe("Implementation of the IP Plans' Main Targets in 2024");
    // The overview has one paragraph per plan, every plan in it.
    for (const plan of catalog.plans) expect(paragraphs.filter((p) => p.startsWith(plan.title.en)).length).toBeGreaterThan(0);
  });
});
