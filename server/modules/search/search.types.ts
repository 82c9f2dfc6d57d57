// The search-engine contract. Two engines implement it: PostgreSQL full-text (the embedded
// default, providers/postgres.ts) and Typesense (providers/typesense.ts, when TYPESENSE_* is set).
// The engine knows nothing of Prisma models: the search module builds SearchDocuments from the
// database, the engine indexes them and answers with product ids, which the module turns into
// product cards (fresh prices and stock) for the pages.

import type { AttributeFacet, FacetValue, ProductCard } from "@/server/modules/products/products.storefront";

/** One product in one locale, as the engine indexes it. id = `${productId}:${locale}`. */
export interface SearchDocument {
  id: string;
  productId: string;
  locale: string;
  slug: string;
  /** Title in this locale (the seller's title when there is no translation). */
  title: string;
  /** Plain-text description in this locale (HTML stripped), cut to a few KB. */
  description: string;
  brandSlug: string | null;
  brandName: string | null;
  /** Category ids root → leaf (a product matches a filter on any of them). */
  categoryIds: string[];
  /** Category names root → leaf, in this locale (searchable text). */
  categoryNames: string[];
  /** Filterable attributes: code → value(s) as strings (SELECT option values, "true"/"false", numbers). */
  attributes: Record<string, string[]>;
  /** Optional: attribute values as words in this locale ("Cotton", "Noise cancelling"), searchable text. */
  attributeText?: string[];
  vendorId: string;
  vendorSlug: string;
  vendorName: string;
  currency: string;
  /** Lowest active variant price, minor units. */
  minPrice: number;
  maxPrice: number;
  /** Average rating 0..5 (0 when no reviews yet) and the number of reviews. */
  rating: number;
  reviewCount: number;
  /** Some active variant has available stock in an active warehouse. */
  inStock: boolean;
  /** Units sold over the last 30 days (sales velocity boost). */
  recentSales: number;
  /** Promoted by staff or a paid placement (relevance boost). */
  promoted: boolean;
  /** Epoch milliseconds; recency boost and "newest" sort. */
  publishedAt: number;
}

export type SearchSort = "relevance" | "priceAsc" | "priceDesc" | "newest" | "bestSelling" | "rating";

export interface SearchFilters {
  /** Products in this category or any of its descendants. */
  categoryId?: string;
  brandSlugs?: string[];
  vendorSlugs?: string[];
  /** Minor units, inclusive, compared with minPrice. */
  minPrice?: number;
  maxPrice?: number;
  /** 1..5: average rating at least this. */
  minRating?: number;
  /** code → accepted values (OR inside one code, AND across codes). */
  attributes?: Record<string, string[]>;
  inStockOnly?: boolean;
}

export interface SearchQuery {
  /** What the shopper typed (may be empty: browse the filtered set). Never trusted: any string. */
  text: string;
  locale: string;
  filters: SearchFilters;
  sort: SearchSort;
  /** 1-based. */
  page: number;
  pageSize: number;
  /** Attribute codes whose value counts are wanted (the category's filterable attributes). */
  facetAttributes?: string[];
}

export interface FacetCount {
  value: string;
  count: number;
}

/** Facet counts are disjunctive: each facet counts with every filter except its own. */
export interface SearchFacets {
  /** Counts per category id (every level of each product's path). */
  categories: FacetCount[];
  brands: FacetCount[];
  vendors: FacetCount[];
  /** Counts of products rated at least 1..5 ("4" = 4 stars and up). */
  ratings: FacetCount[];
  /** Price bounds of the matching set (minor units) for the price filter. */
  price: { min: number | null; max: number | null };
  attributes: Record<string, FacetCount[]>;
}

export interface SearchResult {
  /** Product ids of the requested page, best first. */
  productIds: string[];
  total: number;
  /** true when `total` is an estimate (a very broad query was not counted exactly). */
  totalIsEstimate: boolean;
  facets: SearchFacets;
  /** The query after typo correction, when words were corrected ("hedphones" → "headphones"). */
  correctedText: string | null;
}

export interface SuggestQuery {
  prefix: string;
  locale: string;
  limit: number;
}

export interface Suggestions {
  products: { productId: string; slug: string; title: string }[];
  /** Category ids whose name in this locale starts with (a word of) the prefix. */
  categoryIds: string[];
  brands: { slug: string; name: string }[];
}

/** Words that mean the same ("tee", "t-shirt"); a query for one finds the others. */
export interface SynonymGroup {
  id: string;
  /** null = every locale. */
  locale: string | null;
  terms: string[];
}

export interface SearchEngine {
  readonly name: "postgres" | "typesense";
  /** Adds or replaces documents (by id). */
  upsert(documents: SearchDocument[]): Promise<void>;
  /** Removes every locale's document of these products. */
  remove(productIds: string[]): Promise<void>;
  search(query: SearchQuery): Promise<SearchResult>;
  suggest(query: SuggestQuery): Promise<Suggestions>;
  /** Replaces the engine's synonym set with these groups. */
  setSynonyms(groups: SynonymGroup[]): Promise<void>;
  /** Empties the index (reindex starts here). */
  clear(): Promise<void>;
  health(): Promise<{ ok: boolean; detail?: string }>;
}

// ---- What the search module's procedures return to pages (search.router.ts) ----
// `search.products` (public query): input { q?, category? (slug), brands?, vendors?, minPrice?,
// maxPrice?, rating?, attrs? (code → values), inStock?, sort?, page? } + the request's locale;
// `search.suggest` (public query): input { prefix }.


export interface CategoryFacetValue {
  slug: string;
  name: string;
  parentSlug: string | null;
  count: number;
}

export interface SearchPage {
  items: ProductCard[];
  total: number;
  totalIsEstimate: boolean;
  page: number;
  pageCount: number;
  correctedText: string | null;
  facets: {
    categories: CategoryFacetValue[];
    brands: FacetValue[];
    vendors: FacetValue[];
    /** value "1".."5": rated at least that. */
    ratings: FacetValue[];
    price: { min: number | null; max: number | null };
    attributes: AttributeFacet[];
  };
}

export interface SuggestionList {
  products: { slug: string; title: string }[];
  categories: { slug: string; name: string }[];
  brands: { slug: string; name: string }[];
  /** Popular past queries starting with the prefix (search analytics). */
  queries: string[];
}
