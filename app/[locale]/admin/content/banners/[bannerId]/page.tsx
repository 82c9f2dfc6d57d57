import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { BannerForm } from "@/components/admin/content/banner-form";
import { PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { mediaSrc } from "@/lib/media/sizes";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminContent" });
  return { title: t("editBanner") };
}

export default async function EditBannerPage({ params }: { params: Promise<{ locale: string; bannerId: string }> }) {
  const { locale: raw, bannerId } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  await requireStaff(`/admin/content/banners/${encodeURIComponent(bannerId)}`, "content.manage");
  const [t, caller] = await Promise.all([getTranslations("adminContent"), getServerCaller()]);
  const [banner, categories] = await Promise.all([
    caller.content.getBanner({ bannerId: bannerId.slice(0, 50) }).catch((e: { code?: string }) => {
      if (e.code === "NOT_FOUND") notFound();
      throw e;
    }),
    caller.content.listCategoryOptions({ locale }),
  ]);
  return (
    <>
      <PageHeader
        title={t("editBanner")}
        description={t("formDescription")}
        breadcrumbs={
          <nav aria-label={t("breadcrumbs")}>
            <Link href="/admin/content/banners" className="hover:underline">
              {t("title")}
            </Link>
          </nav>
        }
      />
      <BannerForm
        categories={categories}
        banner={{
          id: banner.id,
          placement: banner.placement,
          categoryId: banner.categoryId,
          title: banner.title,
          subtitle: banner.subtitle,
          linkUrl: banner.linkUrl,
          locales: banner.locales,
          startsAt: banner.startsAt?.toISOString() ?? null,
          endsAt: banner.endsAt?.toISOString() ?? null,
          position: banner.position,
          active: banner.active,
          image: { id: banner.image.id, src: mediaSrc(banner.image.storageKey), width: banner.image.width, height: banner.image.height, placeholder: banner.image.placeholder },
        }}
      />
    </>
  );
}
