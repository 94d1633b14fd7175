/**
 * The flat catalogue export (docs/data.md "The catalogue export", the contract CI holds against the
 * plans' texts with ../shared/tools/check-provenance.mjs): its shape and the CSV form's escaping.
 * The figures' provenance is checked by check:data (test/catalog/check-data.test.ts).
 */
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { bundledCatalog } from "../../src/core/catalog/bundled";
import { loadCatalog } from "../../src/core/catalog/catalog";
import { csvCell, exportCatalog, exportCsv, type ExportRow } from "../../src/core/catalog/export";
import { minimalPlan, REPO } from "./fixtures";

const catalog = bundledCatalog();
const exported = exportCatalog(catalog);

/** The example row of the export, read from docs/data.md, which states the contract in the repository. */
function contractExample(): Record<string, unknown> {
  const md = fs.readFileSync(path.join(REPO, "docs", "data.md"), "utf8");
  const section = md.slice(md.indexOf("## The catalogue export"));
  const block = /```json\n([\s\S]*?)```/.exec(section);
  if (!block) throw new Error("no JSON example under \"The catalogue export\" in docs/data.md");
  return JSON.parse(block[1]).indicators[0];
}

const isYear = (v: unknown) => Number.isInteger(v) && (v as number) >= 1990 && (v as number) <= 2100;
const numOrNull = (v: unknown) => v === null || (typeof v === "number" && Number.isFinite(v));

