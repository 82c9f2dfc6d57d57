import type { Locale } from "@/lib/i18n/routing";

/** Where a request came from; services record it in the audit log and sessions. */
export interface RequestMeta {
  requestId: string;
  ip: string | null;
  userAgent: string | null;
  locale: Locale;
}

/** A signed-in person acting through a request. */
export interface Actor extends RequestMeta {
  userId: string;
  email: string;
  sessionId: string;
}
