import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BannerForm } from "@/components/admin/content/banner-form";
import { PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminContent" });
  return { title: t("newBanner") };
}

export default async function NewBannerPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  await requireStaff("/admin/content/banners/new", "content.manage");
  const [t, caller] = await Promise.all([getTranslations("adminContent"), getServerCaller()]);
  const categories = await caller.content.listCategoryOptions({ locale });
  return (
    <>
      <PageHeader
        title={t("newBanner")}
        description={t("formDescription")}
        breadcrumbs={
          <nav aria-label={t("breadcrumbs")}>
            <Link href="/admin/content/banners" className="hover:underline">
              {t("title")}
            </Link>
          </nav>
        }
      />
      <BannerForm categories={categories} />
    </>
  );
}
