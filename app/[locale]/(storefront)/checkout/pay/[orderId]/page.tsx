import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { RefreshOnce } from "@/components/checkout/refresh-once";
import { CardPayment } from "@/components/payments/card-payment";
import { Alert, Card } from "@/components/ui";
import { Link, redirect } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; orderId: string }>; searchParams: Promise<{ declined?: string; returned?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "payment" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The pay step of a card order: right after checkout, after a decline, or "Pay now" from the order page. */
export default async function PayOrderPage({ params, searchParams }: Props) {
  const { locale: raw, orderId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  await requireSession(`/checkout/pay/${encodeURIComponent(orderId)}`);
  const { declined, returned } = await searchParams;
  const caller = await getServerCaller();
  const notMine = (error: { code?: string }) => {
    if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") notFound();
    throw error;
  };
  // Back from Stripe's own page: ask the provider now instead of waiting for the webhook.
  const { order } = await (returned ? caller.payments.refresh({ orderId }) : caller.payments.status({ orderId })).catch(notMine);
  if (order.paymentMethod !== "card") return redirect({ href: `/account/orders/${orderId}`, locale });
  if (order.status !== "PENDING_PAYMENT" && order.status !== "CANCELLED") return redirect({ href: `/checkout/done/${orderId}`, locale });
  const [t, detail] = await Promise.all([getTranslations("payment"), caller.orders.getMyOrder({ orderId }).catch(notMine)]);

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8">
      <RefreshOnce />
      <h1 className="mb-6 text-2xl font-semibold">{t("title", { number: order.number })}</h1>
      <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
        <Card className="p-5 sm:p-6">
          {order.status === "CANCELLED" ? (
            <Alert tone="warning" title={t("cancelledOrder")}>
              <Link href={`/account/orders/${orderId}`} className="font-medium underline">{t("backToOrder")}</Link>
            </Alert>
          ) : (
            <>
              <CardPayment orderId={orderId} initialDecline={declined ?? null} />
              <p className="mt-4 text-xs text-neutral-600">{t("secureNote")}</p>
            </>
          )}
        </Card>
        <aside aria-labelledby="pay-summary">
          <Card className="p-5">
            <h2 id="pay-summary" className="mb-3 text-sm font-semibold">{t("parts")}</h2>
            <ul className="flex flex-col gap-2 text-sm">
              {detail.subOrders.map((sub) => (
                <li key={sub.id} className="flex justify-between gap-3">
                  <span className="min-w-0 truncate">{sub.vendor.name}</span>
                  <span className="tabular-nums">{formatMoney(sub.total, order.currency, locale)}</span>
                </li>
              ))}
            </ul>
            <p className="mt-4 flex justify-between border-t border-neutral-200 pt-3 font-semibold">
              <span>{t("amountDue")}</span>
              <span className="tabular-nums" data-testid="amount-due">{formatMoney(order.total, order.currency, locale)}</span>
            </p>
            <p className="mt-4 text-sm">
              <Link href={`/account/orders/${orderId}`} className="text-brand-700 hover:underline">{t("backToOrder")}</Link>
            </p>
          </Card>
        </aside>
      </div>
    </div>
  );
}
