// The postings of a sale's life: the charge (or cash on delivery) split over the order's
// sub-orders, refunds taken back proportionally, and the release from pending to available
// after delivery + the hold period. Every function runs inside the caller's transaction and
// is idempotent through postTransaction's (kind, sourceId) key.
import type { DbTx, Db } from "@/server/db";
import { env } from "@/server/env";
import { allocate } from "@/server/workflows/checkout/allocate";
import { commissionOf, loadRules, processingFee, rateFor, type RuleSet } from "./commission";
import { postTransaction, subOrderBalance, type Posting } from "./ledger.core";

export interface SplitLine {
  lineTotal: number;
  categoryPath: readonly string[];
}

export interface SplitPart {
  subOrderId: string;
  vendorId: string;
  total: number;
  lines: SplitLine[];
}

export interface PartSplit {
  subOrderId: string;
  vendorId: string;
  gross: number;
  commission: number;
  fee: number;
  net: number;
  rateBps: number;
}

/**
 * Splits a charge over the parts: gross shares and fees by largest remainder (so each adds up
 * to the charge and the fee exactly), commission per line at the line's rate, net = the rest.
 * Invariant: charge = Σ net + Σ commission + Σ fee.
 */
export function splitCharge(charge: number, fee: number, parts: readonly SplitPart[], rules: ReadonlyMap<string, RuleSet>): PartSplit[] {
  const shares = allocate(charge, parts.map((p) => p.total));
  const fees = allocate(Math.min(fee, charge), shares);
  return parts.map((part, i) => {
    const gross = shares[i]!;
    const set = rules.get(part.vendorId)!;
    let commission: number;
    if (part.lines.length === 0) commission = commissionOf(gross, rateFor(set, []));
    else {
      // The part's share (shipping included) spread over its lines, each at its category's rate.
      const lineShares = allocate(gross, part.lines.map((l) => l.lineTotal));
      commission = part.lines.reduce((sum, line, j) => sum + commissionOf(lineShares[j]!, rateFor(set, line.categoryPath)), 0);
    }
    const partFee = fees[i]!;
    return {
      subOrderId: part.subOrderId, vendorId: part.vendorId, gross, commission, fee: partFee, net: gross - commission - partFee,
      rateBps: gross > 0 ? Math.round((commission * 10000) / gross) : 0,
    };
  });
}

const DONE_STATUSES = ["REFUNDED", "CANCELLED"];

/**
 * When a part's pending earnings may be released: delivery + hold; for a part that ended
 * cancelled or refunded without delivery, the hold counts from now (its refund settles first,
 * and what is left, often the fee it bore, then moves to available).
 */
export function releaseTimeOf(sub: { status: string; deliveredAt: Date | null }, now = new Date()): Date | null {
  const hold = env.PAYOUT_HOLD_DAYS * 86_400_000;
  if (sub.deliveredAt && sub.status !== "CANCELLED") return new Date(sub.deliveredAt.getTime() + hold);
  if (sub.status === "DELIVERED" || sub.status === "COMPLETED" || DONE_STATUSES.includes(sub.status)) return new Date(now.getTime() + hold);
  return null;
}

async function loadParts(tx: DbTx, subOrderIds: string[]) {
  const subs = await tx.subOrder.findMany({
    where: { id: { in: subOrderIds } },
    orderBy: { id: "asc" },
    select: { id: true, vendorId: true, total: true, status: true, deliveredAt: true, lines: { orderBy: { id: "asc" }, select: { lineTotal: true, productId: true } } },
  });
  const productIds = [...new Set(subs.flatMap((s) => s.lines.map((l) => l.productId).filter((id): id is string => Boolean(id))))];
  const products = await tx.product.findMany({ where: { id: { in: productIds } }, select: { id: true, categoryPath: true } });
  const paths = new Map(products.map((p) => [p.id, p.categoryPath]));
  const rules = new Map<string, RuleSet>();
  for (const vendorId of new Set(subs.map((s) => s.vendorId))) {
    const categories = subs.filter((s) => s.vendorId === vendorId).flatMap((s) => s.lines.flatMap((l) => (l.productId ? (paths.get(l.productId) ?? []) : [])));
    rules.set(vendorId, await loadRules(tx, vendorId, categories));
  }
  const parts: SplitPart[] = subs.map((s) => ({
    subOrderId: s.id, vendorId: s.vendorId, total: s.total,
    lines: s.lines.map((l) => ({ lineTotal: l.lineTotal, categoryPath: (l.productId && paths.get(l.productId)) || [] })),
  }));
  return { subs, parts, rules };
}

