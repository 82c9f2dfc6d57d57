// The guest cart's cookie: a random 256-bit token in an httpOnly, SameSite=Lax cookie; the
// database keeps only its SHA-256 (Cart.guestToken), so a leaked database row opens no cart.
import { randomToken, sha256 } from "@/server/lib/crypto";

export const CART_COOKIE = "bazaar_cart";
/** How long a guest cart's cookie lives (refreshed whenever the cart changes). */
export const CART_COOKIE_MAX_AGE = 60 * 60 * 24 * 60;

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/**
 * The cookie as the tRPC context carries it: the token the request sent (null when absent or
 * malformed) and, on HTTP requests, a way to set or clear it on the response. Server
 * components cannot set cookies, so there `set` does nothing (their reads never need to).
 */
export interface CartCookie {
  token: string | null;
  set(token: string | null): void;
}

/** The guest token in a Cookie header, or null. */
export function readCartToken(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, ...rest] = part.trim().split("=");
    if (name === CART_COOKIE) {
      const value = rest.join("=");
      return TOKEN.test(value) ? value : null;
    }
  }
  return null;
}

/** The Set-Cookie value that stores `token`, or deletes the cookie when null. */
export function cartCookieHeader(token: string | null, secure: boolean): string {
  const attributes = ["Path=/", "HttpOnly", "SameSite=Lax", ...(secure ? ["Secure"] : [])];
  if (token === null) return [`${CART_COOKIE}=`, "Max-Age=0", ...attributes].join("; ");
  return [`${CART_COOKIE}=${token}`, `Max-Age=${CART_COOKIE_MAX_AGE}`, ...attributes].join("; ");
}

/** The cookie of a request; `responseHeaders` (HTTP requests only) receive Set-Cookie. */
export function cartCookieFrom(requestHeaders: Headers, responseHeaders: Headers | undefined, secure: boolean): CartCookie {
  const cookie: CartCookie = {
    token: readCartToken(requestHeaders.get("cookie")),
    set(token) {
      cookie.token = token;
      responseHeaders?.append("set-cookie", cartCookieHeader(token, secure));
    },
  };
  return cookie;
}

/** A fresh guest token (256 bits, base64url). */
export const newCartToken = () => randomToken(32);

/** What the database stores for a guest token. */
export const hashCartToken = (token: string) => sha256(token);
