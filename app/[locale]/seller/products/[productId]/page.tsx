import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { draftFromProduct, emptyDraft } from "@/components/seller/products/product-draft";
import { ProductForm } from "@/components/seller/products/product-form";
import { PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";
import { loadEditorData } from "../editor-data";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerProducts" });
  return { title: t("editProduct") };
}

/** The vendor's product, or null when it is not there (another shop's, deleted, bad id). */
async function loadProduct(caller: Awaited<ReturnType<typeof getServerCaller>>, vendorId: string, productId: string) {
  try {
    return await caller.products.getVendorProduct({ vendorId, productId });
  } catch (error) {
    if ((error as { code?: string }).code === "NOT_FOUND" || (error as { code?: string }).code === "BAD_REQUEST") return null;
    throw error;
  }
}

export default async function EditProductPage({ params }: { params: Promise<{ locale: string; productId: string }> }) {
  const { locale, productId } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor(`/seller/products/${productId}`);
  const [t, caller] = await Promise.all([getTranslations("sellerProducts"), getServerCaller()]);
  const [product, { categories, brands }] = await Promise.all([loadProduct(caller, vendor.id, productId), loadEditorData(caller)]);
  if (!product) notFound();
  return (
    <>
      <PageHeader
        title={<bdi>{product.title}</bdi>}
        description={t("editProductIntro")}
        breadcrumbs={
          <nav aria-label={t("breadcrumbs")}>
            <Link href="/seller/products" className="hover:underline">
              {t("title")}
            </Link>
          </nav>
        }
      />
      <ProductForm
        vendorId={vendor.id}
        product={{
          id: product.id,
          slug: product.slug,
          status: product.status,
          moderation: product.moderation,
          moderationReason: product.moderationReason,
          version: product.updatedAt.toISOString(),
          draft: draftFromProduct(product),
        }}
        initialDraft={emptyDraft(product.locale)}
        categories={categories}
        brands={brands}
      />
    </>
  );
}
