// Reads of payments for the pages: the admin dashboard (filtered list with totals per currency,
// one payment with its webhook events and refunds), the admin order's payment panel, a seller's
// refunds of one part, and the shopper's payment history and receipts. Nothing here writes.
import type { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import { notFound } from "@/server/lib/errors";
import type { AdminPaymentListInput, MyPaymentListInput } from "./payments.reads.schema";

/** Refunds that hold (part of) the money: pending ones are on their way. */
const CLAIMING = ["PENDING", "SUCCEEDED"] as const;

/** Card brand and last four when the provider told us (the sandbox keeps them; Stripe's are not stored). */
async function cardsOf(db: DbTx, payments: { provider: string; providerPaymentId: string | null }[]) {
  const ids = payments.filter((p) => p.provider === "sandbox" && p.providerPaymentId).map((p) => p.providerPaymentId!);
  if (ids.length === 0) return new Map<string, { brand: string | null; last4: string }>();
  const rows = await db.sandboxPaymentIntent.findMany({ where: { id: { in: ids }, cardLast4: { not: null } }, select: { id: true, cardBrand: true, cardLast4: true } });
  return new Map(rows.map((r) => [r.id, { brand: r.cardBrand, last4: r.cardLast4! }]));
}

/** The first instant of a YYYY-MM-DD day in UTC. */
const dayStart = (day: string) => new Date(`${day}T00:00:00.000Z`);

function adminWhere(input: AdminPaymentListInput): Prisma.PaymentWhereInput {
  const createdAt: Prisma.DateTimeFilter = {};
  if (input.from) createdAt.gte = dayStart(input.from);
  // "to" is inclusive: everything before the next day's start.
  if (input.to) createdAt.lt = new Date(dayStart(input.to).getTime() + 86_400_000);
  const q = input.query;
  return {
    ...(input.status ? { status: input.status } : {}),
    ...(input.from || input.to ? { createdAt } : {}),
    ...(input.vendorId || q
      ? {
          order: {
            ...(input.vendorId ? { subOrders: { some: { vendorId: input.vendorId } } } : {}),
            ...(q ? { OR: [{ number: { contains: q, mode: "insensitive" as const } }, { user: { email: { contains: q, mode: "insensitive" as const } } }] } : {}),
          },
        }
      : {}),
  };
}

export interface CurrencyTotals {
  currency: string;
  count: number;
  captured: number;
  refunded: number;
}

/** Every payment (newest first, keyset pages) with the totals of the whole filtered set per currency. */
export async function listPaymentsForStaff(db: DbTx, input: AdminPaymentListInput) {
  const where = adminWhere(input);
  const [rows, all, captured] = await Promise.all([
    db.payment.findMany({
      where,
      select: {
        id: true, status: true, provider: true, providerPaymentId: true, amount: true, currency: true, amountRefunded: true, createdAt: true,
        order: { select: { id: true, number: true, user: { select: { name: true, email: true } } } },
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    }),
    db.payment.groupBy({ by: ["currency"], where, _count: { _all: true }, _sum: { amountRefunded: true }, orderBy: { currency: "asc" } }),
    db.payment.groupBy({ by: ["currency"], where: { AND: [where, { status: "CAPTURED" }] }, _sum: { amount: true }, orderBy: { currency: "asc" } }),
  ]);
  const capturedBy = new Map(captured.map((c) => [c.currency, c._sum.amount ?? 0]));
  const totals: CurrencyTotals[] = all.map((g) => ({
    currency: g.currency.trim(), count: g._count._all, captured: capturedBy.get(g.currency) ?? 0, refunded: g._sum.amountRefunded ?? 0,
  }));
  const items = rows.slice(0, input.limit).map((r) => ({ ...r, currency: r.currency.trim() }));
  return { items, nextCursor: rows.length > input.limit ? rows[input.limit - 1]!.id : null, totals };
}

/** Shops for the dashboard's vendor filter. */
export async function paymentVendorOptions(db: DbTx) {
  return db.vendor.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" }, take: 500 });
}

/** One payment for staff: amounts, provider, the order's parts (with what is left to refund), webhook events, refunds. */
export async function getPaymentForStaff(db: DbTx, paymentId: string) {
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    include: {
      order: {
        select: {
          id: true, number: true, status: true, total: true, currency: true, createdAt: true, user: { select: { name: true, email: true } },
          subOrders: { orderBy: { number: "asc" }, select: { id: true, number: true, status: true, total: true, vendor: { select: { id: true, name: true } } } },
        },
      },
      events: { orderBy: [{ receivedAt: "asc" }, { id: "asc" }], select: { id: true, type: true, receivedAt: true, processedAt: true } },
      refunds: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    },
  });
  if (!payment) throw notFound("payments.paymentNotFound");
  const actorIds = [...new Set(payment.refunds.map((r) => r.actorId).filter((id): id is string => id !== null))];
  const [actors, cards] = await Promise.all([
    db.user.findMany({ where: { id: { in: actorIds } }, select: { id: true, email: true } }),
    cardsOf(db, [payment]),
  ]);
  const emails = new Map(actors.map((a) => [a.id, a.email]));
  const claimed = payment.refunds.filter((r) => (CLAIMING as readonly string[]).includes(r.status));
  const left = payment.status === "CAPTURED" ? payment.amount - claimed.reduce((n, r) => n + r.amount, 0) : 0;
  const parts = payment.order.subOrders.map((sub) => {
    const partClaimed = claimed.filter((r) => r.subOrderId === sub.id).reduce((n, r) => n + r.amount, 0);
    const refunded = payment.refunds.filter((r) => r.subOrderId === sub.id && r.status === "SUCCEEDED").reduce((n, r) => n + r.amount, 0);
    return { ...sub, refunded, refundable: Math.max(0, Math.min(left, sub.total - partClaimed)) };
  });
  const { events, refunds, order, ...rest } = payment;
  // The client secret lets a browser confirm the intent: it never leaves the shopper's pay page.
  delete (rest as Partial<typeof rest>).clientSecret;
  return {
    ...(rest as Omit<typeof rest, "clientSecret">),
    currency: payment.currency.trim(),
    card: payment.providerPaymentId ? (cards.get(payment.providerPaymentId) ?? null) : null,
    refundable: Math.max(0, left),
    order: { ...order, subOrders: parts },
    events,
    refunds: refunds.map((r) => ({
      id: r.id, subOrderId: r.subOrderId, amount: r.amount, currency: r.currency.trim(), status: r.status, reason: r.reason,
      providerRefundId: r.providerRefundId, createdAt: r.createdAt, actorEmail: r.actorId ? (emails.get(r.actorId) ?? null) : null,
    })),
  };
}

