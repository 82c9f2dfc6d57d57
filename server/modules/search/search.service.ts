// Storefront search: the engine finds product ids and facet counts, this module turns them into
// what pages show — fresh product cards (prices and stock read now, in the engine's order) and
// facet values with their names in the shopper's language.
import { localized } from "@/lib/i18n/localized";
import type { DbTx } from "@/server/db";
import { productCardsByIds, type AttributeFacet, type FacetValue } from "@/server/modules/products/products.storefront";
import { searchEngine } from "./providers";
import { SearchProductsInput as SearchSchema, SuggestInput as SuggestSchema, type SearchProductsInput, type SuggestInput } from "./search.schema";
import type { CategoryFacetValue, FacetCount, SearchEngine, SearchPage, SuggestionList } from "./search.types";
import { popularQueries } from "./search.analytics";

interface Labels {
  at: number;
  categories: Map<string, { slug: string; names: unknown; parentId: string | null }>;
  brands: Map<string, string>;
  vendors: Map<string, string>;
}
const LABELS_TTL_MS = 60_000;
let labelCache: Labels | null = null;

/**
 * Names for facet values: every category, brand and shop name, read at most once a minute per
 * process (they are few and change rarely), and again at once when a value is not there yet.
 */
async function facetLabels(db: DbTx, need: { categoryIds?: string[]; brandSlugs?: string[]; vendorSlugs?: string[] }): Promise<Labels> {
  const missing = (l: Labels) =>
    (need.categoryIds ?? []).some((id) => !l.categories.has(id)) || (need.brandSlugs ?? []).some((s) => !l.brands.has(s)) || (need.vendorSlugs ?? []).some((s) => !l.vendors.has(s));
  if (labelCache && Date.now() - labelCache.at < LABELS_TTL_MS && !missing(labelCache)) return labelCache;
  const [categories, brands, vendors] = await Promise.all([
    db.category.findMany({ select: { id: true, slug: true, names: true, parentId: true } }),
    db.brand.findMany({ select: { slug: true, name: true } }),
    db.vendor.findMany({ select: { slug: true, name: true } }),
  ]);
  labelCache = {
    at: Date.now(),
    categories: new Map(categories.map((c) => [c.id, { slug: c.slug, names: c.names, parentId: c.parentId }])),
    brands: new Map(brands.map((b) => [b.slug, b.name])),
    vendors: new Map(vendors.map((v) => [v.slug, v.name])),
  };
  return labelCache;
}

const emptyPage = (page: number): SearchPage => ({
  items: [], total: 0, totalIsEstimate: false, page, pageCount: 1, correctedText: null,
  facets: { categories: [], brands: [], vendors: [], ratings: [], price: { min: null, max: null }, attributes: [] },
});

/** A page of search results (or of a category's products when `q` is empty) with facets. */
export async function searchProducts(db: DbTx, rawInput: SearchProductsInput, engine: SearchEngine = searchEngine()): Promise<SearchPage> {
  const input = SearchSchema.parse(rawInput);
  const { locale } = input;

  let categoryId: string | undefined;
  let definitions: { code: string; names: unknown; unit: string | null; type: string; options: unknown }[] = [];
  if (input.category) {
    const category = await db.category.findUnique({ where: { slug: input.category }, select: { id: true, ancestorIds: true } });
    if (!category) return emptyPage(input.page);
    categoryId = category.id;
    definitions = await db.attributeDefinition.findMany({
      where: { categoryId: { in: [...category.ancestorIds, category.id] }, filterable: true },
      orderBy: [{ position: "asc" }, { code: "asc" }],
      select: { code: true, names: true, unit: true, type: true, options: true },
    });
  }
  const known = new Set(definitions.map((d) => d.code));
  const attributes = Object.fromEntries(Object.entries(input.attrs).filter(([code, values]) => known.has(code) && values.length > 0));

  const result = await engine.search({
    text: input.q,
    locale,
    filters: {
      categoryId,
      brandSlugs: input.brands,
      vendorSlugs: input.vendors,
      minPrice: input.minPrice,
      maxPrice: input.maxPrice,
      minRating: input.rating,
      attributes,
      inStockOnly: input.inStock,
    },
    sort: input.sort,
    page: input.page,
    pageSize: input.pageSize,
    facetAttributes: definitions.map((d) => d.code),
  });

  const [items, labels] = await Promise.all([
    productCardsByIds(db, locale, result.productIds),
    facetLabels(db, {
      categoryIds: result.facets.categories.map((c) => c.value),
      brandSlugs: result.facets.brands.map((b) => b.value),
      vendorSlugs: result.facets.vendors.map((v) => v.value),
    }),
  ]);
  const label = (list: FacetCount[], names: Map<string, string>): FacetValue[] =>
    list.map((f) => ({ value: f.value, label: names.get(f.value) ?? f.value, count: f.count }));

  const attributeFacets: AttributeFacet[] = definitions.map((d) => {
    const options = (d.options as { value: string; names: unknown }[] | null) ?? [];
    return {
      code: d.code,
      label: localized(d.names, locale),
      unit: d.unit,
      values: (result.facets.attributes[d.code] ?? []).map((f) => ({
        value: f.value,
        count: f.count,
        label: d.type === "SELECT" ? localized(options.find((o) => o.value === f.value)?.names, locale) || f.value : f.value,
      })),
    };
  }).filter((f) => f.values.length > 0);

  return {
    items,
    total: result.total,
    totalIsEstimate: result.totalIsEstimate,
    page: input.page,
    pageCount: Math.min(Math.max(1, Math.ceil(result.total / input.pageSize)), 100),
    correctedText: result.correctedText,
    facets: {
      categories: categoryFacet(labels, locale, result.facets.categories),
      brands: label(result.facets.brands, labels.brands),
      vendors: label(result.facets.vendors, labels.vendors),
      ratings: result.facets.ratings.map((r) => ({ value: r.value, label: r.value, count: r.count })),
      price: result.facets.price,
      attributes: attributeFacets,
    },
  };
}

/** Category counts with slugs, localized names and parent slugs (categories that no longer exist dropped). */
function categoryFacet(labels: Labels, locale: string, counts: FacetCount[]): CategoryFacetValue[] {
  return counts.flatMap((c) => {
    const row = labels.categories.get(c.value);
    if (!row) return [];
    const parentSlug = row.parentId ? labels.categories.get(row.parentId)?.slug ?? null : null;
    return [{ slug: row.slug, name: localized(row.names, locale), parentSlug, count: c.count }];
  });
}

/** Typeahead: products, categories and brands starting with what was typed. */
export async function suggest(db: DbTx, rawInput: SuggestInput, engine: SearchEngine = searchEngine()): Promise<SuggestionList> {
  const input = SuggestSchema.parse(rawInput);
  if (!input.prefix) return { products: [], categories: [], brands: [], queries: [] };
  const [found, queries] = await Promise.all([
    engine.suggest({ prefix: input.prefix, locale: input.locale, limit: input.limit }),
    popularQueries(db, input.prefix, input.locale, 4),
  ]);
  const byId = found.categoryIds.length ? (await facetLabels(db, { categoryIds: found.categoryIds })).categories : new Map<string, { slug: string; names: unknown }>();
  return {
    products: found.products.map((p) => ({ slug: p.slug, title: p.title })),
    categories: found.categoryIds.flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ slug: c.slug, name: localized(c.names, input.locale) }] : [];
    }),
    brands: found.brands,
    queries,
  };
}
