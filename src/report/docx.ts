/**
 * The report model as a Word document, laid out after GB/T 9704-2012 (党政机关公文格式): A4, top
 * margin 37 mm, left 28 mm, a 156 × 225 mm text block of 22 lines; 2号小标宋 title, 3号仿宋 body,
 * 黑体 first-level and 楷体 second-level headings; page numbers "— 1 —" in 4号宋体, odd pages right
 * and even pages left. Uses only the `docx` package, so it runs in Node and in the browser.
 *
 * Fonts a reader's machine may lack fall back through the font table (word/fontTable.xml): each
 * official font names the common Windows font as its alternative and its GB2312 charset and family,
 * so Word substitutes a Chinese font of the same kind:
 *   方正小标宋简体 → 华文中宋 / 宋体   仿宋_GB2312 → 仿宋 (FangSong)
 *   楷体_GB2312 → 楷体 (KaiTi)          黑体 → SimHei
 * Latin letters and digits are Times New Roman.
 */
import {
  AlignmentType,
  BorderStyle,
  convertMillimetersToTwip,
  Document,
  Footer,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
} from "docx";
import type { Block, ReportModel } from "./model";
import { TEXT } from "./text";

/** The fonts of each role, and what they fall back to (docs/report.md). */
export const REPORT_FONTS = {
  title: { name: "方正小标宋简体", alt: "华文中宋", family: "roman" },
  body: { name: "仿宋_GB2312", alt: "仿宋", family: "modern" },
  heading1: { name: "黑体", alt: "SimHei", family: "modern" },
  heading2: { name: "楷体_GB2312", alt: "楷体", family: "modern" },
  pageNumber: { name: "宋体", alt: "SimSun", family: "modern" },
  latin: { name: "Times New Roman", alt: "Liberation Serif", family: "roman" },
} as const;

type Role = keyof typeof REPORT_FONTS;

/** Half-points: 2号 22 pt, 3号 16 pt, 4号 14 pt, 五号 10.5 pt, 小四 12 pt; English tables in 9 pt (longer words). */
const SIZE = { title: 44, body: 32, pageNumber: 28, table: 21, tableLatin: 18, note: 24 } as const;
/** 22 lines in the 225 mm text block: 28.95 pt a line, exactly. */
const LINE = Math.round((225 / 22 / 25.4) * 1440);
/** Two characters of 3号 (16 pt) indent the first line of a paragraph. */
const INDENT_2 = 2 * 16 * 20;

function fonts(role: Role) {
  const cjk = REPORT_FONTS[role].name;
  const latin = REPORT_FONTS.latin.name;
  return { ascii: latin, hAnsi: latin, eastAsia: cjk, cs: latin };
}

/** Runs carry their language; Chinese text is zh-CN so a reader picks Simplified Chinese glyphs. */
type Lang = ReportModel["lang"];
const language = (lang: Lang) => ({ value: lang === "zh" ? "zh-CN" : "en-GB", eastAsia: "zh-CN" });

function run(text: string, role: Role, size: number, lang: Lang): TextRun {
  return new TextRun({ text, font: fonts(role), size, language: language(lang) });
}

function para(block: Exclude<Block, { type: "table" }>, lang: Lang): Paragraph {
  const exact = { line: LINE, lineRule: LineRuleType.EXACT };
  switch (block.type) {
    case "title":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { line: Math.round(LINE * 1.25), lineRule: LineRuleType.EXACT, after: LINE },
        children: [run(block.text, "title", SIZE.title, lang)],
      });
    case "subtitle":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { ...exact, after: LINE / 2 },
        children: [run(block.text, "heading2", SIZE.body, lang)],
      });
    case "heading1":
      return new Paragraph({
        indent: { firstLine: INDENT_2 },
        keepNext: true,
        spacing: exact,
        children: [run(block.text, "heading1", SIZE.body, lang)],
      });
    case "heading2":
      return new Paragraph({
        indent: { firstLine: INDENT_2 },
        keepNext: true,
        spacing: exact,
        children: [run(block.text, "heading2", SIZE.body, lang)],
      });
    case "caption":
      return new Paragraph({
        alignment: AlignmentType.CENTER,
        keepNext: true,
        spacing: { before: 120, after: 60, line: 360, lineRule: LineRuleType.AUTO },
        children: [run(block.text, "heading1", SIZE.note, lang)],
      });
    case "note":
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        spacing: { before: 60, after: 120, line: 300, lineRule: LineRuleType.AUTO },
        children: [run(block.text, "body", SIZE.table, lang)],
      });
    default:
      return new Paragraph({
        alignment: AlignmentType.JUSTIFIED,
        indent: { firstLine: INDENT_2 },
        spacing: exact,
        children: [run(block.text, "body", SIZE.body, lang)],
      });
  }
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: "000000" };

