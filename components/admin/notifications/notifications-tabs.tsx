// The three admin notification pages as sub-navigation links; the current one is marked.
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";

const TABS = [
  { key: "overview", href: "/admin/notifications" },
  { key: "campaigns", href: "/admin/notifications/campaigns" },
  { key: "deliveries", href: "/admin/notifications/deliveries" },
] as const;

export type NotificationsTab = (typeof TABS)[number]["key"];

export function NotificationsTabs({ current }: { current: NotificationsTab }) {
  const t = useTranslations("adminNotifications.tabs");
  return (
    <nav aria-label={t("label")} className="mb-6 border-b border-neutral-200">
      <ul className="-mb-px flex gap-1 overflow-x-auto">
        {TABS.map((tab) => {
          const active = tab.key === current;
          return (
            <li key={tab.key} className="shrink-0">
              <Link
                href={tab.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap focus-visible:outline-2 focus-visible:outline-offset-[-2px] focus-visible:outline-brand-600",
                  active ? "border-brand-600 text-brand-700" : "border-transparent text-neutral-700 hover:border-neutral-300 hover:text-neutral-900",
                )}
              >
                {t(tab.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
