// Every domain event the outbox carries, with its payload. Adding an event: add its type here
// (the name is "<module>.<fact in the past or a state>"), publish it with publish() inside the
// transaction that makes the change, and subscribe handlers in subscriptions.ts.

export interface EventPayloads {
  /** A variant's available stock fell to or below its threshold (once per dip). */
  "inventory.lowStock": { vendorId: string; variantId: string; available: number; threshold: number };
  /** A variant's stock changed (set, transfer, CSV, sale, return). */
  "inventory.stockChanged": { vendorId: string; variantId: string; available: number; reason: string };
  /** Reservations of an unpaid order expired and their stock went back on sale. */
  "inventory.reservationExpired": { orderId: string };
  /** A shopper placed an order (one per checkout; sub-orders per shop). */
  "order.placed": { orderId: string; number: string; userId: string; vendorIds: string[]; total: number; currency: string };
  /** The order's payment succeeded (or pay on delivery was confirmed). */
  "order.paid": { orderId: string };
  /** An unpaid order was cancelled (payment failed, window passed, or the shopper cancelled). */
  "order.cancelled": { orderId: string; reason: string };
  /** The provider captured the charge for an order (card payments; the order moves to paid). */
  "payment.succeeded": { paymentId: string; orderId: string; amount: number; currency: string };
  /** A charge attempt failed (declined, authentication failed); the order stays open for another try. */
  "payment.failed": { paymentId: string; orderId: string; code: string };
  /** Money went back to the shopper. */
  "payment.refunded": { paymentId: string; refundId: string; orderId: string; subOrderId: string | null; amount: number; currency: string };
  /** A product changed in a way shoppers or search see: created, edited (title, variants, prices, translations, images), status, moderation, deleted. */
  "product.changed": { productId: string };
  /** A vendor moved along its lifecycle (approved, suspended, reinstated, closed). */
  "vendor.statusChanged": { vendorId: string; from: string; to: string };
  /** A name products carry in search changed: a shop's or brand's name, a category's names or place in the tree. */
  "catalog.labelsChanged": { scope: "vendor" | "brand" | "category"; id: string };
  /** Search should re-read these products (a large change split into batches, e.g. a reinstated shop). */
  "search.reindexRequested": { productIds: string[] };
  /** A sub-order changed status (accepted, shipped, delivered, cancelled). */
  "order.subOrderStatusChanged": { orderId: string; subOrderId: string; vendorId: string; from: string; to: string };
  /** A user signed in from a browser + OS their account had not used before. */
  "identity.newSignIn": { userId: string; sessionId: string; browser: string | null; os: string | null; location: string | null; at: string };
  /** A user's password was changed (by themselves or through a reset link). */
  "identity.passwordChanged": { userId: string; via: "change" | "reset" };
  /** A user turned two-factor authentication on or off. */
  "identity.twoFactorChanged": { userId: string; enabled: boolean };
  /** One batch of a bulk notification send is due (each batch queues the next). */
  "notifications.campaignBatch": { campaignId: string };
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = [
  "inventory.lowStock", "inventory.stockChanged", "inventory.reservationExpired", "order.placed", "order.paid", "order.cancelled", "order.subOrderStatusChanged",
  "payment.succeeded", "payment.failed", "payment.refunded", "product.changed", "vendor.statusChanged", "catalog.labelsChanged",
  "search.reindexRequested", "identity.newSignIn", "identity.passwordChanged", "identity.twoFactorChanged", "notifications.campaignBatch",
] as const satisfies readonly EventType[];

/** What a service hands to publish(). */
export interface NewEvent<T extends EventType = EventType> {
  type: T;
  aggregateType: string;
  aggregateId: string;
  payload: EventPayloads[T];
}

/** An event as a handler receives it (read back from the outbox). */
export interface DomainEvent<T extends EventType = EventType> extends NewEvent<T> {
  id: bigint;
  createdAt: Date;
}
