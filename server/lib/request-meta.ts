import crypto from "node:crypto";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/routing";
import { env } from "../env";
import type { RequestMeta } from "./actor";

/**
 * The client's address. Next (when the header is absent) and each proxy append the address
 * they saw to X-Forwarded-For, so with `hops` trusted proxies/servers in front the client is
 * that many entries from the end; entries before it were written by the client and could be
 * forged, which would let someone dodge per-IP rate limits.
 */
export function clientIp(headers: Headers, hops = env.TRUSTED_PROXY_HOPS): string | null {
  const entries = (headers.get("x-forwarded-for") ?? "").split(",").map((e) => e.trim()).filter(Boolean);
  const forwarded = entries[Math.max(0, entries.length - hops)];
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
