import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { Breadcrumbs } from "@/components/storefront/breadcrumbs";
import { CategoryBanner } from "@/components/storefront/category-banner";
import { CategoryChips } from "@/components/storefront/category-chips";
import { Listing } from "@/components/storefront/listing";
import { getPathname } from "@/lib/i18n/navigation";
import { CATEGORY_SORTS, parseSearchParams, toSearchInput } from "@/lib/storefront/browse-params";
import { searchProducts } from "@/lib/storefront/search-caller";
import { localeAlternates } from "@/lib/storefront/seo";
import type { SearchParams } from "@/lib/search-params";
import { env } from "@/server/env";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string; slug: string }>; searchParams: Promise<SearchParams> };

/** The category's header: name, ancestors (root first), children and attribute definitions; 404 when unknown. */
const loadCategory = cache(async (slug: string) => {
  const decoded = decodeURIComponent(slug);
  if (decoded.length > 60) notFound();
  const category = await (await getServerCaller()).catalog.getCategoryBySlug({ slug: decoded });
  if (!category) notFound();
  return category;
});

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale, slug } = await params;
  const category = await loadCategory(slug);
  const state = parseSearchParams(await searchParams, "category");
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "storefront.category" });
  const path = `/c/${category.slug}`;
  return {
    title: state.page > 1 ? t("metaTitlePage", { name: category.name, page: state.page }) : category.name,
    description: t("metaDescription", { name: category.name }),
    alternates: localeAlternates(env.APP_URL, locale, path),
    openGraph: { type: "website", title: category.name, description: t("metaDescription", { name: category.name }) },
  };
}

export default async function CategoryPage({ params, searchParams }: Props) {
  const { locale: raw, slug } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  const state = parseSearchParams(await searchParams, "category");
  // The same engine as the search page, scoped to this category (and its descendants).
  const [category, found, t] = await Promise.all([
    loadCategory(slug),
    searchProducts(locale, toSearchInput({ ...state, category: decodeURIComponent(slug) })),
    getTranslations("storefront.category"),
  ]);
  // Subcategories are the chips above; the tree facet belongs to the search page.
  const result = { ...found, facets: { ...found.facets, categories: undefined } };
  const pathname = `/c/${category.slug}`;
  const attributeTypes = Object.fromEntries(category.attributes.map((a) => [a.code, a.type]));

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
      <Breadcrumbs items={[...category.breadcrumb.map((c) => ({ name: c.name, href: `/c/${c.slug}` })), { name: category.name }]} />
      <h1 className="mt-3 text-2xl font-bold text-neutral-900 sm:text-3xl">{category.name}</h1>
      <div className="mt-4 empty:hidden">
        <CategoryBanner locale={locale} categoryId={category.id} />
      </div>
      {category.children.length > 0 && (
        <nav aria-label={t("subcategories")} className="mt-4">
          <CategoryChips categories={category.children} />
        </nav>
      )}
      <div className="mt-6">
        <Listing
          result={result}
          state={state}
          sorts={CATEGORY_SORTS}
          pathname={pathname}
          action={getPathname({ href: pathname, locale })}
          locale={locale}
          attributeTypes={attributeTypes}
          label={t("productsIn", { name: category.name })}
        />
      </div>
    </div>
  );
}
