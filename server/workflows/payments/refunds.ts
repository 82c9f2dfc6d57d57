// Refunds. The amount is claimed first, in a transaction that locks the payment and counts
// every refund already pending or done, so two refunds racing can never return more than was
// paid (or more than a sub-order's share). The provider is called after that commits, with
// the refund's own id as idempotency key; a crash in between leaves a PENDING refund that the
// reconciliation job sends again with the same key, so it happens exactly once.
import type { Db, DbTx } from "@/server/db";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { AppError, conflict, notFound } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { recordAudit } from "@/server/modules/audit";
import { moveSubOrders } from "@/server/modules/orders";
import type { PaymentProvider, ProviderRefund } from "@/server/modules/payments/providers";

export interface RefundRequest {
  paymentId: string;
  /** The part being refunded; null for an order-level refund (e.g. a cancelled order). */
  subOrderId?: string | null;
  amount: number;
  reason: string;
}

const CLAIMING = ["PENDING", "SUCCEEDED"] as const;

export async function createRefund(db: Db, provider: PaymentProvider, actor: Actor | null, input: RefundRequest) {
  const refund = await db.$transaction(async (tx) => {
    const payment = (await tx.$queryRaw<{ id: string; orderId: string; status: string; amount: number; currency: string; providerPaymentId: string | null }[]>`
      SELECT "id", "orderId", "status"::text AS "status", "amount", "currency", "providerPaymentId" FROM "Payment" WHERE "id" = ${input.paymentId} FOR UPDATE`)[0];
    if (!payment) throw notFound("payments.paymentNotFound");
    if (payment.status !== "CAPTURED" || !payment.providerPaymentId) throw conflict("payments.notCaptured");
    const claimed = await tx.refund.aggregate({ where: { paymentId: payment.id, status: { in: [...CLAIMING] } }, _sum: { amount: true } });
    const left = payment.amount - (claimed._sum.amount ?? 0);
    if (!Number.isInteger(input.amount) || input.amount < 1 || input.amount > left) throw conflict("payments.refundExceedsCharge", { max: Math.max(0, left) });
    if (input.subOrderId) {
      const sub = await tx.subOrder.findFirst({ where: { id: input.subOrderId, orderId: payment.orderId }, select: { total: true } });
      if (!sub) throw notFound("payments.subOrderNotFound");
      const partClaimed = await tx.refund.aggregate({ where: { paymentId: payment.id, subOrderId: input.subOrderId, status: { in: [...CLAIMING] } }, _sum: { amount: true } });
      const partLeft = sub.total - (partClaimed._sum.amount ?? 0);
      if (input.amount > partLeft) throw conflict("payments.refundExceedsPart", { max: Math.max(0, partLeft) });
    }
    const created = await tx.refund.create({
      data: { paymentId: payment.id, subOrderId: input.subOrderId ?? null, amount: input.amount, currency: payment.currency, reason: input.reason, actorId: actor?.userId ?? null },
    });
    if (actor) {
      await recordAudit(tx, actor, { action: "payment.refund", resourceType: "payment", resourceId: payment.id, metadata: { refundId: created.id, subOrderId: input.subOrderId ?? null, amount: input.amount, currency: payment.currency, reason: input.reason } });
    }
    return { ...created, providerPaymentId: payment.providerPaymentId, orderId: payment.orderId };
  });
  await sendRefund(db, provider, refund.id);
  return db.refund.findUniqueOrThrow({ where: { id: refund.id } });
}

/** Sends a claimed refund to the provider (again, after a crash: same key, same refund). */
export async function sendRefund(db: Db, provider: PaymentProvider, refundId: string) {
  const refund = await db.refund.findUniqueOrThrow({ where: { id: refundId }, include: { payment: { select: { providerPaymentId: true, orderId: true } } } });
  if (refund.status !== "PENDING") return;
  try {
    const result = refund.providerRefundId
      ? await provider.retrieveRefund(refund.providerRefundId)
      : await provider.refund({
          paymentIntentId: refund.payment.providerPaymentId!, amount: refund.amount, idempotencyKey: `refund:${refund.id}`,
          metadata: { refundId: refund.id, paymentId: refund.paymentId, orderId: refund.payment.orderId, subOrderId: refund.subOrderId ?? "" },
        });
    await applyRefund(db, refund.id, result);
  } catch (error) {
    // The provider said no (more than is left, not captured): the claim is let go. Anything
    // else (network, provider down) stays PENDING for the reconciliation job.
    const refused = error instanceof AppError || (error as { type?: string })?.type === "StripeInvalidRequestError";
    if (refused) await db.refund.updateMany({ where: { id: refund.id, status: "PENDING" }, data: { status: "FAILED" } });
    logger.warn("refund not completed", { refundId, refused, error: error instanceof Error ? error.message : String(error) });
    if (refused) throw conflict("payments.refundRefused");
  }
}

/** Applies the provider's view of a refund. Counting it into the payment happens once. */
export async function applyRefund(db: Db, refundId: string, result: ProviderRefund) {
  const status = result.status === "succeeded" ? "SUCCEEDED" : result.status === "failed" || result.status === "canceled" ? "FAILED" : "PENDING";
  const head = await db.refund.findUniqueOrThrow({ where: { id: refundId }, select: { payment: { select: { orderId: true } } } });
  await db.$transaction(async (tx) => {
    // Lock order: the order first, as every payment path does, then the refund.
    await tx.$executeRaw`SELECT 1 FROM "Order" WHERE "id" = ${head.payment.orderId} FOR UPDATE`;
    const refund = (await tx.$queryRaw<{ id: string; status: string; paymentId: string; subOrderId: string | null; amount: number; currency: string }[]>`
      SELECT "id", "status"::text AS "status", "paymentId", "subOrderId", "amount", "currency" FROM "Refund" WHERE "id" = ${refundId} FOR UPDATE`)[0]!;
    if (refund.status !== "PENDING") return; // final already
    await tx.refund.update({ where: { id: refundId }, data: { providerRefundId: result.id, status } });
    if (status !== "SUCCEEDED") return;
    const payment = await tx.payment.update({ where: { id: refund.paymentId }, data: { amountRefunded: { increment: refund.amount } }, select: { orderId: true } });
    if (refund.subOrderId) await markPartRefunded(tx, payment.orderId, refund.subOrderId, refund.paymentId);
    await publish(tx, {
      type: "payment.refunded", aggregateType: "payment", aggregateId: refund.paymentId,
      payload: { paymentId: refund.paymentId, refundId, orderId: payment.orderId, subOrderId: refund.subOrderId, amount: refund.amount, currency: refund.currency.trim() },
    });
  });
}

/** A live part whose money went back moves to REFUNDED (all of it) or PARTIALLY_REFUNDED; a cancelled part stays cancelled. */
async function markPartRefunded(tx: DbTx, orderId: string, subOrderId: string, paymentId: string) {
  const sub = await tx.subOrder.findUniqueOrThrow({ where: { id: subOrderId }, select: { status: true, total: true } });
  if (sub.status === "CANCELLED" || sub.status === "REFUNDED") return;
  const refunded = await tx.refund.aggregate({ where: { paymentId, subOrderId, status: "SUCCEEDED" }, _sum: { amount: true } });
  const to = (refunded._sum.amount ?? 0) >= sub.total ? "REFUNDED" : "PARTIALLY_REFUNDED";
  await moveSubOrders(tx, null, orderId, [{ subOrderId, to, reason: to === "REFUNDED" ? "refunded" : "partly refunded" }]);
}
