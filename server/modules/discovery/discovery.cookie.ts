// The guest visitor's cookie for recently viewed products: a random 256-bit token in an
// httpOnly, SameSite=Lax cookie; views store only its SHA-256. It is separate from the cart's
// cookie on purpose: the cart clears its cookie when it merges at sign-in (and only sets one
// once something is added), while a visitor's views must be recorded before any cart exists.
import { randomToken, sha256 } from "@/server/lib/crypto";

export const VISITOR_COOKIE = "bazaar_visitor";
/** A year: recently viewed lists outlive a browsing session. */
export const VISITOR_COOKIE_MAX_AGE = 60 * 60 * 24 * 365;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** The cookie as the tRPC context carries it (same shape as the cart's). */
export interface VisitorCookie {
  token: string | null;
  set(token: string | null): void;
}

/** The visitor token in a Cookie header, or null. */
export function readVisitorToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === VISITOR_COOKIE) {
      const value = rest.join("=");
      return TOKEN.test(value) ? value : null;
    }
  }
  return null;
}

/** The Set-Cookie value that stores `token`, or deletes the cookie when null. */
export function visitorCookieHeader(token: string | null, secure: boolean): string {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  if (token === null) return [`${VISITOR_COOKIE}=`, "Max-Age=0", ...attributes].join("; ");
  return [`${VISITOR_COOKIE}=${token}`, `Max-Age=${VISITOR_COOKIE_MAX_AGE}`, ...attributes].join("; ");
}

/** The cookie of a request; `responseHeaders` (HTTP requests only) receive Set-Cookie. */
export function visitorCookieFrom(requestHeaders: Headers, responseHeaders: Headers | undefined, secure: boolean): VisitorCookie {
  const cookie: VisitorCookie = {
    token: readVisitorToken(requestHeaders.get("cookie")),
    set(token) {
      cookie.token = token;
      responseHeaders?.append("set-cookie", visitorCookieHeader(token, secure));
    },
  };
  return cookie;
}

export const newVisitorToken = () => randomToken(32);
export const hashVisitorToken = (token: string) => sha256(token);
