"use client";
// The seller's actions on one part, offered by its status: accept (paid), mark shipped with carrier
// and tracking number (processing), mark delivered (shipped), cancel with a reason (before shipping).
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, type FormEvent } from "react";
import { Button, Field, Input, Textarea, useToast } from "@/components/ui";
import { FormDialog } from "@/components/forms/form-dialog";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

type Dialog = "ship" | "cancel" | null;

export function SubOrderActions({ vendorId, subOrderId, number, status }: { vendorId: string; subOrderId: string; number: string; status: string }) {
  const t = useTranslations("sellerOrders");
  const trpc = useTRPC();
  const router = useRouter();
  const errors = useErrorMessages();
  const { toast } = useToast();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [carrier, setCarrier] = useState("");
  const [tracking, setTracking] = useState("");
  const [reason, setReason] = useState("");
  const [missing, setMissing] = useState(false);

  const done = (key: "accepted" | "shipped" | "delivered" | "cancelled") => () => {
    setDialog(null);
    toast({ title: t(`done.${key}`, { number }), tone: key === "cancelled" ? "warning" : "success" });
    router.refresh();
  };
  const fail = (error: unknown) => toast({ title: errors.message(error), tone: "danger" });
  const accept = useMutation(trpc.orders.acceptSubOrder.mutationOptions({ onSuccess: done("accepted"), onError: fail }));
  const deliver = useMutation(trpc.orders.markDelivered.mutationOptions({ onSuccess: done("delivered"), onError: fail }));
  const ship = useMutation(trpc.orders.markShipped.mutationOptions({ onSuccess: done("shipped") }));
  const cancel = useMutation(trpc.orders.cancelSubOrder.mutationOptions({ onSuccess: done("cancelled") }));
  const ref = { vendorId, subOrderId };

  function open(which: Dialog) {
    ship.reset();
    cancel.reset();
    setMissing(false);
    if (which === "cancel") setReason("");
    setDialog(which);
  }
  function submitShip(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!carrier.trim() || !tracking.trim()) return setMissing(true);
    ship.mutate({ ...ref, carrier: carrier.trim(), trackingNumber: tracking.trim() });
  }
  function submitCancel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!reason.trim()) return setMissing(true);
    cancel.mutate({ ...ref, reason: reason.trim() });
  }

  const canCancel = status === "PENDING_PAYMENT" || status === "PAID" || status === "PROCESSING";
  const shipField = (name: "carrier" | "trackingNumber") => (ship.error ? errors.field(ship.error, name) : undefined);
  return (
    <div className="flex flex-wrap gap-2" data-testid="sub-order-actions">
      {status === "PAID" ? <Button loading={accept.isPending} onClick={() => accept.mutate(ref)}>{t("accept")}</Button> : null}
      {status === "PROCESSING" ? <Button onClick={() => open("ship")}>{t("markShipped")}</Button> : null}
      {status === "SHIPPED" ? <Button loading={deliver.isPending} onClick={() => deliver.mutate(ref)}>{t("markDelivered")}</Button> : null}
      {canCancel ? (
        <Button variant="secondary" className="text-danger-700" onClick={() => open("cancel")}>
          {t("cancel")}
        </Button>
      ) : null}

      <FormDialog
        open={dialog === "ship"}
        onClose={() => setDialog(null)}
        title={t("shipTitle", { number })}
        description={t("shipDescription")}
        submitLabel={t("shipConfirm")}
        pending={ship.isPending}
        error={ship.error && !shipField("carrier") && !shipField("trackingNumber") ? errors.message(ship.error) : undefined}
        onSubmit={submitShip}
        data-testid="ship-form"
      >
        {(formId) => (
          <>
            <Field id={`${formId}-carrier`} label={t("carrier")} hint={t("carrierHint")} required error={(missing && !carrier.trim() ? t("required") : undefined) ?? shipField("carrier")}>
              {(c) => <Input {...c} name="carrier" maxLength={60} autoComplete="off" value={carrier} onChange={(e) => setCarrier(e.target.value)} list={`${formId}-carriers`} />}
            </Field>
            <datalist id={`${formId}-carriers`}>
              {["DHL", "UPS", "FedEx", "USPS", "La Poste", "Correos", "SF Express", "Aramex"].map((c) => <option key={c} value={c} />)}
            </datalist>
            <Field id={`${formId}-tracking`} label={t("trackingNumber")} hint={t("trackingHint")} required error={(missing && !tracking.trim() ? t("required") : undefined) ?? shipField("trackingNumber")}>
              {(c) => <Input {...c} name="trackingNumber" maxLength={60} autoComplete="off" dir="ltr" value={tracking} onChange={(e) => setTracking(e.target.value)} />}
            </Field>
          </>
        )}
      </FormDialog>

      <FormDialog
        open={dialog === "cancel"}
        onClose={() => setDialog(null)}
        title={t("cancelTitle", { number })}
        description={t("cancelDescription")}
        submitLabel={t("cancelConfirm")}
        dismissLabel={t("keepOrder")}
        pending={cancel.isPending}
        error={cancel.error ? (errors.field(cancel.error, "reason") ?? errors.message(cancel.error)) : undefined}
        onSubmit={submitCancel}
        data-testid="cancel-sub-order-form"
      >
        {(formId) => (
          <Field id={`${formId}-reason`} label={t("cancelReason")} hint={t("cancelReasonHint")} required error={missing && !reason.trim() ? t("required") : undefined}>
            {(c) => <Textarea {...c} name="reason" rows={3} maxLength={500} dir="auto" value={reason} onChange={(e) => setReason(e.target.value)} />}
          </Field>
        )}
      </FormDialog>
    </div>
  );
}
