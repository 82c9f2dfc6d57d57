import { getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { AccountNav } from "@/components/account/account-nav";
import { PageHeader } from "@/components/ui";
import { pageLocale } from "@/lib/i18n/page-locale";

export default async function AccountLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  setRequestLocale(await pageLocale(params));
  // No session check here: each page calls requireSession with its own path, so signing in
  // returns to the tab that was asked for. The layout itself shows nothing private.
  const t = await getTranslations("account");
  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader title={t("title")} className="mb-4" />
      <AccountNav />
      {children}
    </div>
  );
}
