/** The stand-in raises what Excel raises, so the edge's tests mean something. */
import { FakeExcelError, FakeWorkbook } from "../support/fake-excel";

const code = async (p: Promise<unknown>) => {
  try {
    await p;
    return "no error";
  } catch (e) {
    return e instanceof FakeExcelError ? e.code : String(e);
  }
};

describe("the Excel stand-in", () => {
  // This test reads properties before load and sync on purpose: the stand-in must refuse them.
  /* eslint-disable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */
  it("refuses to read a property that was not loaded and synced", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      const range = context.workbook.worksheets.getItem("Sheet1").getRange("A1:B2");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      range.load("values");
      expect(() => range.values).toThrow(/PropertyNotLoaded/);
      await context.sync();
      expect(range.values).toEqual([
        ["", ""],
        ["", ""],
      ]);
      expect(() => range.formulas).toThrow(/PropertyNotLoaded/);
      const sheets = context.workbook.worksheets;
      expect(() => sheets.items).toThrow(/PropertyNotLoaded/);
    });
  });
  /* eslint-enable office-addins/call-sync-before-read, office-addins/load-object-before-read, office-addins/call-sync-after-load */

  it("refuses arrays whose size does not match the range, at sync", async () => {
    const wb = new FakeWorkbook();
    expect(
      await code(
        wb.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1:C2").values = [[1, 2, 3]];
          await context.sync();
        }),
      ),
    ).toBe("InvalidArgument");
  });

  it("keeps what ran before an error in a batch, and nothing after it", async () => {
    const wb = new FakeWorkbook();
    await code(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1").values = [[1]];
        context.workbook.worksheets.getItem("missing").getRange("A1").values = [[2]];
        ws.getRange("A2").values = [[3]];
        await context.sync();
      }),
    );
    expect(wb.sheet("Sheet1").value(0, 0)).toBe(1);
    expect(wb.sheet("Sheet1").value(1, 0)).toBe("");
  });

  it.each([
    ["a name of 32 characters", "一二三四五六七八九十一二三四五六七八九十一二三四五六七八九十一二"],
    ["a colon", "a:b"],
    ["brackets", "[x]"],
    ["a slash", "a/b"],
    ["a question mark", "what?"],
    ["an asterisk", "a*"],
    ["a backslash", "a\\b"],
    ["a leading apostrophe", "'x"],
    ["an empty name", ""],
  ])("refuses a sheet name with %s", async (_what, name) => {
    const wb = new FakeWorkbook();
    expect(
      await code(
        wb.run(async (context) => {
          context.workbook.worksheets.add(name);
          await context.sync();
        }),
      ),
    ).toBe("InvalidArgument");
  });

  it("refuses duplicate sheet, table and workbook names (case-insensitive)", async () => {
    const wb = new FakeWorkbook(["总览"]);
    const attempt = (f: (context: Excel.RequestContext) => void) =>
      code(
        wb.run(async (context) => {
          f(context);
          await context.sync();
        }),
      );
    expect(await attempt((c) => c.workbook.worksheets.add("总览"))).toBe("ItemAlreadyExists");
    await attempt((c) => {
      const ws = c.workbook.worksheets.getItem("总览");
      ws.getRange("A1:B1").values = [["a", "b"]];
      ws.tables.add("A1:B3", true).name = "IP_JZ";
    });
    expect(
      await attempt((c) => {
        const ws = c.workbook.worksheets.getItem("总览");
        ws.getRange("D1:E1").values = [["a", "b"]];
        ws.tables.add("D1:E3", true).name = "ip_jz";
      }),
    ).toBe("ItemAlreadyExists");
    expect(await attempt((c) => c.workbook.names.add("IP_JZ", "=总览!$A$1"))).toBe("ItemAlreadyExists");
    expect(await attempt((c) => c.workbook.worksheets.getItem("总览").tables.add("A2:B4", true))).toBe("InvalidArgument");
  });

  it("refuses structured references to headers a table does not have", async () => {
    const wb = new FakeWorkbook();
    const result = await code(
      wb.run(async (context) => {
        const ws = context.workbook.worksheets.getItem("Sheet1");
        ws.getRange("A1:B1").values = [["编号", "状态 Status"]];
        ws.tables.add("A1:B2", true);
        await context.sync();
        ws.getRange("B2").formulas = [["=[@[状态]]"]];
        await context.sync();
      }),
    );
    expect(result).toBe("InvalidArgument");
  });

  it("refuses a request over 5 MB", async () => {
    const wb = new FakeWorkbook();
    const big = Array.from({ length: 2000 }, () => ["中".repeat(1000)]);
    expect(
      await code(
        wb.run(async (context) => {
          context.workbook.worksheets.getItem("Sheet1").getRange("A1:A2000").values = big;
          await context.sync();
        }),
      ),
    ).toBe("RequestPayloadSizeLimitExceeded");
  });

  it("throws on any API it does not model", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1") as unknown as Record<string, unknown>;
      expect(() => ws.protection).toThrow(/not modelled/);
      expect(() => (context.workbook as unknown as Record<string, unknown>).bindings).toThrow(/not modelled/);
    });
  });

  it("columnHidden: hides (and shows) every sheet column a range touches, whatever its rows", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      const ws = context.workbook.worksheets.getItem("Sheet1");
      ws.getRange("C3:E3").columnHidden = true;
      ws.getRange("D9").columnHidden = false;
      await context.sync();
    });
    expect([...wb.sheets[0].hiddenColumns].sort()).toEqual([2, 4]);
  });

  it("counts syncs, including Excel.run's final one for queued work", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.worksheets.getItem("Sheet1").getRange("A1").values = [[1]];
      await context.sync();
      context.workbook.worksheets.getItem("Sheet1").getRange("A2").values = [[2]];
    });
    expect(wb.syncs).toBe(2);
  });
});

