// Where to go after signing in: only same-site relative paths, so a crafted link can't send
// someone to another site with their fresh session.
const BASE = "http://bazaar.invalid";

/** `value` when it is a same-site path ("/en/account?x=1"), otherwise `fallback`. */
export function safeCallbackUrl(value: unknown, fallback: string): string {
  if (typeof value !== "string" || !value.startsWith("/") || value.startsWith("//") || value.startsWith("/\\")) return fallback;
  try {
    const url = new URL(value, BASE);
    if (url.origin !== BASE) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
