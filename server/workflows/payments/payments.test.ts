import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { addToCart } from "@/server/modules/cart";
import { shopWithProduct } from "@/server/modules/cart/cart.test-helpers";
import { createSandboxProvider } from "@/server/modules/payments/providers";
import { actorFor, createUser } from "@/test/factories";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { cancelUnpaidOrder } from "@/server/workflows/checkout/payment";
import { completeSandboxChallenge, confirmSandboxCard, startPayment } from "./pay";
import { reconcilePayments } from "./reconcile";
import { createRefund } from "./refunds";
import { syncPayment } from "./sync";
import { handlePaymentEvent } from "./webhook";

const key = () => crypto.randomBytes(12).toString("hex");
const GOOD = { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2034, cvc: "123" };
const DECLINED = { ...GOOD, number: "4000 0000 0000 0002" };
const THREE_DS = { ...GOOD, number: "4000 0025 0000 3155" };

// The sandbox as the tests drive it: events are stored, and delivered only when a test says so.
const scheduled: string[] = [];
const sandbox = createSandboxProvider({ db, webhookSecret: "whsec_payments_test_secret", schedule: (id) => scheduled.push(id) });

async function eventsOf(intentId: string, type?: string) {
  const rows = await db.sandboxWebhookEvent.findMany({ where: type ? { type } : {}, orderBy: { createdAt: "asc" } });
  return rows.filter((r) => (JSON.parse(r.payload) as { data: { object: { id: string; payment_intent?: string } } }).data.object.id === intentId || r.payload.includes(`"payment_intent":"${intentId}"`));
}

/** Posts a stored sandbox event through the same verification the route does. */
async function deliver(eventId: string) {
  const row = await db.sandboxWebhookEvent.findUniqueOrThrow({ where: { id: eventId } });
  return handlePaymentEvent(db, sandbox, sandbox.parseWebhook(row.payload, sandbox.sign(row.payload)));
}

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, key: (error as AppError).messageKey };
}

/** A shopper's card order over `shops` shops (one unit each, 10 in stock); stock is reserved, nothing paid. */
async function cardOrder(shops = 1, stock = 10) {
  const sellers = [];
  for (let i = 0; i < shops; i++) {
    const shop = await shopWithProduct(db, { price: 1000 * (i + 1), stock });
    await db.shippingRule.create({ data: { vendorId: shop.vendor.id, name: "Standard", price: 250, currency: "USD", minDays: 2, maxDays: 5 } });
    sellers.push(shop);
  }
  const user = await createUser(db);
  const actor = actorFor(user, `s-${user.id}`);
  const address = await db.address.create({ data: { userId: user.id, fullName: "Ana Buyer", line1: "1 Main St", city: "Springfield", postalCode: "12345", countryCode: "US", isDefault: true } });
  for (const shop of sellers) await addToCart(db, { userId: user.id }, { variantId: shop.variant.id, quantity: 1 });
  const preview = await previewCheckout(db, user.id, {});
  const { orderId } = await placeOrder(db, actor, { idempotencyKey: key(), cartHash: preview.cartHash, addressId: address.id, paymentMethod: "card" });
  return { orderId, actor, user, sellers, variantIds: sellers.map((s) => s.variant.id) };
}

const stockOf = (variantId: string) => db.stockLevel.findFirstOrThrow({ where: { variantId }, select: { onHand: true, reserved: true } });
const orderOf = (orderId: string) => db.order.findUniqueOrThrow({ where: { id: orderId }, include: { subOrders: true, history: true } });

