"use client";
// The sandbox provider's card form: it stands where Stripe's Payment Element would and takes
// Stripe's published test cards. The number goes to our server's sandbox (never stored there:
// only brand and last four are kept), which answers as Stripe's test mode would.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Alert, Button, Field, Input } from "@/components/ui";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { declineKey } from "./decline-message";

export interface SandboxCardFormProps {
  paymentId: string;
  amountLabel: string;
  /** A decline to show on arrival (e.g. after a failed challenge). */
  initialDecline?: string | null;
  onCaptured: () => void;
  onChallenge: () => void;
}

/** "1228" / "12/28" / "12 / 2028" → { month, year }. */
function parseExpiry(text: string): { expMonth: number; expYear: number } | null {
  const match = /^\s*(\d{1,2})\s*\/?\s*(\d{2}|\d{4})\s*$/.exec(text.replace(/\s+/g, " "));
  if (!match) return null;
  return { expMonth: Number(match[1]), expYear: Number(match[2]) };
}

/** Groups digits in fours as they are typed. */
const groupDigits = (text: string) => text.replace(/\D/g, "").slice(0, 19).replace(/(\d{4})(?=\d)/g, "$1 ");

export function SandboxCardForm({ paymentId, amountLabel, initialDecline, onCaptured, onChallenge }: SandboxCardFormProps) {
  const t = useTranslations("payment");
  const trpc = useTRPC();
  const errors = useErrorMessages();
  const [number, setNumber] = useState("");
  const [expiry, setExpiry] = useState("");
  const [cvc, setCvc] = useState("");
  const [expiryError, setExpiryError] = useState<string | null>(null);
  const [decline, setDecline] = useState<string | null>(initialDecline ?? null);
  const confirm = useMutation(
    trpc.payments.sandboxConfirm.mutationOptions({
      onSuccess: (outcome) => {
        if (outcome.status === "CAPTURED") onCaptured();
        else if (outcome.status === "REQUIRES_ACTION") onChallenge();
        else setDecline(outcome.failureCode ?? "generic_decline");
      },
    }),
  );

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setDecline(null);
    const parsed = parseExpiry(expiry);
    if (!parsed) {
      setExpiryError(t("expiryInvalid"));
      return;
    }
    setExpiryError(null);
    confirm.mutate({ paymentId, number, cvc, ...parsed });
  }

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
      <Field id="card-number" label={t("cardNumber")} error={errors.field(confirm.error, "number")} required>
        {(c) => (
          <Input {...c} name="cardnumber" inputMode="numeric" autoComplete="cc-number" dir="ltr" placeholder="1234 1234 1234 1234" required
            value={number} onChange={(e) => setNumber(groupDigits(e.target.value))} />
        )}
      </Field>
      <div className="grid grid-cols-2 gap-4">
        <Field id="card-expiry" label={t("expiry")} hint={t("expiryHint")} error={expiryError ?? errors.field(confirm.error, "expMonth") ?? errors.field(confirm.error, "expYear")} required>
          {(c) => (
            <Input {...c} name="exp-date" inputMode="numeric" autoComplete="cc-exp" dir="ltr" placeholder="MM / YY" required maxLength={7}
              value={expiry} onChange={(e) => setExpiry(e.target.value.replace(/[^\d/ ]/g, ""))} />
          )}
        </Field>
        <Field id="card-cvc" label={t("cvc")} error={errors.field(confirm.error, "cvc")} required>
          {(c) => (
            <Input {...c} name="cvc" inputMode="numeric" autoComplete="cc-csc" dir="ltr" placeholder="123" required maxLength={4}
              value={cvc} onChange={(e) => setCvc(e.target.value.replace(/\D/g, ""))} />
          )}
        </Field>
      </div>
      {confirm.error && !errors.field(confirm.error, "number") && !errors.field(confirm.error, "cvc") ? (
        <Alert tone="danger">{errors.message(confirm.error)}</Alert>
      ) : null}
      <Button type="submit" size="lg" loading={confirm.isPending} data-testid="pay-button">
        {confirm.isPending ? t("paying") : t("payButton", { amount: amountLabel })}
      </Button>
    </form>
  );
}