function cell(
  text: string,
  widthTwip: number,
  head: boolean,
  align: (typeof AlignmentType)[keyof typeof AlignmentType],
  lang: Lang,
): TableCell {
  // A line break in the model's text ("67,000\n（2025年）") is a second paragraph in the cell.
  const lines = text.split("\n");
  return new TableCell({
    width: { size: widthTwip, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { left: 40, right: 40, top: 20, bottom: 20 },
    borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER },
    children: lines.map(
      (line, i) =>
        new Paragraph({
          alignment: align,
          spacing: { line: 260, lineRule: LineRuleType.AUTO },
          children: [run(line, head ? "heading1" : "body", (lang === "zh" ? SIZE.table : SIZE.tableLatin) - (i > 0 ? 3 : 0), lang)],
        }),
    ),
  });
}

function table(block: Extract<Block, { type: "table" }>, lang: Lang): Table {
  const widths = block.widthsMm.map((mm) => convertMillimetersToTwip(mm));
  // Names left, figures and status centred; headers centred.
  const alignOf = (j: number) => (j === 1 ? AlignmentType.LEFT : AlignmentType.CENTER);
  return new Table({
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    alignment: AlignmentType.CENTER,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: block.header.map((h, j) => cell(h, widths[j], true, AlignmentType.CENTER, lang)),
      }),
      ...block.rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c, j) => cell(c, widths[j], false, alignOf(j), lang)) })),
    ],
  });
}

function pageFooter(model: ReportModel, side: "odd" | "even"): Footer {
  const [before, after] = TEXT[model.lang].page("\u0000").split("\u0000");
  return new Footer({
    children: [
      new Paragraph({
        alignment: side === "odd" ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // One character in from the edge of the text block, as GB/T 9704 puts page numbers.
        indent: side === "odd" ? { right: 280 } : { left: 280 },
        children: [
          new TextRun({
            children: [before, PageNumber.CURRENT, after],
            font: fonts("pageNumber"),
            size: SIZE.pageNumber,
            language: language(model.lang),
          }),
        ],
      }),
    ],
  });
}

/** word/fontTable.xml naming each font's fallback, charset (GB2312) and family. */
export function fontTableXml(): string {
  const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");
  const entries = Object.values(REPORT_FONTS).map((f) => {
    const cjk = f.name !== REPORT_FONTS.latin.name;
    return (
      `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.alt)}"/>` +
      `<w:charset w:val="${cjk ? "86" : "00"}"/><w:family w:val="${f.family}"/><w:pitch w:val="variable"/></w:font>`
    );
  });
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${entries.join("")}</w:fonts>`
  );
}

export function reportDocument(model: ReportModel): Document {
  const children: Array<Paragraph | Table> = model.blocks.map((b) => (b.type === "table" ? table(b, model.lang) : para(b, model.lang)));
  return new Document({
    creator: "知识产权规划目标 IP plan targets",
    title: model.title,
    evenAndOddHeaderAndFooters: true,
    styles: {
      default: {
        document: {
          run: { font: fonts("body"), size: SIZE.body, language: language(model.lang) },
        },
      },
    },
    sections: [
      {
        properties: {
          page: {
            // A4 as Word writes it (210 × 297 mm rounds to 11906 × 16838 twips; docx's helper floors to 11905 × 16837).
            size: { width: 11906, height: 16838 },
            margin: {
              top: convertMillimetersToTwip(37),
              bottom: convertMillimetersToTwip(35),
              left: convertMillimetersToTwip(28),
              right: convertMillimetersToTwip(26),
              header: convertMillimetersToTwip(15),
              footer: convertMillimetersToTwip(21),
            },
          },
        },
        footers: { default: pageFooter(model, "odd"), even: pageFooter(model, "even") },
        children,
      },
    ],
  });
}

/** The .docx file's bytes (Node and browser alike). */
export async function buildReportDocx(model: ReportModel): Promise<Uint8Array> {
  const doc = reportDocument(model);
  const buffer = await Packer.toArrayBuffer(doc, false, [{ path: "word/fontTable.xml", data: fontTableXml() }]);
  return new Uint8Array(buffer);
}
