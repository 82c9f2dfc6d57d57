import { router } from "@/server/trpc/init";
import { adminProcedure, sellerProcedure } from "@/server/trpc/procedures";
import { ListAllPayoutsInput, ListVendorEntriesInput, PayoutRefInput, SetCommissionInput, SetVendorPayoutAccountInput, VendorRefInput } from "./ledger.schema";
import * as ledger from "./ledger.service";

export const ledgerRouter = router({
  // Seller center (membership of input.vendorId with payouts.read, checked by the procedure and the service).
  getVendorBalances: sellerProcedure("payouts.read").input(VendorRefInput).query(({ ctx, input }) => ledger.getVendorBalances(ctx.db, ctx.actor, input.vendorId)),
  listVendorEntries: sellerProcedure("payouts.read").input(ListVendorEntriesInput).query(({ ctx, input }) => ledger.listVendorEntries(ctx.db, ctx.actor, input)),
  weeklyEarnings: sellerProcedure("payouts.read").input(VendorRefInput).query(({ ctx, input }) => ledger.weeklyEarnings(ctx.db, ctx.actor, input.vendorId)),
  listVendorPayouts: sellerProcedure("payouts.read").input(ListVendorEntriesInput).query(({ ctx, input }) => ledger.listVendorPayouts(ctx.db, ctx.actor, input)),
  payoutStatement: sellerProcedure("payouts.read").input(PayoutRefInput).query(({ ctx, input }) => ledger.payoutStatement(ctx.db, ctx.actor, input)),

  // Admin console.
  getCommissionSettings: adminProcedure("payments.manage").query(({ ctx }) => ledger.getCommissionSettings(ctx.db)),
  setCommissionRule: adminProcedure("payments.manage").input(SetCommissionInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => ledger.setCommissionRule(tx, ctx.actor, input))),
  commissionOptions: adminProcedure("payments.manage").query(({ ctx }) => ledger.commissionOptions(ctx.db, ctx.meta.locale)),
  setVendorPayoutAccount: adminProcedure("payments.manage").input(SetVendorPayoutAccountInput).mutation(({ ctx, input }) => ctx.db.$transaction((tx) => ledger.setVendorPayoutAccount(tx, ctx.actor, input))),
  listAllPayouts: adminProcedure("payments.manage").input(ListAllPayoutsInput).query(({ ctx, input }) => ledger.listAllPayouts(ctx.db, input)),
});
