// The payment reads through their procedures (same checks as the pages), the receipt mail
// handler, and the receipt PDF route.
import crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { db } from "@/server/db";
import { deliver } from "@/server/events/registry";
import { subscriptions } from "@/server/events/subscriptions";
import { addToCart } from "@/server/modules/cart";
import { shopWithProduct } from "@/server/modules/cart/cart.test-helpers";
import { createSandboxProvider } from "@/server/modules/payments/providers";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { callerFor } from "@/test/catalog-factories";
import { actorFor, createStaffUser, createUser, type TestUser } from "@/test/factories";
import { confirmSandboxCard, startPayment } from "./pay";
import { adminRefund, sellerRefund } from "./refund-orders";
import { handlePaymentEvent } from "./webhook";

// The PDF route reads the session through next-auth; the tests say who is signed in.
const session = vi.hoisted(() => ({ user: null as null | { id: string; email: string; name: string } }));
vi.mock("@/server/auth", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/auth")>()),
  getAuthSession: async () => (session.user ? { sessionId: `s-${session.user.id}`, user: { ...session.user, locale: "en", twoFactor: false } } : null),
}));

const sandbox = createSandboxProvider({ db, webhookSecret: "whsec_payment_reads_test", schedule: () => {} });
const GOOD = { number: "4242424242424242", expMonth: 12, expYear: 2034, cvc: "123" };
const DECLINED = { ...GOOD, number: "4000000000000002" };

async function codeOf(promise: Promise<unknown>) {
  return promise.then(() => "OK", (e: { code?: string }) => e.code);
}

/** A card order over the given shops (1 unit each, price 1000·(i+1) + 250 shipping); paid with `card` unless null. */
async function cardOrder(shops: Awaited<ReturnType<typeof shopWithProduct>>[], options: { card?: typeof GOOD | null; buyer?: TestUser } = {}) {
  const buyer = options.buyer ?? (await createUser(db));
  const actor = actorFor(buyer, `s-${buyer.id}`);
  const address = await db.address.create({ data: { userId: buyer.id, fullName: "Ana Buyer", line1: "1 Main St", city: "Springfield", postalCode: "12345", countryCode: "US" } });
  for (const s of shops) await addToCart(db, { userId: buyer.id }, { variantId: s.variant.id, quantity: 1 });
  const preview = await previewCheckout(db, buyer.id, {});
  const { orderId } = await placeOrder(db, actor, { idempotencyKey: crypto.randomBytes(12).toString("hex"), cartHash: preview.cartHash, addressId: address.id, paymentMethod: "card" });
  const session = await startPayment(db, sandbox, actor, orderId);
  if (options.card !== null) await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...(options.card ?? GOOD) });
  const subs = await db.subOrder.findMany({ where: { orderId }, orderBy: { total: "asc" } });
  return { orderId, buyer, actor, session, subs };
}

async function shop(price: number) {
  const s = await shopWithProduct(db, { price, stock: 20 });
  await db.shippingRule.create({ data: { vendorId: s.vendor.id, name: "Standard", price: 250, currency: "USD", minDays: 2, maxDays: 5 } });
  return s;
}

/** Delivers the sandbox's stored webhook events for an intent, as the route would. */
async function deliverEvents(intentId: string) {
  const rows = await db.sandboxWebhookEvent.findMany({ orderBy: { createdAt: "asc" } });
  for (const row of rows.filter((r) => r.payload.includes(intentId))) await handlePaymentEvent(db, sandbox, sandbox.parseWebhook(row.payload, sandbox.sign(row.payload)));
}

