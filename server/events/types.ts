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
}

export type EventType = keyof EventPayloads;

export const EVENT_TYPES = ["inventory.lowStock", "inventory.stockChanged", "inventory.reservationExpired"] as const satisfies readonly EventType[];

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
