// Cancelling orders touches three modules: the order's status (orders), its stock (inventory:
// units of a paid part go back on the shelf, an unpaid order's reservations are released) and
// its money (payments: a paid part is refunded). Status and stock change in one transaction;
// the refund is sent after it commits (never inside it), and the payments sweep finishes it if
// sending fails.
import type { Db, DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { releaseReservations, returnStock } from "@/server/modules/inventory";
import { cancelMyOrder, cancelSubOrder, type CancelOrderInput, type CancelSubOrderInput } from "@/server/modules/orders";
import type { PaymentProvider } from "@/server/modules/payments/providers";
import { refundCancelledParts } from "@/server/workflows/payments/refund-orders";

async function restock(tx: DbTx, actor: Actor, orderId: string, cancelled: { subOrderId: string; from: string }[], reason: string) {
  const paid = cancelled.filter((c) => c.from !== "PENDING_PAYMENT").map((c) => c.subOrderId);
  if (paid.length) {
    const lines = await tx.orderLine.findMany({ where: { subOrderId: { in: paid }, variantId: { not: null } }, select: { variantId: true, quantity: true } });
    if (lines.length) await returnStock(tx, { orderId, lines: lines.map((l) => ({ variantId: l.variantId!, quantity: l.quantity })), reason, actorId: actor.userId });
  }
  // Unpaid parts hold reservations; once nothing of the order is left unpaid, release them.
  const stillPending = await tx.subOrder.count({ where: { orderId, status: "PENDING_PAYMENT" } });
  if (stillPending === 0) await releaseReservations(tx, orderId, reason, actor.userId);
}

/** A seller cancels its part of an order before shipment; its stock comes back. */
export async function cancelSubOrderAndRestock(tx: DbTx, actor: Actor, input: CancelSubOrderInput) {
  const sub = await tx.subOrder.findFirst({ where: { id: input.subOrderId, vendorId: input.vendorId }, select: { orderId: true } });
  const result = await cancelSubOrder(tx, actor, input);
  await restock(tx, actor, sub!.orderId, result.cancelled, input.reason);
  return result;
}

/** The shopper cancels the whole order before anything shipped; all its stock comes back. */
export async function cancelOrderAndRestock(tx: DbTx, actor: Actor, input: CancelOrderInput) {
  const result = await cancelMyOrder(tx, actor, input);
  await restock(tx, actor, input.orderId, result.cancelled, input.reason || "cancelled by the shopper");
  return result;
}

/** The seller's cancel procedure: cancel and restock, then refund the part if it was paid. */
export async function cancelSubOrderAndRefund(db: Db, provider: PaymentProvider, actor: Actor, input: CancelSubOrderInput) {
  const result = await db.$transaction((tx) => cancelSubOrderAndRestock(tx, actor, input));
  const sub = await db.subOrder.findUniqueOrThrow({ where: { id: input.subOrderId }, select: { orderId: true } });
  await refundCancelledParts(db, provider, sub.orderId, input.reason);
  return result;
}

/** The shopper's cancel procedure: cancel and restock, then refund what was paid. */
export async function cancelOrderAndRefund(db: Db, provider: PaymentProvider, actor: Actor, input: CancelOrderInput) {
  const result = await db.$transaction((tx) => cancelOrderAndRestock(tx, actor, input));
  await refundCancelledParts(db, provider, input.orderId, input.reason || "cancelled by the shopper");
  return result;
}
