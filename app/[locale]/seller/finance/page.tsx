import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { EarningsChart } from "@/components/seller/finance/earnings-chart";
import { RequestPayoutButton } from "@/components/seller/finance/request-payout-button";
import { Alert, Badge, buttonClasses, Card, EmptyState, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { isLocale } from "@/lib/i18n/routing";
import { formatMoney } from "@/lib/money";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { requireSellerVendor } from "@/server/seller-context";
import { getServerCaller } from "@/server/trpc/server";

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "sellerFinance" });
  return { title: t("title") };
}

const PAGE_SIZE = 20;
const pageOf = (value: string | undefined) => Math.min(10_000, Math.max(1, Number.parseInt(value ?? "1", 10) || 1));
const STATUS_TONE = { PENDING: "warning", PAID: "success", FAILED: "danger" } as const;

export default async function SellerFinancePage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale } = await params;
  if (isLocale(locale)) setRequestLocale(locale);
  const { vendor } = await requireSellerVendor("/seller/finance");
  const t = await getTranslations("sellerFinance");
  const header = <PageHeader title={t("title")} description={t("description", { shop: vendor.name })} />;
  if (!vendor.permissions.includes("payouts.read")) {
    return (
      <>
        {header}
        <Alert tone="warning">{t("noPermission")}</Alert>
      </>
    );
  }
  const sp = await searchParams;
  const entriesPage = pageOf(queryValue(sp, "page"));
  const payoutsPage = pageOf(queryValue(sp, "payouts"));
  const caller = await getServerCaller();
  const [summary, chart, entries, payouts] = await Promise.all([
    caller.ledger.getVendorBalances({ vendorId: vendor.id }),
    caller.ledger.weeklyEarnings({ vendorId: vendor.id }),
    caller.ledger.listVendorEntries({ vendorId: vendor.id, page: entriesPage, pageSize: PAGE_SIZE }),
    caller.ledger.listVendorPayouts({ vendorId: vendor.id, page: payoutsPage, pageSize: 10 }),
  ]);
  const canRequest = vendor.permissions.includes("payouts.request");
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short" });
  const date = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const balances = summary.balances.length > 0 ? summary.balances : [{ currency: "USD", pending: 0, available: 0, paidOut: 0 }];
  const pager = (param: "page" | "payouts", page: number, total: number, size: number) => {
    const pages = Math.max(1, Math.ceil(total / size));
    if (pages <= 1) return null;
    const href = (p: number) => ({ pathname: "/seller/finance", query: { page: String(param === "page" ? p : entriesPage), payouts: String(param === "payouts" ? p : payoutsPage) } });
    return (
      <nav aria-label={t("pagination")} className="mt-3 flex items-center justify-between gap-3 text-sm">
        {page > 1 ? <Link href={href(page - 1)} className={buttonClasses({ variant: "secondary", size: "sm" })}>{t("previous")}</Link> : <span />}
        <span className="text-neutral-700">{t("pageOf", { page, pages })}</span>
        {page < pages ? <Link href={href(page + 1)} className={buttonClasses({ variant: "secondary", size: "sm" })}>{t("next")}</Link> : <span />}
      </nav>
    );
  };

  return (
    <>
      {header}
      {balances.map((b) => {
        const reason = !canRequest ? t("noRequestPermission")
          : summary.needsConnectedAccount ? t("noConnectedAccount")
          : b.available < 0 ? t("negativeBalance", { amount: formatMoney(-b.available, b.currency, locale) })
          : b.available < summary.minimum ? t("belowMinimum", { minimum: formatMoney(summary.minimum, b.currency, locale), available: formatMoney(b.available, b.currency, locale) })
          : null;
        return (
          <section key={b.currency} aria-labelledby={`balances-${b.currency}`} className="mb-8">
            <h2 id={`balances-${b.currency}`} className="mb-3 text-lg font-semibold">{t("balancesIn", { currency: b.currency })}</h2>
            <div className="grid gap-4 sm:grid-cols-3">
              {([
                ["pending", b.pending, t("pendingHint", { days: summary.holdDays })],
                ["available", b.available, t("availableHint")],
                ["paidOut", b.paidOut, t("paidOutHint")],
              ] as const).map(([key, amount, hint]) => (
                <Card key={key} className="p-5">
                  <p className="text-sm font-medium text-neutral-700">{t(key)}</p>
                  <p className={`mt-1 text-2xl font-bold ${amount < 0 ? "text-danger-700" : "text-neutral-900"}`} data-testid={`balance-${key}`}>{formatMoney(amount, b.currency, locale)}</p>
                  <p className="mt-1 text-xs text-neutral-600">{hint}</p>
                </Card>
              ))}
            </div>
            <div className="mt-4">
              <RequestPayoutButton vendorId={vendor.id} currency={b.currency} label={t("requestPayout")} disabledReason={reason} />
            </div>
          </section>
        );
      })}

      <section aria-labelledby="earnings-chart" className="mb-8">
        <h2 id="earnings-chart" className="mb-3 text-lg font-semibold">{t("chartTitle")}</h2>
        <Card className="p-5">
          {chart.length === 0 ? (
            <p className="text-sm text-neutral-700">{t("chartEmpty")}</p>
          ) : (
            chart.map((c) => (
              <EarningsChart key={c.currency} weeks={c.weeks} currency={c.currency} locale={locale} title={t("chartCaption", { currency: c.currency })} weekLabel={(week) => t("weekOf", { week })} />
            ))
          )}
        </Card>
      </section>

      <section aria-labelledby="payouts" className="mb-8">
        <h2 id="payouts" className="mb-3 text-lg font-semibold">{t("payoutsTitle")}</h2>
        {payouts.items.length === 0 ? (
          <EmptyState headingLevel="h3" title={t("payoutsEmpty")} />
        ) : (
          <Table caption={t("payoutsTitle")}>
            <THead>
              <TR>
                <TH>{t("period")}</TH>
                <TH>{t("amount")}</TH>
                <TH>{t("status")}</TH>
                <TH>{t("statementColumn")}</TH>
              </TR>
            </THead>
            <TBody>
              {payouts.items.map((p) => {
                const base = `/api/seller/payouts/statement?vendorId=${encodeURIComponent(vendor.id)}&payoutId=${encodeURIComponent(p.id)}&locale=${locale}`;
                return (
                  <TR key={p.id}>
                    <TD>{p.periodStart.getTime() === 0 ? t("untilDate", { end: date.format(p.periodEnd) }) : t("periodRange", { start: date.format(p.periodStart), end: date.format(p.periodEnd) })}</TD>
                    <TD className="tabular-nums">{formatMoney(p.amount, p.currency, locale)}</TD>
                    <TD><Badge tone={STATUS_TONE[p.status]}>{t(`payoutStatus.${p.status}`)}</Badge></TD>
                    <TD>
                      <span className="flex flex-wrap gap-3">
                        <a className="font-medium text-brand-700 underline" href={`${base}&format=csv`} download>{t("downloadCsv")}</a>
                        <a className="font-medium text-brand-700 underline" href={`${base}&format=pdf`} download>{t("downloadPdf")}</a>
                      </span>
                    </TD>
                  </TR>
                );
              })}
            </TBody>
          </Table>
        )}
        {pager("payouts", payouts.page, payouts.total, payouts.pageSize)}
      </section>

      <section aria-labelledby="entries">
        <h2 id="entries" className="mb-3 text-lg font-semibold">{t("entriesTitle")}</h2>
        {entries.items.length === 0 ? (
          <EmptyState headingLevel="h3" title={t("entriesEmpty")} />
        ) : (
          <Table caption={t("entriesTitle")}>
            <THead>
              <TR>
                <TH>{t("date")}</TH>
                <TH>{t("type")}</TH>
                <TH>{t("accountColumn")}</TH>
                <TH>{t("reference")}</TH>
                <TH className="text-end!">{t("amount")}</TH>
              </TR>
            </THead>
            <TBody>
              {entries.items.map((e) => (
                <TR key={e.id}>
                  <TD className="whitespace-nowrap">{dateTime.format(e.createdAt)}</TD>
                  <TD>{t(`kind.${e.kind}`)}</TD>
                  <TD>{t(`account.${e.account}`)}</TD>
                  <TD>{e.subOrderNumber ?? "—"}</TD>
                  <TD className={`text-end! tabular-nums ${e.amount < 0 ? "text-danger-700" : ""}`}>{formatMoney(e.amount, e.currency, locale)}</TD>
                </TR>
              ))}
            </TBody>
          </Table>
        )}
        {pager("page", entries.page, entries.total, entries.pageSize)}
      </section>
    </>
  );
}
