// One shop's part of an order as the shopper and staff see it: its lines, then shipment and
// totals beside its timeline. The card and heading around it belong to the page.
import { useTranslations } from "next-intl";
import { OrderLines, type OrderLineView } from "@/components/orders/order-lines";
import { OrderTimeline } from "@/components/orders/order-timeline";
import { OrderTotals } from "@/components/orders/order-totals";
import { ShipmentInfo } from "@/components/orders/shipment-info";
import { buildTimeline, type HistoryRow } from "@/lib/orders/timeline";

export interface SubOrderView {
  id: string;
  number: string;
  lines: OrderLineView[];
  shippingMethod: unknown;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
  subtotal: number;
  shippingTotal: number;
  discountTotal: number;
  taxTotal: number;
  total: number;
}

export function SubOrderDetails({ sub, history, currency, locale, timelineHeading: Heading, showSku = false, actors }: {
  sub: SubOrderView;
  /** The whole order's history; the part's own steps are picked from it. */
  history: readonly HistoryRow[];
  currency: string;
  locale: string;
  /** The timeline heading's level, one below the part's heading on the page. */
  timelineHeading: "h3" | "h4";
  showSku?: boolean;
  /** Who made each change (staff views). */
  actors?: Record<string, string>;
}) {
  const t = useTranslations("orders");
  return (
    <>
      <OrderLines lines={sub.lines} currency={currency} locale={locale} showSku={showSku} />
      <div className="mt-4 grid gap-4 border-t border-neutral-100 pt-4 md:grid-cols-2">
        <div className="flex flex-col gap-4">
          <ShipmentInfo method={sub.shippingMethod} carrier={sub.carrier} trackingNumber={sub.trackingNumber} shippedAt={sub.shippedAt} deliveredAt={sub.deliveredAt} />
          <OrderTotals totals={sub} currency={currency} locale={locale} />
        </div>
        <div>
          <Heading className="mb-2 text-sm font-semibold">{t("timeline.title")}</Heading>
          <OrderTimeline steps={buildTimeline(history, sub.id)} label={t("timeline.label", { number: sub.number })} actors={actors} />
        </div>
      </div>
    </>
  );
}
