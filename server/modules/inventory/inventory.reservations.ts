// The reservation API checkout and orders call. Two phases: reserveStock when an order is
// placed (stock is promised, not yet gone), then commitReservations when it is paid (or pay on
// delivery is confirmed) or releaseReservations when payment fails or the order is cancelled;
// reservations that outlive `expiresAt` go back on sale (by the worker's timed job, and lazily
// by the next reserveStock of the same variants, so a dead worker never strands stock).
//
// Every function takes the caller's transaction and never calls out of the database: callers
// must not hold that transaction across a payment provider call. Lock order, everywhere:
// an order's own reservations first, then stock rows by ("variantId", "warehouseId"); other
// orders' reservations are only ever taken with SKIP LOCKED. That makes deadlocks impossible.
import type { Db, DbTx } from "@/server/db";
import { publish } from "@/server/events";
import { badRequest, conflict } from "@/server/lib/errors";
import { MAX_UNITS, type StockLine } from "./inventory.schema";
import { afterStockChange, applyChange, key, lockPairs, lockVariantRows } from "./inventory.stock";

export interface ReserveStockInput {
  orderId: string;
  lines: StockLine[];
  expiresAt: Date;
  actorId?: string | null;
}

export interface VariantAllocation {
  variantId: string;
  quantity: number;
  /** Where the units are held, default warehouse first. */
  warehouses: { warehouseId: string; quantity: number }[];
}

/** Sums lines that share a variant; refuses non-positive or absurd quantities. */
export function sumLines(lines: StockLine[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity < 1 || line.quantity > MAX_UNITS) throw badRequest("inventory.quantityInvalid");
    totals.set(line.variantId, (totals.get(line.variantId) ?? 0) + line.quantity);
  }
  for (const q of totals.values()) if (q > MAX_UNITS) throw badRequest("inventory.quantityInvalid");
  return totals;
}

/**
 * Reserves stock for an order: all lines or nothing. Lines sharing a variant are summed; each
 * variant's total must fit its maxPerOrder (else CONFLICT "inventory.maxPerOrder" {variantId,
 * max}) and its available stock in active warehouses (else CONFLICT "inventory.insufficient"
 * {variantId, available}); the caller's transaction should then roll back. A variant may be
 * split across warehouses, default warehouse first. Expired reservations of these variants are
 * released first. Writes RESERVE ledger rows with the order id. Returns the allocation.
 */
export async function reserveStock(tx: DbTx, input: ReserveStockInput): Promise<VariantAllocation[]> {
  const totals = sumLines(input.lines);
  const variantIds = [...totals.keys()].sort();
  if (variantIds.length === 0) return [];

  const rows = await lockVariantRows(tx, variantIds);
  await releaseExpiredOf(tx, variantIds, rows);

  const limits = await tx.inventoryItem.findMany({ where: { variantId: { in: variantIds }, maxPerOrder: { not: null } }, select: { variantId: true, maxPerOrder: true } });
  for (const limit of limits) {
    if (limit.maxPerOrder !== null && totals.get(limit.variantId)! > limit.maxPerOrder) {
      throw conflict("inventory.maxPerOrder", { variantId: limit.variantId, max: limit.maxPerOrder });
    }
  }

  const allocations: VariantAllocation[] = [];
  for (const variantId of variantIds) {
    const wanted = totals.get(variantId)!;
    const candidates = rows
      .filter((r) => r.variantId === variantId && r.active && r.onHand - r.reserved > 0)
      .sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || (a.warehouseId < b.warehouseId ? -1 : 1));
    const available = candidates.reduce((sum, r) => sum + r.onHand - r.reserved, 0);
    if (available < wanted) throw conflict("inventory.insufficient", { variantId, available });
    let left = wanted;
    const warehouses: VariantAllocation["warehouses"] = [];
    for (const row of candidates) {
      if (left === 0) break;
      const take = Math.min(left, row.onHand - row.reserved);
      const ok = await applyChange(tx, {
        variantId, warehouseId: row.warehouseId, vendorId: row.vendorId, kind: "RESERVE", onHandDelta: 0, reservedDelta: take,
        reason: "checkout", actorId: input.actorId, orderId: input.orderId,
      });
      // The row is locked by this transaction, so the conditional update cannot fail; if it
      // ever did, refusing is the safe answer.
      if (!ok) throw conflict("inventory.insufficient", { variantId, available: 0 });
      row.reserved += take;
      warehouses.push({ warehouseId: row.warehouseId, quantity: take });
      left -= take;
    }
    allocations.push({ variantId, quantity: wanted, warehouses });
  }
  await tx.stockReservation.createMany({
    data: allocations.flatMap((a) => a.warehouses.map((w) => ({
      orderId: input.orderId, variantId: a.variantId, warehouseId: w.warehouseId, quantity: w.quantity, expiresAt: input.expiresAt,
    }))),
  });
  await afterStockChange(tx, variantIds, "reserve");
  return allocations;
}

