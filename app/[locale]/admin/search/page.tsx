import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { SearchesChart } from "@/components/admin/search/searches-chart";
import { SynonymManager } from "@/components/admin/search/synonym-manager";
import { Card, cn, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { REPORT_PERIODS } from "@/server/modules/search/search-admin.schema";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const DAY = 86_400_000;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "adminSearch" });
  return { title: t("title") };
}

export default async function AdminSearchPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const rawDays = Number(queryValue(await searchParams, "days", 3));
  const days = (REPORT_PERIODS as readonly number[]).includes(rawDays) ? (rawDays as (typeof REPORT_PERIODS)[number]) : 30;
  await requireStaff(days === 30 ? "/admin/search" : `/admin/search?days=${days}`, "search.manage");
  const [t, format, caller] = await Promise.all([getTranslations("adminSearch"), getFormatter(), getServerCaller()]);
  // Whole UTC days: the range ends at the start of tomorrow (UTC).
  const now = new Date();
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()) + DAY);
  const from = new Date(to.getTime() - days * DAY);
  const [report, groups] = await Promise.all([caller.searchAdmin.report({ from, to, limit: 20 }), caller.searchAdmin.listSynonyms()]);
  const percent = (value: number) => format.number(value, { style: "percent", maximumFractionDigits: 1 });
  const number = (value: number) => format.number(value, { maximumFractionDigits: 1 });
  const totals = report.totals;

  const stats = [
    { label: t("totalSearches"), value: format.number(totals.searches) },
    { label: t("zeroResultRate"), value: percent(totals.searches ? totals.zeroResultSearches / totals.searches : 0) },
    { label: t("clickThroughRate"), value: percent(totals.clickThroughRate) },
    { label: t("clicks"), value: format.number(totals.clicks) },
  ];

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />

      <nav aria-label={t("period")} className="mb-4">
        <ul className="inline-flex flex-wrap gap-1 rounded-lg border border-neutral-200 bg-white p-1">
          {REPORT_PERIODS.map((d) => (
            <li key={d}>
              <Link
                href={d === 30 ? "/admin/search" : `/admin/search?days=${d}`}
                aria-current={d === days ? "page" : undefined}
                className={cn(
                  "inline-flex min-h-9 items-center rounded-md px-3 text-sm font-medium",
                  d === days ? "bg-brand-600 text-white" : "text-neutral-800 hover:bg-neutral-100",
                )}
              >
                {t("lastDays", { days: d })}
              </Link>
            </li>
          ))}
        </ul>
      </nav>

      <dl className="mb-6 grid grid-cols-2 gap-3 lg:grid-cols-4" data-testid="search-totals">
        {stats.map((s) => (
          <Card key={s.label} className="p-4">
            <dt className="text-sm text-neutral-600">{s.label}</dt>
            <dd className="mt-1 text-2xl font-semibold tabular-nums text-neutral-900">{s.value}</dd>
          </Card>
        ))}
      </dl>

      <Card className="mb-6 p-4">
        <h2 className="mb-3 text-lg font-semibold">{t("chartTitle")}</h2>
        <SearchesChart
          days={report.daily}
          locale={locale}
          title={t("chartTitle")}
          legend={{ searches: t("legendSearches"), zero: t("legendZero") }}
          rowLabel={(day, searches, zero) => t("chartRow", { day, searches, zero })}
        />
      </Card>

      <div className="mb-8 grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="popular-heading" className="min-w-0">
          <h2 id="popular-heading" className="mb-3 text-lg font-semibold">{t("popularTitle")}</h2>
          <Table caption={t("popularTitle")} data-testid="popular-queries">
            <THead>
              <TR>
                <TH>{t("query")}</TH>
                <TH className="text-end!">{t("searches")}</TH>
                <TH className="text-end!">{t("avgResults")}</TH>
                <TH className="text-end!">{t("ctr")}</TH>
              </TR>
            </THead>
            <TBody>
              {report.popular.length === 0 ? (
                <TR>
                  <TD colSpan={4} className="py-6 text-center text-neutral-600">{t("noSearches")}</TD>
                </TR>
              ) : (
                report.popular.map((p) => (
                  <TR key={p.query}>
                    <TD className="max-w-64 truncate font-medium"><bdi>{p.query}</bdi></TD>
                    <TD className="text-end! tabular-nums">{format.number(p.searches)}</TD>
                    <TD className="text-end! tabular-nums">{number(p.avgResults)}</TD>
                    <TD className="text-end! tabular-nums">{percent(p.clickThroughRate)}</TD>
                  </TR>
                ))
              )}
            </TBody>
          </Table>
        </section>

        <section aria-labelledby="zero-heading" className="min-w-0">
          <h2 id="zero-heading" className="mb-1 text-lg font-semibold">{t("zeroTitle")}</h2>
          <p className="mb-3 text-sm text-neutral-600">{t("zeroHint")}</p>
          <Table caption={t("zeroTitle")} data-testid="zero-result-queries">
            <THead>
              <TR>
                <TH>{t("query")}</TH>
                <TH className="text-end!">{t("searches")}</TH>
                <TH>{t("lastSearched")}</TH>
              </TR>
            </THead>
            <TBody>
              {report.zeroResults.length === 0 ? (
                <TR>
                  <TD colSpan={3} className="py-6 text-center text-neutral-600">{t("noZero")}</TD>
                </TR>
              ) : (
                report.zeroResults.map((z) => (
                  <TR key={z.query}>
                    <TD className="max-w-64 truncate font-medium"><bdi>{z.query}</bdi></TD>
                    <TD className="text-end! tabular-nums">{format.number(z.searches)}</TD>
                    <TD className="whitespace-nowrap">
                      <time dateTime={z.lastSearchedAt.toISOString()}>{format.dateTime(z.lastSearchedAt, { dateStyle: "medium", timeZone: "UTC" })}</time>
                    </TD>
                  </TR>
                ))
              )}
            </TBody>
          </Table>
        </section>
      </div>

      <SynonymManager groups={groups.map((g) => ({ id: g.id, locale: g.locale, terms: g.terms }))} />
    </>
  );
}
