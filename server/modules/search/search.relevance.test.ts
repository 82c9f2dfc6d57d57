// Relevance on the demo catalog (prisma/seed, which indexes it for search as its last step):
// fixed queries and the products expected at the top, typos, synonyms, other languages, facets,
// and hostile input that must never break a page.
import { beforeAll, describe, expect, it } from "vitest";
import { seed } from "@/prisma/seed";
import { db, pool } from "@/server/db";
import { browseProducts } from "@/server/modules/products";
import { searchEngine } from "./providers";
import { createPostgresEngine } from "./providers/postgres";
import { searchProducts, suggest } from "./search.service";
import type { SearchProductsInput } from "./search.schema";

beforeAll(async () => {
  await seed(db);
}, 600_000);

/** Category slugs of the top `n` results (through the product's leaf category). */
async function topCategories(input: SearchProductsInput, n = 10) {
  const page = await searchProducts(db, input);
  const rows = await db.product.findMany({ where: { slug: { in: page.items.slice(0, n).map((i) => i.slug) } }, select: { slug: true, category: { select: { slug: true } } } });
  const bySlug = new Map(rows.map((r) => [r.slug, r.category.slug]));
  return { page, categories: page.items.slice(0, n).map((i) => bySlug.get(i.slug)) };
}

describe("text relevance", () => {
  it("finds a product noun: every top result is in that category", async () => {
    const { page, categories } = await topCategories({ q: "headphones" });
    expect(page.total).toBeGreaterThanOrEqual(10);
    expect(categories.every((c) => c === "headphones")).toBe(true);
    expect(page.correctedText).toBeNull();
  });

  it("ranks brand + noun matches first for multi-word queries", async () => {
    const page = await searchProducts(db, { q: "aurora audio speaker" });
    expect(page.items.length).toBeGreaterThan(0);
    for (const item of page.items.slice(0, 5)) {
      expect(item.brand).toBe("Aurora Audio");
      expect(item.title).toMatch(/Speaker/);
    }
  });

  it("matches the word still being typed as a prefix", async () => {
    const { categories } = await topCategories({ q: "sleeping ba" }, 5);
    expect(categories.length).toBe(5);
    expect(categories.every((c) => c === "sleeping-bags")).toBe(true);
  });

  it("corrects typos against the indexed vocabulary and says so", async () => {
    const headphones = await topCategories({ q: "hedphones" }, 5);
    expect(headphones.page.correctedText).toBe("headphones");
    expect(headphones.categories.every((c) => c === "headphones")).toBe(true);

    const sneakers = await topCategories({ q: "snekers" }, 5);
    expect(sneakers.page.correctedText).toBe("sneakers");
    expect(sneakers.categories.every((c) => c === "sneakers")).toBe(true);

    const laptop = await topCategories({ q: "kestrel laptpo" }, 5);
    expect(laptop.page.correctedText).toBe("kestrel laptop");
    expect(laptop.categories.every((c) => c === "laptops")).toBe(true);
  });

  it("expands synonyms set on the engine", async () => {
    await searchEngine().setSynonyms([]); // the seeded groups (reindex pushes them) are set below on purpose
    expect((await searchProducts(db, { q: "tee" })).total).toBe(0);
    await searchEngine().setSynonyms([{ id: "tee", locale: null, terms: ["tee", "t-shirt"] }, { id: "sofa", locale: "en", terms: ["couch", "sofa"] }]);
    const { page, categories } = await topCategories({ q: "tee" }, 5);
    expect(page.total).toBeGreaterThan(5);
    expect(categories.every((c) => c === "mens-t-shirts")).toBe(true);
    // Only in the group's locale.
    await searchEngine().setSynonyms([{ id: "tee", locale: "fr", terms: ["tee", "t-shirt"] }]);
    expect((await searchProducts(db, { q: "tee" })).total).toBe(0);
    expect((await searchProducts(db, { q: "tee", locale: "fr" })).total).toBeGreaterThan(5);
    await searchEngine().setSynonyms([]);
  });

  it("matches hyphenated words as they were indexed", async () => {
    const { page, categories } = await topCategories({ q: "t-shirt" }, 10);
    expect(page.total).toBeGreaterThan(10);
    expect(categories.every((c) => c === "mens-t-shirts")).toBe(true);
  });

  it("matches translated titles in the shopper's language, accents optional", async () => {
    expect((await topCategories({ q: "casque", locale: "fr" }, 5)).categories.every((c) => c === "headphones")).toBe(true);
    expect((await topCategories({ q: "ecouteurs", locale: "fr" }, 5)).categories.every((c) => c === "earbuds")).toBe(true);
    expect((await topCategories({ q: "zapatillas", locale: "es" }, 5)).categories.every((c) => c === "sneakers")).toBe(true);
    // Spanish stemming: the plural finds the singular titles.
    expect((await topCategories({ q: "lámparas", locale: "es" }, 5)).categories.every((c) => c === "lamps")).toBe(true);
    expect((await topCategories({ q: "خيمة", locale: "ar" }, 5)).categories.every((c) => c === "tents")).toBe(true);
    expect((await topCategories({ q: "帐篷", locale: "zh" }, 5)).categories.every((c) => c === "tents")).toBe(true);
    const french = await searchProducts(db, { q: "casque", locale: "fr" });
    expect(french.items[0]!.title).toMatch(/^Casque/);
  });

  it("supports phrases and exclusions", async () => {
    const phrase = await searchProducts(db, { q: '"sleeping bag"' });
    expect(phrase.total).toBeGreaterThan(0);
    const all = await searchProducts(db, { q: "atlas gear" });
    const withoutTents = await searchProducts(db, { q: "atlas gear -tent" });
    expect(withoutTents.total).toBeLessThan(all.total);
    expect(withoutTents.items.some((i) => /Tent/.test(i.title))).toBe(false);
  });
});

