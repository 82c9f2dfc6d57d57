// Stripe's webhook endpoint (the sandbox provider posts here too, signed the same way):
// verify the signature over the raw body, then hand the event to the payment workflow.
import { db } from "@/server/db";
import { logger } from "@/server/lib/logger";
import { paymentProvider, WebhookSignatureError } from "@/server/modules/payments/providers";
import { handlePaymentEvent } from "@/server/workflows/payments/webhook";

export const dynamic = "force-dynamic";

export async function POST(request: Request) {
  const provider = paymentProvider();
  const rawBody = await request.text();
  let event;
  try {
    event = provider.parseWebhook(rawBody, request.headers.get("stripe-signature"));
  } catch (error) {
    if (error instanceof WebhookSignatureError) return Response.json({ error: "invalid signature" }, { status: 400 });
    throw error;
  }
  try {
    const outcome = await handlePaymentEvent(db, provider, event);
    return Response.json({ received: true, outcome });
  } catch (error) {
    // A 500 makes the provider deliver again later; processing is idempotent.
    logger.error("webhook processing failed", { eventId: event.id, type: event.type, error: error instanceof Error ? error.message : String(error) });
    return Response.json({ error: "processing failed" }, { status: 500 });
  }
}
