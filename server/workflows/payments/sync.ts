// Moving a Payment (and its order) to match the provider. Whatever told us something changed
// (a webhook, the card form's answer, the reconciliation job), we re-read the intent from the
// provider and apply what it says now, so events arriving twice or out of order end in the
// same state. The provider call happens before the transaction; the transaction locks the order
// then the payment (the same order as startPayment), so syncs of one payment run one at a time.
import type { PaymentStatus } from "@/prisma/generated/client/client";
import type { Db, DbTx } from "@/server/db";
import { env } from "@/server/env";
import { publish } from "@/server/events";
import { AppError } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { releaseReservations, reserveStock } from "@/server/modules/inventory";
import type { PaymentProvider, ProviderIntent } from "@/server/modules/payments/providers";
import { cancelUnpaidOrder, confirmOrderPayment } from "@/server/workflows/checkout/payment";
import { refundCancelledParts } from "./refund-orders";
import { withSavepoint } from "./savepoint";

export const OPEN_PAYMENT_STATUSES: PaymentStatus[] = ["PENDING", "REQUIRES_ACTION"];

/** Our status for the provider's intent status. */
export function paymentStatusOf(intent: Pick<ProviderIntent, "status" | "lastError">): PaymentStatus {
  switch (intent.status) {
    case "succeeded":
      return "CAPTURED";
    case "requires_capture":
      return "AUTHORIZED";
    case "requires_action":
      return "REQUIRES_ACTION";
    case "canceled":
      return "CANCELLED";
    case "requires_payment_method":
      return intent.lastError ? "FAILED" : "PENDING";
    default:
      return "PENDING";
  }
}

/** Captured and cancelled are final: a late "failed" or "requires_action" never undoes them. */
const FINAL: PaymentStatus[] = ["CAPTURED", "CANCELLED"];

/** Work that needs the provider again once the transaction has committed. */
export type FollowUp = "refundCancelledOrder" | "cancelIntent" | null;

export interface SyncResult {
  status: PaymentStatus;
  changed: boolean;
  followUp: FollowUp;
}

/** Re-reads the payment's intent from the provider and applies it. */
export async function syncPayment(db: Db, provider: PaymentProvider, paymentId: string): Promise<SyncResult | null> {
  const payment = await db.payment.findUnique({ where: { id: paymentId }, select: { providerPaymentId: true } });
  if (!payment?.providerPaymentId) return null;
  const intent = await provider.retrieveIntent(payment.providerPaymentId);
  const result = await db.$transaction((tx) => applyIntent(tx, paymentId, intent), { timeout: 20_000, maxWait: 20_000 });
  if (result.followUp) await runFollowUp(db, provider, paymentId, result.followUp);
  return result;
}

/** Best effort now; the reconciliation job retries what fails (both are idempotent). */
export async function runFollowUp(db: Db, provider: PaymentProvider, paymentId: string, followUp: Exclude<FollowUp, null>) {
  try {
    if (followUp === "cancelIntent") {
      const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
      if (payment.providerPaymentId) await provider.cancelIntent(payment.providerPaymentId, `cancel:${payment.id}`);
      await syncPaymentQuietly(db, provider, paymentId);
    } else {
      const { orderId } = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { orderId: true } });
      await refundCancelledParts(db, provider, orderId, "order cancelled before the payment arrived");
    }
  } catch (error) {
    logger.warn("payment follow-up deferred to reconciliation", { paymentId, followUp, error: error instanceof Error ? error.message : String(error) });
  }
}

async function syncPaymentQuietly(db: Db, provider: PaymentProvider, paymentId: string) {
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const intent = await provider.retrieveIntent(payment.providerPaymentId!);
  await db.$transaction((tx) => applyIntent(tx, paymentId, intent));
}