describe("paying by card (sandbox provider)", () => {
  it("a card order waits for payment; 4242 captures it, commits the stock and pays every part", async () => {
    const { orderId, actor, variantIds } = await cardOrder(2);
    expect((await orderOf(orderId)).status).toBe("PENDING_PAYMENT");
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 10, reserved: 1 });

    const session = await startPayment(db, sandbox, actor, orderId);
    expect(session).toMatchObject({ provider: "sandbox", amount: 1000 + 2000 + 500, currency: "USD", status: "PENDING" });
    const outcome = await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...GOOD });
    expect(outcome).toMatchObject({ status: "CAPTURED", failureCode: null });

    const order = await orderOf(orderId);
    expect(order.status).toBe("PAID");
    expect(order.subOrders.every((s) => s.status === "PAID")).toBe(true);
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 9, reserved: 0 });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: session.paymentId } });
    expect(payment).toMatchObject({ status: "CAPTURED", amount: 3500 });

    // The webhooks arrive after the card form already settled it: they agree and change nothing.
    const before = order.history.length;
    for (const e of await eventsOf(session.intentId)) await deliver(e.id);
    expect((await orderOf(orderId)).history).toHaveLength(before);
  });

  it("the same webhook event delivered 5 times (in parallel, then again) changes the state once", async () => {
    const { orderId, actor } = await cardOrder(2);
    const session = await startPayment(db, sandbox, actor, orderId);
    await sandbox.confirmCard(session.intentId, session.clientSecret, GOOD); // stripe.js's part; we hear of it only by webhook
    const [succeeded] = await eventsOf(session.intentId, "payment_intent.succeeded");
    const outcomes = await Promise.all(Array.from({ length: 5 }, () => deliver(succeeded!.id)));
    expect(outcomes.every((o) => o === "processed" || o === "duplicate")).toBe(true);
    expect(await deliver(succeeded!.id)).toBe("duplicate");

    const order = await orderOf(orderId);
    expect(order.status).toBe("PAID");
    expect(order.history.filter((h) => h.to === "PAID")).toHaveLength(3); // the order's own + one per part
    expect(await db.outboxEvent.count({ where: { type: "order.paid", aggregateId: orderId } })).toBe(1);
    expect(await db.outboxEvent.count({ where: { type: "payment.succeeded", aggregateId: session.paymentId } })).toBe(1);
    expect(await db.paymentEvent.count({ where: { id: succeeded!.id } })).toBe(1);
  });

  it("events arriving out of order end in the provider's current state", async () => {
    // A decline, then a successful retry; the webhooks arrive newest first.
    const { orderId, actor, variantIds } = await cardOrder(1);
    const session = await startPayment(db, sandbox, actor, orderId);
    await sandbox.confirmCard(session.intentId, session.clientSecret, DECLINED);
    await sandbox.confirmCard(session.intentId, session.clientSecret, GOOD);
    const events = await eventsOf(session.intentId);
    expect(events.map((e) => e.type)).toEqual(["payment_intent.created", "payment_intent.payment_failed", "payment_intent.succeeded"]);
    for (const e of [...events].reverse()) await deliver(e.id);
    expect((await db.payment.findUniqueOrThrow({ where: { id: session.paymentId } })).status).toBe("CAPTURED");
    expect((await orderOf(orderId)).status).toBe("PAID");
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 9, reserved: 0 }); // the late "failed" released nothing

    // 3-D Secure: "succeeded" before "requires_action".
    const second = await cardOrder(1);
    const s2 = await startPayment(db, sandbox, second.actor, second.orderId);
    await sandbox.confirmCard(s2.intentId, s2.clientSecret, THREE_DS);
    await sandbox.completeChallenge(s2.intentId, s2.clientSecret, true);
    for (const e of (await eventsOf(s2.intentId)).reverse()) await deliver(e.id);
    expect((await db.payment.findUniqueOrThrow({ where: { id: s2.paymentId } })).status).toBe("CAPTURED");
    expect((await orderOf(second.orderId)).status).toBe("PAID");
  });

  it("a decline is reported, releases the stock, and a retry with a good card pays the same payment", async () => {
    const { orderId, actor, variantIds } = await cardOrder(1, 3);
    const session = await startPayment(db, sandbox, actor, orderId);
    const declined = await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...DECLINED });
    expect(declined).toMatchObject({ status: "FAILED", failureCode: "generic_decline" });
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 3, reserved: 0 });
    expect((await orderOf(orderId)).status).toBe("PENDING_PAYMENT");

    const again = await startPayment(db, sandbox, actor, orderId);
    expect(again.paymentId).toBe(session.paymentId);
    expect(again.intentId).toBe(session.intentId);
    expect(await stockOf(variantIds[0]!)).toEqual({ onHand: 3, reserved: 1 });
    expect(await confirmSandboxCard(db, sandbox, actor, { paymentId: again.paymentId, ...GOOD })).toMatchObject({ status: "CAPTURED" });
    expect((await orderOf(orderId)).status).toBe("PAID");
    expect(await db.payment.count({ where: { orderId } })).toBe(1);
  });

  it("a retry after the stock sold out is refused clearly", async () => {
    const { orderId, actor, variantIds } = await cardOrder(1, 1);
    const session = await startPayment(db, sandbox, actor, orderId);
    await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...DECLINED });
    await db.stockLevel.updateMany({ where: { variantId: variantIds[0]! }, data: { onHand: 0 } }); // someone else bought the last one
    expect(await errorOf(startPayment(db, sandbox, actor, orderId))).toEqual({ code: "CONFLICT", key: "payments.soldOut" });
  });

  it("the 3-D Secure card asks for a challenge; failing it declines, passing it pays", async () => {
    const { orderId, actor } = await cardOrder(1);
    const session = await startPayment(db, sandbox, actor, orderId);
    expect(await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...THREE_DS })).toMatchObject({ status: "REQUIRES_ACTION" });
    expect(await completeSandboxChallenge(db, sandbox, actor, { paymentId: session.paymentId, passed: false })).toMatchObject({
      status: "FAILED", failureCode: "payment_intent_authentication_failure",
    });
    await startPayment(db, sandbox, actor, orderId);
    await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...THREE_DS });
    expect(await completeSandboxChallenge(db, sandbox, actor, { paymentId: session.paymentId, passed: true })).toMatchObject({ status: "CAPTURED" });
    expect((await orderOf(orderId)).status).toBe("PAID");
  });

  it("20 parallel pay submits for one order make one payment and one intent", async () => {
    const { orderId, actor } = await cardOrder(2);
    const sessions = await Promise.all(Array.from({ length: 20 }, () => startPayment(db, sandbox, actor, orderId)));
    expect(new Set(sessions.map((s) => s.paymentId)).size).toBe(1);
    expect(new Set(sessions.map((s) => s.intentId)).size).toBe(1);
    expect(await db.payment.count({ where: { orderId } })).toBe(1);
    const intents = await db.sandboxPaymentIntent.findMany({ where: { metadata: { path: ["orderId"], equals: orderId } } });
    expect(intents).toHaveLength(1);
    // And twenty parallel confirmations charge once.
    const results = await Promise.allSettled(Array.from({ length: 20 }, () => confirmSandboxCard(db, sandbox, actor, { paymentId: sessions[0]!.paymentId, ...GOOD })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect((await db.sandboxPaymentIntent.findUniqueOrThrow({ where: { id: sessions[0]!.intentId } })).amountReceived).toBe(sessions[0]!.amount);
  });

  it("refuses other people's orders, paid orders and pay-on-delivery orders", async () => {
    const { orderId, actor } = await cardOrder(1);
    const stranger = await createUser(db);
    expect(await errorOf(startPayment(db, sandbox, actorFor(stranger, "x"), orderId))).toEqual({ code: "NOT_FOUND", key: "payments.orderNotFound" });
    const session = await startPayment(db, sandbox, actor, orderId);
    expect(await errorOf(confirmSandboxCard(db, sandbox, actorFor(stranger, "x"), { paymentId: session.paymentId, ...GOOD }))).toEqual({ code: "NOT_FOUND", key: "payments.paymentNotFound" });
    await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...GOOD });
    expect(await errorOf(startPayment(db, sandbox, actor, orderId))).toEqual({ code: "CONFLICT", key: "payments.alreadyPaid" });
  });

  it("a charge whose amount differs from the order is never treated as paid", async () => {
    const { orderId, actor } = await cardOrder(1);
    const session = await startPayment(db, sandbox, actor, orderId);
    await db.sandboxPaymentIntent.update({ where: { id: session.intentId }, data: { amount: 1 } }); // tampered on the way
    await sandbox.confirmCard(session.intentId, session.clientSecret, GOOD);
    await syncPayment(db, sandbox, session.paymentId);
    expect(await db.payment.findUniqueOrThrow({ where: { id: session.paymentId } })).toMatchObject({ status: "FAILED", failureCode: "amount_mismatch" });
    expect((await orderOf(orderId)).status).toBe("PENDING_PAYMENT");
  });
});

