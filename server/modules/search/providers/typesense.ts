// The Typesense engine (used when TYPESENSE_URL + TYPESENSE_API_KEY are set), over the official
// `typesense` client. Needs Typesense Server v30+ (synonym sets). One collection holds one document
// per product and locale (`id` = `${productId}:${locale}`); every search filters on `locale`.
//
// - Filter values always go between backticks (Typesense's quoting for values with spaces,
//   commas, `:`, `&&`, `||`, brackets…). Typesense has no escape for a backtick itself, so
//   backticks are removed from values; attribute codes and numbers are checked, never quoted.
// - Disjunctive facets: Typesense counts facets over the fully filtered set, so the search is a
//   multi-search: request 0 carries every filter and the counts of the facets without a filter;
//   each facet that has an active filter gets one more request (per_page 0) with every filter
//   except its own, and its counts come from there (what InstantSearch's adapter does).
// - Ratings are faceted on `ratingFloor` (0..5, an int) and summed into "at least N" counts.
// - Relevance: in stock first, then `_text_match` (bucketed, so close text scores tie), then
//   `boost` = recent sales, rating, promoted (in that order, packed into one int64 because
//   Typesense sorts on at most three fields).
// - Synonyms live in the synonym set `<collection>-synonyms`, linked from the collection schema;
//   setSynonyms PUTs the whole set (the database is the source of truth).
// - correctedText: Typesense does not return a corrected query. The adapter compares the query's
//   words with the top hit's matched tokens (highlights) and reports the words that matched a
//   different token within two edits ("hedphones" → "headphones"). Search runs without prefix
//   matching so a prefix is never mistaken for a typo; suggest uses prefix search.
import { Client, Errors } from "typesense";
import { env } from "@/server/env";
import type { CollectionCreateSchema } from "typesense/lib/Typesense/Collections";
import type { SearchParams, SearchResponse, SearchResponseFacetCountSchema, SearchResponseHit } from "typesense/lib/Typesense/Documents";
import type {
  FacetCount,
  SearchDocument,
  SearchEngine,
  SearchFacets,
  SearchFilters,
  SearchQuery,
  SearchResult,
  SuggestQuery,
  Suggestions,
  SynonymGroup,
} from "../search.types";

export interface TypesenseConfig {
  url: string;
  apiKey: string;
  collection: string;
  /** A ready client (tests, or a shared one); built from url + apiKey otherwise. */
  client?: Client;
}

/**
 * What the collection stores per document: SearchDocument flattened for Typesense (optional
 * brand instead of null, attributes as `attr_<code>` fields) plus the derived sort/filter fields.
 */
export type TypesenseDocument = Omit<SearchDocument, "brandSlug" | "brandName" | "attributes" | "attributeText"> & {
  brandSlug?: string;
  brandName?: string;
  /** floor(rating), for the "rated at least" facet. */
  ratingFloor: number;
  /** 1 in stock, 0 not: out-of-stock products sort last. */
  inStockRank: number;
  /** The relevance boost from sales, rating, recency and promotion. */
  boost: number;
  /** `attr_<code>`: the attribute's values. */
  [attribute: `attr_${string}`]: string[];
};

const ATTRIBUTE_CODE = /^[a-z][a-z0-9_]*$/;
const QUERY_BY = ["title", "brandName", "categoryNames", "vendorName", "description"];
const QUERY_BY_WEIGHTS = [8, 4, 3, 2, 1];
const MAX_FACET_VALUES = 100;
const MAX_PER_PAGE = 250;

export function collectionSchema(name: string): CollectionCreateSchema {
  return {
    name,
    synonym_sets: [synonymSetName(name)],
    // "t-shirt" is indexed as "tshirt" and "t shirt" → both spellings meet.
    symbols_to_index: [],
    token_separators: ["/"],
    fields: [
      { name: "productId", type: "string" },
      { name: "locale", type: "string", facet: true },
      { name: "slug", type: "string", index: false, optional: true },
      { name: "title", type: "string" },
      { name: "description", type: "string", optional: true },
      { name: "brandSlug", type: "string", facet: true, optional: true },
      { name: "brandName", type: "string", optional: true },
      { name: "categoryIds", type: "string[]", facet: true },
      { name: "categoryNames", type: "string[]" },
      { name: "vendorId", type: "string" },
      { name: "vendorSlug", type: "string", facet: true },
      { name: "vendorName", type: "string" },
      { name: "currency", type: "string", index: false, optional: true },
      { name: "minPrice", type: "int64", facet: true, sort: true },
      { name: "maxPrice", type: "int64" },
      { name: "rating", type: "float", sort: true },
      { name: "ratingFloor", type: "int32", facet: true },
      { name: "reviewCount", type: "int32" },
      { name: "inStock", type: "bool", facet: true },
      { name: "inStockRank", type: "int32", sort: true },
      { name: "recentSales", type: "int32", sort: true },
      { name: "promoted", type: "bool" },
      { name: "boost", type: "int64", sort: true },
      { name: "publishedAt", type: "int64", sort: true },
      // Filterable attributes, one string[] facet per code.
      { name: "attr_.*", type: "string[]", facet: true, optional: true },
    ],
  };
}

