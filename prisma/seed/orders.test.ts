import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createSellableProduct } from "@/server/modules/cart/cart.test-helpers";
import { createUser } from "@/test/factories";
import { drainOutbox } from "@/test/outbox";
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

    // Orders 1, 2 and 4 were paid by card through the sandbox: one captured payment each, for the total.
    const payments = await db.payment.findMany({ where: { order: { userId: shopper.id } }, include: { order: true } });
    expect(payments.map((p) => p.order.idempotencyKey).sort()).toEqual(["demo-seed-order-1", "demo-seed-order-2", "demo-seed-order-4"]);
    for (const p of payments) expect(p).toMatchObject({ status: "CAPTURED", provider: "sandbox", amount: p.order.total });
    expect(orders.map((o) => o.paymentMethod)).toEqual(["card", "card", "pay_on_delivery", "card", "pay_on_delivery"]);

    // Once the worker has run the handlers, the seller ledger holds every paid order, balanced:
    // each transaction sums to zero, and each card charge = Σ seller nets + commission + fees.
    await drainOutbox();
    const sums = await db.ledgerEntry.groupBy({ by: ["transactionId"], _sum: { amount: true } });
    expect(sums.length).toBeGreaterThan(0);
    expect(sums.filter((t) => t._sum.amount !== 0)).toEqual([]);
    for (const p of payments) {
      const earnings = await db.sellerEarning.findMany({ where: { orderId: p.orderId } });
      expect(earnings.length).toBe(await db.subOrder.count({ where: { orderId: p.orderId } }));
      expect(earnings.reduce((sum, e) => sum + e.net + e.commission + e.fee, 0)).toBe(p.amount);
    }

    expect(await seedOrders(db)).toBe(0);
    expect(await db.order.count()).toBe(5);
  });
});
