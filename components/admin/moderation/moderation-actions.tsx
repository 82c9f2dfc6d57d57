"use client";
// The moderator's buttons for one product: approve, reject (with a reason the seller sees),
// ban (with a reason; destructive) or unban. No optimistic change: the page refreshes after.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { Button, useToast } from "@/components/ui";
import { useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import { ReasonDialog } from "./reason-dialog";

type Moderation = "PENDING" | "APPROVED" | "REJECTED" | "BANNED";
type Action = "approve" | "reject" | "ban" | "unban";

export function ModerationActions({ productId, title, moderation }: { productId: string; title: string; moderation: Moderation }) {
  const t = useTranslations("adminModeration");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [dialog, setDialog] = useState<"reject" | "ban" | null>(null);
  // The kind stays while the dialog closes, so its title does not flip during the close.
  const [kind, setKind] = useState<"reject" | "ban">("reject");
  const mutation = useMutation(
    trpc.products.moderateProduct.mutationOptions({
      onSuccess: (_data, input) => {
        toast({ title: t(`done.${input.action}`, { title }), tone: input.action === "ban" ? "warning" : "success" });
        setDialog(null);
        router.refresh();
      },
      onError: (error, input) => {
        // Dialog actions show the error inside the dialog; direct ones as a toast.
        if (input.action === "approve" || input.action === "unban") toast({ title: errors.message(error), tone: "danger" });
      },
    }),
  );
  const run = (action: Action, reason = "") => mutation.mutate({ productId, action, reason });
  const pendingAction = mutation.isPending ? mutation.variables?.action : undefined;
  const open = (which: "reject" | "ban") => {
    mutation.reset();
    setKind(which);
    setDialog(which);
  };

  return (
    <div className="flex justify-end gap-1.5">
      {moderation === "BANNED" ? (
        <Button size="sm" variant="secondary" loading={pendingAction === "unban"} onClick={() => run("unban")} aria-label={t("unbanLabel", { title })}>
          {t("unban")}
        </Button>
      ) : (
        <>
          {moderation !== "APPROVED" && (
            <Button size="sm" loading={pendingAction === "approve"} onClick={() => run("approve")} aria-label={t("approveLabel", { title })}>
              {t("approve")}
            </Button>
          )}
          {moderation !== "REJECTED" && (
            <Button size="sm" variant="secondary" onClick={() => open("reject")} aria-label={t("rejectLabel", { title })}>
              {t("reject")}
            </Button>
          )}
          <Button size="sm" variant="ghost" className="text-danger-700 hover:bg-danger-50" onClick={() => open("ban")} aria-label={t("banLabel", { title })}>
            {t("ban")}
          </Button>
        </>
      )}
      {/* Kept mounted and toggled: a <dialog> mounted already open closes itself under StrictMode. */}
      <ReasonDialog
        open={dialog !== null}
        kind={kind}
        productTitle={title}
        pending={mutation.isPending}
        error={mutation.error && dialog ? (errors.field(mutation.error, "reason") ?? errors.message(mutation.error)) : undefined}
        onClose={() => setDialog(null)}
        onSubmit={(reason) => run(kind, reason)}
      />
    </div>
  );
}
