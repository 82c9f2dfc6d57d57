// The outbox backbone against a real PostgreSQL: publish in the caller's transaction, relay
// without double-sending, handlers at most once per event, retries with backoff, and pg-boss.
import { afterAll, describe, expect, it } from "vitest";
import { db, pool } from "@/server/db";
import { MemoryQueue } from "@/server/jobs/memory-queue";
import { PgBossQueue } from "@/server/jobs/pg-boss-queue";
import { startWorker } from "@/server/jobs/worker";
import { env } from "@/server/env";
import { defineSubscription, deliver, handlerQueue, publish, relayAll, SubscriptionRegistry } from "./index";

const stockChanged = (variantId: string) => ({
  type: "inventory.stockChanged" as const, aggregateType: "variant", aggregateId: variantId,
  payload: { vendorId: "v1", variantId, available: 3, reason: "test" },
});

async function unrelayed() {
  return db.outboxEvent.count({ where: { relayedAt: null } });
}

describe("publish", () => {
  it("writes the event only if the caller's transaction commits", async () => {
    await relayAll(pool, new MemoryQueue(), new SubscriptionRegistry());
    await db.$transaction(async (tx) => {
      await publish(tx, stockChanged("rolled-back"));
      throw new Error("boom");
    }).catch(() => {});
    const registry = new SubscriptionRegistry().register(defineSubscription({ name: "t-rollback", events: ["inventory.stockChanged"], handle: async () => {} }));
    const queue = new MemoryQueue();
    await queue.createQueue(handlerQueue("t-rollback"));
    expect(await db.outboxEvent.count({ where: { aggregateId: "rolled-back" } })).toBe(0);
    expect(await relayAll(pool, queue, registry)).toBe(0);
    expect(queue.sent).toEqual([]);

    const id = await db.$transaction((tx) => publish(tx, stockChanged("committed")));
    expect(await relayAll(pool, queue, registry)).toBe(1);
    expect(queue.sent).toEqual([expect.objectContaining({ name: "event-handler.t-rollback", data: { eventId: id.toString() } })]);
    expect((await db.outboxEvent.findUniqueOrThrow({ where: { id } })).relayedAt).toBeInstanceOf(Date);
  });
});

describe("deliver", () => {
  it("runs a handler once per event even when the event is delivered twice, also in parallel", async () => {
    const seen: bigint[] = [];
    const registry = new SubscriptionRegistry().register(defineSubscription({
      name: "t-once", events: ["inventory.stockChanged"],
      handle: async (tx, event) => {
        seen.push(event.id);
        expect(event.payload.variantId).toBe("once");
        await tx.auditLog.create({ data: { action: "test.handled", resourceType: "event", resourceId: event.id.toString() } });
      },
    }));
    const id = await db.$transaction((tx) => publish(tx, stockChanged("once")));
    const results = await Promise.all([deliver(db, registry, "t-once", id), deliver(db, registry, "t-once", id), deliver(db, registry, "t-once", id)]);
    expect(results.sort()).toEqual(["duplicate", "duplicate", "handled"]);
    expect(await deliver(db, registry, "t-once", id)).toBe("duplicate");
    expect(seen).toEqual([id]);
    expect(await db.auditLog.count({ where: { action: "test.handled", resourceId: id.toString() } })).toBe(1);
    expect(await db.processedEvent.count({ where: { handler: "t-once", eventId: id } })).toBe(1);
  });

  it("retries a failing handler with exponential backoff, keeping nothing a failed attempt wrote", async () => {
    let calls = 0;
    const registry = new SubscriptionRegistry().register(defineSubscription({
      name: "t-flaky", events: ["inventory.lowStock"], retry: { retryLimit: 5, retryDelay: 1, retryBackoff: true },
      handle: async (tx, event) => {
        calls += 1;
        await tx.auditLog.create({ data: { action: "test.flaky", resourceType: "event", resourceId: event.id.toString() } });
        if (calls < 4) throw new Error(`attempt ${calls} fails`);
      },
    }));
    const queue = new MemoryQueue(25); // one "second" of retry delay lasts 25 ms
    const worker = await startWorker({ db, pool, queue, registry, timedJobs: [], relayIntervalMs: 0 });
    const id = await db.$transaction((tx) => publish(tx, { type: "inventory.lowStock", aggregateType: "variant", aggregateId: "flaky", payload: { vendorId: "v", variantId: "flaky", available: 1, threshold: 5 } }));
    await worker.relayNow();
    await queue.drain();
    await worker.stop();

    const attempts = queue.attempts.filter((a) => a.name === "event-handler.t-flaky");
    expect(attempts.map((a) => a.error === undefined)).toEqual([false, false, false, true]);
    const gaps = attempts.slice(1).map((a, i) => a.at - attempts[i]!.at);
    // 1, 2 and 4 "seconds": each wait at least the scheduled one and longer than the last.
    expect(gaps[0]).toBeGreaterThanOrEqual(25);
    expect(gaps[1]).toBeGreaterThanOrEqual(50);
    expect(gaps[2]).toBeGreaterThanOrEqual(100);
    expect(queue.sent[0]!.options).toMatchObject({ retryLimit: 5, retryDelay: 1, retryBackoff: true, singletonKey: `t-flaky:${id}` });
    expect(await db.auditLog.count({ where: { action: "test.flaky", resourceId: id.toString() } })).toBe(1);
    expect(await db.processedEvent.count({ where: { handler: "t-flaky", eventId: id } })).toBe(1);
  });
});

