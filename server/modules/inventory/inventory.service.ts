// Seller-center operations on stock: warehouses, stock levels, transfers, per-variant settings,
// the ledger and the low-stock list. Every mutation checks the actor's `inventory.write` on the
// vendor, checks that the warehouse and variant belong to that vendor, writes ledger rows and
// an audit entry in the caller's transaction.
import type { VendorPermission } from "@/lib/permissions";
import type { DbTx } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, forbidden, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { getVendorMembership } from "@/server/modules/vendors";
import type {
  CreateWarehouseInput, LedgerInput, ListStockInput, SetStockInput, TransferStockInput, UpdateInventoryItemInput, UpdateWarehouseInput,
} from "./inventory.schema";
import { afterStockChange, applyChange, key, lockPairs } from "./inventory.stock";

/** The default low-stock threshold of a variant without settings (InventoryItem's default). */
export const DEFAULT_LOW_STOCK_THRESHOLD = 5;

/** Refuses unless the actor is a member of the vendor holding `permission`. */
export async function requireVendorAccess(db: DbTx, actor: Actor, vendorId: string, permission: VendorPermission = "inventory.write") {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has(permission)) throw forbidden();
  return membership;
}

async function vendorWarehouse(db: DbTx, vendorId: string, warehouseId: string) {
  const warehouse = await db.warehouse.findFirst({ where: { id: warehouseId, vendorId } });
  if (!warehouse) throw notFound("inventory.warehouseNotFound");
  return warehouse;
}

async function vendorVariant(db: DbTx, vendorId: string, variantId: string) {
  const variant = await db.productVariant.findFirst({ where: { id: variantId, vendorId }, select: { id: true, sku: true, productId: true } });
  if (!variant) throw notFound("inventory.variantNotFound");
  return variant;
}

