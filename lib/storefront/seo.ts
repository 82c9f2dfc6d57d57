// Absolute URLs for a storefront page in every locale (canonical and hreflang alternates).
import { locales } from "@/lib/i18n/routing";

/** `base` + "/<locale>" + `path` ("/c/lamps"), without a trailing slash for the home page. */
export function localeUrl(base: string, locale: string, path: string): string {
  return `${base.replace(/\/+$/, "")}/${locale}${path === "/" ? "" : path}`;
}

/** Next's `alternates`: the canonical URL in `locale` and one per language plus x-default. */
export function localeAlternates(base: string, locale: string, path: string) {
  return {
    canonical: localeUrl(base, locale, path),
    languages: {
      ...Object.fromEntries(locales.map((l) => [l, localeUrl(base, l, path)])),
      "x-default": localeUrl(base, "en", path),
    },
  };
}
