// The reservation API against a real PostgreSQL: no overselling under a stampede, summed lines,
// no deadlocks, expiry by the job and lazily, idempotent commit/release, returns, availability.
import { describe, expect, it } from "vitest";
import { db, pool } from "@/server/db";
import { SubscriptionRegistry } from "@/server/events";
import { AppError } from "@/server/lib/errors";
import { MemoryQueue } from "@/server/jobs/memory-queue";
import { startWorker } from "@/server/jobs/worker";
import {
  commitReservations, getAvailability, releaseExpiredReservations, releaseReservations, reserveStock, returnStock, updateInventoryItem,
} from "./index";
import { createOrders, putStock, stockedShop } from "./inventory.test-helpers";

const LONG = { maxWait: 60_000, timeout: 60_000 };
const inAnHour = () => new Date(Date.now() + 3_600_000);
const anHourAgo = () => new Date(Date.now() - 3_600_000);

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

async function level(variantId: string, warehouseId: string) {
  return db.stockLevel.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId, warehouseId } }, select: { onHand: true, reserved: true } });
}

describe("reserveStock", () => {
  it("200 parallel checkouts for 10 units reserve exactly 10", async () => {
    const shop = await stockedShop(db);
    const [variant] = shop.variants;
    const [warehouse] = shop.warehouses;
    await putStock(db, shop, variant!.id, warehouse!.id, 10);
    const orders = await createOrders(db, 200);
    const outcomes = await Promise.allSettled(orders.map((orderId) =>
      db.$transaction((tx) => reserveStock(tx, { orderId, lines: [{ variantId: variant!.id, quantity: 1 }], expiresAt: inAnHour() }), LONG)));
    const won = outcomes.filter((o) => o.status === "fulfilled");
    const lost = outcomes.filter((o): o is PromiseRejectedResult => o.status === "rejected");
    expect(won).toHaveLength(10);
    expect(lost).toHaveLength(190);
    for (const l of lost) expect(l.reason).toMatchObject({ code: "CONFLICT", messageKey: "inventory.insufficient", params: { variantId: variant!.id, available: 0 } });
    expect(await level(variant!.id, warehouse!.id)).toEqual({ onHand: 10, reserved: 10 });
    expect(await db.stockReservation.count({ where: { variantId: variant!.id, status: "ACTIVE" } })).toBe(10);
    expect(await db.stockMovement.count({ where: { variantId: variant!.id, kind: "RESERVE" } })).toBe(10);
    expect(await getAvailability(db, [variant!.id])).toEqual([{ variantId: variant!.id, available: 0, maxPerOrder: null }]);
  });

  it("sums lines that share a variant before checking, and splits across warehouses default first", async () => {
    const shop = await stockedShop(db, { warehouses: 2 });
    const [variant] = shop.variants;
    const [main, second] = shop.warehouses;
    await putStock(db, shop, variant!.id, main!.id, 4);
    await putStock(db, shop, variant!.id, second!.id, 3);
    const [a, b] = await createOrders(db, 2);
    const refused = await errorOf(db.$transaction((tx) => reserveStock(tx, { orderId: a!, lines: [{ variantId: variant!.id, quantity: 4 }, { variantId: variant!.id, quantity: 4 }], expiresAt: inAnHour() })));
    expect(refused).toMatchObject({ code: "CONFLICT", messageKey: "inventory.insufficient", params: { variantId: variant!.id, available: 7 } });
    expect(await level(variant!.id, main!.id)).toEqual({ onHand: 4, reserved: 0 });

    const allocation = await db.$transaction((tx) => reserveStock(tx, { orderId: b!, lines: [{ variantId: variant!.id, quantity: 2 }, { variantId: variant!.id, quantity: 4 }], expiresAt: inAnHour() }));
    expect(allocation).toEqual([{ variantId: variant!.id, quantity: 6, warehouses: [{ warehouseId: main!.id, quantity: 4 }, { warehouseId: second!.id, quantity: 2 }] }]);
    expect(await level(variant!.id, main!.id)).toEqual({ onHand: 4, reserved: 4 });
    expect(await level(variant!.id, second!.id)).toEqual({ onHand: 3, reserved: 2 });
  });

  it("refuses more than the variant's maxPerOrder, counting summed lines", async () => {
    const shop = await stockedShop(db);
    const [variant] = shop.variants;
    await putStock(db, shop, variant!.id, shop.warehouses[0]!.id, 50);
    await db.$transaction((tx) => updateInventoryItem(tx, shop.actor, { vendorId: shop.vendor.id, variantId: variant!.id, lowStockThreshold: 5, maxPerOrder: 3 }));
    const [orderId] = await createOrders(db, 1);
    const error = await errorOf(db.$transaction((tx) => reserveStock(tx, { orderId: orderId!, lines: [{ variantId: variant!.id, quantity: 2 }, { variantId: variant!.id, quantity: 2 }], expiresAt: inAnHour() })));
    expect(error).toMatchObject({ code: "CONFLICT", messageKey: "inventory.maxPerOrder", params: { variantId: variant!.id, max: 3 } });
    expect(await getAvailability(db, [variant!.id])).toEqual([{ variantId: variant!.id, available: 50, maxPerOrder: 3 }]);
  });

  it("refuses zero, negative and huge quantities", async () => {
    const shop = await stockedShop(db);
    const [orderId] = await createOrders(db, 1);
    for (const quantity of [0, -1, 1.5, 10_000_000]) {
      const error = await errorOf(db.$transaction((tx) => reserveStock(tx, { orderId: orderId!, lines: [{ variantId: shop.variants[0]!.id, quantity }], expiresAt: inAnHour() })));
      expect(error.messageKey).toBe("inventory.quantityInvalid");
    }
  });

  it("never deadlocks when parallel checkouts take two variants in opposite orders", async () => {
    const shop = await stockedShop(db, { variants: 2, warehouses: 2 });
    const [x, y] = shop.variants;
    for (const v of [x!, y!]) for (const w of shop.warehouses) await putStock(db, shop, v.id, w.id, 500);
    const orders = await createOrders(db, 60);
    const results = await Promise.allSettled(orders.map((orderId, i) => db.$transaction(async (tx) => {
      const lines = i % 2 ? [{ variantId: x!.id, quantity: 3 }, { variantId: y!.id, quantity: 2 }] : [{ variantId: y!.id, quantity: 2 }, { variantId: x!.id, quantity: 3 }];
      await reserveStock(tx, { orderId, lines, expiresAt: inAnHour() });
      await tx.$executeRaw`SELECT pg_sleep(0.005)`; // hold the locks a little, as checkout does
      if (i % 3 === 0) await releaseReservations(tx, orderId, "test");
    }, LONG)));
    expect(results.filter((r) => r.status === "rejected")).toEqual([]);
    const active = await db.stockReservation.aggregate({ where: { variantId: x!.id, status: "ACTIVE" }, _sum: { quantity: true } });
    expect(active._sum.quantity).toBe(3 * 40);
  });
});