// One default warehouse per vendor: changes to a vendor's warehouses are serialised.
async function lockVendorWarehouses(db: DbTx, vendorId: string) {
  await db.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('bazaar.warehouses'), hashtext(${vendorId}))`;
}

/** The vendor's warehouses (default first) with the units each holds. */
export async function listWarehouses(db: DbTx, actor: Actor, vendorId: string) {
  await requireVendorAccess(db, actor, vendorId);
  const [warehouses, totals] = await Promise.all([
    db.warehouse.findMany({ where: { vendorId }, orderBy: [{ isDefault: "desc" }, { active: "desc" }, { code: "asc" }] }),
    db.stockLevel.groupBy({ by: ["warehouseId"], where: { warehouse: { vendorId } }, _sum: { onHand: true, reserved: true } }),
  ]);
  const byId = new Map(totals.map((t) => [t.warehouseId, t._sum]));
  return warehouses.map((w) => ({ ...w, onHand: byId.get(w.id)?.onHand ?? 0, reserved: byId.get(w.id)?.reserved ?? 0 }));
}

/** Adds a warehouse; the vendor's first one (or one marked default) becomes the default. */
export async function createWarehouse(db: DbTx, actor: Actor, input: CreateWarehouseInput) {
  await requireVendorAccess(db, actor, input.vendorId);
  await lockVendorWarehouses(db, input.vendorId);
  if (await db.warehouse.findUnique({ where: { vendorId_code: { vendorId: input.vendorId, code: input.code } }, select: { id: true } })) {
    throw conflict("inventory.codeTaken", { code: input.code });
  }
  const hasDefault = (await db.warehouse.count({ where: { vendorId: input.vendorId, isDefault: true } })) > 0;
  const isDefault = input.isDefault || !hasDefault;
  if (isDefault) await db.warehouse.updateMany({ where: { vendorId: input.vendorId, isDefault: true }, data: { isDefault: false } });
  const warehouse = await db.warehouse.create({
    data: { vendorId: input.vendorId, code: input.code, name: input.name, countryCode: input.countryCode, city: input.city, isDefault },
  });
  await recordAudit(db, actor, { action: "warehouse.create", resourceType: "warehouse", resourceId: warehouse.id, metadata: { vendorId: input.vendorId, code: warehouse.code, isDefault } });
  return warehouse;
}

/**
 * Edits a warehouse. Making it the default moves the flag from the old one; the default can
 * be neither un-defaulted (pick another default instead) nor deactivated.
 */
export async function updateWarehouse(db: DbTx, actor: Actor, input: UpdateWarehouseInput) {
  await requireVendorAccess(db, actor, input.vendorId);
  await lockVendorWarehouses(db, input.vendorId);
  const before = await vendorWarehouse(db, input.vendorId, input.warehouseId);
  if (before.isDefault && !input.isDefault) throw conflict("inventory.defaultRequired");
  if ((before.isDefault || input.isDefault) && !input.active) throw conflict("inventory.defaultMustBeActive");
  if (input.isDefault && !before.isDefault) {
    await db.warehouse.updateMany({ where: { vendorId: input.vendorId, isDefault: true }, data: { isDefault: false } });
  }
  const warehouse = await db.warehouse.update({
    where: { id: before.id },
    data: { name: input.name, countryCode: input.countryCode, city: input.city, isDefault: input.isDefault, active: input.active },
  });
  await recordAudit(db, actor, {
    action: "warehouse.update", resourceType: "warehouse", resourceId: warehouse.id,
    metadata: { vendorId: input.vendorId, code: warehouse.code, isDefault: warehouse.isDefault, active: warehouse.active },
  });
  if (before.active !== warehouse.active) {
    // Availability counts active warehouses only, so every variant stocked here changed.
    const stocked = await db.stockLevel.findMany({ where: { warehouseId: warehouse.id }, select: { variantId: true } });
    await afterStockChange(db, stocked.map((s) => s.variantId), warehouse.active ? "warehouseActivated" : "warehouseDeactivated");
  }
  return warehouse;
}

export interface StockRow {
  variantId: string;
  productId: string;
  title: string;
  sku: string;
  optionValues: Record<string, string>;
  onHand: number;
  reserved: number;
  available: number;
  lowStockThreshold: number;
  maxPerOrder: number | null;
  low: boolean;
  levels: { warehouseId: string; onHand: number; reserved: number }[];
}

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/**
 * The vendor's variants with their stock (active warehouses in the totals, every warehouse in
 * `levels`), searchable by SKU or title; `lowStockOnly` keeps those at or under their threshold
 * (live products only). Sorted by title then SKU, paged.
 */
export async function listStock(db: DbTx, actor: Actor, input: ListStockInput) {
  await requireVendorAccess(db, actor, input.vendorId);
  const pattern = likePattern(input.q);
  const offset = (input.page - 1) * input.pageSize;
  const rows = await db.$queryRaw<(Omit<StockRow, "levels" | "low"> & { total: number })[]>`
    WITH v AS (
      SELECT pv."id" AS "variantId", pv."productId", p."title", pv."sku", pv."optionValues", pv."active", p."status",
        COALESCE(i."lowStockThreshold", ${DEFAULT_LOW_STOCK_THRESHOLD}::int) AS "lowStockThreshold", i."maxPerOrder",
        COALESCE(SUM(s."onHand") FILTER (WHERE w."active"), 0)::int AS "onHand",
        COALESCE(SUM(s."reserved") FILTER (WHERE w."active"), 0)::int AS "reserved"
      FROM "ProductVariant" pv
      JOIN "Product" p ON p."id" = pv."productId"
      LEFT JOIN "InventoryItem" i ON i."variantId" = pv."id"
      LEFT JOIN "StockLevel" s ON s."variantId" = pv."id"
      LEFT JOIN "Warehouse" w ON w."id" = s."warehouseId"
      WHERE pv."vendorId" = ${input.vendorId}
        AND (${input.q} = '' OR pv."sku" ILIKE ${pattern} OR p."title" ILIKE ${pattern})
      GROUP BY pv."id", p."id", i."variantId"
    )
    SELECT "variantId", "productId", "title", "sku", "optionValues", "lowStockThreshold", "maxPerOrder", "onHand", "reserved",
      ("onHand" - "reserved") AS "available", (count(*) OVER ())::int AS "total"
    FROM v
    WHERE NOT ${input.lowStockOnly} OR ("onHand" - "reserved" <= "lowStockThreshold" AND "active" AND "status" <> 'ARCHIVED')
    ORDER BY "title", "sku", "variantId"
    LIMIT ${input.pageSize} OFFSET ${offset}`;
  const levels = await db.stockLevel.findMany({
    where: { variantId: { in: rows.map((r) => r.variantId) } }, select: { variantId: true, warehouseId: true, onHand: true, reserved: true },
  });
  const items: StockRow[] = rows.map(({ total: _total, ...r }) => ({
    ...r, optionValues: r.optionValues as Record<string, string>, low: r.available <= r.lowStockThreshold,
    levels: levels.filter((l) => l.variantId === r.variantId).map(({ variantId: _v, ...l }) => l),
  }));
  return { items, total: rows[0]?.total ?? 0, page: input.page, pageSize: input.pageSize };
}

/** How many live variants of the vendor are at or under their low-stock threshold (nav badge). */
export async function countLowStock(db: DbTx, actor: Actor, vendorId: string): Promise<number> {
  await requireVendorAccess(db, actor, vendorId);
  const [row] = await db.$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS "count" FROM (
      SELECT pv."id"
      FROM "ProductVariant" pv
      JOIN "Product" p ON p."id" = pv."productId"
      LEFT JOIN "InventoryItem" i ON i."variantId" = pv."id"
      LEFT JOIN "StockLevel" s ON s."variantId" = pv."id"
      LEFT JOIN "Warehouse" w ON w."id" = s."warehouseId"
      WHERE pv."vendorId" = ${vendorId} AND pv."active" AND p."status" <> 'ARCHIVED'
      GROUP BY pv."id", i."variantId"
      HAVING COALESCE(SUM(s."onHand" - s."reserved") FILTER (WHERE w."active"), 0) <= COALESCE(MAX(i."lowStockThreshold"), ${DEFAULT_LOW_STOCK_THRESHOLD}::int)
    ) low`;
  return row?.count ?? 0;
}

