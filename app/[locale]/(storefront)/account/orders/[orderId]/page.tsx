import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { CancelOrderButton } from "@/components/orders/cancel-order-button";
import { LiveOrderRefresh } from "@/components/orders/live-order-refresh";
import { OrderAddress } from "@/components/orders/order-address";
import { SubOrderDetails } from "@/components/orders/sub-order-details";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderTotals } from "@/components/orders/order-totals";
import { Alert, Card } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { shopperMayCancel } from "@/lib/orders/timeline";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; orderId: string }> };

async function load(orderId: string) {
  const caller = await getServerCaller();
  return caller.orders.getMyOrder({ orderId }).catch((error: { code?: string }) => {
    if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") notFound();
    throw error;
  });
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "accountOrders" });
  return { title: t("detailTitle"), robots: { index: false } };
}

export default async function MyOrderPage({ params }: Props) {
  const { locale: raw, orderId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  const session = await requireSession(`/account/orders/${encodeURIComponent(orderId)}`);
  const [t, to, format, order] = await Promise.all([getTranslations("accountOrders"), getTranslations("orders"), getFormatter(), load(orderId)]);
  const cancellable = shopperMayCancel(order.subOrders);

  return (
    <article aria-labelledby="order-title" data-testid="order-detail">
      <LiveOrderRefresh userId={session.user.id} orderId={order.id} />
      <p className="mb-2 text-sm">
        <Link href="/account/orders" className="text-brand-700 hover:underline">
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {t("back")}
        </Link>
      </p>
      <header className="mb-5 flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div>
          <h2 id="order-title" className="text-xl font-semibold">{t("orderNumber", { number: order.number })}</h2>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-neutral-600">
            <span>{t("placedOn", { date: format.dateTime(order.createdAt, { dateStyle: "long", timeStyle: "short" }) })}</span>
            <OrderStatusBadge status={order.status} />
          </p>
        </div>
        {cancellable ? <CancelOrderButton orderId={order.id} number={order.number} /> : null}
      </header>

      {order.status === "PENDING_PAYMENT" && order.paymentMethod === "card" ? (
        <Alert tone="warning" className="mb-5" data-testid="awaiting-payment"
          action={<Link href={`/checkout/pay/${order.id}`} className="font-medium text-brand-700 underline">{t("payNow")}</Link>}>
          {t("awaitingPayment")}
        </Alert>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {order.subOrders.map((sub) => (
            <Card key={sub.id} className="p-4 sm:p-5" data-testid="order-part" data-vendor={sub.vendor.slug}>
              <section aria-labelledby={`part-${sub.id}`}>
                <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                  <h3 id={`part-${sub.id}`} className="font-semibold">
                    {t.rich("soldBy", {
                      shop: sub.vendor.name,
                      link: (chunks) => <Link href={`/shop/${sub.vendor.slug}`} className="text-brand-700 hover:underline">{chunks}</Link>,
                    })}
                  </h3>
                  <div className="flex items-center gap-2 text-sm text-neutral-600">
                    <span>{sub.number}</span>
                    <OrderStatusBadge status={sub.status} />
                  </div>
                </div>
                {sub.status === "CANCELLED" && sub.cancelReason ? (
                  <Alert tone="warning" className="mb-3">{t("partCancelled", { reason: sub.cancelReason })}</Alert>
                ) : null}
                <SubOrderDetails sub={sub} history={order.history} currency={order.currency} locale={locale} timelineHeading="h4" />
              </section>
            </Card>
          ))}
        </div>
        <aside className="flex flex-col gap-4">
          <Card className="p-4">
            <h3 className="mb-2 text-sm font-semibold">{to("shippingAddress")}</h3>
            <OrderAddress address={order.shippingAddress} locale={locale} />
          </Card>
          <Card className="p-4">
            <h3 className="mb-2 text-sm font-semibold">{to("payment")}</h3>
            <p className="mb-3 text-sm text-neutral-700">{to.has(`paymentMethod.${order.paymentMethod}` as never) ? to(`paymentMethod.${order.paymentMethod}` as never) : order.paymentMethod}</p>
            <OrderTotals totals={order} currency={order.currency} locale={locale} />
          </Card>
        </aside>
      </div>
    </article>
  );
}
