import { redirect } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";

/** The content section opens on its banners. */
export default async function ContentPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  redirect({ href: "/admin/content/banners", locale: isLocale(locale) ? locale : routing.defaultLocale });
}
