// From the catalog to the index: SearchDocuments built from the database for product ids (one
// per locale), and the sync/reindex steps that hand them to an engine. Only products shoppers
// may see get documents; any other id is removed from the index, so every step is idempotent:
// it re-reads the database and makes the index agree.
import { localized } from "@/lib/i18n/localized";
import { locales } from "@/lib/i18n/routing";
import type { DbTx } from "@/server/db";
import { visibleProductWhere } from "@/server/modules/products/products.storefront";
import type { SearchDocument, SearchEngine } from "./search.types";
import { allSynonymGroups } from "./search.synonyms";

const DESCRIPTION_CHARS = 4000;
const SALES_WINDOW_DAYS = 30;

/** Plain text of sanitized description HTML. */
function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ").replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&#39;/g, "'")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, DESCRIPTION_CHARS);
}

/** Attribute values as filter strings: "cotton", "true", "6.1". */
function filterValues(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(filterValues);
  if (typeof value === "string") return value ? [value] : [];
  if (typeof value === "number" || typeof value === "boolean") return [String(value)];
  return [];
}

/**
 * The documents of the visible products among `productIds` (every locale), and the ids that must
 * not be in the index (hidden, banned, draft, shop suspended, deleted).
 */
export async function buildSearchDocuments(db: DbTx, productIds: string[]): Promise<{ documents: SearchDocument[]; hiddenIds: string[] }> {
  const ids = [...new Set(productIds)];
  if (ids.length === 0) return { documents: [], hiddenIds: [] };
  const products = await db.product.findMany({
    where: { id: { in: ids }, ...visibleProductWhere },
    include: {
      vendor: { select: { id: true, slug: true, name: true } },
      brand: { select: { slug: true, name: true } },
      translations: { select: { locale: true, title: true, description: true } },
      variants: { where: { active: true }, select: { price: true } },
    },
  });
  const visible = new Set(products.map((p) => p.id));
  const hiddenIds = ids.filter((id) => !visible.has(id));
  if (products.length === 0) return { documents: [], hiddenIds };

  const visibleIds = products.map((p) => p.id);
  const categoryIds = [...new Set(products.flatMap((p) => p.categoryPath))];
  const [categories, definitions, stocked, sales] = await Promise.all([
    db.category.findMany({ where: { id: { in: categoryIds } }, select: { id: true, names: true } }),
    db.attributeDefinition.findMany({ where: { categoryId: { in: categoryIds } }, select: { categoryId: true, code: true, names: true, type: true, options: true } }),
    db.$queryRaw<{ productId: string }[]>`
      SELECT DISTINCT pv."productId" FROM "ProductVariant" pv
      JOIN "StockLevel" s ON s."variantId" = pv.id
      JOIN "Warehouse" w ON w.id = s."warehouseId" AND w.active
      WHERE pv."productId" = ANY(${visibleIds}::text[]) AND pv.active AND s."onHand" - s.reserved > 0`,
    db.$queryRaw<{ productId: string; units: number }[]>`
      SELECT ol."productId", sum(ol.quantity)::int AS units FROM "OrderLine" ol
      JOIN "SubOrder" so ON so.id = ol."subOrderId"
      JOIN "Order" o ON o.id = so."orderId"
      WHERE ol."productId" = ANY(${visibleIds}::text[])
        AND o."createdAt" > now() - make_interval(days => ${SALES_WINDOW_DAYS})
        AND so.status NOT IN ('PENDING_PAYMENT', 'CANCELLED', 'REFUNDED')
      GROUP BY 1`,
  ]);
  const categoryById = new Map(categories.map((c) => [c.id, c]));
  const inStock = new Set(stocked.map((r) => r.productId));
  const salesOf = new Map(sales.map((r) => [r.productId, r.units]));

  const documents: SearchDocument[] = [];
  for (const product of products) {
    const values = (product.attributes ?? {}) as Record<string, unknown>;
    const attributes: Record<string, string[]> = {};
    for (const [code, value] of Object.entries(values)) {
      const list = filterValues(value);
      if (list.length) attributes[code] = list;
    }
    const lineage = new Set(product.categoryPath);
    const defs = definitions.filter((d) => lineage.has(d.categoryId));
    const prices = product.variants.map((v) => v.price);
    const minPrice = prices.length ? Math.min(...prices) : product.minPrice;
    const maxPrice = prices.length ? Math.max(...prices) : product.maxPrice;
    const publishedAt = (product.publishedAt ?? product.createdAt).getTime();

    for (const locale of locales) {
      const translation = product.translations.find((t) => t.locale === locale && locale !== product.locale);
      // Words of the attributes in this locale: SELECT options by their names, true booleans by the attribute's name.
      const attributeText: string[] = [];
      for (const def of defs) {
        const raw = values[def.code];
        if (raw === undefined || raw === null) continue;
        if (def.type === "SELECT") {
          const options = (def.options as { value: string; names: unknown }[] | null) ?? [];
          for (const v of filterValues(raw)) attributeText.push(localized(options.find((o) => o.value === v)?.names, locale) || v);
        } else if (def.type === "BOOLEAN") {
          if (raw === true || raw === "true") attributeText.push(localized(def.names, locale));
        } else if (def.type === "TEXT") attributeText.push(...filterValues(raw));
      }
      documents.push({
        id: `${product.id}:${locale}`,
        productId: product.id,
        locale,
        slug: product.slug,
        title: translation?.title || product.title,
        description: plainText(translation?.description || product.description),
        brandSlug: product.brand?.slug ?? null,
        brandName: product.brand?.name ?? null,
        categoryIds: product.categoryPath,
        categoryNames: product.categoryPath.map((id) => localized(categoryById.get(id)?.names, locale)).filter(Boolean),
        attributes,
        attributeText,
        vendorId: product.vendor.id,
        vendorSlug: product.vendor.slug,
        vendorName: product.vendor.name,
        currency: product.currency.trim(),
        minPrice,
        maxPrice,
        rating: 0,
        reviewCount: 0,
        inStock: inStock.has(product.id),
        recentSales: salesOf.get(product.id) ?? 0,
        promoted: false,
        publishedAt,
      });
    }
  }
  return { documents, hiddenIds };
}

