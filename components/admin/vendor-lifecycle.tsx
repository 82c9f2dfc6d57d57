"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";
import { Alert, Button, Dialog, Field, Textarea, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import type { VendorStatusValue } from "./vendor-types";

type Action = "approve" | "reinstate" | "suspend" | "close";

/** The action that moves a vendor from `from` to `to`. */
function actionOf(from: VendorStatusValue, to: VendorStatusValue): Action {
  if (to === "ACTIVE") return from === "PENDING" ? "approve" : "reinstate";
  return to === "SUSPENDED" ? "suspend" : "close";
}

/**
 * One button per allowed transition (the server's list); each opens a dialog asking for a reason
 * and sends the status shown as `expectedStatus`, so a change made meanwhile by someone else is refused.
 */
export function VendorLifecycle({ vendorId, vendorName, status, next }: { vendorId: string; vendorName: string; status: VendorStatusValue; next: readonly VendorStatusValue[] }) {
  const t = useTranslations("adminVendors");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const formId = useId();
  const [target, setTarget] = useState<VendorStatusValue | null>(null);
  const [reason, setReason] = useState("");
  const change = useMutation(
    trpc.vendors.changeVendorStatus.mutationOptions({
      onSuccess: (row) => {
        toast({ title: t("statusChanged", { status: t(`statusLabel.${row.to}`) }), tone: "success" });
        setTarget(null);
        router.refresh();
      },
    }),
  );
  const reasonError = errors.field(change.error, "reason");
  const generalError = change.error && !reasonError ? errors.message(change.error) : undefined;
  const action = target ? actionOf(status, target) : null;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (target) change.mutate({ vendorId, to: target, reason, expectedStatus: status });
  }

  if (next.length === 0) return <Alert tone="neutral">{t("closedFinal")}</Alert>;
  return (
    <>
      <div className="flex flex-wrap gap-2" data-testid="vendor-lifecycle">
        {next.map((to) => {
          const a = actionOf(status, to);
          return (
            <Button
              key={to}
              variant={a === "close" ? "danger" : a === "suspend" ? "secondary" : "primary"}
              onClick={() => {
                change.reset();
                setReason("");
                setTarget(to);
              }}
            >
              {t(`action.${a}`)}
            </Button>
          );
        })}
      </div>
      <Dialog
        open={target !== null}
        onClose={() => setTarget(null)}
        title={action ? t(`confirm.${action}`, { shop: vendorName }) : ""}
        description={action ? t(`confirmBody.${action}`) : undefined}
        closeLabel={tc("close")}
        footer={
          <>
            <Button variant="secondary" onClick={() => setTarget(null)}>
              {tc("cancel")}
            </Button>
            <Button type="submit" form={formId} variant={action === "close" || action === "suspend" ? "danger" : "primary"} loading={change.isPending}>
              {action ? t(`action.${action}`) : ""}
            </Button>
          </>
        }
      >
        <form id={formId} onSubmit={submit} noValidate className="flex flex-col gap-4">
          {generalError ? <Alert tone="danger">{generalError}</Alert> : null}
          <Field id={`${formId}-reason`} label={t("reason")} hint={t("reasonHint")} error={reasonError} required>
            {(c) => <Textarea {...c} name="reason" rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} dir="auto" required autoFocus />}
          </Field>
        </form>
      </Dialog>
    </>
  );
}
