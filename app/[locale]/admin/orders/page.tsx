import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderSearch } from "@/components/orders/order-search";
import { StatusTabs, statusFromQuery } from "@/components/orders/status-tabs";
import { buttonClasses, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { queryValue, type SearchParams } from "@/lib/search-params";
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
  const sp = await searchParams;
  const status = statusFromQuery(queryValue(sp, "status", 30));
  const q = queryValue(sp, "q", 100);
  const rawCursor = queryValue(sp, "cursor", 50);
  const cursor = /^[a-z0-9]{1,50}$/i.test(rawCursor) ? rawCursor : undefined;
  const query: Record<string, string> = { ...(status ? { status: status.toLowerCase() } : {}), ...(q ? { q } : {}) };
  const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();
  await requireStaff(`/admin/orders${search ? `?${search}` : ""}`, "orders.manage");
  const [t, to, format, caller] = await Promise.all([getTranslations("adminOrders"), getTranslations("orders"), getFormatter(), getServerCaller()]);
  const page = await caller.orders.listAllOrders({ status, query: q || undefined, cursor, limit: PAGE_SIZE });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <StatusTabs pathname="/admin/orders" current={status} query={q ? { q } : {}} label={to("filterByStatus")} />
      <OrderSearch pathname="/admin/orders" locale={locale} id="admin-orders-q" status={status} q={q}
        label={t("search")} placeholder={t("searchPlaceholder")} applyLabel={to("apply")} clearLabel={to("clear")} />

      <Table caption={t("tableCaption")} data-testid="admin-orders">
        <THead>
          <TR>
            <TH>{to("number")}</TH>
            <TH>{to("date")}</TH>
            <TH>{t("shopper")}</TH>
            <TH>{t("parts")}</TH>
            <TH className="text-end">{to("total")}</TH>
            <TH>{to("statusHeader")}</TH>
          </TR>
        </THead>
        <TBody>
          {page.items.length === 0 ? (
            <TR>
              <TD colSpan={6} className="py-10 text-center text-neutral-600">{q || status ? t("emptySearch") : t("empty")}</TD>
            </TR>
          ) : (
            page.items.map((order) => (
              <TR key={order.id} className="hover:bg-neutral-50" data-testid="admin-order-row">
                <TD className="whitespace-nowrap">
                  <Link href={`/admin/orders/${order.id}`} className="font-medium text-brand-700 hover:underline">{order.number}</Link>
                </TD>
                <TD className="whitespace-nowrap">
                  <time dateTime={order.createdAt.toISOString()}>{format.dateTime(order.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </TD>
                <TD className="min-w-40">
                  <span className="block" dir="auto">{order.user.name}</span>
                  <span className="block text-xs text-neutral-600">{order.user.email}</span>
                </TD>
                <TD className="tabular-nums">{t("partCount", { count: order._count.subOrders })}</TD>
                <TD className="text-end whitespace-nowrap tabular-nums">{`\u2068${formatMoney(order.total, order.currency, locale)}\u2069`}</TD>
                <TD><OrderStatusBadge status={order.status} /></TD>
              </TR>
            ))
          )}
        </TBody>
      </Table>

      {page.nextCursor || cursor ? (
        <nav aria-label={to("pagination")} className="mt-4 flex flex-wrap justify-between gap-2">
          {cursor ? <Link href={{ pathname: "/admin/orders", query }} className={buttonClasses({ variant: "ghost" })}>{to("firstPage")}</Link> : <span />}
          {page.nextCursor ? (
            <Link href={{ pathname: "/admin/orders", query: { ...query, cursor: page.nextCursor } }} className={buttonClasses({ variant: "secondary" })}>{to("nextPage")}</Link>
          ) : null}
        </nav>
      ) : null}
    </>
  );
}
