"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export interface CartLineControlsProps {
  lineId: string;
  title: string;
  quantity: number;
  /** Most units the line may hold now; 0 when it cannot be bought (no stepper then). */
  max: number;
  savedForLater: boolean;
}

const stepClass =
  "inline-flex size-9 items-center justify-center text-lg font-semibold text-neutral-800 hover:bg-neutral-100 disabled:cursor-not-allowed disabled:text-neutral-400 disabled:hover:bg-transparent focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-brand-600";

/** A cart line's quantity stepper, remove, and save for later / move to cart; the page re-reads after each change. */
export function CartLineControls({ lineId, title, quantity, max, savedForLater }: CartLineControlsProps) {
  const t = useTranslations("cart");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  // The quantity shown while a change is on its way; dropped when the server's answer arrives
  // (a new `quantity` after the refresh) or the change fails.
  const [pending, setPending] = useState<number | null>(null);
  const [serverQuantity, setServerQuantity] = useState(quantity);
  if (quantity !== serverQuantity) {
    setServerQuantity(quantity);
    setPending(null);
  }
  const onError = (error: unknown) => {
    setPending(null);
    toast({ title: errors.message(error), tone: "danger" });
    router.refresh();
  };
  const refresh = (message?: string) => {
    if (message) toast({ title: message, tone: "success" });
    router.refresh();
  };
  const setQuantity = useMutation(trpc.cart.setQuantity.mutationOptions({ onSuccess: () => refresh(), onError }));
  const remove = useMutation(trpc.cart.remove.mutationOptions({ onSuccess: () => refresh(t("removedToast")), onError }));
  const save = useMutation(
    trpc.cart.saveForLater.mutationOptions({ onSuccess: (_, input) => refresh(input.saved ? t("savedToast") : t("movedToast")), onError }),
  );
  const busy = setQuantity.isPending || remove.isPending || save.isPending;
  const shown = pending ?? quantity;
  const change = (next: number) => {
    setPending(next);
    setQuantity.mutate({ lineId, quantity: next });
  };

  return (
    <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
      {!savedForLater && max > 0 ? (
        <div role="group" aria-label={t("quantityOf", { title })} className="inline-flex items-center overflow-hidden rounded-lg border border-neutral-400 bg-white">
          <button type="button" className={stepClass} onClick={() => change(shown - 1)} disabled={busy || shown <= 1} aria-label={t("decrease", { title })}>
            <span aria-hidden="true">−</span>
          </button>
          <output aria-live="polite" className="min-w-10 border-x border-neutral-300 px-2 text-center text-sm font-semibold tabular-nums">
            {shown}
          </output>
          <button type="button" className={stepClass} onClick={() => change(shown + 1)} disabled={busy || shown >= max} aria-label={t("increase", { title })}>
            <span aria-hidden="true">+</span>
          </button>
        </div>
      ) : null}
      <Button variant="ghost" size="sm" onClick={() => save.mutate({ lineId, saved: !savedForLater })} loading={save.isPending} disabled={busy}>
        {savedForLater ? t("moveToCart") : t("saveForLater")}
      </Button>
      <Button variant="ghost" size="sm" className="text-danger-700" onClick={() => remove.mutate({ lineId })} loading={remove.isPending} disabled={busy} aria-label={t("removeItem", { title })}>
        {t("remove")}
      </Button>
    </div>
  );
}
