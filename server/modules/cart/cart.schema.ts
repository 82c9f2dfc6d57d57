// Inputs of the cart and wishlist procedures. Error messages are keys under "errors".
import { z } from "zod";

/** The most units of one variant a cart line may hold, whatever the stock (maxPerOrder may lower it). */
export const MAX_LINE_QUANTITY = 99;

const Id = z.string().min(1).max(50);

/** A whole number of units, 1..MAX_LINE_QUANTITY; anything else is refused with one translated key. */
export const Quantity = z
  .number({ error: "cart.invalidQuantity" })
  .int({ error: "cart.invalidQuantity" })
  .min(1, { error: "cart.invalidQuantity" })
  .max(MAX_LINE_QUANTITY, { error: "cart.invalidQuantity" });

export const AddToCartInput = z.object({ variantId: Id, quantity: Quantity.default(1) });
export type AddToCartInput = z.input<typeof AddToCartInput>;

export const SetQuantityInput = z.object({ lineId: Id, quantity: Quantity });
export type SetQuantityInput = z.infer<typeof SetQuantityInput>;

export const LineIdInput = z.object({ lineId: Id });
export type LineIdInput = z.infer<typeof LineIdInput>;

export const SaveForLaterInput = z.object({ lineId: Id, saved: z.boolean() });
export type SaveForLaterInput = z.infer<typeof SaveForLaterInput>;

export const WishlistProductInput = z.object({ productId: Id });
export type WishlistProductInput = z.infer<typeof WishlistProductInput>;

/** Variants of one product page whose buyable quantity the page shows. */
export const AvailabilityInput = z.object({ variantIds: z.array(Id).max(100) });

export const WishlistContainsInput = z.object({ productIds: z.array(Id).max(100) });

export const MoveWishToCartInput = z.object({ productId: Id, variantId: Id.optional() });
export type MoveWishToCartInput = z.infer<typeof MoveWishToCartInput>;
