import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { addToCart } from "@/server/modules/cart";
import { createSellableProduct } from "@/server/modules/cart/cart.test-helpers";
import { moveSubOrders } from "@/server/modules/orders";
import { createSandboxProvider, type PaymentProvider } from "@/server/modules/payments/providers";
import { cancelSubOrderAndRefund } from "@/server/workflows/cancellation";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { confirmSandboxCard, startPayment } from "@/server/workflows/payments/pay";
import { createRefund } from "@/server/workflows/payments/refunds";
import { claimPayout, payoutKey, requestPayout, resendPendingPayouts, runWeeklyPayouts, sendPayout } from "@/server/workflows/payouts/payouts";
import { callerFor, createCategoryPath, createShop } from "@/test/catalog-factories";
import { actorFor, createStaffUser, createUser } from "@/test/factories";
import { drainOutbox } from "@/test/outbox";
import { commissionKey, rateFor } from "./commission";
import { ChargeNotPostedError, postCharge, postRefund, releaseDueEarnings, splitCharge } from "./earnings";
import { postTransaction, UnbalancedTransactionError } from "./ledger.core";
import { setCommissionRule } from "./ledger.service";

const key = () => crypto.randomBytes(12).toString("hex");
const GOOD = { number: "4242 4242 4242 4242", expMonth: 12, expYear: 2034, cvc: "123" };
const sandbox = createSandboxProvider({ db, webhookSecret: "whsec_ledger_test_secret", schedule: () => {} });
const DAY = 86_400_000;



type Shop = Awaited<ReturnType<typeof createShop>> & { variantId: string; categoryIds: string[] };

async function shop(price: number, categories = ["Root", "Leaf"]): Promise<Shop> {
  const s = await createShop(db);
  const path = await createCategoryPath(db, categories.map((c) => `${c} ${key().slice(0, 4)}`));
  const { product, variants } = await createSellableProduct(db, s.vendor.id, [{ price, stock: 100 }]);
  await db.product.update({ where: { id: product.id }, data: { categoryId: path.at(-1)!.id, categoryPath: path.map((c) => c.id) } });
  await db.shippingRule.create({ data: { vendorId: s.vendor.id, name: "Standard", price: 250, currency: "USD", minDays: 2, maxDays: 5 } });
  return { ...s, variantId: variants[0]!.id, categoryIds: path.map((c) => c.id) };
}

/** An order over `shops` (quantity each), paid by card (or pay on delivery); handlers run. */
async function order(shops: Shop[], method: "card" | "pay_on_delivery" = "card", quantity = 1) {
  const user = await createUser(db);
  const actor = actorFor(user, `s-${user.id}`);
  const address = await db.address.create({ data: { userId: user.id, fullName: "Ana Buyer", line1: "1 Main St", city: "Springfield", postalCode: "12345", countryCode: "US", isDefault: true } });
  for (const s of shops) await addToCart(db, { userId: user.id }, { variantId: s.variantId, quantity });
  const preview = await previewCheckout(db, user.id, {});
  const { orderId } = await placeOrder(db, actor, { idempotencyKey: key(), cartHash: preview.cartHash, addressId: address.id, paymentMethod: method });
  let paymentId: string | null = null;
  if (method === "card") {
    const session = await startPayment(db, sandbox, actor, orderId);
    await confirmSandboxCard(db, sandbox, actor, { paymentId: session.paymentId, ...GOOD });
    paymentId = session.paymentId;
  }
  await drainOutbox();
  const subs = await db.subOrder.findMany({ where: { orderId }, orderBy: { id: "asc" } });
  return { orderId, paymentId, actor, subs, total: subs.reduce((s, x) => s + x.total, 0) };
}

async function deliverPart(orderId: string, subOrderId: string, deliveredAt = new Date()) {
  for (const to of ["PROCESSING", "SHIPPED", "DELIVERED"] as const) {
    await db.$transaction((tx) => moveSubOrders(tx, null, orderId, [{ subOrderId, to, ...(to === "DELIVERED" ? { data: { deliveredAt } } : {}) }]));
  }
  await drainOutbox();
}