async function recordEarnings(tx: DbTx, orderId: string, currency: string, splits: PartSplit[], subs: { id: string; status: string; deliveredAt: Date | null }[]) {
  const now = new Date();
  await tx.sellerEarning.createMany({
    data: splits.map((s) => {
      const sub = subs.find((x) => x.id === s.subOrderId)!;
      return {
        subOrderId: s.subOrderId, orderId, vendorId: s.vendorId, currency, gross: s.gross, commission: s.commission, fee: s.fee, net: s.net,
        commissionRateBps: s.rateBps, releaseAt: releaseTimeOf(sub, now),
      };
    }),
  });
}

function salePostings(splits: PartSplit[]): Posting[] {
  return splits.flatMap((s) => [
    { account: { type: "VENDOR_PENDING" as const, vendorId: s.vendorId }, amount: s.net, subOrderId: s.subOrderId },
    { account: { type: "PLATFORM_COMMISSION" as const }, amount: s.commission, subOrderId: s.subOrderId },
    { account: { type: "PLATFORM_FEES" as const }, amount: s.fee, subOrderId: s.subOrderId },
  ]);
}

/**
 * A captured card charge: the gross goes to clearing, each paid part's net to its vendor's
 * pending account, commission and fee to the platform. A charge for an order whose parts were
 * all cancelled before it arrived is recorded without postings (it is refunded in full; see
 * the docs' known gap).
 */
export async function postCharge(tx: DbTx, input: { paymentId: string; orderId: string; amount: number; currency: string; fee?: number }) {
  const order = await tx.order.findUniqueOrThrow({ where: { id: input.orderId }, select: { id: true, subOrders: { select: { id: true, status: true } } } });
  const live = order.subOrders.filter((s) => s.status !== "CANCELLED" && s.status !== "PENDING_PAYMENT");
  if (live.length === 0) {
    await postTransaction(tx, { kind: "CHARGE", sourceId: input.paymentId, currency: input.currency, orderId: order.id, memo: "order cancelled before the charge: not allocated", postings: [] });
    return null;
  }
  const { subs, parts, rules } = await loadParts(tx, order.subOrders.filter((s) => s.status !== "CANCELLED").map((s) => s.id));
  const fee = input.fee ?? processingFee(input.amount);
  const splits = splitCharge(input.amount, fee, parts, rules);
  const posted = await postTransaction(tx, {
    kind: "CHARGE", sourceId: input.paymentId, currency: input.currency, orderId: order.id, memo: "card charge captured",
    postings: [{ account: { type: "PLATFORM_CLEARING" }, amount: -input.amount }, ...salePostings(splits)],
  });
  if (!posted) return null;
  await recordEarnings(tx, order.id, input.currency, splits, subs);
  return splits;
}

/** A pay-on-delivery part was delivered: the cash collected is its gross, with no processing fee. */
export async function postCashOnDelivery(tx: DbTx, subOrderId: string) {
  const head = await tx.subOrder.findUniqueOrThrow({ where: { id: subOrderId }, select: { orderId: true, total: true, order: { select: { currency: true, paymentMethod: true } } } });
  if (head.order.paymentMethod !== "pay_on_delivery") return null;
  const { subs, parts, rules } = await loadParts(tx, [subOrderId]);
  const splits = splitCharge(head.total, 0, parts, rules);
  const currency = head.order.currency.trim();
  const posted = await postTransaction(tx, {
    kind: "CASH_ON_DELIVERY", sourceId: subOrderId, currency, orderId: head.orderId, memo: "cash collected on delivery",
    postings: [{ account: { type: "PLATFORM_CASH_ON_DELIVERY" }, amount: -head.total }, ...salePostings(splits)],
  });
  if (!posted) return null;
  await recordEarnings(tx, head.orderId, currency, splits, subs);
  return splits;
}

/** Thrown when a refund arrives before its charge is posted: the handler is retried later. */
export class ChargeNotPostedError extends Error {
  constructor(paymentId: string) {
    super(`charge of payment ${paymentId} is not posted yet`);
    this.name = "ChargeNotPostedError";
  }
}

/**
 * Money went back to the shopper. Each part refunded gives back commission in proportion to
 * what of its gross is refunded (cumulatively, so a full refund returns it exactly); the
 * processing fee is not returned (the provider keeps it), so the seller bears it. The seller's
 * share comes from pending while the part is unreleased, else from available (which may go
 * negative: a clawback recovered from later earnings).
 */
