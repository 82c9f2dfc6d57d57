import { describe, expect, it } from "vitest";
import { emptyDraft, emptyVariant, fieldOfServerError, generateVariants, minorToText, toInput, variantsMatchOptions, type OptionDraft, type ProductDraft } from "./product-draft";

const colour: OptionDraft = { key: "o1", name: "Colour", values: ["Red", "Blue"] };
const size: OptionDraft = { key: "o2", name: "Size", values: ["S", "M"] };

function filled(): ProductDraft {
  return { ...emptyDraft("en"), title: "Linen shirt", categoryId: "cat1", variants: [{ ...emptyVariant(), sku: "SHIRT", price: "12.50" }] };
}

describe("generateVariants", () => {
  it("builds every combination with unique SKUs", () => {
    const variants = generateVariants([colour, size], [], "Linen shirt");
    expect(variants.map((v) => v.optionValues)).toEqual([
      { Colour: "Red", Size: "S" }, { Colour: "Red", Size: "M" }, { Colour: "Blue", Size: "S" }, { Colour: "Blue", Size: "M" },
    ]);
    expect(new Set(variants.map((v) => v.sku)).size).toBe(4);
    expect(variants[0]!.sku).toBe("LINEN-SHIRT-RED-S");
    expect(variantsMatchOptions([colour, size], variants)).toBe(true);
  });

  it("keeps the data of combinations that still exist and extends variants when an option is added", () => {
    const first = generateVariants([colour], [{ ...emptyVariant(), id: "v-single", sku: "SHIRT", price: "10.00" }], "Shirt");
    // The single variant becomes Red (keeps id and SKU); Blue copies its price.
    expect(first.map((v) => [v.id, v.sku, v.price])).toEqual([["v-single", "SHIRT", "10.00"], [undefined, "SHIRT-BLUE", "10.00"]]);
    const edited = first.map((v) => (v.optionValues.Colour === "Blue" ? { ...v, id: "v-blue", price: "11.00", weight: "300" } : v));
    const second = generateVariants([colour, size], edited, "Shirt");
    const blueS = second.find((v) => v.optionValues.Colour === "Blue" && v.optionValues.Size === "S")!;
    const blueM = second.find((v) => v.optionValues.Colour === "Blue" && v.optionValues.Size === "M")!;
    expect(blueS).toMatchObject({ id: "v-blue", price: "11.00", weight: "300" });
    expect(blueM).toMatchObject({ id: undefined, price: "11.00", weight: "300" });
    // Ids are never given to two variants.
    const ids = second.flatMap((v) => (v.id ? [v.id] : []));
    expect(new Set(ids).size).toBe(ids.length);
    // A removed value drops its variants; the others are untouched.
    const third = generateVariants([{ ...colour, values: ["Blue"] }, size], second, "Shirt");
    expect(third).toHaveLength(2);
    expect(third[0]).toEqual(blueS);
  });

  it("falls back to one plain variant without options", () => {
    const variants = generateVariants([], [{ ...emptyVariant({ Colour: "Red" }), id: "v1", sku: "A", price: "5" }], "x");
    expect(variants).toHaveLength(1);
    expect(variants[0]).toMatchObject({ id: "v1", sku: "A", optionValues: {} });
  });
});

describe("toInput", () => {
  it("turns typed prices into minor units and optional numbers into null", () => {
    const { input, errors } = toInput(filled(), "vendor1");
    expect(errors).toEqual({});
    expect(input!.variants[0]).toMatchObject({ sku: "SHIRT", price: 1250, compareAtPrice: null, weightGrams: null, barcode: null });
    expect(input!.brandId).toBeNull();
  });

  it("reports fields the way the server names them", () => {
    const draft = filled();
    draft.title = "x";
    draft.categoryId = "";
    draft.variants = [{ ...draft.variants[0]!, price: "12.555", compareAt: "10", sku: "bad sku" }];
    const { input, errors } = toInput(draft, "vendor1");
    expect(input).toBeNull();
    expect(errors.title?.key).toBe("validation.tooShort");
    expect(errors.categoryId?.key).toBe("products.categoryNotFound");
    expect(errors["variants.0.price"]?.key).toBe("validation.invalid");
    expect(errors["variants.0.sku"]?.key).toBe("products.skuInvalid");
  });

  it("flags a compare-at price that is not above the price, and duplicate SKUs", () => {
    const draft = filled();
    draft.options = [colour];
    draft.variants = generateVariants([colour], draft.variants, "Shirt").map((v) => ({ ...v, sku: "SAME", compareAt: "12.50" }));
    const { errors } = toInput(draft, "vendor1");
    expect(errors["variants.0.compareAtPrice"]?.key).toBe("products.compareAtTooLow");
    expect(errors["variants.1.sku"]).toEqual({ key: "products.skuDuplicate", params: { sku: "SAME" } });
  });

  it("sends only filled translations other than the writing language", () => {
    const draft = filled();
    draft.translations = { fr: { title: "Chemise en lin", description: "<p>Belle</p>" }, es: { title: "", description: "<p><br></p>" }, en: { title: "Ignored", description: "" } };
    expect(toInput(draft, "v").input!.translations).toEqual([{ locale: "fr", title: "Chemise en lin", description: "<p>Belle</p>" }]);
  });
});

describe("server errors", () => {
  it("land on the variant row named by the SKU, or the field named by the key", () => {
    const draft = filled();
    draft.variants.push({ ...emptyVariant(), sku: "OTHER" });
    expect(fieldOfServerError(draft, "products.skuTaken", { sku: "other" })).toBe("variants.1.sku");
    expect(fieldOfServerError(draft, "products.compareAtTooLow", { sku: "SHIRT" })).toBe("variants.0.compareAtPrice");
    expect(fieldOfServerError(draft, "products.attributeInvalid", { code: "material" })).toBe("attributes.material");
    expect(fieldOfServerError(draft, "products.brandNotFound", {})).toBe("brandId");
    expect(minorToText(1250, "USD")).toBe("12.50");
    expect(minorToText(1250, "JPY")).toBe("1250");
  });
});
