import { NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { NotificationBell } from "@/components/notifications/notification-bell";
import { Link } from "@/lib/i18n/navigation";
import type { AuthSession } from "@/server/auth";
import { facesFor } from "@/server/guards";
import { AccountMenu } from "./account-menu";
import { ConsoleNavLink } from "./console-nav-link";
import { LanguageSwitcher } from "./language-switcher";
import { Logo } from "./logo";
import { SkipLink } from "./skip-link";

export interface ConsoleNavItem {
  href: string;
  label: string;
  /** SVG path data (24×24, stroked) for the item's icon. */
  icon: string;
  /** Only the exact path is "current" (use for the face's home). */
  exact?: boolean;
  /** A count shown after the label (e.g. variants low on stock); `label` is read instead of the number. */
  badge?: { count: number; label: string };
}

/**
 * The frame shared by the admin console and the seller center: a header bar, a sidebar
 * (a horizontal bar on small screens) and the main area.
 */
export async function ConsoleShell({
  session,
  home,
  logoSuffix,
  navLabel,
  items,
  sidebarTop,
  children,
}: {
  session: AuthSession;
  /** Where the logo leads (the face's dashboard). */
  home: string;
  logoSuffix: string;
  navLabel: string;
  items: ConsoleNavItem[];
  /** Optional block above the navigation (e.g. the seller's shop switcher). */
  sidebarTop?: ReactNode;
  children: ReactNode;
}) {
  const [t, faces, messages] = await Promise.all([getTranslations("nav"), facesFor(session), getMessages()]);
  // The root layout leaves console-only messages out of the storefront's pages; consoles get them all here.
  return (
    <NextIntlClientProvider messages={messages}>
      <div className="flex min-h-screen flex-col">
        <SkipLink />
        <header className="sticky top-0 z-20 border-b border-neutral-200 bg-white/95 backdrop-blur">
          <div className="flex h-16 items-center gap-2 px-4 sm:gap-3 sm:px-6">
            <Logo href={home} suffix={logoSuffix} />
            <div className="ms-auto flex items-center gap-1 sm:gap-2">
              <Link
                href="/"
                className="flex items-center gap-1.5 rounded-md px-2 py-1.5 text-sm text-neutral-700 hover:bg-neutral-100"
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" className="size-4 rtl:-scale-x-100" fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round">
                  <path d="M8.5 4.5 3 10l5.5 5.5M3.5 10H17" />
                </svg>
                <span className="sr-only md:not-sr-only">{t("backToStore")}</span>
              </Link>
              <LanguageSwitcher />
              <NotificationBell userId={session.user.id} />
              <AccountMenu viewer={{ name: session.user.name, email: session.user.email, faces }} />
            </div>
          </div>
        </header>
        <div className="flex flex-1 flex-col lg:flex-row">
          <aside className="border-b border-neutral-200 bg-white lg:w-64 lg:shrink-0 lg:border-e lg:border-b-0">
            <div className="lg:sticky lg:top-16 lg:flex lg:flex-col lg:gap-4 lg:p-4">
              {sidebarTop != null && <div className="px-4 pt-3 lg:p-0">{sidebarTop}</div>}
              {/* The bar scrolls sideways on phones; `relative` keeps the badges' absolutely placed
                  sr-only texts inside it (else they widen the page by the bar's hidden length). */}
              <nav aria-label={navLabel}>
                <ul className="relative flex gap-0.5 overflow-x-auto px-2 py-2 sm:px-4 lg:flex-col lg:overflow-visible lg:p-0">
                  {items.map((item) => (
                    <li key={item.href} className="shrink-0">
                      <ConsoleNavLink href={item.href} exact={item.exact}>
                        <svg aria-hidden="true" viewBox="0 0 24 24" className="size-5 shrink-0" fill="none" stroke="currentColor" strokeWidth="1.7" strokeLinecap="round" strokeLinejoin="round">
                          <path d={item.icon} />
                        </svg>
                        {item.label}
                        {item.badge && item.badge.count > 0 ? (
                          <span className="ms-auto rounded-full bg-warning-100 px-1.5 text-xs font-semibold text-warning-800 tabular-nums ring-1 ring-warning-200 ring-inset">
                            <span aria-hidden="true">{item.badge.count}</span>
                            <span className="sr-only">{item.badge.label}</span>
                          </span>
                        ) : null}
                      </ConsoleNavLink>
                    </li>
                  ))}
                </ul>
              </nav>
            </div>
          </aside>
          <main id="main" tabIndex={-1} className="min-w-0 flex-1 px-4 py-6 focus:outline-none sm:px-6 lg:px-8 lg:py-8">
            <div className="mx-auto max-w-6xl">{children}</div>
          </main>
        </div>
      </div>
    </NextIntlClientProvider>
  );
}

/** Icon paths for console navigation items. */
export const consoleIcons = {
  dashboard: "M4 5h6v6H4zM14 5h6v4h-6zM14 13h6v6h-6zM4 15h6v4H4z",
  staff: "M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM21 19v-1a4 4 0 0 0-3-3.9M15.5 4.1a3 3 0 0 1 0 5.8",
  audit: "M9 4h6l1 2h3v14H5V6h3l1-2ZM9 11h6M9 15h4",
  vendors: "M4 9h16l-1.5-4h-13L4 9Zm0 0v10h16V9M4 9c0 1.7 1.8 3 4 3s4-1.3 4-3c0 1.7 1.8 3 4 3s4-1.3 4-3M10 19v-4h4v4",
  shop: "M4 9h16l-1.5-4h-13L4 9Zm0 0v10h16V9M9 19v-5h6v5",
  members: "M16 19v-1a4 4 0 0 0-4-4H7a4 4 0 0 0-4 4v1M9.5 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM19 8v6M22 11h-6",
  catalog: "M3 7.5 12 3l9 4.5-9 4.5-9-4.5ZM3 7.5v9L12 21l9-4.5v-9M12 12v9",
  moderation: "M12 3 5 6v5c0 4.5 3 8.5 7 10 4-1.5 7-5.5 7-10V6l-7-3ZM9 12l2 2 4-4",
  content: "M4 5h16v14H4zM4 16l4.5-4.5 4 4M13 14l2-2 5 5M15.5 9.5h.01",
  inventory: "M3 21V8l9-5 9 5v13M7 21v-8h10v8M7 17h10",
  orders: "M6 3h12v18l-3-2-3 2-3-2-3 2V3ZM9 8h6M9 12h6M9 16h3",
  card: "M3 6h18v12H3zM3 10h18M7 15h4",
  shipping: "M3 6h11v10H3zM14 10h4l3 3v3h-7M7 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4ZM17 19a2 2 0 1 0 0-4 2 2 0 0 0 0 4Z",
  finance: "M3 7h18v12H3zM3 11h18M7 15h3M16 4l-9 3",
  search: "M11 18a7 7 0 1 0 0-14 7 7 0 0 0 0 14ZM20 20l-4-4",
  bell: "M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9M10.3 21a1.94 1.94 0 0 0 3.4 0",
} as const;
