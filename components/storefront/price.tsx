// A price in the page's locale: "from" when variants differ, the compare-at price struck
// through with the saving as a percentage.
import { getTranslations } from "next-intl/server";
import { cn } from "@/components/ui";
import { formatMoney } from "@/lib/money";

export interface PriceProps {
  locale: string;
  currency: string;
  min: number;
  max?: number;
  compareAt?: number | null;
  size?: "sm" | "lg";
  className?: string;
}

/** Whole-number percentage saved, or null when the compare-at price is not higher. */
export function discountPercent(price: number, compareAt: number | null | undefined): number | null {
  if (!compareAt || compareAt <= price) return null;
  return Math.floor(((compareAt - price) / compareAt) * 100) || null;
}

export async function Price({ locale, currency, min, max = min, compareAt, size = "sm", className }: PriceProps) {
  const t = await getTranslations("storefront.price");
  const price = formatMoney(min, currency, locale);
  const discount = discountPercent(min, compareAt);
  return (
    <p className={cn("flex flex-wrap items-baseline gap-x-2 gap-y-0.5", className)}>
      <span className={cn("font-semibold text-neutral-900", size === "lg" ? "text-2xl" : "text-base")}>
        {max !== min ? t("from", { price }) : price}
      </span>
      {discount !== null && compareAt ? (
        <>
          <s className={cn("text-neutral-600", size === "lg" ? "text-base" : "text-sm")}>
            <span className="sr-only">{t("was")} </span>
            {formatMoney(compareAt, currency, locale)}
          </s>
          <span className={cn("font-medium text-danger-700", size === "lg" ? "text-base" : "text-sm")}>{t("off", { percent: discount })}</span>
        </>
      ) : null}
    </p>
  );
}
