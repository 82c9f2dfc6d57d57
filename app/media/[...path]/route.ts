// Uploaded images: /media/<storageKey>/<width>. AVIF when the Accept header allows it (made
// and stored on first request), else WebP; the URL never changes content, so it is immutable.
import { db } from "@/server/db";
import { acceptsAvif, readMediaVariant } from "@/server/modules/media";

export const runtime = "nodejs";

async function serve(request: Request, context: { params: Promise<{ path: string[] }> }, withBody: boolean) {
  const { path } = await context.params;
  const [storageKey, widthText] = path;
  if (path.length !== 2 || !storageKey || !widthText || !/^[1-9][0-9]{0,4}$/.test(widthText)) {
    return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  }
  const variant = await readMediaVariant(db, {
    storageKey,
    width: Number(widthText),
    acceptsAvif: acceptsAvif(request.headers.get("accept")),
  });
  if (!variant) return new Response("Not found", { status: 404, headers: { "Cache-Control": "no-store" } });
  return new Response(withBody ? new Uint8Array(variant.bytes) : null, {
    headers: {
      "Content-Type": variant.contentType,
      "Content-Length": String(variant.bytes.byteLength),
      "Cache-Control": "public, max-age=31536000, immutable",
      Vary: "Accept",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

export function GET(request: Request, context: { params: Promise<{ path: string[] }> }) {
  return serve(request, context, true);
}

export function HEAD(request: Request, context: { params: Promise<{ path: string[] }> }) {
  return serve(request, context, false);
}