/** A table T at A1:C5 (header + 4 rows) on Sheet1, made through the API. */
async function tableWith(wb: FakeWorkbook, column: Array<string | number>) {
  await wb.run(async (context) => {
    const ws = context.workbook.worksheets.getItem("Sheet1");
    ws.getRange("A1:C1").values = [["id", "x", "f"]];
    ws.getRange("A2:B5").values = [["a", 1], ["b", 2], ["c", 3], ["d", 4]];
    ws.getRange("C2:C5").values = column.map((v) => [v]);
    const t = ws.tables.add("A1:C5", true);
    t.name = "T";
    await context.sync();
  });
  return wb.table("T");
}
const formulasOf = (wb: FakeWorkbook, col = 2) => [1, 2, 3, 4].map((r) => wb.sheet("Sheet1").get(r, col)?.formula ?? wb.sheet("Sheet1").value(r, col));
const put = (wb: FakeWorkbook, address: string, data: Array<Array<string | number | null>>) =>
  wb.run(async (context) => {
    context.workbook.worksheets.getItem("Sheet1").getRange(address).formulas = data;
    await context.sync();
  });

describe("the stand-in's real Excel behaviours", () => {
  it("calculated columns: a formula written into one cell of an empty table column fills the column (#2093)", async () => {
    const wb = new FakeWorkbook();
    await tableWith(wb, ["", "", "", ""]);
    await put(wb, "C3", [["=B3*2"]]);
    expect(formulasOf(wb)).toEqual(["=B2*2", "=B3*2", "=B4*2", "=B5*2"]);
  });

  it("calculated columns: different formulas over the whole column become the last one (#5909, #6745)", async () => {
    const wb = new FakeWorkbook();
    await tableWith(wb, ["", "", "", ""]);
    await put(wb, "C2:C5", [["=B2+1"], ["=B3+2"], ["=B4+3"], ["=B5+4"]]);
    expect(formulasOf(wb)).toEqual(["=B2+4", "=B3+4", "=B4+4", "=B5+4"]);
  });

  it("calculated columns: a new formula in one cell of a calculated column replaces the column's, blanks and nulls included (#1916)", async () => {
    const wb = new FakeWorkbook();
    await tableWith(wb, ["", "", "", ""]);
    await put(wb, "C2:C5", [["=B2"], ["=B3"], ["=B4"], ["=B5"]]);
    await put(wb, "C3:C4", [["=B3*10"], [null]]);
    expect(formulasOf(wb)).toEqual(["=B2*10", "=B3*10", "=B4*10", "=B5*10"]);
  });

  it("calculated columns: no fill where the column holds values or differing formulas, or with the option off", async () => {
    const wb = new FakeWorkbook();
    await tableWith(wb, [7, "", "", ""]);
    await put(wb, "C3", [["=B3*2"]]);
    expect(formulasOf(wb)).toEqual([7, "=B3*2", "", ""]);
    const mixed = new FakeWorkbook();
    mixed.behaviour.calculatedColumns = false;
    await tableWith(mixed, ["=B2+1", "=B3+2", "", ""]);
    mixed.behaviour.calculatedColumns = true;
    await put(mixed, "C4", [["=B4*2"]]);
    expect(formulasOf(mixed)).toEqual(["=B2+1", "=B3+2", "=B4*2", ""]);
    const off = new FakeWorkbook();
    off.behaviour.calculatedColumns = false;
    await tableWith(off, ["", "", "", ""]);
    await put(off, "C2:C5", [["=B2+1"], ["=B3+2"], ["=B4+3"], ["=B5+4"]]);
    expect(formulasOf(off)).toEqual(["=B2+1", "=B3+2", "=B4+3", "=B5+4"]);
  });

  it("calculated columns: rows added to the table get the column's formula; a value written later stays", async () => {
    const wb = new FakeWorkbook();
    const t = await tableWith(wb, ["", "", "", ""]);
    await put(wb, "C2:C5", [["=B2"], ["=B3"], ["=B4"], ["=B5"]]);
    await wb.run(async (context) => {
      context.workbook.tables.getItem("T").rows.add(undefined, [["e", 5, ""]]);
      await context.sync();
    });
    expect(t.rows).toBe(5);
    expect(wb.sheet("Sheet1").get(5, 2)?.formula).toBe("=B6");
    await put(wb, "C3", [[99]]);
    expect(formulasOf(wb)).toEqual(["=B2", 99, "=B4", "=B5"]);
  });

  it("sorting moves formulas with their rows", async () => {
    const wb = new FakeWorkbook();
    const t = await tableWith(wb, ["=B2", "=B3", "=B4", "=B5"]);
    wb.sort(t, "x", true);
    expect(formulasOf(wb)).toEqual(["=B2", "=B3", "=B4", "=B5"]);
    expect(formulasOf(wb, 0)).toEqual(["d", "c", "b", "a"]);
  });

  it("filtered rows: a write across rows a filter hides lands on the visible rows in turn (#224)", async () => {
    const wb = new FakeWorkbook();
    const t = await tableWith(wb, [0, 0, 0, 0]);
    wb.filter(t, "x", (v) => v !== 2 && v !== 3);
    await put(wb, "A2:A5", [["A"], ["B"], ["C"], ["D"]]);
    expect(formulasOf(wb, 0)).toEqual(["A", "b", "c", "B"]);
    wb.clearFilter(t);
    await put(wb, "A2:A5", [["A"], ["B"], ["C"], ["D"]]);
    expect(formulasOf(wb, 0)).toEqual(["A", "B", "C", "D"]);
  });

  it("filtered rows: rows cannot be added to a filtered table; the filter's criteria go back on by column", async () => {
    const wb = new FakeWorkbook();
    const t = await tableWith(wb, [0, 0, 0, 0]);
    wb.filter(t, "x", (v) => v === 1);
    const add = wb.run(async (context) => {
      context.workbook.tables.getItem("T").rows.add(undefined, [["e", 5, 0]]);
      await context.sync();
    });
    expect(await code(add)).toBe("InvalidOperation");
    await wb.run(async (context) => {
      const table = context.workbook.tables.getItem("T");
      const filter = table.autoFilter.load("isDataFiltered,criteria");
      await context.sync();
      expect(filter.isDataFiltered).toBe(true);
      table.clearFilters();
      await context.sync();
      expect(t.sheet.hiddenRows.size).toBe(0);
      table.columns.getItem("x").filter.apply(filter.criteria[1]);
      await context.sync();
    });
    expect(t.sheet.hiddenRows.size).toBe(3);
  });

  it("names: hiding one may do nothing (#3878, #3949); a LAMBDA name is refused where Excel has no LAMBDA", async () => {
    const wb = new FakeWorkbook();
    await wb.run(async (context) => {
      context.workbook.names.add("Mine", "=Sheet1!$A$1").visible = false;
      await context.sync();
    });
    expect(wb.names[0].visible).toBe(true);
    const lambda = (w: FakeWorkbook) =>
      w.run(async (context) => {
        context.workbook.names.add("TWICE", "=LAMBDA(x,x*2)");
        await context.sync();
      });
    expect(await code(lambda(wb))).toBe("InvalidArgument");
    wb.behaviour.lambda = true;
    expect(await code(lambda(wb))).toBe("no error");
    expect(wb.nameOps).toBe(2);
  });
});
