import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { addToCart } from "@/server/modules/cart";
import { shopWithProduct } from "@/server/modules/cart/cart.test-helpers";
import { acceptSubOrder, markDelivered, markShipped } from "@/server/modules/orders";
import { createSandboxProvider } from "@/server/modules/payments/providers";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { cancelOrderAndRefund, cancelSubOrderAndRefund } from "@/server/workflows/cancellation";
import { actorFor, createUser } from "@/test/factories";
import { confirmSandboxCard, startPayment } from "./pay";
import { adminRefund, sellerRefund } from "./refund-orders";

const sandbox = createSandboxProvider({ db, webhookSecret: "whsec_refund_orders_test", schedule: () => {} });
const GOOD = { number: "4242424242424242", expMonth: 12, expYear: 2034, cvc: "123" };

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, key: (error as AppError).messageKey };
}

/** A paid two-shop card order: shop A sells 1 × 1000 (+250 shipping), shop B 1 × 2000 (+250). */
async function paidOrder() {
  const shops = [await shopWithProduct(db, { price: 1000, stock: 5 }), await shopWithProduct(db, { price: 2000, stock: 5 })];
  for (const s of shops) await db.shippingRule.create({ data: { vendorId: s.vendor.id, name: "Standard", price: 250, currency: "USD", minDays: 2, maxDays: 5 } });
  const user = await createUser(db);
  const actor = actorFor(user, `s-${user.id}`);
  const address = await db.address.create({ data: { userId: user.id, fullName: "Ana Buyer", line1: "1 Main St", city: "Springfield", postalCode: "12345", countryCode: "US", isDefault: true } });
  for (const s of shops) await addToCart(db, { userId: user.id }, { variantId: s.variant.id, quantity: 1 });
  const preview = await previewCheckout(db, user.id, {});
  const { orderId } = await placeOrder(db, actor, { idempotencyKey: crypto.randomBytes(12).toString("hex"), cartHash: preview.cartHash, addressId: address.id, paymentMethod: "card" });
  const session = await startPayment(db, sandbox, actor, orderId);
  await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...GOOD });
  const subs = await db.subOrder.findMany({ where: { orderId }, orderBy: { total: "asc" } });
  const part = (i: 0 | 1) => ({ shop: shops[i]!, sub: subs[i]! });
  return { orderId, actor, session, a: part(0), b: part(1) };
}

const subStatus = (id: string) => db.subOrder.findUniqueOrThrow({ where: { id } }).then((s) => s.status);
const stockOf = (variantId: string) => db.stockLevel.findFirstOrThrow({ where: { variantId } }).then((s) => s.onHand);

describe("refunding orders", () => {
  it("a seller refunds part of its sub-order before shipment, then the rest; after shipping it may not", async () => {
    const { a, b } = await paidOrder();
    await sellerRefund(db, sandbox, a.shop.actor, a.shop.vendor.id, { subOrderId: a.sub.id, amount: 400, reason: "a scuffed corner" });
    expect(await subStatus(a.sub.id)).toBe("PARTIALLY_REFUNDED");
    await sellerRefund(db, sandbox, a.shop.actor, a.shop.vendor.id, { subOrderId: a.sub.id, amount: 850, reason: "out of stock after all" });
    expect(await subStatus(a.sub.id)).toBe("REFUNDED");

    // Another shop's seller cannot touch it; and once B has shipped, B's seller cannot refund.
    expect(await errorOf(sellerRefund(db, sandbox, b.shop.actor, b.shop.vendor.id, { subOrderId: a.sub.id, amount: 1, reason: "not mine" }))).toEqual({ code: "NOT_FOUND", key: "orders.notFound" });
    expect(await errorOf(sellerRefund(db, sandbox, b.shop.actor, a.shop.vendor.id, { subOrderId: a.sub.id, amount: 1, reason: "not mine" }))).toMatchObject({ code: "FORBIDDEN" });
    await db.$transaction((tx) => acceptSubOrder(tx, b.shop.actor, { vendorId: b.shop.vendor.id, subOrderId: b.sub.id }));
    await db.$transaction((tx) => markShipped(tx, b.shop.actor, { vendorId: b.shop.vendor.id, subOrderId: b.sub.id, carrier: "DHL", trackingNumber: "JD0001" }));
    expect(await errorOf(sellerRefund(db, sandbox, b.shop.actor, b.shop.vendor.id, { subOrderId: b.sub.id, amount: 100, reason: "late" }))).toEqual({ code: "CONFLICT", key: "payments.refundAfterShipment" });
  });

  it("staff refund a delivered part; the part becomes refunded and it is audited", async () => {
    const { b, session } = await paidOrder();
    await db.$transaction((tx) => acceptSubOrder(tx, b.shop.actor, { vendorId: b.shop.vendor.id, subOrderId: b.sub.id }));
    await db.$transaction((tx) => markShipped(tx, b.shop.actor, { vendorId: b.shop.vendor.id, subOrderId: b.sub.id, carrier: "DHL", trackingNumber: "JD0002" }));
    await db.$transaction((tx) => markDelivered(tx, b.shop.actor, { vendorId: b.shop.vendor.id, subOrderId: b.sub.id }));
    const staff = actorFor(await createUser(db), "staff");
    await adminRefund(db, sandbox, staff, { subOrderId: b.sub.id, amount: 2250, reason: "arrived broken" });
    expect(await subStatus(b.sub.id)).toBe("REFUNDED");
    expect(await db.auditLog.count({ where: { action: "payment.refund", resourceId: session.paymentId, actorId: staff.userId } })).toBe(1);
    expect(await errorOf(adminRefund(db, sandbox, staff, { subOrderId: b.sub.id, amount: 1, reason: "again" }))).toEqual({ code: "CONFLICT", key: "payments.refundExceedsPart" });
  });

  it("a seller cancelling a paid part refunds exactly that part and restocks it", async () => {
    const { a, b, session } = await paidOrder();
    const before = await stockOf(a.shop.variant.id);
    await cancelSubOrderAndRefund(db, sandbox, a.shop.actor, { vendorId: a.shop.vendor.id, subOrderId: a.sub.id, reason: "cannot ship to that address" });
    expect(await subStatus(a.sub.id)).toBe("CANCELLED");
    expect(await subStatus(b.sub.id)).toBe("PAID");
    expect(await stockOf(a.shop.variant.id)).toBe(before + 1);
    const refunds = await db.refund.findMany({ where: { paymentId: session.paymentId } });
    expect(refunds).toMatchObject([{ subOrderId: a.sub.id, amount: a.sub.total, status: "SUCCEEDED" }]);
  });

  it("a shopper cancelling a paid order before shipment gets all of it back", async () => {
    const { orderId, actor, session } = await paidOrder();
    await cancelOrderAndRefund(db, sandbox, actor, { orderId, reason: "changed my mind" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: session.paymentId } });
    expect(payment.amountRefunded).toBe(payment.amount);
    expect((await db.order.findUniqueOrThrow({ where: { id: orderId } })).status).toBe("CANCELLED");
    // Cancelling again changes nothing and refunds nothing more.
    expect(await errorOf(cancelOrderAndRefund(db, sandbox, actor, { orderId, reason: "again" }))).toMatchObject({ code: "CONFLICT" });
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(2);
  });
});
