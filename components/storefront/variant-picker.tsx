"use client";
// The purchase panel's variant part: one button group per option, the chosen variant's price,
// compare-at price and SKU. Values no active variant offers with the earlier choices are marked
// unavailable (aria-disabled) and cannot be chosen.
import { useLocale, useTranslations } from "next-intl";
import { cn } from "@/components/ui";
import { formatMoney } from "@/lib/money";
import { isValueAvailable, pickVariant, type VariantOption } from "@/lib/storefront/variants";
import { useProductSelection } from "./product-selection";

function discount(price: number, compareAt: number | null): number | null {
  if (!compareAt || compareAt <= price) return null;
  return Math.floor(((compareAt - price) / compareAt) * 100) || null;
}

export function VariantPicker({ options, currency }: { options: VariantOption[]; currency: string }) {
  const t = useTranslations("storefront.product");
  const locale = useLocale();
  const { variants, selected, select } = useProductSelection();
  const off = selected ? discount(selected.price, selected.compareAtPrice) : null;

  return (
    <div className="flex flex-col gap-5">
      {selected ? (
        <div aria-live="polite" aria-atomic="true" data-testid="variant-price">
          <p className="flex flex-wrap items-baseline gap-x-3 gap-y-1">
            <span className="text-3xl font-bold text-neutral-900">{formatMoney(selected.price, currency, locale)}</span>
            {off !== null && selected.compareAtPrice && (
              <>
                <s className="text-lg text-neutral-600"><span className="sr-only">{t("was")} </span>{formatMoney(selected.compareAtPrice, currency, locale)}</s>
                <span className="rounded-md bg-danger-100 px-2 py-0.5 text-sm font-semibold text-danger-800">{t("off", { percent: off })}</span>
              </>
            )}
          </p>
          <p className="mt-1 text-sm text-neutral-600">{t("sku", { sku: selected.sku })}</p>
        </div>
      ) : (
        <p className="text-neutral-700">{t("unavailable")}</p>
      )}

      {options.map((option, index) => {
        const labelId = `option-${index}-label`;
        const chosen = selected?.optionValues[option.name];
        return (
          <div key={option.name} role="group" aria-labelledby={labelId}>
            <p id={labelId} className="mb-2 text-sm font-medium text-neutral-900">
              {option.name}{chosen ? <span className="font-normal text-neutral-700">: {chosen}</span> : null}
            </p>
            <div className="flex flex-wrap gap-2">
              {option.values.map((value) => {
                const available = isValueAvailable(options, variants, selected, index, value);
                const pressed = chosen === value;
                return (
                  <button
                    key={value}
                    type="button"
                    aria-pressed={pressed}
                    aria-disabled={!available || undefined}
                    aria-label={available ? undefined : t("valueUnavailable", { value })}
                    onClick={() => {
                      if (!available || pressed) return;
                      const next = pickVariant(options, variants, selected, index, value);
                      if (next) select(next);
                    }}
                    className={cn(
                      "min-h-10 min-w-12 rounded-lg border px-3 py-1.5 text-sm font-medium transition-colors",
                      pressed && "border-brand-600 bg-brand-50 text-brand-800 ring-1 ring-brand-600",
                      !pressed && available && "border-neutral-300 bg-white text-neutral-900 hover:border-neutral-500",
                      !available && "cursor-not-allowed border-dashed border-neutral-300 bg-neutral-100 text-neutral-500 line-through",
                    )}
                  >
                    {value}
                  </button>
                );
              })}
            </div>
          </div>
        );
      })}
    </div>
  );
}
