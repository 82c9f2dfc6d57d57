import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard, textLinkClasses } from "@/components/auth/auth-card";
import { RegisterForm } from "@/components/auth/register-form";
import { Link, redirect } from "@/lib/i18n/navigation";
import { getAuthSession } from "@/server/auth";
import { devMailboxEnabled } from "@/server/env";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "auth.register" });
  return { title: t("title"), robots: { index: false } };
}

export default async function RegisterPage({ params }: Props) {
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  if (await getAuthSession()) return redirect({ href: "/", locale });
  const t = await getTranslations("auth.register");
  return (
    <AuthCard
      footer={
        <>
          {t("haveAccount")}{" "}
          <Link href="/login" className={textLinkClasses}>
            {t("signIn")}
          </Link>
        </>
      }
    >
      <RegisterForm devMailbox={devMailboxEnabled} />
    </AuthCard>
  );
}
