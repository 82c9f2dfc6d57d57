// The payment signal: what happens to an order when its payment succeeds or fails. The
// payments issue calls these from its webhook handlers; pay on delivery confirms at once.
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events";
import { commitReservations, releaseReservations } from "@/server/modules/inventory";
import { moveSubOrders } from "@/server/modules/orders";

/** Paid (or pay on delivery confirmed): stock leaves the shelf and every part moves to PAID. */
export async function confirmOrderPayment(tx: DbTx, orderId: string, actorId: string | null, reason: string) {
  const subs = await tx.subOrder.findMany({ where: { orderId, status: "PENDING_PAYMENT" }, select: { id: true } });
  if (subs.length === 0) return;
  await commitReservations(tx, orderId, actorId);
  await moveSubOrders(tx, actorId, orderId, subs.map((s) => ({ subOrderId: s.id, to: "PAID" as const, reason })));
  await publish(tx, { type: "order.paid", aggregateType: "order", aggregateId: orderId, payload: { orderId } });
}

/** Payment failed or the payment window passed: stock goes back on sale and the order is cancelled. */
export async function cancelUnpaidOrder(tx: DbTx, orderId: string, actorId: string | null, reason: string) {
  const subs = await tx.subOrder.findMany({ where: { orderId, status: "PENDING_PAYMENT" }, select: { id: true } });
  await releaseReservations(tx, orderId, reason, actorId);
  if (subs.length === 0) return;
  await moveSubOrders(tx, actorId, orderId, subs.map((s) => ({ subOrderId: s.id, to: "CANCELLED" as const, reason, data: { cancelReason: reason } })));
  await publish(tx, { type: "order.cancelled", aggregateType: "order", aggregateId: orderId, payload: { orderId, reason } });
}
