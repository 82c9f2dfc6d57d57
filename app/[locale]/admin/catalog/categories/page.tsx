import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CategoryTree } from "@/components/admin/catalog/category-tree";
import { buttonClasses, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminCatalog" });
  return { title: t("categoriesTitle") };
}

export default async function CategoriesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  await requireStaff("/admin/catalog/categories", "catalog.manage");
  const [t, caller] = await Promise.all([getTranslations("adminCatalog"), getServerCaller()]);
  const tree = await caller.catalog.getCategoryTree({ locale });
  return (
    <>
      <PageHeader
        title={t("categoriesTitle")}
        description={t("categoriesDescription")}
        actions={
          <Link href="/admin/catalog/brands" className={buttonClasses({ variant: "secondary" })}>
            {t("brandsTitle")}
          </Link>
        }
      />
      <CategoryTree tree={tree} />
    </>
  );
}
