import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { previewCheckout, placeOrder } from "./checkout";
import { CheckoutPreviewInput, PlaceOrderInput } from "./checkout.schema";

export const checkoutRouter = router({
  preview: authedProcedure.input(CheckoutPreviewInput).query(({ ctx, input }) => previewCheckout(ctx.db, ctx.actor.userId, input)),
  // placeOrder runs its own transaction (it serialises retries of one idempotency key).
  placeOrder: authedProcedure.input(PlaceOrderInput).mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.actor, input)),
});
