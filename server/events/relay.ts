// The outbox relay: claims unrelayed events in id order (FOR UPDATE SKIP LOCKED, so relays in
// several workers never take the same rows), queues one job per (handler, event) on the same
// connection and transaction, then marks the events relayed. Either all of it commits or none:
// a crash re-relays the batch, and handlers are idempotent anyway (ProcessedEvent).
import type pg from "pg";
import type { JobQueue, SqlExecutor } from "@/server/jobs/queue";
import { DEFAULT_RETRY, handlerQueue, type SubscriptionRegistry } from "./registry";

export interface RelayOptions {
  batchSize?: number;
}

/** Relays one batch; returns how many events it took (0 when the outbox is empty). */
export async function relayBatch(pool: pg.Pool, queue: JobQueue, registry: SubscriptionRegistry, options: RelayOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query<{ id: string; type: string }>(
      `SELECT "id"::text AS "id", "type" FROM "OutboxEvent" WHERE "relayedAt" IS NULL ORDER BY "id" LIMIT $1 FOR UPDATE SKIP LOCKED`,
      [batchSize],
    );
    const conn: SqlExecutor = { executeSql: (text, values) => client.query(text, values as unknown[]) };
    for (const row of rows) {
      for (const subscription of registry.of(row.type)) {
        const retry = { ...DEFAULT_RETRY, ...subscription.retry };
        await queue.send(handlerQueue(subscription.name), { eventId: row.id }, { ...retry, singletonKey: `${subscription.name}:${row.id}` }, conn);
      }
    }
    if (rows.length) await client.query(`UPDATE "OutboxEvent" SET "relayedAt" = now() WHERE "id" = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
    await client.query("COMMIT");
    return rows.length;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Relays until the outbox has no unrelayed event this relay can claim; returns the total. */
export async function relayAll(pool: pg.Pool, queue: JobQueue, registry: SubscriptionRegistry, options: RelayOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  let total = 0;
  for (;;) {
    const n = await relayBatch(pool, queue, registry, { batchSize });
    total += n;
    if (n < batchSize) return total;
  }
}
