import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { Breadcrumbs } from "@/components/storefront/breadcrumbs";
import { Listing } from "@/components/storefront/listing";
import { ProductImage } from "@/components/storefront/product-image";
import { Alert } from "@/components/ui";
import { getPathname } from "@/lib/i18n/navigation";
import { parseBrowseParams } from "@/lib/storefront/browse-params";
import { localeAlternates } from "@/lib/storefront/seo";
import type { SearchParams } from "@/lib/search-params";
import { env } from "@/server/env";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<SearchParams> };

const loadShop = cache(async (slug: string) => {
  const shop = await (await getServerCaller()).vendors.getPublicShop({ slug: decodeURIComponent(slug) });
  if (!shop) notFound();
  return shop;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const shop = await loadShop(slug);
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "storefront.shop" });
  const description = shop.description.trim().slice(0, 160) || t("metaDescription", { name: shop.name });
  return {
    title: shop.name,
    description,
    alternates: localeAlternates(env.APP_URL, locale, `/shop/${shop.slug}`),
    openGraph: { type: "website", title: shop.name, description },
  };
}

function Policy({ title, text }: { title: string; text: string }) {
  if (!text.trim()) return null;
  return (
    <section className="rounded-xl border border-neutral-200 bg-white p-4">
      <h2 className="font-semibold text-neutral-900">{title}</h2>
      <p dir="auto" className="mt-2 text-start text-sm whitespace-pre-line text-neutral-700">{text}</p>
    </section>
  );
}

export default async function ShopPage({ params, searchParams }: Props) {
  const { locale: raw, slug } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  const state = { ...parseBrowseParams(await searchParams), brands: [], attributes: {}, min: "", max: "" };
  const shop = await loadShop(slug);
  const caller = await getServerCaller();
  const [result, t] = await Promise.all([
    caller.products.browse({ locale, vendorSlug: shop.slug, sort: state.sort, page: state.page }),
    getTranslations("storefront.shop"),
  ]);
  if (!result) notFound();
  const pathname = `/shop/${shop.slug}`;
  const since = new Intl.DateTimeFormat(locale, { year: "numeric", month: "long" }).format(shop.createdAt);
  const hasContact = Boolean(shop.supportEmail || shop.supportPhone);

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
      <Breadcrumbs items={[{ name: shop.name }]} />
      <header className="mt-4 overflow-hidden rounded-2xl border border-neutral-200 bg-white">
        {shop.banner ? (
          <ProductImage image={shop.banner} alt="" sizes="(min-width: 1280px) 1232px, 100vw" priority cover className="aspect-[4/1] w-full sm:aspect-[5/1]" />
        ) : (
          <div aria-hidden="true" className="aspect-[6/1] w-full bg-gradient-to-r from-brand-100 via-brand-50 to-neutral-100" />
        )}
        <div className="flex flex-col gap-4 p-4 sm:flex-row sm:items-end sm:p-6">
          <ProductImage
            image={shop.logo}
            alt=""
            sizes="96px"
            cover
            fallbackText={Array.from(shop.name)[0]?.toUpperCase()}
            className="-mt-12 size-20 shrink-0 rounded-2xl border-4 border-white bg-white text-3xl shadow-sm sm:-mt-16 sm:size-24"
          />
          <div className="min-w-0 flex-1">
            <h1 dir="auto" className="text-start text-2xl font-bold text-neutral-900 sm:text-3xl">{shop.name}</h1>
            <p className="mt-1 flex flex-col gap-x-3 gap-y-1 text-sm text-neutral-600 sm:flex-row sm:flex-wrap">
              <span>{t("noRatings")}</span>
              <span aria-hidden="true" className="max-sm:hidden">·</span>
              <span>{t("since", { date: since })}</span>
            </p>
          </div>
        </div>
        {shop.description && <p dir="auto" className="max-w-prose px-4 pb-5 text-start whitespace-pre-line text-neutral-700 sm:px-6">{shop.description}</p>}
      </header>

      {!shop.acceptingOrders && <Alert tone="warning" className="mt-4">{t("paused")}</Alert>}

      <div className="mt-8 grid gap-8 lg:grid-cols-[1fr_18rem]">
        <section aria-labelledby="shop-products-title" className="min-w-0">
          <h2 id="shop-products-title" className="mb-4 text-xl font-semibold text-neutral-900">{t("products")}</h2>
          <Listing
            result={result}
            state={state}
            pathname={pathname}
            action={getPathname({ href: pathname, locale })}
            locale={locale}
            filters={false}
            showVendor={false}
            label={t("products")}
          />
        </section>
        <aside className="flex flex-col gap-4" aria-label={t("about")}>
          <Policy title={t("shippingPolicy")} text={shop.shippingPolicy} />
          <Policy title={t("returnPolicy")} text={shop.returnPolicy} />
          {hasContact && (
            <section className="rounded-xl border border-neutral-200 bg-white p-4">
              <h2 className="font-semibold text-neutral-900">{t("contact")}</h2>
              <dl className="mt-2 flex flex-col gap-1 text-sm">
                {shop.supportEmail && (
                  <div className="flex gap-2">
                    <dt className="text-neutral-600">{t("email")}</dt>
                    <dd><a href={`mailto:${shop.supportEmail}`} className="break-all text-brand-700 underline-offset-2 hover:underline">{shop.supportEmail}</a></dd>
                  </div>
                )}
                {shop.supportPhone && (
                  <div className="flex gap-2">
                    <dt className="text-neutral-600">{t("phone")}</dt>
                    <dd><a href={`tel:${shop.supportPhone.replace(/[^\d+]/g, "")}`} dir="ltr" className="text-brand-700 underline-offset-2 hover:underline">{shop.supportPhone}</a></dd>
                  </div>
                )}
              </dl>
            </section>
          )}
        </aside>
      </div>
    </div>
  );
}
