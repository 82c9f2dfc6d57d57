import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { ModerationBadge, ProductStatusBadge } from "@/components/seller/products/product-badges";
import { ProductRowActions } from "@/components/seller/products/product-row-actions";
import { ProductThumb } from "@/components/seller/products/product-thumb";
import { buttonClasses, Card, cn, CursorPager, EmptyState, Input, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import { cursorValue, queryValue, type SearchParams } from "@/lib/search-params";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

const TABS = ["all", "DRAFT", "ACTIVE", "ARCHIVED"] as const;
type Tab = (typeof TABS)[number];

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerProducts" });
  return { title: t("title") };
}

export default async function SellerProductsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/products");
  const sp = await searchParams;
  const statusParam = queryValue(sp, "status", 10);
  const tab: Tab = (TABS as readonly string[]).includes(statusParam) ? (statusParam as Tab) : "all";
  const q = queryValue(sp, "q", 100);
  const cursor = cursorValue(sp);

  const [t, format, caller] = await Promise.all([getTranslations("sellerProducts"), getFormatter(), getServerCaller()]);
  const page = await caller.products.listVendorProducts({
    vendorId: vendor.id,
    ...(tab !== "all" ? { status: tab } : {}),
    ...(q ? { query: q } : {}),
    ...(cursor ? { cursor } : {}),
    limit: 25,
  });
  const query = { ...(tab !== "all" ? { status: tab } : {}), ...(q ? { q } : {}) };
  const price = (p: { minPrice: number; maxPrice: number; currency: string }) =>
    p.minPrice === p.maxPrice
      ? formatMoney(p.minPrice, p.currency, locale)
      : t("priceRange", { min: formatMoney(p.minPrice, p.currency, locale), max: formatMoney(p.maxPrice, p.currency, locale) });

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description", { shop: vendor.name })}
        actions={
          <>
            <a href={`/api/seller/products/export?vendorId=${encodeURIComponent(vendor.id)}`} download className={buttonClasses({ variant: "secondary" })}>
              {t("exportCsv")}
            </a>
            <Link href="/seller/products/import" className={buttonClasses({ variant: "secondary" })}>
              {t("importCsv")}
            </Link>
            <Link href="/seller/products/new" className={buttonClasses()}>
              {t("newProduct")}
            </Link>
          </>
        }
      />

      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <nav aria-label={t("tabsLabel")}>
          <ul className="flex flex-wrap gap-1 rounded-lg bg-neutral-100 p-1">
            {TABS.map((s) => (
              <li key={s}>
                <Link
                  href={{ pathname: "/seller/products", query: { ...(s !== "all" ? { status: s } : {}), ...(q ? { q } : {}) } }}
                  aria-current={s === tab ? "page" : undefined}
                  className={cn(
                    "inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium focus-visible:outline-2 focus-visible:outline-brand-600",
                    s === tab ? "bg-white text-neutral-900 shadow-xs" : "text-neutral-700 hover:text-neutral-900",
                  )}
                >
                  {t(`tabs.${s}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <form role="search" method="get" className="flex items-end gap-2">
          {tab !== "all" ? <input type="hidden" name="status" value={tab} /> : null}
          <div>
            <label htmlFor="product-search" className="mb-1 block text-sm font-medium">
              {t("searchLabel")}
            </label>
            <div className="w-64 max-w-full">
              <Input id="product-search" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} />
            </div>
          </div>
          <button type="submit" className={buttonClasses({ variant: "secondary" })}>
            {t("search")}
          </button>
        </form>
      </div>

      {page.items.length === 0 ? (
        <Card>
          <EmptyState
            title={q || tab !== "all" || cursor ? t("noMatches") : t("empty")}
            description={q || tab !== "all" || cursor ? t("noMatchesBody") : t("emptyBody")}
            action={
              <Link href="/seller/products/new" className={buttonClasses()}>
                {t("newProduct")}
              </Link>
            }
          />
        </Card>
      ) : (
        <Table caption={t("tableCaption")} data-testid="product-list">
          <THead>
            <TR>
              <TH>{t("columns.product")}</TH>
              <TH>{t("columns.price")}</TH>
              <TH>{t("columns.variants")}</TH>
              <TH>{t("columns.status")}</TH>
              <TH>{t("columns.moderation")}</TH>
              <TH>{t("columns.updated")}</TH>
              <TH>
                <span className="sr-only">{t("columns.actions")}</span>
              </TH>
            </TR>
          </THead>
          <TBody>
            {page.items.map((p) => (
              <TR key={p.id} className="hover:bg-neutral-50">
                <TH scope="row" className="min-w-56 font-medium">
                  <div className="flex items-center gap-3">
                    <ProductThumb image={p.image} />
                    <Link href={`/seller/products/${p.id}`} className="line-clamp-2 text-brand-800 hover:underline">
                      <bdi>{p.title}</bdi>
                    </Link>
                  </div>
                </TH>
                <TD className="whitespace-nowrap tabular-nums">{price(p)}</TD>
                <TD className="whitespace-nowrap tabular-nums">{t("variantCount", { count: p.variantCount })}</TD>
                <TD>
                  <ProductStatusBadge status={p.status} />
                </TD>
                <TD>
                  <ModerationBadge moderation={p.moderation} reason={p.moderationReason} />
                </TD>
                <TD className="whitespace-nowrap text-neutral-700">
                  <time dateTime={p.updatedAt.toISOString()} title={format.dateTime(p.updatedAt, { dateStyle: "medium", timeStyle: "short" })}>
                    {format.relativeTime(p.updatedAt)}
                  </time>
                </TD>
                <TD>
                  <ProductRowActions
                    vendorId={vendor.id}
                    product={{ id: p.id, title: p.title, status: p.status, moderation: p.moderation, published: p.publishedAt !== null }}
                  />
                </TD>
              </TR>
            ))}
          </TBody>
        </Table>
      )}

      <CursorPager pathname="/seller/products" query={query} cursor={cursor} nextCursor={page.nextCursor}
        label={t("pagination")} firstLabel={t("firstPage")} nextLabel={t("nextPage")} />
    </>
  );
}
