// Seller-center inventory against a real PostgreSQL: warehouses, set/transfer, settings, the
// ledger, low-stock events, CSV bulk updates, and the ownership checks on every procedure.
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { callerFor } from "@/test/catalog-factories";
import { createUser } from "@/test/factories";
import { commitReservations, reserveStock } from "./index";
import { createOrders, putStock, stockedShop } from "./inventory.test-helpers";

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(Error);
  return error as AppError & { cause?: AppError };
}
const codeOf = (e: { code?: string; cause?: { code?: string } }) => e.cause?.code ?? e.code;
const keyOf = (e: { messageKey?: string; cause?: { messageKey?: string } }) => e.cause?.messageKey ?? e.messageKey;

describe("warehouses", () => {
  it("keeps exactly one default per vendor, unique codes and ISO-2 countries", async () => {
    const shop = await stockedShop(db, { warehouses: 0 });
    const seller = callerFor(db, shop.owner);
    const first = await seller.inventory.createWarehouse({ vendorId: shop.vendor.id, code: "main", name: "Main", countryCode: "de" });
    expect(first).toMatchObject({ code: "MAIN", countryCode: "DE", isDefault: true });
    const second = await seller.inventory.createWarehouse({ vendorId: shop.vendor.id, code: "EAST", name: "East", countryCode: "PL", isDefault: true });
    expect(second.isDefault).toBe(true);
    expect(await db.warehouse.count({ where: { vendorId: shop.vendor.id, isDefault: true } })).toBe(1);

    expect(keyOf(await errorOf(seller.inventory.createWarehouse({ vendorId: shop.vendor.id, code: "MAIN", name: "Again", countryCode: "DE" })))).toBe("inventory.codeTaken");
    expect(await errorOf(seller.inventory.createWarehouse({ vendorId: shop.vendor.id, code: "X", name: "Bad", countryCode: "DEU" }))).toMatchObject({ code: "BAD_REQUEST" });
    expect(keyOf(await errorOf(seller.inventory.updateWarehouse({ vendorId: shop.vendor.id, warehouseId: second.id, name: "East", countryCode: "PL", isDefault: false })))).toBe("inventory.defaultRequired");
    expect(keyOf(await errorOf(seller.inventory.updateWarehouse({ vendorId: shop.vendor.id, warehouseId: second.id, name: "East", countryCode: "PL", isDefault: true, active: false })))).toBe("inventory.defaultMustBeActive");

    await seller.inventory.updateWarehouse({ vendorId: shop.vendor.id, warehouseId: first.id, name: "Main hall", countryCode: "DE", city: "Berlin", isDefault: true });
    const list = await seller.inventory.listWarehouses({ vendorId: shop.vendor.id });
    expect(list.map((w) => [w.code, w.isDefault, w.name])).toEqual([["MAIN", true, "Main hall"], ["EAST", false, "East"]]);
    expect(await db.auditLog.count({ where: { action: { in: ["warehouse.create", "warehouse.update"] }, actorId: shop.owner.id } })).toBe(3);
  });
});