/**
 * Lazy expiry inside reserveStock: releases expired ACTIVE reservations of `variantIds` whose
 * stock rows this transaction already holds (`rows`, updated in place). Reservations another
 * transaction is handling are skipped, never waited for.
 */
async function releaseExpiredOf(tx: DbTx, variantIds: string[], rows: { variantId: string; warehouseId: string; reserved: number; vendorId: string }[]) {
  const expired = await tx.$queryRaw<{ id: string; orderId: string; variantId: string; warehouseId: string; quantity: number }[]>`
    UPDATE "StockReservation" SET "status" = 'RELEASED', "updatedAt" = now()
    WHERE "id" IN (
      SELECT "id" FROM "StockReservation"
      WHERE "status" = 'ACTIVE' AND "expiresAt" <= now() AND "variantId" = ANY(${variantIds}::text[])
      ORDER BY "id" FOR UPDATE SKIP LOCKED)
    RETURNING "id", "orderId", "variantId", "warehouseId", "quantity"`;
  if (expired.length === 0) return;
  const byKey = new Map(rows.map((r) => [key(r.variantId, r.warehouseId), r]));
  for (const r of expired) {
    const row = byKey.get(key(r.variantId, r.warehouseId));
    if (!row) continue; // a reservation without a stock row cannot exist (rows are never deleted while reserved)
    await applyChange(tx, { variantId: r.variantId, warehouseId: r.warehouseId, vendorId: row.vendorId, kind: "RELEASE", onHandDelta: 0, reservedDelta: -r.quantity, reason: "expired", orderId: r.orderId });
    row.reserved -= r.quantity;
  }
  for (const orderId of new Set(expired.map((r) => r.orderId))) {
    await publish(tx, { type: "inventory.reservationExpired", aggregateType: "order", aggregateId: orderId, payload: { orderId } });
  }
}

interface ReservationRow {
  id: string;
  variantId: string;
  warehouseId: string;
  quantity: number;
  status: "ACTIVE" | "COMMITTED" | "RELEASED";
}

async function lockOrderReservations(tx: DbTx, orderId: string): Promise<ReservationRow[]> {
  return tx.$queryRaw<ReservationRow[]>`
    SELECT "id", "variantId", "warehouseId", "quantity", "status"::text AS "status"
    FROM "StockReservation" WHERE "orderId" = ${orderId} ORDER BY "id" FOR UPDATE`;
}

/**
 * Payment succeeded (or pay on delivery was confirmed): the order's reserved units leave the
 * shelf (onHand −q, reserved −q, SALE rows) and its reservations become COMMITTED. Idempotent:
 * a second call commits nothing. If stock of the order was already released (expired and
 * taken back), nothing is committed and it throws CONFLICT "inventory.reservationReleased";
 * the caller must not treat the order as fulfilled from stock.
 */
