// Cached storefront pages (product pages are rendered once and kept) are revalidated by the web
// server that holds them. Code elsewhere (the worker's event handlers) asks it over HTTP:
// POST /api/revalidate with the paths, signed with a key derived from AUTH_SECRET.
import crypto from "node:crypto";
import { authSecret, env } from "../env";
import { logger } from "./logger";

const key = crypto.createHmac("sha256", authSecret).update("bazaar-page-cache").digest();

/** The signature of a revalidation request body. */
export function pageCacheSignature(body: string): string {
  return crypto.createHmac("sha256", key).update(body).digest("base64url");
}

/** Whether `signature` signs `body` (constant-time). */
export function verifyPageCacheSignature(body: string, signature: string | null): boolean {
  if (!signature) return false;
  const expected = Buffer.from(pageCacheSignature(body));
  const given = Buffer.from(signature);
  return given.length === expected.length && crypto.timingSafeEqual(given, expected);
}

/**
 * Asks the web server to drop these pages from its cache. Best effort: when the server is not
 * reachable (it is starting, or a test runs without one) the pages' revalidate timer still
 * refreshes them within minutes, so a failure is logged, not retried.
 */
export async function revalidatePages(paths: string[], fetcher: typeof fetch = fetch): Promise<boolean> {
  if (paths.length === 0) return true;
  const body = JSON.stringify({ paths });
  try {
    const response = await fetcher(new URL("/api/revalidate", env.APP_URL), {
      method: "POST",
      headers: { "content-type": "application/json", "x-bazaar-signature": pageCacheSignature(body) },
      body,
      signal: AbortSignal.timeout(5_000),
    });
    if (!response.ok) logger.warn("page revalidation refused", { status: response.status, paths: paths.length });
    return response.ok;
  } catch (error) {
    logger.warn("page revalidation not delivered", { paths: paths.length, error: error instanceof Error ? error.message : String(error) });
    return false;
  }
}
