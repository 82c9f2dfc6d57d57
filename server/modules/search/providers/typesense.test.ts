// The Typesense adapter against the protocol: the official client talks to a local HTTP server
// that records every request and answers with Typesense-shaped responses (API docs v30), so the
// test checks what would go over the wire (collection schema, JSONL import, filter_by/facet_by/
// sort_by/query_by/num_typos, synonym sets) and how the answers map back to SearchResult.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { SearchDocument, SearchQuery } from "../search.types";
import { createTypesenseEngine, quoteValue, typesenseConfigFromEnv } from "./typesense";

interface Recorded {
  method: string;
  path: string;
  query: URLSearchParams;
  body: string;
  apiKey: string | undefined;
}

type Handler = (req: Recorded) => { status?: number; json?: unknown; text?: string } | undefined;

let server: http.Server;
let baseUrl: string;
let requests: Recorded[] = [];
let handler: Handler = () => undefined;
/** Collections and synonym sets that "exist" on the fake server. */
const state = { collections: new Set<string>(), sets: new Map<string, unknown>() };

function defaultAnswer(req: Recorded): { status?: number; json?: unknown; text?: string } {
  const { method, path } = req;
  if (method === "GET" && path === "/health") return { json: { ok: true } };
  const set = path.match(/^\/synonym_sets\/([^/]+)$/);
  if (set) {
    const name = decodeURIComponent(set[1]!);
    if (method === "GET") return state.sets.has(name) ? { json: { name, ...(state.sets.get(name) as object) } } : { status: 404, json: { message: "Not Found" } };
    if (method === "PUT") {
      const body = JSON.parse(req.body) as object;
      state.sets.set(name, body);
      return { json: { name, ...body } };
    }
  }
  if (method === "POST" && path === "/collections") {
    const schema = JSON.parse(req.body) as { name: string };
    state.collections.add(schema.name);
    return { status: 201, json: { ...schema, created_at: 1, num_documents: 0 } };
  }
  const collection = path.match(/^\/collections\/([^/]+)$/);
  if (collection) {
    const name = decodeURIComponent(collection[1]!);
    if (!state.collections.has(name)) return { status: 404, json: { message: `Could not find a collection with name \`${name}\`` } };
    if (method === "GET") return { json: { name, fields: [], num_documents: 0, created_at: 1 } };
    if (method === "DELETE") {
      state.collections.delete(name);
      return { json: { name, fields: [], num_documents: 0, created_at: 1 } };
    }
  }
  if (method === "POST" && /^\/collections\/[^/]+\/documents\/import$/.test(path)) {
    const lines = req.body.split("\n").filter(Boolean);
    return { text: lines.map(() => JSON.stringify({ success: true })).join("\n") };
  }
  if (method === "DELETE" && /^\/collections\/[^/]+\/documents$/.test(path)) return { json: { num_deleted: 2 } };
  if (method === "POST" && path === "/multi_search") {
    const { searches } = JSON.parse(req.body) as { searches: unknown[] };
    return { json: { results: searches.map(() => emptyResult()) } };
  }
  return { status: 404, json: { message: "Not Found" } };
}

