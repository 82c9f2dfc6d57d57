import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { CommissionSettings } from "@/components/admin/payouts/commission-settings";
import { Badge, buttonClasses, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminPayments" });
  return { title: t("title") };
}

const STATUS_TONE = { PENDING: "warning", PAID: "success", FAILED: "danger" } as const;

export default async function AdminPaymentsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  await requireStaff("/admin/payouts", "payments.manage");
  const t = await getTranslations("adminPayments");
  const tf = await getTranslations("sellerFinance");
  const page = Math.min(10_000, Math.max(1, Number.parseInt(queryValue(await searchParams, "page"), 10) || 1));
  const caller = await getServerCaller();
  const [settings, options, payouts] = await Promise.all([
    caller.ledger.getCommissionSettings(),
    caller.ledger.commissionOptions(),
    caller.ledger.listAllPayouts({ page, pageSize: 25 }),
  ]);
  const categoryLabel = new Map(options.categories.map((c) => [c.id, c.label]));
  const rows = [
    ...settings.categories.map((c) => ({ scope: "category" as const, id: c.categoryId, label: categoryLabel.get(c.categoryId) ?? c.slug, rateBps: c.rateBps })),
    ...settings.vendors.map((v) => ({ scope: "vendor" as const, id: v.vendorId, label: v.name, rateBps: v.rateBps })),
  ];
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const pages = Math.max(1, Math.ceil(payouts.total / payouts.pageSize));
  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <section aria-labelledby="commission" className="mb-10">
        <h2 id="commission" className="mb-3 text-xl font-semibold">{t("commissionTitle")}</h2>
        <CommissionSettings defaultBps={settings.defaultBps} rows={rows} vendors={options.vendors} categories={options.categories} />
      </section>
      <section aria-labelledby="payouts">
        <h2 id="payouts" className="mb-3 text-xl font-semibold">{t("payoutsTitle")}</h2>
        {payouts.items.length === 0 ? (
          <EmptyState headingLevel="h3" title={t("payoutsEmpty")} />
        ) : (
          <Table caption={t("payoutsTitle")}>
            <THead>
              <TR>
                <TH>{t("created")}</TH>
                <TH>{t("shop")}</TH>
                <TH>{t("amount")}</TH>
                <TH>{t("status")}</TH>
                <TH>{t("transfer")}</TH>
              </TR>
            </THead>
            <TBody>
              {payouts.items.map((p) => (
                <TR key={p.id}>
                  <TD className="whitespace-nowrap">{date.format(p.createdAt)}</TD>
                  <TD>{p.vendor.name}</TD>
                  <TD className="tabular-nums">{formatMoney(p.amount, p.currency, locale)}</TD>
                  <TD><Badge tone={STATUS_TONE[p.status]}>{tf(`payoutStatus.${p.status}`)}</Badge></TD>
                  <TD className="font-mono text-xs">{p.providerTransferId ?? p.failureMessage ?? "—"}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {pages > 1 ? (
          <nav aria-label={tf("pagination")} className="mt-3 flex items-center justify-between gap-3 text-sm">
            {page > 1 ? <Link href={{ pathname: "/admin/payouts", query: { page: String(page - 1) } }} className={buttonClasses({ variant: "secondary", size: "sm" })}>{tf("previous")}</Link> : <span />}
            <span className="text-neutral-700">{tf("pageOf", { page, pages })}</span>
            {page < pages ? <Link href={{ pathname: "/admin/payouts", query: { page: String(page + 1) } }} className={buttonClasses({ variant: "secondary", size: "sm" })}>{tf("next")}</Link> : <span />}
          </nav>
        ) : null}
      </section>
    </>
  );
}
