import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProductForm } from "@/components/seller/products/product-form";
import { emptyDraft } from "@/components/seller/products/product-draft";
import { PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";
import { loadEditorData } from "../editor-data";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerProducts" });
  return { title: t("newProduct") };
}

export default async function NewProductPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/products/new");
  const [t, caller] = await Promise.all([getTranslations("sellerProducts"), getServerCaller()]);
  const { categories, brands } = await loadEditorData(caller);
  return (
    <>
      <PageHeader
        title={t("newProduct")}
        description={t("newProductIntro", { shop: vendor.name })}
        breadcrumbs={
          <nav aria-label={t("breadcrumbs")}>
            <Link href="/seller/products" className="hover:underline">
              {t("title")}
            </Link>
          </nav>
        }
      />
      <ProductForm vendorId={vendor.id} product={null} initialDraft={emptyDraft(isLocale(locale) ? locale : "en")} categories={categories} brands={brands} />
    </>
  );
}
