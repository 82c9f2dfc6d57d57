import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { createContext } from "@/server/trpc/context";
import { appRouter } from "@/server/trpc/router";
import { isSameOriginRequest } from "@/server/lib/same-origin";

function handler(req: Request) {
  if (!isSameOriginRequest(req)) {
    return Response.json({ error: { message: "forbidden", data: { messageKey: "crossOrigin" } } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: ({ resHeaders }) => createContext({ headers: req.headers, resHeaders }),
    responseMeta: ({ ctx }) => (ctx ? { headers: new Headers({ "x-request-id": ctx.meta.requestId }) } : {}),
  });
}

export { handler as GET, handler as POST };
