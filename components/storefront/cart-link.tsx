// The header's cart icon with the number of items (server component; pages refresh after cart changes).
import { getTranslations } from "next-intl/server";
import { Link } from "@/lib/i18n/navigation";
import { getServerCaller } from "@/server/trpc/server";

export async function CartLink() {
  const [t, count] = await Promise.all([getTranslations("cart"), getServerCaller().then((c) => c.cart.count())]);
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
