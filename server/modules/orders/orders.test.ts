import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { addToCart } from "@/server/modules/cart";
import { shopWithProduct } from "@/server/modules/cart/cart.test-helpers";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { callerFor } from "@/test/catalog-factories";
import { actorFor, createStaffUser, createUser } from "@/test/factories";

/** Two shops, a shopper who bought 2 units from each (pay on delivery: PAID at once). */
async function paidOrder() {
  const shops = [await shopWithProduct(db, { price: 1000, stock: 10 }), await shopWithProduct(db, { price: 2000, stock: 10 })];
  for (const s of shops) await db.shippingRule.create({ data: { vendorId: s.vendor.id, name: "Standard", price: 500, currency: "USD", minDays: 1, maxDays: 3 } });
  const buyer = await createUser(db);
  const address = await db.address.create({ data: { userId: buyer.id, fullName: "Bo Buyer", line1: "2 High St", city: "Leeds", postalCode: "LS1 1AA", countryCode: "GB" } });
  for (const s of shops) await addToCart(db, { userId: buyer.id }, { variantId: s.variant.id, quantity: 2 });
  const { cartHash } = await previewCheckout(db, buyer.id, {});
  const actor = actorFor(buyer, `s-${buyer.id}`);
  const { orderId } = await placeOrder(db, actor, { idempotencyKey: crypto.randomBytes(12).toString("hex"), cartHash, addressId: address.id, paymentMethod: "pay_on_delivery" });
  const subs = await db.subOrder.findMany({ where: { orderId }, orderBy: { number: "asc" } });
  const byVendor = (vendorId: string) => subs.find((s) => s.vendorId === vendorId)!;
  return { shops, buyer, orderId, subA: byVendor(shops[0]!.vendor.id), subB: byVendor(shops[1]!.vendor.id) };
}

const stockOf = async (variantId: string) => (await db.stockLevel.findFirstOrThrow({ where: { variantId } })).onHand;
const codeOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; data?: { messageKey?: string } }) => e.code);

