// What shoppers see: visible products (active, not rejected or banned, from an active shop),
// the product page and category/shop listings with filters, facets, sorting and pages.
// Listings query PostgreSQL directly; the search issue moves them onto the search engine.
import { localized } from "@/lib/i18n/localized";
import { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { descriptionExcerpt } from "./rich-text";
import { BrowseProductsInput as BrowseSchema, type BrowseProductsInput, type ProductOption, type ProductPageInput } from "./products.schema";

/** SQL condition: the product `p` (joined with its vendor `v`) may be shown to shoppers. */
const VISIBLE = Prisma.sql`p.status = 'ACTIVE' AND p.moderation IN ('PENDING', 'APPROVED') AND v.status = 'ACTIVE'`;

/** Prisma filter with the same meaning as VISIBLE. */
export const visibleProductWhere = {
  status: "ACTIVE", moderation: { in: ["PENDING", "APPROVED"] }, vendor: { status: "ACTIVE" },
} satisfies Prisma.ProductWhereInput;

export interface ImageRef {
  storageKey: string;
  placeholder: string;
  width: number;
  height: number;
}

export interface ProductCard {
  id: string;
  slug: string;
  title: string;
  currency: string;
  minPrice: number;
  maxPrice: number;
  compareAtPrice: number | null;
  image: ImageRef | null;
  vendor: { name: string; slug: string; acceptingOrders: boolean };
  brand: string | null;
  publishedAt: Date | null;
}

interface CardRow {
  id: string; slug: string; title: string; currency: string; minPrice: number; maxPrice: number; compareAtPrice: number | null;
  storageKey: string | null; placeholder: string | null; width: number | null; height: number | null;
  vendorName: string; vendorSlug: string; acceptingOrders: boolean; brand: string | null; publishedAt: Date | null;
}

function toCard(row: CardRow): ProductCard {
  const { storageKey, placeholder, width, height, vendorName, vendorSlug, acceptingOrders, ...rest } = row;
  return {
    ...rest,
    currency: rest.currency.trim(),
    image: storageKey ? { storageKey, placeholder: placeholder ?? "", width: width ?? 0, height: height ?? 0 } : null,
    vendor: { name: vendorName, slug: vendorSlug, acceptingOrders },
  };
}

/** Cards for the products matching `where` (an SQL condition over p, v), in `order`. */
async function cards(db: DbTx, locale: string, where: Prisma.Sql, order: Prisma.Sql, limit: number, offset = 0): Promise<ProductCard[]> {
  const rows = await db.$queryRaw<CardRow[]>`
    SELECT p.id, p.slug, coalesce(t.title, p.title) AS title, p.currency, p."minPrice", p."maxPrice", cv."compareAtPrice",
           img."storageKey", img.placeholder, img.width, img.height,
           v.name AS "vendorName", v.slug AS "vendorSlug", v."acceptingOrders", b.name AS brand, p."publishedAt"
    FROM "Product" p
    JOIN "Vendor" v ON v.id = p."vendorId"
    LEFT JOIN "Brand" b ON b.id = p."brandId"
    LEFT JOIN "ProductTranslation" t ON t."productId" = p.id AND t.locale = ${locale}
    LEFT JOIN LATERAL (
      SELECT m."storageKey", m.placeholder, m.width, m.height FROM "ProductImage" pi JOIN "MediaAsset" m ON m.id = pi."mediaId"
      WHERE pi."productId" = p.id ORDER BY pi.position LIMIT 1) img ON true
    LEFT JOIN LATERAL (
      SELECT pv."compareAtPrice" FROM "ProductVariant" pv WHERE pv."productId" = p.id AND pv.active ORDER BY pv.price, pv.position LIMIT 1) cv ON true
    WHERE ${where}
    ORDER BY ${order}
    LIMIT ${limit} OFFSET ${offset}`;
  return rows.map(toCard);
}

const ORDER = {
  newest: Prisma.sql`p."publishedAt" DESC NULLS LAST, p.id DESC`,
  priceAsc: Prisma.sql`p."minPrice" ASC, p.id`,
  priceDesc: Prisma.sql`p."minPrice" DESC, p.id`,
} as const;

/** Cards of the visible products among `ids`, in the order of `ids` (unknown or hidden ones left out). */
export async function productCardsByIds(db: DbTx, locale: string, ids: string[]): Promise<ProductCard[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const rows = await cards(db, locale, Prisma.sql`${VISIBLE} AND p.id = ANY(${unique}::text[])`, Prisma.sql`p.id`, unique.length);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return unique.flatMap((id) => byId.get(id) ?? []);
}

/** The newest visible products, for the home page. */
export function listNewArrivals(db: DbTx, locale: string, limit = 12) {
  return cards(db, locale, VISIBLE, ORDER.newest, limit);
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface AttributeFacet {
  code: string;
  label: string;
  unit: string | null;
  values: FacetValue[];
}

/**
 * A page of a category's or a shop's visible products with the filters applied, plus facet counts:
 * each facet counts with every filter except its own, so choosing a brand still shows the others.
 * Returns null when the category or shop does not exist (or the shop is not active).
 */
export async function browseProducts(db: DbTx, rawInput: BrowseProductsInput) {
  const input = BrowseSchema.parse(rawInput);
  const { filters, locale } = input;
  const scope: Prisma.Sql[] = [VISIBLE];

  let definitions: { code: string; names: unknown; unit: string | null; type: string; options: unknown; filterable: boolean }[] = [];
  if (input.categorySlug) {
    const category = await db.category.findUnique({ where: { slug: input.categorySlug }, select: { id: true, ancestorIds: true } });
    if (!category) return null;
    scope.push(Prisma.sql`p."categoryPath" @> ARRAY[${category.id}]::text[]`);
    definitions = await db.attributeDefinition.findMany({
      where: { categoryId: { in: [...category.ancestorIds, category.id] }, filterable: true, type: { in: ["SELECT", "BOOLEAN", "NUMBER", "TEXT"] } },
      orderBy: [{ position: "asc" }, { code: "asc" }],
    });
  }
  if (input.vendorSlug) {
    const vendor = await db.vendor.findUnique({ where: { slug: input.vendorSlug }, select: { id: true, status: true } });
    if (!vendor || vendor.status !== "ACTIVE") return null;
    scope.push(Prisma.sql`p."vendorId" = ${vendor.id}`);
  }

  const known = new Set(definitions.map((d) => d.code));
  const attributeFilters = Object.entries(filters.attributes).filter(([code, values]) => known.has(code) && values.length > 0);
  const conditions = {
    price: [
      ...(filters.minPrice !== undefined ? [Prisma.sql`p."minPrice" >= ${filters.minPrice}`] : []),
      ...(filters.maxPrice !== undefined ? [Prisma.sql`p."minPrice" <= ${filters.maxPrice}`] : []),
    ],
    brand: filters.brands.length ? [Prisma.sql`p."brandId" IN (SELECT id FROM "Brand" WHERE slug = ANY(${filters.brands}::text[]))`] : [],
    attributes: new Map(attributeFilters.map(([code, values]) => [code, Prisma.sql`(p.attributes ->> ${code}) = ANY(${values}::text[])`])),
  };
  const all = (except?: "price" | "brand" | string) => Prisma.join([
    ...scope,
    ...(except === "price" ? [] : conditions.price),
    ...(except === "brand" ? [] : conditions.brand),
    ...[...conditions.attributes].filter(([code]) => code !== except).map(([, sql]) => sql),
  ], " AND ");

  const from = Prisma.sql`FROM "Product" p JOIN "Vendor" v ON v.id = p."vendorId"`;
  const where = all();
  const offset = (input.page - 1) * input.pageSize;
  const [items, totalRows, brandRows, [priceRange], attributeRows] = await Promise.all([
    cards(db, locale, where, ORDER[input.sort], input.pageSize, offset),
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total ${from} WHERE ${where}`,
    db.$queryRaw<{ slug: string; name: string; count: number }[]>`
      SELECT b.slug, b.name, count(*)::int AS count ${from} JOIN "Brand" b ON b.id = p."brandId"
      WHERE ${all("brand")} GROUP BY b.slug, b.name ORDER BY count DESC, b.name LIMIT 30`,
    db.$queryRaw<{ min: number | null; max: number | null }[]>`SELECT min(p."minPrice") AS min, max(p."minPrice") AS max ${from} WHERE ${all("price")}`,
    Promise.all(definitions.map((d) => db.$queryRaw<{ value: string; count: number }[]>`
      SELECT p.attributes ->> ${d.code} AS value, count(*)::int AS count ${from}
      WHERE ${all(d.code)} AND p.attributes ? ${d.code} GROUP BY 1 ORDER BY count DESC, 1 LIMIT 30`)),
  ]);

  const attributes: AttributeFacet[] = definitions.map((d, i) => {
    const options = (d.options as { value: string; names: unknown }[]) ?? [];
    return {
      code: d.code,
      label: localized(d.names, locale),
      unit: d.unit,
      values: attributeRows[i]!.map((r) => ({
        value: r.value,
        count: r.count,
        label: d.type === "SELECT" ? localized(options.find((o) => o.value === r.value)?.names, locale) || r.value : r.value,
      })),
    };
  }).filter((f) => f.values.length > 0);

  const total = totalRows[0]?.total ?? 0;
  return {
    items,
    total,
    page: input.page,
    pageCount: Math.max(1, Math.ceil(total / input.pageSize)),
    facets: {
      brands: brandRows.map((b) => ({ value: b.slug, label: b.name, count: b.count })),
      price: { min: priceRange?.min ?? null, max: priceRange?.max ?? null },
      attributes,
    },
  };
}

/**
 * The product page: a visible product in the shopper's language (falling back to the seller's),
 * `{ kind: "redirect", slug }` for a former slug, or null (unknown, draft, rejected, banned, shop not active).
 */
export async function getProductPage(db: DbTx, input: ProductPageInput) {
  const product = await db.product.findFirst({
    where: { slug: input.slug, ...visibleProductWhere },
    include: {
      vendor: { select: { id: true, name: true, slug: true, acceptingOrders: true, description: true, logo: { select: { storageKey: true, placeholder: true, width: true, height: true } } } },
      brand: { select: { name: true, slug: true } },
      category: { select: { id: true, slug: true, names: true, ancestorIds: true } },
      translations: { where: { locale: input.locale } },
      images: { orderBy: { position: "asc" }, include: { media: { select: { storageKey: true, placeholder: true, width: true, height: true } } } },
      variants: { where: { active: true }, orderBy: { position: "asc" } },
    },
  });
  if (!product) {
    const redirect = await db.productSlugRedirect.findUnique({ where: { slug: input.slug }, select: { product: { select: { slug: true, status: true, moderation: true, vendor: { select: { status: true } } } } } });
    const target = redirect?.product;
    if (target && target.status === "ACTIVE" && ["PENDING", "APPROVED"].includes(target.moderation) && target.vendor.status === "ACTIVE") {
      return { kind: "redirect", slug: target.slug } as const;
    }
    return null;
  }

  const categoryIds = [...product.category.ancestorIds, product.category.id];
  const [ancestors, definitions] = await Promise.all([
    db.category.findMany({ where: { id: { in: product.category.ancestorIds } }, select: { id: true, slug: true, names: true } }),
    db.attributeDefinition.findMany({ where: { categoryId: { in: categoryIds } }, orderBy: [{ position: "asc" }, { code: "asc" }] }),
  ]);
  const translation = product.translations[0];
  const title = translation?.title ?? product.title;
  const description = translation?.description || product.description;
  const values = product.attributes as Record<string, string | number | boolean>;
  const attributes = definitions
    .sort((a, b) => categoryIds.indexOf(a.categoryId) - categoryIds.indexOf(b.categoryId))
    .filter((d) => values[d.code] !== undefined)
    .map((d) => {
      const raw = values[d.code]!;
      const option = d.type === "SELECT" ? (d.options as { value: string; names: unknown }[]).find((o) => o.value === raw) : undefined;
      return { code: d.code, type: d.type, label: localized(d.names, input.locale), unit: d.unit, value: option ? localized(option.names, input.locale) || String(raw) : raw };
    });
  const breadcrumbs = [
    ...product.category.ancestorIds.map((id) => ancestors.find((a) => a.id === id)).filter((a) => a !== undefined),
    product.category,
  ].map((c) => ({ slug: c.slug, name: localized(c.names, input.locale) }));
  const imageIdToIndex = new Map(product.images.map((image, index) => [image.id, index]));

  return {
    kind: "product",
    product: {
      id: product.id,
      slug: product.slug,
      title,
      description,
      excerpt: descriptionExcerpt(description),
      locale: translation ? input.locale : product.locale,
      currency: product.currency.trim(),
      minPrice: product.minPrice,
      maxPrice: product.maxPrice,
      options: product.options as ProductOption[],
      images: product.images.map((image) => ({ ...image.media, alt: image.alt || title })),
      variants: product.variants.map((v) => ({
        id: v.id, sku: v.sku, optionValues: v.optionValues as Record<string, string>, price: v.price, compareAtPrice: v.compareAtPrice,
        barcode: v.barcode, imageIndex: v.imageId ? imageIdToIndex.get(v.imageId) ?? null : null,
      })),
      attributes,
      breadcrumbs,
      brand: product.brand,
      vendor: product.vendor,
      publishedAt: product.publishedAt,
      updatedAt: product.updatedAt,
    },
  } as const;
}
