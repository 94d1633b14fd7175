/** @jest-environment node */
import { MethodError } from "../../src/core/method/method";
import { enUS } from "../../src/taskpane/i18n/en-US";
import { zhCN } from "../../src/taskpane/i18n/zh-CN";
import { describeError } from "../../src/taskpane/office/errors";
import { NoSelectionError } from "../../src/taskpane/office/workbook";

const office = (code: string) => Object.assign(new Error(code), { code });

describe("describeError", () => {
  it("tells the official to leave cell editing first", () => {
    const e = describeError(office("InvalidOperationInCellEditMode"), "write", zhCN);
    expect(e.detail).toBe(zhCN.errors.cellEditing);
    expect(e.next).toContain("Enter");
  });

  it.each([
    ["AccessDenied", zhCN.errors.protected],
    ["ActivityLimitReached", zhCN.errors.busy],
    ["RequestPayloadSizeLimitExceeded", zhCN.errors.tooLarge],
  ])("maps Office's %s", (code, detail) => {
    expect(describeError(office(code), "write", zhCN).detail).toBe(detail);
  });

  it("asks to select a cell when there is none", () => {
    expect(describeError(new NoSelectionError(), "insert", enUS)).toMatchObject({ detail: enUS.errors.noSelection });
  });

  it("uses the error's own words in the user's language", () => {
    const err = new MethodError("NA", "未知的指标编号", "unknown target id");
    expect(describeError(err, "write", zhCN).detail).toContain("未知的指标编号");
    expect(describeError(err, "write", enUS).detail).toContain("unknown target id");
  });

  it("names the action that failed and what to do next", () => {
    const read = describeError(new Error("sheet gone"), "read", enUS);
    expect(read.detail).toContain(enUS.errors.readActuals);
    expect(read.detail).toContain("sheet gone");
    expect(read.next).toBe(enUS.errors.readActualsNext);
    expect(describeError(new Error("x"), "download", zhCN).next).toBe(zhCN.errors.downloadNext);
    expect(describeError(new Error("x"), "copy", zhCN).next).toBe(zhCN.errors.clipboardNext);
    expect(describeError(new Error("x"), "saveSettings", zhCN).next).toBe(zhCN.errors.saveSettingsNext);
    expect(describeError("weird", "write", zhCN).detail).toContain("weird");
  });
});
