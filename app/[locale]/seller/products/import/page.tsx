import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { importStatusTone } from "@/components/seller/products/import-status";
import { ImportUploader } from "@/components/seller/products/import-uploader";
import { Badge, buttonClasses, Card, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerProducts.import" });
  return { title: t("title") };
}

export default async function ImportProductsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/products/import");
  const [t, tp, format, caller] = await Promise.all([getTranslations("sellerProducts.import"), getTranslations("sellerProducts"), getFormatter(), getServerCaller()]);
  const imports = await caller.products.listImports({ vendorId: vendor.id });
  const shown = queryValue(await searchParams, "import", 50);
  const initialImportId = imports.some((i) => i.id === shown) ? shown : undefined;
  const templateHref = `/api/seller/products/export?vendorId=${encodeURIComponent(vendor.id)}&template=1`;

  return (
    <>
      <PageHeader
        title={t("title")}
        description={t("description")}
        breadcrumbs={
          <nav aria-label={tp("breadcrumbs")}>
            <Link href="/seller/products" className="hover:underline">
              {tp("title")}
            </Link>
          </nav>
        }
        actions={
          <a href={templateHref} download className={buttonClasses({ variant: "secondary" })}>
            {t("downloadTemplate")}
          </a>
        }
      />
      <ImportUploader key={initialImportId ?? "new"} vendorId={vendor.id} initialImportId={initialImportId} />

      <section aria-labelledby="past-imports-title" className="mt-8">
        <h2 id="past-imports-title" className="mb-3 text-lg font-semibold">
          {t("pastImports")}
        </h2>
        {imports.length === 0 ? (
          <Card>
            <EmptyState headingLevel="h3" title={t("noImports")} description={t("noImportsBody")} />
          </Card>
        ) : (
          <Table caption={t("pastImports")} data-testid="past-imports">
            <THead>
              <TR>
                <TH>{t("fileColumn")}</TH>
                <TH>{t("started")}</TH>
                <TH>{t("statusColumn")}</TH>
                <TH>{t("imported")}</TH>
                <TH>{t("failed")}</TH>
              </TR>
            </THead>
            <TBody>
              {imports.map((i) => (
                <TR key={i.id} className="hover:bg-neutral-50">
                  <TH scope="row" className="font-medium">
                    <Link href={{ pathname: "/seller/products/import", query: { import: i.id } }} className="text-brand-800 hover:underline">
                      <bdi>{i.fileName}</bdi>
                    </Link>
                  </TH>
                  <TD className="whitespace-nowrap">{format.dateTime(i.createdAt, { dateStyle: "medium", timeStyle: "short" })}</TD>
                  <TD>
                    <Badge tone={importStatusTone[i.status]}>{t(`status.${i.status}`)}</Badge>
                  </TD>
                  <TD className="tabular-nums">{t("ofRows", { count: i.importedRows, total: i.totalRows })}</TD>
                  <TD className="tabular-nums">{i.failedRows}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
      </section>
    </>
  );
}
