import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { cache } from "react";
import { Card, CardBody } from "@/components/ui";
import { Link } from "@/lib/i18n/navigation";
import { devMailboxEnabled } from "@/server/env";
import { getServerCaller } from "@/server/trpc/server";
import { knownLocale } from "@/lib/i18n/page-locale";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ locale: string; id: string }> };

const loadMail = cache(async (id: string) => {
  if (!devMailboxEnabled) return null;
  try {
    return await (await getServerCaller()).mail.getDevMail({ id });
  } catch {
    return null;
  }
});

const ENTITIES: Record<string, string> = { "&amp;": "&", "&quot;": '"', "&#39;": "'", "&lt;": "<", "&gt;": ">" };

/** The http(s) links of a mail's HTML, in order, without repeats. */
function linksOf(html: string): string[] {
  const links = new Set<string>();
  for (const match of html.matchAll(/<a\s[^>]*href\s*=\s*(?:"([^"]*)"|'([^']*)')/gi)) {
    const href = (match[1] ?? match[2] ?? "").replace(/&(amp|quot|#39|lt|gt);/g, (e) => ENTITIES[e] ?? e).trim();
    if (/^https?:\/\//i.test(href)) links.add(href);
  }
  return [...links];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { locale, id } = await params;
  const [t, mail] = await Promise.all([getTranslations({ locale: knownLocale(locale), namespace: "devMailbox" }), loadMail(id)]);
  return { title: mail?.subject ?? t("title"), robots: { index: false } };
}

export default async function DevMailPage({ params }: Props) {
  if (!devMailboxEnabled) notFound();
  const { locale, id } = await params;
  setRequestLocale(knownLocale(locale));
  const mail = await loadMail(id);
  if (!mail) notFound();
  const [t, format] = await Promise.all([getTranslations("devMailbox"), getFormatter()]);
  const links = linksOf(mail.html);

  return (
    <div className="mx-auto w-full max-w-4xl px-4 py-8 sm:px-6 sm:py-10">
      <Link href="/dev/mailbox" className="inline-flex items-center gap-1 text-sm font-medium text-brand-700 hover:underline">
        <svg viewBox="0 0 20 20" className="size-4 rtl:-scale-x-100" fill="currentColor" aria-hidden="true" focusable="false">
          <path fillRule="evenodd" d="M11.78 5.22a.75.75 0 0 1 0 1.06L8.06 10l3.72 3.72a.75.75 0 1 1-1.06 1.06l-4.25-4.25a.75.75 0 0 1 0-1.06l4.25-4.25a.75.75 0 0 1 1.06 0Z" clipRule="evenodd" />
        </svg>
        {t("back")}
      </Link>
      <h1 className="mt-4 text-2xl font-bold break-words text-neutral-900 sm:text-3xl">{mail.subject}</h1>
      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
        <dt className="font-medium text-neutral-700">{t("to")}</dt>
        <dd className="min-w-0 break-all text-neutral-900">
          <bdi>{mail.to}</bdi>
        </dd>
        <dt className="font-medium text-neutral-700">{t("received")}</dt>
        <dd className="text-neutral-900">
          <time dateTime={mail.createdAt.toISOString()}>{format.dateTime(mail.createdAt, { dateStyle: "long", timeStyle: "medium" })}</time>
        </dd>
      </dl>
      <Card className="mt-6 overflow-hidden">
        {/* sandbox="" : no scripts, no navigation, no same-origin access for the mail's HTML. */}
        <iframe sandbox="" srcDoc={mail.html} title={mail.subject} className="block h-[32rem] w-full border-0 bg-neutral-100" />
      </Card>
      {links.length > 0 ? (
        <Card className="mt-6">
          <CardBody>
            <h2 className="text-base font-semibold text-neutral-900">{t("links")}</h2>
            <ul data-testid="mail-links" className="mt-2 flex flex-col gap-2 text-sm">
              {links.map((href) => (
                <li key={href} className="min-w-0">
                  <a href={href} dir="ltr" className="break-all text-brand-700 underline underline-offset-2 hover:text-brand-800">
                    {href}
                  </a>
                </li>
              ))}
            </ul>
          </CardBody>
        </Card>
      ) : null}
    </div>
  );
}
