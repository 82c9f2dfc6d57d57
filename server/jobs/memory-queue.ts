// An in-process JobQueue for tests: the same retry semantics as pg-boss (retryLimit more
// attempts, retryDelay seconds, doubled with retryBackoff), time scaled by `secondMs`, and a
// record of every attempt so tests can assert on delivery.
import crypto from "node:crypto";
import type { Job, JobHandler, JobQueue, SendOptions, SqlExecutor } from "./queue";

export interface Attempt {
  jobId: string;
  name: string;
  data: unknown;
  attempt: number;
  at: number;
  error?: unknown;
}

interface Pending {
  job: Job<unknown>;
  options: SendOptions;
  attempt: number;
}

export class MemoryQueue implements JobQueue {
  readonly sent: { name: string; data: unknown; options: SendOptions }[] = [];
  readonly attempts: Attempt[] = [];
  readonly schedules = new Map<string, { cron: string; data: object }>();
  private readonly defaults = new Map<string, SendOptions>();
  private readonly handlers = new Map<string, JobHandler<unknown>>();
  private readonly waiting: Pending[] = [];
  private readonly inFlight = new Set<Promise<void>>();
  private stopped = false;

  /** `secondMs`: how many milliseconds a "second" of retry delay lasts (tests shrink it). */
  constructor(private readonly secondMs = 1000) {}

  async createQueue(name: string, defaults: SendOptions = {}) {
    this.defaults.set(name, defaults);
  }

  async send(name: string, data: object, options: SendOptions = {}, _conn?: SqlExecutor) {
    if (!this.defaults.has(name)) throw new Error(`queue ${name} does not exist`);
    const merged = { ...this.defaults.get(name), ...options };
    this.sent.push({ name, data, options: merged });
    const pending: Pending = { job: { id: crypto.randomUUID(), name, data }, options: merged, attempt: 0 };
    this.waiting.push(pending);
    this.pump();
    return pending.job.id;
  }

  async work<T>(name: string, handler: JobHandler<T>) {
    this.handlers.set(name, handler as JobHandler<unknown>);
    this.pump();
  }

  async schedule(name: string, cron: string, data: object = {}) {
    this.schedules.set(name, { cron, data });
  }

  /** Runs a scheduled job now, as a cron tick would. */
  async tick(name: string) {
    const schedule = this.schedules.get(name);
    if (!schedule) throw new Error(`no schedule ${name}`);
    await this.send(name, schedule.data);
    await this.drain();
  }

  /** Resolves when every job sent so far has succeeded or used up its retries. */
  async drain() {
    while (this.inFlight.size || this.waiting.some((p) => this.handlers.has(p.job.name))) {
      this.pump();
      await Promise.all([...this.inFlight]);
    }
  }

  async stop() {
    this.stopped = true;
    await Promise.all([...this.inFlight]);
  }

  private pump() {
    if (this.stopped) return;
    for (let i = 0; i < this.waiting.length; ) {
      const pending = this.waiting[i]!;
      const handler = this.handlers.get(pending.job.name);
      if (!handler) {
        i += 1;
        continue;
      }
      this.waiting.splice(i, 1);
      const run = this.run(pending, handler);
      this.inFlight.add(run);
      void run.finally(() => this.inFlight.delete(run));
    }
  }

  private async run(pending: Pending, handler: JobHandler<unknown>): Promise<void> {
    const record: Attempt = { jobId: pending.job.id, name: pending.job.name, data: pending.job.data, attempt: pending.attempt, at: Date.now() };
    this.attempts.push(record);
    try {
      await handler(pending.job);
    } catch (error) {
      record.error = error;
      const { retryLimit = 0, retryDelay = 0, retryBackoff = false } = pending.options;
      if (pending.attempt >= retryLimit) return;
      const seconds = retryBackoff ? Math.max(retryDelay, 1) * 2 ** pending.attempt : retryDelay;
      await new Promise((resolve) => setTimeout(resolve, seconds * this.secondMs));
      if (this.stopped) return;
      await this.run({ ...pending, attempt: pending.attempt + 1 }, handler);
    }
  }
}
