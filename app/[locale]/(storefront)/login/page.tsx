import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { AuthCard, textLinkClasses } from "@/components/auth/auth-card";
import { safeCallbackUrl } from "@/components/auth/callback-url";
import { LoginForm } from "@/components/auth/login-form";
import { Alert } from "@/components/ui";
import { Link, redirect } from "@/lib/i18n/navigation";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { getAuthSession, oauthProviders } from "@/server/auth";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "auth.login" });
  return { title: t("title"), robots: { index: false } };
}

export default async function LoginPage({ params, searchParams }: Props) {
  const locale = await pageLocale(params);
  setRequestLocale(locale);
  if (await getAuthSession()) return redirect({ href: "/", locale });

  const query = await searchParams;
  const [t, te] = await Promise.all([getTranslations("auth"), getTranslations("errors")]);
  const callbackUrl = safeCallbackUrl(queryValue(query, "callbackUrl") || undefined, `/${locale}`);
  // ?error= comes from the OAuth callback: our own keys, or next-auth's codes (OAuthCallback, ...).
  const errorParam = queryValue(query, "error", 100);
  const oauthError = errorParam ? te(te.has(errorParam as never) ? (errorParam as never) : "auth.oauthFailed") : null;

  return (
    <AuthCard
      footer={
        <>
          {t("login.noAccount")}{" "}
          <Link href="/register" className={textLinkClasses}>
            {t("login.createAccount")}
          </Link>
        </>
      }
    >
      {queryValue(query, "verified") === "1" ? (
        <Alert tone="success" className="mb-6">
          {t("login.emailVerified")}
        </Alert>
      ) : null}
      {queryValue(query, "reset") === "1" ? (
        <Alert tone="success" className="mb-6">
          {t("login.passwordResetDone")}
        </Alert>
      ) : null}
      {oauthError ? (
        <Alert tone="danger" className="mb-6">
          {oauthError}
        </Alert>
      ) : null}
      <LoginForm callbackUrl={callbackUrl} providers={oauthProviders()} />
    </AuthCard>
  );
}
