import { mergeCookieCart } from "@/server/modules/cart";
import { router } from "@/server/trpc/init";
import { authedProcedure } from "@/server/trpc/procedures";
import { previewCheckout, placeOrder } from "./checkout";
import { CheckoutPreviewInput, PlaceOrderInput } from "./checkout.schema";

// A shopper who signs in and opens /checkout first still brings the guest cart along.
const checkoutProcedure = authedProcedure.use(async ({ ctx, next }) => {
  await mergeCookieCart(ctx.db, ctx.actor.userId, ctx.cartCookie);
  return next();
});

export const checkoutRouter = router({
  preview: checkoutProcedure.input(CheckoutPreviewInput).query(({ ctx, input }) => previewCheckout(ctx.db, ctx.actor.userId, input)),
  // placeOrder runs its own transaction (it serialises retries of one idempotency key).
  placeOrder: checkoutProcedure.input(PlaceOrderInput).mutation(({ ctx, input }) => placeOrder(ctx.db, ctx.actor, input)),
});