/** The payments of one order (the admin order page's panel), newest first. */
export async function paymentsOfOrder(db: DbTx, orderId: string) {
  const rows = await db.payment.findMany({
    where: { orderId }, orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, status: true, provider: true, amount: true, currency: true, amountRefunded: true, createdAt: true },
  });
  return rows.map((r) => ({ ...r, currency: r.currency.trim() }));
}

/** A seller's view of one of its parts' money: refunds so far and what is left to refund. */
export async function partRefundsForVendor(db: DbTx, vendorId: string, subOrderId: string) {
  const sub = await db.subOrder.findFirst({ where: { id: subOrderId, vendorId }, select: { id: true, orderId: true, total: true, order: { select: { currency: true } } } });
  if (!sub) throw notFound("orders.notFound");
  const payment = await db.payment.findFirst({ where: { orderId: sub.orderId, status: "CAPTURED" }, select: { id: true, amount: true } });
  const currency = sub.order.currency.trim();
  if (!payment) return { captured: false, currency, refundable: 0, refunds: [] };
  const [refunds, paymentClaimed] = await Promise.all([
    db.refund.findMany({
      where: { paymentId: payment.id, subOrderId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }],
      select: { id: true, amount: true, status: true, reason: true, createdAt: true },
    }),
    db.refund.aggregate({ where: { paymentId: payment.id, status: { in: [...CLAIMING] } }, _sum: { amount: true } }),
  ]);
  const partClaimed = refunds.filter((r) => (CLAIMING as readonly string[]).includes(r.status)).reduce((n, r) => n + r.amount, 0);
  const refundable = Math.max(0, Math.min(sub.total - partClaimed, payment.amount - (paymentClaimed._sum.amount ?? 0)));
  return { captured: true, currency, refundable, refunds };
}

