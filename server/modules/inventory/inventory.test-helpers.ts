// Test data for inventory: a shop with warehouses and variants, and Order rows for reservations.
import crypto from "node:crypto";
import type { Db } from "@/server/db";
import { createProduct, CreateProductInput } from "@/server/modules/products";
import { createCategoryPath, createShop, productInput } from "@/test/catalog-factories";
import { createUser } from "@/test/factories";
import { createWarehouse, setStock } from "./inventory.service";
import { CreateWarehouseInput } from "./inventory.schema";

const unique = () => crypto.randomBytes(4).toString("hex");

/** An active shop with `warehouses` warehouses (the first is the default) and `variants` single-variant products. */
export async function stockedShop(db: Db, options: { warehouses?: number; variants?: number } = {}) {
  const shop = await createShop(db);
  const [category] = await createCategoryPath(db, [`Inventory ${unique()}`]);
  const warehouses = [];
  for (let i = 0; i < (options.warehouses ?? 1); i++) {
    warehouses.push(await db.$transaction((tx) => createWarehouse(tx, shop.actor, CreateWarehouseInput.parse({
      vendorId: shop.vendor.id, code: `WH${i + 1}`, name: `Warehouse ${i + 1}`, countryCode: "gb", city: "Leeds",
    }))));
  }
  const variants = [];
  for (let i = 0; i < (options.variants ?? 1); i++) {
    const product = await db.$transaction((tx) => createProduct(tx, shop.actor, CreateProductInput.parse(productInput(shop.vendor.id, category!.id, { title: `Item ${i} ${unique()}` }))));
    variants.push(await db.productVariant.findFirstOrThrow({ where: { productId: product.id } }));
  }
  return { ...shop, warehouses, variants };
}

/** Sets on-hand stock as the shop's owner would. */
export async function putStock(db: Db, shop: Awaited<ReturnType<typeof stockedShop>>, variantId: string, warehouseId: string, onHand: number) {
  return db.$transaction((tx) => setStock(tx, shop.actor, { vendorId: shop.vendor.id, variantId, warehouseId, onHand, reason: "count" }));
}

/** `count` pending orders of a fresh shopper (the rows reservations point at). */
export async function createOrders(db: Db, count: number) {
  const user = await createUser(db);
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const key = `${unique()}-${i}`;
    const order = await db.order.create({
      data: {
        number: `BZ-T${key}`, userId: user.id, currency: "USD", subtotal: 1000, shippingTotal: 0, total: 1000, paymentMethod: "cod",
        shippingAddress: { line1: "1 Test Street", country: "GB" }, idempotencyKey: key, requestHash: "h",
      },
      select: { id: true },
    });
    ids.push(order.id);
  }
  return ids;
}
