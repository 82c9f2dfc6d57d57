import type { Metadata } from "next";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { PaymentStatusBadge } from "@/components/payments/payment-status-badge";
import { Button, buttonClasses, Card, CursorPager, Field, Input, PageHeader, Select, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { getPathname, Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { requireStaff } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";
import { PAYMENT_STATUSES, type PaymentStatusName } from "@/server/workflows/payments/payments.reads.schema";

type Props = { params: Promise<{ locale: string }>; searchParams: Promise<SearchParams> };

const PAGE_SIZE = 25;
const DAY = /^\d{4}-\d{2}-\d{2}$/;
const ID = /^[a-z0-9]{1,50}$/i;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "paymentsAdmin" });
  return { title: t("title") };
}

export default async function AdminPaymentsPage({ params, searchParams }: Props) {
  const locale = knownLocale((await params).locale);
  setRequestLocale(locale);
  const sp = await searchParams;
  const rawStatus = queryValue(sp, "status", 30).toUpperCase();
  const status = (PAYMENT_STATUSES as readonly string[]).includes(rawStatus) ? (rawStatus as PaymentStatusName) : undefined;
  const vendorId = ID.test(queryValue(sp, "vendor", 50)) ? queryValue(sp, "vendor", 50) : undefined;
  const from = DAY.test(queryValue(sp, "from", 10)) ? queryValue(sp, "from", 10) : undefined;
  const to = DAY.test(queryValue(sp, "to", 10)) ? queryValue(sp, "to", 10) : undefined;
  const q = queryValue(sp, "q", 100);
  const cursor = ID.test(queryValue(sp, "cursor", 50)) ? queryValue(sp, "cursor", 50) : undefined;
  const query: Record<string, string> = {
    ...(status ? { status: status.toLowerCase() } : {}), ...(vendorId ? { vendor: vendorId } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}), ...(q ? { q } : {}),
  };
  const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();
  await requireStaff(`/admin/payments${search ? `?${search}` : ""}`, "payments.refund");
  const [t, tr, to_, format, caller] = await Promise.all([getTranslations("paymentsAdmin"), getTranslations("paymentRecords"), getTranslations("orders"), getFormatter(), getServerCaller()]);
  const [page, vendors] = await Promise.all([
    caller.payments.adminList({ status, vendorId, from, to, query: q || undefined, cursor, limit: PAGE_SIZE }),
    caller.payments.adminVendorOptions(),
  ]);
  const money = (minor: number, currency: string) => `\u2068${formatMoney(minor, currency, locale)}\u2069`;
  const filtered = Object.keys(query).length > 0;

  return (
    <>
      <PageHeader title={t("title")} description={t("description")} />
      <Card className="mb-4 p-4">
        <form method="get" action={getPathname({ href: "/admin/payments", locale })} role="search" aria-label={t("filters")} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-[repeat(5,minmax(0,1fr))_auto] lg:items-end">
          <Field id="payments-status" label={t("status")}>
            {(c) => (
              <Select {...c} name="status" defaultValue={status?.toLowerCase() ?? ""}>
                <option value="">{t("anyStatus")}</option>
                {PAYMENT_STATUSES.map((s) => <option key={s} value={s.toLowerCase()}>{tr(`status.${s}`)}</option>)}
              </Select>
            )}
          </Field>
          <Field id="payments-vendor" label={t("vendor")}>
            {(c) => (
              <Select {...c} name="vendor" defaultValue={vendorId ?? ""}>
                <option value="">{t("anyVendor")}</option>
                {vendors.map((v) => <option key={v.id} value={v.id}>{v.name}</option>)}
              </Select>
            )}
          </Field>
          <Field id="payments-from" label={t("from")}>
            {(c) => <Input {...c} type="date" name="from" defaultValue={from ?? ""} />}
          </Field>
          <Field id="payments-to" label={t("to")}>
            {(c) => <Input {...c} type="date" name="to" defaultValue={to ?? ""} />}
          </Field>
          <Field id="payments-q" label={t("search")}>
            {(c) => <Input {...c} type="search" name="q" defaultValue={q} maxLength={100} autoComplete="off" placeholder={t("searchPlaceholder")} />}
          </Field>
          <div className="flex gap-2">
            <Button type="submit">{to_("apply")}</Button>
            {filtered ? <Link href="/admin/payments" className={buttonClasses({ variant: "ghost" })}>{to_("clear")}</Link> : null}
          </div>
        </form>
      </Card>

      <section aria-labelledby="payments-totals" className="mb-4">
        <h2 id="payments-totals" className="sr-only">{t("totals")}</h2>
        {page.totals.length === 0 ? null : (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" data-testid="payment-totals">
            {page.totals.map((total) => (
              <li key={total.currency}>
                <Card className="p-4" data-currency={total.currency}>
                  <p className="text-sm font-semibold text-neutral-900">{t("totalsFor", { currency: total.currency })}</p>
                  <dl className="mt-2 grid grid-cols-3 gap-2 text-sm">
                    <div><dt className="text-neutral-600">{t("count")}</dt><dd className="font-semibold tabular-nums" data-testid="total-count">{format.number(total.count)}</dd></div>
                    <div><dt className="text-neutral-600">{t("captured")}</dt><dd className="font-semibold tabular-nums" data-testid="total-captured">{money(total.captured, total.currency)}</dd></div>
                    <div><dt className="text-neutral-600">{t("refunded")}</dt><dd className="font-semibold tabular-nums" data-testid="total-refunded">{money(total.refunded, total.currency)}</dd></div>
                  </dl>
                </Card>
              </li>
            ))}
          </ul>
        )}
      </section>

      <Table caption={t("tableCaption")} data-testid="admin-payments">
        <THead>
          <TR>
            <TH>{t("date")}</TH>
            <TH>{t("order")}</TH>
            <TH>{t("shopper")}</TH>
            <TH className="text-end">{t("amount")}</TH>
            <TH className="text-end">{t("refunded")}</TH>
            <TH>{t("status")}</TH>
            <TH className="relative"><span className="sr-only">{t("details")}</span></TH>
          </TR>
        </THead>
        <TBody>
          {page.items.length === 0 ? (
            <TR>
              <TD colSpan={7} className="py-10 text-center text-neutral-600">{filtered ? t("emptyFiltered") : t("empty")}</TD>
            </TR>
          ) : (
            page.items.map((p) => (
              <TR key={p.id} className="hover:bg-neutral-50" data-testid="admin-payment-row">
                <TD className="whitespace-nowrap">
                  <time dateTime={p.createdAt.toISOString()}>{format.dateTime(p.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
                </TD>
                <TD className="whitespace-nowrap">
                  <Link href={`/admin/orders/${p.order.id}`} className="text-brand-700 hover:underline">{p.order.number}</Link>
                </TD>
                <TD className="min-w-40">
                  <span className="block" dir="auto">{p.order.user.name}</span>
                  <span className="block text-xs text-neutral-600">{p.order.user.email}</span>
                </TD>
                <TD className="text-end whitespace-nowrap tabular-nums">{money(p.amount, p.currency)}</TD>
                <TD className="text-end whitespace-nowrap tabular-nums">{p.amountRefunded > 0 ? money(p.amountRefunded, p.currency) : "—"}</TD>
                <TD><PaymentStatusBadge status={p.status} /></TD>
                {/* relative: the visually hidden text stays inside the table's scroll box (else it widens the page). */}
                <TD className="relative whitespace-nowrap">
                  <Link href={`/admin/payments/${p.id}`} className="font-medium text-brand-700 hover:underline">
                    {t("view")}<span className="sr-only"> {t("paymentFor", { number: p.order.number })}</span>
                  </Link>
                </TD>
              </TR>
            ))
          )}
        </TBody>
      </Table>

      <CursorPager pathname="/admin/payments" query={query} cursor={cursor} nextCursor={page.nextCursor}
        label={to_("pagination")} firstLabel={to_("firstPage")} nextLabel={to_("nextPage")} />
    </>
  );
}
