import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ChallengeActions } from "@/components/payments/challenge-actions";
import { Alert, Card } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { knownLocale } from "@/lib/i18n/page-locale";
import { formatMoney } from "@/lib/money";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";

type Props = { params: Promise<{ locale: string; orderId: string }>; searchParams: Promise<{ payment?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "payment.challenge" });
  return { title: t("metaTitle"), robots: { index: false } };
}

/** The sandbox's 3-D Secure page: what a bank shows when a card asks for verification. */
export default async function ChallengePage({ params, searchParams }: Props) {
  const { locale: raw, orderId } = await params;
  const locale = knownLocale(raw);
  setRequestLocale(locale);
  await requireSession(`/checkout/pay/${encodeURIComponent(orderId)}`);
  const { payment: paymentId } = await searchParams;
  const caller = await getServerCaller();
  const { order, payment } = await caller.payments.status({ orderId }).catch((error: { code?: string }) => {
    if (error?.code === "NOT_FOUND" || error?.code === "BAD_REQUEST") notFound();
    throw error;
  });
  const t = await getTranslations("payment.challenge");
  const waiting = payment && payment.id === paymentId && payment.status === "REQUIRES_ACTION";

  return (
    <div className="mx-auto w-full max-w-md px-4 py-10">
      <Card className="overflow-hidden">
        <div className="bg-neutral-900 px-5 py-3 text-sm font-medium text-white">{t("bank")}</div>
        <div className="flex flex-col gap-4 p-5 sm:p-6">
          <h1 className="text-xl font-semibold">{t("title")}</h1>
          {waiting ? (
            <>
              <p className="text-neutral-800">
                {payment.cardLast4
                  ? t("body", { amount: formatMoney(payment.amount, payment.currency, locale), last4: payment.cardLast4 })
                  : t("bodyNoCard", { amount: formatMoney(payment.amount, payment.currency, locale) })}
              </p>
              <ChallengeActions orderId={order.id} paymentId={payment.id} />
              <p className="text-xs text-neutral-600">{t("note")}</p>
            </>
          ) : (
            <Alert tone="info">
              {t("gone")}{" "}
              <Link href={`/checkout/pay/${orderId}`} className="font-medium underline">{order.number}</Link>
            </Alert>
          )}
        </div>
      </Card>
    </div>
  );
}
