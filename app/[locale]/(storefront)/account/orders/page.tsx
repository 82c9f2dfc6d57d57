import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderThumb } from "@/components/orders/order-thumb";
import { buttonClasses, Card, CursorPager, EmptyState } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { cursorValue, type SearchParams } from "@/lib/search-params";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 10;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "accountOrders" });
  return { title: t("title"), robots: { index: false } };
}

export default async function MyOrdersPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const cursor = cursorValue(await searchParams);
  await requireSession(`/account/orders${cursor ? `?cursor=${cursor}` : ""}`);
  const [t, format, caller] = await Promise.all([getTranslations("accountOrders"), getFormatter(), getServerCaller()]);
  const page = await caller.orders.listMyOrders({ cursor, limit: PAGE_SIZE });

  return (
    <section aria-labelledby="orders-title">
      <h2 id="orders-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mb-4 text-sm text-neutral-600">{t("description")}</p>
      {page.items.length === 0 ? (
        <Card>
          <EmptyState
            title={cursor ? t("noMoreTitle") : t("emptyTitle")}
            description={cursor ? undefined : t("emptyBody")}
            headingLevel="h3"
            action={<Link href={cursor ? "/account/orders" : "/"} className={buttonClasses({})}>{cursor ? t("firstPage") : t("browse")}</Link>}
          />
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="my-orders">
          {page.items.map((order) => {
            const lines = order.subOrders.flatMap((s) => s.lines);
            const lineCount = order.subOrders.reduce((n, s) => n + s._count.lines, 0);
            const shown = lines.slice(0, 4);
            return (
              <li key={order.id}>
                <Card className="relative flex flex-col gap-3 p-4 focus-within:ring-2 focus-within:ring-brand-600 hover:border-neutral-300 sm:flex-row sm:items-center sm:justify-between" data-testid="my-order">
                  <div className="flex min-w-0 flex-col gap-1">
                    <Link href={`/account/orders/${order.id}`} className="font-semibold text-brand-700 after:absolute after:inset-0 hover:underline focus:outline-none">
                      {t("orderNumber", { number: order.number })}
                    </Link>
                    <p className="text-sm text-neutral-600">
                      <time dateTime={order.createdAt.toISOString()}>{format.dateTime(order.createdAt, { dateStyle: "medium" })}</time>
                      {" · "}
                      {t("items", { count: lineCount })}
                      {" · "}
                      {t("shops", { count: order.subOrders.length })}
                    </p>
                    <div className="flex flex-wrap items-center gap-2">
                      <OrderStatusBadge status={order.status} />
                      <span className="font-semibold tabular-nums">{`\u2068${formatMoney(order.total, order.currency, locale)}\u2069`}</span>
                    </div>
                  </div>
                  <div className="flex items-center gap-2" aria-hidden="true">
                    {shown.map((line) => <OrderThumb key={line.id} imageKey={line.imageKey} className="size-14" />)}
                    {lineCount > shown.length ? <span className="text-sm text-neutral-600">{t("more", { count: lineCount - shown.length })}</span> : null}
                  </div>
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {page.items.length > 0 ? (
        <CursorPager pathname="/account/orders" cursor={cursor} nextCursor={page.nextCursor} label={t("pagination")} firstLabel={t("firstPage")} nextLabel={t("nextPage")} />
      ) : null}
    </section>
  );
}