export const synonymSetName = (collection: string) => `${collection}-synonyms`;

/** recentSales, then rating, then promoted, as one sortable number. */
export function boostOf(doc: Pick<SearchDocument, "recentSales" | "rating" | "promoted">): number {
  const sales = Math.max(0, Math.min(Math.trunc(doc.recentSales), 1e9));
  const rating = Math.max(0, Math.min(Math.round(doc.rating * 100), 500));
  return sales * 10_000 + rating * 10 + (doc.promoted ? 1 : 0);
}

export function toTypesenseDocument(doc: SearchDocument): TypesenseDocument {
  // attributeText is Postgres-only (Typesense searches the attr_ fields' values).
  const { brandSlug, brandName, attributes, attributeText, ...common } = doc;
  const out: TypesenseDocument = {
    ...common,
    ratingFloor: Math.max(0, Math.min(5, Math.floor(doc.rating))),
    inStockRank: doc.inStock ? 1 : 0,
    recentSales: Math.max(0, Math.trunc(doc.recentSales)),
    boost: boostOf(doc),
  };
  if (brandSlug) out.brandSlug = brandSlug;
  if (brandName) out.brandName = brandName;
  for (const [code, values] of Object.entries(attributes)) {
    if (ATTRIBUTE_CODE.test(code) && values.length > 0) out[`attr_${code}`] = values;
  }
  return out;
}

// ---- filter_by / sort_by building ----

/** A filter value between backticks; backticks removed (Typesense has no escape for them). */
export function quoteValue(value: string): string {
  return `\`${value.replace(/`/g, "")}\``;
}

const quoteList = (values: string[]) => `[${values.map(quoteValue).join(",")}]`;

const int = (value: number) => (Number.isFinite(value) ? Math.trunc(value) : 0);

/** The filter parts keyed by facet, so a disjunctive request can leave its own out. */
type FilterKey = "category" | "brand" | "vendor" | "price" | "rating" | "stock" | `attr_${string}`;

export function filterParts(locale: string, filters: SearchFilters): Map<FilterKey | "locale", string> {
  const parts = new Map<FilterKey | "locale", string>();
  parts.set("locale", `locale:=${quoteValue(locale)}`);
  if (filters.categoryId) parts.set("category", `categoryIds:=${quoteValue(filters.categoryId)}`);
  if (filters.brandSlugs?.length) parts.set("brand", `brandSlug:=${quoteList(filters.brandSlugs)}`);
  if (filters.vendorSlugs?.length) parts.set("vendor", `vendorSlug:=${quoteList(filters.vendorSlugs)}`);
  const price: string[] = [];
  if (filters.minPrice !== undefined) price.push(`minPrice:>=${int(filters.minPrice)}`);
  if (filters.maxPrice !== undefined) price.push(`minPrice:<=${int(filters.maxPrice)}`);
  if (price.length) parts.set("price", price.join(" && "));
  if (filters.minRating !== undefined) parts.set("rating", `rating:>=${int(filters.minRating)}`);
  if (filters.inStockOnly) parts.set("stock", "inStock:=true");
  for (const [code, values] of Object.entries(filters.attributes ?? {})) {
    // An unknown-shaped code cannot be a field name: it matches nothing rather than being injected.
    if (!ATTRIBUTE_CODE.test(code)) {
      parts.set(`attr_${code}`, "productId:=`__none__`");
      continue;
    }
    if (values.length) parts.set(`attr_${code}`, `attr_${code}:=${quoteList(values)}`);
  }
  return parts;
}

const joinFilters = (parts: Map<string, string>, except?: string) =>
  [...parts].filter(([key]) => key !== except).map(([, part]) => part).join(" && ");

