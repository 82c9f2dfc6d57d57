// The payment provider interface: what Bazaar asks of Stripe (or of the embedded sandbox that
// follows Stripe's flow). Shapes are Stripe's, trimmed to what the payment workflow reads;
// amounts are integer minor units and currencies upper-case ISO codes on our side.

/** Stripe's PaymentIntent statuses. */
export type IntentStatus =
  | "requires_payment_method"
  | "requires_confirmation"
  | "requires_action"
  | "processing"
  | "requires_capture"
  | "canceled"
  | "succeeded";

export interface ProviderIntent {
  id: string;
  status: IntentStatus;
  clientSecret: string | null;
  amount: number;
  amountReceived: number;
  currency: string;
  metadata: Record<string, string>;
  /** Why the last attempt failed (a decline), if it did. */
  lastError: { code: string; message: string } | null;
}

export type RefundStatus = "pending" | "succeeded" | "failed" | "canceled" | "requires_action";

export interface ProviderRefund {
  id: string;
  paymentIntentId: string;
  amount: number;
  currency: string;
  status: RefundStatus;
  metadata: Record<string, string>;
}

/** A verified webhook event: its id (dedupe key), type and the object it is about. */
export interface ProviderEvent {
  id: string;
  type: string;
  object: { id: string; object: string; metadata?: Record<string, string> | null; payment_intent?: string | null };
}

export interface CreateIntentInput {
  amount: number;
  currency: string;
  /** Links the intent to our records: paymentId, orderId, orderNumber. */
  metadata: Record<string, string>;
  /** The same key returns the same intent: a retried call never creates a second charge. */
  idempotencyKey: string;
  description?: string;
}

export interface RefundInput {
  paymentIntentId: string;
  amount: number;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface TransferInput {
  amount: number;
  currency: string;
  /** The seller's connected account (Stripe Connect) or the sandbox's vendor id. */
  destination: string;
  idempotencyKey: string;
  metadata: Record<string, string>;
}

export interface PaymentProvider {
  readonly name: "stripe" | "sandbox";
  createIntent(input: CreateIntentInput): Promise<ProviderIntent>;
  retrieveIntent(id: string): Promise<ProviderIntent>;
  cancelIntent(id: string, idempotencyKey: string): Promise<ProviderIntent>;
  refund(input: RefundInput): Promise<ProviderRefund>;
  retrieveRefund(id: string): Promise<ProviderRefund>;
  transfer(input: TransferInput): Promise<{ id: string }>;
  /** Verifies the signature over the raw body and parses the event; throws when either fails. */
  parseWebhook(rawBody: string, signatureHeader: string | null): ProviderEvent;
}

/** A signature that does not verify, or a body that is not an event: the route answers 400. */
export class WebhookSignatureError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookSignatureError";
  }
}
