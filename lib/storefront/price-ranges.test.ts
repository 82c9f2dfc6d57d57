import { describe, expect, it } from "vitest";
import { priceRanges } from "./price-ranges";

describe("price ranges", () => {
  it("splits the bounds at round numbers (1, 2, 5 × 10ⁿ) inside them", () => {
    expect(priceRanges(9.99, 199)).toEqual([{ max: "50" }, { min: "50", max: "100" }, { min: "100" }]);
    expect(priceRanges(0, 1000)).toEqual([{ max: "200" }, { min: "200", max: "500" }, { min: "500" }]);
  });

  it("gives nothing for a single price or empty bounds", () => {
    expect(priceRanges(20, 20)).toEqual([]);
    expect(priceRanges(0, 0)).toEqual([]);
  });
});
