"use client";
// The sandbox provider's card form: it stands where Stripe's Payment Element would and takes
// Stripe's published test cards. The number goes to our server's sandbox (never stored there:
// only brand and last four are kept), which answers as Stripe's test mode would. Saved cards,
// when the shopper has some, are offered first.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Badge, Button } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { CardFields, EMPTY_CARD, parseExpiry } from "./card-fields";
import { declineKey } from "./decline-message";

export interface SavedCardOption {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
}

export interface SandboxCardFormProps {
  paymentId: string;
  amountLabel: string;
  savedCards: SavedCardOption[];
  defaultCardId: string | null;
  /** A decline to show on arrival (e.g. after a failed challenge). */
  initialDecline?: string | null;
  onCaptured: () => void;
  onChallenge: () => void;
}

const NEW_CARD = "new";

export function SandboxCardForm({ paymentId, amountLabel, savedCards, defaultCardId, initialDecline, onCaptured, onChallenge }: SandboxCardFormProps) {
  const t = useTranslations("payment");
  const trpc = useTRPC();
  const errors = useErrorMessages();
  const [card, setCard] = useState(EMPTY_CARD);
  const [choice, setChoice] = useState<string>(defaultCardId ?? savedCards[0]?.id ?? NEW_CARD);
  const [expiryError, setExpiryError] = useState<string | undefined>();
  const [decline, setDecline] = useState<string | null>(initialDecline ?? null);
  const settle = (outcome: { status: string; failureCode: string | null }) => {
    if (outcome.status === "CAPTURED") onCaptured();
    else if (outcome.status === "REQUIRES_ACTION") onChallenge();
    else setDecline(outcome.failureCode ?? "generic_decline");
  };
  const confirm = useMutation(trpc.payments.sandboxConfirm.mutationOptions({ onSuccess: settle }));
  const saved = useMutation(trpc.payments.payWithSavedCard.mutationOptions({ onSuccess: settle }));
  const pending = confirm.isPending || saved.isPending;
  const error = choice === NEW_CARD ? confirm.error : saved.error;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDecline(null);
    if (choice !== NEW_CARD) {
      saved.mutate({ paymentId, paymentMethodId: choice });
      return;
    }
    const expiry = parseExpiry(card.expiry);
    setExpiryError(expiry ? undefined : t("expiryInvalid"));
    if (!expiry) return;
    confirm.mutate({ paymentId, number: card.number, cvc: card.cvc, ...expiry });
  }

  const fieldErrors = {
    number: errors.field(confirm.error, "number"),
    expiry: expiryError ?? errors.field(confirm.error, "expMonth") ?? errors.field(confirm.error, "expYear"),
    cvc: errors.field(confirm.error, "cvc"),
  };
  const radio = "mt-0.5 size-4 accent-brand-600";
  const option = "flex cursor-pointer items-start gap-3 rounded-lg border border-neutral-300 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50";

  return (
    <form onSubmit={submit} noValidate className="flex flex-col gap-4" aria-describedby="sandbox-note" data-testid="sandbox-card-form">
      <Alert tone="info" id="sandbox-note" title={t("testModeTitle")}>
        {t("testCardsHint")}
      </Alert>
      {decline ? (
        <Alert tone="danger" title={t("declined.title")} data-testid="payment-declined">
          {t(declineKey(decline) as never)} {t("declined.tryAgain")}
        </Alert>
      ) : null}
      {savedCards.length > 0 ? (
        <fieldset className="flex flex-col gap-2">
          <legend className="mb-2 text-sm font-medium text-neutral-900">{t("payWith")}</legend>
          {savedCards.map((c) => (
            <label key={c.id} className={option}>
              <input type="radio" name="card-choice" value={c.id} checked={choice === c.id} onChange={() => setChoice(c.id)} className={radio} />
              <span className="flex flex-wrap items-center gap-2 text-sm">
                <span className="font-medium capitalize">{c.brand}</span>
                <span dir="ltr">•••• {c.last4}</span>
                <span className="text-neutral-600">{t("expires", { month: String(c.expMonth).padStart(2, "0"), year: c.expYear })}</span>
                {c.id === defaultCardId ? <Badge tone="brand">{t("defaultCard")}</Badge> : null}
              </span>
            </label>
          ))}
          <label className={option}>
            <input type="radio" name="card-choice" value={NEW_CARD} checked={choice === NEW_CARD} onChange={() => setChoice(NEW_CARD)} className={radio} />
            <span className="text-sm font-medium">{t("newCard")}</span>
          </label>
        </fieldset>
      ) : null}
      {choice === NEW_CARD ? <CardFields idPrefix="card" value={card} onChange={setCard} errors={fieldErrors} /> : null}
      {error && !fieldErrors.number && !fieldErrors.cvc ? <Alert tone="danger">{errors.message(error)}</Alert> : null}
      <Button type="submit" size="lg" loading={pending} data-testid="pay-button">
        {pending ? t("paying") : t("payButton", { amount: amountLabel })}
      </Button>
    </form>
  );
}