export async function postRefund(tx: DbTx, input: { paymentId: string; refundId: string; orderId: string; subOrderId: string | null; amount: number; currency: string }) {
  const charge = await tx.ledgerTransaction.findUnique({ where: { kind_sourceId: { kind: "CHARGE", sourceId: input.paymentId } }, select: { id: true } });
  if (!charge) throw new ChargeNotPostedError(input.paymentId);
  // Lock the parts' earnings (in id order, like the release job) so refunds and releases of one part run one at a time.
  const locked = await tx.$queryRaw<{ id: string }[]>`
    SELECT "id" FROM "SellerEarning" WHERE "orderId" = ${input.orderId} ORDER BY "subOrderId" FOR UPDATE`;
  if (locked.length === 0) {
    // The charge was not allocated (order cancelled first): the refund only leaves clearing's gross.
    await postTransaction(tx, { kind: "REFUND", sourceId: input.refundId, currency: input.currency, orderId: input.orderId, memo: "refund of an unallocated charge", postings: [] });
    return null;
  }
  const all = await tx.sellerEarning.findMany({ where: { orderId: input.orderId }, orderBy: { subOrderId: "asc" } });
  const earnings = input.subOrderId ? all.filter((e) => e.subOrderId === input.subOrderId) : all;
  if (earnings.length === 0) throw new Error(`no earning for sub-order ${input.subOrderId}`);
  const amounts = earnings.length === 1 ? [input.amount] : allocate(input.amount, earnings.map((e) => e.gross - e.refunded));

  const postings: Posting[] = [{ account: { type: "PLATFORM_CLEARING" }, amount: input.amount }];
  const updates: { id: string; refunded: number; commissionReturned: number }[] = [];
  earnings.forEach((e, i) => {
    const part = amounts[i]!;
    if (part === 0) return;
    const refunded = Math.min(e.gross, e.refunded + part);
    const commissionReturned = e.gross > 0 ? Math.round((e.commission * refunded) / e.gross) : 0;
    const returned = commissionReturned - e.commissionReturned;
    const account = e.releasedAt ? ("VENDOR_AVAILABLE" as const) : ("VENDOR_PENDING" as const);
    postings.push({ account: { type: account, vendorId: e.vendorId }, amount: -(part - returned), subOrderId: e.subOrderId });
    postings.push({ account: { type: "PLATFORM_COMMISSION" }, amount: -returned, subOrderId: e.subOrderId });
    updates.push({ id: e.id, refunded, commissionReturned });
  });
  const posted = await postTransaction(tx, { kind: "REFUND", sourceId: input.refundId, currency: input.currency, orderId: input.orderId, memo: "refund to the shopper", postings });
  if (!posted) return null;
  for (const u of updates) await tx.sellerEarning.update({ where: { id: u.id }, data: { refunded: u.refunded, commissionReturned: u.commissionReturned } });
  return postings;
}

/** Sets (once) when a part's earnings become releasable, from the part's current state. */
export async function scheduleRelease(tx: DbTx, subOrderId: string, now = new Date()) {
  const sub = await tx.subOrder.findUnique({ where: { id: subOrderId }, select: { status: true, deliveredAt: true } });
  if (!sub) return;
  const at = releaseTimeOf(sub, now);
  if (at) await tx.sellerEarning.updateMany({ where: { subOrderId, releaseAt: null, releasedAt: null }, data: { releaseAt: at } });
}

/** Moves what is still pending of one part to available. Idempotent; locks the earning. */
export async function releaseEarning(tx: DbTx, earningId: string, now = new Date()): Promise<number | null> {
  const row = (await tx.$queryRaw<{ id: string; subOrderId: string; vendorId: string; orderId: string; currency: string; releaseAt: Date | null; releasedAt: Date | null }[]>`
    SELECT "id", "subOrderId", "vendorId", "orderId", "currency", "releaseAt", "releasedAt" FROM "SellerEarning" WHERE "id" = ${earningId} FOR UPDATE`)[0];
  if (!row || row.releasedAt || !row.releaseAt || row.releaseAt > now) return null;
  const pending = await subOrderBalance(tx, row.subOrderId, "VENDOR_PENDING");
  await postTransaction(tx, {
    kind: "RELEASE", sourceId: row.subOrderId, currency: row.currency, orderId: row.orderId, memo: "released after the hold period",
    postings: [
      { account: { type: "VENDOR_PENDING", vendorId: row.vendorId }, amount: -pending, subOrderId: row.subOrderId },
      { account: { type: "VENDOR_AVAILABLE", vendorId: row.vendorId }, amount: pending, subOrderId: row.subOrderId },
    ],
  });
  await tx.sellerEarning.update({ where: { id: row.id }, data: { releasedAt: now } });
  return pending;
}

/** The release job: every part whose hold has passed, one transaction each. */
export async function releaseDueEarnings(db: Db, now = new Date(), batch = 500) {
  const due = await db.sellerEarning.findMany({ where: { releasedAt: null, releaseAt: { lte: now } }, orderBy: { releaseAt: "asc" }, take: batch, select: { id: true } });
  let released = 0;
  for (const { id } of due) {
    if ((await db.$transaction((tx) => releaseEarning(tx, id, now))) !== null) released++;
  }
  return { released };
}
