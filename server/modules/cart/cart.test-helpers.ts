// Test helpers of the cart module (not a test file itself): sellable products with stock, and
// tRPC callers that carry a guest cart cookie like a browser would.
import crypto from "node:crypto";
import type { DbTx } from "@/server/db";
import { createCaller } from "@/server/trpc/router";
import { createCategoryPath, createShop } from "@/test/catalog-factories";
import { meta, type TestUser } from "@/test/factories";
import type { CartCookie } from "./cart.cookie";

const unique = () => crypto.randomBytes(4).toString("hex");

/**
 * An ACTIVE, approved product of `vendorId` with one variant per entry of `variants`
 * (price, stock in the shop's warehouse, optional maxPerOrder and option values).
 */
export interface SellableVariant {
  price?: number;
  stock?: number;
  maxPerOrder?: number | null;
  options?: Record<string, string>;
}

export async function createSellableProduct(
  db: DbTx,
  vendorId: string,
  variants: SellableVariant[] = [{}],
  options: { title?: string; currency?: string } = {},
) {
  const [category] = await createCategoryPath(db, [`Cat ${unique()}`]);
  const warehouse =
    (await db.warehouse.findFirst({ where: { vendorId, code: "MAIN" } })) ??
    (await db.warehouse.create({ data: { vendorId, code: "MAIN", name: "Main", countryCode: "US", isDefault: true } }));
  const axes = Object.keys(variants[0]?.options ?? {});
  const product = await db.product.create({
    data: {
      vendorId, slug: `p-${unique()}`, title: options.title ?? "Linen Shirt", categoryId: category!.id, categoryPath: [category!.id],
      status: "ACTIVE", moderation: "APPROVED", currency: options.currency ?? "USD", publishedAt: new Date(),
      options: axes.map((name) => ({ name, values: [...new Set(variants.map((v) => v.options?.[name] ?? ""))] })),
      minPrice: Math.min(...variants.map((v) => v.price ?? 2500)), maxPrice: Math.max(...variants.map((v) => v.price ?? 2500)),
    },
  });
  const created = [];
  for (const [index, v] of variants.entries()) {
    const variant = await db.productVariant.create({
      data: { productId: product.id, vendorId, sku: `SKU-${unique()}`, price: v.price ?? 2500, position: index, optionValues: v.options ?? {} },
    });
    await db.stockLevel.create({ data: { variantId: variant.id, warehouseId: warehouse.id, onHand: v.stock ?? 10 } });
    if (v.maxPerOrder !== undefined) await db.inventoryItem.create({ data: { variantId: variant.id, vendorId, maxPerOrder: v.maxPerOrder } });
    created.push(variant);
  }
  return { product, variants: created, warehouse };
}

/** An active shop with one sellable single-variant product. */
export async function shopWithProduct(db: DbTx, variant: SellableVariant = {}, name?: string) {
  const shop = await createShop(db, { name });
  const { product, variants } = await createSellableProduct(db, shop.vendor.id, [variant]);
  return { ...shop, product, variant: variants[0]! };
}

/** A cookie jar for one browser: what the server set last is sent next time. */
export function cookieJar(token: string | null = null): CartCookie & { writes: (string | null)[] } {
  const jar = {
    token,
    writes: [] as (string | null)[],
    set(value: string | null) {
      jar.token = value;
      jar.writes.push(value);
    },
  };
  return jar;
}

/** A tRPC caller for a browser with `jar`, signed in as `user` or a guest. */
export function browserCaller(db: DbTx, jar: CartCookie, user: Pick<TestUser, "id" | "email" | "name"> | null = null, locale: "en" | "ar" = "en") {
  return createCaller({
    db: db as never, meta: meta({ locale }), cartCookie: jar,
    session: user ? { sessionId: `s-${user.id}`, user: { id: user.id, email: user.email, name: user.name, locale, twoFactor: false } } : null,
  });
}
