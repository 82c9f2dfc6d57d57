"use client";
// "Refund" on one part of a paid order: a dialog with the amount (typed in the currency's major
// units, parsed to minor units with its own decimals) and a reason. Staff refund any part
// (payments.adminRefund); a seller refunds its own part before it ships (payments.sellerRefund).
import { useMutation } from "@tanstack/react-query";
import { useLocale, useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { FormDialog } from "@/components/forms/form-dialog";
import { Button, Field, Input, Textarea, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { currencyDigits, formatMoney, parseMoney } from "@/lib/money";
import { useTRPC } from "@/lib/trpc/client";
import { messageKeyOf, useErrorMessages } from "@/lib/trpc/errors";

export interface RefundButtonProps {
  subOrderId: string;
  /** The part's number, for the dialog's title. */
  number: string;
  currency: string;
  /** Most that may still be refunded, in minor units. */
  refundable: number;
  /** Set for a seller's refund (their shop); absent for staff. */
  vendorId?: string;
  size?: "sm" | "md";
}

export function RefundButton({ subOrderId, number, currency, refundable, vendorId, size = "sm" }: RefundButtonProps) {
  const t = useTranslations("paymentRecords.refundDialog");
  const locale = useLocale();
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const { toast } = useToast();
  const [open, setOpen] = useState(false);
  const [amount, setAmount] = useState("");
  const [reason, setReason] = useState("");
  const [problems, setProblems] = useState<{ amount?: string; reason?: string }>({});

  const onSuccess = () => {
    setOpen(false);
    toast({ title: t("done", { number }), tone: "success" });
    router.refresh();
  };
  const admin = useMutation(trpc.payments.adminRefund.mutationOptions({ onSuccess }));
  const seller = useMutation(trpc.payments.sellerRefund.mutationOptions({ onSuccess }));
  const mutation = vendorId ? seller : admin;
  const digits = currencyDigits(currency);
  const full = (refundable / 10 ** digits).toFixed(digits);

  function show() {
    admin.reset();
    seller.reset();
    setProblems({});
    setAmount(full);
    setReason("");
    setOpen(true);
  }
  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const minor = parseMoney(amount, currency);
    const next: typeof problems = {};
    if (minor === null || minor < 1) next.amount = t("amountInvalid", { digits });
    else if (minor > refundable) next.amount = t("amountTooHigh", { max: formatMoney(refundable, currency, locale) });
    if (reason.trim().length < 3) next.reason = t("reasonTooShort");
    setProblems(next);
    if (next.amount || next.reason || minor === null) return;
    const input = { subOrderId, amount: minor, reason: reason.trim() };
    if (vendorId) seller.mutate({ ...input, vendorId });
    else admin.mutate(input);
  }

  // Server errors about the amount go next to the amount; the rest above the form.
  const serverKey = messageKeyOf(mutation.error);
  const amountError = problems.amount ?? (mutation.error && (errors.field(mutation.error, "amount") ?? (serverKey?.startsWith("payments.refundExceeds") ? errors.message(mutation.error) : undefined)));
  const reasonError = problems.reason ?? (mutation.error ? errors.field(mutation.error, "reason") : undefined);
  const formError = mutation.error && !amountError && !reasonError ? errors.message(mutation.error) : undefined;

  return (
    <>
      <Button variant="secondary" size={size} onClick={show} disabled={refundable <= 0} data-testid="refund-button">
        {t("open")}
      </Button>
      <FormDialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("title", { number })}
        description={t("description", { max: formatMoney(refundable, currency, locale) })}
        submitLabel={t("submit")}
        pending={mutation.isPending}
        error={formError}
        onSubmit={submit}
        data-testid="refund-form"
      >
        {(formId) => (
          <>
            <Field id={`${formId}-amount`} label={t("amount", { currency })} hint={t("amountHint", { max: formatMoney(refundable, currency, locale) })} required error={amountError}>
              {(c) => <Input {...c} name="amount" inputMode="decimal" autoComplete="off" dir="ltr" className="tabular-nums" value={amount} onChange={(e) => setAmount(e.target.value)} />}
            </Field>
            <Field id={`${formId}-reason`} label={t("reason")} hint={t("reasonHint")} required error={reasonError}>
              {(c) => <Textarea {...c} name="reason" rows={3} maxLength={500} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
            </Field>
          </>
        )}
      </FormDialog>
    </>
  );
}
