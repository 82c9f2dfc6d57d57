// Reads of the ledger for the seller finance pages and the admin console, and the commission
// settings. Seller reads check the membership again (the procedure already did).
import type { VendorPermission } from "@/lib/permissions";
import type { DbTx } from "@/server/db";
import { env } from "@/server/env";
import type { Actor } from "@/server/lib/actor";
import { forbidden, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { usingStripe } from "@/server/modules/payments/providers";
import { getVendorMembership } from "@/server/modules/vendors";
import { commissionKey, DEFAULT_COMMISSION_BPS } from "./commission";
import { ListAllPayoutsInput, ListVendorEntriesInput, SetCommissionInput, SetVendorPayoutAccountInput } from "./ledger.schema";

async function requireVendor(db: DbTx, actor: Actor, vendorId: string, permission: VendorPermission = "payouts.read") {
  const membership = await getVendorMembership(db, actor.userId, vendorId);
  if (!membership || !membership.effectivePermissions.has(permission)) throw forbidden();
}

export interface CurrencyBalance {
  currency: string;
  pending: number;
  available: number;
  paidOut: number;
}

/** The vendor's pending / available / paid-out balances per currency. */
export async function getVendorBalances(db: DbTx, actor: Actor, vendorId: string) {
  await requireVendor(db, actor, vendorId);
  const accounts = await db.ledgerAccount.findMany({ where: { vendorId }, select: { type: true, currency: true, balance: true } });
  const byCurrency = new Map<string, CurrencyBalance>();
  for (const a of accounts) {
    const currency = a.currency.trim();
    const row = byCurrency.get(currency) ?? { currency, pending: 0, available: 0, paidOut: 0 };
    if (a.type === "VENDOR_PENDING") row.pending = a.balance;
    else if (a.type === "VENDOR_AVAILABLE") row.available = a.balance;
    else if (a.type === "VENDOR_PAID_OUT") row.paidOut = a.balance;
    byCurrency.set(currency, row);
  }
  const vendor = await db.vendor.findUniqueOrThrow({ where: { id: vendorId }, select: { stripeAccountId: true } });
  return {
    balances: [...byCurrency.values()].sort((a, b) => a.currency.localeCompare(b.currency)),
    minimum: env.PAYOUT_MINIMUM, holdDays: env.PAYOUT_HOLD_DAYS,
    // With Stripe, payouts need the vendor's Connect account; the sandbox transfers to the vendor id.
    needsConnectedAccount: usingStripe && !vendor.stripeAccountId,
  };
}

/** The vendor's ledger entries, newest first, one page at a time. */
export async function listVendorEntries(db: DbTx, actor: Actor, raw: ListVendorEntriesInput) {
  const input = ListVendorEntriesInput.parse(raw);
  await requireVendor(db, actor, input.vendorId);
  const where = { vendorId: input.vendorId };
  const [total, rows] = await Promise.all([
    db.ledgerEntry.count({ where }),
    db.ledgerEntry.findMany({
      where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize,
      select: { id: true, amount: true, createdAt: true, subOrderId: true, payoutId: true, account: { select: { type: true, currency: true } }, transaction: { select: { kind: true, memo: true } } },
    }),
  ]);
  const subs = await db.subOrder.findMany({ where: { id: { in: rows.map((r) => r.subOrderId).filter((id): id is string => Boolean(id)) } }, select: { id: true, number: true } });
  const numbers = new Map(subs.map((s) => [s.id, s.number]));
  return {
    total, page: input.page, pageSize: input.pageSize,
    items: rows.map((r) => ({
      id: r.id, createdAt: r.createdAt, amount: r.amount, currency: r.account.currency.trim(), account: r.account.type, kind: r.transaction.kind,
      subOrderNumber: r.subOrderId ? (numbers.get(r.subOrderId) ?? null) : null, payoutId: r.payoutId,
    })),
  };
}

/** Net earnings of the last `weeks` weeks (sales credited to pending, minus refunds), per currency. */
export async function weeklyEarnings(db: DbTx, actor: Actor, vendorId: string, now = new Date(), weeks = 8) {
  await requireVendor(db, actor, vendorId);
  const start = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  start.setUTCDate(start.getUTCDate() - ((start.getUTCDay() + 6) % 7) - 7 * (weeks - 1));
  const rows = await db.$queryRaw<{ week: Date; currency: string; total: bigint }[]>`
    SELECT date_trunc('week', e."createdAt") AS "week", a."currency", SUM(e."amount") AS "total"
    FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a."id" = e."accountId" JOIN "LedgerTransaction" t ON t."id" = e."transactionId"
    WHERE e."vendorId" = ${vendorId} AND e."createdAt" >= ${start}
      AND t."kind" IN ('CHARGE', 'CASH_ON_DELIVERY', 'REFUND') AND a."type" IN ('VENDOR_PENDING', 'VENDOR_AVAILABLE')
    GROUP BY 1, 2 ORDER BY 1`;
  const weekStarts = Array.from({ length: weeks }, (_, i) => new Date(start.getTime() + i * 7 * 86_400_000));
  const currencies = [...new Set(rows.map((r) => r.currency.trim()))];
  return currencies.map((currency) => ({
    currency,
    weeks: weekStarts.map((week) => ({
      week, total: Number(rows.find((r) => r.currency.trim() === currency && r.week.getTime() === week.getTime())?.total ?? 0),
    })),
  }));
}

/** The vendor's payouts, newest first. */
export async function listVendorPayouts(db: DbTx, actor: Actor, raw: ListVendorEntriesInput) {
  const input = ListVendorEntriesInput.parse(raw);
  await requireVendor(db, actor, input.vendorId);
  const where = { vendorId: input.vendorId };
  const [total, items] = await Promise.all([
    db.vendorPayoutRequest.count({ where }),
    db.vendorPayoutRequest.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items: items.map((p) => ({ ...p, currency: p.currency.trim() })) };
}

export interface StatementLine {
  date: Date;
  kind: string;
  account: string;
  reference: string;
  amount: number;
  currency: string;
}

/** A payout period's statement: the vendor's entries in [periodStart, periodEnd) and the payout itself. */
export async function payoutStatement(db: DbTx, actor: Actor, input: { vendorId: string; payoutId: string }) {
  await requireVendor(db, actor, input.vendorId);
  const payout = await db.vendorPayoutRequest.findFirst({ where: { id: input.payoutId, vendorId: input.vendorId }, include: { vendor: { select: { name: true } } } });
  if (!payout) throw notFound("payouts.notFound");
  const entries = await db.ledgerEntry.findMany({
    where: { vendorId: input.vendorId, account: { currency: payout.currency }, OR: [{ createdAt: { gte: payout.periodStart, lt: payout.periodEnd } }, { payoutId: payout.id }] },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { amount: true, createdAt: true, subOrderId: true, payoutId: true, account: { select: { type: true } }, transaction: { select: { kind: true } } },
  });
  const subs = await db.subOrder.findMany({ where: { id: { in: entries.map((e) => e.subOrderId).filter((id): id is string => Boolean(id)) } }, select: { id: true, number: true } });
  const numbers = new Map(subs.map((s) => [s.id, s.number]));
  const currency = payout.currency.trim();
  const lines: StatementLine[] = entries.map((e) => ({
    date: e.createdAt, kind: e.transaction.kind, account: e.account.type, amount: e.amount, currency,
    reference: e.subOrderId ? (numbers.get(e.subOrderId) ?? e.subOrderId) : (e.payoutId ?? ""),
  }));
  return { payout: { ...payout, currency, vendorName: payout.vendor.name }, lines };
}

/** Every payout (admin), newest first. */
export async function listAllPayouts(db: DbTx, raw: ListAllPayoutsInput) {
  const input = ListAllPayoutsInput.parse(raw);
  const where = input.status ? { status: input.status } : {};
  const [total, items] = await Promise.all([
    db.vendorPayoutRequest.count({ where }),
    db.vendorPayoutRequest.findMany({ where, include: { vendor: { select: { name: true, slug: true } } }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (input.page - 1) * input.pageSize, take: input.pageSize }),
  ]);
  return { total, page: input.page, pageSize: input.pageSize, items: items.map((p) => ({ ...p, currency: p.currency.trim() })) };
}

/** The default rate and every override, with names for the admin page. */
export async function getCommissionSettings(db: DbTx) {
  const rules = await db.commissionRule.findMany({
    include: { vendor: { select: { id: true, name: true } }, category: { select: { id: true, names: true, slug: true } } },
    orderBy: { key: "asc" },
  });
  return {
    defaultBps: rules.find((r) => r.key === commissionKey.default())?.rateBps ?? DEFAULT_COMMISSION_BPS,
    vendors: rules.filter((r) => r.vendor).map((r) => ({ vendorId: r.vendor!.id, name: r.vendor!.name, rateBps: r.rateBps, updatedAt: r.updatedAt })),
    categories: rules.filter((r) => r.category).map((r) => ({ categoryId: r.category!.id, slug: r.category!.slug, names: r.category!.names as Record<string, string>, rateBps: r.rateBps, updatedAt: r.updatedAt })),
  };
}

/** Sets or removes one commission rule; audited. Applies to charges posted from now on. */
export async function setCommissionRule(db: DbTx, actor: Actor, raw: SetCommissionInput) {
  const input = SetCommissionInput.parse(raw);
  const key = input.scope === "default" ? commissionKey.default() : input.scope === "vendor" ? commissionKey.vendor(input.vendorId) : commissionKey.category(input.categoryId);
  const before = await db.commissionRule.findUnique({ where: { key }, select: { rateBps: true } });
  if (input.scope === "vendor" && !(await db.vendor.findUnique({ where: { id: input.vendorId }, select: { id: true } }))) throw notFound("commission.vendorNotFound");
  if (input.scope === "category" && !(await db.category.findUnique({ where: { id: input.categoryId }, select: { id: true } }))) throw notFound("commission.categoryNotFound");
  if (input.rateBps === null) {
    await db.commissionRule.deleteMany({ where: { key } });
  } else {
    const data = { rateBps: input.rateBps, updatedBy: actor.userId, vendorId: input.scope === "vendor" ? input.vendorId : null, categoryId: input.scope === "category" ? input.categoryId : null };
    await db.commissionRule.upsert({ where: { key }, create: { key, ...data }, update: data });
  }
  await recordAudit(db, actor, { action: "commission.set", resourceType: "commissionRule", resourceId: key, metadata: { from: before?.rateBps ?? null, to: input.rateBps } });
  return getCommissionSettings(db);
}

/** Shops and categories an override can name (the admin form's choices). */
export async function commissionOptions(db: DbTx, locale: string) {
  const [vendors, categories] = await Promise.all([
    db.vendor.findMany({ where: { status: { not: "CLOSED" } }, select: { id: true, name: true }, orderBy: { name: "asc" }, take: 1000 }),
    db.category.findMany({ select: { id: true, names: true, ancestorIds: true, position: true }, take: 2000 }),
  ]);
  const nameOf = (names: unknown) => {
    const n = names as Record<string, string>;
    return n[locale] ?? n.en ?? "";
  };
  const byId = new Map(categories.map((c) => [c.id, c]));
  const label = (c: (typeof categories)[number]) => [...c.ancestorIds.map((id) => byId.get(id)).filter(Boolean).map((a) => nameOf(a!.names)), nameOf(c.names)].join(" › ");
  return {
    vendors,
    categories: categories.map((c) => ({ id: c.id, label: label(c) })).sort((a, b) => a.label.localeCompare(b.label)),
  };
}

/** Sets the Stripe Connect account a vendor's payouts go to; audited. */
export async function setVendorPayoutAccount(db: DbTx, actor: Actor, raw: SetVendorPayoutAccountInput) {
  const input = SetVendorPayoutAccountInput.parse(raw);
  const before = await db.vendor.findUnique({ where: { id: input.vendorId }, select: { stripeAccountId: true } });
  if (!before) throw notFound("commission.vendorNotFound");
  await db.vendor.update({ where: { id: input.vendorId }, data: { stripeAccountId: input.stripeAccountId } });
  await recordAudit(db, actor, { action: "vendor.payoutAccount", resourceType: "vendor", resourceId: input.vendorId, metadata: { from: before.stripeAccountId, to: input.stripeAccountId } });
  return { vendorId: input.vendorId, stripeAccountId: input.stripeAccountId };
}
