"use client";

import { useMutation } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { buttonClasses, cn, useToast } from "@/components/ui";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useErrorMessages } from "@/lib/trpc/errors";

export interface WishlistButtonProps {
  productId: string;
  /** Product title, for the accessible name. */
  title: string;
  /** Whether it is on the wishlist now (the page reads wishlist.contains); null for guests. */
  saved: boolean | null;
  /** Icon only (cards) or icon + text (product page). */
  compact?: boolean;
  className?: string;
}

function Heart({ filled }: { filled: boolean }) {
  return (
    <svg viewBox="0 0 24 24" className="size-5" fill={filled ? "currentColor" : "none"} stroke="currentColor" strokeWidth="1.8" strokeLinejoin="round" aria-hidden="true">
      <path d="M12 20s-7-4.4-7-10a4 4 0 0 1 7-2.6A4 4 0 0 1 19 10c0 5.6-7 10-7 10Z" />
    </svg>
  );
}

/** Heart toggle for the wishlist; guests get a link to sign in that returns here. */
export function WishlistButton({ productId, title, saved, compact = false, className }: WishlistButtonProps) {
  const t = useTranslations("wishlist");
  const trpc = useTRPC();
  const pathname = usePathname();
  const { toast } = useToast();
  const errors = useErrorMessages();
  const [on, setOn] = useState(Boolean(saved));
  const onError = (error: unknown) => {
    setOn((v) => !v);
    toast({ title: errors.message(error), tone: "danger" });
  };
  const add = useMutation(trpc.wishlist.add.mutationOptions({ onSuccess: () => toast({ title: t("addedToast"), tone: "success" }), onError }));
  const remove = useMutation(trpc.wishlist.remove.mutationOptions({ onSuccess: () => toast({ title: t("removedToast"), tone: "success" }), onError }));
  const classes = cn(buttonClasses({ variant: "secondary", size: compact ? "sm" : "md" }), on && "text-danger-700", compact && "px-2", className);

  if (saved === null) {
    return (
      <Link href={{ pathname: "/login", query: { callbackUrl: pathname } }} className={classes} aria-label={compact ? t("signIn") : undefined} title={t("signIn")}>
        <Heart filled={false} />
        {compact ? null : <span>{t("add")}</span>}
      </Link>
    );
  }
  const label = on ? t("removeNamed", { title }) : t("addNamed", { title });
  return (
    <button
      type="button"
      className={classes}
      aria-pressed={on}
      aria-label={compact ? label : undefined}
      title={compact ? label : undefined}
      disabled={add.isPending || remove.isPending}
      onClick={() => {
        const next = !on;
        setOn(next);
        if (next) add.mutate({ productId });
        else remove.mutate({ productId });
      }}
    >
      <Heart filled={on} />
      {compact ? null : <span>{on ? t("remove") : t("add")}</span>}
    </button>
  );
}
