import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard, textLinkClasses } from "@/components/auth/auth-card";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
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
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "auth.reset" });
  return { title: t("title"), robots: { index: false } };
}

export default async function ResetPasswordPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  const token = queryValue(await searchParams, "token", 200);
  const t = await getTranslations("auth");
  return (
    <AuthCard
      title={t("reset.title")}
      footer={
        <Link href="/login" className={textLinkClasses}>
          {t("forgot.backToLogin")}
        </Link>
      }
    >
      {token ? (
        <ResetPasswordForm token={token} />
      ) : (
        <div className="flex flex-col gap-5">
          <Alert tone="warning">{t("reset.missingToken")}</Alert>
          <Link href="/forgot-password" className={buttonClasses({ variant: "secondary", className: "w-full" })}>
            {t("reset.requestNew")}
          </Link>
        </div>
      )}
    </AuthCard>
  );
}
