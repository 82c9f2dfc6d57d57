"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { Alert, Badge, Button, Dialog, useToast } from "@/components/ui";
import { cn } from "@/components/ui/cn";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** The "taking orders" / "paused" switch; either way asks for confirmation first. */
export function AcceptingOrdersSwitch({ vendorId, accepting, disabled = false }: { vendorId: string; accepting: boolean; disabled?: boolean }) {
  const t = useTranslations("sellerShop");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const id = useId();
  const [confirming, setConfirming] = useState(false);
  const set = useMutation(
    trpc.vendors.setAcceptingOrders.mutationOptions({
      onSuccess: (vendor) => {
        toast({ title: vendor.acceptingOrders ? t("resumedToast") : t("pausedToast"), tone: "success" });
        setConfirming(false);
        router.refresh();
      },
    }),
  );
  const turningOff = accepting;

  return (
    <div className="flex flex-col gap-3" data-testid="accepting-orders">
      <div className="flex flex-wrap items-center justify-between gap-4">
        <div className="min-w-0">
          <p id={`${id}-label`} className="font-medium">
            {t("switchLabel")}
          </p>
          <p id={`${id}-state`} className="mt-1 text-sm text-neutral-700">
            <Badge tone={accepting ? "success" : "warning"} className="me-2">
              {accepting ? t("taking") : t("paused")}
            </Badge>
            {accepting ? t("takingBody") : t("pausedBody")}
          </p>
        </div>
        <button
          type="button"
          role="switch"
          aria-checked={accepting}
          aria-labelledby={`${id}-label`}
          aria-describedby={`${id}-state`}
          disabled={disabled}
          onClick={() => {
            set.reset();
            setConfirming(true);
          }}
          className={cn(
            "relative inline-flex h-7 w-12 shrink-0 items-center rounded-full transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-brand-600 disabled:opacity-50",
            accepting ? "bg-success-600" : "bg-neutral-300",
          )}
        >
          <span
            aria-hidden="true"
            className={cn("inline-block size-5 rounded-full bg-white shadow transition-transform", accepting ? "translate-x-6 rtl:-translate-x-6" : "translate-x-1 rtl:-translate-x-1")}
          />
        </button>
      </div>
      <Dialog
        open={confirming}
        onClose={() => setConfirming(false)}
        title={turningOff ? t("pauseTitle") : t("resumeTitle")}
        description={turningOff ? t("pauseBody") : t("resumeBody")}
        closeLabel={tc("close")}
        size="sm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setConfirming(false)} autoFocus>
              {tc("cancel")}
            </Button>
            <Button variant={turningOff ? "danger" : "primary"} loading={set.isPending} onClick={() => set.mutate({ vendorId, accepting: !accepting })}>
              {turningOff ? t("pauseConfirm") : t("resumeConfirm")}
            </Button>
          </>
        }
      >
        {set.error ? <Alert tone="danger">{errors.message(set.error)}</Alert> : null}
      </Dialog>
    </div>
  );
}
