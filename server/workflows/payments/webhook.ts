// The webhook: a verified event is stored once by its id (a redelivery is acknowledged and
// ignored once processed), then the payment or refund it names is re-read from the provider
// and applied. The event's own copy of the object is never trusted for state.
import type { Prisma } from "@/prisma/generated/client/client";
import type { Db } from "@/server/db";
import type { PaymentProvider, ProviderEvent } from "@/server/modules/payments/providers";
import { applyRefund } from "./refunds";
import { syncPayment } from "./sync";

export type WebhookOutcome = "processed" | "duplicate" | "ignored";

async function paymentFor(db: Db, event: ProviderEvent): Promise<string | null> {
  const object = event.object;
  const intentId = object.object === "payment_intent" ? object.id : (object.payment_intent ?? null);
  if (intentId) {
    const byIntent = await db.payment.findUnique({ where: { providerPaymentId: intentId }, select: { id: true } });
    if (byIntent) return byIntent.id;
  }
  // The intent id is written just after the provider answers; the metadata links it even before.
  const metadataId = object.metadata?.paymentId;
  if (metadataId) {
    const byMetadata = await db.payment.findUnique({ where: { id: metadataId }, select: { id: true, providerPaymentId: true } });
    if (byMetadata && (!byMetadata.providerPaymentId || byMetadata.providerPaymentId === intentId)) {
      if (!byMetadata.providerPaymentId && intentId) await db.payment.updateMany({ where: { id: byMetadata.id, providerPaymentId: null }, data: { providerPaymentId: intentId } });
      return byMetadata.id;
    }
  }
  return null;
}

export async function handlePaymentEvent(db: Db, provider: PaymentProvider, event: ProviderEvent): Promise<WebhookOutcome> {
  const seen = await db.paymentEvent.findUnique({ where: { id: event.id }, select: { processedAt: true } });
  if (seen?.processedAt) return "duplicate";
  const paymentId = await paymentFor(db, event);
  await db.paymentEvent.createMany({
    data: [{ id: event.id, provider: provider.name, type: event.type, paymentId, payload: event.object as unknown as Prisma.InputJsonValue }],
    skipDuplicates: true,
  });
  if (!paymentId) {
    await db.paymentEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
    return "ignored";
  }
  if (event.type.startsWith("payment_intent.")) {
    await syncPayment(db, provider, paymentId);
  } else if (event.type.startsWith("refund.") || event.type === "charge.refunded" || event.type === "charge.refund.updated") {
    const refundId = event.object.object === "refund" ? event.object.id : null;
    const refund = refundId
      ? await db.refund.findFirst({ where: { OR: [{ providerRefundId: refundId }, { id: event.object.metadata?.refundId ?? "" }], paymentId } })
      : null;
    if (refund && refundId) await applyRefund(db, refund.id, await provider.retrieveRefund(refundId));
  }
  // Processing is idempotent, so a redelivery racing this one does no harm; marking it done
  // makes later redeliveries cheap.
  await db.paymentEvent.update({ where: { id: event.id }, data: { processedAt: new Date() } });
  return "processed";
}