/** The shopper's payments (every attempt of every order), newest first, with refunds and card. */
export async function listMyPayments(db: DbTx, userId: string, input: MyPaymentListInput) {
  const rows = await db.payment.findMany({
    where: { order: { userId } },
    select: {
      id: true, status: true, provider: true, providerPaymentId: true, amount: true, currency: true, amountRefunded: true, createdAt: true,
      order: { select: { id: true, number: true } },
      refunds: { where: { status: { in: [...CLAIMING] } }, orderBy: { createdAt: "asc" }, select: { id: true, amount: true, status: true, createdAt: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const cards = await cardsOf(db, page);
  return {
    items: page.map(({ providerPaymentId, ...p }) => ({ ...p, currency: p.currency.trim(), card: providerPaymentId ? (cards.get(providerPaymentId) ?? null) : null })),
    nextCursor: rows.length > input.limit ? rows[input.limit - 1]!.id : null,
  };
}

/** When the charge was captured: the moment payment.succeeded was published (else the last change). */
async function capturedAt(db: DbTx, payment: { id: string; updatedAt: Date }) {
  const event = await db.outboxEvent.findFirst({ where: { type: "payment.succeeded", aggregateId: payment.id }, orderBy: { id: "asc" }, select: { createdAt: true } });
  return event?.createdAt ?? payment.updatedAt;
}

/**
 * The receipt of a captured payment, for its shopper only (someone else's, or one not captured,
 * is "not found"): what was bought per shop, the totals, the card, and refunds since.
 */
export async function getReceipt(db: DbTx, userId: string | null, paymentId: string) {
  const payment = await db.payment.findFirst({
    where: { id: paymentId, status: "CAPTURED", ...(userId ? { order: { userId } } : {}) },
    include: {
      order: {
        select: {
          id: true, number: true, createdAt: true, currency: true, subtotal: true, shippingTotal: true, discountTotal: true, taxTotal: true, total: true,
          shippingAddress: true, user: { select: { name: true, email: true, locale: true } },
          subOrders: {
            orderBy: { number: "asc" },
            select: {
              id: true, number: true, subtotal: true, shippingTotal: true, discountTotal: true, taxTotal: true, total: true, vendor: { select: { name: true } },
              lines: { orderBy: { id: "asc" }, select: { id: true, title: true, variantTitle: true, sku: true, unitPrice: true, quantity: true, lineTotal: true } },
            },
          },
        },
      },
      refunds: { where: { status: "SUCCEEDED" }, orderBy: { createdAt: "asc" }, select: { id: true, amount: true, subOrderId: true, createdAt: true } },
    },
  });
  if (!payment) throw notFound("payments.receiptNotFound");
  const [cards, paidAt] = await Promise.all([cardsOf(db, [payment]), capturedAt(db, payment)]);
  return {
    id: payment.id,
    provider: payment.provider,
    amount: payment.amount,
    currency: payment.currency.trim(),
    amountRefunded: payment.amountRefunded,
    paidAt,
    card: payment.providerPaymentId ? (cards.get(payment.providerPaymentId) ?? null) : null,
    order: { ...payment.order, currency: payment.order.currency.trim() },
    refunds: payment.refunds,
  };
}
export type Receipt = Awaited<ReturnType<typeof getReceipt>>;
