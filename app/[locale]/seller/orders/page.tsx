import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrderSearch } from "@/components/orders/order-search";
import { orderListQuery, OrdersTable } from "@/components/orders/orders-table";
import { StatusTabs } from "@/components/orders/status-tabs";
import { Alert, CursorPager, PageHeader } from "@/components/ui";
import { knownLocale } from "@/lib/i18n/page-locale";
import type { SearchParams } from "@/lib/search-params";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 25;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "sellerOrders" });
  return { title: t("title") };
}

export default async function SellerOrdersPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const { status, q, cursor, query, search } = orderListQuery(await searchParams);
  const { vendor } = await requireSellerVendor(`/seller/orders${search}`);
  const [t, to] = await Promise.all([getTranslations("sellerOrders"), getTranslations("orders")]);
  const header = <PageHeader title={t("title")} description={t("description", { shop: vendor.name })} />;
  if (!vendor.permissions.includes("orders.fulfil")) {
    return (
      <>
        {header}
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }
  const page = await (await getServerCaller()).orders.listVendorSubOrders({ vendorId: vendor.id, status, query: q || undefined, cursor, limit: PAGE_SIZE });

  return (
    <>
      {header}
      <StatusTabs pathname="/seller/orders" current={status} query={q ? { q } : {}} label={to("filterByStatus")} />
      <OrderSearch pathname="/seller/orders" locale={locale} id="seller-orders-q" status={status} q={q}
        label={t("search")} placeholder={t("searchPlaceholder")} applyLabel={to("apply")} clearLabel={to("clear")} />
      <OrdersTable
        locale={locale} caption={t("tableCaption")} buyerHeader={t("buyer")} sizeHeader={to("itemsHeader")}
        emptyText={q || status ? t("emptySearch") : t("empty")} testId="seller-orders" rowTestId="seller-order-row"
        rows={page.items.map((sub) => ({
          id: sub.id, href: `/seller/orders/${sub.id}`, number: sub.number, createdAt: sub.createdAt, buyer: sub.order.user,
          size: to("itemCount", { count: sub._count.lines }), total: sub.total, currency: sub.order.currency, status: sub.status,
        }))}
      />
      <CursorPager pathname="/seller/orders" query={query} cursor={cursor} nextCursor={page.nextCursor}
        label={to("pagination")} firstLabel={to("firstPage")} nextLabel={to("nextPage")} />
    </>
  );
}
