import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CardLabel, PaymentStatusBadge, RefundStatusBadge } from "@/components/payments/payment-status-badge";
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
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "accountPayments" });
  return { title: t("title"), robots: { index: false } };
}

export default async function MyPaymentsPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const cursor = cursorValue(await searchParams);
  await requireSession(`/account/payments${cursor ? `?cursor=${cursor}` : ""}`);
  const [t, format, caller] = await Promise.all([getTranslations("accountPayments"), getFormatter(), getServerCaller()]);
  const page = await caller.payments.myPayments({ cursor, limit: PAGE_SIZE });

  return (
    <section aria-labelledby="payments-title">
      <h2 id="payments-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mb-4 text-sm text-neutral-600">{t("description")}</p>
      {page.items.length === 0 ? (
        <Card>
          <EmptyState
            title={cursor ? t("noMoreTitle") : t("emptyTitle")}
            description={cursor ? undefined : t("emptyBody")}
            headingLevel="h3"
            action={<Link href={cursor ? "/account/payments" : "/account/orders"} className={buttonClasses({})}>{cursor ? t("firstPage") : t("toOrders")}</Link>}
          />
        </Card>
      ) : (
        <ul className="flex flex-col gap-3" data-testid="my-payments">
          {page.items.map((p) => {
            const money = (minor: number) => `\u2068${formatMoney(minor, p.currency, locale)}\u2069`;
            return (
              <li key={p.id}>
                <Card className="flex flex-col gap-3 p-4 sm:flex-row sm:items-start sm:justify-between" data-testid="my-payment">
                  <div className="flex min-w-0 flex-col gap-1">
                    <p className="font-semibold">
                      <Link href={`/account/orders/${p.order.id}`} className="text-brand-700 hover:underline">{t("orderNumber", { number: p.order.number })}</Link>
                    </p>
                    <p className="text-sm text-neutral-600">
                      <time dateTime={p.createdAt.toISOString()}>{format.dateTime(p.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                      {p.card ? <>{" · "}<CardLabel card={p.card} /></> : null}
                    </p>
                    <div className="flex flex-wrap items-center gap-2">
                      <PaymentStatusBadge status={p.status} />
                      <span className="font-semibold tabular-nums">{money(p.amount)}</span>
                    </div>
                    {p.refunds.length > 0 ? (
                      <ul className="mt-1 flex flex-col gap-1 text-sm text-neutral-700" aria-label={t("refunds")}>
                        {p.refunds.map((r) => (
                          <li key={r.id} className="flex flex-wrap items-center gap-2">
                            <span className="tabular-nums">{t("refundLine", { amount: money(r.amount), date: format.dateTime(r.createdAt, { dateStyle: "medium" }) })}</span>
                            <RefundStatusBadge status={r.status} />
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </div>
                  {p.status === "CAPTURED" ? (
                    <div className="flex shrink-0 flex-wrap gap-2">
                      <Link href={`/account/payments/${p.id}/receipt`} className={buttonClasses({ variant: "secondary", size: "sm" })} data-testid="receipt-link">
                        {t("viewReceipt")}<span className="sr-only"> {t("orderNumber", { number: p.order.number })}</span>
                      </Link>
                      <a href={`/api/receipts/${p.id}?locale=${locale}`} className={buttonClasses({ variant: "ghost", size: "sm" })} download data-testid="receipt-pdf">
                        {t("downloadPdf")}<span className="sr-only"> {t("orderNumber", { number: p.order.number })}</span>
                      </a>
                    </div>
                  ) : null}
                </Card>
              </li>
            );
          })}
        </ul>
      )}
      {page.items.length > 0 ? (
        <CursorPager pathname="/account/payments" cursor={cursor} nextCursor={page.nextCursor} label={t("pagination")} firstLabel={t("firstPage")} nextLabel={t("nextPage")} />
      ) : null}
    </section>
  );
}
