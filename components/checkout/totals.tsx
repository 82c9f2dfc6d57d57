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
  return (
    <dl className={cn("grid grid-cols-[1fr_auto] gap-x-4 gap-y-1.5 text-sm", className)} data-testid={testId}>
      <dt className="text-neutral-700">{t("subtotal")}</dt>
      <dd className="text-end tabular-nums">{money(value.subtotal)}</dd>
      <dt className="text-neutral-700">{t("shipping")}</dt>
      <dd className="text-end tabular-nums">{value.shipping === 0 ? t("free") : money(value.shipping)}</dd>
      {value.discount > 0 ? (
        <>
          <dt className="text-neutral-700">{t("discount")}</dt>
          <dd className="text-end tabular-nums">−{money(value.discount)}</dd>
        </>
      ) : null}
      <dt className="text-neutral-700">{t("tax")}</dt>
      <dd className="text-end tabular-nums">{money(value.tax)}</dd>
      <dt className="border-t border-neutral-200 pt-2 font-semibold text-neutral-900">{totalLabel ?? t("total")}</dt>
      <dd className="border-t border-neutral-200 pt-2 text-end font-semibold tabular-nums text-neutral-900" data-testid={testId ? `${testId}-total` : undefined}>{money(value.total)}</dd>
    </dl>
  );
}
