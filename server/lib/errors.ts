// Typed application errors. Each carries a message key from messages/*.json ("errors.*")
// that the UI translates; the code maps onto a tRPC/HTTP status.

export type AppErrorCode =
  | "BAD_REQUEST"
  | "UNAUTHORIZED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "CONFLICT"
  | "TOO_MANY_REQUESTS"
  | "PRECONDITION_FAILED";

export class AppError extends Error {
  constructor(
    readonly code: AppErrorCode,
    /** Key under "errors" in messages/*.json, e.g. "auth.invalidCredentials". */
    readonly messageKey: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

export const badRequest = (key: string, params?: Record<string, string | number>) => new AppError("BAD_REQUEST", key, params);
export const unauthorized = (key = "auth.signInRequired") => new AppError("UNAUTHORIZED", key);
export const forbidden = (key = "forbidden") => new AppError("FORBIDDEN", key);
export const notFound = (key = "notFound") => new AppError("NOT_FOUND", key);
export const conflict = (key: string, params?: Record<string, string | number>) => new AppError("CONFLICT", key, params);
export const tooManyRequests = (retryAfterSeconds: number) =>
  new AppError("TOO_MANY_REQUESTS", "rateLimited", { minutes: Math.max(1, Math.ceil(retryAfterSeconds / 60)) });
