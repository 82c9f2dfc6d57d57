// Demo stock: one default warehouse per shop (Tech Haven also has a second one), stock for every
// variant (mostly 5–80 units, about 5% sold out and 10% low), per-variant settings and an
// opening RECEIVE row in the ledger. Deterministic (derived from each SKU) and skipped when any
// warehouse exists, so re-seeding never touches stock that has moved since.
import crypto from "node:crypto";
import type { PrismaClient } from "@/prisma/generated/client/client";

const LOCATIONS: Record<string, { countryCode: string; city: string; name: string }> = {
  "nordic-home": { countryCode: "SE", city: "Stockholm", name: "Stockholm warehouse" },
  "tech-haven": { countryCode: "DE", city: "Berlin", name: "Berlin fulfilment centre" },
  "atelier-lumiere": { countryCode: "FR", city: "Lyon", name: "Atelier Lyon" },
  "casa-verde": { countryCode: "ES", city: "Valencia", name: "Almacén Valencia" },
  "silk-road-textiles": { countryCode: "AE", city: "Dubai", name: "Dubai depot" },
  "peak-outdoors": { countryCode: "US", city: "Denver", name: "Denver warehouse" },
  "little-sprouts": { countryCode: "GB", city: "Bristol", name: "Bristol stockroom" },
  "golden-spoon": { countryCode: "CN", city: "Shanghai", name: "Shanghai warehouse" },
};
const SECOND = { slug: "tech-haven", code: "NL", countryCode: "NL", city: "Rotterdam", name: "Rotterdam overflow" };

/** A stable number in [0, 1) from a string. */
function unit(text: string): number {
  return crypto.createHash("sha256").update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/** Units on hand for a SKU: ~5% at 0, ~10% at 1–4 (under the default threshold of 5), else 5–80. */
export function openingStock(sku: string): number {
  const r = unit(`stock:${sku}`);
  if (r < 0.05) return 0;
  if (r < 0.15) return 1 + Math.floor(unit(`low:${sku}`) * 4);
  return 5 + Math.floor(unit(`qty:${sku}`) * 76);
}

export async function seedInventory(db: PrismaClient, log: (line: string) => void = () => {}): Promise<number> {
  if ((await db.warehouse.count()) > 0) {
    log("inventory: warehouses exist, skipped");
    return 0;
  }
  const vendors = await db.vendor.findMany({ orderBy: { slug: "asc" }, select: { id: true, slug: true } });
  let variantsStocked = 0;
  for (const vendor of vendors) {
    const location = LOCATIONS[vendor.slug] ?? { countryCode: "US", city: "", name: "Main warehouse" };
    const main = await db.warehouse.create({ data: { vendorId: vendor.id, code: "MAIN", isDefault: true, ...location } });
    const second = vendor.slug === SECOND.slug
      ? await db.warehouse.create({ data: { vendorId: vendor.id, code: SECOND.code, name: SECOND.name, countryCode: SECOND.countryCode, city: SECOND.city } })
      : null;
    const variants = await db.productVariant.findMany({ where: { vendorId: vendor.id }, orderBy: { sku: "asc" }, select: { id: true, sku: true } });
    const levels: { variantId: string; warehouseId: string; onHand: number }[] = [];
    for (const v of variants) {
      const total = openingStock(v.sku);
      // A third of Tech Haven's stock sits in Rotterdam.
      const elsewhere = second && total >= 6 ? Math.floor(total / 3) : 0;
      levels.push({ variantId: v.id, warehouseId: main.id, onHand: total - elsewhere });
      if (second && elsewhere) levels.push({ variantId: v.id, warehouseId: second.id, onHand: elsewhere });
    }
    const now = new Date();
    await db.stockLevel.createMany({ data: levels });
    await db.stockMovement.createMany({
      data: levels.filter((l) => l.onHand > 0).map((l) => ({
        variantId: l.variantId, warehouseId: l.warehouseId, vendorId: vendor.id, kind: "RECEIVE" as const, onHandDelta: l.onHand, onHandAfter: l.onHand,
        reservedAfter: 0, reason: "Opening stock",
      })),
    });
    await db.inventoryItem.createMany({
      data: variants.map((v) => {
        const total = openingStock(v.sku);
        const threshold = 5;
        // Some popular items are limited per order, as a flash sale would.
        const maxPerOrder = unit(`max:${v.sku}`) < 0.05 ? 3 : null;
        return { variantId: v.id, vendorId: vendor.id, lowStockThreshold: threshold, maxPerOrder, lowStockNotifiedAt: total <= threshold ? now : null };
      }),
    });
    variantsStocked += variants.length;
  }
  log(`inventory: ${vendors.length} shops, ${variantsStocked} variants stocked`);
  return variantsStocked;
}
