"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button, buttonClasses, useToast } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import type { ModerationState, ProductStatus } from "./product-badges";

export interface RowProduct {
  id: string;
  title: string;
  status: ProductStatus;
  moderation: ModerationState;
  /** Ever published: such products are archived, never deleted. */
  published: boolean;
}

type Pending = "ACTIVE" | "DRAFT" | "ARCHIVED" | "delete" | null;

/** Edit, publish/unpublish, archive and delete for one row of the product list. */
export function ProductRowActions({ vendorId, product }: { vendorId: string; product: RowProduct }) {
  const t = useTranslations("sellerProducts");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [refreshing, startTransition] = useTransition();
  const [pending, setPending] = useState<Pending>(null);
  const [confirm, setConfirm] = useState<"ARCHIVED" | "delete" | null>(null);
  const setStatus = useMutation(trpc.products.setProductStatus.mutationOptions());
  const remove = useMutation(trpc.products.deleteProduct.mutationOptions());

  const done = (message: string) => {
    setConfirm(null);
    toast({ title: message, tone: "success" });
    startTransition(() => router.refresh());
  };
  const fail = (error: unknown) => {
    if (!confirm) toast({ title: errors.message(error), tone: "danger" });
  };

  function changeStatus(status: ProductStatus) {
    setPending(status);
    setStatus.mutate(
      { vendorId, productId: product.id, status },
      { onSuccess: () => done(t(`statusChanged.${status}`, { title: product.title })), onError: fail, onSettled: () => setPending(null) },
    );
  }
  function destroy() {
    setPending("delete");
    remove.mutate({ vendorId, productId: product.id }, { onSuccess: () => done(t("deleted", { title: product.title })), onError: fail, onSettled: () => setPending(null) });
  }

  const banned = product.moderation === "BANNED";
  const busy = pending !== null || refreshing;
  const canPublish = !banned && product.status !== "ACTIVE" && product.moderation !== "REJECTED";
  return (
    <div className="flex min-w-44 flex-wrap items-center gap-1">
      <Link href={`/seller/products/${product.id}`} className={buttonClasses({ variant: "secondary", size: "sm" })}>
        {t("edit")}
        <span className="sr-only">: {product.title}</span>
      </Link>
      {canPublish ? (
        <Button size="sm" variant="ghost" loading={pending === "ACTIVE"} disabled={busy} onClick={() => changeStatus("ACTIVE")}>
          {t("publish")}
          <span className="sr-only">: {product.title}</span>
        </Button>
      ) : null}
      {!banned && product.status === "ACTIVE" ? (
        <Button size="sm" variant="ghost" loading={pending === "DRAFT"} disabled={busy} onClick={() => changeStatus("DRAFT")}>
          {t("unpublish")}
          <span className="sr-only">: {product.title}</span>
        </Button>
      ) : null}
      {!banned && product.status !== "ARCHIVED" ? (
        <Button size="sm" variant="ghost" disabled={busy} onClick={() => setConfirm("ARCHIVED")}>
          {t("archive")}
          <span className="sr-only">: {product.title}</span>
        </Button>
      ) : null}
      {!product.published ? (
        <Button size="sm" variant="ghost" className="text-danger-700!" disabled={busy} onClick={() => setConfirm("delete")}>
          {t("delete")}
          <span className="sr-only">: {product.title}</span>
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirm !== null}
        title={confirm === "delete" ? t("deleteTitle", { title: product.title }) : t("archiveTitle", { title: product.title })}
        description={confirm === "delete" ? t("deleteBody") : t("archiveBody")}
        confirmLabel={confirm === "delete" ? t("delete") : t("archive")}
        pending={pending === "delete" || pending === "ARCHIVED"}
        error={confirm === "delete" && remove.error ? errors.message(remove.error) : confirm === "ARCHIVED" && setStatus.error ? errors.message(setStatus.error) : undefined}
        onConfirm={() => (confirm === "delete" ? destroy() : changeStatus("ARCHIVED"))}
        onClose={() => {
          setConfirm(null);
          remove.reset();
          setStatus.reset();
        }}
      />
    </div>
  );
}
