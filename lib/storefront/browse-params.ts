// The query string of a category or shop listing, read and written in one place:
//   ?brand=acme&brand=zen&attr.material=linen&min=10&max=50&sort=priceAsc&page=2
// `min`/`max` are in major units as a shopper types them; the server converts them to minor units.
import { z } from "zod";
import { currencyDigits, parseMoney } from "@/lib/money";
import { queryValue, type SearchParams } from "@/lib/search-params";

/** Sort orders of a listing (the products module accepts the same names). */
export const BROWSE_SORTS = ["newest", "priceAsc", "priceDesc"] as const;
export type BrowseSort = (typeof BROWSE_SORTS)[number];

/** Prefix of attribute filters in the query: `attr.<code>=<value>`. */
export const ATTR_PREFIX = "attr.";
const MAX_VALUES = 50;

export interface BrowseState {
  /** Brand slugs. */
  brands: string[];
  /** Attribute code → accepted values. */
  attributes: Record<string, string[]>;
  /** The price bounds as typed (major units), "" when absent or invalid. */
  min: string;
  max: string;
  sort: BrowseSort;
  page: number;
}

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
export function hasFilters(state: BrowseState): boolean {
  return state.brands.length > 0 || Object.keys(state.attributes).length > 0 || state.min !== "" || state.max !== "";
}

/** The query for `state` with `changes` applied; defaults (newest, page 1, empty) are left out. */
export function browseQuery(state: BrowseState, changes: Partial<BrowseState> = {}): Record<string, string | string[]> {
  const next = { ...state, ...changes };
  const query: Record<string, string | string[]> = {};
  if (next.brands.length) query.brand = next.brands;
  for (const [code, values] of Object.entries(next.attributes).sort(([a], [b]) => a.localeCompare(b))) {
    if (values.length) query[`${ATTR_PREFIX}${code}`] = values;
  }
  if (next.min) query.min = next.min;
  if (next.max) query.max = next.max;
  if (next.sort !== "newest") query.sort = next.sort;
  if (next.page > 1) query.page = String(next.page);
  return query;
}

/** `browseQuery` as a "?…" string ("" when empty). */
export function browseSearch(state: BrowseState, changes: Partial<BrowseState> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(browseQuery(state, changes))) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v);
  }
  const text = search.toString();
  return text ? `?${text}` : "";
}
