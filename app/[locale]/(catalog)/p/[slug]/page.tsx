import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { AttributesTable } from "@/components/storefront/attributes-table";
import { Breadcrumbs } from "@/components/storefront/breadcrumbs";
import { ProductGallery } from "@/components/storefront/product-gallery";
import { imageUrl } from "@/components/storefront/product-image";
import { ProductSelectionProvider } from "@/components/storefront/product-selection";
import { PurchaseActions } from "@/components/storefront/purchase-actions";
import { RecordView } from "@/components/storefront/record-view";
import { VariantPicker } from "@/components/storefront/variant-picker";
import { VendorCard } from "@/components/storefront/vendor-card";
import { getPathname } from "@/lib/i18n/navigation";
import type { Locale } from "@/lib/i18n/routing";
import { jsonLdText, majorAmount, productJsonLd } from "@/lib/storefront/product-json-ld";
import { localeAlternates, localeUrl } from "@/lib/storefront/seo";
import { initialVariant } from "@/lib/storefront/variants";
import { env } from "@/server/env";
import { getPublicCaller } from "@/server/trpc/server";
import { knownLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string; slug: string }> };

// Rendered on first request, then served from the cache: the page reads no cookies, headers or
// query (stock, the wishlist and ?variant= are applied client-side), and product changes
// revalidate it (server/modules/products/products.pages.ts); the timer is a safety net.
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

const loadProduct = cache(async (slug: string, locale: Locale) => {
  const page = await getPublicCaller(locale).products.getProductPage({ slug: decodeURIComponent(slug), locale });
  if (!page) notFound();
  if (page.kind === "redirect") permanentRedirect(getPathname({ href: `/p/${page.slug}`, locale }));
  return page.product;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const product = await loadProduct(slug, knownLocale(locale));
  const path = `/p/${product.slug}`;
  const images = product.images.slice(0, 4).map((image) => ({ url: imageUrl(env.APP_URL, image, 1280), width: image.width, height: image.height, alt: image.alt }));
  return {
    title: product.title,
    description: product.excerpt || undefined,
    alternates: localeAlternates(env.APP_URL, locale, path),
    openGraph: {
      title: product.title,
      description: product.excerpt || undefined,
      url: localeUrl(env.APP_URL, locale, path),
      siteName: "Bazaar",
      locale,
      images,
    },
    other: {
      "og:type": "product",
      "product:price:amount": majorAmount(product.minPrice, product.currency),
      "product:price:currency": product.currency,
    },
  };
}

export default async function ProductPage({ params }: Props) {
  const { locale: raw, slug } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  const [product, t] = await Promise.all([loadProduct(slug, locale), getTranslations("storefront.product")]);
  const selected = initialVariant(product.variants, undefined);
  const url = localeUrl(env.APP_URL, locale, `/p/${product.slug}`);
  const jsonLd = productJsonLd({
    name: product.title,
    description: product.excerpt,
    url,
    images: product.images.map((image) => imageUrl(env.APP_URL, image, 1280)),
    sku: product.variants.length === 1 ? product.variants[0]!.sku : null,
    brand: product.brand?.name ?? null,
    currency: product.currency,
    prices: product.variants.map((v) => v.price),
    inStock: product.vendor.acceptingOrders && product.variants.length > 0,
    seller: { name: product.vendor.name, url: localeUrl(env.APP_URL, locale, `/shop/${product.vendor.slug}`) },
  });
  const crumbs = product.breadcrumbs.map((c) => ({ name: c.name, href: `/c/${c.slug}` }));

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
      <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: jsonLdText(jsonLd) }} />
      <Breadcrumbs items={[...crumbs, { name: product.title }]} />
      <RecordView productId={product.id} />
      <ProductSelectionProvider variants={product.variants} initialId={selected?.id ?? null}>
        <div className="mt-4 grid gap-8 md:grid-cols-2 lg:gap-12">
          <ProductGallery images={product.images} title={product.title} />
          <div className="flex min-w-0 flex-col gap-6">
            <div>
              {product.brand && <p className="text-sm font-medium text-neutral-600">{product.brand.name}</p>}
              <h1 className="mt-1 text-2xl font-bold text-neutral-900 sm:text-3xl" dir="auto">{product.title}</h1>
            </div>
            <section aria-label={t("purchase")} className="flex flex-col gap-5" data-testid="purchase-panel">
              <VariantPicker options={product.options} currency={product.currency} />
              <PurchaseActions productId={product.id} title={product.title} acceptingOrders={product.vendor.acceptingOrders} />
            </section>
            <VendorCard vendor={product.vendor} />
          </div>
        </div>
      </ProductSelectionProvider>

      <div className="mt-12 grid gap-10 lg:grid-cols-3">
        <section aria-labelledby="description-title" className="lg:col-span-2">
          <h2 id="description-title" className="text-lg font-semibold text-neutral-900">{t("description")}</h2>
          {product.description ? (
            <div
              dir="auto"
              className="mt-3 max-w-prose text-neutral-800 [&_a]:text-brand-700 [&_a]:underline [&_blockquote]:border-s-4 [&_blockquote]:border-neutral-300 [&_blockquote]:ps-4 [&_h2]:mt-6 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:mt-5 [&_h3]:font-semibold [&_li]:mt-1 [&_ol]:mt-3 [&_ol]:list-decimal [&_ol]:ps-6 [&_p]:mt-3 [&_strong]:font-semibold [&_ul]:mt-3 [&_ul]:list-disc [&_ul]:ps-6 [&>:first-child]:mt-0"
              data-testid="product-description"
              dangerouslySetInnerHTML={{ __html: product.description }}
            />
          ) : (
            <p className="mt-3 text-neutral-600">{t("noDescription")}</p>
          )}
        </section>
        <AttributesTable attributes={product.attributes} locale={locale} />
      </div>
    </div>
  );
}