/**
 * Sets a variant's on-hand count in one warehouse (a count, goods received, a correction):
 * RECEIVE or ADJUST ledger row with the reason. Refuses a count below what is reserved there.
 */
export async function setStock(db: DbTx, actor: Actor, input: SetStockInput, options: { audit?: boolean } = {}) {
  await requireVendorAccess(db, actor, input.vendorId);
  const variant = await vendorVariant(db, input.vendorId, input.variantId);
  await vendorWarehouse(db, input.vendorId, input.warehouseId);
  const row = (await lockPairs(db, [input]).then((m) => m.get(key(input.variantId, input.warehouseId))))!;
  const delta = input.onHand - row.onHand;
  if (input.onHand < row.reserved) throw conflict("inventory.belowReserved", { reserved: row.reserved });
  if (delta !== 0) {
    const kind = input.kind ?? (delta > 0 ? "RECEIVE" : "ADJUST");
    const ok = await applyChange(db, { variantId: input.variantId, warehouseId: input.warehouseId, vendorId: input.vendorId, kind, onHandDelta: delta, reservedDelta: 0, reason: input.reason, actorId: actor.userId });
    if (!ok) throw conflict("inventory.belowReserved", { reserved: row.reserved });
    await afterStockChange(db, [input.variantId], "set");
  }
  // The CSV import audits once for the whole file; its rows are in the ledger with the actor.
  if (options.audit !== false) await recordAudit(db, actor, {
    action: "inventory.setStock", resourceType: "variant", resourceId: input.variantId,
    metadata: { vendorId: input.vendorId, sku: variant.sku, warehouseId: input.warehouseId, before: row.onHand, after: input.onHand, reason: input.reason },
  });
  return { variantId: input.variantId, warehouseId: input.warehouseId, onHand: input.onHand, reserved: row.reserved, changed: delta !== 0 };
}

