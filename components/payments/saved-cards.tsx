"use client";
// The shopper's saved cards: make one the default, remove one, add one. Cards live with the
// payment provider; adding one is a SetupIntent confirmed by the card form (sandbox) or by
// Stripe's Payment Element in setup mode.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { FormDialog } from "@/components/forms/form-dialog";
import { Alert, Badge, Button, EmptyState, useToast } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { CardFields, EMPTY_CARD, parseExpiry } from "./card-fields";
import { declineKey } from "./decline-message";

export function SavedCards() {
  const t = useTranslations("savedCards");
  const tp = useTranslations("payment");
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const errors = useErrorMessages();
  const { toast } = useToast();
  const cards = useQuery(trpc.payments.cards.queryOptions());
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.payments.cards.queryKey() });
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; last4: string } | null>(null);
  const [card, setCard] = useState(EMPTY_CARD);
  const [expiryError, setExpiryError] = useState<string | undefined>();
  const [declined, setDeclined] = useState<string | null>(null);

  const makeDefault = useMutation(trpc.payments.setDefaultCard.mutationOptions({ onSuccess: () => { void refresh(); toast({ title: t("defaultSet"), tone: "success" }); } }));
  const remove = useMutation(trpc.payments.removeCard.mutationOptions({ onSuccess: () => { setRemoving(null); void refresh(); toast({ title: t("removed"), tone: "success" }); } }));
  const startAdd = useMutation(trpc.payments.startAddCard.mutationOptions());
  const save = useMutation(
    trpc.payments.sandboxSaveCard.mutationOptions({
      onSuccess: (result) => {
        if (result.status !== "succeeded") {
          setDeclined(result.lastError?.code ?? "generic_decline");
          return;
        }
        setAdding(false);
        void refresh();
        toast({ title: t("added"), tone: "success" });
      },
    }),
  );

  async function submitNew(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDeclined(null);
    const expiry = parseExpiry(card.expiry);
    setExpiryError(expiry ? undefined : tp("expiryInvalid"));
    if (!expiry) return;
    const setup = startAdd.data ?? (await startAdd.mutateAsync());
    save.mutate({ setupIntentId: setup.id, clientSecret: setup.clientSecret, number: card.number, cvc: card.cvc, ...expiry });
  }

  if (cards.isPending) return <p role="status" className="text-sm text-neutral-600">{tp("preparing")}</p>;
  if (cards.error) return <Alert tone="danger">{errors.message(cards.error)}</Alert>;
  const { cards: list, defaultId } = cards.data;

  return (
    <div className="flex flex-col gap-4">
      {list.length === 0 ? (
        <EmptyState title={t("emptyTitle")} description={t("emptyBody")} />
      ) : (
        <ul className="flex flex-col gap-2" data-testid="saved-cards">
          {list.map((c) => (
            <li key={c.id} className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-neutral-200 bg-white p-4" data-testid="saved-card">
              <span className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium capitalize">{c.brand}</span>
                <span dir="ltr">•••• {c.last4}</span>
                <span className="text-neutral-600">{tp("expires", { month: String(c.expMonth).padStart(2, "0"), year: c.expYear })}</span>
                {c.id === defaultId ? <Badge tone="brand">{tp("defaultCard")}</Badge> : null}
              </span>
              <span className="flex gap-2">
                {c.id !== defaultId ? (
                  <Button size="sm" variant="secondary" loading={makeDefault.isPending && makeDefault.variables?.paymentMethodId === c.id} onClick={() => makeDefault.mutate({ paymentMethodId: c.id })}>
                    {t("makeDefault")}
                  </Button>
                ) : null}
                <Button size="sm" variant="ghost" className="text-danger-700" onClick={() => { remove.reset(); setRemoving({ id: c.id, last4: c.last4 }); }}>
                  {t("remove")}
                </Button>
              </span>
            </li>
          ))}
        </ul>
      )}
      <div>
        <Button onClick={() => { setCard(EMPTY_CARD); setDeclined(null); save.reset(); startAdd.reset(); setAdding(true); }}>{t("add")}</Button>
      </div>

      <FormDialog
        open={adding}
        onClose={() => setAdding(false)}
        title={t("addTitle")}
        description={tp("testCardsHint")}
        submitLabel={t("save")}
        pending={startAdd.isPending || save.isPending}
        error={declined ? `${tp(declineKey(declined) as never)} ${tp("declined.tryAgain")}` : save.error ? errors.message(save.error) : startAdd.error ? errors.message(startAdd.error) : undefined}
        onSubmit={(e) => void submitNew(e)}
        data-testid="add-card-form"
      >
        {(formId) => (
          <div className="flex flex-col gap-4">
            <CardFields idPrefix={`${formId}-card`} value={card} onChange={setCard}
              errors={{ number: errors.field(save.error, "number"), expiry: expiryError ?? errors.field(save.error, "expMonth"), cvc: errors.field(save.error, "cvc") }} />
          </div>
        )}
      </FormDialog>

      <ConfirmDialog
        open={removing !== null}
        title={t("removeTitle", { last4: removing?.last4 ?? "" })}
        description={t("removeBody")}
        confirmLabel={t("remove")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => removing && remove.mutate({ paymentMethodId: removing.id })}
        onClose={() => setRemoving(null)}
      />
    </div>
  );
}
