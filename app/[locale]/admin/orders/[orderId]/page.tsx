import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrderAddress } from "@/components/orders/order-address";
import { SubOrderDetails } from "@/components/orders/sub-order-details";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderTotals } from "@/components/orders/order-totals";
import { OrderPaymentPanel } from "@/components/payments/order-payment-panel";
import { Alert, Card, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { buildTimeline } from "@/lib/orders/timeline";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; orderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "adminOrders" });
  return { title: t("detailTitle") };
}

export default async function AdminOrderPage({ params }: Props) {
  const { locale: raw, orderId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  const { permissions } = await requireStaff(`/admin/orders/${encodeURIComponent(orderId)}`, "orders.manage");
  const [t, to, format, caller] = await Promise.all([getTranslations("adminOrders"), getTranslations("orders"), getFormatter(), getServerCaller()]);
  const order = await caller.orders.getAnyOrder({ orderId }).catch((error: { code?: string }) => {
    if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") notFound();
    throw error;
  });
  const payments = order.paymentMethod === "card" ? await caller.payments.ofOrder({ orderId: order.id }) : [];
  // Who made each change, by history row id; the system (worker, payment) has no actor.
  const actors = Object.fromEntries(
    order.history.map((h) => [h.id, h.actorId ? (order.actors[h.actorId]?.email ?? t("unknownActor")) : t("system")]),
  );

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/admin/orders" className="text-brand-700 hover:underline">
            <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {t("back")}
          </Link>
        }
        title={t("orderTitle", { number: order.number })}
        description={t("placedBy", { date: format.dateTime(order.createdAt, { dateStyle: "long", timeStyle: "short" }), name: order.user.name, email: order.user.email })}
      />
      <div className="mb-4 flex items-center gap-2">
        <span className="text-sm text-neutral-600">{to("statusHeader")}</span>
        <OrderStatusBadge status={order.status} />
      </div>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          {order.subOrders.map((sub) => (
            <Card key={sub.id} className="p-4 sm:p-5" data-testid="admin-order-part">
              <section aria-labelledby={`part-${sub.id}`}>
                <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
                  <h2 id={`part-${sub.id}`} className="font-semibold">
                    <bdi>{sub.vendor.name}</bdi> <span className="text-sm font-normal text-neutral-600">{sub.number}</span>
                  </h2>
                  <OrderStatusBadge status={sub.status} />
                </div>
                {sub.status === "CANCELLED" && sub.cancelReason ? <Alert tone="warning" className="mb-3">{t("cancelledBecause", { reason: sub.cancelReason })}</Alert> : null}
                <SubOrderDetails sub={sub} history={order.history} currency={order.currency} locale={locale} timelineHeading="h3" showSku actors={actors} />
              </section>
            </Card>
          ))}
        </div>
        <aside className="flex flex-col gap-4">
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{to("shippingAddress")}</h2>
            <OrderAddress address={order.shippingAddress} locale={locale} />
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{to("payment")}</h2>
            <p className="mb-3 text-sm text-neutral-700">{to.has(`paymentMethod.${order.paymentMethod}` as never) ? to(`paymentMethod.${order.paymentMethod}` as never) : order.paymentMethod}</p>
            <OrderTotals totals={order} currency={order.currency} locale={locale} />
            {order.paymentMethod === "card" ? (
              <div className="mt-3 border-t border-neutral-100 pt-3">
                <OrderPaymentPanel payments={payments} locale={locale} canOpen={permissions.has("payments.refund")} />
              </div>
            ) : null}
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("orderHistory")}</h2>
            <OrderTimeline steps={buildTimeline(order.history, null)} label={t("orderHistory")} actors={actors} />
          </Card>
        </aside>
      </div>
    </>
  );
}
