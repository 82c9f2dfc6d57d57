// A category's or a shop's products: filters (optional), sort, result count, grid, pages.
import { getTranslations } from "next-intl/server";
import { buttonClasses, EmptyState } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { getAuthSession } from "@/server/auth";
import { getServerCaller } from "@/server/trpc/server";
import type { ReactNode } from "react";
import { browseQuery, CLEARED_FILTERS, hasFilters, type AnyBrowseState } from "@/lib/storefront/browse-params";
import { FilterPanel, type Facets } from "./filter-panel";
import { Pagination } from "./pagination";
import { ProductCard, ProductGrid, type ProductCardData } from "./product-card";
import { SortSelect } from "./sort-select";

export interface ListingResult {
  items: ProductCardData[];
  total: number;
  /** The engine estimated the total (a very broad query): shown as "about N". */
  totalIsEstimate?: boolean;
  page: number;
  pageCount: number;
  facets: Facets;
}

interface ListingProps {
  result: ListingResult;
  state: AnyBrowseState;
  /** Sort orders offered (the shop listing's three by default). */
  sorts?: readonly string[];
  /** Shown instead of the default empty state when nothing matches (the search page's tips). */
  empty?: ReactNode;
  /** Path without the locale ("/c/lamps") for links, and with it for the forms' action. */
  pathname: string;
  action: string;
  locale: string;
  /** Show the filter panel (categories); shops list with sort and pages only. */
  filters?: boolean;
  /** Name the shop on each card (not on the shop's own page). */
  showVendor?: boolean;
  /** Attribute code → type (BOOLEAN, NUMBER…) so facet values are shown localized. */
  attributeTypes?: Record<string, string>;
  /** Heading of the results, for the grid's label. */
  label: string;
}

export async function Listing({ result, state, sorts, empty, pathname, action, locale, filters = true, showVendor = true, attributeTypes, label }: ListingProps) {
  const t = await getTranslations("storefront.listing");
  const nf = new Intl.NumberFormat(locale);
  const currency = result.items[0]?.currency ?? "USD";
  const filtered = hasFilters(state);
  // Which of these products are on the shopper's wishlist (guests: null, the heart asks them to sign in).
  const session = await getAuthSession();
  const saved = session && result.items.length > 0
    ? new Set(await (await getServerCaller()).wishlist.contains({ productIds: result.items.slice(0, 100).map((i) => i.id) }))
    : null;

  const results = (
    <div className="min-w-0 flex-1">
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <p className="text-sm text-neutral-700" aria-live="polite" data-testid="result-count">
          {result.totalIsEstimate ? t("resultsAbout", { count: result.total, formatted: nf.format(result.total) }) : t("results", { count: result.total, formatted: nf.format(result.total) })}
        </p>
        <SortSelect action={action} state={state} sorts={sorts} />
      </div>
      {result.items.length > 0 ? (
        <>
          <ProductGrid label={label} narrow>
            {result.items.map((item, i) => (
              <li key={item.id}><ProductCard product={item} locale={locale} priority={i < 4 && state.page === 1} showVendor={showVendor} saved={saved ? saved.has(item.id) : null} /></li>
            ))}
          </ProductGrid>
          <Pagination pathname={pathname} state={state} pageCount={result.pageCount} locale={locale} />
        </>
      ) : empty ?? (
        <EmptyState
          className="rounded-xl border border-dashed border-neutral-300 bg-white"
          title={filtered ? t("noMatchTitle") : t("emptyTitle")}
          description={filtered ? t("noMatchBody") : t("emptyBody")}
          action={filtered ? (
            <Link href={{ pathname, query: browseQuery(state, CLEARED_FILTERS) }} className={buttonClasses({ variant: "secondary" })}>
              {t("clearFilters")}
            </Link>
          ) : undefined}
        />
      )}
    </div>
  );

  if (!filters) return results;
  return (
    <div className="flex flex-col gap-6 lg:flex-row lg:items-start">
      <aside className="lg:sticky lg:top-20 lg:w-64 lg:shrink-0" aria-label={t("filtersRegion")}>
        <FilterPanel action={action} pathname={pathname} state={state} facets={result.facets} currency={currency} locale={locale} attributeTypes={attributeTypes} />
      </aside>
      {results}
    </div>
  );
}
