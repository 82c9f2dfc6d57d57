"use client";
// The header's account area: sign-in links for visitors, or the person's menu with links to the
// faces they may open. A client component so the storefront header can stay out of the page's
// server render (pages are cached; the header fills in who is looking after load).
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import type { Viewer } from "@/server/modules/identity/viewer";
import { SignOutButton } from "./sign-out-button";

export function AccountMenu({ viewer }: { viewer: Viewer | null }) {
  const t = useTranslations("nav");
  if (!viewer) {
    return (
      <div className="flex items-center gap-2">
        {/* Up to md one person icon (the sign-in page links to registration); from md both links. */}
        <Link
          href="/login"
          aria-label={t("signInOrRegister")}
          title={t("signInOrRegister")}
          className="inline-flex size-10 items-center justify-center rounded-md text-neutral-700 hover:bg-neutral-100 md:hidden"
          data-testid="account-icon-link"
        >
          <svg aria-hidden="true" viewBox="0 0 24 24" className="size-6" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round">
            <path d="M12 12a4 4 0 1 0 0-8 4 4 0 0 0 0 8ZM4.5 20a7.5 7.5 0 0 1 15 0" />
          </svg>
        </Link>
        <Link href="/login" className={buttonClasses({ variant: "ghost", size: "sm", className: "max-md:hidden" })}>
          {t("signIn")}
        </Link>
        <Link href="/register" className={buttonClasses({ variant: "primary", size: "sm", className: "max-md:hidden" })}>
          {t("register")}
        </Link>
      </div>
    );
  }
  const item = "block rounded-md px-3 py-2 text-sm hover:bg-neutral-100";
  return (
    <details className="relative" data-testid="account-menu">
      <summary className="flex cursor-pointer list-none items-center gap-2 rounded-full p-1 text-sm hover:bg-neutral-100 md:pe-2 [&::-webkit-details-marker]:hidden">
        <span aria-hidden="true" className="grid size-8 place-items-center rounded-full bg-brand-100 font-semibold text-brand-800">
          {viewer.name.slice(0, 1).toUpperCase()}
        </span>
        <span className="hidden max-w-32 truncate md:inline">{viewer.name}</span>
        <span className="sr-only">{t("accountMenu")}</span>
      </summary>
      <div className="absolute end-0 z-30 mt-2 w-56 rounded-lg border border-neutral-200 bg-white p-1 shadow-lg">
        <p className="truncate px-3 py-2 text-xs text-neutral-600">{viewer.email}</p>
        <Link href="/account" className={item}>{t("account")}</Link>
        <Link href="/account/security" className={item}>{t("security")}</Link>
        {viewer.faces.seller && <Link href="/seller" className={item}>{t("sellerCenter")}</Link>}
        {viewer.faces.admin && <Link href="/admin" className={item}>{t("adminConsole")}</Link>}
        <div className="mt-1 border-t border-neutral-200 pt-1">
          <SignOutButton className="w-full justify-start" />
        </div>
      </div>
    </details>
  );
}