const emptyResult = (over: Record<string, unknown> = {}) => ({
  facet_counts: [],
  found: 0,
  hits: [],
  out_of: 624,
  page: 1,
  request_params: { collection_name: "products", per_page: 24, q: "*" },
  search_cutoff: false,
  search_time_ms: 1,
  ...over,
});

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const recorded: Recorded = {
        method: req.method ?? "GET",
        path: url.pathname,
        query: url.searchParams,
        body: Buffer.concat(chunks).toString("utf8"),
        apiKey: req.headers["x-typesense-api-key"] as string | undefined,
      };
      requests.push(recorded);
      const answer = handler(recorded) ?? defaultAnswer(recorded);
      res.statusCode = answer.status ?? 200;
      if (answer.text !== undefined) {
        res.setHeader("content-type", "text/plain; charset=utf-8");
        res.end(answer.text);
      } else {
        res.setHeader("content-type", "application/json; charset=utf-8");
        res.end(JSON.stringify(answer.json ?? {}));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

afterEach(() => {
  requests = [];
  handler = () => undefined;
  state.collections.clear();
  state.sets.clear();
});

const engine = () => createTypesenseEngine({ url: baseUrl, apiKey: "test-key", collection: "products" });

const doc = (over: Partial<SearchDocument> = {}): SearchDocument => ({
  id: "p1:en",
  productId: "p1",
  locale: "en",
  slug: "cotton-tee",
  title: "Cotton tee",
  description: "Soft cotton",
  brandSlug: "acme",
  brandName: "Acme",
  categoryIds: ["c-root", "c-leaf"],
  categoryNames: ["Clothing", "T-shirts"],
  attributes: { color: ["red", "blue"], size: ["m"], "Bad Code!": ["x"] },
  vendorId: "v1",
  vendorSlug: "tech-haven",
  vendorName: "Tech Haven",
  currency: "EUR",
  minPrice: 1999,
  maxPrice: 2499,
  rating: 4.6,
  reviewCount: 12,
  inStock: true,
  recentSales: 7,
  promoted: true,
  publishedAt: 1_780_000_000_000,
  ...over,
});

const query = (over: Partial<SearchQuery> = {}): SearchQuery => ({ text: "", locale: "en", filters: {}, sort: "relevance", page: 1, pageSize: 24, ...over });

interface SentSearch {
  collection: string;
  q: string;
  query_by?: string;
  query_by_weights?: string;
  num_typos?: string | number;
  filter_by: string;
  facet_by?: string;
  sort_by?: string;
  per_page: number;
  page?: number;
  prefix?: boolean;
  group_by?: string;
}

const sentSearches = (): SentSearch[] => {
  const multi = requests.filter((r) => r.path === "/multi_search");
  return multi.flatMap((r) => (JSON.parse(r.body) as { searches: SentSearch[] }).searches);
};

describe("typesense engine: indexing", () => {
  it("creates the synonym set and the collection once, then imports JSONL with action=upsert", async () => {
    const e = engine();
    await e.upsert([doc(), doc({ id: "p1:fr", locale: "fr", title: "T-shirt coton" })]);
    await e.upsert([doc({ id: "p2:en", productId: "p2" })]);

    expect(requests.every((r) => r.apiKey === "test-key")).toBe(true);
    const calls = requests.map((r) => `${r.method} ${r.path}`);
    expect(calls).toEqual([
      "GET /collections/products",
      "GET /synonym_sets/products-synonyms",
      "PUT /synonym_sets/products-synonyms",
      "POST /collections",
      "POST /collections/products/documents/import",
      "POST /collections/products/documents/import",
    ]);

    const schema = JSON.parse(requests[3]!.body) as { name: string; synonym_sets: string[]; fields: { name: string; type: string; facet?: boolean; sort?: boolean }[] };
    expect(schema.name).toBe("products");
    expect(schema.synonym_sets).toEqual(["products-synonyms"]);
    const field = (name: string) => schema.fields.find((f) => f.name === name);
    expect(field("locale")).toMatchObject({ type: "string", facet: true });
    expect(field("categoryIds")).toMatchObject({ type: "string[]", facet: true });
    expect(field("brandSlug")).toMatchObject({ type: "string", facet: true });
    expect(field("vendorSlug")).toMatchObject({ type: "string", facet: true });
    expect(field("ratingFloor")).toMatchObject({ type: "int32", facet: true });
    expect(field("minPrice")).toMatchObject({ type: "int64", facet: true, sort: true });
    expect(field("inStock")).toMatchObject({ type: "bool", facet: true });
    expect(field("attr_.*")).toMatchObject({ type: "string[]", facet: true });
    for (const sortable of ["publishedAt", "recentSales", "rating", "boost", "inStockRank"]) expect(field(sortable)?.sort).toBe(true);

    const importCall = requests[4]!;
    expect(importCall.query.get("action")).toBe("upsert");
    const lines = importCall.body.split("\n").map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({
      id: "p1:en",
      productId: "p1",
      locale: "en",
      title: "Cotton tee",
      categoryIds: ["c-root", "c-leaf"],
      attr_color: ["red", "blue"],
      attr_size: ["m"],
      ratingFloor: 4,
      inStockRank: 1,
      boost: 7 * 10_000 + 460 * 10 + 1,
    });
    // An attribute code that could not be a field name is not indexed.
    expect(Object.keys(lines[0]!).some((key) => key.includes("Bad"))).toBe(false);
    expect(lines[1]).toMatchObject({ id: "p1:fr", locale: "fr" });
  });

  it("surfaces a failed import line as an error", async () => {
    state.collections.add("products");
    handler = (req) => (req.path.endsWith("/import") ? { text: JSON.stringify({ success: false, error: "Field `minPrice` must be an int64.", code: 400 }) } : undefined);
    await expect(engine().upsert([doc()])).rejects.toThrow(/failed during import/);
  });

  it("removes every locale of the given products by a filter on productId", async () => {
    state.collections.add("products");
    await engine().remove(["p1", "p`2 && x"]);
    const call = requests.find((r) => r.method === "DELETE")!;
    expect(call.path).toBe("/collections/products/documents");
    expect(call.query.get("filter_by")).toBe("productId:=[`p1`,`p2 && x`]");
  });

  it("clear drops and recreates the collection", async () => {
    state.collections.add("products");
    state.sets.set("products-synonyms", { items: [] });
    await engine().clear();
    expect(requests.map((r) => `${r.method} ${r.path}`)).toEqual(["DELETE /collections/products", "GET /synonym_sets/products-synonyms", "POST /collections"]);
    expect(state.collections.has("products")).toBe(true);
  });
});

describe("typesense engine: synonyms and health", () => {
  it("replaces the synonym set with the groups (multi-way, locale when set)", async () => {
    await engine().setSynonyms([
      { id: "g1", locale: null, terms: ["tee", "t-shirt"] },
      { id: "g2", locale: "fr", terms: ["canapé", "sofa"] },
    ]);
    expect(requests).toHaveLength(1);
    expect(requests[0]!.method).toBe("PUT");
    expect(requests[0]!.path).toBe("/synonym_sets/products-synonyms");
    expect(JSON.parse(requests[0]!.body)).toEqual({
      items: [
        { id: "g1", synonyms: ["tee", "t-shirt"] },
        { id: "g2", synonyms: ["canapé", "sofa"], locale: "fr" },
      ],
    });
    // Deleting every group empties the set.
    await engine().setSynonyms([]);
    expect(JSON.parse(requests[1]!.body)).toEqual({ items: [] });
  });

  it("reports health from /health and a failure as not ok", async () => {
    expect(await engine().health()).toEqual({ ok: true });
    handler = (req) => (req.path === "/health" ? { json: { ok: false } } : undefined);
    expect((await engine().health()).ok).toBe(false);
    const dead = createTypesenseEngine({ url: "http://127.0.0.1:1", apiKey: "k", collection: "products" });
    const health = await dead.health();
    expect(health.ok).toBe(false);
    expect(health.detail).toBeTruthy();
  });

  it("reads its config from the environment only when URL and key are both set", () => {
    expect(typesenseConfigFromEnv({ TYPESENSE_URL: undefined, TYPESENSE_API_KEY: undefined, TYPESENSE_COLLECTION: "products" })).toBeNull();
    expect(typesenseConfigFromEnv({ TYPESENSE_URL: "http://localhost:8108", TYPESENSE_API_KEY: "xyz", TYPESENSE_COLLECTION: "items" })).toEqual({
      url: "http://localhost:8108",
      apiKey: "xyz",
      collection: "items",
    });
  });
});

describe("typesense engine: search requests", () => {
  it("sends one request with locale filter, typo settings and relevance sort for a plain query", async () => {
    state.collections.add("products");
    await engine().search(query({ text: "cotton tee", facetAttributes: ["color"] }));
    const [main, ...rest] = sentSearches();
    expect(rest).toHaveLength(0);
    expect(main).toMatchObject({
      collection: "products",
      q: "cotton tee",
      query_by: "title,brandName,categoryNames,vendorName,description",
      query_by_weights: "8,4,3,2,1",
      num_typos: "2,2,2,2,1",
      prefix: false,
      filter_by: "locale:=`en`",
      facet_by: "categoryIds,brandSlug,vendorSlug,ratingFloor,minPrice,attr_color",
      sort_by: "inStockRank:desc,_text_match(buckets: 10):desc,boost:desc",
      page: 1,
      per_page: 24,
    });
  });

  it("builds filter_by from every filter and asks each filtered facet disjunctively", async () => {
    state.collections.add("products");
    await engine().search(
      query({
        text: "",
        sort: "priceAsc",
        page: 3,
        pageSize: 12,
        filters: {
          categoryId: "c-leaf",
          brandSlugs: ["acme", "zeta"],
          vendorSlugs: ["tech-haven"],
          minPrice: 1000,
          maxPrice: 5000.7,
          minRating: 4,
          inStockOnly: true,
          attributes: { color: ["red", "navy blue"], size: ["m"] },
        },
        facetAttributes: ["color", "size", "material"],
      }),
    );
    const searches = sentSearches();
    const all = "locale:=`en` && categoryIds:=`c-leaf` && brandSlug:=[`acme`,`zeta`] && vendorSlug:=[`tech-haven`] && minPrice:>=1000 && minPrice:<=5000 && rating:>=4 && inStock:=true && attr_color:=[`red`,`navy blue`] && attr_size:=[`m`]";
    expect(searches[0]).toMatchObject({ q: "*", filter_by: all, facet_by: "attr_material", sort_by: "inStockRank:desc,minPrice:asc,publishedAt:desc", page: 3, per_page: 12 });
    const without = (part: string) => all.replace(` && ${part}`, "");
    expect(searches.slice(1).map((s) => [s.facet_by, s.filter_by, s.per_page])).toEqual([
      ["categoryIds", without("categoryIds:=`c-leaf`"), 0],
      ["brandSlug", without("brandSlug:=[`acme`,`zeta`]"), 0],
      ["vendorSlug", without("vendorSlug:=[`tech-haven`]"), 0],
      ["ratingFloor", without("rating:>=4"), 0],
      ["minPrice", without("minPrice:>=1000 && minPrice:<=5000"), 0],
      ["attr_color", without("attr_color:=[`red`,`navy blue`]"), 0],
      ["attr_size", without("attr_size:=[`m`]"), 0],
    ]);
  });

  it("keeps hostile text inside the quotes of filter values and out of field names", async () => {
    state.collections.add("products");
    await engine().search(
      query({
        text: "-`) || x:=1 && title:foo",
        locale: "en`) || locale:=[`fr",
        filters: { brandSlugs: ["a` || brandSlug:=`b", "c && d:e"], attributes: { "color:=x || y": ["v"] } },
      }),
    );
    const main = sentSearches()[0]!;
    // Each value is one backtick-quoted token: no backtick survives inside it.
    expect(main.filter_by).toBe("locale:=`en) || locale:=[fr` && brandSlug:=[`a || brandSlug:=b`,`c && d:e`] && productId:=`__none__`");
    expect(quoteValue("x`y")).toBe("`xy`");
    // The query text is not a filter; the leading "-" (exclusion) is dropped.
    expect(main.q).toBe("`) || x:=1 && title:foo");
  });

  it("sorts per option, out of stock last", async () => {
    state.collections.add("products");
    const e = engine();
    for (const sort of ["priceDesc", "newest", "bestSelling", "rating"] as const) await e.search(query({ text: "tee", sort }));
    expect(sentSearches().map((s) => s.sort_by)).toEqual([
      "inStockRank:desc,minPrice:desc,_text_match(buckets: 10):desc",
      "inStockRank:desc,publishedAt:desc,boost:desc",
      "inStockRank:desc,recentSales:desc,boost:desc",
      "inStockRank:desc,rating:desc,boost:desc",
    ]);
  });
});

describe("typesense engine: mapping answers", () => {
  it("maps hits, found, facets (disjunctive ones from their own request), ratings and price", async () => {
    state.collections.add("products");
    handler = (req) => {
      if (req.path !== "/multi_search") return undefined;
      const { searches } = JSON.parse(req.body) as { searches: SentSearch[] };
      return {
        json: {
          results: searches.map((s, index) =>
            index === 0
              ? emptyResult({
                  found: 42,
                  hits: [
                    { document: { productId: "p9", title: "Wireless headphones" }, highlight: { title: { matched_tokens: ["headphones"], snippet: "Wireless <mark>headphones</mark>" } }, text_match: 578730123365187700 },
                    { document: { productId: "p3", title: "Headphones stand" }, highlight: {}, text_match: 1 },
                  ],
                  facet_counts: [
                    { field_name: "categoryIds", counts: [{ count: 40, highlighted: "c1", value: "c1" }, { count: 2, highlighted: "c2", value: "c2" }], sampled: false, stats: { total_values: 2 } },
                    { field_name: "vendorSlug", counts: [{ count: 42, highlighted: "tech-haven", value: "tech-haven" }], sampled: false, stats: { total_values: 1 } },
                    { field_name: "ratingFloor", counts: [{ count: 10, highlighted: "4", value: "4" }, { count: 5, highlighted: "5", value: "5" }, { count: 3, highlighted: "2", value: "2" }], sampled: false, stats: { avg: 4, max: 5, min: 2, sum: 70, total_values: 3 } },
                    { field_name: "minPrice", counts: [], sampled: false, stats: { avg: 3000, max: 9999, min: 499, sum: 1, total_values: 30 } },
                    { field_name: "attr_color", counts: [{ count: 7, highlighted: "red", value: "red" }], sampled: false, stats: { total_values: 1 } },
                  ],
                })
              : emptyResult({
                  found: 50,
                  facet_counts: [{ field_name: s.facet_by, counts: [{ count: 30, highlighted: "acme", value: "acme" }, { count: 20, highlighted: "zeta", value: "zeta" }], sampled: false, stats: { total_values: 2 } }],
                }),
          ),
        },
      };
    };
    const result = await engine().search(query({ text: "hedphones", filters: { brandSlugs: ["acme"] }, facetAttributes: ["color"] }));
    expect(result.productIds).toEqual(["p9", "p3"]);
    expect(result.total).toBe(42);
    expect(result.totalIsEstimate).toBe(false);
    expect(result.correctedText).toBe("headphones");
    expect(result.facets.categories).toEqual([{ value: "c1", count: 40 }, { value: "c2", count: 2 }]);
    expect(result.facets.brands).toEqual([{ value: "acme", count: 30 }, { value: "zeta", count: 20 }]);
    expect(result.facets.vendors).toEqual([{ value: "tech-haven", count: 42 }]);
    expect(result.facets.ratings).toEqual([
      { value: "1", count: 18 },
      { value: "2", count: 18 },
      { value: "3", count: 15 },
      { value: "4", count: 15 },
      { value: "5", count: 5 },
    ]);
    expect(result.facets.price).toEqual({ min: 499, max: 9999 });
    expect(result.facets.attributes).toEqual({ color: [{ value: "red", count: 7 }] });
  });

  it("reports no correction when the words matched as typed, and none for an empty result", async () => {
    state.collections.add("products");
    handler = (req) =>
      req.path === "/multi_search"
        ? { json: { results: [emptyResult({ found: 1, hits: [{ document: { productId: "p1" }, highlight: { title: { matched_tokens: ["Cotton", "tee"] } }, text_match: 1 }] })] } }
        : undefined;
    expect((await engine().search(query({ text: "cotton tee" }))).correctedText).toBeNull();
    handler = () => undefined;
    const empty = await engine().search(query({ text: "zzzz" }));
    expect(empty).toMatchObject({ productIds: [], total: 0, correctedText: null, facets: { price: { min: null, max: null }, ratings: [] } });
  });

  it("throws when Typesense answers an error inside the multi-search", async () => {
    state.collections.add("products");
    handler = (req) => (req.path === "/multi_search" ? { json: { results: [{ code: 400, error: "Could not find a filter field named `attr_x` in the schema." }] } } : undefined);
    await expect(engine().search(query({ text: "x" }))).rejects.toThrow(/attr_x/);
  });

  it("suggests products, categories whose name starts with the prefix, and brands by prefix search", async () => {
    state.collections.add("products");
    handler = (req) => {
      if (req.path !== "/multi_search") return undefined;
      return {
        json: {
          results: [
            emptyResult({ found: 1, hits: [{ document: { productId: "p1", slug: "headphones-pro", title: "Headphones Pro" }, highlight: {}, text_match: 1 }] }),
            emptyResult({
              found: 2,
              hits: [
                { document: { categoryIds: ["c-el", "c-audio", "c-head"], categoryNames: ["Electronics", "Audio", "Headphones & headsets"] }, highlight: {}, text_match: 1 },
                { document: { categoryIds: ["c-el", "c-audio", "c-head"], categoryNames: ["Electronics", "Audio", "Headphones & headsets"] }, highlight: {}, text_match: 1 },
              ],
            }),
            emptyResult({ found: 1, grouped_hits: [{ group_key: ["hearwell"], found: 3, hits: [{ document: { brandSlug: "hearwell", brandName: "HearWell" }, highlight: {}, text_match: 1 }] }] }),
          ],
        },
      };
    };
    const suggestions = await engine().suggest({ prefix: "hea", locale: "en", limit: 5 });
    expect(suggestions).toEqual({
      products: [{ productId: "p1", slug: "headphones-pro", title: "Headphones Pro" }],
      categoryIds: ["c-head"],
      brands: [{ slug: "hearwell", name: "HearWell" }],
    });
    const [products, categories, brands] = sentSearches();
    expect(products).toMatchObject({ q: "hea", prefix: true, query_by: "title", filter_by: "locale:=`en`", per_page: 5 });
    expect(categories).toMatchObject({ q: "hea", prefix: true, query_by: "categoryNames" });
    expect(brands).toMatchObject({ q: "hea", prefix: true, query_by: "brandName", group_by: "brandSlug" });
  });

  it("suggests nothing for an empty prefix without asking the server", async () => {
    expect(await engine().suggest({ prefix: "   ", locale: "en", limit: 5 })).toEqual({ products: [], categoryIds: [], brands: [] });
    expect(requests).toHaveLength(0);
  });
});