/** Makes the index agree with the database for these products: upserts visible ones, removes the rest. */
export async function syncProducts(db: DbTx, engine: SearchEngine, productIds: string[]): Promise<{ upserted: number; removed: number }> {
  let upserted = 0;
  let removed = 0;
  const ids = [...new Set(productIds)];
  for (let i = 0; i < ids.length; i += 200) {
    const { documents, hiddenIds } = await buildSearchDocuments(db, ids.slice(i, i + 200));
    if (hiddenIds.length) await engine.remove(hiddenIds);
    await engine.upsert(documents);
    upserted += documents.length;
    removed += hiddenIds.length;
  }
  return { upserted, removed };
}

/**
 * Empties the engine and indexes every visible product again, in batches (id order).
 * `onProgress` hears after each batch how many products are done out of how many.
 */
export async function reindexAll(
  db: DbTx,
  engine: SearchEngine,
  options: { batchSize?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ products: number; documents: number }> {
  const batchSize = options.batchSize ?? 500;
  const total = await db.product.count({ where: visibleProductWhere });
  await engine.clear();
  // The engine's synonyms come from the groups staff keep (a fresh engine has none).
  await engine.setSynonyms(await allSynonymGroups(db));
  let cursor: string | undefined;
  let products = 0;
  let documents = 0;
  for (;;) {
    const batch = await db.product.findMany({
      where: { ...visibleProductWhere, ...(cursor ? { id: { gt: cursor } } : {}) },
      select: { id: true }, orderBy: { id: "asc" }, take: batchSize,
    });
    if (batch.length === 0) break;
    cursor = batch.at(-1)!.id;
    const built = await buildSearchDocuments(db, batch.map((p) => p.id));
    await engine.upsert(built.documents);
    products += batch.length;
    documents += built.documents.length;
    options.onProgress?.(products, total);
  }
  return { products, documents };
}