/** Applies the provider's view of the intent to the payment and its order. Idempotent. */
export async function applyIntent(tx: DbTx, paymentId: string, intent: ProviderIntent): Promise<SyncResult> {
  const head = await tx.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { orderId: true } });
  await tx.$executeRaw`SELECT 1 FROM "Order" WHERE "id" = ${head.orderId} FOR UPDATE`;
  const payment = (await tx.$queryRaw<{ id: string; status: PaymentStatus; amount: number; currency: string; failureCode: string | null }[]>`
    SELECT "id", "status"::text AS "status", "amount", "currency", "failureCode" FROM "Payment" WHERE "id" = ${paymentId} FOR UPDATE`)[0]!;
  const order = await tx.order.findUniqueOrThrow({ where: { id: head.orderId }, include: { subOrders: { select: { status: true } } } });
  const orderOpen = order.subOrders.some((s) => s.status === "PENDING_PAYMENT");
  const orderCancelled = order.subOrders.every((s) => s.status === "CANCELLED");

  // The charge must be for this order's amount in its currency; anything else is never "paid".
  if (intent.amount !== payment.amount || intent.currency.toUpperCase() !== payment.currency.trim()) {
    logger.error("payment amount or currency does not match the intent", { paymentId, expected: `${payment.amount} ${payment.currency}`, got: `${intent.amount} ${intent.currency}` });
    if (payment.failureCode !== "amount_mismatch") {
      await tx.payment.update({ where: { id: paymentId }, data: { status: "FAILED", failureCode: "amount_mismatch", failureMessage: "amount or currency differs from the order" } });
    }
    // A mismatched charge that went through is not ours to settle automatically: it stays
    // FAILED with the intent id for staff to refund from the provider's dashboard.
    return { status: "FAILED", changed: payment.failureCode !== "amount_mismatch", followUp: intent.status === "succeeded" ? null : "cancelIntent" };
  }

  const target = FINAL.includes(payment.status) ? payment.status : paymentStatusOf(intent);
  const failure = target === "FAILED" ? intent.lastError : null;
  const changed = target !== payment.status || (failure?.code ?? null) !== payment.failureCode;
  if (changed) {
    await tx.payment.update({ where: { id: paymentId }, data: { status: target, failureCode: failure?.code ?? null, failureMessage: failure?.message ?? null } });
  }

  let followUp: FollowUp = null;
  if (target === "CAPTURED") {
    if (payment.status !== "CAPTURED") {
      await publish(tx, { type: "payment.succeeded", aggregateType: "payment", aggregateId: paymentId, payload: { paymentId, orderId: order.id, amount: payment.amount, currency: order.currency } });
    }
    if (orderOpen) {
      if (await holdStock(tx, order.id)) await confirmOrderPayment(tx, order.id, null, "card payment captured");
      else {
        // Paid after the stock went to someone else: the order cannot be filled, so it is cancelled and refunded.
        await cancelUnpaidOrder(tx, order.id, null, "sold out before the payment arrived");
        followUp = "refundCancelledOrder";
      }
    } else if (orderCancelled) followUp = "refundCancelledOrder";
  } else if (target === "FAILED" && changed) {
    await publish(tx, { type: "payment.failed", aggregateType: "payment", aggregateId: paymentId, payload: { paymentId, orderId: order.id, code: failure?.code ?? "unknown" } });
    // The stock goes back on sale at once; paying again reserves it again.
    if (orderOpen) await releaseReservations(tx, order.id, "payment failed");
  } else if (OPEN_PAYMENT_STATUSES.includes(target) && orderCancelled) {
    followUp = "cancelIntent";
  }
  return { status: target, changed, followUp };
}

/** The order's stock is held (still reserved, or reserved again now); false when it is gone. */
export async function holdStock(tx: DbTx, orderId: string): Promise<boolean> {
  const reservations = await tx.stockReservation.groupBy({ by: ["status"], where: { orderId }, _count: true });
  if (reservations.some((r) => r.status === "ACTIVE" || r.status === "COMMITTED")) return true;
  const lines = await tx.orderLine.findMany({ where: { subOrder: { orderId, status: "PENDING_PAYMENT" }, variantId: { not: null } }, select: { variantId: true, quantity: true } });
  if (lines.length === 0) return true;
  try {
    await withSavepoint(tx, () =>
      reserveStock(tx, { orderId, lines: lines.map((l) => ({ variantId: l.variantId!, quantity: l.quantity })), expiresAt: new Date(Date.now() + env.CHECKOUT_RESERVATION_MINUTES * 60_000) }),
    );
    return true;
  } catch (error) {
    if (error instanceof AppError && error.code === "CONFLICT") return false;
    throw error;
  }
}
