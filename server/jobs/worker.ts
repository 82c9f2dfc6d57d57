// The worker: serves every event handler's queue, relays the outbox every `relayIntervalMs`
// and runs the timed jobs. scripts/worker.ts starts it on pg-boss; tests on MemoryQueue.
import type pg from "pg";
import type { Db } from "@/server/db";
import { DEFAULT_RETRY, deliver, handlerQueue, relayAll, type SubscriptionRegistry } from "@/server/events";
import { logger } from "@/server/lib/logger";
import type { JobQueue } from "./queue";
import { timedJobs as defaultTimedJobs, type TimedJob } from "./timed";

export interface WorkerOptions {
  db: Db;
  pool: pg.Pool;
  queue: JobQueue;
  registry: SubscriptionRegistry;
  timedJobs?: TimedJob[];
  /** 0 disables the relay loop (tests call relayAll themselves). */
  relayIntervalMs?: number;
}

export interface RunningWorker {
  /** Relays what is in the outbox now (the loop does it on its own every interval). */
  relayNow(): Promise<number>;
  stop(): Promise<void>;
}

export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { db, pool, queue, registry } = options;
  const log = logger.child({ component: "worker" });

  for (const subscription of registry.all()) {
    const name = handlerQueue(subscription.name);
    await queue.createQueue(name, { ...DEFAULT_RETRY, ...subscription.retry });
    await queue.work<{ eventId: string }>(name, async (job) => {
      const result = await deliver(db, registry, subscription.name, BigInt(job.data.eventId));
      log.debug("event delivered", { handler: subscription.name, eventId: job.data.eventId, result });
    });
  }
  for (const timed of options.timedJobs ?? defaultTimedJobs) {
    await queue.createQueue(timed.name, { retryLimit: 0 });
    await queue.work(timed.name, async () => {
      const result = await timed.run(db, new Date());
      log.debug("timed job ran", { job: timed.name, result });
    });
    await queue.schedule(timed.name, timed.cron);
  }

  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let current: Promise<unknown> = Promise.resolve();
  const relayNow = () => relayAll(pool, queue, registry);
  const interval = options.relayIntervalMs ?? 1000;
  const loop = () => {
    if (stopped) return;
    current = relayNow()
      .then((n) => n && log.debug("outbox relayed", { events: n }))
      .catch((error: unknown) => log.error("outbox relay failed", { error }))
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, interval);
      });
  };
  if (interval > 0) loop();

  return {
    relayNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await current;
      await queue.stop();
    },
  };
}
