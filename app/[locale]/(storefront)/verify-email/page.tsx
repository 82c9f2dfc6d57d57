import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard } from "@/components/auth/auth-card";
import { VerifyEmail } from "@/components/auth/verify-email";
import { Alert, buttonClasses } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "auth.verifyEmail" });
  return { title: t("title"), robots: { index: false } };
}

export default async function VerifyEmailPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const token = queryValue(await searchParams, "token", 200);
  const t = await getTranslations("auth");
  return (
    <AuthCard title={t("verifyEmail.title")}>
      {token ? (
        <VerifyEmail token={token} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert tone="warning">{t("verifyEmail.missingToken")}</Alert>
          <Link href="/login" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
            {t("forgot.backToLogin")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