describe("the JSON export", () => {
  it("has one row per target, in plan and table order", () => {
    expect(Object.keys(exported)).toEqual(["indicators"]);
    expect(exported.indicators.map((r) => r.id)).toEqual(catalog.plans.flatMap((p) => p.targets.map((t) => t.id)));
  });

  it("every row carries every field of the contract's example, with the contract's types", () => {
    const keys = Object.keys(contractExample());
    expect(keys).toEqual(
      expect.arrayContaining(["id", "plan", "source", "name", "unit", "baseYear", "baseValue", "targetYear", "targetValue", "targetMax", "milestones", "quotes", "derived", "conflicts"]),
    );
    for (const row of exported.indicators as Array<ExportRow & Record<string, unknown>>) {
      for (const k of keys) expect(row).toHaveProperty(k);
      expect(row.id).toMatch(/^[A-Z]{2,4}-\d{2,3}$/);
      expect(row.id.startsWith(row.plan + "-")).toBe(true);
      expect(row.source).toBe(catalog.plan(row.plan)!.source);
      expect(typeof row.name).toBe("string");
      expect(row.name.length).toBeGreaterThan(0);
      expect(typeof row.unit).toBe("string");
      expect(row.baseYear === null || isYear(row.baseYear)).toBe(true);
      expect(row.targetYear === null || isYear(row.targetYear)).toBe(true);
      for (const k of ["baseValue", "targetValue", "targetMax"] as const) expect(numOrNull(row[k])).toBe(true);
      expect(row.milestones).not.toBeNull();
      expect(Array.isArray(row.milestones)).toBe(false);
      for (const [y, v] of Object.entries(row.milestones)) {
        expect(y).toMatch(/^\d{4}$/);
        expect(Number.isFinite(v)).toBe(true);
      }
      expect(row.quotes.length).toBeGreaterThan(0);
      for (const q of row.quotes) expect(typeof q).toBe("string");
      for (const d of row.derived) expect(typeof d).toBe("string");
      for (const c of row.conflicts) {
        expect(Object.keys(c).sort()).toEqual(["field", "quote", "value"]);
        expect(numOrNull(c.value)).toBe(true);
      }
      // Qualitative and yes/no targets carry targetValue null and a quote (the contract's last words).
      if (row.kind === "milestone" || row.kind === "qualitative") expect(row.targetValue).toBeNull();
    }
  });

  it("a row is the target as encoded: JZ-05 in full", () => {
    const row = exported.indicators.find((r) => r.id === "JZ-05");
    expect(row).toEqual({
      id: "JZ-05",
      plan: "JZ",
      source: "000_d68d035b87217626.txt",
      name: "有效商标注册量",
      nameEn: "Valid registered trademarks",
      unit: "件",
      kind: "level",
      comparator: "reach",
      direction: "increase",
      baseYear: 2022,
      baseValue: 49409,
      targetYear: 2025,
      targetValue: 67000,
      targetMax: null,
      milestones: {},
      quotes: [
        "5.有效商标注册量(件)\t49409\t67000\t17591\t预期性",
        "有效商标注册量达6.7万件",
        "有效注册商标49409件",
        "截止2025年末知识产权发展主要目标\t指标\t2022年\t2025年\t累计增加值\t属性",
      ],
      derived: [],
      conflicts: [],
    });
  });

  it("milestones are year → value and derived names the fields (XZ-32)", () => {
    // 附件2 知识产权经费（万元） 100/150/200: the header unit 万元 scales each cell to yuan.
    const row = exported.indicators.find((r) => r.id === "XZ-32")!;
    expect(row.milestones).toEqual({ "2024": 1000000, "2025": 1500000 });
    expect(row.targetValue).toBe(2000000);
    expect(row.derived).toEqual(["targetValue", "milestones.2024", "milestones.2025"]);
    expect(row.conflicts).toEqual([]);
  });

  it("conflicts carry the field, the figure and the quote; a conflicting figure is no milestone (XZ-05)", () => {
    const row = exported.indicators.find((r) => r.id === "XZ-05")!;
    expect(row.milestones).toEqual({});
    expect(row.derived).toEqual([]);
    const quote = "知识产权质押融资贷款额（亿）\t0.5\t0.8\t1";
    expect(row.conflicts).toEqual([
      { field: "milestones.2024", value: 50000000, quote },
      { field: "milestones.2025", value: 80000000, quote },
    ]);
  });

  it("can be limited to some plans", () => {
    const only = exportCatalog(catalog, ["XC", "JY"]).indicators;
    expect(new Set(only.map((r) => r.plan))).toEqual(new Set(["XC", "JY"]));
    expect(only).toHaveLength(catalog.plan("XC")!.targets.length + catalog.plan("JY")!.targets.length);
    expect(exportCatalog(catalog, []).indicators).toHaveLength(catalog.size);
  });

  it("npm run catalog -- --json prints the same export", () => {
    const out = execFileSync(process.execPath, [path.join(REPO, "node_modules", "tsx", "dist", "cli.mjs"), "scripts/catalog.ts", "--json"], {
      cwd: REPO,
      encoding: "utf8",
    });
    // The script reads data/plans/ in file-name order (HN, JY, JZ, XC, XZ); the bundle in its own.
    const byId = (a: ExportRow, b: ExportRow) => a.id.localeCompare(b.id);
    const printed = JSON.parse(out) as { indicators: ExportRow[] };
    expect([...printed.indicators].sort(byId)).toEqual([...exported.indicators].sort(byId));
  });
});