export async function commitReservations(tx: DbTx, orderId: string, actorId?: string | null): Promise<{ committed: number }> {
  const reservations = await lockOrderReservations(tx, orderId);
  const active = reservations.filter((r) => r.status === "ACTIVE");
  // Released and nothing held since (a retried payment reserves again): the stock is gone.
  if (active.length === 0 && reservations.some((r) => r.status === "RELEASED") && !reservations.some((r) => r.status === "COMMITTED")) {
    throw conflict("inventory.reservationReleased", { orderId });
  }
  if (active.length === 0) return { committed: 0 };
  const locked = await lockPairs(tx, active);
  for (const r of active) {
    const row = locked.get(key(r.variantId, r.warehouseId))!;
    const ok = await applyChange(tx, { variantId: r.variantId, warehouseId: r.warehouseId, vendorId: row.vendorId, kind: "SALE", onHandDelta: -r.quantity, reservedDelta: -r.quantity, reason: "payment", actorId, orderId });
    if (!ok) throw conflict("inventory.insufficient", { variantId: r.variantId, available: 0 });
  }
  await tx.stockReservation.updateMany({ where: { id: { in: active.map((r) => r.id) } }, data: { status: "COMMITTED" } });
  await afterStockChange(tx, active.map((r) => r.variantId), "sale");
  return { committed: active.length };
}

/**
 * Payment failed, the order was cancelled before payment, or it expired: the order's ACTIVE
 * reservations are released (reserved −q, RELEASE rows with `reason`). Idempotent; committed
 * reservations are left alone (use returnStock for those).
 */
export async function releaseReservations(tx: DbTx, orderId: string, reason: string, actorId?: string | null): Promise<{ released: number }> {
  const active = (await lockOrderReservations(tx, orderId)).filter((r) => r.status === "ACTIVE");
  if (active.length === 0) return { released: 0 };
  const locked = await lockPairs(tx, active);
  for (const r of active) {
    const row = locked.get(key(r.variantId, r.warehouseId))!;
    await applyChange(tx, { variantId: r.variantId, warehouseId: r.warehouseId, vendorId: row.vendorId, kind: "RELEASE", onHandDelta: 0, reservedDelta: -r.quantity, reason, actorId, orderId });
  }
  await tx.stockReservation.updateMany({ where: { id: { in: active.map((r) => r.id) } }, data: { status: "RELEASED" } });
  await afterStockChange(tx, active.map((r) => r.variantId), "release");
  return { released: active.length };
}

export interface ReturnStockInput {
  orderId: string;
  lines: StockLine[];
  /** Where the units go back; by default the warehouse they were sold from. */
  warehouseId?: string;
  reason: string;
  actorId?: string | null;
}

/**
 * Units of a paid order come back (cancellation after payment, a return): onHand +q, RETURN
 * rows with the order id. Refuses (CONFLICT "inventory.returnExceedsSold" {variantId, max})
 * more units of a variant than the order sold minus what was already returned, so a repeated
 * call cannot inflate stock. Lines sharing a variant are summed.
 */
export async function returnStock(tx: DbTx, input: ReturnStockInput): Promise<{ returned: number }> {
  const totals = sumLines(input.lines);
  const variantIds = [...totals.keys()].sort();
  if (variantIds.length === 0) return { returned: 0 };
  // Serialises returns of one order (its reservations are the order's lock).
  await lockOrderReservations(tx, input.orderId);
  const ledger = await tx.stockMovement.groupBy({
    by: ["variantId", "warehouseId", "kind"], where: { orderId: input.orderId, variantId: { in: variantIds }, kind: { in: ["SALE", "RETURN"] } },
    _sum: { onHandDelta: true },
  });
  const pairs: { variantId: string; warehouseId: string; quantity: number }[] = [];
  for (const variantId of variantIds) {
    const mine = ledger.filter((m) => m.variantId === variantId);
    const sold = -mine.filter((m) => m.kind === "SALE").reduce((s, m) => s + (m._sum.onHandDelta ?? 0), 0);
    const returned = mine.filter((m) => m.kind === "RETURN").reduce((s, m) => s + (m._sum.onHandDelta ?? 0), 0);
    const quantity = totals.get(variantId)!;
    if (quantity > sold - returned) throw conflict("inventory.returnExceedsSold", { variantId, max: Math.max(0, sold - returned) });
    const from = mine.find((m) => m.kind === "SALE")!.warehouseId;
    pairs.push({ variantId, warehouseId: input.warehouseId ?? from, quantity });
  }
  if (input.warehouseId) {
    const variant = await tx.productVariant.findMany({ where: { id: { in: variantIds } }, select: { vendorId: true } });
    const warehouse = await tx.warehouse.findUnique({ where: { id: input.warehouseId }, select: { vendorId: true } });
    if (!warehouse || variant.some((v) => v.vendorId !== warehouse.vendorId)) throw badRequest("inventory.warehouseNotFound");
  }
  const locked = await lockPairs(tx, pairs);
  for (const p of pairs) {
    const row = locked.get(key(p.variantId, p.warehouseId))!;
    await applyChange(tx, { variantId: p.variantId, warehouseId: p.warehouseId, vendorId: row.vendorId, kind: "RETURN", onHandDelta: p.quantity, reservedDelta: 0, reason: input.reason, actorId: input.actorId, orderId: input.orderId });
  }
  await afterStockChange(tx, variantIds, "return");
  return { returned: pairs.reduce((s, p) => s + p.quantity, 0) };
}