describe("admin payment reads", () => {
  it("lists with filters (status, shop, dates, order number), keyset pages and totals per currency of the filtered set", async () => {
    const [a, b] = [await shop(1000), await shop(2000)];
    const both = await cardOrder([a, b]); // 1000+250 + 2000+250 = 3500, shops A and B
    const onlyA = await cardOrder([a]); // 1250, shop A
    const declined = await cardOrder([a], { card: DECLINED }); // FAILED, shop A
    const staff = (await createStaffUser(db, ["payments.refund"])).user;
    await adminRefund(db, sandbox, actorFor(staff, "staff"), { subOrderId: onlyA.subs[0]!.id, amount: 300, reason: "scratched" });
    // An older payment in another currency, for the date range and the per-currency totals.
    await db.payment.update({ where: { id: onlyA.session.paymentId }, data: { createdAt: new Date("2026-01-15T12:00:00Z") } });
    const euro = await db.payment.create({ data: { orderId: both.orderId, provider: "sandbox", status: "CAPTURED", amount: 999, currency: "EUR", amountRefunded: 99 } });

    const caller = callerFor(db, staff);
    const all = await caller.payments.adminList({ vendorId: a.vendor.id });
    expect(all.items.map((p) => p.id).sort()).toEqual([both.session.paymentId, onlyA.session.paymentId, declined.session.paymentId, euro.id].sort());
    expect(all.totals).toEqual([
      { currency: "EUR", count: 1, captured: 999, refunded: 99 },
      { currency: "USD", count: 3, captured: 3500 + 1250, refunded: 300 },
    ]);

    const onlyB = await caller.payments.adminList({ vendorId: b.vendor.id, status: "CAPTURED" });
    expect(onlyB.items.map((p) => p.id).sort()).toEqual([both.session.paymentId, euro.id].sort());
    const failed = await caller.payments.adminList({ vendorId: a.vendor.id, status: "FAILED" });
    expect(failed.items.map((p) => p.id)).toEqual([declined.session.paymentId]);
    expect(failed.totals).toEqual([{ currency: "USD", count: 1, captured: 0, refunded: 0 }]);

    const january = await caller.payments.adminList({ vendorId: a.vendor.id, from: "2026-01-15", to: "2026-01-15" });
    expect(january.items.map((p) => p.id)).toEqual([onlyA.session.paymentId]);
    expect(january.totals).toEqual([{ currency: "USD", count: 1, captured: 1250, refunded: 300 }]);
    expect((await caller.payments.adminList({ vendorId: a.vendor.id, to: "2026-01-14" })).items).toEqual([]);

    const number = (await db.order.findUniqueOrThrow({ where: { id: both.orderId } })).number;
    expect((await caller.payments.adminList({ query: number })).items.map((p) => p.order.number)).toEqual([number, number]);

    // Keyset pages: newest first, no repeats, nothing skipped.
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await caller.payments.adminList({ vendorId: a.vendor.id, limit: 1, cursor });
      expect(page.items).toHaveLength(1);
      seen.push(page.items[0]!.id);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(all.items.map((p) => p.id));
  });

  it("a payment's page: parts with what is left, refunds with who made them, webhook events", async () => {
    const [a, b] = [await shop(1000), await shop(2000)];
    const order = await cardOrder([a, b]);
    await deliverEvents(order.session.intentId);
    const staff = (await createStaffUser(db, ["payments.refund"])).user;
    await adminRefund(db, sandbox, actorFor(staff, "staff"), { subOrderId: order.subs[1]!.id, amount: 500, reason: "late" });
    await sellerRefund(db, sandbox, a.actor, a.vendor.id, { subOrderId: order.subs[0]!.id, amount: 1250, reason: "out of stock" });

    const payment = await callerFor(db, staff).payments.adminGet({ paymentId: order.session.paymentId });
    expect(payment).toMatchObject({ status: "CAPTURED", amount: 3500, amountRefunded: 1750, refundable: 1750, currency: "USD", providerPaymentId: order.session.intentId, card: { brand: "visa", last4: "4242" } });
    expect(payment).not.toHaveProperty("clientSecret");
    expect(payment.order.subOrders.map((s) => [s.total, s.refunded, s.refundable])).toEqual([[1250, 1250, 0], [2250, 500, 1750]]);
    expect(payment.refunds.map((r) => [r.amount, r.status, r.actorEmail])).toEqual([[500, "SUCCEEDED", staff.email], [1250, "SUCCEEDED", a.owner.email]]);
    expect(payment.events.map((e) => e.type)).toEqual(expect.arrayContaining(["payment_intent.created", "payment_intent.succeeded"]));
    expect(payment.events.every((e) => e.processedAt instanceof Date)).toBe(true);

    // The admin order page's panel.
    const support = (await createStaffUser(db, ["orders.manage"])).user;
    expect(await callerFor(db, support).payments.ofOrder({ orderId: order.orderId })).toEqual([
      expect.objectContaining({ id: order.session.paymentId, status: "CAPTURED", amount: 3500, amountRefunded: 1750, currency: "USD" }),
    ]);
    expect(await codeOf(callerFor(db, support).payments.adminGet({ paymentId: order.session.paymentId }))).toBe("FORBIDDEN");
  });

  it("staff without payments.refund, and shoppers, are refused", async () => {
    const order = await cardOrder([await shop(1000)]);
    const other = (await createStaffUser(db, ["orders.manage", "catalog.manage"])).user;
    for (const user of [other, order.buyer]) {
      const caller = callerFor(db, user);
      expect(await codeOf(caller.payments.adminList({}))).toBe("FORBIDDEN");
      expect(await codeOf(caller.payments.adminGet({ paymentId: order.session.paymentId }))).toBe("FORBIDDEN");
      expect(await codeOf(caller.payments.adminVendorOptions())).toBe("FORBIDDEN");
    }
    expect(await codeOf(callerFor(db, order.buyer).payments.ofOrder({ orderId: order.orderId }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(db, null).payments.adminList({}))).toBe("UNAUTHORIZED");
  });
});

describe("seller refunds of a part", () => {
  it("shows the part's refunds and what is left; another shop cannot read them", async () => {
    const [a, b] = [await shop(1000), await shop(2000)];
    const order = await cardOrder([a, b]);
    const partA = order.subs[0]!;
    const caller = callerFor(db, a.owner);
    expect(await caller.payments.partRefunds({ vendorId: a.vendor.id, subOrderId: partA.id })).toEqual({ captured: true, currency: "USD", refundable: 1250, refunds: [] });
    await sellerRefund(db, sandbox, a.actor, a.vendor.id, { subOrderId: partA.id, amount: 400, reason: "a scuffed corner" });
    const after = await caller.payments.partRefunds({ vendorId: a.vendor.id, subOrderId: partA.id });
    expect(after).toMatchObject({ captured: true, refundable: 850, refunds: [{ amount: 400, reason: "a scuffed corner" }] });
    expect(await codeOf(callerFor(db, b.owner).payments.partRefunds({ vendorId: a.vendor.id, subOrderId: partA.id }))).toBe("FORBIDDEN");
    expect(await codeOf(callerFor(db, b.owner).payments.partRefunds({ vendorId: b.vendor.id, subOrderId: partA.id }))).toBe("NOT_FOUND");

    const unpaid = await cardOrder([a], { card: null });
    expect(await caller.payments.partRefunds({ vendorId: a.vendor.id, subOrderId: unpaid.subs[0]!.id })).toEqual({ captured: false, currency: "USD", refundable: 0, refunds: [] });
  });
});

describe("the shopper's payments and receipts", () => {
  it("lists every attempt of the shopper's orders with card and refunds; a receipt only for their captured payments", async () => {
    const [a] = [await shop(1000)];
    const paid = await cardOrder([a]);
    const failed = await cardOrder([a], { card: DECLINED, buyer: paid.buyer });
    const stranger = await cardOrder([a]);
    await sellerRefund(db, sandbox, a.actor, a.vendor.id, { subOrderId: paid.subs[0]!.id, amount: 250, reason: "shipping refunded" });

    const me = callerFor(db, paid.buyer);
    const list = await me.payments.myPayments({});
    expect(list.items.map((p) => [p.id, p.status])).toEqual([[failed.session.paymentId, "FAILED"], [paid.session.paymentId, "CAPTURED"]]);
    expect(list.items[1]).toMatchObject({ amount: 1250, amountRefunded: 250, card: { brand: "visa", last4: "4242" }, refunds: [{ amount: 250, status: "SUCCEEDED" }] });
    expect(list.items[0]!.card).toMatchObject({ last4: "0002" });

    const receipt = await me.payments.myReceipt({ paymentId: paid.session.paymentId });
    expect(receipt).toMatchObject({ amount: 1250, amountRefunded: 250, currency: "USD", refunds: [{ amount: 250 }] });
    expect(receipt.order.subOrders[0]!.lines).toHaveLength(1);
    expect(receipt.paidAt).toBeInstanceOf(Date);
    // Someone else's payment, a failed one, one that does not exist: all "not found".
    expect(await codeOf(me.payments.myReceipt({ paymentId: stranger.session.paymentId }))).toBe("NOT_FOUND");
    expect(await codeOf(me.payments.myReceipt({ paymentId: failed.session.paymentId }))).toBe("NOT_FOUND");
    expect(await codeOf(me.payments.myReceipt({ paymentId: "nope" }))).toBe("NOT_FOUND");
    expect((await callerFor(db, stranger.buyer).payments.myPayments({})).items.map((p) => p.id)).toEqual([stranger.session.paymentId]);
    expect(await codeOf(callerFor(db, null).payments.myPayments({}))).toBe("UNAUTHORIZED");
  });

  it("the PDF receipt: application/pdf for its shopper, 404 for anyone else, 401 signed out", async () => {
    const { GET } = await import("@/app/api/receipts/[paymentId]/route");
    const order = await cardOrder([await shop(1000), await shop(2000)]);
    const get = (paymentId: string, locale = "en") => GET(new Request(`http://localhost/api/receipts/${paymentId}?locale=${locale}`), { params: Promise.resolve({ paymentId }) });

    session.user = order.buyer;
    for (const locale of ["en", "fr", "ar", "zh"]) {
      const response = await get(order.session.paymentId, locale);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("application/pdf");
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.subarray(0, 5).toString()).toBe("%PDF-");
      expect(body.subarray(-8).toString()).toContain("%%EOF");
    }
    session.user = (await cardOrder([await shop(1500)])).buyer;
    expect((await get(order.session.paymentId)).status).toBe(404);
    session.user = null;
    expect((await get(order.session.paymentId)).status).toBe(401);
  });
});

