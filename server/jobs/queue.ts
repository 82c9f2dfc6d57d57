// The job queue the worker runs on, behind a small interface: pg-boss on PostgreSQL in the
// app (pg-boss-queue.ts), an in-process queue in tests (memory-queue.ts).

/** Runs SQL on a specific connection, so a job can be queued inside the caller's transaction. */
export interface SqlExecutor {
  executeSql(text: string, values: unknown[]): Promise<{ rows: unknown[] }>;
}

export interface SendOptions {
  /** Attempts after the first one. */
  retryLimit?: number;
  /** Seconds before a retry; doubled at each attempt when retryBackoff is set. */
  retryDelay?: number;
  retryBackoff?: boolean;
  singletonKey?: string;
}

export interface Job<T> {
  id: string;
  name: string;
  data: T;
}

/** A job handler; throwing fails the attempt (retried per the job's options). */
export type JobHandler<T> = (job: Job<T>) => Promise<unknown>;

export interface JobQueue {
  /** Declares a queue (pg-boss 10 needs it before send/work/schedule); safe to repeat. */
  createQueue(name: string, defaults?: SendOptions): Promise<void>;
  /** Queues a job; with `conn` the job is written on that connection (inside its transaction). */
  send(name: string, data: object, options?: SendOptions, conn?: SqlExecutor): Promise<string | null>;
  /** Processes the queue's jobs one at a time in this process. */
  work<T>(name: string, handler: JobHandler<T>): Promise<void>;
  /** Sends a job to `name` on a cron schedule (UTC); one job per tick across all workers. */
  schedule(name: string, cron: string, data?: object): Promise<void>;
  stop(): Promise<void>;
}