describe("when webhooks are missed", () => {
  it("a payment that succeeded while our server was down becomes a paid order by the reconciliation job", async () => {
    const { orderId, actor } = await cardOrder(1);
    const session = await startPayment(db, sandbox, actor, orderId);
    await sandbox.confirmCard(session.intentId, session.clientSecret, GOOD); // the webhook never arrives
    await db.payment.update({ where: { id: session.paymentId }, data: { updatedAt: new Date(Date.now() - 5 * 60_000) } });
    expect((await orderOf(orderId)).status).toBe("PENDING_PAYMENT");
    await reconcilePayments(db, sandbox);
    expect((await orderOf(orderId)).status).toBe("PAID");
  });

  it("a charge captured after its order was cancelled is refunded in full", async () => {
    const { orderId, actor } = await cardOrder(1);
    const session = await startPayment(db, sandbox, actor, orderId);
    await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...THREE_DS });
    await db.$transaction((tx) => cancelUnpaidOrder(tx, orderId, null, "payment window expired")); // while the shopper was on the challenge page
    await completeSandboxChallenge(db, sandbox, actor, { paymentId: session.paymentId, passed: true });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: session.paymentId }, include: { refunds: true } });
    expect(payment).toMatchObject({ status: "CAPTURED", amountRefunded: payment.amount });
    expect(payment.refunds).toMatchObject([{ status: "SUCCEEDED", amount: payment.amount }]);
    expect((await orderOf(orderId)).status).toBe("CANCELLED");
    await reconcilePayments(db, sandbox); // and the sweep does not refund it again
    expect(await db.refund.count({ where: { paymentId: payment.id } })).toBe(1);
  });
});

