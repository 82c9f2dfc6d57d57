"use client";

import { useTranslations } from "next-intl";
import { useEffect, useRef, type ReactNode } from "react";
import { Alert, Button, Dialog } from "@/components/ui";

/** A yes/no question before an action (destructive by default); shows the action's error inside. */
export function ConfirmDialog({
  open,
  title,
  description,
  confirmLabel,
  pending,
  error,
  onConfirm,
  onClose,
  tone = "danger",
}: {
  open: boolean;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: ReactNode;
  pending: boolean;
  /** Translated error of the last attempt. */
  error?: string;
  onConfirm: () => void;
  onClose: () => void;
  /** "primary" for an action that destroys nothing (send, retry). */
  tone?: "danger" | "primary";
}) {
  const tc = useTranslations("common");
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Cancel is the safe default for Enter; runs after the dialog's own effect has opened it.
  useEffect(() => {
    if (open) cancelRef.current?.focus();
  }, [open]);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      closeLabel={tc("close")}
      size="sm"
      footer={
        <>
          <Button variant="secondary" onClick={onClose} ref={cancelRef}>
            {tc("cancel")}
          </Button>
          <Button variant={tone} loading={pending} onClick={onConfirm}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {error ? <Alert tone="danger">{error}</Alert> : null}
    </Dialog>
  );
}
