// The shape of an event handler and a registry of them. A handler runs at most once per event:
// deliver() records (handler, eventId) in ProcessedEvent in the same transaction as the
// handler's work and skips the event when that row already exists.
import type { Db, DbTx } from "@/server/db";
import { logger } from "@/server/lib/logger";
import type { DomainEvent, EventType } from "./types";

/** Retries of one (handler, event) job: `retryLimit` more attempts, waiting retryDelay·2^n seconds. */
export interface RetryPolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
}

export const DEFAULT_RETRY: RetryPolicy = { retryLimit: 8, retryDelay: 5, retryBackoff: true };

export interface Subscription<T extends EventType = EventType> {
  /** Unique and stable: it is part of the job name and of ProcessedEvent's key. Letters, digits, "-", "_". */
  name: string;
  events: readonly T[];
  /** Runs inside a transaction; throw to have the job retried (nothing it wrote is kept). */
  handle(tx: DbTx, event: DomainEvent<T>): Promise<void>;
  retry?: Partial<RetryPolicy>;
  /**
   * Optional: runs after the handler's transaction committed, outside it (e.g. sending what the
   * handler queued). Best effort: an error is logged and the event stays handled.
   */
  afterCommit?(db: Db, event: DomainEvent<T>): Promise<void>;
}

/** A handler of any event type (the list in subscriptions.ts holds these). */
export type AnySubscription = { [T in EventType]: Subscription<T> }[EventType];

/** Defines a handler with the payload typed by the events it subscribes to. */
export function defineSubscription<T extends EventType>(subscription: Subscription<T>): Subscription<T> {
  return subscription;
}

const NAME = /^[a-z][a-z0-9_-]{0,60}$/i;

export class SubscriptionRegistry {
  private readonly byName = new Map<string, Subscription>();

  constructor(subscriptions: readonly AnySubscription[] = []) {
    for (const s of subscriptions) this.register(s);
  }

  register<T extends EventType>(subscription: Subscription<T>): this {
    if (!NAME.test(subscription.name)) throw new Error(`invalid handler name "${subscription.name}"`);
    if (this.byName.has(subscription.name)) throw new Error(`handler "${subscription.name}" is registered twice`);
    this.byName.set(subscription.name, subscription as unknown as Subscription);
    return this;
  }

  get(name: string): Subscription | undefined {
    return this.byName.get(name);
  }

  all(): Subscription[] {
    return [...this.byName.values()];
  }

  /** The handlers of one event type, in registration order. */
  of(type: string): Subscription[] {
    return this.all().filter((s) => (s.events as readonly string[]).includes(type));
  }
}

/** The queue name of a handler's jobs. */
export const handlerQueue = (handlerName: string) => `event-handler.${handlerName}`;

export type DeliveryResult = "handled" | "duplicate" | "missing";

/**
 * Runs handler `handlerName` for outbox event `eventId` once: the ProcessedEvent row and the
 * handler's writes commit together; a second delivery finds the row and does nothing.
 * A throwing handler rolls both back, so the queue's retry runs it again.
 */
export async function deliver(db: Db, registry: SubscriptionRegistry, handlerName: string, eventId: bigint): Promise<DeliveryResult> {
  const subscription = registry.get(handlerName);
  if (!subscription) throw new Error(`no handler named "${handlerName}"`);
  let handledEvent: DomainEvent | null = null;
  const result = await db.$transaction(async (tx): Promise<DeliveryResult> => {
    const claimed = await tx.$executeRaw`
      INSERT INTO "ProcessedEvent" ("handler", "eventId") VALUES (${handlerName}, ${eventId}) ON CONFLICT DO NOTHING`;
    if (claimed === 0) return "duplicate";
    const row = await tx.outboxEvent.findUnique({ where: { id: eventId } });
    if (!row) return "missing";
    const event = { ...row, payload: row.payload } as unknown as DomainEvent;
    await subscription.handle(tx, event as never);
    handledEvent = event;
    return "handled";
  }, { timeout: 60_000, maxWait: 10_000 });
  if (handledEvent && subscription.afterCommit) {
    await subscription.afterCommit(db, handledEvent as never).catch((error: unknown) =>
      logger.warn("event handler afterCommit failed", { handler: handlerName, eventId: String(eventId), error: error instanceof Error ? error.message : String(error) }));
  }
  return result;
}
