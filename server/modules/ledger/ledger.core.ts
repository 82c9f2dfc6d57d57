// The double-entry core: every movement of money is one LedgerTransaction whose entries sum
// to zero (checked here, and again at COMMIT by a deferred constraint trigger). Amounts are
// signed and credit-positive: a vendor account's balance is what the platform owes the vendor.
// A transaction is unique per (kind, sourceId), so a replayed event cannot post twice.
import crypto from "node:crypto";
import type { LedgerAccountType, LedgerTransactionKind } from "@/prisma/generated/client/client";
import type { DbTx } from "@/server/db";

export type VendorAccountType = Extract<LedgerAccountType, `VENDOR_${string}`>;
export type PlatformAccountType = Extract<LedgerAccountType, `PLATFORM_${string}`>;

export type AccountRef = { type: VendorAccountType; vendorId: string } | { type: PlatformAccountType; vendorId?: undefined };

export interface Posting {
  account: AccountRef;
  amount: number;
  subOrderId?: string | null;
  payoutId?: string | null;
}

export interface NewLedgerTransaction {
  kind: LedgerTransactionKind;
  sourceId: string;
  currency: string;
  orderId?: string | null;
  memo?: string;
  postings: Posting[];
}

/** The account's stable key: "vendor:<id>:<type>:<currency>" or "platform:<type>:<currency>". */
export function accountKey(account: AccountRef, currency: string): string {
  const type = account.type.replace(/^(VENDOR|PLATFORM)_/, "").toLowerCase();
  return account.vendorId ? `vendor:${account.vendorId}:${type}:${currency}` : `platform:${type}:${currency}`;
}

export class UnbalancedTransactionError extends Error {
  constructor(sum: number) {
    super(`ledger transaction does not balance (sum ${sum})`);
    this.name = "UnbalancedTransactionError";
  }
}

/** Creates the account if it does not exist yet; returns its id. */
export async function ensureAccount(tx: DbTx, account: AccountRef, currency: string): Promise<string> {
  const key = accountKey(account, currency);
  await tx.$executeRaw`
    INSERT INTO "LedgerAccount" ("id", "key", "type", "vendorId", "currency")
    VALUES (${crypto.randomUUID()}, ${key}, ${account.type}::"LedgerAccountType", ${account.vendorId ?? null}, ${currency})
    ON CONFLICT ("key") DO NOTHING`;
  const row = await tx.ledgerAccount.findUniqueOrThrow({ where: { key }, select: { id: true } });
  return row.id;
}

/**
 * Posts a balanced transaction: returns its id, or null when (kind, sourceId) was posted before.
 * Account balances are updated in key order, so concurrent postings never deadlock.
 */
export async function postTransaction(tx: DbTx, input: NewLedgerTransaction): Promise<string | null> {
  const currency = input.currency.trim();
  const postings = input.postings.filter((p) => p.amount !== 0);
  for (const p of postings) if (!Number.isSafeInteger(p.amount)) throw new RangeError("ledger amounts are integers of minor units");
  const sum = postings.reduce((s, p) => s + p.amount, 0);
  if (sum !== 0) throw new UnbalancedTransactionError(sum);

  const id = crypto.randomUUID();
  const inserted = await tx.$executeRaw`
    INSERT INTO "LedgerTransaction" ("id", "kind", "sourceId", "currency", "orderId", "memo")
    VALUES (${id}, ${input.kind}::"LedgerTransactionKind", ${input.sourceId}, ${currency}, ${input.orderId ?? null}, ${input.memo ?? ""})
    ON CONFLICT ("kind", "sourceId") DO NOTHING`;
  if (inserted === 0) return null;
  if (postings.length === 0) return id;

  const keyed = postings.map((p) => ({ ...p, key: accountKey(p.account, currency) }));
  const ids = new Map<string, string>();
  for (const key of [...new Set(keyed.map((p) => p.key))].sort()) {
    const p = keyed.find((x) => x.key === key)!;
    ids.set(key, await ensureAccount(tx, p.account, currency));
  }
  const deltas = new Map<string, number>();
  for (const p of keyed) deltas.set(p.key, (deltas.get(p.key) ?? 0) + p.amount);
  for (const key of [...deltas.keys()].sort()) {
    const delta = deltas.get(key)!;
    if (delta !== 0) await tx.$executeRaw`UPDATE "LedgerAccount" SET "balance" = "balance" + ${delta} WHERE "id" = ${ids.get(key)!}`;
  }
  await tx.ledgerEntry.createMany({
    data: keyed.map((p) => ({
      transactionId: id, accountId: ids.get(p.key)!, amount: p.amount,
      vendorId: p.account.vendorId ?? null, subOrderId: p.subOrderId ?? null, payoutId: p.payoutId ?? null,
    })),
  });
  return id;
}

/** The sum of a vendor account's entries for one sub-order (e.g. what is still pending of a sale). */
export async function subOrderBalance(tx: DbTx, subOrderId: string, type: VendorAccountType): Promise<number> {
  const rows = await tx.$queryRaw<{ total: bigint | null }[]>`
    SELECT SUM(e."amount") AS "total" FROM "LedgerEntry" e JOIN "LedgerAccount" a ON a."id" = e."accountId"
    WHERE e."subOrderId" = ${subOrderId} AND a."type" = ${type}::"LedgerAccountType"`;
  return Number(rows[0]?.total ?? 0);
}
