"use client";
// The pay step of a card order: opens (or resumes) the order's payment once, then shows the
// provider's card form. Paid → the order's confirmation; 3-D Secure → the challenge page.
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useEffect, useRef } from "react";
import { Alert, Button, Spinner } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { SandboxCardForm } from "./sandbox-card-form";
import { StripePaymentForm } from "./stripe-payment-form";

export function CardPayment({ orderId, initialDecline }: { orderId: string; initialDecline?: string | null }) {
  const t = useTranslations("payment");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const start = useMutation(trpc.payments.start.mutationOptions());
  const started = useRef(false);

  useEffect(() => {
    // One start per page view; the server makes repeated starts (reloads, other tabs) the same payment.
    if (started.current) return;
    started.current = true;
    start.mutate({ orderId });
  }, [orderId, start]);

  const done = () => router.push(`/checkout/done/${orderId}`);

  if (start.error) {
    return (
      <Alert tone="danger" title={t("cannotPay")} action={<Button variant="secondary" onClick={() => start.mutate({ orderId })}>{t("retry")}</Button>}>
        {errors.message(start.error)}
      </Alert>
    );
  }
  if (!start.data) {
    return (
      <p role="status" className="flex items-center gap-2 text-sm text-neutral-700">
        <Spinner size="sm" /> {t("preparing")}
      </p>
    );
  }
  const session = start.data;
  const amountLabel = formatMoney(session.amount, session.currency, locale);
  if (session.client.provider === "stripe") {
    const returnUrl = `${window.location.origin}/${locale}/checkout/pay/${orderId}?returned=1`;
    return <StripePaymentForm publishableKey={session.client.publishableKey} clientSecret={session.clientSecret} amountLabel={amountLabel} returnUrl={returnUrl} onCaptured={done} />;
  }
  return (
    <SandboxCardForm
      paymentId={session.paymentId}
      amountLabel={amountLabel}
      initialDecline={initialDecline}
      onCaptured={done}
      onChallenge={() => router.push(`/checkout/pay/${orderId}/challenge?payment=${encodeURIComponent(session.paymentId)}`)}
    />
  );
}
