// Saved cards. The provider holds them (Stripe's customer and payment methods, or the sandbox's
// copies); we keep only which customer belongs to which shopper. Adding a card is a SetupIntent
// the card form confirms; paying with a saved card confirms the order's intent with it.
import crypto from "node:crypto";
import type { Db } from "@/server/db";
import type { Actor } from "@/server/lib/actor";
import { notFound } from "@/server/lib/errors";
import type { PaymentProvider, SandboxCard, SandboxProvider } from "@/server/modules/payments/providers";
import { applyIntent, runFollowUp } from "./sync";

/** The shopper's customer at the provider, created on first need (idempotent on the shopper). */
export async function ensureCustomer(db: Db, provider: PaymentProvider, actor: Actor): Promise<string> {
  const existing = await db.paymentCustomer.findUnique({ where: { userId_provider: { userId: actor.userId, provider: provider.name } } });
  if (existing) return existing.customerId;
  const customer = await provider.createCustomer({ email: actor.email, userId: actor.userId, idempotencyKey: `customer:${actor.userId}` });
  await db.paymentCustomer.createMany({ data: [{ userId: actor.userId, provider: provider.name, customerId: customer.id }], skipDuplicates: true });
  return (await db.paymentCustomer.findUniqueOrThrow({ where: { userId_provider: { userId: actor.userId, provider: provider.name } } })).customerId;
}

/** The customer if the shopper has one (reading cards never creates one). */
export async function customerOf(db: Db, provider: PaymentProvider, userId: string): Promise<string | null> {
  const row = await db.paymentCustomer.findUnique({ where: { userId_provider: { userId, provider: provider.name } } });
  return row?.customerId ?? null;
}

export async function listMyCards(db: Db, provider: PaymentProvider, actor: Actor) {
  const customerId = await customerOf(db, provider, actor.userId);
  if (!customerId) return { cards: [], defaultId: null };
  return provider.listCards(customerId);
}

/** Opens a SetupIntent for the "add a card" form. */
export async function startAddCard(db: Db, provider: PaymentProvider, actor: Actor) {
  const customerId = await ensureCustomer(db, provider, actor);
  return provider.createSetupIntent({ customerId, idempotencyKey: `setup:${actor.userId}:${crypto.randomBytes(8).toString("hex")}` });
}

/** The sandbox's card form saving a card (stripe.js's confirmCardSetup). */
export async function confirmSandboxSetup(db: Db, sandbox: SandboxProvider, actor: Actor, input: { setupIntentId: string; clientSecret: string } & SandboxCard) {
  const customerId = await customerOf(db, sandbox, actor.userId);
  const setup = customerId ? await db.sandboxSetupIntent.findFirst({ where: { id: input.setupIntentId, customerId } }) : null;
  if (!setup) throw notFound("payments.intentNotFound");
  return sandbox.confirmSetup(input.setupIntentId, input.clientSecret, input);
}

export async function setDefaultCard(db: Db, provider: PaymentProvider, actor: Actor, paymentMethodId: string) {
  const customerId = await customerOf(db, provider, actor.userId);
  if (!customerId) throw notFound("payments.cardNotFound");
  await provider.setDefaultCard(customerId, paymentMethodId);
}

export async function removeCard(db: Db, provider: PaymentProvider, actor: Actor, paymentMethodId: string) {
  const customerId = await customerOf(db, provider, actor.userId);
  if (!customerId) throw notFound("payments.cardNotFound");
  await provider.detachCard(customerId, paymentMethodId);
}

/** Pays the order's open payment with a saved card; answers like the card form does. */
export async function payWithSavedCard(db: Db, provider: PaymentProvider, actor: Actor, input: { paymentId: string; paymentMethodId: string; returnUrl: string }) {
  const payment = await db.payment.findFirst({ where: { id: input.paymentId, order: { userId: actor.userId } } });
  if (!payment?.providerPaymentId) throw notFound("payments.paymentNotFound");
  const intent = await provider.confirmWithSavedCard(payment.providerPaymentId, input.paymentMethodId, input.returnUrl);
  const result = await db.$transaction((tx) => applyIntent(tx, payment.id, intent), { timeout: 20_000, maxWait: 30_000 });
  if (result.followUp) await runFollowUp(db, provider, payment.id, result.followUp);
  const after = await db.payment.findUniqueOrThrow({ where: { id: payment.id }, select: { failureCode: true } });
  return { paymentId: payment.id, orderId: payment.orderId, status: result.status, failureCode: after.failureCode, nextActionUrl: intent.nextActionUrl ?? null };
}
