"use client";
// The header's cart icon with the number of items. Read after load (the pages around it are
// cached for everyone) and kept fresh by useFreshQuery.
import { useQuery } from "@tanstack/react-query";
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";
import { useTRPC } from "@/lib/trpc/client";
import { useFreshQuery } from "./use-fresh-query";

export function CartLink() {
  const t = useTranslations("cart");
  const trpc = useTRPC();
  const { data: count = 0 } = useQuery(trpc.cart.count.queryOptions());
  useFreshQuery(trpc.cart.count.queryKey());
  return (
    <Link
      href="/cart"
      prefetch={false}
      aria-label={t("linkLabel", { count })}
      className="relative inline-flex size-10 items-center justify-center rounded-md text-neutral-700 hover:bg-neutral-100"
      data-testid="cart-link"
    >
      <svg viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
        <path d="M3 4h2l2.4 10.2a1 1 0 0 0 1 .8h8.7a1 1 0 0 0 1-.8L20 8H6.2M9 20h.01M17 20h.01" />
      </svg>
      {count > 0 ? (
        <span
          aria-hidden="true"
          className="absolute -end-0.5 -top-0.5 flex h-5 min-w-5 items-center justify-center rounded-full bg-brand-600 px-1 text-xs font-bold text-white tabular-nums"
        >
          {count > 99 ? "99+" : count}
        </span>
      ) : null}
    </Link>
  );
}
