import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { StorefrontShell } from "@/components/storefront/storefront-shell";
import { pageLocale } from "@/lib/i18n/page-locale";

// Storefront pages rendered once and served from the cache to everyone (product pages): nothing
// here or in the frame reads the request; what is per person is filled in client-side.
export default async function CatalogLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  return <StorefrontShell locale={locale}>{children}</StorefrontShell>;
}
