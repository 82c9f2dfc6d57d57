"use client";
// Puts one failed or dead-lettered delivery back in the queue, after a confirmation.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export function RetryDeliveryButton({ deliveryId, label }: { deliveryId: string; /** Accessible name naming the row. */ label: string }) {
  const t = useTranslations("adminNotifications.deliveries");
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const retry = useMutation(
    trpc.notifications.retryDelivery.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast({ title: t("retried"), tone: "success" });
        router.refresh();
      },
    }),
  );
  return (
    <>
      <Button size="sm" variant="secondary" aria-label={label} onClick={() => setOpen(true)}>
        {t("retry")}
      </Button>
      <ConfirmDialog
        open={open}
        tone="primary"
        title={t("retryTitle")}
        description={t("retryDescription")}
        confirmLabel={t("retry")}
        pending={retry.isPending}
        error={retry.isError ? errors.message(retry.error) : undefined}
        onConfirm={() => {
          if (!retry.isPending) retry.mutate({ deliveryId });
        }}
        onClose={() => {
          setOpen(false);
          retry.reset();
        }}
      />
    </>
  );
}
