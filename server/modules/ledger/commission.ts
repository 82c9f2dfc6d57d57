// Commission rates in basis points. Precedence: the nearest category rule up the product's
// category path (leaf first) beats the vendor's rule, which beats the platform default. A
// missing default row means DEFAULT_COMMISSION_BPS.
import type { DbTx } from "@/server/db";

export const DEFAULT_COMMISSION_BPS = 1000;

export const commissionKey = {
  default: () => "default",
  vendor: (vendorId: string) => `vendor:${vendorId}`,
  category: (categoryId: string) => `category:${categoryId}`,
};

export interface RuleSet {
  defaultBps: number;
  vendorBps: number | null;
  categoryBps: Map<string, number>;
}

/** Picks the rate for one product's category path (root → leaf) from a loaded rule set. */
export function rateFor(rules: RuleSet, categoryPath: readonly string[]): number {
  for (let i = categoryPath.length - 1; i >= 0; i--) {
    const rate = rules.categoryBps.get(categoryPath[i]!);
    if (rate !== undefined) return rate;
  }
  return rules.vendorBps ?? rules.defaultBps;
}

/** The rules that can apply to a vendor's products in these categories. */
export async function loadRules(tx: DbTx, vendorId: string, categoryIds: readonly string[]): Promise<RuleSet> {
  const keys = [commissionKey.default(), commissionKey.vendor(vendorId), ...[...new Set(categoryIds)].map(commissionKey.category)];
  const rows = await tx.commissionRule.findMany({ where: { key: { in: keys } } });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    defaultBps: byKey.get(commissionKey.default())?.rateBps ?? DEFAULT_COMMISSION_BPS,
    vendorBps: byKey.get(commissionKey.vendor(vendorId))?.rateBps ?? null,
    categoryBps: new Map(rows.filter((r) => r.categoryId).map((r) => [r.categoryId!, r.rateBps])),
  };
}

/** Commission on `amount` at `bps`, rounded half up (never more than the amount). */
export function commissionOf(amount: number, bps: number): number {
  return Math.min(amount, Math.floor((amount * bps + 5000) / 10000));
}

/** The sandbox's (and Stripe's estimated) processing fee on a charge: 2.9% + 30, at most the charge. */
export function processingFee(charge: number): number {
  if (charge <= 0) return 0;
  return Math.min(charge, Math.floor((charge * 290 + 5000) / 10000) + 30);
}
