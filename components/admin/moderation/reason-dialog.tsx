"use client";
// Asks for the reason of a rejection or a ban; the seller sees it. A ban is shown as destructive.
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type FormEvent } from "react";
import { Alert, Button, Dialog, Field, Textarea } from "@/components/ui";

const MAX = 500;

export function ReasonDialog({
  open,
  kind,
  productTitle,
  pending,
  error,
  onClose,
  onSubmit,
}: {
  open: boolean;
  kind: "reject" | "ban";
  productTitle: string;
  pending: boolean;
  /** Translated error of the last attempt. */
  error?: string;
  onClose: () => void;
  onSubmit: (reason: string) => void;
}) {
  const t = useTranslations("adminModeration");
  const tc = useTranslations("common");
  const formId = useId();
  const ref = useRef<HTMLTextAreaElement>(null);
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);
  // Each opening starts with an empty reason.
  const [wasOpen, setWasOpen] = useState(open);
  if (open !== wasOpen) {
    setWasOpen(open);
    if (open) {
      setReason("");
      setMissing(false);
    }
  }
  useEffect(() => {
    if (open) ref.current?.focus();
  }, [open]);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) {
      setMissing(true);
      ref.current?.focus();
      return;
    }
    onSubmit(reason.trim());
  }

  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={kind === "ban" ? t("banTitle", { title: productTitle }) : t("rejectTitle", { title: productTitle })}
      description={kind === "ban" ? t("banDescription") : t("rejectDescription")}
      closeLabel={tc("close")}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {tc("cancel")}
          </Button>
          <Button type="submit" form={formId} variant={kind === "ban" ? "danger" : "primary"} loading={pending}>
            {kind === "ban" ? t("banConfirm") : t("rejectConfirm")}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
        {kind === "ban" ? <Alert tone="danger">{t("banWarning")}</Alert> : null}
        {error ? <Alert tone="danger">{error}</Alert> : null}
        <Field id={`${formId}-reason`} label={t("reason")} hint={t("reasonHint")} error={missing && !reason.trim() ? t("reasonRequired") : undefined} required>
          {(c) => (
            <Textarea
              {...c}
              ref={ref}
              name="reason"
              rows={4}
              maxLength={MAX}
              dir="auto"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}
