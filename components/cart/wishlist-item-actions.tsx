"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Button, buttonClasses, useToast } from "@/components/ui";
import { Link, useRouter } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

/** "Move to cart" (or a link to choose options) and "Remove" for one wishlist entry. */
export function WishlistItemActions({ productId, slug, title, canMove, needsOptions }: { productId: string; slug: string; title: string; canMove: boolean; needsOptions: boolean }) {
  const t = useTranslations("wishlist");
  const trpc = useTRPC();
  const router = useRouter();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const onError = (error: unknown) => toast({ title: errors.message(error), tone: "danger" });
  const move = useMutation(trpc.wishlist.moveToCart.mutationOptions({ onSuccess: () => { toast({ title: t("movedToast"), tone: "success" }); router.refresh(); }, onError }));
  const remove = useMutation(trpc.wishlist.remove.mutationOptions({ onSuccess: () => { toast({ title: t("removedToast"), tone: "success" }); router.refresh(); }, onError }));
  const busy = move.isPending || remove.isPending;
  return (
    <div className="flex flex-wrap items-center gap-2">
      {canMove ? (
        <Button size="sm" onClick={() => move.mutate({ productId })} loading={move.isPending} disabled={busy}>
          {t("moveToCart")}
        </Button>
      ) : needsOptions ? (
        <Link href={`/p/${slug}`} className={buttonClasses({ size: "sm", variant: "secondary" })}>
          {t("chooseOptions")}
        </Link>
      ) : null}
      <Button size="sm" variant="ghost" className="text-danger-700" onClick={() => remove.mutate({ productId })} loading={remove.isPending} disabled={busy} aria-label={t("removeNamed", { title })}>
        {t("remove")}
      </Button>
    </div>
  );
}
