"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Alert, Button, Dialog, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** "Empty cart" with a confirmation (saved-for-later lines stay). */
export function ClearCartButton() {
  const t = useTranslations("cart");
  const tc = useTranslations("common");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [open, setOpen] = useState(false);
  const clear = useMutation(
    trpc.cart.clear.mutationOptions({
      onSuccess: () => {
        setOpen(false);
        toast({ title: t("clearedToast"), tone: "success" });
        router.refresh();
      },
    }),
  );
  return (
    <>
      <Button variant="ghost" size="sm" className="text-danger-700" onClick={() => { clear.reset(); setOpen(true); }}>
        {t("clear")}
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        title={t("clearTitle")}
        description={t("clearBody")}
        closeLabel={tc("close")}
        size="sm"
        footer={
          <>
            <Button variant="secondary" onClick={() => setOpen(false)} autoFocus>
              {tc("cancel")}
            </Button>
            <Button variant="danger" loading={clear.isPending} onClick={() => clear.mutate()}>
              {t("clearConfirm")}
            </Button>
          </>
        }
      >
        {clear.error ? <Alert tone="danger">{errors.message(clear.error)}</Alert> : null}
      </Dialog>
    </>
  );
}
