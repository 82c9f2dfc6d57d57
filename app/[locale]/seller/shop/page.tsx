import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { VendorProfileForm } from "@/components/admin/vendor-profile-form";
import { AcceptingOrdersSwitch } from "@/components/seller/accepting-orders-switch";
import { Alert, Card, CardBody, CardDescription, CardHeader, CardTitle, PageHeader } from "@/components/ui";
import { isLocale } from "@/lib/i18n/routing";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerShop" });
  return { title: t("title") };
}

export default async function SellerShopPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/shop");
  const t = await getTranslations("sellerShop");
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
            <CardDescription>{t("imagesBody")}</CardDescription>
          </CardHeader>
          <CardBody className="flex flex-col gap-4">
            {/* Placeholder areas: the media uploader will be wired here (logoId / bannerId). */}
            <div>
              <p className="mb-1.5 text-sm font-medium text-neutral-900">{t("logo")}</p>
              <div className="flex size-24 items-center justify-center rounded-xl border-2 border-dashed border-neutral-300 bg-neutral-50 text-2xl font-bold text-neutral-500" aria-hidden="true">
                {shop.name.slice(0, 1).toUpperCase()}
              </div>
            </div>
            <div>
              <p className="mb-1.5 text-sm font-medium text-neutral-900">{t("banner")}</p>
              <div className="flex aspect-[3/1] w-full items-center justify-center rounded-xl border-2 border-dashed border-neutral-300 bg-neutral-50 px-4 text-center text-sm text-neutral-500" aria-hidden="true">
                <bdi>{shop.name}</bdi>
              </div>
            </div>
          </CardBody>
        </Card>
      </div>
    </>
  );
}
