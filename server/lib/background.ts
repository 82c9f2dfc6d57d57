// Work that outlives the request that started it, inside this server process. Failures are
// logged, never thrown at the caller. (The jobs issue adds a durable queue on PostgreSQL.)
import { logger } from "./logger";

const running = new Set<Promise<unknown>>();

/** Starts `task` without waiting for it. */
export function runInBackground(name: string, task: () => Promise<unknown>): void {
  const promise = Promise.resolve().then(task).catch((error: unknown) => logger.error("background task failed", { task: name, error }));
  running.add(promise);
  void promise.finally(() => running.delete(promise));
}

/** Resolves when every task started so far has finished (tests, graceful shutdown). */
export async function backgroundIdle(): Promise<void> {
  while (running.size) await Promise.all([...running]);
}
