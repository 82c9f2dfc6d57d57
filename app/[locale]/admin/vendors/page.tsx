import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { VendorCreateButton } from "@/components/admin/vendor-create-dialog";
import { VENDOR_STATUS_TONE, type VendorStatusValue } from "@/components/admin/vendor-types";
import { Badge, Button, buttonClasses, Card, CursorPager, Field, Input, PageHeader, Select, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { cursorValue, queryValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

const PAGE_SIZE = 25;
const STATUSES: VendorStatusValue[] = ["PENDING", "ACTIVE", "SUSPENDED", "CLOSED"];

function readFilters(params: SearchParams) {
  const status = queryValue(params, "status", 20);
  return {
    q: queryValue(params, "q", 100).trim(),
    status: (STATUSES as string[]).includes(status) ? (status as VendorStatusValue) : undefined,
    cursor: cursorValue(params),
  };
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "adminVendors" });
  return { title: t("title") };
}

export default async function AdminVendorsPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const { q, status, cursor } = readFilters(await searchParams);
  const query: Record<string, string> = { ...(q ? { q } : {}), ...(status ? { status } : {}) };
  const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();
  await requireStaff(`/admin/vendors${search ? `?${search}` : ""}`, "vendors.manage");
  const [t, format, caller] = await Promise.all([getTranslations("adminVendors"), getFormatter(), getServerCaller()]);
  const page = await caller.vendors.listVendors({ query: q || undefined, status, cursor, limit: PAGE_SIZE });

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} actions={<VendorCreateButton />} />

      <Card className="mb-6 p-4 sm:p-5">
        <form method="get" action={getPathname({ href: "/admin/vendors", locale })} role="search" aria-labelledby="vendor-filters-title">
          <h2 id="vendor-filters-title" className="sr-only">
            {t("filters")}
          </h2>
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr_auto] sm:items-end">
            <Field id="vendor-q" label={t("search")}>
              {(c) => <Input {...c} type="search" name="q" defaultValue={q} maxLength={100} autoComplete="off" dir="auto" />}
            </Field>
            <Field id="vendor-status" label={t("status")}>
              {(c) => (
                <Select {...c} name="status" defaultValue={status ?? ""}>
                  <option value="">{t("allStatuses")}</option>
                  {STATUSES.map((s) => (
                    <option key={s} value={s}>
                      {t(`statusLabel.${s}`)}
                    </option>
                  ))}
                </Select>
              )}
            </Field>
            <div className="flex flex-wrap gap-2">
              <Button type="submit">{t("apply")}</Button>
              <Link href="/admin/vendors" className={buttonClasses({ variant: "secondary" })}>
                {t("clear")}
              </Link>
            </div>
          </div>
        </form>
      </Card>

      <Table caption={t("title")} data-testid="vendors-table">
        <THead>
          <TR>
            <TH>{t("colName")}</TH>
            <TH>{t("colStatus")}</TH>
            <TH>{t("colMembers")}</TH>
            <TH>{t("colCreated")}</TH>
          </TR>
        </THead>
        <TBody>
          {page.vendors.length === 0 ? (
            <TR>
              <TD colSpan={4} className="py-10 text-center text-neutral-600">
                {t("empty")}
              </TD>
            </TR>
          ) : (
            page.vendors.map((v) => (
              <TR key={v.id} className="hover:bg-neutral-50" data-testid="vendor-row">
                <TD>
                  <Link href={`/admin/vendors/${v.id}`} className="font-medium text-brand-700 hover:underline">
                    <bdi>{v.name}</bdi>
                  </Link>
                  <div className="font-mono text-xs text-neutral-600" dir="ltr">
                    {v.slug}
                  </div>
                </TD>
                <TD>
                  <div className="flex flex-wrap gap-1">
                    <Badge tone={VENDOR_STATUS_TONE[v.status]}>{t(`statusLabel.${v.status}`)}</Badge>
                    {v.status === "ACTIVE" && !v.acceptingOrders ? <Badge tone="warning">{t("paused")}</Badge> : null}
                  </div>
                </TD>
                <TD>{format.number(v._count.memberships)}</TD>
                <TD className="whitespace-nowrap">
                  <time dateTime={v.createdAt.toISOString()}>{format.dateTime(v.createdAt, { dateStyle: "medium" })}</time>
                </TD>
              </TR>
            ))
          )}
        </TBody>
      </Table>

      <CursorPager pathname="/admin/vendors" query={query} cursor={cursor} nextCursor={page.nextCursor}
        label={t("pagination")} firstLabel={t("firstPage")} nextLabel={t("nextPage")} />
    </>
  );
}
