import { describe, expect, it } from "vitest";
import { priceRanges } from "./price-ranges";

describe("price ranges", () => {
  it("splits the spread at multiples of a round step (1, 2, 5 × 10ⁿ), half a step inside the bounds", () => {
    expect(priceRanges(34.99, 393.99)).toEqual([{ max: "100" }, { min: "100", max: "200" }, { min: "200", max: "300" }, { min: "300" }]);
    expect(priceRanges(96.99, 413.99)).toEqual([{ max: "200" }, { min: "200", max: "300" }, { min: "300" }]);
    expect(priceRanges(9.99, 199)).toEqual([{ max: "50" }, { min: "50", max: "100" }, { min: "100", max: "150" }, { min: "150" }]);
    expect(priceRanges(0.5, 2)).toEqual([{ max: "1" }, { min: "1", max: "1.5" }, { min: "1.5" }]);
  });

  it("gives nothing for a single price or empty bounds", () => {
    expect(priceRanges(20, 20)).toEqual([]);
    expect(priceRanges(0, 0)).toEqual([]);
  });
});
