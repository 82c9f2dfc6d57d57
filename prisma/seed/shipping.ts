// Demo shipping methods: Standard and Express for every shop, priced in the currency most of the
// shop's products use. Idempotent: a shop that already has a method of that name keeps it.
import type { PrismaClient } from "@/prisma/generated/client/client";
import { currencyDigits } from "@/lib/money";

const METHODS = [
  { name: "Standard", price: 4.99, freeOver: 50, minDays: 3, maxDays: 7, position: 0 },
  { name: "Express", price: 14.99, freeOver: null, minDays: 1, maxDays: 2, position: 1 },
] as const;

/** Adds the demo methods to each shop that lacks them; returns how many were created. */
export async function seedShippingRules(db: PrismaClient): Promise<number> {
  const vendors = await db.vendor.findMany({ select: { id: true }, orderBy: { slug: "asc" } });
  const currencies = await db.product.groupBy({ by: ["vendorId", "currency"], _count: { _all: true } });
  let created = 0;
  for (const vendor of vendors) {
    const mine = currencies.filter((c) => c.vendorId === vendor.id).sort((a, b) => b._count._all - a._count._all || a.currency.localeCompare(b.currency));
    const currency = mine[0]?.currency.trim() ?? "USD";
    const unit = 10 ** currencyDigits(currency);
    const existing = new Set((await db.shippingRule.findMany({ where: { vendorId: vendor.id }, select: { name: true } })).map((r) => r.name));
    for (const method of METHODS) {
      if (existing.has(method.name)) continue;
      await db.shippingRule.create({
        data: {
          vendorId: vendor.id, name: method.name, currency, price: Math.round(method.price * unit),
          freeOver: method.freeOver === null ? null : Math.round(method.freeOver * unit),
          minDays: method.minDays, maxDays: method.maxDays, position: method.position,
        },
      });
      created += 1;
    }
  }
  return created;
}
