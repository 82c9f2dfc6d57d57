"use client";
// One banner row's actions: move up/down within its placement, switch on/off, edit, delete.
import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { ConfirmDialog } from "@/components/forms/confirm-dialog";
import { Button, buttonClasses, useToast } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";
import type { BannerPlacementValue } from "@/server/modules/content/content.schema";

export function BannerRowActions({
  placement,
  order,
  index,
  bannerId,
  title,
  active,
}: {
  placement: BannerPlacementValue;
  /** The placement's banner ids in their current order. */
  order: string[];
  index: number;
  bannerId: string;
  title: string;
  active: boolean;
}) {
  const t = useTranslations("adminContent");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [confirming, setConfirming] = useState(false);
  const failed = (error: unknown) => toast({ title: errors.message(error), tone: "danger" });

  const reorder = useMutation(trpc.content.reorderBanners.mutationOptions({
    onSuccess: () => {
      toast({ title: t("reordered"), tone: "success" });
      router.refresh();
    },
    onError: failed,
  }));
  const toggle = useMutation(trpc.content.setBannerActive.mutationOptions({
    onSuccess: (_d, input) => {
      toast({ title: input.active ? t("activated", { title }) : t("deactivated", { title }), tone: "success" });
      router.refresh();
    },
    onError: failed,
  }));
  const remove = useMutation(trpc.content.deleteBanner.mutationOptions({
    onSuccess: () => {
      toast({ title: t("deleted", { title }), tone: "success" });
      setConfirming(false);
      router.refresh();
    },
  }));

  const move = (delta: -1 | 1) => {
    const next = [...order];
    const target = index + delta;
    [next[index], next[target]] = [next[target]!, next[index]!];
    reorder.mutate({ placement, bannerIds: next });
  };
  const iconButton = "size-9 min-h-9 p-0 text-neutral-800";

  return (
    <div className="flex items-center justify-end gap-1">
      <Button variant="ghost" size="sm" className={iconButton} disabled={index === 0 || reorder.isPending} onClick={() => move(-1)} aria-label={t("moveUp", { title })}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M10 16V4M5 9l5-5 5 5" />
        </svg>
      </Button>
      <Button variant="ghost" size="sm" className={iconButton} disabled={index === order.length - 1 || reorder.isPending} onClick={() => move(1)} aria-label={t("moveDown", { title })}>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5" fill="none" stroke="currentColor" strokeWidth="2.2" strokeLinecap="round" strokeLinejoin="round">
          <path d="M10 4v12M5 11l5 5 5-5" />
        </svg>
      </Button>
      <label className="mx-1 inline-flex cursor-pointer items-center gap-2 text-sm font-medium text-neutral-800">
        <input
          type="checkbox"
          role="switch"
          className="peer sr-only"
          checked={active}
          disabled={toggle.isPending}
          onChange={(e) => toggle.mutate({ bannerId, active: e.target.checked })}
          aria-label={t("activeLabel", { title })}
        />
        <span
          aria-hidden="true"
          className="relative inline-flex h-5 w-9 shrink-0 rounded-full bg-neutral-300 transition-colors peer-checked:bg-success-600 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-brand-600 peer-disabled:opacity-60 after:absolute after:start-0.5 after:top-0.5 after:size-4 after:rounded-full after:bg-white after:shadow after:transition-transform peer-checked:after:translate-x-4 rtl:peer-checked:after:-translate-x-4"
        />
        <span aria-hidden="true">{active ? t("on") : t("off")}</span>
      </label>
      <Link href={`/admin/content/banners/${bannerId}`} className={buttonClasses({ variant: "secondary", size: "sm" })} aria-label={t("editLabel", { title })}>
        {t("edit")}
      </Link>
      <Button variant="ghost" size="sm" className="text-danger-700 hover:bg-danger-50" onClick={() => { remove.reset(); setConfirming(true); }} aria-label={t("deleteLabel", { title })}>
        {t("delete")}
      </Button>
      <ConfirmDialog
        open={confirming}
        title={t("deleteTitle")}
        description={t("deleteConfirm", { title })}
        confirmLabel={t("delete")}
        pending={remove.isPending}
        error={remove.error ? errors.message(remove.error) : undefined}
        onConfirm={() => remove.mutate({ bannerId })}
        onClose={() => setConfirming(false)}
      />
    </div>
  );
}
