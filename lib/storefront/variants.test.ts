import { describe, expect, it } from "vitest";
import { initialVariant, isValueAvailable, pickVariant } from "./variants";

const options = [{ name: "Colour", values: ["Red", "Blue", "Green"] }, { name: "Size", values: ["S", "M", "L"] }];
const variants = [
  { id: "red-s", optionValues: { Colour: "Red", Size: "S" } },
  { id: "red-m", optionValues: { Colour: "Red", Size: "M" } },
  { id: "blue-m", optionValues: { Colour: "Blue", Size: "M" } },
  { id: "blue-l", optionValues: { Colour: "Blue", Size: "L" } },
];
const byId = (id: string) => variants.find((v) => v.id === id)!;

describe("variant picking", () => {
  it("offers the values some variant has with the earlier choices", () => {
    const redS = byId("red-s");
    expect(options[0]!.values.map((v) => isValueAvailable(options, variants, redS, 0, v))).toEqual([true, true, false]);
    expect(options[1]!.values.map((v) => isValueAvailable(options, variants, redS, 1, v))).toEqual([true, true, false]);
    expect(options[1]!.values.map((v) => isValueAvailable(options, variants, byId("blue-m"), 1, v))).toEqual([false, true, true]);
  });

  it("keeps as many choices as it can when switching a value", () => {
    expect(pickVariant(options, variants, byId("red-m"), 0, "Blue")?.id).toBe("blue-m");
    // Blue has no S: the colour wins and the size moves to one Blue has.
    expect(pickVariant(options, variants, byId("red-s"), 0, "Blue")?.id).toBe("blue-m");
    expect(pickVariant(options, variants, byId("red-s"), 1, "M")?.id).toBe("red-m");
    expect(pickVariant(options, variants, byId("red-s"), 0, "Green")).toBeNull();
  });

  it("starts from the variant in the URL, else the first", () => {
    expect(initialVariant(variants, "blue-l")?.id).toBe("blue-l");
    expect(initialVariant(variants, "nope")?.id).toBe("red-s");
    expect(initialVariant([], undefined)).toBeNull();
  });
});