describe("expiry", () => {
  it("the timed job returns expired stock, once, and announces each order", async () => {
    const shop = await stockedShop(db);
    const [variant] = shop.variants;
    const [warehouse] = shop.warehouses;
    await putStock(db, shop, variant!.id, warehouse!.id, 5);
    const [late, onTime] = await createOrders(db, 2);
    await db.$transaction((tx) => reserveStock(tx, { orderId: late!, lines: [{ variantId: variant!.id, quantity: 3 }], expiresAt: anHourAgo() }));
    await db.$transaction((tx) => reserveStock(tx, { orderId: onTime!, lines: [{ variantId: variant!.id, quantity: 1 }], expiresAt: inAnHour() }));
    // Expired but not yet released: already free for shoppers.
    expect((await getAvailability(db, [variant!.id]))[0]!.available).toBe(4);

    const queue = new MemoryQueue();
    const worker = await startWorker({ db, pool, queue, registry: new SubscriptionRegistry(), relayIntervalMs: 0 });
    expect(queue.schedules.get("inventory.releaseExpired")).toEqual({ cron: "* * * * *", data: {} });
    await queue.tick("inventory.releaseExpired");
    await worker.stop();
    expect(queue.attempts.filter((a) => a.name === "inventory.releaseExpired").map((a) => a.error)).toEqual([undefined]);

    expect(await level(variant!.id, warehouse!.id)).toEqual({ onHand: 5, reserved: 1 });
    expect(await db.stockReservation.findFirstOrThrow({ where: { orderId: late! } })).toMatchObject({ status: "RELEASED" });
    expect(await db.stockReservation.findFirstOrThrow({ where: { orderId: onTime! } })).toMatchObject({ status: "ACTIVE" });
    expect(await db.stockMovement.findFirstOrThrow({ where: { orderId: late!, kind: "RELEASE" } })).toMatchObject({ reservedDelta: -3, reason: "expired" });
    const events = await db.outboxEvent.findMany({ where: { type: "inventory.reservationExpired" } });
    expect(events.map((e) => e.payload)).toEqual([{ orderId: late! }]);
    expect(await releaseExpiredReservations(db, new Date())).toEqual({ released: 0, orders: 0 });
  });

  it("a checkout releases expired reservations of its variants itself (no worker needed)", async () => {
    const shop = await stockedShop(db);
    const [variant] = shop.variants;
    const [warehouse] = shop.warehouses;
    await putStock(db, shop, variant!.id, warehouse!.id, 10);
    const [abandoned, next] = await createOrders(db, 2);
    await db.$transaction((tx) => reserveStock(tx, { orderId: abandoned!, lines: [{ variantId: variant!.id, quantity: 10 }], expiresAt: anHourAgo() }));
    await db.$transaction((tx) => reserveStock(tx, { orderId: next!, lines: [{ variantId: variant!.id, quantity: 10 }], expiresAt: inAnHour() }));
    expect(await level(variant!.id, warehouse!.id)).toEqual({ onHand: 10, reserved: 10 });
    expect((await db.stockReservation.findFirstOrThrow({ where: { orderId: abandoned! } })).status).toBe("RELEASED");
    expect(await db.outboxEvent.count({ where: { type: "inventory.reservationExpired", aggregateId: abandoned! } })).toBe(1);
    // Paying for the abandoned order now is refused: its stock went to someone else.
    expect(await errorOf(db.$transaction((tx) => commitReservations(tx, abandoned!)))).toMatchObject({ messageKey: "inventory.reservationReleased" });
  });
});

