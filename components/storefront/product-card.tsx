// One product in a grid: the whole card is one link named by the title.
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { Price } from "./price";
import { ProductImage, type ImageRef } from "./product-image";
import { WishlistButton } from "./wishlist-button";

export interface ProductCardData {
  id: string;
  slug: string;
  title: string;
  currency: string;
  minPrice: number;
  maxPrice: number;
  compareAtPrice: number | null;
  image: ImageRef | null;
  vendor: { name: string; slug: string; acceptingOrders: boolean };
}

/** Grid cells: 2 columns on phones, up to 5 on wide screens. */
export const CARD_SIZES = "(min-width: 1280px) 18vw, (min-width: 1024px) 22vw, (min-width: 640px) 30vw, 48vw";

/**
 * `saved`: whether the product is on the shopper's wishlist (null for guests, who get a sign-in
 * link); leave it out to show no heart. The heart is the card's only client island.
 */
export async function ProductCard({ product, locale, priority, showVendor = true, saved }: { product: ProductCardData; locale: string; priority?: boolean; showVendor?: boolean; saved?: boolean | null }) {
  const t = await getTranslations("storefront.card");
  const titleId = `product-${product.id}-title`;
  return (
    <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-neutral-200 bg-white shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-600" data-testid="product-card">
      <div className="relative">
        <ProductImage image={product.image} alt="" sizes={CARD_SIZES} priority={priority} cover className="aspect-square w-full" />
        {!product.vendor.acceptingOrders && (
          <Badge tone="warning" className="absolute start-2 top-2">{t("paused")}</Badge>
        )}
        {saved !== undefined && (
          // Above the card's stretched link, so it gets its own clicks.
          <WishlistButton productId={product.id} title={product.title} saved={saved} compact className="absolute end-2 top-2 z-10 rounded-full bg-white/90 shadow-xs" />
        )}
      </div>
      <div className="flex flex-1 flex-col gap-1 p-3">
        <h3 id={titleId} dir="auto" className="line-clamp-2 text-start text-sm font-medium text-neutral-900">
          <Link href={`/p/${product.slug}`} className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none group-hover:underline">
            {product.title}
          </Link>
        </h3>
        {showVendor && <p className="truncate text-xs text-neutral-600">{product.vendor.name}</p>}
        <Price locale={locale} currency={product.currency} min={product.minPrice} max={product.maxPrice} compareAt={product.compareAtPrice} className="mt-auto pt-1" />
      </div>
    </article>
  );
}

/** `narrow` when the grid shares the row with a sidebar (four columns at most). */
export function ProductGrid({ children, label, narrow }: { children: React.ReactNode; label?: string; narrow?: boolean }) {
  return (
    <ul aria-label={label} className={narrow
      ? "grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 xl:grid-cols-4"
      : "grid grid-cols-2 gap-3 sm:grid-cols-3 sm:gap-4 lg:grid-cols-4 xl:grid-cols-5"}>
      {children}
    </ul>
  );
}
