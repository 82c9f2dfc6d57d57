// POST /api/uploads: multipart/form-data { file, purpose, vendorId? } → the stored image.
// Kept apart from route.ts so tests can call it with a Request and a session of their choice.
import type { AuthSession } from "@/server/auth";
import type { DbTx } from "@/server/db";
import { env } from "@/server/env";
import type { Actor } from "@/server/lib/actor";
import { AppError, badRequest, unauthorized } from "@/server/lib/errors";
import { logger } from "@/server/lib/logger";
import { consume } from "@/server/lib/rate-limit";
import { requestMetaFrom } from "@/server/lib/request-meta";
import { isSameOriginRequest } from "@/server/lib/same-origin";
import { UploadFields, authorizeUpload, storeImage, tooLargeError } from "@/server/modules/media";

/** Room for the multipart boundaries and the small text fields around the file. */
const MULTIPART_OVERHEAD = 64 * 1024;

const STATUS: Record<AppError["code"], number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  TOO_MANY_REQUESTS: 429,
  PRECONDITION_FAILED: 412,
};

function errorResponse(error: AppError): Response {
  const status = error.messageKey === "media.tooLarge" ? 413 : STATUS[error.code];
  return Response.json({ messageKey: error.messageKey, params: error.params }, { status, headers: { "Cache-Control": "no-store" } });
}

/** The body, refusing (without reading the rest) once it passes `limit` bytes. */
async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > limit) throw tooLargeError();
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > limit) {
      await reader.cancel().catch(() => {});
      throw tooLargeError();
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

export function createUploadHandler(deps: { db: DbTx; getSession: () => Promise<AuthSession | null> }) {
  return async function POST(request: Request): Promise<Response> {
    try {
      if (!isSameOriginRequest(request)) throw new AppError("FORBIDDEN", "crossOrigin");
      const session = await deps.getSession();
      if (!session) throw unauthorized();
      const meta = requestMetaFrom(request.headers);
      const actor: Actor = { ...meta, userId: session.user.id, email: session.user.email, sessionId: session.sessionId };
      await consume("imageUploadsPerUser", actor.userId);

      const contentType = request.headers.get("content-type") ?? "";
      if (!/^multipart\/form-data;/i.test(contentType)) throw badRequest("media.noFile");
      const body = await readLimited(request, env.MEDIA_MAX_BYTES + MULTIPART_OVERHEAD);
      const form = await new Response(body, { headers: { "content-type": contentType } }).formData().catch(() => null);
      if (!form) throw badRequest("media.noFile");

      const text = (name: string) => {
        const value = form.get(name);
        return typeof value === "string" && value !== "" ? value : undefined;
      };
      const fields = UploadFields.safeParse({ purpose: text("purpose"), vendorId: text("vendorId") });
      if (!fields.success) throw badRequest("media.invalidPurpose");
      const file = form.get("file");
      if (!(file instanceof Blob) || file.size === 0) throw badRequest("media.noFile");
      if (file.size > env.MEDIA_MAX_BYTES) throw tooLargeError();

      const { vendorId } = await authorizeUpload(deps.db, actor, fields.data);
      const stored = await storeImage(deps.db, actor, {
        bytes: new Uint8Array(await file.arrayBuffer()),
        fileName: file instanceof File ? file.name : "image",
        vendorId,
        purpose: fields.data.purpose,
      });
      return Response.json(
        { id: stored.id, src: stored.src, width: stored.width, height: stored.height, placeholder: stored.placeholder },
        { status: 201, headers: { "Cache-Control": "no-store" } },
      );
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      logger.error("upload failed", { error: error instanceof Error ? error.message : String(error) });
      return Response.json({ messageKey: "internal", params: {} }, { status: 500 });
    }
  };
}