/** Moves units of a variant between two warehouses of the vendor; never more than is available. */
export async function transferStock(db: DbTx, actor: Actor, input: TransferStockInput) {
  await requireVendorAccess(db, actor, input.vendorId);
  if (input.fromWarehouseId === input.toWarehouseId) throw badRequest("inventory.sameWarehouse");
  const variant = await vendorVariant(db, input.vendorId, input.variantId);
  await vendorWarehouse(db, input.vendorId, input.fromWarehouseId);
  const to = await vendorWarehouse(db, input.vendorId, input.toWarehouseId);
  if (!to.active) throw conflict("inventory.warehouseInactive");
  const locked = await lockPairs(db, [
    { variantId: input.variantId, warehouseId: input.fromWarehouseId },
    { variantId: input.variantId, warehouseId: input.toWarehouseId },
  ]);
  const from = locked.get(key(input.variantId, input.fromWarehouseId))!;
  const available = from.onHand - from.reserved;
  if (input.quantity > available) throw conflict("inventory.transferExceedsAvailable", { available });
  const base = { variantId: input.variantId, vendorId: input.vendorId, reservedDelta: 0, reason: input.reason, actorId: actor.userId };
  const out = await applyChange(db, { ...base, warehouseId: input.fromWarehouseId, kind: "TRANSFER_OUT", onHandDelta: -input.quantity });
  if (!out) throw conflict("inventory.transferExceedsAvailable", { available });
  await applyChange(db, { ...base, warehouseId: input.toWarehouseId, kind: "TRANSFER_IN", onHandDelta: input.quantity });
  await afterStockChange(db, [input.variantId], "transfer");
  await recordAudit(db, actor, {
    action: "inventory.transfer", resourceType: "variant", resourceId: input.variantId,
    metadata: { vendorId: input.vendorId, sku: variant.sku, from: input.fromWarehouseId, to: input.toWarehouseId, quantity: input.quantity, reason: input.reason },
  });
  return { moved: input.quantity };
}

/** A variant's selling rules: low-stock threshold and the most units one order may hold. */
export async function updateInventoryItem(db: DbTx, actor: Actor, input: UpdateInventoryItemInput) {
  await requireVendorAccess(db, actor, input.vendorId);
  const variant = await vendorVariant(db, input.vendorId, input.variantId);
  const item = await db.inventoryItem.upsert({
    where: { variantId: input.variantId },
    create: { variantId: input.variantId, vendorId: input.vendorId, lowStockThreshold: input.lowStockThreshold, maxPerOrder: input.maxPerOrder },
    update: { lowStockThreshold: input.lowStockThreshold, maxPerOrder: input.maxPerOrder },
  });
  // A new threshold may put the variant under (or over) it right away.
  await afterStockChange(db, [input.variantId], "settings");
  await recordAudit(db, actor, {
    action: "inventory.settings", resourceType: "variant", resourceId: input.variantId,
    metadata: { vendorId: input.vendorId, sku: variant.sku, lowStockThreshold: item.lowStockThreshold, maxPerOrder: item.maxPerOrder },
  });
  return db.inventoryItem.findUniqueOrThrow({ where: { variantId: input.variantId } });
}

/** A variant's ledger, newest first: who, why, which order, and the counts after each move. */
export async function getLedger(db: DbTx, actor: Actor, input: LedgerInput) {
  await requireVendorAccess(db, actor, input.vendorId);
  const variant = await db.productVariant.findFirst({
    where: { id: input.variantId, vendorId: input.vendorId },
    select: { id: true, sku: true, optionValues: true, product: { select: { id: true, title: true } } },
  });
  if (!variant) throw notFound("inventory.variantNotFound");
  const rows = await db.stockMovement.findMany({
    where: { variantId: input.variantId, vendorId: input.vendorId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const ids = (pick: (m: (typeof page)[number]) => string | null) => [...new Set(page.map(pick).filter((v): v is string => v !== null))];
  const [users, warehouses, orders] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids((m) => m.actorId) } }, select: { id: true, name: true, email: true } }),
    db.warehouse.findMany({ where: { id: { in: ids((m) => m.warehouseId) } }, select: { id: true, code: true, name: true } }),
    db.order.findMany({ where: { id: { in: ids((m) => m.orderId) } }, select: { id: true, number: true } }),
  ]);
  const movements = page.map((m) => ({
    ...m,
    actor: users.find((u) => u.id === m.actorId) ?? null,
    warehouse: warehouses.find((w) => w.id === m.warehouseId) ?? null,
    orderNumber: orders.find((o) => o.id === m.orderId)?.number ?? null,
  }));
  return {
    variant: { id: variant.id, sku: variant.sku, optionValues: variant.optionValues as Record<string, string>, productId: variant.product.id, title: variant.product.title },
    movements,
    nextCursor: rows.length > input.limit ? page.at(-1)!.id : null,
  };
}
