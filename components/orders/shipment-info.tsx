// The shipping method chosen at checkout and, once shipped, carrier and tracking number.
import { useFormatter, useTranslations } from "next-intl";

export interface ShippingMethodSnapshot {
  name?: string;
  minDays?: number;
  maxDays?: number;
}

export function ShipmentInfo({
  method,
  carrier,
  trackingNumber,
  shippedAt,
  deliveredAt,
}: {
  method: unknown;
  carrier: string | null;
  trackingNumber: string | null;
  shippedAt: Date | null;
  deliveredAt: Date | null;
}) {
  const t = useTranslations("orders");
  const format = useFormatter();
  const m = (method ?? {}) as ShippingMethodSnapshot;
  const when = (d: Date) => <time dateTime={d.toISOString()}>{format.dateTime(d, { dateStyle: "medium", timeStyle: "short" })}</time>;
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="shipment-info">
      <dt className="text-neutral-600">{t("shippingMethod")}</dt>
      <dd className="text-neutral-900">
        <bdi>{m.name ?? "—"}</bdi>
        {m.minDays != null && m.maxDays != null ? <span className="text-neutral-600"> · {t("deliveryDays", { min: m.minDays, max: m.maxDays })}</span> : null}
      </dd>
      {carrier ? (
        <>
          <dt className="text-neutral-600">{t("carrier")}</dt>
          <dd className="text-neutral-900" data-testid="carrier"><bdi>{carrier}</bdi></dd>
        </>
      ) : null}
      {trackingNumber ? (
        <>
          <dt className="text-neutral-600">{t("trackingNumber")}</dt>
          <dd className="font-mono text-neutral-900" data-testid="tracking-number" dir="ltr">{trackingNumber}</dd>
        </>
      ) : null}
      {shippedAt ? (
        <>
          <dt className="text-neutral-600">{t("shippedAt")}</dt>
          <dd className="text-neutral-900">{when(shippedAt)}</dd>
        </>
      ) : null}
      {deliveredAt ? (
        <>
          <dt className="text-neutral-600">{t("deliveredAt")}</dt>
          <dd className="text-neutral-900">{when(deliveredAt)}</dd>
        </>
      ) : null}
    </dl>
  );
}