export function sortBy(query: Pick<SearchQuery, "sort" | "text">): string {
  const hasText = query.text.trim().length > 0;
  const relevance = hasText ? "_text_match(buckets: 10):desc" : "publishedAt:desc";
  switch (query.sort) {
    case "priceAsc":
      return `inStockRank:desc,minPrice:asc,${relevance}`;
    case "priceDesc":
      return `inStockRank:desc,minPrice:desc,${relevance}`;
    case "newest":
      return "inStockRank:desc,publishedAt:desc,boost:desc";
    case "bestSelling":
      return "inStockRank:desc,recentSales:desc,boost:desc";
    case "rating":
      return "inStockRank:desc,rating:desc,boost:desc";
    case "relevance":
    default:
      return `inStockRank:desc,${relevance},boost:desc`;
  }
}

/** The shopper's text as a Typesense query: a leading "-" (exclusion operator) is dropped. */
export function queryText(text: string): string {
  const words = text
    .normalize("NFKC")
    .split(/\s+/)
    .map((word) => word.replace(/^-+/, ""))
    .filter(Boolean);
  return words.length ? words.join(" ").slice(0, 200) : "*";
}

type Params = SearchParams<TypesenseDocument>;

interface FacetRequest {
  key: FilterKey | null;
  fields: string[];
}

/** The multi-search requests of one SearchQuery (exported for tests). */
export function searchRequests(collection: string, query: SearchQuery): { searches: (Params & { collection: string })[]; facets: FacetRequest[] } {
  const parts = filterParts(query.locale, query.filters);
  const attributeCodes = (query.facetAttributes ?? []).filter((code) => ATTRIBUTE_CODE.test(code));
  const facetFields: { key: FilterKey; field: string }[] = [
    { key: "category", field: "categoryIds" },
    { key: "brand", field: "brandSlug" },
    { key: "vendor", field: "vendorSlug" },
    { key: "rating", field: "ratingFloor" },
    { key: "price", field: "minPrice" },
    ...attributeCodes.map((code) => ({ key: `attr_${code}` as FilterKey, field: `attr_${code}` })),
  ];
  const q = queryText(query.text);
  const text: Params = {
    q,
    query_by: QUERY_BY.join(","),
    query_by_weights: QUERY_BY_WEIGHTS.join(","),
    // Typos: 2 in titles/brands/categories/vendors, 1 in descriptions; short words none.
    num_typos: "2,2,2,2,1",
    min_len_1typo: 4,
    min_len_2typo: 7,
    typo_tokens_threshold: 1,
    prefix: false,
    drop_tokens_threshold: 1,
  };
  const own = facetFields.filter((f) => !parts.has(f.key));
  const disjunctive = facetFields.filter((f) => parts.has(f.key));
  const pageSize = Math.max(1, Math.min(MAX_PER_PAGE, Math.trunc(query.pageSize)));
  const searches: (Params & { collection: string })[] = [
    {
      collection,
      ...text,
      filter_by: joinFilters(parts),
      sort_by: sortBy(query),
      facet_by: own.map((f) => f.field).join(","),
      max_facet_values: MAX_FACET_VALUES,
      page: Math.max(1, Math.trunc(query.page)),
      per_page: pageSize,
      include_fields: "productId,title,brandName,categoryNames,vendorName",
      highlight_fields: "title,brandName,categoryNames,vendorName",
    },
    ...disjunctive.map((f) => ({
      collection,
      ...text,
      filter_by: joinFilters(parts, f.key),
      facet_by: f.field,
      max_facet_values: MAX_FACET_VALUES,
      per_page: 0,
    })),
  ];
  if (!own.length) delete searches[0]!.facet_by;
  return {
    searches,
    facets: [{ key: null, fields: own.map((f) => f.field) }, ...disjunctive.map((f) => ({ key: f.key, fields: [f.field] }))],
  };
}

// ---- response mapping ----

type Response = SearchResponse<TypesenseDocument>;

function counts(facet: SearchResponseFacetCountSchema<TypesenseDocument> | undefined): FacetCount[] {
  return (facet?.counts ?? []).map((c) => ({ value: String(c.value), count: c.count }));
}

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const row: number[] = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let previous = row[0]!;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const current = row[j]!;
      row[j] = Math.min(current + 1, row[j - 1]! + 1, previous + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
  }
  return row[b.length]!;
}

function matchedTokens(hit: SearchResponseHit<TypesenseDocument>): string[] {
  const tokens: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object") {
      const record = value as Record<string, unknown>;
      if (Array.isArray(record.matched_tokens)) {
        for (const token of record.matched_tokens.flat()) if (typeof token === "string") tokens.push(token.toLocaleLowerCase());
      } else Object.values(record).forEach(visit);
    }
  };
  visit(hit.highlight);
  for (const h of hit.highlights ?? []) for (const token of h.matched_tokens.flat()) tokens.push(String(token).toLocaleLowerCase());
  return tokens;
}

