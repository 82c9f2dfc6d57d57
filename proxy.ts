// Next 16's request proxy: locale routing (next-intl) and a request id on every request.
import createMiddleware from "next-intl/middleware";
import type { NextRequest } from "next/server";
import { routing } from "./lib/i18n/routing";

const intl = createMiddleware(routing);

export default function proxy(request: NextRequest) {
  const response = intl(request);
  response.headers.set("x-request-id", request.headers.get("x-request-id") ?? crypto.randomUUID());
  return response;
}

export const config = {
  // Everything except API routes, uploaded images (/media/…), Next internals and files with an extension.
  matcher: ["/((?!api|media/|_next|_vercel|.*\\..*).*)"],
};
