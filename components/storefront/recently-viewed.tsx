"use client";
// The home page's "Recently viewed" row: fetched in the browser after load (the home page stays
// cacheable for everyone), hidden while loading and when the shopper has viewed nothing.
import { useQuery } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/lib/trpc/client";
import { CARD_SIZES_CLIENT } from "./card-sizes";
import { ProductImage } from "./product-image";

export function RecentlyViewed() {
  const trpc = useTRPC();
  const t = useTranslations("storefront");
  const locale = useLocale();
  const { data } = useQuery({ ...trpc.discovery.recentlyViewed.queryOptions(), staleTime: 0 });
  if (!data || data.length === 0) return null;
  return (
    <section aria-labelledby="recently-viewed-title" data-testid="recently-viewed">
      <h2 id="recently-viewed-title" className="text-xl font-semibold text-neutral-900 sm:text-2xl">{t("home.recentlyViewed")}</h2>
      <ul className="mt-4 grid auto-cols-[42%] grid-flow-col gap-3 overflow-x-auto pb-2 sm:auto-cols-[28%] sm:gap-4 lg:auto-cols-[calc((100%-4*1rem)/5)] xl:auto-cols-[calc((100%-5*1rem)/6)]">
        {data.map((product) => {
          const price = formatMoney(product.minPrice, product.currency, locale);
          return (
            <li key={product.id}>
              <article className="group relative flex h-full flex-col overflow-hidden rounded-xl border border-neutral-200 bg-white shadow-xs transition-shadow hover:shadow-md has-[a:focus-visible]:outline-2 has-[a:focus-visible]:outline-offset-2 has-[a:focus-visible]:outline-brand-600" data-testid="product-card">
                <ProductImage image={product.image} alt="" sizes={CARD_SIZES_CLIENT} cover className="aspect-square w-full" />
                <div className="flex flex-1 flex-col gap-1 p-3">
                  <h3 dir="auto" className="line-clamp-2 text-start text-sm font-medium text-neutral-900">
                    <Link href={`/p/${product.slug}`} className="after:absolute after:inset-0 after:content-[''] focus-visible:outline-none group-hover:underline">
                      {product.title}
                    </Link>
                  </h3>
                  <p className="truncate text-xs text-neutral-600">{product.vendor.name}</p>
                  <p className="mt-auto pt-1 text-base font-semibold text-neutral-900">
                    {product.maxPrice !== product.minPrice ? t("price.from", { price }) : price}
                  </p>
                </div>
              </article>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
