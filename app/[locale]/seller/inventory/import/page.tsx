import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { StockImport } from "@/components/seller/inventory/stock-import";
import { Alert, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { requireSellerVendor } from "@/server/seller-context";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerInventory" });
  return { title: t("importTitle") };
}

const EXAMPLE = "sku,warehouse,on_hand,reason\nLAMP-OAK-S,MAIN,24,Delivery 4411\nLAMP-OAK-L,MAIN,0,Stock count";

export default async function SellerStockImportPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/inventory/import");
  const t = await getTranslations("sellerInventory");
  return (
    <>
      <PageHeader
        title={t("importTitle")}
        description={t("importDescription")}
        breadcrumbs={<Link href="/seller/inventory" className="hover:underline">{t("backToStock")}</Link>}
      />
      {vendor.permissions.includes("inventory.write") ? (
        <div className="flex flex-col gap-6">
          <figure className="rounded-xl border border-neutral-200 bg-neutral-50 p-4">
            <figcaption className="mb-2 text-sm font-medium text-neutral-900">{t("importExample")}</figcaption>
            <pre dir="ltr" className="overflow-x-auto text-start text-xs text-neutral-800">{EXAMPLE}</pre>
          </figure>
          <StockImport vendorId={vendor.id} />
        </div>
      ) : (
        <Alert tone="warning">{t("noPermission")}</Alert>
      )}
    </>
  );
}
