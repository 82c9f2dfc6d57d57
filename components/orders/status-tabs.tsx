// Status filter tabs for order lists (links, so they work without JavaScript and keep the search).
import { useTranslations } from "next-intl";
import { Link } from "@/lib/i18n/navigation";

export const FILTER_STATUSES = ["PAID", "PROCESSING", "SHIPPED", "DELIVERED", "CANCELLED", "PENDING_PAYMENT"] as const;

export function StatusTabs({ pathname, current, query, label }: { pathname: string; current: string | undefined; query: Record<string, string>; label: string }) {
  const t = useTranslations("orders");
  const tabs: { value: string | undefined; text: string }[] = [{ value: undefined, text: t("allStatuses") }, ...FILTER_STATUSES.map((s) => ({ value: s, text: t(`status.${s}`) }))];
  return (
    <nav aria-label={label} className="mb-4 overflow-x-auto">
      <ul className="flex gap-1 border-b border-neutral-200">
        {tabs.map((tab) => {
          const active = tab.value === current;
          return (
            <li key={tab.value ?? "all"} className="shrink-0">
              <Link
                href={{ pathname, query: { ...query, ...(tab.value ? { status: tab.value.toLowerCase() } : {}) } }}
                aria-current={active ? "page" : undefined}
                className={
                  "-mb-px inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-brand-600 " +
                  (active ? "border-brand-600 text-brand-800" : "border-transparent text-neutral-700 hover:border-neutral-300 hover:text-neutral-900")
                }
              >
                {tab.text}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

/** The status in the URL (`?status=shipped`), if it is one. */
export function statusFromQuery(raw: string): (typeof FILTER_STATUSES)[number] | "COMPLETED" | "REFUNDED" | "PARTIALLY_REFUNDED" | undefined {
  const upper = raw.toUpperCase();
  const all = [...FILTER_STATUSES, "COMPLETED", "REFUNDED", "PARTIALLY_REFUNDED"] as const;
  return (all as readonly string[]).includes(upper) ? (upper as (typeof all)[number]) : undefined;
}