describe("fulfilling orders", () => {
  it("moves each shop's part through accept → ship → deliver with a timeline, and the order follows the least advanced part", async () => {
    const { shops, buyer, orderId, subA, subB } = await paidOrder();
    const sellerA = callerFor(db, shops[0]!.owner);
    const sellerB = callerFor(db, shops[1]!.owner);
    await sellerA.orders.acceptSubOrder({ vendorId: shops[0]!.vendor.id, subOrderId: subA.id });
    await sellerA.orders.markShipped({ vendorId: shops[0]!.vendor.id, subOrderId: subA.id, carrier: "DHL", trackingNumber: "JD0142" });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("PAID");
    await sellerB.orders.acceptSubOrder({ vendorId: shops[1]!.vendor.id, subOrderId: subB.id });
    await sellerB.orders.markShipped({ vendorId: shops[1]!.vendor.id, subOrderId: subB.id, carrier: "UPS", trackingNumber: "1Z999" });
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("SHIPPED");

    const mine = await callerFor(db, buyer).orders.getMyOrder({ orderId });
    expect(mine.subOrders.find((s) => s.id === subA.id)).toMatchObject({ status: "SHIPPED", carrier: "DHL", trackingNumber: "JD0142" });
    expect(mine.history.filter((h) => h.subOrderId === subA.id).map((h) => h.to)).toEqual(["PAID", "PROCESSING", "SHIPPED"]);
    expect(mine.history.filter((h) => h.subOrderId === null).map((h) => h.to)).toEqual(["PENDING_PAYMENT", "PAID", "PROCESSING", "SHIPPED"]);
    await sellerA.orders.markDelivered({ vendorId: shops[0]!.vendor.id, subOrderId: subA.id });
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: subA.id } })).deliveredAt).toBeInstanceOf(Date);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("SHIPPED");
    expect(await db.auditLog.count({ where: { resourceId: subA.id, action: { in: ["order.accept", "order.ship"] } } })).toBe(2);
    expect(await db.outboxEvent.count({ where: { aggregateId: orderId, type: "order.subOrderStatusChanged" } })).toBe(7);
  });

  it("refuses illegal moves and other shops' sub-orders, changing nothing", async () => {
    const { shops, subA, subB } = await paidOrder();
    const sellerA = callerFor(db, shops[0]!.owner);
    // Shipping before accepting skips a step.
    expect(await codeOf(sellerA.orders.markShipped({ vendorId: shops[0]!.vendor.id, subOrderId: subA.id, carrier: "DHL", trackingNumber: "X12345" }))).toBe("CONFLICT");
    // Shop A's seller cannot touch shop B's part, with either vendor id.
    expect(await codeOf(sellerA.orders.acceptSubOrder({ vendorId: shops[1]!.vendor.id, subOrderId: subB.id }))).toBe("FORBIDDEN");
    expect(await codeOf(sellerA.orders.acceptSubOrder({ vendorId: shops[0]!.vendor.id, subOrderId: subB.id }))).toBe("NOT_FOUND");
    expect(await codeOf(sellerA.orders.getVendorSubOrder({ vendorId: shops[0]!.vendor.id, subOrderId: subB.id }))).toBe("NOT_FOUND");
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: subB.id } })).status).toBe("PAID");
    // Another shopper cannot see the order; staff need orders.manage.
    const stranger = await createUser(db);
    expect(await codeOf(callerFor(db, stranger).orders.getMyOrder({ orderId: subA.orderId }))).toBe("NOT_FOUND");
    const { user: support } = await createStaffUser(db, ["users.read"]);
    expect(await codeOf(callerFor(db, support).orders.getAnyOrder({ orderId: subA.orderId }))).toBe("FORBIDDEN");
    const { user: ops } = await createStaffUser(db, ["orders.manage"]);
    expect((await callerFor(db, ops).orders.getAnyOrder({ orderId: subA.orderId })).subOrders).toHaveLength(2);
  });

  it("returns stock when a seller cancels its part, and when the shopper cancels before shipment; not after", async () => {
    const first = await paidOrder();
    const [a, b] = first.shops;
    expect(await stockOf(a!.variant.id)).toBe(8);
    await callerFor(db, a!.owner).orders.cancelSubOrder({ vendorId: a!.vendor.id, subOrderId: first.subA.id, reason: "Damaged in storage" });
    expect(await stockOf(a!.variant.id)).toBe(10);
    expect((await db.subOrder.findUniqueOrThrow({ where: { id: first.subA.id } })).cancelReason).toBe("Damaged in storage");
    await callerFor(db, first.buyer).orders.cancelMyOrder({ orderId: first.orderId, reason: "Changed my mind" });
    expect(await stockOf(b!.variant.id)).toBe(10);
    expect((await db.order.findUniqueOrThrow({ where: { id: first.orderId } })).status).toBe("CANCELLED");

    const second = await paidOrder();
    const sellerA = callerFor(db, second.shops[0]!.owner);
    await sellerA.orders.acceptSubOrder({ vendorId: second.shops[0]!.vendor.id, subOrderId: second.subA.id });
    await sellerA.orders.markShipped({ vendorId: second.shops[0]!.vendor.id, subOrderId: second.subA.id, carrier: "DHL", trackingNumber: "JD0999" });
    expect(await codeOf(callerFor(db, second.buyer).orders.cancelMyOrder({ orderId: second.orderId }))).toBe("CONFLICT");
    expect((await db.order.findUniqueOrThrow({ where: { id: second.orderId } })).status).toBe("PAID");
  });
  it("gives each face what its pages draw: thumbnails, currency and buyer, the placement row, who acted", async () => {
    const { shops, buyer, orderId, subA } = await paidOrder();
    const seller = callerFor(db, shops[0]!.owner);
    await seller.orders.acceptSubOrder({ vendorId: shops[0]!.vendor.id, subOrderId: subA.id });

    const mine = await callerFor(db, buyer).orders.listMyOrders({});
    expect(mine.items[0]!.subOrders.map((s) => s.lines.length)).toEqual([1, 1]);
    expect(mine.items[0]!.subOrders[0]!.lines[0]).toEqual({ id: expect.any(String), title: expect.any(String), imageKey: null });

    const list = await seller.orders.listVendorSubOrders({ vendorId: shops[0]!.vendor.id, query: buyer.email });
    expect(list.items.map((s) => s.id)).toEqual([subA.id]);
    expect(list.items[0]!.order).toMatchObject({ currency: "USD", user: { email: buyer.email } });

    const part = await seller.orders.getVendorSubOrder({ vendorId: shops[0]!.vendor.id, subOrderId: subA.id });
    expect(part.order.history.map((h) => [h.from, h.to])).toEqual([[null, "PENDING_PAYMENT"]]);
    expect(part.history.map((h) => h.to)).toEqual(["PAID", "PROCESSING"]);

    const { user: ops } = await createStaffUser(db, ["orders.manage"]);
    const any = await callerFor(db, ops).orders.getAnyOrder({ orderId });
    expect(any.actors[shops[0]!.owner.id]).toMatchObject({ email: shops[0]!.owner.email });
    expect(any.actors[buyer.id]).toMatchObject({ email: buyer.email });
  });
});
