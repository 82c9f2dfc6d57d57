import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { CardLabel, PaymentStatusBadge, RefundStatusBadge } from "@/components/payments/payment-status-badge";
import { RefundButton } from "@/components/payments/refund-button";
import { Alert, Card, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; paymentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "paymentsAdmin" });
  return { title: t("detailTitle") };
}

export default async function AdminPaymentPage({ params }: Props) {
  const { locale: raw, paymentId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  await requireStaff(`/admin/payments/${encodeURIComponent(paymentId)}`, "payments.refund");
  const [t, tr, format, caller] = await Promise.all([getTranslations("paymentsAdmin"), getTranslations("paymentRecords"), getFormatter(), getServerCaller()]);
  const payment = await caller.payments.adminGet({ paymentId }).catch((error: { code?: string }) => {
    if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") notFound();
    throw error;
  });
  const money = (minor: number) => `\u2068${formatMoney(minor, payment.currency, locale)}\u2069`;
  const when = (date: Date) => <time dateTime={date.toISOString()}>{format.dateTime(date, { dateStyle: "medium", timeStyle: "medium" })}</time>;
  const parts = new Map(payment.order.subOrders.map((s) => [s.id, s]));
  const row = (label: string, value: React.ReactNode, testId?: string) => (
    <div className="flex flex-wrap justify-between gap-x-4 gap-y-0.5 py-1.5">
      <dt className="text-neutral-600">{label}</dt>
      <dd className="font-medium text-neutral-900 tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/admin/payments" className="text-brand-700 hover:underline">
            <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {t("back")}
          </Link>
        }
        title={t("paymentTitle", { number: payment.order.number })}
        description={t("createdOn", { date: format.dateTime(payment.createdAt, { dateStyle: "long", timeStyle: "short" }) })}
      />
      <div className="mb-4 flex items-center gap-2">
        <span className="text-sm text-neutral-600">{t("status")}</span>
        <PaymentStatusBadge status={payment.status} />
      </div>
      {payment.status === "FAILED" && payment.failureCode ? (
        <Alert tone="warning" className="mb-4">{t("failedWith", { code: payment.failureCode, message: payment.failureMessage ?? "" })}</Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card className="p-4 sm:p-5">
            <section aria-labelledby="payment-parts">
              <h2 id="payment-parts" className="mb-1 font-semibold">{t("parts")}</h2>
              <p className="mb-3 text-sm text-neutral-600">{payment.status === "CAPTURED" ? t("partsHint") : t("notRefundable")}</p>
              <ul className="divide-y divide-neutral-100">
                {payment.order.subOrders.map((sub) => (
                  <li key={sub.id} className="flex flex-wrap items-center justify-between gap-3 py-3 first:pt-0 last:pb-0" data-testid="payment-part">
                    <div className="min-w-0">
                      <p className="font-medium"><bdi>{sub.vendor.name}</bdi> <span className="text-sm font-normal text-neutral-600">{sub.number}</span></p>
                      <p className="text-sm text-neutral-600 tabular-nums">
                        {t("partAmounts", { total: money(sub.total), refunded: money(sub.refunded), left: money(sub.refundable) })}
                      </p>
                    </div>
                    <div className="flex items-center gap-2">
                      <OrderStatusBadge status={sub.status} />
                      {payment.status === "CAPTURED" ? <RefundButton subOrderId={sub.id} number={sub.number} currency={payment.currency} refundable={sub.refundable} /> : null}
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          </Card>

          <Card className="p-4 sm:p-5">
            <section aria-labelledby="payment-refunds">
              <h2 id="payment-refunds" className="mb-3 font-semibold">{t("refunds")}</h2>
              {payment.refunds.length === 0 ? (
                <p className="text-sm text-neutral-600">{t("noRefunds")}</p>
              ) : (
                <ul className="divide-y divide-neutral-100" data-testid="payment-refunds">
                  {payment.refunds.map((r) => (
                    <li key={r.id} className="flex flex-col gap-1 py-3 text-sm first:pt-0 last:pb-0" data-testid="payment-refund">
                      <div className="flex flex-wrap items-center justify-between gap-2">
                        <span className="font-semibold tabular-nums">{money(r.amount)}</span>
                        <RefundStatusBadge status={r.status} />
                      </div>
                      <p className="text-neutral-600">
                        {when(r.createdAt)}
                        {" · "}
                        {r.subOrderId ? (parts.get(r.subOrderId)?.number ?? "—") : t("wholeOrder")}
                        {" · "}
                        {t("byWho", { who: r.actorEmail ?? t("system") })}
                      </p>
                      {r.reason ? <p className="text-neutral-800" dir="auto">{r.reason}</p> : null}
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </Card>

          <Card className="p-4 sm:p-5">
            <section aria-labelledby="payment-events">
              <h2 id="payment-events" className="mb-1 font-semibold">{t("events")}</h2>
              <p className="mb-3 text-sm text-neutral-600">{t("eventsHint")}</p>
              {payment.events.length === 0 ? (
                <p className="text-sm text-neutral-600">{t("noEvents")}</p>
              ) : (
                <ol className="relative flex flex-col gap-4 border-s-2 border-neutral-200 ps-5" aria-label={t("events")} data-testid="payment-events">
                  {payment.events.map((e) => (
                    <li key={e.id} className="relative" data-type={e.type}>
                      <span aria-hidden="true" className={`absolute -start-[1.72rem] top-1 size-3 rounded-full ring-4 ring-white ${e.processedAt ? "bg-success-600" : "bg-warning-500"}`} />
                      <p className="font-mono text-sm font-medium text-neutral-900" dir="ltr">{e.type}</p>
                      <p className="text-xs text-neutral-600">
                        {t("received")} {when(e.receivedAt)}
                        {" · "}
                        {e.processedAt ? <>{t("processed")} {when(e.processedAt)}</> : t("notProcessed")}
                      </p>
                      <p className="font-mono text-xs break-all text-neutral-500" dir="ltr">{e.id}</p>
                    </li>
                  ))}
                </ol>
              )}
            </section>
          </Card>
        </div>

        <aside className="flex flex-col gap-4">
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("amounts")}</h2>
            <dl className="divide-y divide-neutral-100 text-sm">
              {row(t("amount"), money(payment.amount), "payment-amount")}
              {row(t("refunded"), money(payment.amountRefunded), "payment-refunded")}
              {row(t("net"), money(payment.amount - payment.amountRefunded))}
              {payment.status === "CAPTURED" ? row(t("leftToRefund"), money(payment.refundable)) : null}
            </dl>
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("provider")}</h2>
            <dl className="divide-y divide-neutral-100 text-sm">
              {row(t("providerName"), tr.has(`provider.${payment.provider}` as never) ? tr(`provider.${payment.provider}` as never) : payment.provider)}
              {row(t("intentId"), payment.providerPaymentId ? <span className="font-mono text-xs break-all" dir="ltr">{payment.providerPaymentId}</span> : "—")}
              {payment.card ? row(t("card"), <CardLabel card={payment.card} />) : null}
              {row(t("paymentId"), <span className="font-mono text-xs break-all" dir="ltr">{payment.id}</span>)}
            </dl>
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("order")}</h2>
            <p className="text-sm">
              <Link href={`/admin/orders/${payment.order.id}`} className="font-medium text-brand-700 hover:underline" data-testid="payment-order-link">{payment.order.number}</Link>
            </p>
            <p className="text-sm" dir="auto">{payment.order.user.name}</p>
            <p className="mb-2 text-sm text-neutral-600">{payment.order.user.email}</p>
            <OrderStatusBadge status={payment.order.status} />
          </Card>
        </aside>
      </div>
    </>
  );
}
