// The query string of a listing (category, shop, search), read and written in one place:
//   ?q=lamp&category=lighting&brand=acme&brand=zen&vendor=nordic&attr.material=linen&min=10&max=50&rating=4&sort=priceAsc&page=2
// `min`/`max` are in major units as a shopper types them; the server converts them to minor units.
// Shop listings read only brand/attr/min/max/sort/page (parseBrowseParams); the search engine's
// listings (search page, categories) also q, category, vendor and rating (parseSearchParams).
import { z } from "zod";
import { currencyDigits, parseMoney } from "@/lib/money";
import { queryValue, type SearchParams } from "@/lib/search-params";

/** Sort orders of a listing (the products module accepts the same names). */
export const BROWSE_SORTS = ["newest", "priceAsc", "priceDesc"] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

/** Prefix of attribute filters in the query: `attr.<code>=<value>`. */
export const ATTR_PREFIX = "attr.";
const MAX_VALUES = 50;

/** Sort orders of the search engine's listings (search.products). */
export const SEARCH_SORTS = ["relevance", "newest", "bestSelling", "rating", "priceAsc", "priceDesc"] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];
/** A category page lists without a query, so "relevance" means nothing there. */
export const CATEGORY_SORTS = ["newest", "bestSelling", "rating", "priceAsc", "priceDesc"] as const satisfies readonly SearchSort[];

export interface BrowseState<S extends string = BrowseSort> {
  /** Brand slugs. */
  brands: string[];
  /** Attribute code → accepted values. */
  attributes: Record<string, string[]>;
  /** The price bounds as typed (major units), "" when absent or invalid. */
  min: string;
  max: string;
  sort: S;
  page: number;
  /** Engine listings only: the query text, a category slug (search page), vendor slugs, minimum rating 1..4. */
  q?: string;
  category?: string;
  vendors?: string[];
  rating?: number;
  /** The sort left out of URLs; "newest" when absent. */
  defaultSort?: S;
}

/** The part of a state every listing component works with (any sort list). */
export type AnyBrowseState = BrowseState<string>;

const Values = z.array(z.string().trim().min(1).max(200)).max(MAX_VALUES);
const Code = z.string().regex(/^[A-Za-z0-9_-]{1,60}$/);
const Amount = z.string().trim().max(20).regex(/^\d+([.,]\d+)?$/);

function all(params: SearchParams, key: string): string[] {
  const raw = params[key];
  const list = Array.isArray(raw) ? raw : raw === undefined ? [] : [raw];
  const parsed = Values.safeParse([...new Set(list.map((v) => v.trim()).filter(Boolean))].slice(0, MAX_VALUES));
  return parsed.success ? parsed.data : [];
}

/** Reads a listing's query; anything malformed is dropped rather than failing the page. */
export function parseBrowseParams(params: SearchParams): BrowseState {
  const attributes: Record<string, string[]> = {};
  for (const key of Object.keys(params)) {
    if (!key.startsWith(ATTR_PREFIX)) continue;
    const code = key.slice(ATTR_PREFIX.length);
    if (!Code.safeParse(code).success) continue;
    const values = all(params, key);
    if (values.length) attributes[code] = values;
  }
  const amount = (key: string) => {
    const value = queryValue(params, key, 20);
    return Amount.safeParse(value).success ? value : "";
  };
  return {
    brands: all(params, "brand"),
    attributes,
    min: amount("min"),
    max: amount("max"),
    sort: z.enum(BROWSE_SORTS).catch("newest").parse(queryValue(params, "sort")),
    page: z.coerce.number().int().min(1).max(1000).catch(1).parse(queryValue(params, "page") || "1"),
  };
}

/**
 * Reads an engine listing's query. `search`: the search page (q, category, default sort relevance);
 * otherwise a category page (its category is the path; default sort newest).
 */