/**
 * The timed job: releases ACTIVE reservations that expired by `now`, in batches, each batch in
 * its own transaction (claimed with SKIP LOCKED so parallel runs share the work), and publishes
 * `inventory.reservationExpired { orderId }` per order so the orders module cancels it.
 * Returns how many reservations it released.
 */
export async function releaseExpiredReservations(db: Db, now: Date, batchSize = 200): Promise<{ released: number; orders: number }> {
  let released = 0;
  let orders = 0;
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<{ id: string; orderId: string; variantId: string; warehouseId: string; quantity: number }[]>`
        SELECT "id", "orderId", "variantId", "warehouseId", "quantity" FROM "StockReservation"
        WHERE "status" = 'ACTIVE' AND "expiresAt" <= ${now}
        ORDER BY "expiresAt", "id" LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`;
      if (claimed.length === 0) return { released: 0, orders: 0 };
      const locked = await lockPairs(tx, claimed);
      for (const r of claimed) {
        const row = locked.get(key(r.variantId, r.warehouseId))!;
        await applyChange(tx, { variantId: r.variantId, warehouseId: r.warehouseId, vendorId: row.vendorId, kind: "RELEASE", onHandDelta: 0, reservedDelta: -r.quantity, reason: "expired", orderId: r.orderId });
      }
      await tx.stockReservation.updateMany({ where: { id: { in: claimed.map((r) => r.id) } }, data: { status: "RELEASED" } });
      const orderIds = [...new Set(claimed.map((r) => r.orderId))];
      for (const orderId of orderIds) {
        await publish(tx, { type: "inventory.reservationExpired", aggregateType: "order", aggregateId: orderId, payload: { orderId } });
      }
      await afterStockChange(tx, claimed.map((r) => r.variantId), "expired");
      return { released: claimed.length, orders: orderIds.length };
    }, { timeout: 60_000, maxWait: 10_000 });
    released += batch.released;
    orders += batch.orders;
    if (batch.released < batchSize) return { released, orders };
  }
}

export interface Availability {
  variantId: string;
  /** Units a new order can take now (expired, unreleased reservations count as free). */
  available: number;
  /** Most units one order may hold; null = no limit. */
  maxPerOrder: number | null;
}

/** Availability of `variantIds` for the cart and product pages (a read: locks nothing). */
export async function getAvailability(db: DbTx, variantIds: string[]): Promise<Availability[]> {
  const ids = [...new Set(variantIds)];
  if (ids.length === 0) return [];
  return db.$queryRaw<Availability[]>`
    SELECT v."id" AS "variantId",
      (COALESCE((SELECT SUM(s."onHand" - s."reserved") FROM "StockLevel" s JOIN "Warehouse" w ON w."id" = s."warehouseId"
                 WHERE s."variantId" = v."id" AND w."active"), 0)
       + COALESCE((SELECT SUM(r."quantity") FROM "StockReservation" r JOIN "Warehouse" w ON w."id" = r."warehouseId"
                   WHERE r."variantId" = v."id" AND r."status" = 'ACTIVE' AND r."expiresAt" <= now() AND w."active"), 0))::int AS "available",
      i."maxPerOrder"
    FROM "ProductVariant" v LEFT JOIN "InventoryItem" i ON i."variantId" = v."id"
    WHERE v."id" = ANY(${ids}::text[])`;
}
