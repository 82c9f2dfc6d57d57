// Runs the outbox in a test as the worker would: every registered handler over every event,
// until a round handles nothing (handlers may publish more). ProcessedEvent makes repeats no-ops.
import { db } from "@/server/db";
import { deliver } from "@/server/events/registry";
import { subscriptions } from "@/server/events/subscriptions";

export async function drainOutbox(rounds = 5) {
  for (let round = 0; round < rounds; round++) {
    let handled = 0;
    for (const event of await db.outboxEvent.findMany({ orderBy: { id: "asc" } })) {
      for (const s of subscriptions.of(event.type)) if ((await deliver(db, subscriptions, s.name, event.id)) === "handled") handled++;
    }
    if (handled === 0) return;
  }
}
