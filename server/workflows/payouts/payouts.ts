// Payouts: a vendor's available balance sent to its account. The ledger debit is claimed first
// in a transaction that locks the vendor's available account (so two claims run one at a
// time and the second sees the first); the provider's transfer() is called after that commits,
// outside any transaction, with the key "payout:<vendorId>:<periodStart ISO>:<currency>". A
// crash in between leaves a PENDING payout that the job sends again with the same key; a
// transfer the provider refuses reverses the claim. A negative balance is never paid out.
import type { Db } from "@/server/db";
import { env } from "@/server/env";
import { AppError, conflict } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { recordAudit } from "@/server/modules/audit";
import { ensureAccount, postTransaction } from "@/server/modules/ledger/ledger.core";
import type { PaymentProvider } from "@/server/modules/payments/providers";
import type { Actor } from "@/server/lib/actor";

/** The provider's idempotency key of a payout. */
export function payoutKey(p: { vendorId: string; periodStart: Date; currency: string }) {
  return `payout:${p.vendorId}:${p.periodStart.toISOString()}:${p.currency.trim()}`;
}

/** Monday 00:00 UTC of the week containing `now`: the weekly job pays everything up to it. */
export function weekStart(now: Date): Date {
  const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d;
}

export interface ClaimInput {
  vendorId: string;
  currency: string;
  periodEnd: Date;
  minimum?: number;
  /** The seller asking (audited in the claim's transaction); null for the job. */
  actor?: Actor | null;
  providerName: string;
  /** Throw (a seller's request) or return null (the job) when nothing can be paid. */
  strict?: boolean;
}

/** Why a vendor cannot be paid now, or null when it can. */
export function payoutBlocker(balance: number, minimum: number, needsConnectedAccount: boolean): string | null {
  if (needsConnectedAccount) return "payouts.noConnectedAccount";
  if (balance < minimum) return "payouts.belowMinimum";
  return null;
}

/** Claims the vendor's whole available balance for the period ending `periodEnd`. */
export async function claimPayout(db: Db, input: ClaimInput) {
  const minimum = input.minimum ?? env.PAYOUT_MINIMUM;
  const refuse = (key: string, params?: Record<string, string | number>) => {
    if (input.strict) throw conflict(key, params);
    return null;
  };
  return db.$transaction(async (tx) => {
    const accountId = await ensureAccount(tx, { type: "VENDOR_AVAILABLE", vendorId: input.vendorId }, input.currency);
    const account = (await tx.$queryRaw<{ balance: number }[]>`SELECT "balance" FROM "LedgerAccount" WHERE "id" = ${accountId} FOR UPDATE`)[0]!;
    const vendor = await tx.vendor.findUniqueOrThrow({ where: { id: input.vendorId }, select: { stripeAccountId: true } });
    const last = await tx.vendorPayoutRequest.findFirst({ where: { vendorId: input.vendorId, currency: input.currency }, orderBy: { periodEnd: "desc" }, select: { periodEnd: true } });
    // The first period starts at the epoch: everything before the first payout belongs to it.
    const periodStart = last?.periodEnd ?? new Date(0);
    if (periodStart >= input.periodEnd) return refuse("payouts.alreadyPaidForPeriod");
    const blocker = payoutBlocker(account.balance, minimum, input.providerName === "stripe" && !vendor.stripeAccountId);
    if (blocker) return refuse(blocker, { minimum });
    const payout = await tx.vendorPayoutRequest.create({
      data: { vendorId: input.vendorId, currency: input.currency, periodStart, periodEnd: input.periodEnd, amount: account.balance, provider: input.providerName, requestedBy: input.actor?.userId ?? null },
    });
    if (input.actor) {
      await recordAudit(tx, input.actor, { action: "payout.request", resourceType: "vendor", resourceId: input.vendorId, metadata: { payoutId: payout.id, amount: payout.amount, currency: input.currency } });
    }
    await postTransaction(tx, {
      kind: "PAYOUT", sourceId: payout.id, currency: input.currency, memo: "payout claimed",
      postings: [
        { account: { type: "VENDOR_AVAILABLE", vendorId: input.vendorId }, amount: -payout.amount, payoutId: payout.id },
        { account: { type: "VENDOR_PAID_OUT", vendorId: input.vendorId }, amount: payout.amount, payoutId: payout.id },
      ],
    });
    return payout;
  }, { timeout: 20_000, maxWait: 30_000 });
}

