import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { getTranslations, setRequestLocale } from "next-intl/server";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { SessionsList } from "@/components/account/sessions-list";
import { TwoFactorCard } from "@/components/account/two-factor-card";
import { requireSession } from "@/server/guards";
import { getQueryClient, trpc } from "@/server/trpc/server";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";

type Props = { params: Promise<{ locale: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "account.nav" });
  return { title: t("security"), robots: { index: false } };
}

export default async function SecurityPage({ params }: Props) {
  setRequestLocale(await pageLocale(params));
  const session = await requireSession("/account/security");
  const queryClient = getQueryClient();
  await Promise.all([
    queryClient.prefetchQuery(trpc.identity.getAccount.queryOptions()),
    queryClient.prefetchQuery(trpc.identity.listSessions.queryOptions()),
  ]);
  return (
    <HydrationBoundary state={dehydrate(queryClient)}>
      <div className="flex flex-col gap-6">
        {/* Accounts created through Google/GitHub have no password to change. */}
        {queryClient.getQueryData(trpc.identity.getAccount.queryKey())?.hasPassword === false ? null : <ChangePasswordForm />}
        <TwoFactorCard />
        <SessionsList key={session.sessionId} />
      </div>
    </HydrationBoundary>
  );
}