describe("relay", () => {
  it("never sends a (handler, event) twice under concurrent relays, in id order within a batch", async () => {
    await relayAll(pool, new MemoryQueue(), new SubscriptionRegistry());
    const registry = new SubscriptionRegistry()
      .register(defineSubscription({ name: "t-a", events: ["inventory.stockChanged"], handle: async () => {} }))
      .register(defineSubscription({ name: "t-b", events: ["inventory.stockChanged", "inventory.lowStock"], handle: async () => {} }));
    const queue = new MemoryQueue();
    await queue.createQueue(handlerQueue("t-a"));
    await queue.createQueue(handlerQueue("t-b"));
    const ids: bigint[] = [];
    for (let batch = 0; batch < 6; batch++) {
      ids.push(...(await db.$transaction(async (tx) => {
        const out: bigint[] = [];
        for (let i = 0; i < 50; i++) out.push(await publish(tx, stockChanged(`relay-${batch}-${i}`)));
        return out;
      })));
    }
    const counts = await Promise.all([1, 2, 3, 4].map(() => relayAll(pool, queue, registry, { batchSize: 7 })));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(300);
    const pairs = queue.sent.map((s) => `${s.name}|${(s.data as { eventId: string }).eventId}`);
    expect(pairs).toHaveLength(600);
    expect(new Set(pairs).size).toBe(600);
    for (const id of ids) {
      expect(pairs).toContain(`event-handler.t-a|${id}`);
      expect(pairs).toContain(`event-handler.t-b|${id}`);
    }
    expect(await unrelayed()).toBe(0);
  });
});

describe("pg-boss", () => {
  const queue = new PgBossQueue(env.DATABASE_URL!, { pollingIntervalSeconds: 0.5 });
  afterAll(() => queue.stop());

  it("delivers an outbox event to its handler through pg-boss, queued inside the relay's transaction", async () => {
    await relayAll(pool, new MemoryQueue(), new SubscriptionRegistry());
    const handled: string[] = [];
    const registry = new SubscriptionRegistry().register(defineSubscription({
      name: "t-boss", events: ["inventory.reservationExpired"], retry: { retryLimit: 2, retryDelay: 1, retryBackoff: true },
      handle: async (_tx, event) => {
        handled.push(event.payload.orderId);
      },
    }));
    await queue.start();
    const worker = await startWorker({ db, pool, queue, registry, timedJobs: [], relayIntervalMs: 200 });
    await db.$transaction((tx) => publish(tx, { type: "inventory.reservationExpired", aggregateType: "order", aggregateId: "o-1", payload: { orderId: "o-1" } }));
    const deadline = Date.now() + 20_000;
    while (handled.length === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    await worker.stop();
    expect(handled).toEqual(["o-1"]);
    expect(await unrelayed()).toBe(0);
  });
});
