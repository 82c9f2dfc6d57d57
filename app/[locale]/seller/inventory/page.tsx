import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StockTable } from "@/components/seller/inventory/stock-table";
import type { StockRowView } from "@/components/seller/inventory/types";
import { Alert, Button, EmptyState, Input, PageHeader, buttonClasses, cn } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerInventory" });
  return { title: t("title") };
}

const PAGE_SIZE = 25;

export default async function SellerInventoryPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/inventory");
  const [t, tc] = await Promise.all([getTranslations("sellerInventory"), getTranslations("common")]);
  const query = await searchParams;
  const q = queryValue(query, "q", 100);
  const lowOnly = queryValue(query, "low") === "1";
  const page = Math.min(10_000, Math.max(1, Number.parseInt(queryValue(query, "page"), 10) || 1));

  const actions = vendor.permissions.includes("inventory.write") ? (
    <>
      <Link href="/seller/inventory/warehouses" className={buttonClasses({ variant: "secondary" })}>{t("warehouses")}</Link>
      <Link href="/seller/inventory/import" className={buttonClasses({ variant: "secondary" })}>{t("bulkUpdate")}</Link>
    </>
  ) : undefined;
  const header = <PageHeader title={t("title")} description={t("description", { shop: vendor.name })} actions={actions} />;
  if (!vendor.permissions.includes("inventory.write")) {
    return (
      <>
        {header}
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }

  const caller = await getServerCaller();
  const [warehouses, stock, lowCount] = await Promise.all([
    caller.inventory.listWarehouses({ vendorId: vendor.id }),
    caller.inventory.listStock({ vendorId: vendor.id, q, lowStockOnly: lowOnly, page, pageSize: PAGE_SIZE }),
    caller.inventory.countLowStock({ vendorId: vendor.id }),
  ]);
  if (warehouses.length === 0) {
    return (
      <>
        {header}
        <div className="rounded-xl border border-neutral-200 bg-white">
          <EmptyState
            title={t("noWarehousesTitle")}
            description={t("noWarehousesBody")}
            action={<Link href="/seller/inventory/warehouses" className={buttonClasses()}>{t("addWarehouse")}</Link>}
          />
        </div>
      </>
    );
  }

  const rows: StockRowView[] = stock.items.map((r) => ({
    variantId: r.variantId, title: r.title, sku: r.sku, options: Object.values(r.optionValues).join(" / "), onHand: r.onHand, reserved: r.reserved,
    available: r.available, lowStockThreshold: r.lowStockThreshold, maxPerOrder: r.maxPerOrder, low: r.low, levels: r.levels,
  }));
  const pages = Math.max(1, Math.ceil(stock.total / PAGE_SIZE));
  const hrefFor = (changes: { low?: boolean; page?: number }) => {
    const params = new URLSearchParams();
    if (q) params.set("q", q);
    if (changes.low ?? lowOnly) params.set("low", "1");
    if ((changes.page ?? 1) > 1) params.set("page", String(changes.page));
    const s = params.toString();
    return s ? `/seller/inventory?${s}` : "/seller/inventory";
  };
  const tab = (active: boolean) =>
    cn("inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium", active ? "bg-neutral-900 text-white" : "text-neutral-700 hover:bg-neutral-100");

  return (
    <>
      {header}
      <div className="mb-4 flex flex-col gap-3 lg:flex-row lg:items-end lg:justify-between">
        <form role="search" className="flex w-full max-w-md items-end gap-2">
          <div className="flex-1">
            <label htmlFor="inventory-q" className="mb-1 block text-sm font-medium text-neutral-900">{t("searchLabel")}</label>
            <Input id="inventory-q" name="q" type="search" defaultValue={q} placeholder={t("searchPlaceholder")} maxLength={100} dir="auto" />
          </div>
          {lowOnly ? <input type="hidden" name="low" value="1" /> : null}
          <Button type="submit" variant="secondary">{tc("search")}</Button>
        </form>
        <nav aria-label={t("filterLabel")} className="flex gap-1 rounded-lg border border-neutral-200 bg-white p-1">
          <Link href={hrefFor({ low: false })} className={tab(!lowOnly)} aria-current={!lowOnly ? "page" : undefined}>{t("allStock")}</Link>
          <Link href={hrefFor({ low: true })} className={tab(lowOnly)} aria-current={lowOnly ? "page" : undefined}>{t("lowOnly", { count: lowCount })}</Link>
        </nav>
      </div>
      {rows.length === 0 ? (
        <div className="rounded-xl border border-neutral-200 bg-white">
          {q || lowOnly ? <EmptyState title={t("noResultsTitle")} description={t("noResultsBody")} /> : <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />}
        </div>
      ) : (
        <StockTable vendorId={vendor.id} rows={rows} warehouses={warehouses} caption={t("title")} />
      )}
      <div className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm text-neutral-700">
        <p>{t("resultCount", { count: stock.total })}</p>
        {pages > 1 ? (
          <nav aria-label={t("pagination")} className="flex items-center gap-2">
            {page > 1 ? <Link href={hrefFor({ page: page - 1 })} className={buttonClasses({ variant: "secondary", size: "sm" })}>{tc("previous")}</Link> : null}
            <span>{t("pageOf", { page, pages })}</span>
            {page < pages ? <Link href={hrefFor({ page: page + 1 })} className={buttonClasses({ variant: "secondary", size: "sm" })}>{tc("next")}</Link> : null}
          </nav>
        ) : null}
      </div>
    </>
  );
}
