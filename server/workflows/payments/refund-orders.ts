// Refunds of orders: what the seller, the admin and a cancellation ask for. Each claims and
// sends through createRefund (refunds.ts), outside any transaction; what fails to reach the
// provider is finished by the reconciliation sweep.
import type { Db } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { conflict, forbidden, notFound } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { getVendorMembership } from "@/server/modules/vendors";
import type { PaymentProvider } from "@/server/modules/payments/providers";
import type { PartRefundInput } from "./payments.schema";
import { createRefund } from "./refunds";

/** How much of a part is left to refund on the order's captured payment (0 when none). */
async function refundablePart(db: Db, subOrderId: string) {
  const sub = await db.subOrder.findUnique({ where: { id: subOrderId }, select: { id: true, orderId: true, vendorId: true, status: true, total: true } });
  if (!sub) return null;
  const payment = await db.payment.findFirst({ where: { orderId: sub.orderId, status: "CAPTURED" }, select: { id: true } });
  if (!payment) return { sub, payment: null, left: 0 };
  const claimed = await db.refund.aggregate({ where: { paymentId: payment.id, subOrderId, status: { in: ["PENDING", "SUCCEEDED"] } }, _sum: { amount: true } });
  return { sub, payment, left: sub.total - (claimed._sum.amount ?? 0) };
}

/** Cancelled parts of a paid order get their money back (the cancel procedures and the sweep call this). */
export async function refundCancelledParts(db: Db, provider: PaymentProvider, orderId: string, reason = "order cancelled") {
  const cancelled = await db.subOrder.findMany({ where: { orderId, status: "CANCELLED" }, select: { id: true } });
  for (const { id } of cancelled) {
    const part = await refundablePart(db, id);
    if (!part?.payment || part.left <= 0) continue;
    try {
      await createRefund(db, provider, null, { paymentId: part.payment.id, subOrderId: id, amount: part.left, reason });
    } catch (error) {
      logger.warn("refund of a cancelled part deferred to the sweep", { subOrderId: id, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

/** A seller refunds (part of) its own sub-order, before it ships. */
export async function sellerRefund(db: Db, provider: PaymentProvider, actor: Actor, vendorId: string, input: PartRefundInput) {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership?.effectivePermissions.has("orders.fulfil")) throw forbidden();
  const part = await refundablePart(db, input.subOrderId);
  if (!part || part.sub.vendorId !== vendorId) throw notFound("orders.notFound");
  if (!["PAID", "PROCESSING", "PARTIALLY_REFUNDED"].includes(part.sub.status)) throw conflict("payments.refundAfterShipment");
  const shipped = await db.subOrder.count({ where: { id: part.sub.id, shippedAt: { not: null } } });
  if (shipped) throw conflict("payments.refundAfterShipment");
  if (!part.payment) throw conflict("payments.notCaptured");
  return createRefund(db, provider, actor, { paymentId: part.payment.id, subOrderId: part.sub.id, amount: input.amount, reason: input.reason });
}

/** Staff with payments.refund refund any part, any time (the router checks the permission). */
export async function adminRefund(db: Db, provider: PaymentProvider, actor: Actor, input: PartRefundInput) {
  const part = await refundablePart(db, input.subOrderId);
  if (!part) throw notFound("orders.notFound");
  if (!part.payment) throw conflict("payments.notCaptured");
  return createRefund(db, provider, actor, { paymentId: part.payment.id, subOrderId: part.sub.id, amount: input.amount, reason: input.reason });
}
