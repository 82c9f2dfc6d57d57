import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { buttonClasses, Button, EmptyState, Input, PageHeader } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { queryValue, type SearchParams } from "@/lib/search-params";
import { devMailboxEnabled } from "@/server/env";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale, pageLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ locale: string }>;
  searchParams: Promise<SearchParams>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale } = await params;
  const t = await getTranslations({ locale: knownLocale(locale), namespace: "devMailbox" });
  return { title: t("title"), robots: { index: false } };
}

export default async function DevMailboxPage({ params, searchParams }: Props) {
  if (!devMailboxEnabled) notFound();
  setRequestLocale(await pageLocale(params));
  const to = queryValue(await searchParams, "to", 254);
  const [t, tc, format, caller] = await Promise.all([getTranslations("devMailbox"), getTranslations("common"), getFormatter(), getServerCaller()]);
  const mails = await caller.mail.listDevMailbox({ to: to || undefined });

  return (
    <div className="mx-auto w-full max-w-5xl px-4 py-8 sm:px-6 sm:py-10">
      <PageHeader title={t("title")} description={t("description")} />
      <form method="get" role="search" aria-label={t("filterTo")} className="mb-6 flex flex-wrap items-end gap-2">
        <div className="flex min-w-0 flex-1 basis-full flex-col sm:basis-64">
          <label htmlFor="to" className="mb-1.5 text-sm font-medium text-neutral-900">
            {t("filterTo")}
          </label>
          <Input id="to" name="to" type="search" defaultValue={to} autoComplete="off" placeholder="name@example.com" dir="ltr" className="text-start" />
        </div>
        <Button type="submit" variant="secondary">
          {tc("filter")}
        </Button>
        {to ? (
          <Link href="/dev/mailbox" className={buttonClasses({ variant: "ghost" })}>
            {tc("reset")}
          </Link>
        ) : null}
      </form>
      {mails.length === 0 ? (
        <div className="rounded-xl border border-neutral-200 bg-white">
          <EmptyState title={t("empty")} headingLevel="h2" />
        </div>
      ) : (
        <ul aria-label={t("title")} className="divide-y divide-neutral-200 overflow-hidden rounded-xl border border-neutral-200 bg-white">
          {mails.map((m) => (
            <li key={m.id}>
              <Link
                href={`/dev/mailbox/${m.id}`}
                data-testid="mail-link"
                className="flex flex-col gap-0.5 px-4 py-3 hover:bg-neutral-50 focus-visible:-outline-offset-2 md:flex-row md:items-center md:gap-4"
              >
                <span className="min-w-0 font-medium text-brand-700 md:flex-1 md:truncate">{m.subject}</span>
                <span className="min-w-0 truncate text-sm text-neutral-700 md:w-64">
                  <span className="sr-only">{t("to")}: </span>
                  <bdi>{m.to}</bdi>
                </span>
                <time dateTime={m.createdAt.toISOString()} className="shrink-0 text-sm text-neutral-600 md:w-52 md:text-end">
                  {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "medium" })}
                </time>
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
