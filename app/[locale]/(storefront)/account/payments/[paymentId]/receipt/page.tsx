import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { OrderAddress } from "@/components/orders/order-address";
import { CardLabel } from "@/components/payments/payment-status-badge";
import { PrintButton } from "@/components/payments/print-button";
import { buttonClasses, Card, Table, TBody, TD, TH, THead, TR } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; paymentId: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const t = await getTranslations({ locale: knownLocale((await params).locale), namespace: "accountPayments.receipt" });
  return { title: t("title"), robots: { index: false } };
}

// Printing shows the receipt alone: the store's header, the account tabs and the buttons are hidden.
const PRINT_CSS = "@media print{body *{visibility:hidden}[data-receipt],[data-receipt] *{visibility:visible}[data-receipt]{position:absolute;inset:0;border:0;box-shadow:none}}";

export default async function ReceiptPage({ params }: Props) {
  const { locale: raw, paymentId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  await requireSession(`/account/payments/${encodeURIComponent(paymentId)}/receipt`);
  const [t, to, format, caller] = await Promise.all([getTranslations("accountPayments"), getTranslations("orders"), getFormatter(), getServerCaller()]);
  const receipt = await caller.payments.myReceipt({ paymentId }).catch((error: { code?: string }) => {
    if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") notFound();
    throw error;
  });
  const order = receipt.order;
  const money = (minor: number) => `\u2068${formatMoney(minor, receipt.currency, locale)}\u2069`;
  const row = (label: string, value: string, strong = false, testId?: string) => (
    <div className={strong ? "flex justify-between gap-4 border-t border-neutral-200 pt-2 font-semibold text-neutral-900" : "flex justify-between gap-4 text-neutral-700"}>
      <dt>{label}</dt>
      <dd className="tabular-nums" data-testid={testId}>{value}</dd>
    </div>
  );

  return (
    <>
      <style>{PRINT_CSS}</style>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2 print:hidden">
        <Link href="/account/payments" className="text-sm text-brand-700 hover:underline">
          <span aria-hidden="true" className="inline-block rtl:-scale-x-100">←</span> {t("back")}
        </Link>
        <div className="flex gap-2">
          <PrintButton label={t("receipt.print")} />
          <a href={`/api/receipts/${receipt.id}?locale=${locale}`} className={buttonClasses({ size: "sm" })} download>{t("downloadPdf")}</a>
        </div>
      </div>
      <Card className="p-5 sm:p-8" data-receipt data-testid="receipt">
        <article aria-labelledby="receipt-title">
          <header className="mb-6 flex flex-wrap items-start justify-between gap-4 border-b border-neutral-200 pb-4">
            <div>
              <p className="text-xl font-bold text-brand-700">Bazaar</p>
              <h2 id="receipt-title" className="text-lg font-semibold">{t("receipt.title")}</h2>
            </div>
            <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
              <dt className="text-neutral-600">{t("receipt.number")}</dt>
              <dd className="font-mono text-xs leading-5 break-all" dir="ltr">{receipt.id}</dd>
              <dt className="text-neutral-600">{t("receipt.order")}</dt>
              <dd>{order.number}</dd>
              <dt className="text-neutral-600">{t("receipt.paidOn")}</dt>
              <dd><time dateTime={receipt.paidAt.toISOString()}>{format.dateTime(receipt.paidAt, { dateStyle: "long", timeStyle: "short" })}</time></dd>
              <dt className="text-neutral-600">{t("receipt.paymentMethod")}</dt>
              <dd>{receipt.card ? <CardLabel card={receipt.card} /> : to("paymentMethod.card")}</dd>
            </dl>
          </header>

          <div className="mb-6 grid gap-4 sm:grid-cols-2">
            <div>
              <h3 className="mb-1 text-sm font-semibold">{t("receipt.billedTo")}</h3>
              <p className="text-sm" dir="auto">{order.user.name}</p>
              <p className="text-sm text-neutral-600">{order.user.email}</p>
            </div>
            <div>
              <h3 className="mb-1 text-sm font-semibold">{to("shippingAddress")}</h3>
              <OrderAddress address={order.shippingAddress} locale={locale} />
            </div>
          </div>

          {order.subOrders.map((sub) => (
            <section key={sub.id} aria-labelledby={`receipt-${sub.id}`} className="mb-6">
              <h3 id={`receipt-${sub.id}`} className="mb-2 font-semibold">
                {t("receipt.soldBy", { shop: sub.vendor.name })} <span className="text-sm font-normal text-neutral-600">{sub.number}</span>
              </h3>
              <Table caption={t("receipt.linesOf", { shop: sub.vendor.name })}>
                <THead>
                  <TR>
                    <TH>{t("receipt.item")}</TH>
                    <TH className="hidden text-end sm:table-cell">{t("receipt.qty")}</TH>
                    <TH className="hidden text-end sm:table-cell">{t("receipt.unitPrice")}</TH>
                    <TH className="text-end">{t("receipt.amount")}</TH>
                  </TR>
                </THead>
                <TBody>
                  {sub.lines.map((line) => (
                    <TR key={line.id}>
                      <TD>
                        <bdi>{line.title}</bdi>
                        {line.variantTitle ? <span className="block text-xs text-neutral-600"><bdi>{line.variantTitle}</bdi></span> : null}
                        <span className="block text-xs text-neutral-600 tabular-nums sm:hidden">{to("qtyTimesPrice", { quantity: line.quantity, price: money(line.unitPrice) })}</span>
                      </TD>
                      <TD className="hidden text-end tabular-nums sm:table-cell">{format.number(line.quantity)}</TD>
                      <TD className="hidden text-end whitespace-nowrap tabular-nums sm:table-cell">{money(line.unitPrice)}</TD>
                      <TD className="text-end whitespace-nowrap tabular-nums">{money(line.lineTotal)}</TD>
                    </TR>
                  ))}
                  <TR>
                    <TD className="text-neutral-700">{to("shipping")}</TD>
                    <TD colSpan={2} className="hidden sm:table-cell" />
                    <TD className="text-end whitespace-nowrap tabular-nums">{sub.shippingTotal === 0 ? to("free") : money(sub.shippingTotal)}</TD>
                  </TR>
                </TBody>
              </Table>
            </section>
          ))}

          <dl className="ms-auto flex max-w-sm flex-col gap-1.5 text-sm" data-testid="receipt-totals">
            {row(to("subtotal"), money(order.subtotal))}
            {row(to("shipping"), order.shippingTotal === 0 ? to("free") : money(order.shippingTotal))}
            {order.discountTotal > 0 ? row(to("discount"), money(-order.discountTotal)) : null}
            {order.taxTotal > 0 ? row(to("tax"), money(order.taxTotal)) : null}
            {row(t("receipt.amountPaid"), money(receipt.amount), true, "receipt-paid")}
            {receipt.refunds.map((r) => (
              <div key={r.id} className="flex justify-between gap-4 text-neutral-700">
                <dt>{t("receipt.refundOn", { date: format.dateTime(r.createdAt, { dateStyle: "medium" }) })}</dt>
                <dd className="tabular-nums">{money(-r.amount)}</dd>
              </div>
            ))}
            {receipt.refunds.length > 0 ? row(t("receipt.net"), money(receipt.amount - receipt.amountRefunded), true) : null}
          </dl>
          <p className="mt-8 text-sm text-neutral-600">{t("receipt.footer")}</p>
        </article>
      </Card>
    </>
  );
}
