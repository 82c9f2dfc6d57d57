"use client";
// The sandbox's 3-D Secure page buttons: pass or fail the check, as on Stripe's test page.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Alert, Button } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export function ChallengeActions({ orderId, paymentId }: { orderId: string; paymentId: string }) {
  const t = useTranslations("payment.challenge");
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const answer = useMutation(
    trpc.payments.sandboxChallenge.mutationOptions({
      onSuccess: (outcome) => {
        if (outcome.status === "CAPTURED") router.replace(`/checkout/done/${orderId}`);
        else router.replace(`/checkout/pay/${orderId}?declined=${encodeURIComponent(outcome.failureCode ?? "generic_decline")}`);
      },
    }),
  );
  return (
    <div className="flex flex-col gap-3">
      {answer.error ? <Alert tone="danger">{errors.message(answer.error)}</Alert> : null}
      <div className="flex flex-col gap-3 sm:flex-row">
        <Button size="lg" loading={answer.isPending && answer.variables?.passed === true} disabled={answer.isPending} onClick={() => answer.mutate({ paymentId, passed: true })}>
          {t("complete")}
        </Button>
        <Button size="lg" variant="secondary" loading={answer.isPending && answer.variables?.passed === false} disabled={answer.isPending} onClick={() => answer.mutate({ paymentId, passed: false })}>
          {t("fail")}
        </Button>
      </div>
    </div>
  );
}
