// The payment step's event handler: an expired reservation cancels the unpaid order, once.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { deliver, publish, SubscriptionRegistry } from "@/server/events";
import { releaseExpiredReservations, reserveStock } from "@/server/modules/inventory";
import { createOrders, putStock, stockedShop } from "@/server/modules/inventory/inventory.test-helpers";
import { cancelOrderOnReservationExpired } from "./payment.events";

const registry = new SubscriptionRegistry([cancelOrderOnReservationExpired]);
const handler = cancelOrderOnReservationExpired.name;

async function subOrderOf(orderId: string, vendorId: string, status: "PENDING_PAYMENT" | "PAID") {
  return db.subOrder.create({
    data: { orderId, vendorId, number: `${orderId}-1`, status, subtotal: 1000, shippingTotal: 0, total: 1000, shippingMethod: { name: "Standard" } },
  });
}

describe("cancel on reservation expiry", () => {
  it("cancels the unpaid order whose reservation expired, returns its stock, and does it once", async () => {
    const shop = await stockedShop(db);
    const [variant] = shop.variants;
    const [warehouse] = shop.warehouses;
    await putStock(db, shop, variant!.id, warehouse!.id, 5);
    const [orderId] = await createOrders(db, 1);
    const sub = await subOrderOf(orderId!, shop.vendor.id, "PENDING_PAYMENT");
    await db.$transaction((tx) => reserveStock(tx, { orderId: orderId!, lines: [{ variantId: variant!.id, quantity: 2 }], expiresAt: new Date(Date.now() - 1000) }));

    await releaseExpiredReservations(db, new Date());
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: "inventory.reservationExpired", aggregateId: orderId! } });
    const results = await Promise.all([deliver(db, registry, handler, event.id), deliver(db, registry, handler, event.id)]);

    expect(results.sort()).toEqual(["duplicate", "handled"]);
    expect(await db.subOrder.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ status: "CANCELLED", cancelReason: "payment window expired" });
    expect(await db.orderStatusChange.count({ where: { subOrderId: sub.id, to: "CANCELLED" } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { type: "order.cancelled", aggregateId: orderId! } })).toBe(1);
    expect(await db.stockLevel.findFirstOrThrow({ where: { variantId: variant!.id, warehouseId: warehouse!.id } })).toMatchObject({ onHand: 5, reserved: 0 });
  });

  it("leaves an order that was paid in the meantime alone", async () => {
    const shop = await stockedShop(db);
    const [orderId] = await createOrders(db, 1);
    const sub = await subOrderOf(orderId!, shop.vendor.id, "PAID");
    await db.$transaction((tx) => publish(tx, { type: "inventory.reservationExpired", aggregateType: "order", aggregateId: orderId!, payload: { orderId: orderId! } }));
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: "inventory.reservationExpired", aggregateId: orderId! } });

    expect(await deliver(db, registry, handler, event.id)).toBe("handled");
    expect(await db.subOrder.findUniqueOrThrow({ where: { id: sub.id } })).toMatchObject({ status: "PAID" });
    expect(await db.outboxEvent.count({ where: { type: "order.cancelled", aggregateId: orderId! } })).toBe(0);
  });
});
