import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ShippingRulesManager } from "@/components/cart/shipping-rules-manager";
import { Alert, PageHeader } from "@/components/ui";
import { isLocale } from "@/lib/i18n/routing";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerShipping" });
  return { title: t("title") };
}

export default async function SellerShippingPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/shipping");
  const t = await getTranslations("sellerShipping");
  const header = <PageHeader title={t("title")} description={t("description", { shop: vendor.name })} />;
  if (!vendor.permissions.includes("shop.manage")) {
    return (
      <>
        {header}
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }
  const rules = await (await getServerCaller()).shipping.listRules({ vendorId: vendor.id });
  return (
    <>
      {header}
      <ShippingRulesManager
        key={vendor.id}
        vendorId={vendor.id}
        rules={rules.map((r) => ({
          id: r.id, name: r.name, price: r.price, currency: r.currency, freeOver: r.freeOver, minDays: r.minDays, maxDays: r.maxDays, active: r.active, position: r.position,
        }))}
      />
    </>
  );
}
