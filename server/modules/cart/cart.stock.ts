// The one place the cart asks how much of a variant may be bought. Until the inventory module's
// getAvailability lands, it reads StockLevel and InventoryItem directly; swap the body for
// `getAvailability(db, variantIds)` then (same shape).
import type { DbTx } from "@/server/db";

export interface Availability {
  /** Units on hand minus reserved, summed over the shop's active warehouses (0 when untracked). */
  available: number;
  /** Most units one order may contain; null = no limit. */
  maxPerOrder: number | null;
}

/** Availability of each variant (every id asked for gets an entry). */
export async function stockFor(db: DbTx, variantIds: readonly string[]): Promise<Map<string, Availability>> {
  const out = new Map<string, Availability>();
  if (variantIds.length === 0) return out;
  const ids = [...new Set(variantIds)];
  const rows = await db.$queryRaw<{ id: string; available: number; maxPerOrder: number | null }[]>`
    SELECT ids.id,
           COALESCE((SELECT SUM(s."onHand" - s.reserved) FROM "StockLevel" s JOIN "Warehouse" w ON w.id = s."warehouseId"
                     WHERE s."variantId" = ids.id AND w.active), 0)::int AS available,
           i."maxPerOrder"
    FROM unnest(${ids}::text[]) AS ids(id)
    LEFT JOIN "InventoryItem" i ON i."variantId" = ids.id`;
  for (const row of rows) out.set(row.id, { available: Math.max(0, row.available), maxPerOrder: row.maxPerOrder });
  return out;
}

/** The most units of a variant a cart line may hold now: stock, the per-order limit and the line cap. */
export function lineLimit(a: Availability | undefined, cap: number): number {
  if (!a) return 0;
  return Math.max(0, Math.min(a.available, a.maxPerOrder ?? cap, cap));
}
