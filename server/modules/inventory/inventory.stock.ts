// Internal helpers shared by the seller operations and the reservation API: locking stock rows
// in the one fixed order, the ledger, and the events a change raises. Not part of index.ts.
import type { DbTx } from "@/server/db";
import { publish } from "@/server/events";

export type MovementKind = "RECEIVE" | "ADJUST" | "RESERVE" | "RELEASE" | "SALE" | "RETURN" | "TRANSFER_OUT" | "TRANSFER_IN";

export interface LockedRow {
  variantId: string;
  warehouseId: string;
  onHand: number;
  reserved: number;
  vendorId: string;
  isDefault: boolean;
  active: boolean;
}

/**
 * Locks the stock rows of `variantIds` (every warehouse) in the one order every writer uses:
 * ("variantId", "warehouseId"). Two transactions locking overlapping sets therefore never wait
 * on each other in a cycle.
 */
export async function lockVariantRows(db: DbTx, variantIds: string[]): Promise<LockedRow[]> {
  if (variantIds.length === 0) return [];
  return db.$queryRaw<LockedRow[]>`
    SELECT s."variantId", s."warehouseId", s."onHand", s."reserved", w."vendorId", w."isDefault", w."active"
    FROM "StockLevel" s JOIN "Warehouse" w ON w."id" = s."warehouseId"
    WHERE s."variantId" = ANY(${variantIds}::text[])
    ORDER BY s."variantId", s."warehouseId"
    FOR UPDATE OF s`;
}

/** Locks specific (variant, warehouse) rows, creating missing ones at zero first, in the fixed order. */
export async function lockPairs(db: DbTx, pairs: { variantId: string; warehouseId: string }[]): Promise<Map<string, LockedRow>> {
  const unique = [...new Map(pairs.map((p) => [key(p.variantId, p.warehouseId), p])).values()];
  if (unique.length === 0) return new Map();
  const variants = unique.map((p) => p.variantId);
  const warehouses = unique.map((p) => p.warehouseId);
  await db.$executeRaw`
    INSERT INTO "StockLevel" ("variantId", "warehouseId", "onHand", "reserved", "updatedAt")
    SELECT v, w, 0, 0, now() FROM unnest(${variants}::text[], ${warehouses}::text[]) AS t(v, w)
    ORDER BY v, w
    ON CONFLICT DO NOTHING`;
  const rows = await db.$queryRaw<LockedRow[]>`
    SELECT s."variantId", s."warehouseId", s."onHand", s."reserved", w."vendorId", w."isDefault", w."active"
    FROM "StockLevel" s JOIN "Warehouse" w ON w."id" = s."warehouseId"
    JOIN unnest(${variants}::text[], ${warehouses}::text[]) AS t(v, w) ON t.v = s."variantId" AND t.w = s."warehouseId"
    ORDER BY s."variantId", s."warehouseId"
    FOR UPDATE OF s`;
  return new Map(rows.map((r) => [key(r.variantId, r.warehouseId), r]));
}

export const key = (variantId: string, warehouseId: string) => `${variantId}\u0000${warehouseId}`;

export interface Change {
  variantId: string;
  warehouseId: string;
  vendorId: string;
  kind: MovementKind;
  onHandDelta: number;
  reservedDelta: number;
  reason: string;
  actorId?: string | null;
  orderId?: string | null;
}

/**
 * Applies one change with a conditional update (the counts never go negative and reserved
 * never exceeds on hand — the CHECK constraint says so too) and writes its ledger row.
 * Returns false, changing nothing, when the condition fails.
 */
export async function applyChange(db: DbTx, change: Change): Promise<boolean> {
  const rows = await db.$queryRaw<{ onHand: number; reserved: number }[]>`
    UPDATE "StockLevel"
    SET "onHand" = "onHand" + ${change.onHandDelta}::int, "reserved" = "reserved" + ${change.reservedDelta}::int, "updatedAt" = now()
    WHERE "variantId" = ${change.variantId} AND "warehouseId" = ${change.warehouseId}
      AND "onHand" + ${change.onHandDelta}::int >= 0
      AND "reserved" + ${change.reservedDelta}::int >= 0
      AND "reserved" + ${change.reservedDelta}::int <= "onHand" + ${change.onHandDelta}::int
    RETURNING "onHand", "reserved"`;
  const after = rows[0];
  if (!after) return false;
  await db.stockMovement.create({
    data: {
      variantId: change.variantId, warehouseId: change.warehouseId, vendorId: change.vendorId, kind: change.kind,
      onHandDelta: change.onHandDelta, reservedDelta: change.reservedDelta, onHandAfter: after.onHand, reservedAfter: after.reserved,
      reason: change.reason.slice(0, 200), actorId: change.actorId ?? null, orderId: change.orderId ?? null,
    },
  });
  return true;
}

/**
 * After stock of `variantIds` changed: raises `inventory.lowStock` for each variant whose
 * available stock fell to its threshold (once per dip, remembered in lowStockNotifiedAt),
 * clears the mark when it recovered, and publishes `inventory.stockChanged`.
 */
export async function afterStockChange(db: DbTx, variantIds: string[], reason: string): Promise<void> {
  const ids = [...new Set(variantIds)].sort();
  if (ids.length === 0) return;
  // Every variant gets its settings row (defaults) the first time its stock moves.
  await db.$executeRaw`
    INSERT INTO "InventoryItem" ("variantId", "vendorId")
    SELECT v."id", v."vendorId" FROM "ProductVariant" v WHERE v."id" = ANY(${ids}::text[]) ORDER BY v."id"
    ON CONFLICT DO NOTHING`;
  const states = await db.$queryRaw<{ variantId: string; vendorId: string; available: number; threshold: number; notified: boolean }[]>`
    SELECT i."variantId", i."vendorId", i."lowStockThreshold" AS "threshold", i."lowStockNotifiedAt" IS NOT NULL AS "notified",
      COALESCE((SELECT SUM(s."onHand" - s."reserved") FROM "StockLevel" s JOIN "Warehouse" w ON w."id" = s."warehouseId"
                WHERE s."variantId" = i."variantId" AND w."active"), 0)::int AS "available"
    FROM "InventoryItem" i WHERE i."variantId" = ANY(${ids}::text[]) ORDER BY i."variantId"`;
  const dipped = states.filter((s) => !s.notified && s.available <= s.threshold);
  const recovered = states.filter((s) => s.notified && s.available > s.threshold);
  if (dipped.length) {
    await db.inventoryItem.updateMany({ where: { variantId: { in: dipped.map((s) => s.variantId) }, lowStockNotifiedAt: null }, data: { lowStockNotifiedAt: new Date() } });
    for (const s of dipped) {
      await publish(db, { type: "inventory.lowStock", aggregateType: "variant", aggregateId: s.variantId, payload: { vendorId: s.vendorId, variantId: s.variantId, available: s.available, threshold: s.threshold } });
    }
  }
  if (recovered.length) {
    await db.inventoryItem.updateMany({ where: { variantId: { in: recovered.map((s) => s.variantId) } }, data: { lowStockNotifiedAt: null } });
  }
  for (const s of states) {
    await publish(db, { type: "inventory.stockChanged", aggregateType: "variant", aggregateId: s.variantId, payload: { vendorId: s.vendorId, variantId: s.variantId, available: s.available, reason } });
  }
}
