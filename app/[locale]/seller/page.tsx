import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { Alert, Badge, Card, CardBody, CardDescription, CardHeader, CardTitle, PageHeader, type Tone } from "@/components/ui";
import { isLocale } from "@/lib/i18n/routing";
import { requireSellerVendor } from "@/server/seller-context";

type VendorStatus = "PENDING" | "ACTIVE" | "SUSPENDED" | "CLOSED";
const statusTone: Record<VendorStatus, Tone> = { PENDING: "warning", ACTIVE: "success", SUSPENDED: "danger", CLOSED: "neutral" };

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const l = isLocale(locale) ? locale : "en";
  const [t, tm] = await Promise.all([getTranslations({ locale: l, namespace: "seller" }), getTranslations({ locale: l, namespace: "meta" })]);
  // The layout's title template only reaches child segments, not this page of its own segment.
  return { title: { absolute: `${t("dashboard")} · ${tm("sellerTitle")}` } };
}

export default async function SellerDashboardPage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { session, vendors, vendor } = await requireSellerVendor("/seller");
  const [t, tp] = await Promise.all([getTranslations("seller"), getTranslations("vendorPermission")]);

  return (
    <>
      <PageHeader title={t("welcome", { name: session.user.name })} description={t("intro", { shop: vendor.name })} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="flex flex-col gap-6 lg:col-span-2">
          <Card data-testid="current-shop">
            <CardHeader>
              <p className="text-xs font-medium text-neutral-600">{t("currentShop")}</p>
              <CardTitle>
                <bdi>{vendor.name}</bdi>
              </CardTitle>
            </CardHeader>
            <CardBody className="flex flex-col gap-5">
              <dl className="flex flex-wrap gap-x-8 gap-y-3 text-sm">
                <div>
                  <dt className="mb-1 text-neutral-600">{t("shopStatus")}</dt>
                  <dd>
                    <Badge tone={statusTone[vendor.status]}>{t(`status.${vendor.status}`)}</Badge>
                  </dd>
                </div>
                <div>
                  <dt className="mb-1 text-neutral-600">{t("yourRole")}</dt>
                  <dd>
                    <Badge tone="info">{t(`role.${vendor.role}`)}</Badge>
                  </dd>
                </div>
              </dl>
              <section aria-labelledby="shop-permissions-title">
                <h3 id="shop-permissions-title" className="mb-2 text-sm font-semibold text-neutral-700">
                  {t("permissionsTitle")}
                </h3>
                {vendor.permissions.length === 0 ? (
                  <Alert tone="neutral">{t("noPermissions")}</Alert>
                ) : (
                  <ul className="flex flex-wrap gap-1.5" data-testid="shop-permissions">
                    {vendor.permissions.map((p) => (
                      <li key={p}>
                        <Badge tone="brand">{tp(p)}</Badge>
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </CardBody>
          </Card>
        </div>
        <section aria-labelledby="getting-started-title" className="h-fit rounded-xl border border-brand-200 bg-brand-50 px-5 py-4">
          <h2 id="getting-started-title" className="font-semibold text-brand-900">
            {t("gettingStarted")}
          </h2>
          <p className="mt-1 text-sm text-brand-900">{t("gettingStartedBody")}</p>
        </section>
      </div>

      <section aria-labelledby="your-shops-title" className="mt-8">
        <h2 id="your-shops-title" className="mb-3 text-lg font-semibold">
          {t("yourShops")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" data-testid="your-shops">
          {vendors.map((v) => (
            <li key={v.id}>
              <Card className={v.id === vendor.id ? "h-full ring-2 ring-brand-600" : "h-full"}>
                <CardHeader actions={v.id === vendor.id ? <Badge tone="brand">{t("currentShop")}</Badge> : undefined}>
                  <CardTitle as="h3" className="text-base">
                    <bdi>{v.name}</bdi>
                  </CardTitle>
                  <CardDescription>{v.slug}</CardDescription>
                </CardHeader>
                <CardBody className="flex flex-wrap gap-2">
                  <Badge tone={statusTone[v.status]}>{t(`status.${v.status}`)}</Badge>
                  <Badge tone="info">{t(`role.${v.role}`)}</Badge>
                </CardBody>
              </Card>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