/** RFC 4180 reader, enough to read back what exportCsv writes. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      row.push(cell);
      cell = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = "";
      i++;
    } else cell += c;
  }
  if (cell !== "" || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

describe("CSV escaping", () => {
  it.each([
    ["plain", "plain"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["line1\nline2", '"line1\nline2"'],
    ["line1\r\nline2", '"line1\r\nline2"'],
    ["=1+2", "'=1+2"],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ["+1", "'+1"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["-cmd", "'-cmd"],
    ["-5", "-5"],
    ["-0.5", "-0.5"],
    ["2.68", "2.68"],
    ["", ""],
    ["有效商标注册量", "有效商标注册量"],
  ])("%j → %j", (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });

  it("numbers, null and empty values", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell(0)).toBe("0");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
  });

  it("lists join with | and objects as key:value; both are escaped as text", () => {
    expect(csvCell(["a", "b"])).toBe("a | b");
    expect(csvCell({ "2024": 50000000, "2025": 80000000 })).toBe("2024:50000000; 2025:80000000");
    expect(csvCell([{ field: "targetValue", value: 10, quote: "达到 10 家" }])).toBe('"{""field"":""targetValue"",""value"":10,""quote"":""达到 10 家""}"');
    expect(csvCell(["=cmd", "b"])).toBe("'=cmd | b");
  });

  // A cell that begins with "-" and a digit is only safe when it is a number as a whole:
  // "-1+1" or "-2+3+cmd|' /C calc'!A0" is a formula to Excel and WPS. csvCell exempts any text
  // that merely starts like a number (the test /^-?\d/), so such a cell is written unprefixed.
  it.each(["-1+1", "-2+3+cmd|' /C calc'!A0"])("text that starts like a negative number but is a formula: %j", (input) => {
    expect(csvCell(input).replace(/^"/, "")).toMatch(/^'/);
  });

  it("exportCsv: a BOM, a header, one CRLF-terminated row per target, each read back to its fields", () => {
    const csv = exportCsv(catalog);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(csv.endsWith("\r\n")).toBe(true);
    const rows = parseCsv(csv.slice(1));
    const [head, ...body] = rows;
    expect(head).toEqual([
      "id", "plan", "source", "name", "nameEn", "unit", "kind", "comparator", "direction", "baseYear", "baseValue",
      "targetYear", "targetValue", "targetMax", "milestones", "quotes", "derived", "conflicts",
    ]);
    expect(body).toHaveLength(catalog.size);
    for (const r of body) expect(r).toHaveLength(head.length);
    const jz05 = body.find((r) => r[0] === "JZ-05")!;
    const col = (name: string) => jz05[head.indexOf(name)];
    expect(col("name")).toBe("有效商标注册量");
    expect(col("baseValue")).toBe("49409");
    expect(col("targetValue")).toBe("67000");
    expect(col("targetMax")).toBe("");
    expect(col("quotes")).toBe(
      "5.有效商标注册量(件)\t49409\t67000\t17591\t预期性 | 有效商标注册量达6.7万件 | 有效注册商标49409件 | " +
        "截止2025年末知识产权发展主要目标\t指标\t2022年\t2025年\t累计增加值\t属性",
    );
    const xz32 = body.find((r) => r[0] === "XZ-32")!;
    expect(xz32[head.indexOf("milestones")]).toBe("2024:1000000; 2025:1500000");
    const xz05 = body.find((r) => r[0] === "XZ-05")!;
    expect(xz05[head.indexOf("milestones")]).toBe("");
    // Conflicts are objects: each written as its JSON (the tab in the quote escaped as \t), joined by " | ".
    expect(xz05[head.indexOf("conflicts")]).toBe(
      '{"field":"milestones.2024","value":50000000,"quote":"知识产权质押融资贷款额（亿）\\t0.5\\t0.8\\t1"} | ' +
        '{"field":"milestones.2025","value":80000000,"quote":"知识产权质押融资贷款额（亿）\\t0.5\\t0.8\\t1"}',
    );
    const hn32 = body.find((r) => r[0] === "HN-32")!;
    expect([hn32[head.indexOf("targetValue")], hn32[head.indexOf("targetMax")]]).toEqual(["3", "5"]);
  });

  it("exportCsv escapes what a plan file may hold: commas, quotes, line breaks and a leading =", () => {
    const p = minimalPlan();
    p.targets[0].name = { zh: '=HYPERLINK("x")', en: "Trademarks, valid" };
    p.targets[0].quotes = ['他说"达到130件"\n第二行'];
    const csv = exportCsv(loadCatalog([{ file: "data/plans/TS.json", data: p }]));
    const [head, row] = parseCsv(csv.slice(1));
    expect(row[head.indexOf("name")]).toBe(`'=HYPERLINK("x")`);
    expect(row[head.indexOf("nameEn")]).toBe("Trademarks, valid");
    expect(row[head.indexOf("quotes")]).toBe('他说"达到130件"\n第二行');
  });

  it("exportCsv can be limited to some plans", () => {
    const rows = parseCsv(exportCsv(catalog, ["XC"]).slice(1));
    expect(rows).toHaveLength(1 + catalog.plan("XC")!.targets.length);
  });
});
