// publish(): writes a domain event into the outbox inside the caller's transaction, so the
// event exists if and only if the change it describes committed. The worker relays it.
import type { Prisma } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";
import type { EventType, NewEvent } from "./types";

/** Records `event` in the outbox; pass the transaction that makes the change. */
export async function publish<T extends EventType>(db: DbTx, event: NewEvent<T>): Promise<bigint> {
  const row = await db.outboxEvent.create({
    data: { type: event.type, aggregateType: event.aggregateType, aggregateId: event.aggregateId, payload: event.payload as unknown as Prisma.InputJsonValue },
    select: { id: true },
  });
  return row.id;
}
