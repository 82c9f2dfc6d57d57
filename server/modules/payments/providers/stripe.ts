// The Stripe provider, through the official SDK. Every call that creates or moves money carries
// the idempotency key it is given, so a retry never charges, refunds or transfers twice.
import Stripe from "stripe";
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
