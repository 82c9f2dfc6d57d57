"use client";

import { useTranslations } from "next-intl";
import { useId, type FormEvent, type ReactNode } from "react";
import { Alert, Button, Dialog, type DialogSize } from "@/components/ui";
import { cn } from "@/components/ui/cn";

export interface FormDialogProps {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  description?: ReactNode;
  size?: DialogSize;
  /** The submit button's text (e.g. common.save / common.create). */
  submitLabel: ReactNode;
  /** The dismiss button's text (default common.cancel); name it when the action itself is a cancellation. */
  dismissLabel?: ReactNode;
  pending: boolean;
  /** A message for the whole form (field errors go next to their fields). */
  error?: ReactNode;
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
  /** Extra classes for the form (a column of fields by default). */
  className?: string;
  /** Lay the fields out in two columns from sm up (a field spans both with sm:col-span-2). */
  columns?: 1 | 2;
  "data-testid"?: string;
  /** The fields; `formId` prefixes their ids so labels stay unique. */
  children: (formId: string) => ReactNode;
}

/** A dialog holding one form: Cancel and submit in the footer, a form-level error above the fields. Keep mounted; toggle `open`. */
export function FormDialog({ open, onClose, title, description, size = "md", submitLabel, dismissLabel, pending, error, onSubmit, className, columns = 1, children, ...rest }: FormDialogProps) {
  const tc = useTranslations("common");
  const formId = useId();
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={title}
      description={description}
      closeLabel={tc("close")}
      size={size}
      footer={
        <>
          <Button variant="secondary" onClick={onClose}>
            {dismissLabel ?? tc("cancel")}
          </Button>
          <Button type="submit" form={formId} loading={pending}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <form id={formId} onSubmit={onSubmit} noValidate className={cn(columns === 2 ? "grid gap-4 sm:grid-cols-2" : "flex flex-col gap-4", className)} data-testid={rest["data-testid"]}>
        {error ? <Alert tone="danger" className="col-span-full">{error}</Alert> : null}
        {children(formId)}
      </form>
    </Dialog>
  );
}