describe("refunds", () => {
  async function paidOrder() {
    const placed = await cardOrder(2);
    const session = await startPayment(db, sandbox, placed.actor, placed.orderId);
    await confirmSandboxCard(db, sandbox, placed.actor, { paymentId: session.paymentId, ...GOOD });
    const subs = await db.subOrder.findMany({ where: { orderId: placed.orderId }, orderBy: { total: "asc" } });
    return { ...placed, session, subs };
  }

  it("a partial then a full refund never return more than was paid, per part and in total", async () => {
    const { session, subs, actor } = await paidOrder();
    const [small, large] = subs as [(typeof subs)[0], (typeof subs)[0]]; // 1250 and 2250
    await createRefund(db, sandbox, actor, { paymentId: session.paymentId, subOrderId: small.id, amount: 500, reason: "scratched" });
    expect(await errorOf(createRefund(db, sandbox, actor, { paymentId: session.paymentId, subOrderId: small.id, amount: 751, reason: "too much" }))).toEqual({ code: "CONFLICT", key: "payments.refundExceedsPart" });
    await createRefund(db, sandbox, actor, { paymentId: session.paymentId, subOrderId: small.id, amount: 750, reason: "rest" });
    await createRefund(db, sandbox, actor, { paymentId: session.paymentId, subOrderId: large.id, amount: 2250, reason: "all" });
    expect(await errorOf(createRefund(db, sandbox, actor, { paymentId: session.paymentId, amount: 1, reason: "one more" }))).toEqual({ code: "CONFLICT", key: "payments.refundExceedsCharge" });
    const payment = await db.payment.findUniqueOrThrow({ where: { id: session.paymentId } });
    expect(payment.amountRefunded).toBe(payment.amount);
    const atProvider = await db.sandboxRefund.aggregate({ where: { paymentIntentId: session.intentId }, _sum: { amount: true } });
    expect(atProvider._sum.amount).toBe(payment.amount);
  });

  it("two refunds racing for more than is left: one succeeds, the other is refused", async () => {
    const { session, actor } = await paidOrder();
    const amount = Math.ceil(session.amount * 0.6);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => createRefund(db, sandbox, actor, { paymentId: session.paymentId, amount, reason: "race" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const payment = await db.payment.findUniqueOrThrow({ where: { id: session.paymentId } });
    expect(payment.amountRefunded).toBe(amount);
    expect((await db.sandboxRefund.aggregate({ where: { paymentIntentId: session.intentId }, _sum: { amount: true } }))._sum.amount).toBe(amount);
  });

  it("a refund webhook delivered again changes nothing; refunds are audited", async () => {
    const { session, actor } = await paidOrder();
    const refund = await createRefund(db, sandbox, actor, { paymentId: session.paymentId, amount: 300, reason: "late" });
    const events = await db.sandboxWebhookEvent.findMany({ where: { type: "refund.updated" } });
    const mine = events.filter((e) => e.payload.includes(refund.providerRefundId!));
    expect(mine).toHaveLength(1);
    for (let i = 0; i < 3; i++) await deliver(mine[0]!.id);
    expect((await db.payment.findUniqueOrThrow({ where: { id: session.paymentId } })).amountRefunded).toBe(300);
    expect(await db.auditLog.count({ where: { action: "payment.refund", resourceId: session.paymentId } })).toBe(1);
  });
});
