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
  /** Where to send the shopper to authenticate (3-D Secure) when the intent requires action. */
  nextActionUrl?: string | null;
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
  /** The shopper's customer at the provider, so a card used here can be saved and reused. */
  customerId?: string;
}

/** A card saved with the provider (we keep no card data; the provider lists them). */
export interface SavedCard {
  id: string;
  brand: string;
  last4: string;
  expMonth: number;
  expYear: number;
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
  /** A customer for a shopper (idempotent on the key), to hold saved cards. */
  createCustomer(input: { email: string; userId: string; idempotencyKey: string }): Promise<{ id: string }>;
  /** A SetupIntent: the card form saves a card to the customer without charging it. */
  createSetupIntent(input: { customerId: string; idempotencyKey: string }): Promise<{ id: string; clientSecret: string }>;
  listCards(customerId: string): Promise<{ cards: SavedCard[]; defaultId: string | null }>;
  setDefaultCard(customerId: string, paymentMethodId: string): Promise<void>;
  /** Removes a saved card; refuses a card of another customer. */
  detachCard(customerId: string, paymentMethodId: string): Promise<void>;
  /** Confirms the intent server-side with one of the customer's saved cards. */
  confirmWithSavedCard(intentId: string, paymentMethodId: string, returnUrl: string): Promise<ProviderIntent>;
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
