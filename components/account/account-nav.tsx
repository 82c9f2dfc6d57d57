"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/components/ui";
import { Link, usePathname } from "@/lib/i18n/navigation";

const ITEMS = [
  { href: "/account", key: "overview" },
  { href: "/account/orders", key: "orders" },
  { href: "/account/cards", key: "cards" },
  { href: "/account/payments", key: "payments" },
  { href: "/account/notifications", key: "notifications" },
  { href: "/account/security", key: "security" },
] as const;

/** Overview / Orders / Payments / Security tabs of the account pages. */
export function AccountNav() {
  const t = useTranslations("account");
  const pathname = usePathname();
  return (
    <nav aria-label={t("title")} className="mb-6 border-b border-neutral-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {ITEMS.map((item) => {
          // An order's page keeps the Orders tab current (a receipt, the Payments tab).
          const current = pathname === item.href || (item.href !== "/account" && pathname.startsWith(`${item.href}/`));
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={current ? "page" : undefined}
                className={cn(
                  "block border-b-2 px-3 py-2.5 text-sm font-medium whitespace-nowrap transition-colors",
                  current ? "border-brand-600 text-brand-700" : "border-transparent text-neutral-600 hover:border-neutral-300 hover:text-neutral-900",
                )}
              >
                {t(`nav.${item.key}`)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
