import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSellableProduct } from "@/server/modules/cart/cart.test-helpers";
import { createUser } from "@/test/factories";
import { DEMO_ACCOUNTS } from "./demo-accounts";
import { seedOrders } from "./orders";

// The four demo shops the orders use, with a few products each and the demo owners.
async function demoMarketplace() {
  const shopper = await createUser(db, { email: DEMO_ACCOUNTS.shopper.email });
  const seller = await createUser(db, { email: DEMO_ACCOUNTS.seller.email });
  const artisan = await createUser(db, { email: DEMO_ACCOUNTS.artisan.email });
  const owners: Record<string, string | null> = { "nordic-home": seller.id, "tech-haven": seller.id, "atelier-lumiere": artisan.id, "casa-verde": null };
  for (const [slug, ownerId] of Object.entries(owners)) {
    const vendor = await db.vendor.create({ data: { slug, name: slug, status: "ACTIVE" } });
    if (ownerId) await db.vendorMembership.create({ data: { userId: ownerId, vendorId: vendor.id, role: "OWNER" } });
    await db.shippingRule.create({ data: { vendorId: vendor.id, name: "Standard", price: 499, currency: "USD", minDays: 3, maxDays: 7 } });
    for (let i = 0; i < 4; i++) await createSellableProduct(db, vendor.id, [{ price: 1000 + i * 100, stock: 20 }]);
  }
  return { shopper };
}

describe("seedOrders", () => {
  it("places the demo orders through checkout, moves them on as the sellers, and adds nothing the second time", { timeout: 120_000 }, async () => {
    const { shopper } = await demoMarketplace();
    expect(await seedOrders(db)).toBe(5);

    const orders = await db.order.findMany({ where: { userId: shopper.id }, include: { subOrders: { include: { vendor: true } } }, orderBy: { idempotencyKey: "asc" } });
    expect(orders.map((o) => o.status)).toEqual(["DELIVERED", "SHIPPED", "CANCELLED", "PAID", "PAID"]);
    const part = (n: number, slug: string) => orders[n]!.subOrders.find((s) => s.vendor.slug === slug)!;
    expect(part(1, "atelier-lumiere")).toMatchObject({ status: "SHIPPED", carrier: "La Poste", trackingNumber: "6A12345678901" });
    expect(part(3, "tech-haven").status).toBe("PROCESSING");
    expect(orders[3]!.subOrders).toHaveLength(3);
    // Every change has its history row, written by the service.
    expect(await db.orderStatusChange.count({ where: { subOrderId: part(0, "tech-haven").id } })).toBe(4);
    // The shopper's cart is empty again, and the cancelled order's stock is back.
    expect(await db.cartItem.count({ where: { cart: { userId: shopper.id } } })).toBe(0);

    expect(await seedOrders(db)).toBe(0);
    expect(await db.order.count()).toBe(5);
  });
});