describe("stock", () => {
  it("sets on hand with a reason, never below what is reserved, and records who and why", async () => {
    const shop = await stockedShop(db);
    const seller = callerFor(db, shop.owner);
    const [variant] = shop.variants;
    const [warehouse] = shop.warehouses;
    const ref = { vendorId: shop.vendor.id, variantId: variant!.id, warehouseId: warehouse!.id };
    await seller.inventory.setStock({ ...ref, onHand: 12, reason: "Delivery from supplier" });
    await seller.inventory.setStock({ ...ref, onHand: 9, reason: "Stock count" });
    const [orderId] = await createOrders(db, 1);
    await db.$transaction((tx) => reserveStock(tx, { orderId: orderId!, lines: [{ variantId: variant!.id, quantity: 4 }], expiresAt: new Date(Date.now() + 60_000) }));
    await db.$transaction((tx) => commitReservations(tx, orderId!));
    const [second] = await createOrders(db, 1);
    await db.$transaction((tx) => reserveStock(tx, { orderId: second!, lines: [{ variantId: variant!.id, quantity: 2 }], expiresAt: new Date(Date.now() + 60_000) }));
    expect(keyOf(await errorOf(seller.inventory.setStock({ ...ref, onHand: 1, reason: "Shrinkage" })))).toBe("inventory.belowReserved");

    const ledger = await seller.inventory.getLedger({ vendorId: shop.vendor.id, variantId: variant!.id });
    expect(ledger.variant.sku).toBe(variant!.sku);
    expect(ledger.movements.map((m) => [m.kind, m.onHandDelta, m.reservedDelta, m.onHandAfter, m.reservedAfter])).toEqual([
      ["RESERVE", 0, 2, 5, 2],
      ["SALE", -4, -4, 5, 0],
      ["RESERVE", 0, 4, 9, 4],
      ["ADJUST", -3, 0, 9, 0],
      ["RECEIVE", 12, 0, 12, 0],
    ]);
    expect(ledger.movements[4]).toMatchObject({ reason: "Delivery from supplier", actor: { id: shop.owner.id, email: shop.owner.email }, warehouse: { code: "WH1" } });
    expect(ledger.movements[1]).toMatchObject({ orderId, orderNumber: expect.stringMatching(/^BZ-T/) });
    const page = await seller.inventory.getLedger({ vendorId: shop.vendor.id, variantId: variant!.id, limit: 2 });
    const next = await seller.inventory.getLedger({ vendorId: shop.vendor.id, variantId: variant!.id, limit: 2, cursor: page.nextCursor! });
    expect(next.movements.map((m) => m.kind)).toEqual(["RESERVE", "ADJUST"]);
    expect(await db.auditLog.count({ where: { action: "inventory.setStock", resourceId: variant!.id } })).toBe(2);
  });

  it("transfers between two warehouses of the vendor, never beyond what is available", async () => {
    const shop = await stockedShop(db, { warehouses: 2 });
    const seller = callerFor(db, shop.owner);
    const [variant] = shop.variants;
    const [a, b] = shop.warehouses;
    await putStock(db, shop, variant!.id, a!.id, 6);
    const [orderId] = await createOrders(db, 1);
    await db.$transaction((tx) => reserveStock(tx, { orderId: orderId!, lines: [{ variantId: variant!.id, quantity: 2 }], expiresAt: new Date(Date.now() + 60_000) }));
    const transfer = { vendorId: shop.vendor.id, variantId: variant!.id, fromWarehouseId: a!.id, toWarehouseId: b!.id, reason: "Rebalance" };
    const refused = await errorOf(seller.inventory.transferStock({ ...transfer, quantity: 5 }));
    expect({ key: keyOf(refused), params: refused.cause?.params ?? refused.params }).toEqual({ key: "inventory.transferExceedsAvailable", params: { available: 4 } });
    expect(keyOf(await errorOf(seller.inventory.transferStock({ ...transfer, toWarehouseId: a!.id, quantity: 1 })))).toBe("inventory.sameWarehouse");

    expect(await seller.inventory.transferStock({ ...transfer, quantity: 4 })).toEqual({ moved: 4 });
    const levels = await db.stockLevel.findMany({ where: { variantId: variant!.id }, orderBy: { warehouseId: "asc" } });
    expect(Object.fromEntries(levels.map((l) => [l.warehouseId, [l.onHand, l.reserved]]))).toEqual({ [a!.id]: [2, 2], [b!.id]: [4, 0] });
    const moves = await db.stockMovement.findMany({ where: { variantId: variant!.id, kind: { in: ["TRANSFER_OUT", "TRANSFER_IN"] } }, orderBy: { kind: "asc" } });
    expect(moves.map((m) => [m.kind, m.warehouseId, m.onHandDelta, m.reason, m.actorId])).toEqual([
      ["TRANSFER_OUT", a!.id, -4, "Rebalance", shop.owner.id],
      ["TRANSFER_IN", b!.id, 4, "Rebalance", shop.owner.id],
    ]);
  });

  it("lists stock per warehouse, searches by SKU or title, filters low stock and counts it", async () => {
    const shop = await stockedShop(db, { warehouses: 2, variants: 3 });
    const seller = callerFor(db, shop.owner);
    const [v1, v2, v3] = shop.variants;
    await putStock(db, shop, v1!.id, shop.warehouses[0]!.id, 40);
    await putStock(db, shop, v1!.id, shop.warehouses[1]!.id, 2);
    await putStock(db, shop, v2!.id, shop.warehouses[0]!.id, 3);
    const all = await seller.inventory.listStock({ vendorId: shop.vendor.id });
    expect(all.total).toBe(3);
    const row1 = all.items.find((r) => r.variantId === v1!.id)!;
    expect(row1).toMatchObject({ onHand: 42, reserved: 0, available: 42, low: false, lowStockThreshold: 5 });
    expect(row1.levels).toHaveLength(2);
    const low = await seller.inventory.listStock({ vendorId: shop.vendor.id, lowStockOnly: true });
    expect(low.items.map((r) => r.variantId).sort()).toEqual([v2!.id, v3!.id].sort());
    expect(await seller.inventory.countLowStock({ vendorId: shop.vendor.id })).toBe(2);
    const bySku = await seller.inventory.listStock({ vendorId: shop.vendor.id, q: v3!.sku.slice(-6) });
    expect(bySku.items.map((r) => r.variantId)).toEqual([v3!.id]);
    expect((await seller.inventory.listStock({ vendorId: shop.vendor.id, q: "100%_" })).total).toBe(0);
  });

  it("raises inventory.lowStock once per dip and re-arms when stock recovers", async () => {
    const shop = await stockedShop(db);
    const seller = callerFor(db, shop.owner);
    const [variant] = shop.variants;
    const ref = { vendorId: shop.vendor.id, variantId: variant!.id, warehouseId: shop.warehouses[0]!.id };
    const lowEvents = () => db.outboxEvent.count({ where: { type: "inventory.lowStock", aggregateId: variant!.id } });
    await seller.inventory.setStock({ ...ref, onHand: 30, reason: "in" });
    expect(await lowEvents()).toBe(0);
    await seller.inventory.updateInventoryItem({ vendorId: shop.vendor.id, variantId: variant!.id, lowStockThreshold: 10, maxPerOrder: 2 });
    await seller.inventory.setStock({ ...ref, onHand: 8, reason: "count" });
    expect(await lowEvents()).toBe(1);
    expect((await db.inventoryItem.findUniqueOrThrow({ where: { variantId: variant!.id } })).lowStockNotifiedAt).toBeInstanceOf(Date);
    await seller.inventory.setStock({ ...ref, onHand: 4, reason: "count" });
    expect(await lowEvents()).toBe(1);
    await seller.inventory.setStock({ ...ref, onHand: 25, reason: "in" });
    expect((await db.inventoryItem.findUniqueOrThrow({ where: { variantId: variant!.id } })).lowStockNotifiedAt).toBeNull();
    await seller.inventory.setStock({ ...ref, onHand: 10, reason: "count" });
    expect(await lowEvents()).toBe(2);
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: "inventory.lowStock", aggregateId: variant!.id }, orderBy: { id: "desc" } });
    expect(event.payload).toEqual({ vendorId: shop.vendor.id, variantId: variant!.id, available: 10, threshold: 10 });
    expect(await db.outboxEvent.count({ where: { type: "inventory.stockChanged", aggregateId: variant!.id } })).toBeGreaterThanOrEqual(5);
    expect(await db.auditLog.count({ where: { action: "inventory.settings", resourceId: variant!.id } })).toBe(1);
  });

  it("bulk-updates from CSV, one row at a time, reporting each refused row", async () => {
    const shop = await stockedShop(db, { warehouses: 2, variants: 2 });
    const other = await stockedShop(db);
    const seller = callerFor(db, shop.owner);
    const [v1, v2] = shop.variants;
    const csv = [
      "SKU,Warehouse,On_Hand,Reason",
      `${v1!.sku},wh1,15,Delivery`,
      `${v2!.sku},WH2,7,`,
      `${other.variants[0]!.sku},WH1,5,`,
      `${v1!.sku},NOPE,5,`,
      `${v2!.sku},WH1,-3,`,
      `${v1!.sku},WH1,15,`,
    ].join("\n");
    const result = await seller.inventory.importStock({ vendorId: shop.vendor.id, csv });
    expect(result).toMatchObject({ rows: 6, updated: 2, unchanged: 1 });
    expect(result.errors).toEqual([
      { row: 4, column: "sku", messageKey: "inventory.csvSkuUnknown", params: { value: other.variants[0]!.sku } },
      { row: 5, column: "warehouse", messageKey: "inventory.csvWarehouseUnknown", params: { value: "NOPE" } },
      { row: 6, column: "on_hand", messageKey: "inventory.csvNumberInvalid", params: { value: "-3" } },
    ]);
    expect((await db.stockLevel.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId: v1!.id, warehouseId: shop.warehouses[0]!.id } } })).onHand).toBe(15);
    expect((await db.stockLevel.findUniqueOrThrow({ where: { variantId_warehouseId: { variantId: v2!.id, warehouseId: shop.warehouses[1]!.id } } })).onHand).toBe(7);
    expect(await db.stockMovement.findFirst({ where: { variantId: v2!.id } })).toMatchObject({ reason: "CSV", actorId: shop.owner.id, kind: "RECEIVE" });
    expect(await db.auditLog.findFirstOrThrow({ where: { action: "inventory.import", resourceId: shop.vendor.id } })).toMatchObject({ metadata: { rows: 6, updated: 2, unchanged: 1, failed: 3 } });
    expect(keyOf(await errorOf(seller.inventory.importStock({ vendorId: shop.vendor.id, csv: "sku,on_hand\nA,1" })))).toBe("inventory.csvMissingColumn");
  });
});