function isRefusal(error: unknown) {
  const type = (error as { type?: string })?.type;
  return error instanceof AppError || type === "StripeInvalidRequestError" || type === "StripePermissionError";
}

/** Sends a claimed payout (again, after a crash: same key, same transfer). */
export async function sendPayout(db: Db, provider: PaymentProvider, payoutId: string) {
  const payout = await db.vendorPayoutRequest.findUniqueOrThrow({ where: { id: payoutId }, include: { vendor: { select: { stripeAccountId: true } } } });
  if (payout.status !== "PENDING") return payout;
  const currency = payout.currency.trim();
  try {
    const destination = payout.vendor.stripeAccountId ?? (provider.name === "sandbox" ? payout.vendorId : null);
    if (!destination) throw conflict("payouts.noConnectedAccount");
    const transfer = await provider.transfer({
      amount: payout.amount, currency, destination, idempotencyKey: payoutKey(payout),
      metadata: { payoutId: payout.id, vendorId: payout.vendorId, periodStart: payout.periodStart.toISOString(), periodEnd: payout.periodEnd.toISOString() },
    });
    await db.vendorPayoutRequest.updateMany({ where: { id: payout.id, status: "PENDING" }, data: { status: "PAID", providerTransferId: transfer.id } });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!isRefusal(error)) {
      // Network or provider down: stays PENDING; the job sends it again with the same key.
      logger.warn("payout transfer deferred", { payoutId, error: message });
      return db.vendorPayoutRequest.findUniqueOrThrow({ where: { id: payoutId } });
    }
    await db.$transaction(async (tx) => {
      const failed = await tx.vendorPayoutRequest.updateMany({ where: { id: payout.id, status: "PENDING" }, data: { status: "FAILED", failureMessage: message.slice(0, 500) } });
      if (failed.count === 0) return;
      await postTransaction(tx, {
        kind: "PAYOUT_REVERSAL", sourceId: payout.id, currency, memo: "transfer refused: claim reversed",
        postings: [
          { account: { type: "VENDOR_PAID_OUT", vendorId: payout.vendorId }, amount: -payout.amount, payoutId: payout.id },
          { account: { type: "VENDOR_AVAILABLE", vendorId: payout.vendorId }, amount: payout.amount, payoutId: payout.id },
        ],
      });
    });
    logger.warn("payout transfer refused; claim reversed", { payoutId, error: message });
  }
  return db.vendorPayoutRequest.findUniqueOrThrow({ where: { id: payoutId } });
}

/** A seller asks for its available balance now. */
export async function requestPayout(db: Db, provider: PaymentProvider, actor: Actor, input: { vendorId: string; currency: string }) {
  const payout = await claimPayout(db, { vendorId: input.vendorId, currency: input.currency, periodEnd: new Date(), actor, providerName: provider.name, strict: true });
  return sendPayout(db, provider, payout!.id);
}

/** Claimed payouts never sent (a crash between claim and transfer, a provider outage). */
export async function resendPendingPayouts(db: Db, provider: PaymentProvider, now = new Date(), olderThanMs = 120_000) {
  const pending = await db.vendorPayoutRequest.findMany({ where: { status: "PENDING", createdAt: { lte: new Date(now.getTime() - olderThanMs) } }, orderBy: { createdAt: "asc" }, take: 200, select: { id: true } });
  for (const { id } of pending) await sendPayout(db, provider, id);
  return { resent: pending.length };
}

/** The weekly job: every vendor account with enough available money is paid up to Monday 00:00 UTC. */
export async function runWeeklyPayouts(db: Db, provider: PaymentProvider, now = new Date()) {
  await resendPendingPayouts(db, provider, now);
  const periodEnd = weekStart(now);
  const accounts = await db.ledgerAccount.findMany({ where: { type: "VENDOR_AVAILABLE", balance: { gte: env.PAYOUT_MINIMUM } }, select: { vendorId: true, currency: true } });
  const paid = [];
  for (const account of accounts) {
    try {
      const payout = await claimPayout(db, { vendorId: account.vendorId!, currency: account.currency.trim(), periodEnd, providerName: provider.name });
      if (payout) paid.push(await sendPayout(db, provider, payout.id));
    } catch (error) {
      logger.warn("weekly payout skipped", { vendorId: account.vendorId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return { payouts: paid.length };
}

