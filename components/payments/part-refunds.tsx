// One part's refunds (seller center): amount, date, reason and status, and the Refund action
// while the seller may still give money back (paid, not shipped; the server decides again).
import { useFormatter, useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";
import { RefundStatusBadge } from "./payment-status-badge";
import { RefundButton } from "./refund-button";

export interface PartRefundsView {
  captured: boolean;
  currency: string;
  refundable: number;
  refunds: { id: string; amount: number; status: string; reason: string; createdAt: Date }[];
}

/** Statuses in which a seller may still refund (before shipment; refund-orders.ts has the rule). */
export const SELLER_REFUND_STATUSES = ["PAID", "PROCESSING", "PARTIALLY_REFUNDED"];

export function PartRefunds({ data, locale, vendorId, subOrderId, number, mayRefund }: { data: PartRefundsView; locale: string; vendorId: string; subOrderId: string; number: string; mayRefund: boolean }) {
  const t = useTranslations("sellerRefunds");
  const format = useFormatter();
  const money = (minor: number) => `\u2068${formatMoney(minor, data.currency, locale)}\u2069`;
  return (
    <div data-testid="part-refunds">
      {data.refunds.length === 0 ? (
        <p className="text-sm text-neutral-600">{data.captured ? t("none") : t("notCaptured")}</p>
      ) : (
        <ul className="mb-3 flex flex-col gap-2">
          {data.refunds.map((r) => (
            <li key={r.id} className="rounded-md border border-neutral-200 p-2.5 text-sm" data-testid="part-refund">
              <div className="flex items-center justify-between gap-2">
                <span className="font-semibold tabular-nums">{money(r.amount)}</span>
                <RefundStatusBadge status={r.status} />
              </div>
              <p className="text-xs text-neutral-600">
                <time dateTime={r.createdAt.toISOString()}>{format.dateTime(r.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </p>
              {r.reason ? <p className="mt-1 text-neutral-700" dir="auto">{r.reason}</p> : null}
            </li>
          ))}
        </ul>
      )}
      {data.captured ? (
        mayRefund && data.refundable > 0 ? (
          <div className="mt-3 flex flex-col gap-2">
            <p className="text-sm text-neutral-700">{t("left", { amount: money(data.refundable) })}</p>
            <div><RefundButton vendorId={vendorId} subOrderId={subOrderId} number={number} currency={data.currency} refundable={data.refundable} size="md" /></div>
          </div>
        ) : (
          <p className="mt-3 text-sm text-neutral-600">{data.refundable > 0 ? t("afterShipment") : t("nothingLeft")}</p>
        )
      ) : null}
    </div>
  );
}
