"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Button, Field, Select, useToast } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** Why the button is off, shown in its place. */
export type AddToCartDisabledReason = "outOfStock" | "shopPaused" | "unavailable" | "selectOption";

export interface AddToCartProps {
  /** The chosen variant; null until the shopper picks one. */
  variantId: string | null;
  /** When set, the button is disabled and the reason is shown. */
  disabledReason?: AddToCartDisabledReason | null;
  /** Most units one may add now (stock, maxPerOrder); the quantity list stops there (and at 10). null while it loads. */
  max: number | null;
  /** Show "At most N per order" under the quantity. */
  maxPerOrder?: number | null;
  className?: string;
}

/**
 * Quantity + "Add to cart" for the product page. Works for guests (the server sets the guest cart
 * cookie) and signed-in shoppers; the header's cart count refreshes itself after the mutation.
 */
export function AddToCart({ variantId, disabledReason = null, max, maxPerOrder = null, className }: AddToCartProps) {
  const t = useTranslations("cart.add");
  const trpc = useTRPC();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const id = useId();
  const [quantity, setQuantity] = useState(1);
  const [added, setAdded] = useState(false);
  const add = useMutation(
    trpc.cart.add.mutationOptions({
      onSuccess: () => {
        setAdded(true);
        toast({ title: t("added"), tone: "success" });
      },
    }),
  );
  const reason = disabledReason ?? (variantId === null ? "selectOption" : max !== null && max < 1 ? "outOfStock" : null);
  const loading = reason === null && max === null;
  const options = Math.max(1, Math.min(max ?? 1, 10));
  const chosen = Math.min(quantity, options);
  const error = add.error ? (errors.field(add.error, "quantity") ?? errors.message(add.error)) : null;

  return (
    <div className={className} data-testid="add-to-cart" aria-busy={loading}>
      <div className="flex flex-wrap items-end gap-3">
        <Field id={`${id}-qty`} label={t("quantity")} className="w-24">
          {(c) => (
            <Select {...c} value={chosen} onChange={(e) => setQuantity(Number(e.target.value))} disabled={reason !== null || loading || add.isPending}>
              {Array.from({ length: options }, (_, i) => i + 1).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </Select>
          )}
        </Field>
        <Button
          size="lg"
          className="min-w-40 flex-1"
          disabled={reason !== null || loading}
          loading={add.isPending}
          onClick={() => variantId && add.mutate({ variantId, quantity: chosen })}
          aria-describedby={`${id}-status`}
        >
          {t("button")}
        </Button>
      </div>
      <p id={`${id}-status`} aria-live="polite" className="mt-2 text-sm">
        {reason ? <span className="font-medium text-neutral-700">{t(reason)}</span> : null}
        {!reason && error ? <span className="font-medium text-danger-700">{error}</span> : null}
        {!reason && !error && added ? (
          <Link href="/cart" className="font-medium text-brand-700 underline">
            {t("viewCart")}
          </Link>
        ) : null}
        {!reason && !error && !added && maxPerOrder ? <span className="text-neutral-600">{t("maxHint", { max: maxPerOrder })}</span> : null}
      </p>
    </div>
  );
}
