// Inputs of the ledger module (seller finance pages, admin commission settings).
import { z } from "zod";

const Id = z.string().min(1).max(50);
const Currency = z.string().regex(/^[A-Z]{3}$/, { error: "validation.invalid" });

export const VendorRefInput = z.object({ vendorId: Id });

export const ListVendorEntriesInput = z.object({
  vendorId: Id,
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListVendorEntriesInput = z.input<typeof ListVendorEntriesInput>;

export const ListVendorPayoutsInput = ListVendorEntriesInput;

export const PayoutRefInput = z.object({ vendorId: Id, payoutId: Id });

export const RequestPayoutInput = z.object({ vendorId: Id, currency: Currency });

export const ListAllPayoutsInput = z.object({
  status: z.enum(["PENDING", "PAID", "FAILED"]).optional(),
  page: z.number().int().min(1).max(10_000).default(1),
  pageSize: z.number().int().min(1).max(100).default(25),
});
export type ListAllPayoutsInput = z.input<typeof ListAllPayoutsInput>;

/** A rate in basis points: 0 … 10000 (0 % … 100 %). */
export const RateBps = z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(0, { error: "validation.invalid" }).max(10_000, { error: "validation.invalid" });

/** Sets a rule; rateBps null removes a vendor or category override (the default cannot be removed). */
export const SetCommissionInput = z.discriminatedUnion("scope", [
  z.object({ scope: z.literal("default"), rateBps: RateBps }),
  z.object({ scope: z.literal("vendor"), vendorId: Id, rateBps: RateBps.nullable() }),
  z.object({ scope: z.literal("category"), categoryId: Id, rateBps: RateBps.nullable() }),
]);
export type SetCommissionInput = z.infer<typeof SetCommissionInput>;

/** A vendor's Stripe Connect account (acct_…); null removes it (sandbox transfers then). */
export const SetVendorPayoutAccountInput = z.object({
  vendorId: Id,
  stripeAccountId: z.string().trim().regex(/^acct_[A-Za-z0-9]{6,64}$/, { error: "validation.invalid" }).nullable(),
});
export type SetVendorPayoutAccountInput = z.infer<typeof SetVendorPayoutAccountInput>;
