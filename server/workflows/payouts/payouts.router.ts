import { RequestPayoutInput } from "@/server/modules/ledger/ledger.schema";
import { paymentProvider } from "@/server/modules/payments/providers";
import { router } from "@/server/trpc/init";
import { sellerProcedure } from "@/server/trpc/procedures";
import { requestPayout } from "./payouts";

export const payoutsRouter = router({
  // The seller asks for its available balance now (at least PAYOUT_MINIMUM); the transfer runs outside any transaction.
  requestPayout: sellerProcedure("payouts.request").input(RequestPayoutInput).mutation(({ ctx, input }) => requestPayout(ctx.db, paymentProvider(), ctx.actor, input)),
});
