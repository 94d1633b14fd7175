import { chartFrame } from "../../src/taskpane/components/chart-frame";

const BOX = { width: 300, height: 200, margin: { left: 40, right: 10, top: 20, bottom: 20 } };

describe("chartFrame (both charts place points through it)", () => {
  it("maps the first and last year to the plot's edges and the values inside the padded range", () => {
    const f = chartFrame([{ year: 2021, value: 0 }, { year: 2025, value: 100 }], BOX, { pad: 0.1, yearTicks: 4 })!;
    expect(f.x(2021)).toBe(40);
    expect(f.x(2025)).toBe(290);
    expect([f.lo, f.hi]).toEqual([-10, 110]);
    expect(f.y(110)).toBe(20);
    expect(f.y(-10)).toBe(180);
    expect(f.yearTicks).toEqual([2021, 2022, 2023, 2024, 2025]);
    expect(f.ticks.every((t) => t >= f.lo && t <= f.hi)).toBe(true);
    expect(f.line([{ year: 2021, value: 110 }])).toBe("40.0,20.0");
  });

  it("keeps a value in view (100 % of a target) when every point is below it, and spreads a flat series", () => {
    const f = chartFrame([{ year: 2023, value: 40 }, { year: 2024, value: 60 }], BOX, { pad: 0, keepInView: 100, yearTicks: 5 })!;
    expect(f.hi).toBe(100);
    expect(f.lo).toBe(40);
    const flat = chartFrame([{ year: 2024, value: 5 }], BOX, { pad: 0, yearTicks: 5 })!;
    expect([flat.lo, flat.hi, flat.y0, flat.y1]).toEqual([4.5, 5.5, 2024, 2025]);
    expect(chartFrame([], BOX, { pad: 0, yearTicks: 5 })).toBeNull();
  });
});
