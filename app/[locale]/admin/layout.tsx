import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { adminSections } from "@/components/admin/sections";
import { ConsoleShell, consoleIcons, type ConsoleNavItem } from "@/components/shell/console-shell";
import { isLocale } from "@/lib/i18n/routing";
import { getAuthSession } from "@/server/auth";
import { requireStaff } from "@/server/guards";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "meta" });
  // Pages name themselves: "Audit log · Admin console · Bazaar".
  return { title: { default: t("adminTitle"), template: `%s · ${t("adminTitle")}` }, robots: { index: false, follow: false } };
}

export default async function AdminLayout({ children }: { children: ReactNode }) {
  // A layout can't know the path, so anonymous visitors are left to the page's own guard,
  // which sends them to sign-in with its exact return address. Every admin page calls requireStaff.
  if (!(await getAuthSession())) return children;
  const { session, permissions } = await requireStaff("/admin");
  const t = await getTranslations("admin");
  const items: ConsoleNavItem[] = [
    { href: "/admin", label: t("dashboard"), icon: consoleIcons.dashboard, exact: true },
    ...adminSections(permissions).map((s) => ({ href: s.href, label: t(s.titleKey), icon: consoleIcons[s.icon] })),
  ];
  return (
    <ConsoleShell session={session} home="/admin" logoSuffix={t("logoSuffix")} navLabel={t("nav")} items={items}>
      {children}
    </ConsoleShell>
  );
}
