// Subtotal, shipping, discount, tax and total of an order or a part.
import { useTranslations } from "next-intl";
import { formatMoney } from "@/lib/money";

export function OrderTotals({
  totals,
  currency,
  locale,
}: {
  totals: { subtotal: number; shippingTotal: number; discountTotal: number; taxTotal: number; total: number };
  currency: string;
  locale: string;
}) {
  const t = useTranslations("orders");
  const money = (minor: number) => `\u2068${formatMoney(minor, currency, locale)}\u2069`;
  const row = (label: string, value: string, strong = false) => (
    <div className={strong ? "flex justify-between gap-4 border-t border-neutral-200 pt-2 font-semibold text-neutral-900" : "flex justify-between gap-4 text-neutral-700"}>
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
  return (
    <dl className="flex flex-col gap-1.5 text-sm" data-testid="order-totals">
      {row(t("subtotal"), money(totals.subtotal))}
      {row(t("shipping"), totals.shippingTotal === 0 ? t("free") : money(totals.shippingTotal))}
      {totals.discountTotal > 0 ? row(t("discount"), `−${money(totals.discountTotal)}`) : null}
      {totals.taxTotal > 0 ? row(t("tax"), money(totals.taxTotal)) : null}
      {row(t("total"), money(totals.total), true)}
    </dl>
  );
}
