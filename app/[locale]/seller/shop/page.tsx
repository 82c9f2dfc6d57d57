import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { VendorProfileForm } from "@/components/admin/vendor-profile-form";
import { AcceptingOrdersSwitch } from "@/components/seller/accepting-orders-switch";
import { Alert, Card, CardBody, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { isLocale } from "@/lib/i18n/routing";
import { mediaSrc } from "@/lib/media/sizes";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";
import { ShopImageField } from "./shop-image-field";

const shopImage = (m: { storageKey: string; width: number; height: number; placeholder: string }) => ({
  src: mediaSrc(m.storageKey), width: m.width, height: m.height, placeholder: m.placeholder,
});

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerShop" });
  return { title: t("title") };
}

export default async function SellerShopPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/shop");
  const [t, tImages] = await Promise.all([getTranslations("sellerShop"), getTranslations("sellerProducts.shopImages")]);
  if (!vendor.permissions.includes("shop.manage")) {
    return (
      <>
        <PageHeader title={t("title")} description={t("description", { shop: vendor.name })} />
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }
  const shop = await (await getServerCaller()).vendors.getShop({ vendorId: vendor.id });

  return (
    <>
      <PageHeader title={t("title")} description={t("description", { shop: shop.name })} />
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="flex min-w-0 flex-col gap-6 xl:col-span-2">
          <Card>
            <CardHeader>
              <CardTitle>{t("orders")}</CardTitle>
            </CardHeader>
            <CardBody>
              {/* key: a fresh switch when the server's value changes (e.g. after another member's change). */}
              <AcceptingOrdersSwitch key={String(shop.acceptingOrders)} vendorId={shop.id} accepting={shop.acceptingOrders} />
            </CardBody>
          </Card>
          <Card>
            <CardHeader>
              <CardTitle>{t("profile")}</CardTitle>
            </CardHeader>
            <CardBody>
              <VendorProfileForm key={shop.updatedAt.toISOString()} scope="seller" vendor={shop} />
            </CardBody>
          </Card>
        </div>
        <Card className="h-fit" data-testid="shop-images">
          <CardHeader>
            <CardTitle>{t("images")}</CardTitle>
            <CardDescription>{tImages("description")}</CardDescription>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            <ShopImageField vendorId={shop.id} kind="logo" label={t("logo")} shopName={shop.name} image={shop.logo ? shopImage(shop.logo) : null} />
            <ShopImageField vendorId={shop.id} kind="banner" label={t("banner")} shopName={shop.name} image={shop.banner ? shopImage(shop.banner) : null} />
          </CardBody>
        </Card>
      </div>
    </>
  );
}