describe("the receipt mail", () => {
  it("a captured payment mails the shopper a receipt in their language, once even when the event is delivered twice", async () => {
    const buyer = await createUser(db, { locale: "fr" });
    const order = await cardOrder([await shop(1000)], { buyer });
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: "payment.succeeded", aggregateId: order.session.paymentId } });
    const results = await Promise.all([deliver(db, subscriptions, "payments-mail-receipt", event.id), deliver(db, subscriptions, "payments-mail-receipt", event.id)]);
    expect(results.sort()).toEqual(["duplicate", "handled"]);
    expect(await deliver(db, subscriptions, "payments-mail-receipt", event.id)).toBe("duplicate");

    const mails = await db.mailMessage.findMany({ where: { to: buyer.email.toLowerCase(), template: "paymentReceipt" } });
    expect(mails).toHaveLength(1);
    const number = (await db.order.findUniqueOrThrow({ where: { id: order.orderId } })).number;
    expect(mails[0]).toMatchObject({ locale: "fr", subject: `Votre reçu pour la commande ${number}` });
    expect(mails[0]!.text).toContain("4242");
    expect(mails[0]!.text).toContain(`/fr/account/payments/${order.session.paymentId}/receipt`);
    expect(mails[0]!.html).toContain("12,50");
  });
});