async function balances(vendorId: string) {
  const accounts = await db.ledgerAccount.findMany({ where: { vendorId } });
  const of = (type: string) => accounts.find((a) => a.type === type)?.balance ?? 0;
  return { pending: of("VENDOR_PENDING"), available: of("VENDOR_AVAILABLE"), paidOut: of("VENDOR_PAID_OUT") };
}

/** Every ledger transaction sums to zero, and every account's cached balance is the sum of its entries. */
async function expectBooksBalance() {
  const unbalanced = await db.$queryRaw<{ id: string }[]>`SELECT "transactionId" AS id FROM "LedgerEntry" GROUP BY 1 HAVING SUM("amount") <> 0`;
  expect(unbalanced).toEqual([]);
  const drift = await db.$queryRaw<{ id: string }[]>`
    SELECT a."id" FROM "LedgerAccount" a LEFT JOIN "LedgerEntry" e ON e."accountId" = a."id" GROUP BY a."id" HAVING a."balance" <> COALESCE(SUM(e."amount"), 0)`;
  expect(drift).toEqual([]);
}

async function errorOf(promise: Promise<unknown>) {
  const thrown = await promise.then(() => null, (e: unknown) => e);
  const error = thrown instanceof Error && thrown.cause instanceof AppError ? thrown.cause : thrown; // a tRPC caller wraps it
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, key: (error as AppError).messageKey };
}