export function parseSearchParams(params: SearchParams, kind: "search" | "category"): BrowseState<SearchSort> {
  const base = parseBrowseParams(params);
  const sorts: readonly SearchSort[] = kind === "search" ? SEARCH_SORTS : CATEGORY_SORTS;
  const defaultSort: SearchSort = kind === "search" ? "relevance" : "newest";
  const sort = z.enum(sorts as [SearchSort, ...SearchSort[]]).catch(defaultSort).parse(queryValue(params, "sort"));
  const rating = z.coerce.number().int().min(1).max(4).optional().catch(undefined).parse(queryValue(params, "rating") || undefined);
  const state: BrowseState<SearchSort> = { ...base, sort, defaultSort, vendors: all(params, "vendor") };
  if (rating !== undefined) state.rating = rating;
  if (kind === "search") {
    // Any text is accepted (the engine never trusts it); only its length is bounded.
    state.q = queryValue(params, "q", 200).replace(/\s+/g, " ");
    const category = queryValue(params, "category", 60);
    if (/^[\p{L}\p{N}_-]{1,60}$/u.test(category)) state.category = category;
  }
  return state;
}

/** The input of search.products for an engine listing's state (prices in minor units of `currency`). */
export function toSearchInput(state: BrowseState<SearchSort>, currency = "USD") {
  const { brands, attributes, minPrice, maxPrice } = toBrowseFilters(state as unknown as BrowseState, currency);
  return {
    ...(state.q ? { q: state.q } : {}),
    ...(state.category ? { category: state.category } : {}),
    brands,
    vendors: state.vendors ?? [],
    attrs: attributes,
    ...(minPrice !== undefined ? { minPrice } : {}),
    ...(maxPrice !== undefined ? { maxPrice } : {}),
    ...(state.rating ? { rating: state.rating } : {}),
    sort: state.sort,
    // The engine pages through the first 100 pages only.
    page: Math.min(state.page, 100),
  };
}

/** What "clear filters" changes (the query and the category stay). */
export const CLEARED_FILTERS = { brands: [], vendors: [], rating: undefined, attributes: {}, min: "", max: "", page: 1 } satisfies Partial<AnyBrowseState>;

/** The filters for products.browse: price bounds in minor units of `currency`. */
export function toBrowseFilters(state: BrowseState, currency = "USD") {
  const minor = (text: string) => {
    if (!text) return undefined;
    const value = parseMoney(text, currency) ?? Math.round(Number(text.replace(",", ".")) * 10 ** currencyDigits(currency));
    return Number.isSafeInteger(value) && value >= 0 && value <= 1_000_000_000 ? value : undefined;
  };
  let minPrice = minor(state.min);
  let maxPrice = minor(state.max);
  if (minPrice !== undefined && maxPrice !== undefined && minPrice > maxPrice) [minPrice, maxPrice] = [maxPrice, minPrice];
  return { brands: state.brands, attributes: state.attributes, minPrice, maxPrice };
}

/** True when any filter (not sort or page) is set. */
export function hasFilters(state: AnyBrowseState): boolean {
  return state.brands.length > 0 || Object.keys(state.attributes).length > 0 || state.min !== "" || state.max !== ""
    || (state.vendors?.length ?? 0) > 0 || state.rating !== undefined;
}

/** The query for `state` with `changes` applied; defaults (newest, page 1, empty) are left out. */
export function browseQuery<S extends string>(state: BrowseState<S>, changes: Partial<BrowseState<S>> = {}): Record<string, string | string[]> {
  const next = { ...state, ...changes };
  const query: Record<string, string | string[]> = {};
  if (next.q) query.q = next.q;
  if (next.category) query.category = next.category;
  if (next.brands.length) query.brand = next.brands;
  if (next.vendors?.length) query.vendor = next.vendors;
  for (const [code, values] of Object.entries(next.attributes).sort(([a], [b]) => a.localeCompare(b))) {
    if (values.length) query[`${ATTR_PREFIX}${code}`] = values;
  }
  if (next.min) query.min = next.min;
  if (next.max) query.max = next.max;
  if (next.rating) query.rating = String(next.rating);
  if (next.sort !== (next.defaultSort ?? "newest")) query.sort = next.sort;
  if (next.page > 1) query.page = String(next.page);
  return query;
}

/** `browseQuery` as a "?…" string ("" when empty). */
export function browseSearch<S extends string>(state: BrowseState<S>, changes: Partial<BrowseState<S>> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(browseQuery(state, changes))) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
