import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrderAddress } from "@/components/orders/order-address";
import { OrderLines } from "@/components/orders/order-lines";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderTotals } from "@/components/orders/order-totals";
import { ShipmentInfo } from "@/components/orders/shipment-info";
import { SubOrderActions } from "@/components/orders/sub-order-actions";
import { PartRefunds, SELLER_REFUND_STATUSES } from "@/components/payments/part-refunds";
import { Alert, Card, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { buildTimeline } from "@/lib/orders/timeline";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; subOrderId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "sellerOrders" });
  return { title: t("detailTitle") };
}

export default async function SellerSubOrderPage({ params }: Props) {
  const { locale: raw, subOrderId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  const { vendor } = await requireSellerVendor(`/seller/orders/${encodeURIComponent(subOrderId)}`);
  const [t, to, tp, format] = await Promise.all([getTranslations("sellerOrders"), getTranslations("orders"), getTranslations("sellerRefunds"), getFormatter()]);
  if (!vendor.permissions.includes("orders.fulfil")) {
    return (
      <>
        <PageHeader title={t("detailTitle")} />
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }
  const caller = await getServerCaller();
  const sub = await caller.orders.getVendorSubOrder({ vendorId: vendor.id, subOrderId }).catch((error: { code?: string }) => {
    // Another shop's part (e.g. after switching shops) is simply not here.
    if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") notFound();
    throw error;
  });
  const history = [...sub.order.history, ...sub.history];
  const refunds = sub.order.paymentMethod === "card" ? await caller.payments.partRefunds({ vendorId: vendor.id, subOrderId: sub.id }) : null;

  return (
    <>
      <PageHeader
        breadcrumbs={
          <Link href="/seller/orders" className="text-brand-700 hover:underline">
            <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {t("back")}
          </Link>
        }
        title={t("subOrderTitle", { number: sub.number })}
        description={t("placedOn", { date: format.dateTime(sub.order.createdAt, { dateStyle: "long", timeStyle: "short" }), shop: vendor.name })}
        actions={<SubOrderActions vendorId={vendor.id} subOrderId={sub.id} number={sub.number} status={sub.status} />}
      />
      <div className="mb-4 flex items-center gap-2">
        <span className="text-sm text-neutral-600">{to("statusHeader")}</span>
        <OrderStatusBadge status={sub.status} />
      </div>
      {sub.status === "CANCELLED" && sub.cancelReason ? <Alert tone="warning" className="mb-4">{t("cancelledBecause", { reason: sub.cancelReason })}</Alert> : null}
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="flex min-w-0 flex-col gap-4">
          <Card className="p-4 sm:p-5">
            <h2 className="mb-3 font-semibold">{t("lines")}</h2>
            <OrderLines lines={sub.lines} currency={sub.order.currency} locale={locale} showSku />
            <div className="mt-4 grid gap-4 border-t border-neutral-100 pt-4 md:grid-cols-2">
              <ShipmentInfo method={sub.shippingMethod} carrier={sub.carrier} trackingNumber={sub.trackingNumber} shippedAt={sub.shippedAt} deliveredAt={sub.deliveredAt} />
              <OrderTotals totals={sub} currency={sub.order.currency} locale={locale} />
            </div>
          </Card>
          <Card className="p-4 sm:p-5">
            <h2 className="mb-3 font-semibold">{to("timeline.title")}</h2>
            <OrderTimeline steps={buildTimeline(history, sub.id)} label={to("timeline.label", { number: sub.number })} />
          </Card>
        </div>
        <aside className="flex flex-col gap-4">
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{t("buyer")}</h2>
            <p className="text-sm" dir="auto">{sub.order.user.name}</p>
            <p className="mb-3 text-sm text-neutral-600">{sub.order.user.email}</p>
            <h2 className="mb-2 text-sm font-semibold">{to("shippingAddress")}</h2>
            <OrderAddress address={sub.order.shippingAddress} locale={locale} />
          </Card>
          <Card className="p-4">
            <h2 className="mb-2 text-sm font-semibold">{to("payment")}</h2>
            <p className="text-sm text-neutral-700">{to.has(`paymentMethod.${sub.order.paymentMethod}` as never) ? to(`paymentMethod.${sub.order.paymentMethod}` as never) : sub.order.paymentMethod}</p>
            <p className="mt-1 text-xs text-neutral-600">{t("orderNumber", { number: sub.order.number })}</p>
          </Card>
          {refunds ? (
            <Card className="p-4">
              <h2 className="mb-2 text-sm font-semibold">{tp("title")}</h2>
              <PartRefunds
                data={refunds} locale={locale} vendorId={vendor.id} subOrderId={sub.id} number={sub.number}
                mayRefund={SELLER_REFUND_STATUSES.includes(sub.status) && !sub.shippedAt}
              />
            </Card>
          ) : null}
        </aside>
      </div>
    </>
  );
}
