import crypto from "node:crypto";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import type { RequestMeta } from "./actor";

/** The client's address: the first hop of X-Forwarded-For (set by Next and proxies). */
export function clientIp(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}

/** Request meta from headers; the locale comes from the caller, the x-locale header or next-intl's cookie. */
export function requestMetaFrom(headers: Headers, locale?: string | null): RequestMeta {
  const cookieLocale = /(?:^|;\s*)NEXT_LOCALE=([a-z]{2})/.exec(headers.get("cookie") ?? "")?.[1];
  const candidate = locale ?? headers.get("x-locale") ?? cookieLocale;
  return {
    requestId: headers.get("x-request-id") ?? crypto.randomUUID(),
    ip: clientIp(headers),
    userAgent: headers.get("user-agent"),
    locale: (isLocale(candidate) ? candidate : defaultLocale) as Locale,
  };
}
