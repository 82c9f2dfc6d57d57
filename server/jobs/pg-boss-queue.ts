// The JobQueue on pg-boss 10 (PostgreSQL). pg-boss 10 needs createQueue() before send, work
// and schedule, and hands work handlers an array of jobs (we fetch one at a time).
import PgBoss from "pg-boss";
import { logger } from "@/server/lib/logger";
import type { JobHandler, JobQueue, SendOptions, SqlExecutor } from "./queue";

export class PgBossQueue implements JobQueue {
  private readonly boss: PgBoss;
  private started = false;

  constructor(connectionString: string, options: { pollingIntervalSeconds?: number } = {}) {
    this.boss = new PgBoss({ connectionString, max: 4, application_name: "bazaar-worker" });
    this.pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
    this.boss.on("error", (error) => logger.error("pg-boss error", { error }));
  }

  private readonly pollingIntervalSeconds: number;

  async start() {
    if (!this.started) await this.boss.start();
    this.started = true;
    return this;
  }

  async createQueue(name: string, defaults: SendOptions = {}) {
    const existing = await this.boss.getQueue(name);
    const options = { name, policy: "standard" as const, retryLimit: defaults.retryLimit, retryDelay: defaults.retryDelay, retryBackoff: defaults.retryBackoff };
    if (existing) await this.boss.updateQueue(name, options);
    else await this.boss.createQueue(name, options);
  }

  async send(name: string, data: object, options: SendOptions = {}, conn?: SqlExecutor) {
    return this.boss.send(name, data, { ...options, ...(conn ? { db: conn as PgBoss.Db } : {}) });
  }

  async work<T>(name: string, handler: JobHandler<T>) {
    await this.boss.work<T>(name, { batchSize: 1, pollingIntervalSeconds: this.pollingIntervalSeconds }, async (jobs) => {
      for (const job of jobs) await handler({ id: job.id, name: job.name, data: job.data });
    });
  }

  async schedule(name: string, cron: string, data: object = {}) {
    await this.boss.schedule(name, cron, data, { tz: "UTC" });
  }

  async stop() {
    if (this.started) await this.boss.stop({ graceful: true, timeout: 10_000 });
    this.started = false;
  }
}
