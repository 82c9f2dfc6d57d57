import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { buildAuthOptions } from "@/server/auth";
import { requestMetaFrom } from "@/server/lib/request-meta";

type RouteContext = { params: Promise<{ nextauth: string[] }> };

// Options are built per request so the session row records this request's IP and device.
function handler(req: NextRequest, context: RouteContext) {
  return NextAuth(req, context, buildAuthOptions(requestMetaFrom(req.headers)));
}

export { handler as GET, handler as POST };