describe("the ledger's core", () => {
  it("refuses an unbalanced transaction, and the database refuses one at commit too", async () => {
    const s = await createShop(db);
    await expect(db.$transaction((tx) => postTransaction(tx, { kind: "CHARGE", sourceId: key(), currency: "USD", postings: [
      { account: { type: "PLATFORM_CLEARING" }, amount: -100 }, { account: { type: "VENDOR_PENDING", vendorId: s.vendor.id }, amount: 99 },
    ] }))).rejects.toBeInstanceOf(UnbalancedTransactionError);
    // Bypassing the code: the deferred constraint trigger refuses the COMMIT.
    const txId = crypto.randomUUID();
    await expect(db.$transaction(async (tx) => {
      await tx.$executeRaw`INSERT INTO "LedgerTransaction" ("id", "kind", "sourceId", "currency") VALUES (${txId}, 'CHARGE', ${key()}, 'USD')`;
      const account = await tx.ledgerAccount.create({ data: { key: `test:${key()}`, type: "PLATFORM_CLEARING", currency: "USD" } });
      await tx.ledgerEntry.create({ data: { transactionId: txId, accountId: account.id, amount: 5 } });
    })).rejects.toThrow(/does not balance/);
    expect(await db.ledgerTransaction.count({ where: { id: txId } })).toBe(0);
  });

  it("charge = Σ seller nets + Σ commission + Σ fees to the cent, over many random splits", () => {
    let seed = 42;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    for (let run = 0; run < 2000; run++) {
      const parts = Array.from({ length: 1 + rnd(5) }, (_, i) => {
        const lines = Array.from({ length: rnd(4) }, () => ({ lineTotal: 1 + rnd(50_000), categoryPath: [`c${rnd(3)}`, `c${3 + rnd(3)}`] }));
        return { subOrderId: `s${i}`, vendorId: `v${rnd(3)}`, total: lines.reduce((s, l) => s + l.lineTotal, 0) + rnd(1000), lines };
      });
      const rules = new Map(["v0", "v1", "v2"].map((v) => [v, { defaultBps: rnd(3000), vendorBps: rnd(2) ? rnd(10_001) : null, categoryBps: new Map([[`c${rnd(6)}`, rnd(10_001)]]) }]));
      const charge = parts.reduce((s, p) => s + p.total, 0);
      const fee = Math.min(charge, Math.floor((charge * 290 + 5000) / 10000) + 30);
      const splits = splitCharge(charge, fee, parts, rules);
      expect(splits.reduce((s, x) => s + x.net + x.commission + x.fee, 0)).toBe(charge);
      expect(splits.reduce((s, x) => s + x.fee, 0)).toBe(fee);
      expect(splits.reduce((s, x) => s + x.gross, 0)).toBe(charge);
      for (const x of splits) expect(x.commission).toBeLessThanOrEqual(x.gross);
    }
  });

  it("commission: the nearest category rule beats the vendor's, which beats the default", async () => {
    const staff = await createStaffUser(db, ["payments.manage"]);
    const actor = actorFor(staff.user, "staff");
    const a = await shop(10_000, ["Home", "Kitchen", "Knives"]);
    const [home, kitchen, knives] = a.categoryIds as [string, string, string];
    const rules = { defaultBps: 1000, vendorBps: 800, categoryBps: new Map([[home, 500], [kitchen, 300]]) };
    expect(rateFor(rules, [home, kitchen, knives])).toBe(300);
    expect(rateFor(rules, [home])).toBe(500);
    expect(rateFor(rules, ["elsewhere"])).toBe(800);
    expect(rateFor({ ...rules, vendorBps: null }, ["elsewhere"])).toBe(1000);

    // Through the admin service and a real order: default 12 %, vendor 8 %, Kitchen 3 %.
    await db.$transaction((tx) => setCommissionRule(tx, actor, { scope: "default", rateBps: 1200 }));
    let o = await order([a]);
    expect(await db.sellerEarning.findFirstOrThrow({ where: { orderId: o.orderId } })).toMatchObject({ gross: 10_250, commission: 1230 });
    await db.$transaction((tx) => setCommissionRule(tx, actor, { scope: "vendor", vendorId: a.vendor.id, rateBps: 800 }));
    o = await order([a]);
    expect(await db.sellerEarning.findFirstOrThrow({ where: { orderId: o.orderId } })).toMatchObject({ commission: 820 });
    await db.$transaction((tx) => setCommissionRule(tx, actor, { scope: "category", categoryId: kitchen, rateBps: 300 }));
    o = await order([a]);
    expect(await db.sellerEarning.findFirstOrThrow({ where: { orderId: o.orderId } })).toMatchObject({ commission: 308, commissionRateBps: 300 });
    await db.$transaction((tx) => setCommissionRule(tx, actor, { scope: "category", categoryId: kitchen, rateBps: null }));
    expect(await db.commissionRule.findUnique({ where: { key: commissionKey.category(kitchen) } })).toBeNull();
    expect(await db.auditLog.count({ where: { action: "commission.set" } })).toBe(4);
    // Staff without payments.manage cannot change it.
    const other = await createStaffUser(db, ["orders.manage"]);
    expect(await errorOf(callerFor(db, other.user).ledger.setCommissionRule({ scope: "default", rateBps: 0 }))).toEqual({ code: "FORBIDDEN", key: "forbidden" });
    await callerFor(db, staff.user).ledger.setCommissionRule({ scope: "default", rateBps: 1000 });
    // The Connect account payouts go to.
    await callerFor(db, staff.user).ledger.setVendorPayoutAccount({ vendorId: a.vendor.id, stripeAccountId: "acct_1TestConnect" });
    expect((await db.vendor.findUniqueOrThrow({ where: { id: a.vendor.id } })).stripeAccountId).toBe("acct_1TestConnect");
    await callerFor(db, staff.user).ledger.setVendorPayoutAccount({ vendorId: a.vendor.id, stripeAccountId: null });
  });
});

