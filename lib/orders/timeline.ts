// The order timeline: history rows (what happened) plus the steps still ahead on the usual path.
// Pure, so the shopper's, seller's and admin's pages draw the same thing and it is tested once.

export const ORDER_STATUS_VALUES = [
  "PENDING_PAYMENT", "PAID", "PROCESSING", "SHIPPED", "DELIVERED", "COMPLETED", "CANCELLED", "REFUNDED", "PARTIALLY_REFUNDED",
] as const;
export type OrderStatusValue = (typeof ORDER_STATUS_VALUES)[number];

/** The usual path of a part, in order; the timeline shows what is still ahead on it. */
export const HAPPY_PATH: readonly OrderStatusValue[] = ["PENDING_PAYMENT", "PAID", "PROCESSING", "SHIPPED", "DELIVERED"];

// Tie-break for rows written in the same instant (placing + paying happen in one transaction).
const RANK: Record<OrderStatusValue, number> = {
  PENDING_PAYMENT: 0, PAID: 1, PROCESSING: 2, SHIPPED: 3, DELIVERED: 4, COMPLETED: 5, PARTIALLY_REFUNDED: 6, REFUNDED: 7, CANCELLED: 8,
};

// Reasons the system writes in English; the timeline shows them translated.
const SYSTEM_REASONS: Record<string, string> = {
  "order placed": "placed",
  "pay on delivery": "payOnDelivery",
  "cancelled by the shopper": "cancelledByShopper",
  "payment window expired": "paymentExpired",
};

export interface HistoryRow {
  id: string;
  subOrderId: string | null;
  from: string | null;
  to: string;
  reason: string;
  createdAt: Date | string;
}

export type StepReason = { key: string } | { text: string } | null;

export interface TimelineStep {
  key: string;
  status: OrderStatusValue;
  /** Message key of the status' name, in the `orderStatus` namespace. */
  labelKey: `status.${OrderStatusValue}`;
  state: "done" | "current" | "upcoming";
  at: Date | null;
  reason: StepReason;
}

const isStatus = (s: string): s is OrderStatusValue => (ORDER_STATUS_VALUES as readonly string[]).includes(s);

/** A system reason as a message key (`orderTimeline.reasons.<key>`), a person's as text. */
export function reasonOf(reason: string): StepReason {
  const text = reason.trim();
  if (!text) return null;
  const key = SYSTEM_REASONS[text];
  return key ? { key } : { text };
}

/**
 * The steps of one part (`subOrderId`), or of the whole order (`subOrderId: null`): the part's own
 * rows after the order's placement row, oldest first, the last one "current"; then, unless the
 * part was cancelled or refunded, the usual steps it has not reached yet.
 */
export function buildTimeline(history: readonly HistoryRow[], subOrderId: string | null): TimelineStep[] {
  const rows = history
    .filter((h) => isStatus(h.to))
    .filter((h) => (subOrderId === null ? h.subOrderId === null : h.subOrderId === subOrderId || (h.subOrderId === null && h.from === null)))
    .map((h) => ({ ...h, at: new Date(h.createdAt) }))
    .sort((a, b) => a.at.getTime() - b.at.getTime() || (a.from === null ? -1 : 0) - (b.from === null ? -1 : 0) || RANK[a.to as OrderStatusValue] - RANK[b.to as OrderStatusValue] || a.id.localeCompare(b.id));

  const steps: TimelineStep[] = rows.map((h, i) => ({
    key: h.id,
    status: h.to as OrderStatusValue,
    labelKey: `status.${h.to as OrderStatusValue}`,
    state: i === rows.length - 1 ? "current" : "done",
    at: h.at,
    reason: reasonOf(h.reason),
  }));
  const last = steps.at(-1)?.status ?? "PENDING_PAYMENT";
  const reached = HAPPY_PATH.indexOf(last);
  if (steps.length === 0 || reached >= 0) {
    for (const status of HAPPY_PATH.slice(reached + (steps.length === 0 ? 0 : 1))) {
      steps.push({ key: `upcoming-${status}`, status, labelKey: `status.${status}`, state: "upcoming", at: null, reason: null });
    }
  }
  return steps;
}

/** Badge colour of a status. */
export function statusTone(status: string): "neutral" | "brand" | "success" | "warning" | "danger" | "info" {
  switch (status) {
    case "PENDING_PAYMENT": return "warning";
    case "PAID": return "info";
    case "PROCESSING": return "brand";
    case "SHIPPED": return "info";
    case "DELIVERED": case "COMPLETED": return "success";
    case "CANCELLED": return "danger";
    default: return "neutral";
  }
}

/** Before a part ships, the shopper may still cancel (mirrors the server's rule). */
export function shopperMayCancel(parts: readonly { status: string }[]): boolean {
  const live = parts.filter((p) => p.status !== "CANCELLED");
  return live.length > 0 && live.every((p) => p.status === "PENDING_PAYMENT" || p.status === "PAID" || p.status === "PROCESSING");
}
