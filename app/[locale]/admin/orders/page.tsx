import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { OrderSearch } from "@/components/orders/order-search";
import { orderListQuery, OrdersTable } from "@/components/orders/orders-table";
import { StatusTabs } from "@/components/orders/status-tabs";
import { CursorPager, PageHeader } from "@/components/ui";
import { knownLocale } from "@/lib/i18n/page-locale";
import type { SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 25;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "adminOrders" });
  return { title: t("title") };
}

export default async function AdminOrdersPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const { status, q, cursor, query, search } = orderListQuery(await searchParams);
  await requireStaff(`/admin/orders${search}`, "orders.manage");
  const [t, to, caller] = await Promise.all([getTranslations("adminOrders"), getTranslations("orders"), getServerCaller()]);
  const page = await caller.orders.listAllOrders({ status, query: q || undefined, cursor, limit: PAGE_SIZE });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <StatusTabs pathname="/admin/orders" current={status} query={q ? { q } : {}} label={to("filterByStatus")} />
      <OrderSearch pathname="/admin/orders" locale={locale} id="admin-orders-q" status={status} q={q}
        label={t("search")} placeholder={t("searchPlaceholder")} applyLabel={to("apply")} clearLabel={to("clear")} />
      <OrdersTable
        locale={locale} caption={t("tableCaption")} buyerHeader={t("shopper")} sizeHeader={t("parts")}
        emptyText={q || status ? t("emptySearch") : t("empty")} testId="admin-orders" rowTestId="admin-order-row"
        rows={page.items.map((order) => ({
          id: order.id, href: `/admin/orders/${order.id}`, number: order.number, createdAt: order.createdAt, buyer: order.user,
          size: t("partCount", { count: order._count.subOrders }), total: order.total, currency: order.currency, status: order.status,
        }))}
      />
      <CursorPager pathname="/admin/orders" query={query} cursor={cursor} nextCursor={page.nextCursor}
        label={to("pagination")} firstLabel={to("firstPage")} nextLabel={to("nextPage")} />
    </>
  );
}