export function correctedTextOf(text: string, response: Response): string | null {
  const words = queryText(text);
  const top = response.hits?.[0];
  if (words === "*" || !top) return null;
  const tokens = [...new Set(matchedTokens(top))];
  if (!tokens.length) return null;
  let changed = false;
  const corrected = words.split(" ").map((word) => {
    const lower = word.toLocaleLowerCase();
    if (tokens.includes(lower)) return word;
    let best: string | null = null;
    let bestDistance = 3;
    for (const token of tokens) {
      const distance = levenshtein(lower, token);
      if (distance > 0 && distance < bestDistance) [best, bestDistance] = [token, distance];
    }
    if (best === null) return word;
    changed = true;
    return best;
  });
  return changed ? corrected.join(" ") : null;
}

export function mapSearchResponses(query: SearchQuery, facets: FacetRequest[], results: Response[]): SearchResult {
  for (const result of results) if (result.error) throw new Error(`Typesense search failed: ${result.error}`);
  const main = results[0];
  if (!main) throw new Error("Typesense answered no search result");
  const byField = new Map<string, SearchResponseFacetCountSchema<TypesenseDocument>>();
  facets.forEach((request, index) => {
    for (const facet of results[index]?.facet_counts ?? []) {
      if (request.fields.includes(String(facet.field_name))) byField.set(String(facet.field_name), facet);
    }
  });
  const floors = counts(byField.get("ratingFloor"));
  const ratings: FacetCount[] = [];
  for (let stars = 1; stars <= 5; stars++) {
    const count = floors.filter((f) => Number(f.value) >= stars).reduce((sum, f) => sum + f.count, 0);
    if (count > 0) ratings.push({ value: String(stars), count });
  }
  const priceStats = byField.get("minPrice")?.stats;
  const attributes: Record<string, FacetCount[]> = {};
  for (const code of query.facetAttributes ?? []) {
    if (ATTRIBUTE_CODE.test(code)) attributes[code] = counts(byField.get(`attr_${code}`));
  }
  const result: SearchFacets = {
    categories: counts(byField.get("categoryIds")),
    brands: counts(byField.get("brandSlug")),
    vendors: counts(byField.get("vendorSlug")),
    ratings,
    price: {
      min: priceStats?.min !== undefined && (priceStats.total_values ?? 1) > 0 ? Math.trunc(priceStats.min) : null,
      max: priceStats?.max !== undefined && (priceStats.total_values ?? 1) > 0 ? Math.trunc(priceStats.max) : null,
    },
    attributes,
  };
  return {
    productIds: (main.hits ?? []).map((hit) => hit.document.productId),
    total: main.found,
    totalIsEstimate: Boolean(main.search_cutoff),
    facets: result,
    correctedText: correctedTextOf(query.text, main),
  };
}

function wordStarts(name: string, prefix: string, locale: string): boolean {
  const p = prefix.toLocaleLowerCase(locale);
  const lower = name.toLocaleLowerCase(locale);
  return lower.startsWith(p) || lower.split(/[\s\-/&,]+/).some((word) => word.startsWith(p));
}

// ---- the engine ----

function clientFor(config: TypesenseConfig): Client {
  if (config.client) return config.client;
  const url = new URL(config.url);
  const protocol = url.protocol.replace(":", "");
  return new Client({
    nodes: [{ host: url.hostname, port: Number(url.port || (protocol === "https" ? 443 : 80)), protocol, path: url.pathname.replace(/\/$/, "") }],
    apiKey: config.apiKey,
    connectionTimeoutSeconds: 5,
    numRetries: 2,
    retryIntervalSeconds: 0.2,
    logLevel: "warn",
  });
}

/** TYPESENSE_* from the environment, or null when search runs on PostgreSQL. */
export function typesenseConfigFromEnv(source: Pick<typeof env, "TYPESENSE_URL" | "TYPESENSE_API_KEY" | "TYPESENSE_COLLECTION"> = env): TypesenseConfig | null {
  if (!source.TYPESENSE_URL || !source.TYPESENSE_API_KEY) return null;
  return { url: source.TYPESENSE_URL, apiKey: source.TYPESENSE_API_KEY, collection: source.TYPESENSE_COLLECTION };
}

const isNotFound = (error: unknown) => error instanceof Errors.ObjectNotFound;

