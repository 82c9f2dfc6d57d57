// The sandbox provider: Stripe's PaymentIntent flow on this machine, with no keys. Intents,
// refunds and events live in Sandbox* tables (what Stripe keeps on its side); the in-app card
// form confirms with Stripe's test card numbers (sandbox-cards.ts); every state change becomes
// an event in Stripe's shape, signed the way Stripe signs (the SDK's own signer) and posted to
// the same /api/webhooks/stripe route after a short delay. So one code path serves both.
import crypto from "node:crypto";
import Stripe from "stripe";
import type { Db, DbTx } from "@/server/db";
import { conflict, notFound } from "@/server/lib/errors";
import { cardBrand, cardOutcome, type CardOutcome, type SandboxCard } from "./sandbox-cards";
import { WebhookSignatureError, type IntentStatus, type PaymentProvider, type ProviderEvent, type ProviderIntent, type ProviderRefund } from "./types";

const webhooks = Stripe.webhooks;
const randomId = (prefix: string) => `${prefix}_sbx_${crypto.randomBytes(12).toString("hex")}`;
const keyId = (prefix: string, key: string) => `${prefix}_sbx_${crypto.createHash("sha256").update(key).digest("hex").slice(0, 24)}`;

type IntentRow = Awaited<ReturnType<DbTx["sandboxPaymentIntent"]["findUniqueOrThrow"]>>;
type RefundRow = Awaited<ReturnType<DbTx["sandboxRefund"]["findUniqueOrThrow"]>>;

export interface SandboxOptions {
  /** The sandbox is "the other side": it uses its own connection, never the caller's transaction. */
  db: Db;
  webhookSecret: string;
  /** Called after an event is stored; the default posts it to the webhook route after a delay. */
  schedule: (eventId: string) => void;
}

/** Stripe's PaymentIntent JSON, as the webhook carries it. */
function intentJson(row: IntentRow) {
  return {
    id: row.id,
    object: "payment_intent",
    amount: row.amount,
    amount_received: row.amountReceived,
    currency: row.currency.toLowerCase(),
    status: row.status,
    client_secret: row.clientSecret,
    metadata: row.metadata as Record<string, string>,
    livemode: false,
    created: Math.floor(row.createdAt.getTime() / 1000),
    last_payment_error: row.lastErrorCode ? { type: "card_error", code: "card_declined", decline_code: row.lastErrorCode, message: row.lastErrorMessage } : null,
    next_action: row.status === "requires_action" ? { type: "redirect_to_url", redirect_to_url: { url: null, return_url: null } } : null,
    payment_method: row.cardLast4 ? { card: { brand: row.cardBrand, last4: row.cardLast4 } } : null,
  };
}

function refundJson(row: RefundRow) {
  return { id: row.id, object: "refund", amount: row.amount, currency: row.currency.toLowerCase(), status: row.status, payment_intent: row.paymentIntentId, metadata: row.metadata as Record<string, string> };
}

const toIntent = (row: IntentRow): ProviderIntent => ({
  id: row.id,
  status: row.status as IntentStatus,
  clientSecret: row.clientSecret,
  amount: row.amount,
  amountReceived: row.amountReceived,
  currency: row.currency,
  metadata: row.metadata as Record<string, string>,
  lastError: row.lastErrorCode ? { code: row.lastErrorCode, message: row.lastErrorMessage ?? "" } : null,
});

const toRefund = (row: RefundRow): ProviderRefund => ({
  id: row.id, paymentIntentId: row.paymentIntentId, amount: row.amount, currency: row.currency, status: row.status as ProviderRefund["status"], metadata: row.metadata as Record<string, string>,
});

export interface SandboxProvider extends PaymentProvider {
  readonly name: "sandbox";
  /** What stripe.js's confirmCardPayment does: charge the card, or ask for 3-D Secure. */
  confirmCard(intentId: string, clientSecret: string, card: SandboxCard): Promise<ProviderIntent>;
  /** What stripe.js's confirmCardSetup does: check the card and save it to the customer. */
  confirmSetup(setupIntentId: string, clientSecret: string, card: SandboxCard): Promise<{ status: "succeeded" | "requires_payment_method"; paymentMethodId: string | null; lastError: { code: string; message: string } | null }>;
  /** The 3-D Secure challenge page's answer. */
  completeChallenge(intentId: string, clientSecret: string, passed: boolean): Promise<ProviderIntent>;
  /** Signs a payload as Stripe would (for delivery and for tests). */
  sign(payload: string): string;
}

