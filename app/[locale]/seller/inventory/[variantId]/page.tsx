import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { LedgerTimeline } from "@/components/seller/inventory/ledger-timeline";
import { Alert, PageHeader, buttonClasses } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerInventory" });
  return { title: t("ledgerTitle") };
}

export default async function SellerStockLedgerPage({ params, searchParams }: { params: Promise<{ locale: string; variantId: string }>; searchParams: Promise<SearchParams> }) {
  const { locale, variantId } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  if (variantId.length > 50) notFound();
  const { vendor } = await requireSellerVendor(`/seller/inventory/${variantId}`);
  const t = await getTranslations("sellerInventory");
  const back = <Link href="/seller/inventory" className="hover:underline">{t("backToStock")}</Link>;
  if (!vendor.permissions.includes("inventory.write")) {
    return (
      <>
        <PageHeader title={t("ledgerTitle")} breadcrumbs={back} />
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }
  const cursor = queryValue(await searchParams, "cursor", 50) || undefined;
  const ledger = await (await getServerCaller()).inventory.getLedger({ vendorId: vendor.id, variantId, cursor }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) return null;
    throw error;
  });
  if (!ledger) notFound();
  const options = Object.values(ledger.variant.optionValues).join(" / ");
  return (
    <>
      <PageHeader
        title={t("ledgerTitle")}
        description={t("ledgerDescription", { title: options ? `${ledger.variant.title} (${options})` : ledger.variant.title, sku: ledger.variant.sku })}
        breadcrumbs={back}
      />
      <LedgerTimeline
        movements={ledger.movements.map((m) => ({
          id: m.id, kind: m.kind, onHandDelta: m.onHandDelta, reservedDelta: m.reservedDelta, onHandAfter: m.onHandAfter, reservedAfter: m.reservedAfter,
          reason: m.reason, actorName: m.actor ? m.actor.name || m.actor.email : null, warehouse: m.warehouse?.code ?? null, orderNumber: m.orderNumber,
          createdAt: m.createdAt.toISOString(),
        }))}
      />
      {ledger.nextCursor ? (
        <div className="mt-6">
          <Link href={`/seller/inventory/${variantId}?cursor=${encodeURIComponent(ledger.nextCursor)}`} className={buttonClasses({ variant: "secondary" })}>
            {t("showOlder")}
          </Link>
        </div>
      ) : null}
    </>
  );
}