export function createTypesenseEngine(config: TypesenseConfig): SearchEngine {
  const client = clientFor(config);
  const name = config.collection;
  const setName = synonymSetName(name);
  let ready: Promise<void> | null = null;

  async function ensureSynonymSet() {
    try {
      await client.synonymSets(setName).retrieve();
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await client.synonymSets(setName).upsert({ items: [] });
    }
  }

  async function createCollection() {
    await ensureSynonymSet();
    await client.collections().create(collectionSchema(name));
  }

  /** Creates the collection once per process when it is missing. */
  function ensureCollection(): Promise<void> {
    ready ??= (async () => {
      try {
        await client.collections(name).retrieve();
      } catch (error) {
        if (!isNotFound(error)) throw error;
        await createCollection();
      }
    })().catch((error: unknown) => {
      ready = null;
      throw error;
    });
    return ready;
  }

  async function multiSearch(searches: (Params & { collection: string })[]): Promise<Response[]> {
    const response = await client.multiSearch.perform<TypesenseDocument[]>({ searches });
    return response.results as unknown as Response[];
  }

  return {
    name: "typesense",

    async upsert(documents) {
      if (!documents.length) return;
      await ensureCollection();
      for (let i = 0; i < documents.length; i += 500) {
        // Sent as JSONL to /documents/import; throws ImportError naming the documents that failed.
        await client.collections<TypesenseDocument>(name).documents().import(documents.slice(i, i + 500).map(toTypesenseDocument), { action: "upsert" });
      }
    },

    async remove(productIds) {
      if (!productIds.length) return;
      await ensureCollection();
      for (let i = 0; i < productIds.length; i += 100) {
        await client.collections<TypesenseDocument>(name).documents().delete({ filter_by: `productId:=${quoteList(productIds.slice(i, i + 100))}` });
      }
    },

    async search(query) {
      await ensureCollection();
      const { searches, facets } = searchRequests(name, query);
      return mapSearchResponses(query, facets, await multiSearch(searches));
    },

    async suggest(query: SuggestQuery): Promise<Suggestions> {
      const prefix = queryText(query.prefix);
      if (prefix === "*") return { products: [], categoryIds: [], brands: [] };
      await ensureCollection();
      const limit = Math.max(1, Math.min(20, Math.trunc(query.limit)));
      const filter_by = `locale:=${quoteValue(query.locale)}`;
      const common = { collection: name, q: prefix, prefix: true, filter_by, num_typos: 1 };
      const results = await multiSearch([
        { ...common, query_by: "title", per_page: limit, sort_by: "inStockRank:desc,_text_match:desc,boost:desc", include_fields: "productId,slug,title" },
        { ...common, query_by: "categoryNames", per_page: 50, include_fields: "categoryIds,categoryNames" },
        { ...common, query_by: "brandName", per_page: limit, group_by: "brandSlug", group_limit: 1, include_fields: "brandSlug,brandName" },
      ]);
      const [products, categories, brands] = results;
      if (!products || !categories || !brands) throw new Error("Typesense answered too few results");
      for (const result of results) if (result.error) throw new Error(`Typesense suggest failed: ${result.error}`);
      const categoryIds: string[] = [];
      for (const hit of categories.hits ?? []) {
        hit.document.categoryNames.forEach((categoryName, index) => {
          const id = hit.document.categoryIds[index];
          if (id && !categoryIds.includes(id) && wordStarts(categoryName, query.prefix.trim(), query.locale)) categoryIds.push(id);
        });
      }
      const brandList: Suggestions["brands"] = [];
      for (const group of brands.grouped_hits ?? []) {
        const doc = group.hits[0]?.document;
        if (doc?.brandSlug && doc.brandName) brandList.push({ slug: doc.brandSlug, name: doc.brandName });
      }
      return {
        products: (products.hits ?? []).map((hit) => ({ productId: hit.document.productId, slug: hit.document.slug, title: hit.document.title })),
        categoryIds: categoryIds.slice(0, limit),
        brands: brandList.slice(0, limit),
      };
    },

    async setSynonyms(groups: SynonymGroup[]) {
      // PUT /synonym_sets/<name> replaces every item of the set.
      await client.synonymSets(setName).upsert({
        items: groups.map((group) => ({
          id: group.id.replace(/[^A-Za-z0-9_-]/g, "_"),
          synonyms: group.terms,
          ...(group.locale ? { locale: group.locale } : {}),
        })),
      });
    },

    async clear() {
      try {
        await client.collections(name).delete();
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
      await createCollection();
      ready = Promise.resolve();
    },

    async health() {
      try {
        const health = await client.health.retrieve();
        return health.ok ? { ok: true } : { ok: false, detail: "Typesense reports not ok" };
      } catch (error) {
        return { ok: false, detail: error instanceof Error ? error.message : String(error) };
      }
    },
  };
}
