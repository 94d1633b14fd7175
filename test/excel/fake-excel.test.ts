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
