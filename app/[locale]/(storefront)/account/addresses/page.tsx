import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AddressBook } from "@/components/cart/address-book";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "addresses" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AddressesPage({ params }: Props) {
  setRequestLocale(await pageLocale(params));
  await requireSession("/account/addresses");
  const [t, addresses] = await Promise.all([getTranslations("addresses"), getServerCaller().then((c) => c.addresses.list())]);
  return (
    <section aria-labelledby="addresses-title">
      <h2 id="addresses-title" className="text-xl font-semibold">{t("title")}</h2>
      <p className="mb-4 text-sm text-neutral-600">{t("description")}</p>
      <AddressBook
        addresses={addresses.map((a) => ({
          id: a.id, fullName: a.fullName, line1: a.line1, line2: a.line2, city: a.city, region: a.region,
          postalCode: a.postalCode, countryCode: a.countryCode, phone: a.phone, isDefault: a.isDefault,
        }))}
      />
    </section>
  );
}
