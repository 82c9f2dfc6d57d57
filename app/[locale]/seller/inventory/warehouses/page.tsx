import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { WarehousesManager } from "@/components/seller/inventory/warehouses-manager";
import { Alert, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerInventory" });
  return { title: t("warehousesTitle") };
}

export default async function SellerWarehousesPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/inventory/warehouses");
  const t = await getTranslations("sellerInventory");
  const header = (
    <PageHeader
      title={t("warehousesTitle")}
      description={t("warehousesDescription", { shop: vendor.name })}
      breadcrumbs={<Link href="/seller/inventory" className="hover:underline">{t("backToStock")}</Link>}
    />
  );
  if (!vendor.permissions.includes("inventory.write")) {
    return (
      <>
        {header}
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }
  const warehouses = await (await getServerCaller()).inventory.listWarehouses({ vendorId: vendor.id });
  return (
    <>
      {header}
      <WarehousesManager vendorId={vendor.id} warehouses={warehouses} />
    </>
  );
}