describe("access", () => {
  it("refuses a seller of another vendor on every procedure, and foreign rows under the seller's own vendor", async () => {
    const shop = await stockedShop(db, { warehouses: 2 });
    const intruder = await stockedShop(db);
    const stranger = await createUser(db);
    const vendorId = shop.vendor.id;
    const variantId = shop.variants[0]!.id;
    const [a, b] = shop.warehouses;
    const calls = (c: ReturnType<typeof callerFor>, v: string) => [
      c.inventory.listWarehouses({ vendorId: v }),
      c.inventory.createWarehouse({ vendorId: v, code: "EVIL", name: "Evil", countryCode: "FR" }),
      c.inventory.updateWarehouse({ vendorId: v, warehouseId: a!.id, name: "Evil", countryCode: "FR", isDefault: true }),
      c.inventory.listStock({ vendorId: v }),
      c.inventory.countLowStock({ vendorId: v }),
      c.inventory.setStock({ vendorId: v, variantId, warehouseId: a!.id, onHand: 999, reason: "x" }),
      c.inventory.transferStock({ vendorId: v, variantId, fromWarehouseId: a!.id, toWarehouseId: b!.id, quantity: 1, reason: "x" }),
      c.inventory.updateInventoryItem({ vendorId: v, variantId, lowStockThreshold: 1, maxPerOrder: null }),
      c.inventory.getLedger({ vendorId: v, variantId }),
      c.inventory.importStock({ vendorId: v, csv: `sku,warehouse,on_hand\n${shop.variants[0]!.sku},WH1,999` }),
    ];
    for (const user of [intruder.owner, stranger]) {
      const results = await Promise.allSettled(calls(callerFor(db, user), vendorId));
      expect(results.map((r) => (r.status === "rejected" ? codeOf(r.reason) : "ok"))).toEqual(Array(10).fill("FORBIDDEN"));
    }
    expect((await Promise.allSettled(calls(callerFor(db, null), vendorId))).map((r) => (r.status === "rejected" ? codeOf(r.reason) : "ok")))
      .toEqual(Array(10).fill("UNAUTHORIZED"));
    // The intruder names its own vendor but the victim's rows: not found, nothing changes.
    const own = callerFor(db, intruder.owner);
    const mine = intruder.vendor.id;
    const refused = await Promise.allSettled([
      own.inventory.updateWarehouse({ vendorId: mine, warehouseId: a!.id, name: "Evil", countryCode: "FR", isDefault: true }),
      own.inventory.setStock({ vendorId: mine, variantId, warehouseId: intruder.warehouses[0]!.id, onHand: 999, reason: "x" }),
      own.inventory.setStock({ vendorId: mine, variantId: intruder.variants[0]!.id, warehouseId: a!.id, onHand: 999, reason: "x" }),
      own.inventory.transferStock({ vendorId: mine, variantId: intruder.variants[0]!.id, fromWarehouseId: intruder.warehouses[0]!.id, toWarehouseId: a!.id, quantity: 1, reason: "x" }),
      own.inventory.updateInventoryItem({ vendorId: mine, variantId, lowStockThreshold: 1, maxPerOrder: null }),
      own.inventory.getLedger({ vendorId: mine, variantId }),
    ]);
    expect(refused.map((r) => (r.status === "rejected" ? codeOf(r.reason) : "ok"))).toEqual(Array(6).fill("NOT_FOUND"));
    expect(await db.stockLevel.count({ where: { warehouseId: { in: [a!.id, b!.id] } } })).toBe(0);
    expect(await db.warehouse.findUniqueOrThrow({ where: { id: a!.id } })).toMatchObject({ name: "Warehouse 1" });
    expect(await db.inventoryItem.count({ where: { variantId } })).toBe(0);
  });

  it("lets a staff member with inventory.write in, and not one without it", async () => {
    const shop = await stockedShop(db);
    const clerk = await createUser(db);
    const packer = await createUser(db);
    await db.vendorMembership.create({ data: { userId: clerk.id, vendorId: shop.vendor.id, role: "STAFF", permissions: ["inventory.write"] } });
    await db.vendorMembership.create({ data: { userId: packer.id, vendorId: shop.vendor.id, role: "STAFF", permissions: ["orders.fulfil"] } });
    expect(await callerFor(db, clerk).inventory.listWarehouses({ vendorId: shop.vendor.id })).toHaveLength(1);
    expect(codeOf(await errorOf(callerFor(db, packer).inventory.listWarehouses({ vendorId: shop.vendor.id })))).toBe("FORBIDDEN");
  });
});
