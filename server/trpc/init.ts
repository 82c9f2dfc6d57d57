import { initTRPC, TRPCError } from "@trpc/server";
import superjson from "superjson";
import { ZodError } from "zod";
import { AppError } from "../lib/errors";
import { logger } from "../lib/logger";
import type { Context } from "./context";

/** What every error carries to the client: a message key under "errors" and its parameters. */
export interface ErrorData {
  messageKey: string;
  params: Record<string, string | number>;
  /** Per-field message keys for form inputs (dot-joined paths). */
  fieldErrors: Record<string, string>;
}

function fieldErrorsOf(error: ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.join(".") || "_";
    out[path] ??= issue.message.includes(".") && /^[a-z]+\.[A-Za-z.]+$/.test(issue.message) ? issue.message : "validation.invalid";
  }
  return out;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    let data: ErrorData = { messageKey: "internal", params: {}, fieldErrors: {} };
    if (cause instanceof AppError) data = { messageKey: cause.messageKey, params: cause.params, fieldErrors: {} };
    else if (cause instanceof ZodError) data = { messageKey: "validation.invalid", params: {}, fieldErrors: fieldErrorsOf(cause) };
    else if (error.code === "UNAUTHORIZED") data.messageKey = "auth.signInRequired";
    else if (error.code === "FORBIDDEN") data.messageKey = "forbidden";
    else if (error.code === "NOT_FOUND") data.messageKey = "notFound";
    else if (error.code === "TOO_MANY_REQUESTS") data.messageKey = "rateLimited";
    else if (error.code === "PAYLOAD_TOO_LARGE") data.messageKey = "validation.tooLong";
    else if (error.code === "BAD_REQUEST" || error.code === "PARSE_ERROR") data.messageKey = "validation.invalid";
    return {
      ...shape,
      message: data.messageKey,
      data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...data },
    };
  },
});

// Turns the services' AppErrors into tRPC errors with the matching status.
// Also writes one structured log line per call, with the request id.
const appErrors = t.middleware(async ({ next, path, type, ctx }) => {
  const started = performance.now();
  const result = await next();
  logger.info("trpc", { path, type, ok: result.ok, durationMs: Math.round(performance.now() - started), requestId: ctx.meta.requestId });
  if (!result.ok) {
    const cause = result.error.cause;
    if (cause instanceof AppError) throw new TRPCError({ code: cause.code, message: cause.messageKey, cause });
    if (result.error.code === "INTERNAL_SERVER_ERROR") {
      logger.error("procedure failed", { path, requestId: ctx.meta.requestId, error: result.error.cause ?? result.error });
    }
  }
  return result;
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const middleware = t.middleware;
export const baseProcedure = t.procedure.use(appErrors);
