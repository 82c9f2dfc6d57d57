// The order status machine. A sub-order (one shop's part) moves through these states; the
// order's own status follows from its sub-orders. Anything not listed here is refused.
import type { OrderStatus } from "@/prisma/generated/client/client";

export const ORDER_STATUSES = [
  "PENDING_PAYMENT", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED",
] as const satisfies readonly OrderStatus[];

const SUB_ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  PENDING_PAYMENT: ["PAID", "CANCELLED"],
  PAID: ["PROCESSING", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED"],
  PROCESSING: ["SHIPPED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED"],
  SHIPPED: ["DELIVERED", "PARTIALLY_REFUNDED", "REFUNDED"],
  DELIVERED: ["COMPLETED", "PARTIALLY_REFUNDED", "REFUNDED"],
  COMPLETED: ["PARTIALLY_REFUNDED", "REFUNDED"],
  PARTIALLY_REFUNDED: ["PARTIALLY_REFUNDED", "REFUNDED", "SHIPPED", "DELIVERED", "COMPLETED"],
  CANCELLED: [],
  REFUNDED: [],
};

/** May a sub-order move from `from` to `to`? */
export function canMoveSubOrder(from: OrderStatus, to: OrderStatus): boolean {
  return SUB_ORDER_TRANSITIONS[from].includes(to);
}

/** Before shipment, the shopper may still cancel. */
export function isCancellableByShopper(status: OrderStatus): boolean {
  return status === "PENDING_PAYMENT" || status === "PAID" || status === "PROCESSING";
}

// How far along each status is, for the order's summary status.
const PROGRESS: Record<OrderStatus, number> = {
  PENDING_PAYMENT: 0, PAID: 1, PROCESSING: 2, SHIPPED: 3, DELIVERED: 4, COMPLETED: 5, PARTIALLY_REFUNDED: 6, REFUNDED: 7, CANCELLED: 8,
};

/**
 * The order's status from its sub-orders: cancelled or refunded only when every part is; a
 * refund anywhere makes it partially refunded; otherwise the least advanced live part.
 */
export function orderStatusFrom(parts: readonly OrderStatus[]): OrderStatus {
  if (parts.length === 0) return "CANCELLED";
  if (parts.every((s) => s === "CANCELLED")) return "CANCELLED";
  if (parts.every((s) => s === "REFUNDED" || s === "CANCELLED")) return "REFUNDED";
  if (parts.some((s) => s === "REFUNDED" || s === "PARTIALLY_REFUNDED")) return "PARTIALLY_REFUNDED";
  const live = parts.filter((s) => s !== "CANCELLED");
  return live.reduce((least, s) => (PROGRESS[s] < PROGRESS[least] ? s : least), live[0]!);
}
