// The staff-side order list (admin: whole orders; seller: their shop's parts): the query it reads
// from the URL and the table it shows. Server component.
import { getFormatter, getTranslations } from "next-intl/server";
import { OrderStatusBadge } from "@/components/orders/order-status-badge";
import { statusFromQuery } from "@/components/orders/status-tabs";
import { Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney } from "@/lib/money";
import { cursorValue, queryValue, type SearchParams } from "@/lib/search-params";

/** Status tab, search text and cursor from the URL; `query` keeps the filters for links, `search` is the whole query string. */
export function orderListQuery(sp: SearchParams) {
  const status = statusFromQuery(queryValue(sp, "status", 30));
  const q = queryValue(sp, "q", 100);
  const cursor = cursorValue(sp);
  const query: Record<string, string> = { ...(status ? { status: status.toLowerCase() } : {}), ...(q ? { q } : {}) };
  const search = new URLSearchParams({ ...query, ...(cursor ? { cursor } : {}) }).toString();
  return { status, q, cursor, query, search: search ? `?${search}` : "" };
}

export interface OrderTableRow {
  id: string;
  href: string;
  number: string;
  createdAt: Date;
  buyer: { name: string; email: string };
  /** "3 parts" / "2 items". */
  size: string;
  total: number;
  currency: string;
  status: string;
}

export interface OrdersTableProps {
  rows: OrderTableRow[];
  locale: string;
  caption: string;
  buyerHeader: string;
  sizeHeader: string;
  emptyText: string;
  testId: string;
  rowTestId: string;
}

export async function OrdersTable({ rows, locale, caption, buyerHeader, sizeHeader, emptyText, testId, rowTestId }: OrdersTableProps) {
  const [t, format] = await Promise.all([getTranslations("orders"), getFormatter()]);
  return (
    <Table caption={caption} data-testid={testId}>
      <THead>
        <TR>
          <TH>{t("number")}</TH>
          <TH>{t("date")}</TH>
          <TH>{buyerHeader}</TH>
          <TH>{sizeHeader}</TH>
          <TH className="text-end">{t("total")}</TH>
          <TH>{t("statusHeader")}</TH>
        </TR>
      </THead>
      <TBody>
        {rows.length === 0 ? (
          <TR>
            <TD colSpan={6} className="py-10 text-center text-neutral-600">{emptyText}</TD>
          </TR>
        ) : (
          rows.map((row) => (
            <TR key={row.id} className="hover:bg-neutral-50" data-testid={rowTestId}>
              <TD className="whitespace-nowrap">
                <Link href={row.href} className="font-medium text-brand-700 hover:underline">{row.number}</Link>
              </TD>
              <TD className="whitespace-nowrap">
                <time dateTime={row.createdAt.toISOString()}>{format.dateTime(row.createdAt, { dateStyle: "medium", timeStyle: "short" })}</time>
              </TD>
              <TD className="min-w-40">
                <span className="block" dir="auto">{row.buyer.name}</span>
                <span className="block text-xs text-neutral-600">{row.buyer.email}</span>
              </TD>
              <TD className="tabular-nums">{row.size}</TD>
              <TD className="text-end whitespace-nowrap tabular-nums">{`\u2068${formatMoney(row.total, row.currency, locale)}\u2069`}</TD>
              <TD><OrderStatusBadge status={row.status} /></TD>
            </TR>
          ))
        )}
      </TBody>
    </Table>
  );
}
