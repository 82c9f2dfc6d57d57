"use client";
// Stripe's Payment Element (when STRIPE_* is configured). Stripe.js confirms the intent in the
// browser and, for 3-D Secure or redirect methods, comes back to the pay page, which asks our
// server to re-read the intent; the webhook moves the order either way.
import { Elements, PaymentElement, useElements, useStripe } from "@stripe/react-stripe-js";
import { loadStripe, type Stripe } from "@stripe/stripe-js";
import { useLocale, useTranslations } from "next-intl";
import { useMemo, useState, type FormEvent } from "react";
import { Alert, Button } from "@/components/ui";

const stripes = new Map<string, Promise<Stripe | null>>();
const stripeFor = (key: string) => {
  if (!stripes.has(key)) stripes.set(key, loadStripe(key));
  return stripes.get(key)!;
};

function Form({ amountLabel, returnUrl, onCaptured }: { amountLabel: string; returnUrl: string; onCaptured: () => void }) {
  const t = useTranslations("payment");
  const stripe = useStripe();
  const elements = useElements();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!stripe || !elements) return;
    setPending(true);
    setError(null);
    const result = await stripe.confirmPayment({ elements, confirmParams: { return_url: returnUrl }, redirect: "if_required" });
    setPending(false);
    if (result.error) setError(result.error.message ?? t("declined.generic_decline"));
    else if (result.paymentIntent?.status === "succeeded" || result.paymentIntent?.status === "processing") onCaptured();
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4">
      <PaymentElement />
      {error ? <Alert tone="danger" title={t("declined.title")}>{error}</Alert> : null}
      <Button type="submit" size="lg" loading={pending} disabled={!stripe}>
        {pending ? t("paying") : t("payButton", { amount: amountLabel })}
      </Button>
    </form>
  );
}

export function StripePaymentForm(props: { publishableKey: string; clientSecret: string; amountLabel: string; returnUrl: string; onCaptured: () => void }) {
  const locale = useLocale();
  const stripe = useMemo(() => stripeFor(props.publishableKey), [props.publishableKey]);
  return (
    <Elements stripe={stripe} options={{ clientSecret: props.clientSecret, locale: locale as "auto" }}>
      <Form amountLabel={props.amountLabel} returnUrl={props.returnUrl} onCaptured={props.onCaptured} />
    </Elements>
  );
}