describe("filters and facets", () => {
  it("filters by brand while the brand facet still counts the other brands (disjunctive)", async () => {
    const all = await searchProducts(db, { q: "headphones" });
    const filtered = await searchProducts(db, { q: "headphones", brands: ["aurora-audio"] });
    expect(filtered.items.every((i) => i.brand === "Aurora Audio")).toBe(true);
    expect(filtered.total).toBeLessThan(all.total);
    expect(filtered.facets.brands.map((b) => b.value).sort()).toEqual(all.facets.brands.map((b) => b.value).sort());
    expect(filtered.facets.brands.find((b) => b.value === "aurora-audio")!.count).toBe(filtered.total);
    expect(filtered.facets.brands.find((b) => b.value === "aurora-audio")!.label).toBe("Aurora Audio");
    // Vendors counted with the brand filter applied.
    expect(filtered.facets.vendors.reduce((n, v) => n + v.count, 0)).toBe(filtered.total);
  });

  it("counts every level of the category tree and filters by a category", async () => {
    const page = await searchProducts(db, { q: "aurora audio" });
    const slugs = page.facets.categories.map((c) => c.slug);
    expect(slugs).toEqual(expect.arrayContaining(["electronics", "audio", "headphones", "speakers"]));
    const audio = page.facets.categories.find((c) => c.slug === "audio")!;
    expect(audio.parentSlug).toBe("electronics");
    expect(page.facets.categories.find((c) => c.slug === "electronics")!.parentSlug).toBeNull();
    const inSpeakers = await searchProducts(db, { q: "aurora audio", category: "speakers" });
    expect(inSpeakers.total).toBe(page.facets.categories.find((c) => c.slug === "speakers")!.count);
    expect(inSpeakers.items.every((i) => /Speaker/.test(i.title))).toBe(true);
  });

  it("browses a category with empty text like the category listing, with attribute facets", async () => {
    const search = await searchProducts(db, { category: "audio", locale: "es" });
    const browse = (await browseProducts(db, { categorySlug: "audio", locale: "es" }))!;
    expect(search.total).toBe(browse.total);
    expect(search.totalIsEstimate).toBe(false);
    const connectivity = search.facets.attributes.find((a) => a.code === "connectivity")!;
    expect(connectivity.label).toBe("Conectividad");
    expect(connectivity.values.find((v) => v.value === "wired")?.label).toBe("Con cable");
    const wired = await searchProducts(db, { category: "audio", attrs: { connectivity: ["wired"] } });
    expect(wired.total).toBe(connectivity.values.find((v) => v.value === "wired")!.count);
    // The attribute's own facet still offers every value.
    expect(wired.facets.attributes.find((a) => a.code === "connectivity")!.values.length).toBe(connectivity.values.length);
  });

  it("filters by price and sorts by price", async () => {
    const all = await searchProducts(db, { q: "lamp" });
    const { min, max } = all.facets.price;
    expect(min).not.toBeNull();
    const middle = Math.round((min! + max!) / 2);
    const cheap = await searchProducts(db, { q: "lamp", maxPrice: middle, sort: "priceAsc" });
    expect(cheap.items.every((i) => i.minPrice <= middle)).toBe(true);
    const prices = cheap.items.map((i) => i.minPrice);
    expect(prices).toEqual([...prices].sort((a, b) => a - b));
    // The price facet ignores the price filter.
    expect(cheap.facets.price).toEqual(all.facets.price);
    const dear = await searchProducts(db, { q: "lamp", sort: "priceDesc" });
    expect(dear.items[0]!.minPrice).toBe(max);
  });

  it("pages through results without repeats", async () => {
    const first = await searchProducts(db, { q: "shirt", pageSize: 10 });
    const second = await searchProducts(db, { q: "shirt", pageSize: 10, page: 2 });
    expect(first.items).toHaveLength(10);
    expect(second.items.length).toBeGreaterThan(0);
    const ids = new Set(first.items.map((i) => i.id));
    expect(second.items.some((i) => ids.has(i.id))).toBe(false);
    expect(first.pageCount).toBe(Math.ceil(first.total / 10));
  });

  it("returns nothing for an unknown category and for words no product has", async () => {
    expect((await searchProducts(db, { category: "no-such-category" })).total).toBe(0);
    const none = await searchProducts(db, { q: "xqzvbnw" });
    expect(none.total).toBe(0);
    expect(none.items).toEqual([]);
  });
});

