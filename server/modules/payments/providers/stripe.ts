// The Stripe provider, through the official SDK. Every call that creates or moves money carries
// the idempotency key it is given, so a retry never charges, refunds or transfers twice.
import Stripe from "stripe";
import { notFound } from "@/server/lib/errors";
import { WebhookSignatureError, type IntentStatus, type PaymentProvider, type ProviderEvent, type ProviderIntent, type ProviderRefund } from "./types";

export interface StripeProviderOptions {
  secretKey: string;
  webhookSecret: string;
  /** Tests hand in a client whose HTTP layer records requests instead of sending them. */
  client?: Stripe;
}

function toIntent(pi: Stripe.PaymentIntent): ProviderIntent {
  return {
    id: pi.id,
    status: pi.status as IntentStatus,
    clientSecret: pi.client_secret,
    amount: pi.amount,
    amountReceived: pi.amount_received,
    currency: pi.currency.toUpperCase(),
    metadata: { ...pi.metadata },
    nextActionUrl: pi.next_action?.redirect_to_url?.url ?? null,
    lastError: pi.last_payment_error ? { code: pi.last_payment_error.decline_code ?? pi.last_payment_error.code ?? "card_declined", message: pi.last_payment_error.message ?? "" } : null,
  };
}

function toRefund(refund: Stripe.Refund): ProviderRefund {
  const intent = refund.payment_intent;
  return {
    id: refund.id,
    paymentIntentId: typeof intent === "string" ? intent : (intent?.id ?? ""),
    amount: refund.amount,
    currency: refund.currency.toUpperCase(),
    status: (refund.status ?? "pending") as ProviderRefund["status"],
    metadata: { ...refund.metadata },
  };
}

export function createStripeProvider(options: StripeProviderOptions): PaymentProvider {
  const stripe = options.client ?? new Stripe(options.secretKey, { maxNetworkRetries: 2, timeout: 20_000 });
  return {
    name: "stripe",
    async createIntent(input) {
      const pi = await stripe.paymentIntents.create(
        {
          amount: input.amount,
          currency: input.currency.toLowerCase(),
          metadata: input.metadata,
          description: input.description,
          customer: input.customerId,
          automatic_payment_methods: { enabled: true },
        },
        { idempotencyKey: input.idempotencyKey },
      );
      return toIntent(pi);
    },
    async retrieveIntent(id) {
      return toIntent(await stripe.paymentIntents.retrieve(id));
    },
    async cancelIntent(id, idempotencyKey) {
      return toIntent(await stripe.paymentIntents.cancel(id, {}, { idempotencyKey }));
    },
    async refund(input) {
      const refund = await stripe.refunds.create(
        { payment_intent: input.paymentIntentId, amount: input.amount, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      );
      return toRefund(refund);
    },
    async retrieveRefund(id) {
      return toRefund(await stripe.refunds.retrieve(id));
    },
    async transfer(input) {
      const transfer = await stripe.transfers.create(
        { amount: input.amount, currency: input.currency.toLowerCase(), destination: input.destination, metadata: input.metadata },
        { idempotencyKey: input.idempotencyKey },
      );
      return { id: transfer.id };
    },
    async createCustomer(input) {
      const customer = await stripe.customers.create({ email: input.email, metadata: { userId: input.userId } }, { idempotencyKey: input.idempotencyKey });
      return { id: customer.id };
    },
    async createSetupIntent(input) {
      const setup = await stripe.setupIntents.create({ customer: input.customerId, usage: "on_session", automatic_payment_methods: { enabled: true } }, { idempotencyKey: input.idempotencyKey });
      return { id: setup.id, clientSecret: setup.client_secret! };
    },
    async listCards(customerId) {
      const [methods, customer] = await Promise.all([stripe.paymentMethods.list({ customer: customerId, type: "card", limit: 20 }), stripe.customers.retrieve(customerId)]);
      const fallback = "deleted" in customer ? null : customer.invoice_settings?.default_payment_method;
      return {
        cards: methods.data.filter((m) => m.card).map((m) => ({ id: m.id, brand: m.card!.brand, last4: m.card!.last4, expMonth: m.card!.exp_month, expYear: m.card!.exp_year })),
        defaultId: typeof fallback === "string" ? fallback : (fallback?.id ?? null),
      };
    },
    async setDefaultCard(customerId, paymentMethodId) {
      await stripe.customers.update(customerId, { invoice_settings: { default_payment_method: paymentMethodId } });
    },
    async detachCard(customerId, paymentMethodId) {
      const method = await stripe.paymentMethods.retrieve(paymentMethodId);
      const owner = typeof method.customer === "string" ? method.customer : method.customer?.id;
      if (owner !== customerId) throw notFound("payments.cardNotFound");
      await stripe.paymentMethods.detach(paymentMethodId);
    },
    async confirmWithSavedCard(intentId, paymentMethodId, returnUrl) {
      // Confirming moves money: a double click within the same 10 s window is one confirmation.
      const idempotencyKey = `confirm:${intentId}:${paymentMethodId}:${Math.floor(Date.now() / 10_000)}`;
      return toIntent(await stripe.paymentIntents.confirm(intentId, { payment_method: paymentMethodId, return_url: returnUrl }, { idempotencyKey }));
    },
    parseWebhook(rawBody, signatureHeader) {
      if (!signatureHeader) throw new WebhookSignatureError("missing Stripe-Signature header");
      let event: Stripe.Event;
      try {
        event = stripe.webhooks.constructEvent(rawBody, signatureHeader, options.webhookSecret);
      } catch (error) {
        throw new WebhookSignatureError(error instanceof Error ? error.message : "signature does not verify");
      }
      return { id: event.id, type: event.type, object: event.data.object as unknown as ProviderEvent["object"] };
    },
  };
}
