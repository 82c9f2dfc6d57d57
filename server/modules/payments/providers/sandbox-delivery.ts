// Posts the sandbox's stored events to the webhook route, signed as Stripe signs them. Each
// event is tried shortly after it happens; the payments sweep job retries what did not land
// (server restarting, route down), so a lost timer never loses an event.
import type { Db } from "@/server/db";
import { logger } from "@/server/lib/logger";

export interface DeliveryTarget {
  url: string;
  sign: (payload: string) => string;
  fetch?: typeof fetch;
}

/** Delivers one stored event; true when the route acknowledged it (2xx). */
export async function deliverSandboxEvent(db: Db, eventId: string, target: DeliveryTarget): Promise<boolean> {
  const event = await db.sandboxWebhookEvent.findUnique({ where: { id: eventId } });
  if (!event || event.deliveredAt) return true;
  await db.sandboxWebhookEvent.update({ where: { id: eventId }, data: { attempts: { increment: 1 } } });
  try {
    const response = await (target.fetch ?? fetch)(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": target.sign(event.payload), "user-agent": "Bazaar-Sandbox/1.0 (+Stripe-compatible)" },
      body: event.payload,
      signal: AbortSignal.timeout(15_000),
    });
    if (!response.ok) {
      logger.warn("sandbox webhook refused", { eventId, status: response.status });
      return false;
    }
    await db.sandboxWebhookEvent.update({ where: { id: eventId }, data: { deliveredAt: new Date() } });
    return true;
  } catch (error) {
    logger.warn("sandbox webhook not delivered", { eventId, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}

/** The sweep: events older than `minAgeMs` still undelivered, oldest first, with backoff by attempts. */
export async function deliverPendingSandboxEvents(db: Db, target: DeliveryTarget, now = new Date(), minAgeMs = 5_000, limit = 100) {
  const pending = await db.sandboxWebhookEvent.findMany({
    where: { deliveredAt: null, createdAt: { lt: new Date(now.getTime() - minAgeMs) }, attempts: { lt: 20 } },
    orderBy: { createdAt: "asc" },
    take: limit,
  });
  let delivered = 0;
  for (const event of pending) {
    // Exponential backoff: attempt n waits 2^n seconds after the event, capped at an hour.
    const due = event.createdAt.getTime() + Math.min(3_600_000, 1000 * 2 ** event.attempts);
    if (due > now.getTime()) continue;
    if (await deliverSandboxEvent(db, event.id, target)) delivered++;
  }
  return { pending: pending.length, delivered };
}
