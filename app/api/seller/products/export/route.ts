// GET /api/seller/products/export?vendorId=…[&template=1]: the shop's products as a CSV download.
import { getAuthSession, actorOf } from "@/server/auth";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { requestMetaFrom } from "@/server/lib/request-meta";
import { authorizeProductExport, exportProductsCsv } from "@/server/modules/products";

export async function GET(request: Request) {
  const url = new URL(request.url);
  const vendorId = url.searchParams.get("vendorId") ?? "";
  const template = url.searchParams.get("template") === "1";
  const session = await getAuthSession();
  if (!session) return Response.json({ messageKey: "auth.signInRequired" }, { status: 401 });
  try {
    await authorizeProductExport(db, actorOf(session, requestMetaFrom(request.headers)), vendorId);
  } catch (error) {
    if (error instanceof AppError) return Response.json({ messageKey: error.messageKey }, { status: 403 });
    throw error;
  }
  const lines = exportProductsCsv(db, vendorId, { template });
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await lines.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
  });
  const name = template ? "products-template.csv" : `products-${new Date().toISOString().slice(0, 10)}.csv`;
  return new Response(body, {
    headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="${name}"`, "Cache-Control": "no-store" },
  });
}
