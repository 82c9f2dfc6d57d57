import { env } from "../env";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * Refuses state-changing requests from other sites (CSRF defence in depth): the Origin
 * (or, failing that, Referer) must be this app's own origin or a trusted one.
 */
export function isSameOriginRequest(request: Request): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  if (!source) return false;
  let origin: string;
  try {
    origin = new URL(source).origin;
  } catch {
    return false;
  }
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  const proto = request.headers.get("x-forwarded-proto") ?? new URL(request.url).protocol.replace(":", "");
  const allowed = new Set([
    new URL(env.APP_URL).origin,
    ...(host ? [`${proto}://${host}`] : []),
    ...env.TRUSTED_ORIGINS.split(",").map((o) => o.trim()).filter(Boolean),
  ]);
  return allowed.has(origin);
}
