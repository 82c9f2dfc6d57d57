// Storefront search: the engine finds product ids and facet counts, this module turns them into
// what pages show — fresh product cards (prices and stock read now, in the engine's order) and
// facet values with their names in the shopper's language.
import { localized } from "@/lib/i18n/localized";
import type { DbTx } from "@/server/db";
import { productCardsByIds, type AttributeFacet, type FacetValue } from "@/server/modules/products/products.storefront";
import { searchEngine } from "./providers";
import { SearchProductsInput as SearchSchema, SuggestInput as SuggestSchema, type SearchProductsInput, type SuggestInput } from "./search.schema";
import type { CategoryFacetValue, FacetCount, SearchEngine, SearchPage, SuggestionList } from "./search.types";

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

  const [items, categories, brands, vendors] = await Promise.all([
    productCardsByIds(db, locale, result.productIds),
    categoryFacet(db, locale, result.facets.categories),
    result.facets.brands.length
      ? db.brand.findMany({ where: { slug: { in: result.facets.brands.map((b) => b.value) } }, select: { slug: true, name: true } })
      : [],
    result.facets.vendors.length
      ? db.vendor.findMany({ where: { slug: { in: result.facets.vendors.map((v) => v.value) } }, select: { slug: true, name: true } })
      : [],
  ]);
  const label = (list: FacetCount[], names: { slug: string; name: string }[]): FacetValue[] => {
    const byslug = new Map(names.map((n) => [n.slug, n.name]));
    return list.map((f) => ({ value: f.value, label: byslug.get(f.value) ?? f.value, count: f.count }));
  };

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
      categories,
      brands: label(result.facets.brands, brands),
      vendors: label(result.facets.vendors, vendors),
      ratings: result.facets.ratings.map((r) => ({ value: r.value, label: r.value, count: r.count })),
      price: result.facets.price,
      attributes: attributeFacets,
    },
  };
}

/** Category counts with slugs, localized names and parent slugs (categories that no longer exist dropped). */
async function categoryFacet(db: DbTx, locale: string, counts: FacetCount[]): Promise<CategoryFacetValue[]> {
  if (counts.length === 0) return [];
  const rows = await db.category.findMany({ where: { id: { in: counts.map((c) => c.value) } }, select: { id: true, slug: true, names: true, parentId: true } });
  const missingParents = [...new Set(rows.map((r) => r.parentId).filter((id): id is string => !!id && !rows.some((r) => r.id === id)))];
  const parents = missingParents.length ? await db.category.findMany({ where: { id: { in: missingParents } }, select: { id: true, slug: true } }) : [];
  const slugOf = new Map([...rows, ...parents].map((r) => [r.id, r.slug]));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return counts.flatMap((c) => {
    const row = byId.get(c.value);
    if (!row) return [];
    return [{ slug: row.slug, name: localized(row.names, locale), parentSlug: row.parentId ? slugOf.get(row.parentId) ?? null : null, count: c.count }];
  });
}

/** Typeahead: products, categories and brands starting with what was typed. */
export async function suggest(db: DbTx, rawInput: SuggestInput, engine: SearchEngine = searchEngine()): Promise<SuggestionList> {
  const input = SuggestSchema.parse(rawInput);
  if (!input.prefix) return { products: [], categories: [], brands: [], queries: [] };
  const found = await engine.suggest({ prefix: input.prefix, locale: input.locale, limit: input.limit });
  const categories = found.categoryIds.length
    ? await db.category.findMany({ where: { id: { in: found.categoryIds } }, select: { id: true, slug: true, names: true } })
    : [];
  const byId = new Map(categories.map((c) => [c.id, c]));
  return {
    products: found.products.map((p) => ({ slug: p.slug, title: p.title })),
    categories: found.categoryIds.flatMap((id) => {
      const c = byId.get(id);
      return c ? [{ slug: c.slug, name: localized(c.names, input.locale) }] : [];
    }),
    brands: found.brands,
    // Popular past queries come from search analytics (wired where that module lands).
    queries: [],
  };
}
