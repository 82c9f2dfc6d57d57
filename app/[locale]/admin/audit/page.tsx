import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { Badge, Button, buttonClasses, Card, Field, Input, PageHeader, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { isLocale, routing } from "@/lib/i18n/routing";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";
import { queryValue, type SearchParams } from "@/lib/search-params";

const PAGE_SIZE = 50;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The filters as they stand in the URL (only well-formed, non-empty values survive). */
function readFilters(params: SearchParams) {
  const one = (key: string, max: number) => queryValue(params, key, max);
  const date = (key: string) => {
    const value = one(key, 10);
    return DATE.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) ? value : "";
  };
  const filters = { actor: one("actor", 200), action: one("action", 100), resourceType: one("resourceType", 100), from: date("from"), to: date("to") };
  const cursor = one("cursor", 19);
  return { filters, cursor: /^\d{1,19}$/.test(cursor) ? cursor : undefined };
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: isLocale(locale) ? locale : "en", namespace: "admin" });
  return { title: t("audit.title") };
}

export default async function AuditLogPage({ params, searchParams }: { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> }) {
  const { locale: raw } = await params;
  const locale = isLocale(raw) ? raw : routing.defaultLocale;
  setRequestLocale(locale);
  const { filters, cursor } = readFilters(await searchParams);
  const query = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== ""));
  const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();
  await requireStaff(`/admin/audit${search ? `?${search}` : ""}`, "audit.read");
  const [t, tc, format, caller] = await Promise.all([getTranslations("admin"), getTranslations("common"), getFormatter(), getServerCaller()]);
  const [page, actions] = await Promise.all([
    caller.audit.listAuditLog({
      actor: filters.actor || undefined,
      action: filters.action || undefined,
      resourceType: filters.resourceType || undefined,
      // Dates are whole days in UTC, the time zone the log is shown in; "to" includes its day.
      from: filters.from ? new Date(`${filters.from}T00:00:00.000Z`) : undefined,
      to: filters.to ? new Date(`${filters.to}T23:59:59.999Z`) : undefined,
      cursor,
      limit: PAGE_SIZE,
    }),
    caller.audit.listAuditActions(),
  ]);
  const none = (
    <>
      <span aria-hidden="true" className="text-neutral-500">
        —
      </span>
      <span className="sr-only">{tc("none")}</span>
    </>
  );

  return (
    <>
      <PageHeader title={t("audit.title")} description={t("audit.description")} />

      <Card className="mb-6 p-4 sm:p-5">
        <form method="get" action={getPathname({ href: "/admin/audit", locale })} role="search" aria-labelledby="audit-filters-title">
          <h2 id="audit-filters-title" className="sr-only">
            {t("audit.filters")}
          </h2>
          <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
            <Field id="audit-actor" label={t("audit.filterActor")}>
              {(c) => <Input {...c} name="actor" defaultValue={filters.actor} maxLength={200} autoComplete="off" />}
            </Field>
            <Field id="audit-action" label={t("audit.filterAction")}>
              {(c) => <Input {...c} name="action" list="audit-actions" defaultValue={filters.action} maxLength={100} autoComplete="off" />}
            </Field>
            <datalist id="audit-actions">
              {actions.map((a) => (
                <option key={a} value={a} />
              ))}
            </datalist>
            <Field id="audit-resource" label={t("audit.filterResource")}>
              {(c) => <Input {...c} name="resourceType" defaultValue={filters.resourceType} maxLength={100} autoComplete="off" />}
            </Field>
            <Field id="audit-from" label={t("audit.from")}>
              {(c) => <Input {...c} type="date" name="from" defaultValue={filters.from} />}
            </Field>
            <Field id="audit-to" label={t("audit.to")}>
              {(c) => <Input {...c} type="date" name="to" defaultValue={filters.to} />}
            </Field>
          </div>
          <div className="mt-4 flex flex-wrap gap-2">
            <Button type="submit">{t("audit.apply")}</Button>
            <Link href="/admin/audit" className={buttonClasses({ variant: "secondary" })}>
              {t("audit.clear")}
            </Link>
          </div>
        </form>
      </Card>

      <Table caption={t("audit.title")} data-testid="audit-table">
        <THead>
          <TR>
            <TH>{t("audit.when")}</TH>
            <TH>{t("audit.actor")}</TH>
            <TH>{t("audit.action")}</TH>
            <TH>{t("audit.resource")}</TH>
            <TH>{t("audit.ip")}</TH>
            <TH>{t("audit.details")}</TH>
          </TR>
        </THead>
        <TBody>
          {page.entries.length === 0 ? (
            <TR>
              <TD colSpan={6} className="py-10 text-center text-neutral-600">
                {t("audit.empty")}
              </TD>
            </TR>
          ) : (
            page.entries.map((entry) => {
              const details = entry.metadata && typeof entry.metadata === "object" && Object.keys(entry.metadata).length > 0;
              return (
                <TR key={entry.id} className="align-top hover:bg-neutral-50" data-testid="audit-row">
                  <TD className="align-top whitespace-nowrap">
                    <time dateTime={entry.at.toISOString()} className="flex flex-col">
                      <span>{format.dateTime(entry.at, { dateStyle: "medium" })}</span>
                      <span className="text-xs text-neutral-600">{format.dateTime(entry.at, { timeStyle: "medium" })}</span>
                    </time>
                  </TD>
                  <TD className="max-w-64 min-w-36 align-top [overflow-wrap:anywhere]">{entry.actorEmail ?? entry.actorId ?? <span className="text-neutral-600">{t("audit.system")}</span>}</TD>
                  <TD className="align-top">
                    <Badge className="font-mono">{entry.action}</Badge>
                  </TD>
                  <TD className="max-w-60 min-w-40 align-top">
                    <code className="flex flex-col font-mono text-xs">
                      {/* Reads (and copies) as type:id; the id gets its own line. */}
                      <span>
                        {entry.resourceType}
                        {entry.resourceId ? ":" : ""}
                      </span>
                      {entry.resourceId ? <span className="text-neutral-600 [overflow-wrap:anywhere]">{entry.resourceId}</span> : null}
                    </code>
                  </TD>
                  <TD className="align-top font-mono text-xs whitespace-nowrap">{entry.ip ?? none}</TD>
                  <TD className="min-w-28 align-top">
                    {details ? (
                      <details>
                        <summary className="cursor-pointer text-brand-700 hover:underline">{t("audit.details")}</summary>
                        <pre dir="ltr" className="mt-2 max-w-md overflow-x-auto rounded-md bg-neutral-50 p-2 text-start text-xs whitespace-pre-wrap break-all ring-1 ring-neutral-200">
                          {JSON.stringify(entry.metadata, null, 2)}
                        </pre>
                      </details>
                    ) : (
                      <span className="text-neutral-600">{t("audit.noDetails")}</span>
                    )}
                  </TD>
                </TR>
              );
            })
          )}
        </TBody>
      </Table>

      {(page.nextCursor || cursor) && (
        <nav aria-label={t("audit.pagination")} className="mt-4 flex flex-wrap justify-between gap-2">
          {cursor ? (
            <Link href={{ pathname: "/admin/audit", query }} className={buttonClasses({ variant: "ghost" })}>
              {t("audit.newest")}
            </Link>
          ) : (
            <span />
          )}
          {page.nextCursor && (
            <Link href={{ pathname: "/admin/audit", query: { ...query, cursor: page.nextCursor } }} className={buttonClasses({ variant: "secondary" })}>
              {t("audit.loadMore")}
            </Link>
          )}
        </nav>
      )}
    </>
  );
}