export function createSandboxProvider(options: SandboxOptions): SandboxProvider {
  const { db } = options;

  async function storeEvent(tx: DbTx, type: string, object: object) {
    const id = randomId("evt");
    const payload = JSON.stringify({ id, object: "event", api_version: "2025-01-01.sandbox", created: Math.floor(Date.now() / 1000), livemode: false, type, data: { object } });
    await tx.sandboxWebhookEvent.create({ data: { id, type, payload } });
    return id;
  }

  async function emit(type: string, object: object) {
    options.schedule(await storeEvent(db, type, object));
  }

  async function intentFor(intentId: string, clientSecret: string) {
    const row = await db.sandboxPaymentIntent.findUnique({ where: { id: intentId } });
    const digest = (text: string) => crypto.createHash("sha256").update(text).digest();
    if (!row || !crypto.timingSafeEqual(digest(row.clientSecret), digest(clientSecret))) throw notFound("payments.intentNotFound");
    return row;
  }

  /** Moves an intent only from the status it was read in, so two racing confirmations cannot both charge. */
  async function transition(
    row: IntentRow,
    data: Partial<Pick<IntentRow, "status" | "amountReceived" | "cardBrand" | "cardLast4" | "lastErrorCode" | "lastErrorMessage">> & { metadata?: Record<string, string> },
  ) {
    const moved = await db.sandboxPaymentIntent.updateMany({ where: { id: row.id, status: row.status }, data });
    if (moved.count === 0) throw conflict("payments.intentStateChanged");
    return db.sandboxPaymentIntent.findUniqueOrThrow({ where: { id: row.id } });
  }

  async function charge(
    row: IntentRow,
    outcome: { kind: "success" } | { kind: "decline"; code: string; message: string },
    card: Pick<IntentRow, "cardBrand" | "cardLast4"> & { metadata?: Record<string, string> },
  ) {
    if (outcome.kind === "success") {
      const next = await transition(row, { status: "succeeded", amountReceived: row.amount, lastErrorCode: null, lastErrorMessage: null, ...card });
      await emit("payment_intent.succeeded", intentJson(next));
      return next;
    }
    const next = await transition(row, { status: "requires_payment_method", lastErrorCode: outcome.code, lastErrorMessage: outcome.message, ...card });
    await emit("payment_intent.payment_failed", intentJson(next));
    return next;
  }

  async function confirmWith(row: IntentRow, details: Pick<IntentRow, "cardBrand" | "cardLast4">, outcome: CardOutcome): Promise<ProviderIntent> {
    if (row.status !== "requires_payment_method") throw conflict("payments.intentStateChanged");
    if (outcome.kind === "authenticate") {
      // Remember what the challenge leads to, the way Stripe knows its own test card.
      const after = outcome.after.kind === "success" ? "success" : `${outcome.after.code}|${outcome.after.message}`;
      const next = await transition(row, { status: "requires_action", lastErrorCode: null, lastErrorMessage: null, ...details, metadata: { ...(row.metadata as Record<string, string>), sandboxAfterChallenge: after } });
      await emit("payment_intent.requires_action", intentJson(next));
      return toIntent(next);
    }
    return toIntent(await charge(row, outcome, details));
  }

  return {
    name: "sandbox",

    async createIntent(input) {
      const existing = await db.sandboxPaymentIntent.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (existing) {
        // Stripe refuses a reused key with different parameters.
        if (existing.amount !== input.amount || existing.currency !== input.currency.toUpperCase()) throw conflict("payments.idempotencyMismatch");
        return toIntent(existing);
      }
      const id = keyId("pi", input.idempotencyKey);
      const created = await db.sandboxPaymentIntent.createMany({
        data: [{ id, clientSecret: `${id}_secret_${crypto.randomBytes(12).toString("hex")}`, amount: input.amount, currency: input.currency.toUpperCase(), status: "requires_payment_method", metadata: input.metadata, idempotencyKey: input.idempotencyKey, customerId: input.customerId ?? null }],
        skipDuplicates: true,
      });
      const row = await db.sandboxPaymentIntent.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
      if (created.count === 1) await emit("payment_intent.created", intentJson(row));
      return toIntent(row);
    },

    async retrieveIntent(id) {
      const row = await db.sandboxPaymentIntent.findUnique({ where: { id } });
      if (!row) throw notFound("payments.intentNotFound");
      return toIntent(row);
    },

    async cancelIntent(id) {
      const row = await db.sandboxPaymentIntent.findUnique({ where: { id } });
      if (!row) throw notFound("payments.intentNotFound");
      if (row.status === "canceled") return toIntent(row);
      if (row.status === "succeeded") throw conflict("payments.intentAlreadySucceeded");
      const next = await transition(row, { status: "canceled" });
      await emit("payment_intent.canceled", intentJson(next));
      return toIntent(next);
    },

    async confirmCard(intentId, clientSecret, card) {
      const row = await intentFor(intentId, clientSecret);
      const digits = card.number.replace(/[\s-]/g, "");
      return confirmWith(row, { cardBrand: cardBrand(digits), cardLast4: digits.slice(-4) }, cardOutcome(card));
    },

    async confirmWithSavedCard(intentId, paymentMethodId) {
      const row = await db.sandboxPaymentIntent.findUnique({ where: { id: intentId } });
      if (!row) throw notFound("payments.intentNotFound");
      const method = await db.sandboxPaymentMethod.findUnique({ where: { id: paymentMethodId } });
      // Stripe only confirms with a card attached to the intent's customer.
      if (!method || !method.customerId || method.customerId !== row.customerId) throw notFound("payments.cardNotFound");
      return confirmWith(row, { cardBrand: method.brand, cardLast4: method.last4 }, method.behaviour as unknown as CardOutcome);
    },

    async createCustomer(input) {
      const id = keyId("cus", input.idempotencyKey);
      await db.sandboxCustomer.createMany({ data: [{ id, email: input.email, metadata: { userId: input.userId }, idempotencyKey: input.idempotencyKey }], skipDuplicates: true });
      const row = await db.sandboxCustomer.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
      return { id: row.id };
    },

    async createSetupIntent(input) {
      const id = keyId("seti", input.idempotencyKey);
      await db.sandboxSetupIntent.createMany({
        data: [{ id, clientSecret: `${id}_secret_${crypto.randomBytes(12).toString("hex")}`, customerId: input.customerId, status: "requires_payment_method", idempotencyKey: input.idempotencyKey }],
        skipDuplicates: true,
      });
      const row = await db.sandboxSetupIntent.findUniqueOrThrow({ where: { idempotencyKey: input.idempotencyKey } });
      return { id: row.id, clientSecret: row.clientSecret };
    },

    async confirmSetup(setupIntentId, clientSecret, card) {
      const row = await db.sandboxSetupIntent.findUnique({ where: { id: setupIntentId } });
      const digest = (text: string) => crypto.createHash("sha256").update(text).digest();
      if (!row || !crypto.timingSafeEqual(digest(row.clientSecret), digest(clientSecret))) throw notFound("payments.intentNotFound");
      if (row.status !== "requires_payment_method") throw conflict("payments.intentStateChanged");
      const outcome = cardOutcome(card);
      // Saving a card checks it the way a zero-amount authorisation would: a declining card is refused.
      if (outcome.kind === "decline") return { status: "requires_payment_method" as const, paymentMethodId: null, lastError: { code: outcome.code, message: outcome.message } };
      const digits = card.number.replace(/[\s-]/g, "");
      const methodId = randomId("pm");
      await db.$transaction(async (tx) => {
        const moved = await tx.sandboxSetupIntent.updateMany({ where: { id: row.id, status: "requires_payment_method" }, data: { status: "succeeded", paymentMethodId: methodId } });
        if (moved.count === 0) throw conflict("payments.intentStateChanged");
        const year = card.expYear < 100 ? 2000 + card.expYear : card.expYear;
        await tx.sandboxPaymentMethod.create({ data: { id: methodId, customerId: row.customerId, brand: cardBrand(digits), last4: digits.slice(-4), expMonth: card.expMonth, expYear: year, behaviour: outcome as object } });
        await tx.sandboxCustomer.updateMany({ where: { id: row.customerId, defaultPaymentMethodId: null }, data: { defaultPaymentMethodId: methodId } });
      });
      return { status: "succeeded" as const, paymentMethodId: methodId, lastError: null };
    },

    async listCards(customerId) {
      const [methods, customer] = await Promise.all([
        db.sandboxPaymentMethod.findMany({ where: { customerId }, orderBy: { createdAt: "asc" } }),
        db.sandboxCustomer.findUnique({ where: { id: customerId } }),
      ]);
      return { cards: methods.map((m) => ({ id: m.id, brand: m.brand, last4: m.last4, expMonth: m.expMonth, expYear: m.expYear })), defaultId: customer?.defaultPaymentMethodId ?? null };
    },

    async setDefaultCard(customerId, paymentMethodId) {
      const method = await db.sandboxPaymentMethod.findFirst({ where: { id: paymentMethodId, customerId } });
      if (!method) throw notFound("payments.cardNotFound");
      await db.sandboxCustomer.update({ where: { id: customerId }, data: { defaultPaymentMethodId: paymentMethodId } });
    },

    async detachCard(customerId, paymentMethodId) {
      const detached = await db.sandboxPaymentMethod.updateMany({ where: { id: paymentMethodId, customerId }, data: { customerId: null } });
      if (detached.count === 0) throw notFound("payments.cardNotFound");
      const next = await db.sandboxPaymentMethod.findFirst({ where: { customerId }, orderBy: { createdAt: "asc" } });
      await db.sandboxCustomer.updateMany({ where: { id: customerId, defaultPaymentMethodId: paymentMethodId }, data: { defaultPaymentMethodId: next?.id ?? null } });
    },

    async completeChallenge(intentId, clientSecret, passed) {
      const row = await intentFor(intentId, clientSecret);
      if (row.status !== "requires_action") throw conflict("payments.intentStateChanged");
      const { sandboxAfterChallenge, ...metadata } = row.metadata as Record<string, string>;
      const card = { cardBrand: row.cardBrand, cardLast4: row.cardLast4, metadata };
      if (!passed) return toIntent(await charge(row, { kind: "decline", code: "payment_intent_authentication_failure", message: "The provided payment method has failed authentication." }, card));
      if (!sandboxAfterChallenge || sandboxAfterChallenge === "success") return toIntent(await charge(row, { kind: "success" }, card));
      const [code, message] = sandboxAfterChallenge.split("|");
      return toIntent(await charge(row, { kind: "decline", code: code!, message: message ?? "" }, card));
    },

    async refund(input) {
      const existing = await db.sandboxRefund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (existing) return toRefund(existing);
      // Refunds of one intent run one at a time, as on Stripe's side, so two cannot overdraw it.
      const { refund, eventId } = await db.$transaction((tx) => createRefund(tx, input));
      if (eventId) options.schedule(eventId);
      return refund;
    },

    async retrieveRefund(id) {
      const row = await db.sandboxRefund.findUnique({ where: { id } });
      if (!row) throw notFound("payments.refundNotFound");
      return toRefund(row);
    },

    async transfer(input) {
      // Sandbox transfers move no real money; the id is derived from the key, so a retry is the same transfer.
      return { id: keyId("tr", input.idempotencyKey) };
    },

    parseWebhook(rawBody, signatureHeader) {
      if (!signatureHeader) throw new WebhookSignatureError("missing Stripe-Signature header");
      let event: Stripe.Event;
      try {
        event = webhooks.constructEvent(rawBody, signatureHeader, options.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : "signature does not verify");
      }
      return { id: event.id, type: event.type, object: event.data.object as unknown as ProviderEvent["object"] };
    },

    sign(payload) {
      return webhooks.generateTestHeaderString({ payload, secret: options.webhookSecret });
    },
  };

  async function createRefund(tx: DbTx, input: Parameters<PaymentProvider["refund"]>[0]) {
    await tx.$executeRaw`SELECT 1 FROM "SandboxPaymentIntent" WHERE id = ${input.paymentIntentId} FOR UPDATE`;
    const again = await tx.sandboxRefund.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
    if (again) return { refund: toRefund(again), eventId: null };
    const intent = await tx.sandboxPaymentIntent.findUnique({ where: { id: input.paymentIntentId } });
    if (!intent) throw notFound("payments.intentNotFound");
    if (intent.status !== "succeeded") throw conflict("payments.notCaptured");
    const refunded = await tx.sandboxRefund.aggregate({ where: { paymentIntentId: intent.id, status: { in: ["pending", "succeeded"] } }, _sum: { amount: true } });
    if (input.amount < 1 || input.amount > intent.amountReceived - (refunded._sum.amount ?? 0)) throw conflict("payments.refundExceedsCharge");
    const row = await tx.sandboxRefund.create({
      data: { id: randomId("re"), paymentIntentId: intent.id, amount: input.amount, currency: intent.currency, status: "succeeded", metadata: input.metadata, idempotencyKey: input.idempotencyKey },
    });
    const eventId = await storeEvent(tx, "refund.updated", refundJson(row));
    return { refund: toRefund(row), eventId };
  }
}
