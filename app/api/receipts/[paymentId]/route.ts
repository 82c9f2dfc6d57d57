// GET /api/receipts/<paymentId>?locale=…: the receipt of a captured payment as a PDF download,
// for the shopper who paid it only (anyone else gets 404, as for a payment that does not exist).
import { getAuthSession } from "@/server/auth";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { receiptPdfFor } from "@/server/workflows/payments/receipt-pdf";

export async function GET(request: Request, { params }: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await params;
  const locale = new URL(request.url).searchParams.get("locale") ?? "en";
  const session = await getAuthSession();
  if (!session) return Response.json({ messageKey: "auth.signInRequired" }, { status: 401 });
  if (!/^[a-z0-9]{1,60}$/i.test(paymentId)) return Response.json({ messageKey: "payments.receiptNotFound" }, { status: 404 });
  try {
    const { pdf, orderNumber } = await receiptPdfFor(db, session.user.id, paymentId, locale);
    return new Response(new Uint8Array(pdf), {
      headers: {
        "Content-Type": "application/pdf", "Content-Disposition": `attachment; filename="receipt-${orderNumber}.pdf"`,
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return Response.json({ messageKey: error.messageKey }, { status: 404 });
    throw error;
  }
}
