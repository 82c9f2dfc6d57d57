import { describe, expect, it } from "vitest";
import { bpsToPercent, percentToBps } from "./commission";

describe("commission rates typed as percent", () => {
  it("parses up to two decimals, a comma or a point, 0 to 100", () => {
    expect(percentToBps("12.5")).toBe(1250);
    expect(percentToBps(" 7,25 ")).toBe(725);
    expect(percentToBps("0")).toBe(0);
    expect(percentToBps("100")).toBe(10_000);
    for (const bad of ["", "100.01", "150", "-1", "1.234", "abc", "1e2"]) expect(percentToBps(bad)).toBeNull();
  });

  it("prints basis points back without trailing zeros", () => {
    expect([1250, 1000, 5, 0, 10_000].map(bpsToPercent)).toEqual(["12.5", "10", "0.05", "0", "100"]);
    for (const bps of [0, 1, 99, 1234, 10_000]) expect(percentToBps(bpsToPercent(bps))).toBe(bps);
  });
});
