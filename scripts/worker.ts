// The background worker: relays the outbox to pg-boss, runs event handlers and timed jobs.
// `tsx --conditions=react-server scripts/worker.ts` (the app modules import "server-only");
// scripts/dev.ts and scripts/start.ts start it next to Next.js with the same environment.
// Run more than one for more throughput: they share the queue, and the relay uses SKIP LOCKED.
import { db, pool } from "@/server/db";
import { env } from "@/server/env";
import { subscriptions } from "@/server/events/subscriptions";
import { PgBossQueue } from "@/server/jobs/pg-boss-queue";
import { startWorker } from "@/server/jobs/worker";
import { logger } from "@/server/lib/logger";

const log = logger.child({ component: "worker" });
const queue = await new PgBossQueue(env.DATABASE_URL!).start();
const worker = await startWorker({ db, pool, queue, registry: subscriptions });
log.info("worker started", { handlers: subscriptions.all().map((s) => s.name) });

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  log.info("worker stopping", { signal });
  // Let the handler in progress finish (pg-boss waits up to 10 s), then close the pool.
  await worker.stop().catch((error: unknown) => log.error("worker stop failed", { error }));
  await db.$disconnect().catch(() => {});
  await pool.end().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));
