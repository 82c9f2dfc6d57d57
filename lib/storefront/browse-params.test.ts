import { describe, expect, it } from "vitest";
import { browseQuery, browseSearch, CLEARED_FILTERS, hasFilters, parseBrowseParams, parseSearchParams, toBrowseFilters, toSearchInput } from "./browse-params";

describe("browse params", () => {
  it("reads repeated brands, attribute filters, price bounds, sort and page", () => {
    const state = parseBrowseParams({
      brand: ["acme", "zen", "acme"], "attr.material": "linen", "attr.colour": ["red", "blue"], min: "10", max: "49.5", sort: "priceAsc", page: "2",
    });
    expect(state).toEqual({
      brands: ["acme", "zen"], attributes: { material: ["linen"], colour: ["red", "blue"] }, min: "10", max: "49.5", sort: "priceAsc", page: 2,
    });
    expect(toBrowseFilters(state)).toEqual({ brands: ["acme", "zen"], attributes: { material: ["linen"], colour: ["red", "blue"] }, minPrice: 1000, maxPrice: 4950 });
    expect(toBrowseFilters(state, "JPY")).toMatchObject({ minPrice: 10, maxPrice: 50 });
  });

  it("drops malformed values instead of failing", () => {
    const state = parseBrowseParams({ min: "abc", max: "-5", sort: "cheapest", page: "0", "attr.bad code!": "x", brand: "" });
    expect(state).toEqual({ brands: [], attributes: {}, min: "", max: "", sort: "newest", page: 1 });
    expect(hasFilters(state)).toBe(false);
    expect(parseBrowseParams({ page: "9999" }).page).toBe(1);
  });

  it("swaps bounds given the wrong way round", () => {
    expect(toBrowseFilters(parseBrowseParams({ min: "50", max: "10" }))).toMatchObject({ minPrice: 1000, maxPrice: 5000 });
  });

  it("writes back every filter and leaves defaults out", () => {
    const state = parseBrowseParams({ brand: ["a", "b"], "attr.material": "linen", min: "10", max: "50", sort: "priceAsc" });
    expect(browseSearch(state, { page: 2 })).toBe("?brand=a&brand=b&attr.material=linen&min=10&max=50&sort=priceAsc&page=2");
    expect(browseQuery(state, { sort: "newest", page: 1, brands: [], attributes: {}, min: "", max: "" })).toEqual({});
    expect(hasFilters(state)).toBe(true);
  });
});

describe("search params", () => {
  it("reads the query, category, shops and rating of the search page, and writes them back without defaults", () => {
    const state = parseSearchParams({ q: "  linen   shirt ", category: "tops", vendor: ["nordic", "nordic"], rating: "4", brand: "acme", sort: "bestSelling" }, "search");
    expect(state).toMatchObject({ q: "linen shirt", category: "tops", vendors: ["nordic"], rating: 4, brands: ["acme"], sort: "bestSelling", defaultSort: "relevance" });
    expect(browseSearch(state)).toBe("?q=linen+shirt&category=tops&brand=acme&vendor=nordic&rating=4&sort=bestSelling");
    expect(browseSearch(state, { ...CLEARED_FILTERS, sort: "relevance" })).toBe("?q=linen+shirt&category=tops");
    expect(hasFilters(state)).toBe(true);
    expect(toSearchInput(state)).toEqual({ q: "linen shirt", category: "tops", brands: ["acme"], vendors: ["nordic"], attrs: {}, rating: 4, sort: "bestSelling", page: 1 });
  });

  it("drops bad values: unknown sorts, ratings outside 1..4, odd category slugs; categories ignore q and relevance", () => {
    const state = parseSearchParams({ sort: "cheapest", rating: "9", category: "a b/c" }, "search");
    expect(state).toMatchObject({ sort: "relevance", q: "" });
    expect(state.rating).toBeUndefined();
    expect(state.category).toBeUndefined();
    const category = parseSearchParams({ q: "x", sort: "relevance", rating: "3" }, "category");
    expect(category).toMatchObject({ sort: "newest", rating: 3 });
    expect(category.q).toBeUndefined();
    expect(browseSearch(category)).toBe("?rating=3");
  });
});
