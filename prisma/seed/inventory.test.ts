import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { getAvailability } from "@/server/modules/inventory";
import { stockedShop } from "@/server/modules/inventory/inventory.test-helpers";
import { openingStock, seedInventory } from "./inventory";

describe("seedInventory", () => {
  it("stocks every variant in a default warehouse per shop, Tech Haven in two, once", async () => {
    const plain = await stockedShop(db, { warehouses: 0, variants: 3 });
    const tech = await stockedShop(db, { warehouses: 0, variants: 3 });
    await db.vendor.update({ where: { id: tech.vendor.id }, data: { slug: "tech-haven" } });

    const stocked = await seedInventory(db);
    expect(stocked).toBe(6);
    const warehouses = await db.warehouse.findMany({ orderBy: [{ vendorId: "asc" }, { code: "asc" }] });
    expect(warehouses.filter((w) => w.vendorId === plain.vendor.id).map((w) => [w.code, w.isDefault])).toEqual([["MAIN", true]]);
    expect(warehouses.filter((w) => w.vendorId === tech.vendor.id).map((w) => [w.code, w.isDefault, w.countryCode])).toEqual([["MAIN", true, "DE"], ["NL", false, "NL"]]);
    for (const v of [...plain.variants, ...tech.variants]) {
      const [availability] = await getAvailability(db, [v.id]);
      expect(availability!.available).toBe(openingStock(v.sku));
      expect(await db.inventoryItem.count({ where: { variantId: v.id } })).toBe(1);
    }
    const received = await db.stockMovement.aggregate({ where: { kind: "RECEIVE" }, _sum: { onHandDelta: true } });
    const onHand = await db.stockLevel.aggregate({ _sum: { onHand: true } });
    expect(received._sum.onHandDelta).toBe(onHand._sum.onHand);

    expect(await seedInventory(db)).toBe(0);
    expect(await db.warehouse.count()).toBe(3);
  });

  it("spreads opening stock like a real shop: some sold out, some low, most plenty", () => {
    const values = Array.from({ length: 2000 }, (_, i) => openingStock(`SKU-${i}`));
    const share = (f: (n: number) => boolean) => values.filter(f).length / values.length;
    expect(share((n) => n === 0)).toBeGreaterThan(0.03);
    expect(share((n) => n === 0)).toBeLessThan(0.07);
    expect(share((n) => n > 0 && n < 5)).toBeGreaterThan(0.07);
    expect(share((n) => n > 0 && n < 5)).toBeLessThan(0.13);
    expect(Math.max(...values)).toBeLessThanOrEqual(80);
    expect(openingStock("SKU-1")).toBe(openingStock("SKU-1"));
  });
});
