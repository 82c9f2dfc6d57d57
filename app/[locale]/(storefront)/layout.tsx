import { connection } from "next/server";
import { setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { StorefrontShell } from "@/components/storefront/storefront-shell";
import { pageLocale } from "@/lib/i18n/page-locale";

// Pages here read the request (session, cart, query): they render per request, never at build.
// Pages served from the cache for everyone live in (catalog) under the same frame.
export default async function StorefrontLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  await connection();
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  return <StorefrontShell locale={locale}>{children}</StorefrontShell>;
}
