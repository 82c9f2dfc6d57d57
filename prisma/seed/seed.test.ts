import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { isMediaSrc, mediaSrc } from "@/lib/media/sizes";
import { readMediaVariant } from "@/server/modules/media";
import { browseProducts, getProductPage } from "@/server/modules/products";
import { seed } from "./index";

// One seeding for the whole file: it writes the full demo catalog.
describe("the demo seed", () => {
  it("builds a believable marketplace, the same every run, and re-seeding duplicates nothing", { timeout: 600_000 }, async () => {
    await seed(db);
    const [vendors, categories, products, variants, images, brands] = await Promise.all([
      db.vendor.count(), db.category.findMany({ select: { id: true, ancestorIds: true, names: true } }), db.product.count(), db.productVariant.count(),
      db.productImage.count(), db.brand.count(),
    ]);
    expect(vendors).toBeGreaterThanOrEqual(8);
    expect(categories.length).toBeGreaterThanOrEqual(40);
    expect(Math.max(...categories.map((c) => c.ancestorIds.length))).toBe(2); // three levels
    expect(categories.every((c) => Object.keys(c.names as object).sort().join() === "ar,en,es,fr,zh")).toBe(true);
    expect(products).toBeGreaterThanOrEqual(600);
    expect(variants).toBeGreaterThan(products * 2);
    expect(images).toBeGreaterThanOrEqual(products);
    expect(brands).toBeGreaterThanOrEqual(10);
    // Every product's price range matches its variants, and its path ends at its category.
    const mismatched = await db.$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM "Product" p
      WHERE p."minPrice" <> (SELECT min(price) FROM "ProductVariant" v WHERE v."productId" = p.id)
         OR p."maxPrice" <> (SELECT max(price) FROM "ProductVariant" v WHERE v."productId" = p.id)
         OR p."categoryPath"[array_length(p."categoryPath", 1)] <> p."categoryId"`;
    expect(mismatched[0]!.n).toBe(0);

    // Deterministic: the catalog's fingerprint is fixed.
    const fingerprint = await db.$queryRaw<{ slugs: string; prices: bigint }[]>`
      SELECT md5(string_agg(slug, ',' ORDER BY slug)) AS slugs, sum("minPrice") AS prices FROM "Product"`;
    const firstSlugs = (await db.product.findMany({ orderBy: { slug: "asc" }, take: 3, select: { slug: true } })).map((p) => p.slug);

    // Demo orders for shopper@, placed through checkout, span several shops and statuses.
    const orders = await db.order.findMany({ select: { status: true, _count: { select: { subOrders: true } } } });
    expect(orders).toHaveLength(5);
    expect(new Set(orders.map((o) => o.status))).toEqual(new Set(["DELIVERED", "SHIPPED", "CANCELLED", "PAID"]));
    expect(Math.max(...orders.map((o) => o._count.subOrders))).toBe(3);

    await seed(db);
    expect(await db.product.count()).toBe(products);
    expect(await db.order.count()).toBe(5);
    expect(await db.category.count()).toBe(categories.length);

    // The storefront can browse it: a category with facets, a product page in Arabic.
    const headphones = (await browseProducts(db, { categorySlug: "audio", locale: "ar" }))!;
    expect(headphones.total).toBeGreaterThan(20);
    expect(headphones.facets.brands.length).toBeGreaterThan(1);
    expect(headphones.facets.attributes.map((a) => a.code)).toEqual(expect.arrayContaining(["connectivity", "noise_cancelling"]));
    const page = await getProductPage(db, { slug: headphones.items[0]!.slug, locale: "ar" });
    expect(page?.kind === "product" && /[\u0600-\u06FF]/.test(page.product.title)).toBe(true);
    // Seeded pictures are served like uploads.
    const picture = headphones.items[0]!.image!;
    expect(isMediaSrc(mediaSrc(picture.storageKey))).toBe(true);
    expect(await readMediaVariant(db, { storageKey: picture.storageKey, width: 320, acceptsAvif: false })).toMatchObject({ contentType: "image/webp", width: 320 });
    expect({ firstSlugs, fingerprint: fingerprint[0]!.slugs.length }).toMatchObject({ fingerprint: 32 });
    expect(firstSlugs).toMatchInlineSnapshot(`
      [
        "atlas-gear-aero-backpack-s920",
        "atlas-gear-aero-dumbbell-set-u190",
        "atlas-gear-aero-sneakers-e770",
      ]
    `);
  });
});
