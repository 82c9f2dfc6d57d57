// The search page: results of the search engine with facets (category tree, price, brand, shop,
// rating, the category's attributes), sorting and pages; every choice lives in the URL, so a
// search is linkable and works without JavaScript. Never indexed by search engines.
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CategoryChips } from "@/components/storefront/category-chips";
import { Listing } from "@/components/storefront/listing";
import { buttonClasses } from "@/components/ui";
import { knownLocale } from "@/lib/i18n/page-locale";
import { getPathname, Link } from "@/lib/i18n/navigation";
import type { SearchParams } from "@/lib/search-params";
import { browseQuery, CLEARED_FILTERS, hasFilters, parseSearchParams, SEARCH_SORTS, toSearchInput } from "@/lib/storefront/browse-params";
import { searchProducts } from "@/lib/storefront/search-caller";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params, searchParams }: Props): Promise<Metadata> {
  const { locale } = await params;
  const state = parseSearchParams(await searchParams, "search");
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "storefront.search" });
  return {
    title: state.q ? t("metaTitle", { q: state.q }) : t("title"),
    robots: { index: false, follow: true },
  };
}

export default async function SearchPage({ params, searchParams }: Props) {
  const { locale: raw } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  const state = parseSearchParams(await searchParams, "search");
  const [result, t] = await Promise.all([searchProducts(locale, toSearchInput(state)), getTranslations("storefront.search")]);
  const pathname = "/search";
  const { facets } = result;
  const corrected = result.correctedText;
  const category = state.category ? facets.categories.find((c) => c.slug === state.category) : undefined;
  const filtered = hasFilters(state);

  const empty = result.total === 0 ? await EmptyResults({ q: state.q ?? "", corrected, filtered, clearHref: { pathname, query: browseQuery(state, { ...CLEARED_FILTERS, category: undefined }) } }) : undefined;

  return (
    <div className="mx-auto max-w-7xl px-4 py-6 sm:px-6 sm:py-8">
      <h1 className="text-2xl font-bold text-neutral-900 sm:text-3xl" data-testid="search-title">
        {state.q ? t("resultsFor", { q: state.q }) : t("allProducts")}
        {category && <span className="font-normal text-neutral-600"> · {category.name}</span>}
      </h1>
      {corrected && result.total > 0 && (
        <p className="mt-2 text-sm text-neutral-700" data-testid="corrected">
          {t.rich("showingFor", { corrected, strong: (chunks) => <strong className="font-semibold text-neutral-900">{chunks}</strong> })}
        </p>
      )}
      <div className="mt-6">
        <Listing
          result={result}
          state={state}
          sorts={SEARCH_SORTS}
          empty={empty}
          pathname={pathname}
          action={getPathname({ href: pathname, locale })}
          locale={locale}
          label={state.q ? t("resultsFor", { q: state.q }) : t("allProducts")}
        />
      </div>
    </div>
  );
}

/** No results: a spelling suggestion when there is one, tips, and the top categories to browse. */
async function EmptyResults({ q, corrected, filtered, clearHref }: { q: string; corrected: string | null; filtered: boolean; clearHref: { pathname: string; query: Record<string, string | string[]> } }) {
  const t = await getTranslations("storefront.search");
  const tree = await (await getServerCaller()).catalog.getCategoryTree();
  return (
    <div className="rounded-xl border border-dashed border-neutral-300 bg-white px-6 py-10" data-testid="search-empty">
      <h2 className="text-lg font-semibold text-neutral-900">{q ? t("noResultsFor", { q }) : t("noResults")}</h2>
      {corrected && (
        <p className="mt-2 text-neutral-800">
          {t.rich("didYouMean", {
            corrected,
            link: (chunks) => <Link href={{ pathname: "/search", query: { q: corrected } }} className="font-semibold text-brand-700 underline underline-offset-2">{chunks}</Link>,
          })}
        </p>
      )}
      <ul className="mt-4 list-disc space-y-1 ps-5 text-sm text-neutral-700">
        <li>{t("tipSpelling")}</li>
        <li>{t("tipGeneral")}</li>
        {filtered && <li>{t("tipFilters")}</li>}
      </ul>
      {filtered && (
        <Link href={clearHref} className={`${buttonClasses({ variant: "secondary", size: "sm" })} mt-4`}>{t("clearFilters")}</Link>
      )}
      {tree.length > 0 && (
        <nav aria-labelledby="browse-categories" className="mt-6">
          <h3 id="browse-categories" className="text-sm font-semibold text-neutral-900">{t("browseCategories")}</h3>
          <CategoryChips categories={tree} className="mt-2" />
        </nav>
      )}
    </div>
  );
}
