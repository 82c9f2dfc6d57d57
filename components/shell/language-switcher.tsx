"use client";

import { useLocale, useTranslations } from "next-intl";
import { useSearchParams } from "next/navigation";
import { Suspense } from "react";
import { Link, usePathname } from "@/lib/i18n/navigation";
import { localeNames, routing } from "@/lib/i18n/routing";

function Links() {
  const pathname = usePathname();
  const search = useSearchParams();
  const current = useLocale();
  const query = Object.fromEntries(search.entries());
  return (
    <ul className="absolute end-0 z-30 mt-2 min-w-40 rounded-lg border border-neutral-200 bg-white p-1 shadow-lg">
      {routing.locales.map((locale) => (
        <li key={locale}>
          <Link
            href={{ pathname, query }}
            locale={locale}
            lang={locale}
            hrefLang={locale}
            aria-current={locale === current ? "true" : undefined}
            className="block rounded-md px-3 py-2 text-sm hover:bg-neutral-100 aria-[current]:font-semibold aria-[current]:text-brand-700"
          >
            {localeNames[locale]}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/** Switches language and keeps the current page (and its query). Works without JavaScript as links. */
export function LanguageSwitcher() {
  const t = useTranslations("nav");
  const locale = useLocale();
  return (
    <details className="relative" data-testid="language-switcher">
      {/* Below sm only the globe shows (the header must fit a phone); the name stays in the accessible name. */}
      <summary className="flex min-h-10 min-w-10 cursor-pointer list-none items-center justify-center gap-1 rounded-md px-2 py-1.5 text-sm text-neutral-700 hover:bg-neutral-100 sm:min-w-0 [&::-webkit-details-marker]:hidden">
        <span className="sr-only">{t("language")}: </span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="size-5 sm:size-4" fill="none" stroke="currentColor" strokeWidth="1.5">
          <circle cx="10" cy="10" r="7.5" />
          <path d="M2.5 10h15M10 2.5c2 2.2 3 4.7 3 7.5s-1 5.3-3 7.5c-2-2.2-3-4.7-3-7.5s1-5.3 3-7.5Z" />
        </svg>
        <span className="max-sm:sr-only">{localeNames[locale]}</span>
      </summary>
      <Suspense fallback={null}>
        <Links />
      </Suspense>
    </details>
  );
}
