// The payments sweep (a timed job, every minute): it makes the database agree with the
// provider whatever was missed — a webhook lost while the server was down, a follow-up that
// failed, a refund sent just before a crash — and closes unpaid card orders whose payment
// window has passed. Every step is idempotent, so overlapping runs are harmless.
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { logger } from "@/server/lib/logger";
import type { PaymentProvider } from "@/server/modules/payments/providers";
import { cancelUnpaidOrder } from "@/server/workflows/checkout/payment";
import { refundCancelledParts } from "./refund-orders";
import { sendRefund } from "./refunds";
import { OPEN_PAYMENT_STATUSES, runFollowUp, syncPayment } from "./sync";

const MINUTE = 60_000;

export async function reconcilePayments(db: Db, provider: PaymentProvider, now = new Date()) {
  const stats = { synced: 0, refundsSent: 0, cancelledPartsRefunded: 0, cancelledIntents: 0, expiredOrders: 0 };
  const quietSince = new Date(now.getTime() - MINUTE);

  // Open payments nobody told us about for a minute: ask the provider.
  const open = await db.payment.findMany({ where: { status: { in: OPEN_PAYMENT_STATUSES }, providerPaymentId: { not: null }, updatedAt: { lt: quietSince } }, select: { id: true }, take: 200 });
  for (const p of open) {
    await step(() => syncPayment(db, provider, p.id));
    stats.synced++;
  }

  // Refunds claimed but not confirmed.
  const pendingRefunds = await db.refund.findMany({ where: { status: "PENDING", updatedAt: { lt: quietSince } }, select: { id: true }, take: 200 });
  for (const r of pendingRefunds) {
    await step(() => sendRefund(db, provider, r.id));
    stats.refundsSent++;
  }

  // Paid orders with cancelled parts not yet refunded (a cancel whose refund did not go through,
  // a charge captured after its order was cancelled).
  const recentlyCancelled = new Date(now.getTime() - 7 * 24 * 60 * MINUTE);
  const owed = await db.order.findMany({
    where: { payments: { some: { status: "CAPTURED" } }, subOrders: { some: { status: "CANCELLED", updatedAt: { gt: recentlyCancelled } } } },
    select: { id: true, total: true, payments: { where: { status: "CAPTURED" }, select: { amountRefunded: true } } }, take: 200,
  });
  for (const o of owed) {
    if (o.payments.every((p) => p.amountRefunded >= o.total)) continue;
    await step(() => refundCancelledParts(db, provider, o.id));
    stats.cancelledPartsRefunded++;
  }

  // Open intents of cancelled orders: cancelled at the provider too.
  const stale = await db.payment.findMany({ where: { status: { in: OPEN_PAYMENT_STATUSES }, order: { status: "CANCELLED" } }, select: { id: true }, take: 200 });
  for (const p of stale) {
    await step(() => runFollowUp(db, provider, p.id, "cancelIntent"));
    stats.cancelledIntents++;
  }

  // Card orders still unpaid after the payment window, holding no stock and no open attempt.
  const windowStart = new Date(now.getTime() - env.CHECKOUT_RESERVATION_MINUTES * MINUTE);
  const unpaid = await db.order.findMany({
    where: {
      status: "PENDING_PAYMENT", paymentMethod: "card", createdAt: { lt: windowStart },
      reservations: { none: { status: "ACTIVE" } }, payments: { none: { status: { in: [...OPEN_PAYMENT_STATUSES, "CAPTURED", "AUTHORIZED"] } } },
    },
    select: { id: true }, take: 200,
  });
  for (const o of unpaid) {
    await step(() => db.$transaction((tx) => cancelUnpaidOrder(tx, o.id, null, "payment window expired")));
    stats.expiredOrders++;
  }
  return stats;
}

async function step(fn: () => Promise<unknown>) {
  try {
    await fn();
  } catch (error) {
    logger.warn("payments sweep step failed; next run retries", { error: error instanceof Error ? error.message : String(error) });
  }
}
