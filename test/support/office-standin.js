/**
 * An Office/Excel stand-in for the browser e2e (scripts/e2e-browser.mjs), served in place of
 * office.js so the production build runs "inside Excel" in headless Chromium.
 *
 * The workbook is the strict fake of test/support/fake-excel.ts (the one the src/excel tests use),
 * which e2e-browser.mjs transpiles and loads just before this file as globalThis.__FakeExcelModule.
 * This file adds what an add-in page gets from office.js around it:
 *   - Office.onReady → { host: "Excel" }, Office.context.displayLanguage (zh-CN unless
 *     globalThis.__officeStandinOptions.displayLanguage says otherwise), requirement sets;
 *   - Office.context.document.settings (get/set/remove/saveAsync), kept in memory;
 *   - Excel.run over the fake, plus the two calls the task pane makes itself and the fake does not
 *     model: workbook.getSelectedRange() (insert a formula) and application.calculate() (recalculate);
 *   - CustomFunctions.associate, as office.js defines it, for the functions bundle on the same page.
 * The test drives and inspects it through globalThis.__officeStandin.
 */
(function () {
  "use strict";
  var Fake = globalThis.__FakeExcelModule;
  if (!Fake) throw new Error("office-standin.js: load test/support/fake-excel.ts (transpiled) first");
  var options = globalThis.__officeStandinOptions || {};

  var workbook = new Fake.FakeWorkbook(["Sheet1"]);
  workbook.activeSheet = workbook.sheets[0];
  workbook.selection = { sheet: "Sheet1", address: "B2" };

  var state = { calculations: [], settingsSaves: 0, runs: 0, syncDelayMs: options.syncDelayMs || 0 };
  var settingsStore = new Map();

  function quoteSheet(name) {
    return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : "'" + name.replace(/'/g, "''") + "'";
  }

  function currentSelection() {
    return workbook.selection || { sheet: (workbook.activeSheet || workbook.sheets[0]).name, address: "A1" };
  }

  /** workbook.getSelectedRange(): enough for loading its address and writing its top-left cell. */
  function selectedRange(ctx) {
    var address = null;
    var range = {
      load: function () {
        ctx.enqueue(function () {
          var s = currentSelection();
          address = quoteSheet(s.sheet) + "!" + s.address;
        });
        return range;
      },
      get address() {
        if (address == null) throw new Fake.FakeExcelError("PropertyNotLoaded", "The property 'address' of Range is not available.");
        return address;
      },
      getCell: function (row, column) {
        return {
          set formulas(values) {
            if (!Array.isArray(values) || values.length !== 1 || !Array.isArray(values[0]) || values[0].length !== 1) {
              throw new Fake.FakeExcelError("InvalidArgument", "The number of rows or columns in the input array doesn't match the size of the range.");
            }
            var text = values[0][0];
            ctx.enqueue(function () {
              var s = currentSelection();
              var box = Fake.parseAddress(s.address);
              var cell = typeof text === "string" && text.charAt(0) === "=" ? { value: "", formula: text } : { value: text };
              workbook.sheet(s.sheet).set(box.r1 + row, box.c1 + column, cell);
            }, values);
          },
        };
      },
    };
    return range;
  }

  /** The fake's context, with the two calls above added; everything else goes to the strict fake. */
  function extend(ctx) {
    var app = new Proxy(ctx.application, {
      get: function (target, prop) {
        if (prop === "calculate") {
          return function (type) {
            ctx.enqueue(function () { state.calculations.push(type); });
          };
        }
        return Reflect.get(target, prop, target);
      },
    });
    // Excel has the application at context.workbook.application (and context.application).
    var wb = new Proxy(ctx.workbook, {
      get: function (target, prop) {
        if (prop === "getSelectedRange") return function () { return selectedRange(ctx); };
        if (prop === "application") return app;
        return Reflect.get(target, prop, target);
      },
    });
    // Each sync can be made slow, to watch progress and cancel as on a large workbook.
    var sync = function () {
      return new Promise(function (resolve) { setTimeout(resolve, state.syncDelayMs); }).then(function () { return ctx.sync(); });
    };
    return new Proxy(ctx, {
      get: function (target, prop) {
        if (prop === "sync") return sync;
        if (prop === "workbook") return wb;
        if (prop === "application") return app;
        return Reflect.get(target, prop, target);
      },
    });
  }

  var settings = {
    get: function (key) { return settingsStore.has(key) ? JSON.parse(settingsStore.get(key)) : null; },
    set: function (key, value) { settingsStore.set(key, JSON.stringify(value)); },
    remove: function (key) { settingsStore.delete(key); },
    saveAsync: function (a, b) {
      var callback = typeof a === "function" ? a : b;
      state.settingsSaves++;
      setTimeout(function () { if (callback) callback({ status: "succeeded", value: null }); }, 5);
    },
  };

  var info = { host: "Excel", platform: "OfficeOnline" };
  globalThis.Office = {
    HostType: { Excel: "Excel", Word: "Word" },
    PlatformType: { OfficeOnline: "OfficeOnline" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    onReady: function (callback) {
      return new Promise(function (resolve) {
        setTimeout(function () {
          if (typeof callback === "function") callback(info);
          resolve(info);
        }, 10);
      });
    },
    context: {
      displayLanguage: options.displayLanguage || "zh-CN",
      requirements: { isSetSupported: function (name) { return name === "ExcelApi" || name === "SharedRuntime" || name === "CustomFunctionsRuntime"; } },
      document: { settings: settings },
    },
  };

  globalThis.Excel = {
    CalculationType: { recalculate: "Recalculate", full: "Full", fullRebuild: "FullRebuild" },
    run: function (batch) {
      state.runs++;
      return workbook.run(function (ctx) { return batch(extend(ctx)); });
    },
  };

  if (typeof globalThis.CustomFunctions === "undefined") {
    var mappings = {};
    globalThis.CustomFunctions = {
      associate: function (id, fn) { mappings[String(id).toUpperCase()] = fn; },
      _mappings: mappings,
    };
  }

  /** For the test: the workbook, and the official's typing into a plan's sheet. */
  globalThis.__officeStandin = {
    workbook: workbook,
    state: state,
    settings: settingsStore,
    /** The id → body-row table of a plan (by the add-in's mark). */
    table: function (planId) { return workbook.markedTable("IPTargets." + planId); },
    typeActual: function (planId, targetId, year, value) {
      var table = workbook.markedTable("IPTargets." + planId);
      var headers = table.headers();
      var idCol = headers.indexOf("编号");
      for (var i = 0; i < table.rows; i++) {
        if (table.sheet.value(table.top + 1 + i, table.left + idCol) === targetId) {
          workbook.type(table, i, year + "年实际", value);
          return true;
        }
      }
      return false;
    },
    sheetNames: function () { return workbook.sheets.map(function (s) { return s.name; }); },
    cellAtSelection: function () {
      var s = currentSelection();
      var box = Fake.parseAddress(s.address);
      return workbook.sheet(s.sheet).get(box.r1, box.c1) || null;
    },
    selection: function () { return workbook.selection; },
    select: function (sheet, address) { workbook.selection = { sheet: sheet, address: address }; },
    setSyncDelay: function (ms) { state.syncDelayMs = ms; },
  };
})();
