import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { HomeHero } from "@/components/storefront/home-hero";
import { ProductCard, ProductGrid } from "@/components/storefront/product-card";
import { RecentlyViewed } from "@/components/storefront/recently-viewed";
import { buttonClasses, EmptyState } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { localeAlternates } from "@/lib/storefront/seo";
import { getAuthSession } from "@/server/auth";
import { env } from "@/server/env";
import { getServerCaller } from "@/server/trpc/server";
import { pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  return { alternates: localeAlternates(env.APP_URL, locale, "/") };
}

export default async function HomePage({ params }: Props) {
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const caller = await getServerCaller();
  const [t, ts, session, arrivals, tree, trending] = await Promise.all([
    getTranslations("home"),
    getTranslations("storefront.home"),
    getAuthSession(),
    caller.products.listNewArrivals({ locale, limit: 10 }),
    caller.catalog.getCategoryTree({ locale }),
    caller.discovery.trending({ limit: 10 }),
  ]);
  return (
    <>
      <section className="border-b border-neutral-200 bg-gradient-to-br from-brand-50 via-white to-white">
        <div className="mx-auto max-w-7xl px-4 py-8 sm:px-6 sm:py-10">
          {session && <p className="mb-2 text-sm font-medium text-brand-800">{t("welcomeBack", { name: session.user.name })}</p>}
          <h1 className="max-w-3xl text-2xl font-bold text-neutral-900 sm:text-4xl">{t("heroTitle")}</h1>
          <p className="mt-2 max-w-2xl text-neutral-700 sm:text-lg">{t("heroBody")}</p>
        </div>
      </section>

      <HomeHero locale={locale} />

      <div className="mx-auto flex max-w-7xl flex-col gap-12 px-4 py-10 sm:px-6">
        {tree.length > 0 && (
          <section aria-labelledby="categories-title">
            <h2 id="categories-title" className="text-xl font-semibold text-neutral-900 sm:text-2xl">{ts("shopByCategory")}</h2>
            <ul className="mt-4 grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4">
              {tree.map((category) => (
                <li key={category.id}>
                  <Link
                    href={`/c/${category.slug}`}
                    className="flex h-full flex-col rounded-xl border border-neutral-200 bg-white p-4 transition-colors hover:border-brand-600"
                  >
                    <span className="font-semibold text-neutral-900">{category.name}</span>
                    {category.children.length > 0 && (
                      <span className="mt-1 line-clamp-2 text-sm text-neutral-600">{category.children.slice(0, 3).map((c) => c.name).join(" · ")}</span>
                    )}
                  </Link>
                </li>
              ))}
            </ul>
          </section>
        )}

        <RecentlyViewed />

        {trending.length > 0 && (
          <section aria-labelledby="trending-title" data-testid="trending">
            <h2 id="trending-title" className="text-xl font-semibold text-neutral-900 sm:text-2xl">{ts("trending")}</h2>
            <div className="mt-4">
              <ProductGrid>
                {trending.map((product) => (
                  <li key={product.id}><ProductCard product={product} locale={locale} /></li>
                ))}
              </ProductGrid>
            </div>
          </section>
        )}

        <section aria-labelledby="new-arrivals-title">
          <h2 id="new-arrivals-title" className="text-xl font-semibold text-neutral-900 sm:text-2xl">{ts("newArrivals")}</h2>
          <div className="mt-4">
            {arrivals.length > 0 ? (
              <ProductGrid>
                {arrivals.map((product, i) => (
                  <li key={product.id}><ProductCard product={product} locale={locale} priority={i < 2} /></li>
                ))}
              </ProductGrid>
            ) : (
              <EmptyState
                className="rounded-xl border border-dashed border-neutral-300 bg-white"
                title={ts("noProductsTitle")}
                description={ts("noProductsBody")}
                action={<Link href="/seller" className={buttonClasses({ variant: "secondary" })}>{t("sellCta")}</Link>}
              />
            )}
          </div>
        </section>

        {trending.length === 0 && (
          <section aria-labelledby="best-sellers-title" className="rounded-xl border border-neutral-200 bg-white p-6">
            <h2 id="best-sellers-title" className="text-xl font-semibold text-neutral-900 sm:text-2xl">{ts("bestSellers")}</h2>
            <p className="mt-2 max-w-prose text-neutral-700">{ts("bestSellersSoon")}</p>
          </section>
        )}
      </div>
    </>
  );
}
