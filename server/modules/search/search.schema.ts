// Inputs of the search procedures. What shoppers type is never refused: text is trimmed and cut
// to 200 characters (and anything unusable becomes an empty search), lists are bounded.
import { z } from "zod";
import { routing } from "@/lib/i18n/routing";
import { MAX_QUERY_CHARS } from "./search.text";

const MAX_PRICE = 100_000_000;
const Slug = z.string().max(120);
const Slugs = z.array(Slug).max(20).default([]);

/** Free text: trimmed, cut to MAX_QUERY_CHARS; a non-string or absurd size is an empty query. */
const QueryText = z.string().max(10_000).transform((s) => s.trim().slice(0, MAX_QUERY_CHARS)).catch("");

export const SEARCH_SORTS = ["relevance", "priceAsc", "priceDesc", "newest", "bestSelling", "rating"] as const;
export const SEARCH_PAGE_SIZE = 24;
export const MAX_SEARCH_PAGE = 100;

export const SearchProductsInput = z.object({
  locale: z.enum(routing.locales).default("en"),
  q: QueryText.default(""),
  /** Category slug: this category and its descendants. */
  category: Slug.optional(),
  brands: Slugs,
  vendors: Slugs,
  minPrice: z.number().int().min(0).max(MAX_PRICE).optional(),
  maxPrice: z.number().int().min(0).max(MAX_PRICE).optional(),
  /** Rated at least this many stars. */
  rating: z.number().int().min(1).max(5).optional(),
  /** Attribute code → accepted values. */
  attrs: z.record(z.string().max(60), z.array(z.string().max(200)).max(20))
    .refine((r) => Object.keys(r).length <= 20, { error: "validation.invalid" })
    .default({}),
  inStock: z.boolean().default(false),
  sort: z.enum(SEARCH_SORTS).default("relevance"),
  page: z.number().int().min(1).max(MAX_SEARCH_PAGE).default(1),
  pageSize: z.number().int().min(1).max(60).default(SEARCH_PAGE_SIZE),
});
export type SearchProductsInput = z.input<typeof SearchProductsInput>;

export const SuggestInput = z.object({
  locale: z.enum(routing.locales).default("en"),
  prefix: QueryText.default(""),
  limit: z.number().int().min(1).max(10).default(6),
});
export type SuggestInput = z.input<typeof SuggestInput>;
