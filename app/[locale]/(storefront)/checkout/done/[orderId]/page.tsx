import { TRPCError } from "@trpc/server";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RefreshOnce } from "@/components/checkout/refresh-once";
import { Totals } from "@/components/checkout/totals";
import { Alert, buttonClasses, Card, CardBody, CardHeader, CardTitle } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; orderId: string }> };

interface AddressSnapshot { fullName?: string; line1?: string; line2?: string | null; city?: string; region?: string | null; postalCode?: string | null; countryCode?: string; phone?: string | null }
interface ShippingSnapshot { name?: string; minDays?: number; maxDays?: number }

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "checkout.done" });
  return { title: t("metaTitle"), robots: { index: false } };
}

export default async function OrderPlacedPage({ params }: Props) {
  const { locale: raw, orderId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  await requireSession(`/checkout/done/${encodeURIComponent(orderId)}`);
  const [t, tc, tp, caller] = await Promise.all([getTranslations("checkout.done"), getTranslations("checkout"), getTranslations("accountOrders"), getServerCaller()]);
  const order = await caller.orders.getMyOrder({ orderId: orderId.slice(0, 50) }).catch((error: unknown) => {
    if (error instanceof TRPCError && (error.code === "NOT_FOUND" || error.code === "BAD_REQUEST")) notFound();
    throw error;
  });
  const money = (minor: number) => formatMoney(minor, order.currency, locale);
  const address = order.shippingAddress as AddressSnapshot;
  const country = address.countryCode ? new Intl.DisplayNames([locale], { type: "region" }).of(address.countryCode) : "";

  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <RefreshOnce />
      <div className="mb-8 flex flex-col items-center gap-3 text-center">
        <span className="flex size-14 items-center justify-center rounded-full bg-success-100 text-success-700" aria-hidden="true">
          <svg viewBox="0 0 24 24" className="size-8" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" strokeLinejoin="round"><path d="m5 12 5 5L20 7" /></svg>
        </span>
        <h1 className="text-2xl font-bold text-neutral-900 sm:text-3xl">{t("title")}</h1>
        <p className="text-neutral-700">
          {t("number")}: <span className="font-mono font-semibold text-neutral-900" dir="ltr" data-testid="order-number">{order.number}</span>
        </p>
        <p className="max-w-prose text-neutral-700">{t("body", { count: order.subOrders.length })}</p>
        {order.status === "PENDING_PAYMENT" && order.paymentMethod === "card" ? (
          <Alert tone="warning" className="w-full max-w-prose text-start" data-testid="awaiting-payment"
            action={<Link href={`/checkout/pay/${order.id}`} className="font-medium text-brand-700 underline">{tp("payNow")}</Link>}>
            {tp("awaitingPayment")}
          </Alert>
        ) : order.paymentMethod === "card" && order.status !== "CANCELLED" ? (
          <p className="text-sm font-medium text-success-700" data-testid="paid-note">{tp("paid")}</p>
        ) : null}
      </div>

      <div className="grid gap-6 md:grid-cols-3">
        <section aria-labelledby="parts-title" className="flex flex-col gap-4 md:col-span-2">
          <h2 id="parts-title" className="sr-only">{t("partsTitle")}</h2>
          {order.subOrders.map((part) => {
            const method = part.shippingMethod as ShippingSnapshot;
            return (
              <Card key={part.id} data-testid="order-part">
                <CardHeader>
                  <CardTitle as="h3">{tc("soldBy", { shop: part.vendor.name })}</CardTitle>
                  <p className="text-sm text-neutral-600">{t("partNumber", { number: part.number })}</p>
                </CardHeader>
                <CardBody className="flex flex-col gap-4">
                  <ul className="divide-y divide-neutral-200 text-sm">
                    {part.lines.map((line) => (
                      <li key={line.id} className="flex justify-between gap-4 py-2 first:pt-0">
                        <span className="min-w-0">
                          <bdi className="font-medium text-neutral-900">{line.title}</bdi>
                          {line.variantTitle ? <span className="block text-neutral-600"><bdi>{line.variantTitle}</bdi></span> : null}
                          <span className="block text-neutral-600">{tc("quantityEach", { quantity: line.quantity, price: money(line.unitPrice) })}</span>
                        </span>
                        <span className="font-semibold tabular-nums">{money(line.lineTotal)}</span>
                      </li>
                    ))}
                  </ul>
                  {method.name ? (
                    <p className="text-sm text-neutral-700">
                      {t("shippingBy", { method: method.name })}
                      {method.minDays !== undefined && method.maxDays !== undefined ? <> · {tc("deliveryDays", { min: method.minDays, max: method.maxDays })}</> : null}
                    </p>
                  ) : null}
                  <Totals
                    value={{ subtotal: part.subtotal, shipping: part.shippingTotal, discount: part.discountTotal, tax: part.taxTotal, total: part.total }}
                    currency={order.currency}
                    totalLabel={tc("shopTotal")}
                  />
                </CardBody>
              </Card>
            );
          })}
        </section>

        <aside className="flex flex-col gap-4">
          <Card>
            <CardHeader>
              <CardTitle>{tc("summaryTitle")}</CardTitle>
            </CardHeader>
            <CardBody className="flex flex-col gap-4">
              <Totals
                value={{ subtotal: order.subtotal, shipping: order.shippingTotal, discount: order.discountTotal, tax: order.taxTotal, total: order.total }}
                currency={order.currency}
                testId="order-totals"
              />
              <div className="text-sm">
                <p className="font-medium text-neutral-900">{tc("paymentTitle")}</p>
                <p className="text-neutral-700">{order.paymentMethod === "pay_on_delivery" ? tc("payOnDelivery") : order.paymentMethod === "card" ? tc("payByCard") : order.paymentMethod}</p>
              </div>
              <div className="text-sm">
                <p className="font-medium text-neutral-900">{t("deliverTo")}</p>
                <address className="leading-6 text-neutral-700 not-italic">
                  <bdi>{address.fullName}</bdi><br />
                  <bdi>{address.line1}</bdi>{address.line2 ? <>, <bdi>{address.line2}</bdi></> : null}<br />
                  <bdi>{[address.city, address.region].filter(Boolean).join(", ")}</bdi>
                  {address.postalCode ? <> <span dir="ltr">{address.postalCode}</span></> : null}
                  {country ? <> · {country}</> : null}
                </address>
              </div>
            </CardBody>
          </Card>
          <Link href={`/account/orders/${order.id}`} className={buttonClasses({ className: "w-full" })}>{t("viewOrder")}</Link>
          <Link href="/" className={buttonClasses({ variant: "secondary", className: "w-full" })}>{tc("continueShopping")}</Link>
        </aside>
      </div>
    </div>
  );
}
