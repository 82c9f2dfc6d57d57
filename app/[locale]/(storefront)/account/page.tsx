import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ProfileForm } from "@/components/account/profile-form";
import { requireSession } from "@/server/guards";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "account" });
  return { title: t("title"), robots: { index: false } };
}

export default async function AccountPage({ params }: Props) {
  setRequestLocale(await pageLocale(params));
  await requireSession("/account");
  const account = await (await getServerCaller()).identity.getAccount();
  return (
    <ProfileForm
      profile={{
        name: account.name,
        email: account.email,
        locale: account.locale,
        emailVerified: Boolean(account.emailVerifiedAt),
        createdAt: account.createdAt,
      }}
    />
  );
}
