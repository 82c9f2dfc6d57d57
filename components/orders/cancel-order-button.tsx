"use client";
// The shopper's "Cancel order": a confirm dialog with an optional reason; only offered while
// nothing has shipped (the server checks again and says so if a part shipped meanwhile).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Field, Textarea, useToast } from "@/components/ui";
import { FormDialog } from "@/components/forms/form-dialog";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export function CancelOrderButton({ orderId, number }: { orderId: string; number: string }) {
  const t = useTranslations("accountOrders");
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const mutation = useMutation(
    trpc.orders.cancelMyOrder.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast({ title: t("cancelled", { number }), tone: "success" });
        router.refresh();
      },
    }),
  );
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    mutation.mutate({ orderId, reason: reason.trim() });
  }
  return (
    <>
      <Button
        variant="secondary"
        className="text-danger-700"
        onClick={() => {
          mutation.reset();
          setReason("");
          setOpen(true);
        }}
      >
        {t("cancelOrder")}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("cancelTitle", { number })}
        description={t("cancelDescription")}
        submitLabel={t("cancelConfirm")}
        dismissLabel={t("keepOrder")}
        pending={mutation.isPending}
        error={mutation.error ? errors.message(mutation.error) : undefined}
        onSubmit={submit}
        data-testid="cancel-order-form"
      >
        {(formId) => (
          <Field id={`${formId}-reason`} label={t("cancelReason")} hint={t("cancelReasonHint")}>
            {(c) => <Textarea {...c} name="reason" rows={3} maxLength={500} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
      </FormDialog>
    </>
  );
}
