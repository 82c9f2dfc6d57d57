// Subtotal / shipping / discount / tax / total rows, for one shop or the whole order. Works in
// server and client components (no state).
import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui";
import { formatMoney } from "@/lib/money";

export interface TotalsValue {
  subtotal: number;
  shipping: number;
  discount: number;
  tax: number;
  total: number;
}

export function Totals({ value, currency, totalLabel, className, testId }: { value: TotalsValue; currency: string; totalLabel?: string; className?: string; testId?: string }) {
  const t = useTranslations("checkout");
  const locale = useLocale();
  const money = (minor: number) => formatMoney(minor, currency, locale);
  const row = "flex items-baseline justify-between gap-4";
  return (
    <dl className={cn("flex flex-col gap-1.5 text-sm", className)} data-testid={testId}>
      <div className={row}>
        <dt className="text-neutral-700">{t("subtotal")}</dt>
        <dd className="tabular-nums">{money(value.subtotal)}</dd>
      </div>
      <div className={row}>
        <dt className="text-neutral-700">{t("shipping")}</dt>
        <dd className="tabular-nums">{value.shipping === 0 ? t("free") : money(value.shipping)}</dd>
      </div>
      {value.discount > 0 ? (
        <div className={row}>
          <dt className="text-neutral-700">{t("discount")}</dt>
          <dd className="tabular-nums">−{money(value.discount)}</dd>
        </div>
      ) : null}
      <div className={row}>
        <dt className="text-neutral-700">{t("tax")}</dt>
        <dd className="tabular-nums">{money(value.tax)}</dd>
      </div>
      <div className={cn(row, "mt-1 border-t border-neutral-200 pt-2 font-semibold text-neutral-900")}>
        <dt>{totalLabel ?? t("total")}</dt>
        <dd className="tabular-nums" data-testid={testId ? `${testId}-total` : undefined}>{money(value.total)}</dd>
      </div>
    </dl>
  );
}
