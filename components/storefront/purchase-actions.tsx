"use client";
// The product page's buying part: add to cart for the variant chosen in the picker (its stock and
// per-order limit) and the wishlist button. A shop that paused orders shows why instead.
// Stock and the wishlist state are read here, after load: the page around them is cached for
// everyone, these change by the minute and per person.
import { useQuery } from "@tanstack/react-query";
import { useTRPC } from "@/lib/trpc/client";
import { AddToCart } from "./add-to-cart";
import { useProductSelection } from "./product-selection";
import { WishlistButton } from "./wishlist-button";

export interface VariantAvailability {
  /** Most units one may add now (0 when out of stock). */
  max: number;
  maxPerOrder: number | null;
}

export function PurchaseActions({ productId, title, acceptingOrders }: { productId: string; title: string; acceptingOrders: boolean }) {
  const trpc = useTRPC();
  const { variants, selected } = useProductSelection();
  const availability = useQuery(trpc.cart.availability.queryOptions({ variantIds: variants.map((v) => v.id) }, { staleTime: 0 }));
  const viewer = useQuery(trpc.identity.viewer.queryOptions());
  const signedIn = Boolean(viewer.data);
  const saved = useQuery(trpc.wishlist.contains.queryOptions({ productIds: [productId] }, { enabled: signedIn }));

  const stock: VariantAvailability | undefined = selected ? availability.data?.[selected.id] : undefined;
  const reason = !acceptingOrders ? "shopPaused" : selected === null ? "unavailable" : null;
  const max = availability.data ? (stock?.max ?? 0) : null;
  const onList = signedIn ? (saved.data?.includes(productId) ?? false) : null;
  return (
    <div className="flex flex-col gap-3">
      <AddToCart variantId={selected?.id ?? null} disabledReason={reason} max={max} maxPerOrder={stock?.maxPerOrder ?? null} />
      {/* Remounted when the answer arrives: the button keeps its own optimistic state after that. */}
      <WishlistButton key={`${signedIn}-${saved.isSuccess}`} productId={productId} title={title} saved={onList} className="self-start" />
    </div>
  );
}