describe("postings of an order's life", () => {
  it("a paid card order: each shop's net in pending, commission and fee to the platform, posted once", async () => {
    const a = await shop(1000);
    const b = await shop(2000);
    const o = await order([a, b]);
    const charge = await db.ledgerTransaction.findUniqueOrThrow({ where: { kind_sourceId: { kind: "CHARGE", sourceId: o.paymentId! } }, include: { entries: true } });
    expect(charge.entries.reduce((s, e) => s + e.amount, 0)).toBe(0);
    const earnings = await db.sellerEarning.findMany({ where: { orderId: o.orderId } });
    expect(earnings).toHaveLength(2);
    const fee = Math.floor((o.total * 290 + 5000) / 10000) + 30;
    expect(earnings.reduce((s, e) => s + e.fee, 0)).toBe(fee);
    expect(earnings.reduce((s, e) => s + e.net + e.commission + e.fee, 0)).toBe(o.total);
    const ea = earnings.find((e) => e.vendorId === a.vendor.id)!;
    expect(ea).toMatchObject({ gross: 1250, commission: 125 });
    expect(await balances(a.vendor.id)).toEqual({ pending: ea.net, available: 0, paidOut: 0 });

    // Replays: the handler delivered again, or the posting called again, change nothing.
    await drainOutbox();
    await db.$transaction((tx) => postCharge(tx, { paymentId: o.paymentId!, orderId: o.orderId, amount: o.total, currency: "USD" }));
    expect(await db.ledgerTransaction.count({ where: { kind: "CHARGE", sourceId: o.paymentId! } })).toBe(1);
    expect(await balances(a.vendor.id)).toEqual({ pending: ea.net, available: 0, paidOut: 0 });
    await expectBooksBalance();
  });

  it("a full refund returns the commission but not the fee; a partial one returns it in proportion", async () => {
    const a = await shop(1000);
    const b = await shop(3000);
    const o = await order([a, b]);
    const [ea, eb] = [a, b].map((s) => o.subs.find((x) => x.vendorId === s.vendor.id)!);
    await createRefund(db, sandbox, null as never, { paymentId: o.paymentId!, subOrderId: ea!.id, amount: ea!.total, reason: "all" });
    await createRefund(db, sandbox, null as never, { paymentId: o.paymentId!, subOrderId: eb!.id, amount: 1625, reason: "half" });
    await drainOutbox();
    const [earnA, earnB] = await Promise.all([ea, eb].map((s) => db.sellerEarning.findUniqueOrThrow({ where: { subOrderId: s!.id } })));
    expect(earnA).toMatchObject({ refunded: 1250, commissionReturned: 125 });
    expect((await balances(a.vendor.id)).pending).toBe(-earnA!.fee); // the seller bears the fee the provider kept
    expect(earnB).toMatchObject({ gross: 3250, refunded: 1625, commissionReturned: Math.round(earnB!.commission / 2) });
    expect((await balances(b.vendor.id)).pending).toBe(earnB!.net - (1625 - earnB!.commissionReturned));
    // The platform keeps only the unrefunded commission; clearing holds what was not given back.
    const platform = await db.ledgerAccount.findMany({ where: { vendorId: null } });
    expect(platform.find((p) => p.type === "PLATFORM_CLEARING")!.balance).toBeLessThanOrEqual(-(o.total - 1250 - 1625));
    await expectBooksBalance();
  });

  it("an order-level refund is spread over the parts; the handler waits for its charge", async () => {
    const a = await shop(1000);
    const b = await shop(1000);
    const o = await order([a, b]);
    await createRefund(db, sandbox, null as never, { paymentId: o.paymentId!, amount: 1001, reason: "goodwill" });
    await drainOutbox();
    const earnings = await db.sellerEarning.findMany({ where: { orderId: o.orderId } });
    expect(earnings.reduce((s, e) => s + e.refunded, 0)).toBe(1001);
    await expectBooksBalance();
    // A refund whose charge is not posted yet throws, so the worker retries it later.
    await expect(db.$transaction((tx) => postRefund(tx, { paymentId: "not-posted", refundId: key(), orderId: o.orderId, subOrderId: null, amount: 1, currency: "USD" })))
      .rejects.toBeInstanceOf(ChargeNotPostedError);
  });

  it("a paid part the seller cancels: refunded in full, the seller bears the fee, released after the hold", async () => {
    const a = await shop(3000);
    const o = await order([a]);
    const sub = o.subs[0]!;
    await cancelSubOrderAndRefund(db, sandbox, a.actor, { vendorId: a.vendor.id, subOrderId: sub.id, reason: "out of stock" });
    await drainOutbox();
    const e = await db.sellerEarning.findUniqueOrThrow({ where: { subOrderId: sub.id } });
    expect(e).toMatchObject({ refunded: e.gross, commissionReturned: e.commission });
    expect(await balances(a.vendor.id)).toEqual({ pending: -e.fee, available: 0, paidOut: 0 });
    expect(e.releaseAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    await releaseDueEarnings(db, new Date(e.releaseAt!.getTime() + 1000));
    expect(await balances(a.vendor.id)).toEqual({ pending: 0, available: -e.fee, paidOut: 0 });
    await expectBooksBalance();
  });

  it("pay on delivery posts the sale (fee 0) when the part is delivered, once", async () => {
    const a = await shop(4000);
    const o = await order([a], "pay_on_delivery");
    expect(await db.sellerEarning.count({ where: { orderId: o.orderId } })).toBe(0);
    await deliverPart(o.orderId, o.subs[0]!.id);
    const e = await db.sellerEarning.findUniqueOrThrow({ where: { subOrderId: o.subs[0]!.id } });
    expect(e).toMatchObject({ gross: 4250, commission: 425, fee: 0, net: 3825 });
    expect(e.releaseAt!.getTime()).toBeGreaterThan(Date.now() + 6 * DAY);
    expect(await balances(a.vendor.id)).toEqual({ pending: 3825, available: 0, paidOut: 0 });
    const cod = await db.ledgerAccount.findFirstOrThrow({ where: { type: "PLATFORM_CASH_ON_DELIVERY", currency: "USD" } });
    expect(cod.balance).toBeLessThanOrEqual(-4250);
    await drainOutbox();
    expect(await db.ledgerTransaction.count({ where: { kind: "CASH_ON_DELIVERY", sourceId: o.subs[0]!.id } })).toBe(1);
    await expectBooksBalance();
  });

  it("earnings move from pending to available after delivery + the hold period, once", async () => {
    const a = await shop(2000);
    const o = await order([a]);
    const net = (await balances(a.vendor.id)).pending;
    await releaseDueEarnings(db, new Date(Date.now() + 30 * DAY));
    expect(await balances(a.vendor.id)).toEqual({ pending: net, available: 0, paidOut: 0 }); // not delivered yet
    const deliveredAt = new Date();
    await deliverPart(o.orderId, o.subs[0]!.id, deliveredAt);
    await releaseDueEarnings(db, new Date(deliveredAt.getTime() + 6 * DAY));
    expect(await balances(a.vendor.id)).toEqual({ pending: net, available: 0, paidOut: 0 });
    const later = new Date(deliveredAt.getTime() + 7 * DAY + 1000);
    await Promise.all([releaseDueEarnings(db, later), releaseDueEarnings(db, later)]);
    expect(await balances(a.vendor.id)).toEqual({ pending: 0, available: net, paidOut: 0 });
    expect(await db.ledgerTransaction.count({ where: { kind: "RELEASE", sourceId: o.subs[0]!.id } })).toBe(1);
    await expectBooksBalance();
  });
});

describe("payouts", () => {
  async function releasedSale(s: Shop, quantity = 1) {
    const o = await order([s], "card", quantity);
    await deliverPart(o.orderId, o.subs[0]!.id, new Date(Date.now() - 8 * DAY));
    await releaseDueEarnings(db, new Date());
    return o;
  }

  function recordingProvider(fail?: () => Error): PaymentProvider & { keys: string[] } {
    const keys: string[] = [];
    return {
      ...sandbox, keys,
      async transfer(input) {
        keys.push(input.idempotencyKey);
        if (fail) throw fail();
        return sandbox.transfer(input);
      },
    };
  }

  it("the weekly job run five times in parallel pays a vendor once for the period", async () => {
    const a = await shop(5000);
    await releasedSale(a);
    const available = (await balances(a.vendor.id)).available;
    const provider = recordingProvider();
    const now = new Date();
    await Promise.all(Array.from({ length: 5 }, () => runWeeklyPayouts(db, provider, now)));
    const payouts = await db.vendorPayoutRequest.findMany({ where: { vendorId: a.vendor.id } });
    expect(payouts).toHaveLength(1);
    expect(payouts[0]).toMatchObject({ status: "PAID", amount: available, providerTransferId: expect.stringMatching(/^tr_/) });
    expect(new Set(provider.keys.filter((k) => k.includes(a.vendor.id)))).toEqual(new Set([payoutKey(payouts[0]!)]));
    expect(await balances(a.vendor.id)).toEqual({ pending: 0, available: 0, paidOut: available });
    await runWeeklyPayouts(db, provider, now);
    expect(await db.vendorPayoutRequest.count({ where: { vendorId: a.vendor.id } })).toBe(1);
    await expectBooksBalance();
  });

  it("five parallel seller requests pay once; the others are refused", async () => {
    const a = await shop(5000);
    await releasedSale(a);
    const available = (await balances(a.vendor.id)).available;
    const results = await Promise.allSettled(Array.from({ length: 5 }, () => requestPayout(db, sandbox, a.actor, { vendorId: a.vendor.id, currency: "USD" })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db.vendorPayoutRequest.findMany({ where: { vendorId: a.vendor.id } })).toMatchObject([{ amount: available, status: "PAID" }]);
    expect(await balances(a.vendor.id)).toEqual({ pending: 0, available: 0, paidOut: available });
  });

  it("a crash between claim and transfer is completed by the next run with the same key", async () => {
    const a = await shop(5000);
    await releasedSale(a);
    const claimed = (await claimPayout(db, { vendorId: a.vendor.id, currency: "USD", periodEnd: new Date(), providerName: "sandbox" }))!;
    // …the process dies here: the claim is committed, nothing was sent.
    expect(claimed.status).toBe("PENDING");
    const provider = recordingProvider();
    await resendPendingPayouts(db, provider, new Date(Date.now() + 5 * 60_000));
    await resendPendingPayouts(db, provider, new Date(Date.now() + 10 * 60_000));
    expect(provider.keys).toEqual([payoutKey(claimed)]);
    expect(await db.vendorPayoutRequest.findUniqueOrThrow({ where: { id: claimed.id } })).toMatchObject({ status: "PAID" });
  });

  it("a refused transfer reverses the claim", async () => {
    const a = await shop(5000);
    await releasedSale(a);
    const before = await balances(a.vendor.id);
    const claimed = (await claimPayout(db, { vendorId: a.vendor.id, currency: "USD", periodEnd: new Date(), providerName: "sandbox" }))!;
    const result = await sendPayout(db, recordingProvider(() => new AppError("CONFLICT", "payouts.refused")), claimed.id);
    expect(result.status).toBe("FAILED");
    expect(await balances(a.vendor.id)).toEqual(before);
    // A network failure leaves it pending for the next run.
    const again = (await claimPayout(db, { vendorId: a.vendor.id, currency: "USD", periodEnd: new Date(Date.now() + 1000), providerName: "sandbox" }))!;
    expect((await sendPayout(db, recordingProvider(() => new Error("ECONNRESET")), again.id)).status).toBe("PENDING");
    await expectBooksBalance();
  });

  it("a refund after payout makes available negative; later earnings recover it before anything is paid", async () => {
    const a = await shop(5000);
    const first = await releasedSale(a);
    const provider = recordingProvider();
    const paid = await requestPayout(db, provider, a.actor, { vendorId: a.vendor.id, currency: "USD" });
    expect(paid.status).toBe("PAID");
    expect(await db.auditLog.count({ where: { action: "payout.request", resourceId: a.vendor.id } })).toBe(1);
    await createRefund(db, sandbox, null as never, { paymentId: first.paymentId!, subOrderId: first.subs[0]!.id, amount: first.total, reason: "returned" });
    await drainOutbox();
    const debt = (await balances(a.vendor.id)).available;
    expect(debt).toBeLessThan(0);
    // Nothing is paid out of a negative balance.
    expect(await errorOf(requestPayout(db, provider, a.actor, { vendorId: a.vendor.id, currency: "USD" }))).toEqual({ code: "CONFLICT", key: "payouts.belowMinimum" });
    await runWeeklyPayouts(db, provider, new Date(Date.now() + 7 * DAY));
    expect(await db.vendorPayoutRequest.count({ where: { vendorId: a.vendor.id } })).toBe(1);
    // The next sale (two units) pays the debt back first.
    await releasedSale(a, 2);
    const earning = await db.sellerEarning.findFirstOrThrow({ where: { vendorId: a.vendor.id }, orderBy: { createdAt: "desc" } });
    expect((await balances(a.vendor.id)).available).toBe(debt + earning.net);
    const second = await requestPayout(db, provider, a.actor, { vendorId: a.vendor.id, currency: "USD" });
    expect(second.amount).toBe(debt + earning.net);
    await expectBooksBalance();
  });

  it("below the minimum a request is refused; a seller cannot read or pay out another vendor", async () => {
    const a = await shop(500);
    const b = await shop(5000);
    await releasedSale(a);
    expect((await balances(a.vendor.id)).available).toBeLessThan(1000);
    const asA = callerFor(db, a.owner);
    expect(await errorOf(asA.payouts.requestPayout({ vendorId: a.vendor.id, currency: "USD" }))).toEqual({ code: "CONFLICT", key: "payouts.belowMinimum" });
    expect(await errorOf(asA.ledger.getVendorBalances({ vendorId: b.vendor.id }))).toEqual({ code: "FORBIDDEN", key: "forbidden" });
    expect(await errorOf(asA.ledger.listVendorEntries({ vendorId: b.vendor.id }))).toEqual({ code: "FORBIDDEN", key: "forbidden" });
    expect(await errorOf(asA.payouts.requestPayout({ vendorId: b.vendor.id, currency: "USD" }))).toEqual({ code: "FORBIDDEN", key: "forbidden" });
    // A staff member with payouts.read may look but not ask.
    const clerk = await createUser(db);
    await db.vendorMembership.create({ data: { userId: clerk.id, vendorId: a.vendor.id, role: "STAFF", permissions: ["payouts.read"] } });
    const asClerk = callerFor(db, clerk);
    expect((await asClerk.ledger.getVendorBalances({ vendorId: a.vendor.id })).balances[0]!.currency).toBe("USD");
    expect(await errorOf(asClerk.payouts.requestPayout({ vendorId: a.vendor.id, currency: "USD" }))).toEqual({ code: "FORBIDDEN", key: "forbidden" });
    // Another shop's payout statement: forbidden under its id, not found under one's own.
    await releasedSale(b);
    const bPayout = await requestPayout(db, sandbox, b.actor, { vendorId: b.vendor.id, currency: "USD" });
    expect(await errorOf(asA.ledger.payoutStatement({ vendorId: b.vendor.id, payoutId: bPayout.id }))).toEqual({ code: "FORBIDDEN", key: "forbidden" });
    expect(await errorOf(asA.ledger.payoutStatement({ vendorId: a.vendor.id, payoutId: bPayout.id }))).toEqual({ code: "NOT_FOUND", key: "payouts.notFound" });
    const statement = await callerFor(db, b.owner).ledger.payoutStatement({ vendorId: b.vendor.id, payoutId: bPayout.id });
    expect(statement.lines.reduce((sum, l) => sum + (l.kind === "PAYOUT" ? l.amount : 0), 0)).toBe(0); // available −x, paid out +x
    const entries = await asA.ledger.listVendorEntries({ vendorId: a.vendor.id, pageSize: 2 });
    expect(entries.items.length).toBeLessThanOrEqual(2);
    expect(entries.total).toBeGreaterThanOrEqual(2);
  });
});
