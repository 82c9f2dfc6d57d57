import "server-only";
import { getAuthSession, type AuthSession } from "../auth";
import { db } from "../db";
import { env } from "../env";
import type { RequestMeta } from "../lib/actor";
import { requestMetaFrom } from "../lib/request-meta";
import { cartCookieFrom, type CartCookie } from "../modules/cart/cart.cookie";
import { visitorCookieFrom, type VisitorCookie } from "../modules/discovery/discovery.cookie";

export interface Context {
  db: typeof db;
  session: AuthSession | null;
  meta: RequestMeta;
  /**
   * The guest cart's cookie (server/modules/cart/cart.cookie.ts). Only the cart procedures use
   * it; optional so callers built by hand (tests, scripts) may leave it out.
   */
  cartCookie?: CartCookie;
  /** The guest visitor's cookie for recently viewed products (server/modules/discovery). */
  visitorCookie?: VisitorCookie;
}

/**
 * Context for a request: the database, the checked session, where the request came from, and
 * the guest cart cookie. `resHeaders` is the HTTP response's headers (the tRPC route passes
 * them) so procedures can set the cookie; server components have none and cannot set it.
 */
export async function createContext(opts: { headers: Headers; locale?: string | null; resHeaders?: Headers }): Promise<Context> {
  return {
    db,
    session: await getAuthSession(),
    meta: requestMetaFrom(opts.headers, opts.locale),
    cartCookie: cartCookieFrom(opts.headers, opts.resHeaders, env.APP_URL.startsWith("https:")),
    visitorCookie: visitorCookieFrom(opts.headers, opts.resHeaders, env.APP_URL.startsWith("https:")),
  };
}
