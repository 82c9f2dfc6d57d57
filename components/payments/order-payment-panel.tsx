// The admin order page's payment summary: each attempt's status, amount and refunds, linking to
// the payment's page for staff who may open it.
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { PaymentStatusBadge } from "./payment-status-badge";

export interface OrderPaymentView {
  id: string;
  status: string;
  amount: number;
  currency: string;
  amountRefunded: number;
}

export function OrderPaymentPanel({ payments, locale, canOpen }: { payments: OrderPaymentView[]; locale: string; canOpen: boolean }) {
  const t = useTranslations("paymentsAdmin");
  if (payments.length === 0) return <p className="text-sm text-neutral-600" data-testid="order-payment-panel">{t("panelNone")}</p>;
  return (
    <ul className="flex flex-col gap-3" data-testid="order-payment-panel">
      {payments.map((p) => {
        const money = (minor: number) => `\u2068${formatMoney(minor, p.currency, locale)}\u2069`;
        return (
          <li key={p.id} className="rounded-md border border-neutral-200 p-3 text-sm">
            <div className="mb-1 flex items-center justify-between gap-2">
              <PaymentStatusBadge status={p.status} />
              <span className="font-semibold tabular-nums">{money(p.amount)}</span>
            </div>
            {p.amountRefunded > 0 ? <p className="text-neutral-700 tabular-nums">{t("panelRefunded", { amount: money(p.amountRefunded) })}</p> : null}
            {canOpen ? (
              <Link href={`/admin/payments/${p.id}`} className="mt-1 inline-block font-medium text-brand-700 hover:underline" data-testid="order-payment-link">
                {t("panelOpen")}
              </Link>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}
