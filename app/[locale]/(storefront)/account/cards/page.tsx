import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { SavedCards } from "@/components/payments/saved-cards";
import { Alert } from "@/components/ui";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";
import { requireSession } from "@/server/guards";
import { paymentClientConfig } from "@/server/modules/payments/providers";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "savedCards" });
  return { title: t("title"), robots: { index: false } };
}

export default async function SavedCardsPage({ params }: Props) {
  setRequestLocale(await pageLocale(params));
  await requireSession("/account/cards");
  const t = await getTranslations("savedCards");
  const stripe = paymentClientConfig().provider === "stripe";
  return (
    <section aria-labelledby="cards-title">
      <h2 id="cards-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mb-4 text-sm text-neutral-600">{t("description")}</p>
      {/* With Stripe, cards are saved and chosen inside Stripe's own Payment Element at checkout. */}
      {stripe ? <Alert tone="info">{t("stripeManaged")}</Alert> : <SavedCards />}
    </section>
  );
}
