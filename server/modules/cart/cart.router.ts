import type { Context } from "@/server/trpc/context";
import { router } from "@/server/trpc/init";
import { authedProcedure, publicProcedure } from "@/server/trpc/procedures";
import { unauthorized } from "@/server/lib/errors";
import { hashCartToken, newCartToken } from "./cart.cookie";
import { mergeCookieCart } from "./cart.merge";
import { AddToCartInput, AvailabilityInput, LineIdInput, MAX_LINE_QUANTITY, MoveWishToCartInput, SaveForLaterInput, SetQuantityInput, WishlistContainsInput, WishlistProductInput } from "./cart.schema";
import * as cart from "./cart.service";
import { lineLimit, stockFor } from "./cart.stock";
import * as wishlist from "./wishlist.service";

/**
 * Resolves whose cart a request works on. A signed-in request that still carries a guest
 * cookie first merges that guest cart into the account's (idempotent) and clears the cookie
 * (on HTTP requests; server components cannot clear it, and a later request does).
 */
const cartProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const cookie = ctx.cartCookie;
  let owner: cart.CartOwner | null = null;
  if (ctx.session) {
    const userId = ctx.session.user.id;
    await mergeCookieCart(ctx.db, userId, cookie);
    owner = { userId };
  } else if (cookie?.token) {
    owner = { guestTokenHash: hashCartToken(cookie.token) };
  }
  return next({ ctx: { ...ctx, cartOwner: owner } });
});

/** The owner to write to; a guest without a cart gets a fresh token in its cookie (and each write renews the cookie). */
function ownerForWrite(ctx: Context & { cartOwner: cart.CartOwner | null }): cart.CartOwner {
  if (ctx.cartOwner && "userId" in ctx.cartOwner) return ctx.cartOwner;
  const cookie = ctx.cartCookie;
  if (!cookie) throw unauthorized();
  const token = cookie.token ?? newCartToken();
  cookie.set(token);
  return { guestTokenHash: hashCartToken(token) };
}

export const cartRouter = router({
  get: cartProcedure.query(({ ctx }) => cart.getCart(ctx.db, ctx.cartOwner, ctx.meta.locale)),
  count: cartProcedure.query(({ ctx }) => cart.countCartItems(ctx.db, ctx.cartOwner)),
  /** For the product page: per variant, the most units one may add now (stock, maxPerOrder, line cap) and the per-order limit. */
  availability: publicProcedure.input(AvailabilityInput).query(async ({ ctx, input }) => {
    const stock = await stockFor(ctx.db, input.variantIds);
    return Object.fromEntries([...stock].map(([id, a]) => [id, { max: lineLimit(a, MAX_LINE_QUANTITY), maxPerOrder: a.maxPerOrder }]));
  }),
  add: cartProcedure.input(AddToCartInput).mutation(({ ctx, input }) => {
    const owner = ownerForWrite(ctx);
    return ctx.db.$transaction((tx) => cart.addToCart(tx, owner, input, ctx.meta.locale));
  }),
  setQuantity: cartProcedure.input(SetQuantityInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => cart.setLineQuantity(tx, ownerForWrite(ctx), input))),
  remove: cartProcedure.input(LineIdInput).mutation(({ ctx, input }) => cart.removeLine(ctx.db, ownerForWrite(ctx), input.lineId)),
  saveForLater: cartProcedure.input(SaveForLaterInput).mutation(({ ctx, input }) => cart.saveLineForLater(ctx.db, ownerForWrite(ctx), input)),
  clear: cartProcedure.mutation(({ ctx }) => cart.clearCart(ctx.db, ownerForWrite(ctx))),
});

// Guests calling these get UNAUTHORIZED ("please sign in"); the wishlist button links them to sign-in.
export const wishlistRouter = router({
  list: authedProcedure.query(({ ctx }) => wishlist.listWishlist(ctx.db, ctx.actor.userId, ctx.meta.locale)),
  contains: authedProcedure.input(WishlistContainsInput).query(({ ctx, input }) => wishlist.wishlistContains(ctx.db, ctx.actor.userId, input.productIds)),
  add: authedProcedure.input(WishlistProductInput).mutation(({ ctx, input }) => wishlist.addToWishlist(ctx.db, ctx.actor.userId, input.productId)),
  remove: authedProcedure.input(WishlistProductInput).mutation(({ ctx, input }) => wishlist.removeFromWishlist(ctx.db, ctx.actor.userId, input.productId)),
  moveToCart: authedProcedure.input(MoveWishToCartInput).mutation(({ ctx, input }) =>
    ctx.db.$transaction((tx) => wishlist.moveWishToCart(tx, ctx.actor.userId, input, ctx.meta.locale))),
});
