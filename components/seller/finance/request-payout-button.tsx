"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId } from "react";
import { Alert, Button, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** "Request payout" for one currency; disabled with the reason shown when it cannot be paid. */
export function RequestPayoutButton({ vendorId, currency, label, disabledReason }: { vendorId: string; currency: string; label: string; disabledReason: string | null }) {
  const t = useTranslations("sellerFinance");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const reasonId = useId();
  const request = useMutation(
    trpc.payouts.requestPayout.mutationOptions({
      onSuccess: (payout) => {
        toast({ title: payout.status === "FAILED" ? t("requestFailed") : t("requested"), tone: payout.status === "FAILED" ? "danger" : "success" });
        router.refresh();
      },
    }),
  );
  return (
    <div className="flex flex-col items-start gap-2">
      <Button
        disabled={disabledReason !== null}
        aria-describedby={disabledReason ? reasonId : undefined}
        loading={request.isPending}
        onClick={() => request.mutate({ vendorId, currency })}
      >
        {label}
      </Button>
      {disabledReason ? (
        <p id={reasonId} className="text-sm text-neutral-700">
          {disabledReason}
        </p>
      ) : null}
      {request.error ? <Alert tone="danger">{errors.message(request.error)}</Alert> : null}
    </div>
  );
}
