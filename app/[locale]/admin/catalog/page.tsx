import { setRequestLocale } from "next-intl/server";
import { redirect } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";

/** The catalog section opens on its category tree. */
export default async function CatalogPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  redirect({ href: "/admin/catalog/categories", locale });
}