describe("bounded cost", () => {
  it("estimates the total of a broad query past the cap and still finds its filtered matches", async () => {
    const small = createPostgresEngine(pool, { countCap: 20, rankCap: 10 });
    const exact = await searchProducts(db, { q: "shirt" });
    expect(exact.total).toBeGreaterThan(20);
    const broad = await searchProducts(db, { q: "shirt" }, small);
    expect(broad.totalIsEstimate).toBe(true);
    expect(broad.total).toBeGreaterThan(20);
    expect(broad.items).toHaveLength(24);
    // A filter narrower than the cap: counted exactly inside the candidate scan.
    const brand = exact.facets.brands.at(-1)!;
    expect(brand.count).toBeLessThanOrEqual(20);
    const filtered = await searchProducts(db, { q: "shirt", brands: [brand.value] }, small);
    expect(filtered.total).toBe(brand.count);
    expect(filtered.totalIsEstimate).toBe(false);
    expect(filtered.items.every((i) => i.brand === brand.label)).toBe(true);
  });
});

describe("suggestions", () => {
  it("suggests products, categories and brands by prefix", async () => {
    const s = await suggest(db, { prefix: "headph" });
    expect(s.products.length).toBeGreaterThan(0);
    expect(s.products.every((p) => /Headphones/.test(p.title))).toBe(true);
    expect(s.categories.map((c) => c.slug)).toContain("headphones");
    expect((await suggest(db, { prefix: "auro" })).brands).toEqual([{ slug: "aurora-audio", name: "Aurora Audio" }]);
    const french = await suggest(db, { prefix: "casq", locale: "fr" });
    expect(french.products[0]!.title).toMatch(/^Casque/);
    expect(french.categories[0]).toMatchObject({ slug: "headphones", name: "Casques" });
    expect(await suggest(db, { prefix: "" })).toEqual({ products: [], categories: [], brands: [], queries: [] });
  });
});

describe("hostile input", () => {
  const hostile = [
    "a".repeat(5000),
    "headphones ".repeat(300),
    "'; DROP TABLE \"Product\"; --",
    "\" OR 1=1 --",
    "&|!():*'\"\\",
    "head & phones | !x <-> y:* (z",
    "((((((((((",
    '"unbalanced quote headphones',
    "-",
    "--- OR OR",
    "OR",
    "🎧🎧 headphones 🔥",
    "سماعات رأس \u202Eevil\u202C",
    "head\u0000phones",
    "\u0000\u0001\u0002",
    "%_\\%",
    "$1 $2 ::text",
    "日本語のテキスト検索",
    "   ",
  ];
  it.each(hostile.map((q) => [q.slice(0, 40), q]))("search %j answers without an error", async (_label, q) => {
    const page = await searchProducts(db, { q });
    expect(Array.isArray(page.items)).toBe(true);
    expect(page.total).toBeGreaterThanOrEqual(0);
    const s = await suggest(db, { prefix: q });
    expect(Array.isArray(s.products)).toBe(true);
  });

  it("still finds the real words around the noise", async () => {
    expect((await searchProducts(db, { q: "🎧 headphones!!!" })).total).toBeGreaterThan(0);
    expect((await searchProducts(db, { q: '"headphones' })).total).toBeGreaterThan(0);
    expect((await searchProducts(db, { q: 'aurora "headphones' })).total).toBeGreaterThan(0);
  });

  it("ignores attribute filters the category does not have and bad attribute codes", async () => {
    const page = await searchProducts(db, { q: "headphones", attrs: { "x'); DROP": ["1"], nope: ["a"] } });
    expect(page.total).toBeGreaterThan(0);
  });
});