describe("commit, release and return", () => {
  it("commit takes the units off the shelf once; release is idempotent and leaves committed stock alone", async () => {
    const shop = await stockedShop(db);
    const [variant] = shop.variants;
    const [warehouse] = shop.warehouses;
    await putStock(db, shop, variant!.id, warehouse!.id, 8);
    const [paid, failed] = await createOrders(db, 2);
    await db.$transaction((tx) => reserveStock(tx, { orderId: paid!, lines: [{ variantId: variant!.id, quantity: 3 }], expiresAt: inAnHour(), actorId: shop.owner.id }));
    await db.$transaction((tx) => reserveStock(tx, { orderId: failed!, lines: [{ variantId: variant!.id, quantity: 2 }], expiresAt: inAnHour() }));

    expect(await db.$transaction((tx) => commitReservations(tx, paid!))).toEqual({ committed: 1 });
    expect(await db.$transaction((tx) => commitReservations(tx, paid!))).toEqual({ committed: 0 });
    expect(await level(variant!.id, warehouse!.id)).toEqual({ onHand: 5, reserved: 2 });
    expect(await db.$transaction((tx) => releaseReservations(tx, paid!, "cancelled"))).toEqual({ released: 0 });

    expect(await db.$transaction((tx) => releaseReservations(tx, failed!, "payment failed"))).toEqual({ released: 1 });
    expect(await db.$transaction((tx) => releaseReservations(tx, failed!, "payment failed"))).toEqual({ released: 0 });
    expect(await level(variant!.id, warehouse!.id)).toEqual({ onHand: 5, reserved: 0 });
    expect(await db.stockMovement.count({ where: { orderId: paid!, kind: "SALE" } })).toBe(1);
    expect(await db.stockMovement.count({ where: { orderId: failed!, kind: "RELEASE" } })).toBe(1);
    expect(await errorOf(db.$transaction((tx) => commitReservations(tx, failed!)))).toMatchObject({ code: "CONFLICT", messageKey: "inventory.reservationReleased" });

    // Returns put units back, never more than the order sold.
    expect(await db.$transaction((tx) => returnStock(tx, { orderId: paid!, lines: [{ variantId: variant!.id, quantity: 2 }], reason: "returned" }))).toEqual({ returned: 2 });
    expect(await level(variant!.id, warehouse!.id)).toEqual({ onHand: 7, reserved: 0 });
    const tooMany = await errorOf(db.$transaction((tx) => returnStock(tx, { orderId: paid!, lines: [{ variantId: variant!.id, quantity: 2 }], reason: "again" })));
    expect(tooMany).toMatchObject({ code: "CONFLICT", messageKey: "inventory.returnExceedsSold", params: { variantId: variant!.id, max: 1 } });
    expect(await errorOf(db.$transaction((tx) => returnStock(tx, { orderId: failed!, lines: [{ variantId: variant!.id, quantity: 1 }], reason: "never sold" }))))
      .toMatchObject({ messageKey: "inventory.returnExceedsSold", params: { max: 0 } });
  });

  it("the database itself refuses negative stock and reserved above on hand", async () => {
    const shop = await stockedShop(db);
    const [variant] = shop.variants;
    const [warehouse] = shop.warehouses;
    await putStock(db, shop, variant!.id, warehouse!.id, 2);
    await expect(db.$executeRaw`UPDATE "StockLevel" SET "reserved" = 3 WHERE "variantId" = ${variant!.id}`).rejects.toThrow(/StockLevel_counts_check/);
    await expect(db.$executeRaw`UPDATE "StockLevel" SET "onHand" = -1 WHERE "variantId" = ${variant!.id}`).rejects.toThrow(/StockLevel_counts_check/);
    await expect(db.$executeRaw`UPDATE "StockLevel" SET "reserved" = -1 WHERE "variantId" = ${variant!.id}`).rejects.toThrow(/StockLevel_counts_check/);
    expect(await level(variant!.id, warehouse!.id)).toEqual({ onHand: 2, reserved: 0 });
  });
});
