import "server-only";
import { getAuthSession, type AuthSession } from "../auth";
import { db } from "../db";
import type { RequestMeta } from "../lib/actor";
import { requestMetaFrom } from "../lib/request-meta";

export interface Context {
  db: typeof db;
  session: AuthSession | null;
  meta: RequestMeta;
}

/** Context for a request: the database, the checked session, and where the request came from. */
export async function createContext(opts: { headers: Headers; locale?: string | null }): Promise<Context> {
  return { db, session: await getAuthSession(), meta: requestMetaFrom(opts.headers, opts.locale) };
}
