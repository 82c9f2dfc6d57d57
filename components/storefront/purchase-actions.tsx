"use client";
// The product page's buying part: add to cart for the variant chosen in the picker (its stock and
// per-order limit) and the wishlist button. A shop that paused orders shows why instead.
import { AddToCart } from "./add-to-cart";
import { useSelectedVariant } from "./product-selection";
import { WishlistButton } from "./wishlist-button";

export interface VariantAvailability {
  /** Most units one may add now (0 when out of stock). */
  max: number;
  maxPerOrder: number | null;
}

export function PurchaseActions({ productId, title, acceptingOrders, availability, saved }: {
  productId: string;
  title: string;
  acceptingOrders: boolean;
  availability: Record<string, VariantAvailability>;
  /** On the wishlist now; null for guests. */
  saved: boolean | null;
}) {
  const selected = useSelectedVariant();
  const stock = selected ? availability[selected.id] : undefined;
  const reason = !acceptingOrders ? "shopPaused" : selected === null ? "unavailable" : null;
  return (
    <div className="flex flex-col gap-3">
      <AddToCart variantId={selected?.id ?? null} disabledReason={reason} max={stock?.max ?? 0} maxPerOrder={stock?.maxPerOrder ?? null} />
      <WishlistButton productId={productId} title={title} saved={saved} className="self-start" />
    </div>
  );
}
