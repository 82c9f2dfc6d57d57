import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { CategoryMenu } from "@/components/storefront/category-menu";
import { CategoryMenuPanel } from "@/components/storefront/category-menu-panel";
import { LanguageSwitcher } from "@/components/shell/language-switcher";
import { Logo } from "@/components/shell/logo";
import { SkipLink } from "@/components/shell/skip-link";
import { CartLink } from "@/components/storefront/cart-link";
import { HeaderAccount } from "@/components/storefront/header-account";
import { HeaderNotifications } from "@/components/storefront/header-notifications";
import { SearchBox } from "@/components/storefront/search-box";
import { Link } from "@/lib/i18n/navigation";
import { devMailboxEnabled } from "@/server/env";
import type { Locale } from "@/lib/i18n/routing";
import { getPublicCaller } from "@/server/trpc/server";

/**
 * The storefront's frame: header (logo, categories, language, cart, account) and footer. It reads
 * nothing of the request (no session, cookies or headers): the account menu and the cart count
 * are client islands, so the pages inside may be rendered once and cached (app/[locale]/(catalog)).
 */
export async function StorefrontShell({ locale, children }: { locale: Locale; children: ReactNode }) {
  const [t, tf, tm, tree] = await Promise.all([
    getTranslations("nav"), getTranslations("footer"), getTranslations("storefront.menu"), getPublicCaller(locale).catalog.getCategoryTree({ locale }),
  ]);
  const menu = tree.map((top) => ({ slug: top.slug, name: top.name, children: top.children.map((c) => ({ slug: c.slug, name: c.name })) }));
  return (
    <div className="flex min-h-screen flex-col">
      <SkipLink />
      <header className="sticky top-0 z-20 border-b border-neutral-200 bg-white/95 backdrop-blur">
        <div className="mx-auto flex h-16 max-w-7xl items-center gap-2 px-4 sm:gap-4 sm:px-6">
          <Logo />
          {menu.length > 0 && (
            <CategoryMenu label={tm("categories")}>
              <CategoryMenuPanel categories={menu} label={tm("categories")} allLabel={(name) => tm("allIn", { name })} />
            </CategoryMenu>
          )}
          <nav aria-label={t("mainNav")} className="ms-auto flex items-center gap-1 sm:gap-2">
            {devMailboxEnabled && (
              <Link href="/dev/mailbox" className="hidden rounded-md px-2 py-1.5 text-sm text-neutral-700 hover:bg-neutral-100 md:block">
                {t("devMailbox")}
              </Link>
            )}
            <LanguageSwitcher />
            <CartLink />
            <HeaderNotifications />
            <HeaderAccount />
          </nav>
        </div>
        <SearchBox />
      </header>
      <main id="main" className="flex-1">
        {children}
      </main>
      <footer className="border-t border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-7xl flex-col gap-4 px-4 py-8 text-sm text-neutral-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
          <p>{tf("tagline")}</p>
          <p>{tf("rights", { year: new Date().getFullYear() })}</p>
        </div>
      </footer>
    </div>
  );
}
