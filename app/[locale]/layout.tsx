import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { hasLocale, NextIntlClientProvider } from "next-intl";
import { getMessages, getTranslations, setRequestLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { ToastProvider } from "@/components/ui";
import { storefrontClientMessages, type Messages } from "@/lib/i18n/messages";
import { directionOf, routing } from "@/lib/i18n/routing";
import { TRPCReactProvider } from "@/lib/trpc/client";
import { sans, sansLatinExt } from "../fonts";
import "../globals.css";

export function generateStaticParams() {
  return routing.locales.map((locale) => ({ locale }));
}

export async function generateMetadata({ params }: { params: Promise<{ locale: string }> }): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: hasLocale(routing.locales, locale) ? locale : "en", namespace: "meta" });
  return {
    title: { default: t("title"), template: "%s · Bazaar" },
    description: t("description"),
    alternates: { languages: Object.fromEntries(routing.locales.map((l) => [l, `/${l}`])) },
  };
}

export default async function LocaleLayout({ children, params }: { children: ReactNode; params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  if (!hasLocale(routing.locales, locale)) notFound();
  setRequestLocale(locale);
  const [messages, t] = await Promise.all([getMessages(), getTranslations("common")]);
  return (
    <html lang={locale} dir={directionOf(locale)} className={`${sans.variable} ${sansLatinExt.className}`}>
      <body className="min-h-screen bg-neutral-50 text-neutral-900 antialiased">
        <NextIntlClientProvider messages={storefrontClientMessages(messages as Messages)}>
          <TRPCReactProvider>
            <ToastProvider dismissLabel={t("dismiss")}>{children}</ToastProvider>
          </TRPCReactProvider>
        </NextIntlClientProvider>
      </body>
    </html>
  );
}
