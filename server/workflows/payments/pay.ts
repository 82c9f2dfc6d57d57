// Paying for an order by card. startPayment opens (or reopens) the order's one charge: it
// locks the order, reuses the open Payment if there is one, holds the stock again after a
// decline, and only then, with no transaction open, asks the provider for the intent under
// an idempotency key derived from the Payment, so twenty parallel "pay" clicks make one
// Payment and one intent. The sandbox's card form and challenge stand in for stripe.js.
import type { Db } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, notFound } from "@/server/lib/errors";
import type { PaymentProvider, SandboxProvider } from "@/server/modules/payments/providers";
import type { SandboxCardInput, SandboxChallengeInput } from "./payments.schema";
import { applyIntent, holdStock, OPEN_PAYMENT_STATUSES, runFollowUp } from "./sync";

export interface PaymentSession {
  paymentId: string;
  orderId: string;
  provider: "stripe" | "sandbox";
  clientSecret: string;
  intentId: string;
  amount: number;
  currency: string;
  status: string;
}

export async function startPayment(db: Db, provider: PaymentProvider, actor: Actor, orderId: string): Promise<PaymentSession> {
  const payment = await db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT 1 FROM "Order" WHERE "id" = ${orderId} AND "userId" = ${actor.userId} FOR UPDATE`;
    const order = await tx.order.findFirst({ where: { id: orderId, userId: actor.userId }, select: { id: true, status: true, total: true, currency: true, paymentMethod: true } });
    if (!order) throw notFound("payments.orderNotFound");
    if (order.paymentMethod !== "card") throw badRequest("payments.notCardOrder");
    if (order.status === "CANCELLED") throw conflict("payments.orderCancelled");
    if (order.status !== "PENDING_PAYMENT") throw conflict("payments.alreadyPaid");
    const latest = await tx.payment.findFirst({ where: { orderId, status: { not: "CANCELLED" } }, orderBy: { createdAt: "desc" } });
    if (latest && !OPEN_PAYMENT_STATUSES.includes(latest.status) && latest.status !== "FAILED") throw conflict("payments.alreadyPaid");
    // After a decline the stock went back on sale; trying again holds it again (or says it is gone).
    if (!(await holdStock(tx, orderId))) throw conflict("payments.soldOut");
    if (latest?.status === "FAILED" && latest.failureCode !== "amount_mismatch") {
      return tx.payment.update({ where: { id: latest.id }, data: { status: "PENDING" } });
    }
    if (latest && OPEN_PAYMENT_STATUSES.includes(latest.status)) return latest;
    return tx.payment.create({ data: { orderId, provider: provider.name, amount: order.total, currency: order.currency } });
  }, { timeout: 20_000, maxWait: 30_000 });

  let { providerPaymentId: intentId, clientSecret } = payment;
  if (!intentId || !clientSecret) {
    const order = await db.order.findUniqueOrThrow({ where: { id: orderId }, select: { number: true } });
    const intent = await provider.createIntent({
      amount: payment.amount, currency: payment.currency.trim(), idempotencyKey: `payment:${payment.id}`, description: `Bazaar order ${order.number}`,
      metadata: { paymentId: payment.id, orderId, orderNumber: order.number },
    });
    await db.payment.updateMany({ where: { id: payment.id, providerPaymentId: null }, data: { providerPaymentId: intent.id, clientSecret: intent.clientSecret } });
    intentId = intent.id;
    clientSecret = intent.clientSecret;
  }
  return { paymentId: payment.id, orderId, provider: provider.name, clientSecret: clientSecret!, intentId, amount: payment.amount, currency: payment.currency.trim(), status: payment.status };
}

async function shoppersPayment(db: Db, actor: Actor, paymentId: string) {
  const payment = await db.payment.findFirst({ where: { id: paymentId, order: { userId: actor.userId } } });
  if (!payment?.providerPaymentId || !payment.clientSecret) throw notFound("payments.paymentNotFound");
  return payment as typeof payment & { providerPaymentId: string; clientSecret: string };
}

/** What the card form shows next: done, a challenge, or a decline to read. */
export interface PaymentOutcome {
  paymentId: string;
  orderId: string;
  status: string;
  failureCode: string | null;
}

async function settle(db: Db, sandbox: SandboxProvider, paymentId: string): Promise<PaymentOutcome> {
  // The webhook will say the same a moment later; applying it now answers the shopper at once.
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const intent = await sandbox.retrieveIntent(payment.providerPaymentId!);
  const result = await db.$transaction((tx) => applyIntent(tx, paymentId, intent), { timeout: 20_000, maxWait: 30_000 });
  if (result.followUp) await runFollowUp(db, sandbox, paymentId, result.followUp);
  const after = await db.payment.findUniqueOrThrow({ where: { id: paymentId }, select: { failureCode: true } });
  return { paymentId, orderId: payment.orderId, status: result.status, failureCode: after.failureCode };
}

export async function confirmSandboxCard(db: Db, sandbox: SandboxProvider, actor: Actor, input: SandboxCardInput): Promise<PaymentOutcome> {
  const payment = await shoppersPayment(db, actor, input.paymentId);
  await sandbox.confirmCard(payment.providerPaymentId, payment.clientSecret, { number: input.number, expMonth: input.expMonth, expYear: input.expYear, cvc: input.cvc });
  return settle(db, sandbox, payment.id);
}

export async function completeSandboxChallenge(db: Db, sandbox: SandboxProvider, actor: Actor, input: SandboxChallengeInput): Promise<PaymentOutcome> {
  const payment = await shoppersPayment(db, actor, input.paymentId);
  await sandbox.completeChallenge(payment.providerPaymentId, payment.clientSecret, input.passed);
  return settle(db, sandbox, payment.id);
}

/** The shopper's view of an order's payment: the latest attempt. */
export async function orderPaymentStatus(db: Db, actor: Actor, orderId: string) {
  const order = await db.order.findFirst({ where: { id: orderId, userId: actor.userId }, select: { id: true, number: true, status: true, total: true, currency: true, paymentMethod: true } });
  if (!order) throw notFound("payments.orderNotFound");
  const payment = await db.payment.findFirst({
    where: { orderId }, orderBy: { createdAt: "desc" },
    select: { id: true, provider: true, providerPaymentId: true, status: true, failureCode: true, amount: true, currency: true, amountRefunded: true },
  });
  if (!payment) return { order, payment: null };
  // The card's last four, for the challenge page (the sandbox keeps them; Stripe's page shows its own).
  const card = payment.provider === "sandbox" && payment.providerPaymentId
    ? await db.sandboxPaymentIntent.findUnique({ where: { id: payment.providerPaymentId }, select: { cardLast4: true } })
    : null;
  return {
    order,
    payment: {
      id: payment.id, provider: payment.provider, status: payment.status, failureCode: payment.failureCode, amount: payment.amount,
      currency: payment.currency.trim(), amountRefunded: payment.amountRefunded, cardLast4: card?.cardLast4 ?? null,
    },
  };
}
