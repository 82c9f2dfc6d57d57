// The Stripe adapter through the official SDK, with the SDK's HTTP layer swapped for one that
// records each request and answers like Stripe's API: what would go over the wire is checked
// (method, path, form body, idempotency key), and webhooks are signed with the SDK's helper.
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { createStripeProvider } from "./stripe";
import { WebhookSignatureError } from "./types";

interface Recorded {
  method: string;
  path: string;
  idempotencyKey: string | null;
  form: URLSearchParams;
}

function recordingStripe(respond: (req: Recorded) => Record<string, unknown>) {
  const requests: Recorded[] = [];
  const fakeFetch = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(String(input));
    const headers = new Headers(init?.headers);
    const req = { method: init?.method ?? "GET", path: url.pathname, idempotencyKey: headers.get("idempotency-key"), form: new URLSearchParams(typeof init?.body === "string" ? init.body : url.search) };
    requests.push(req);
    return new Response(JSON.stringify(respond(req)), { status: 200, headers: { "content-type": "application/json", "request-id": "req_test" } });
  }) as typeof fetch;
  const client = new Stripe("sk_test_recording", { httpClient: Stripe.createFetchHttpClient(fakeFetch), maxNetworkRetries: 0 });
  return { client, requests };
}

const intent = (over: Record<string, unknown> = {}) => ({
  id: "pi_123", object: "payment_intent", amount: 4599, amount_received: 0, currency: "eur", status: "requires_payment_method",
  client_secret: "pi_123_secret_abc", metadata: { paymentId: "pay_1", orderId: "ord_1", orderNumber: "BZ-TEST" }, last_payment_error: null, ...over,
});

describe("Stripe provider (official SDK)", () => {
  it("creates a PaymentIntent with the amount in minor units, lower-case currency, metadata linking the order, and the idempotency key", async () => {
    const { client, requests } = recordingStripe(() => intent());
    const provider = createStripeProvider({ secretKey: "sk_test_recording", webhookSecret: "whsec_x", client });
    const created = await provider.createIntent({ amount: 4599, currency: "EUR", idempotencyKey: "payment:pay_1", metadata: { paymentId: "pay_1", orderId: "ord_1", orderNumber: "BZ-TEST" }, description: "Bazaar order BZ-TEST" });
    expect(created).toMatchObject({ id: "pi_123", status: "requires_payment_method", clientSecret: "pi_123_secret_abc", amount: 4599, currency: "EUR" });
    const [req] = requests;
    expect(req).toMatchObject({ method: "POST", path: "/v1/payment_intents", idempotencyKey: "payment:pay_1" });
    expect(req!.form.get("amount")).toBe("4599");
    expect(req!.form.get("currency")).toBe("eur");
    expect(req!.form.get("metadata[orderId]")).toBe("ord_1");
    expect(req!.form.get("metadata[paymentId]")).toBe("pay_1");
    expect(req!.form.get("automatic_payment_methods[enabled]")).toBe("true");
  });

  it("refunds and transfers carry their idempotency keys; a decline reads as the decline code", async () => {
    const { client, requests } = recordingStripe((req) =>
      req.path === "/v1/refunds" ? { id: "re_1", object: "refund", amount: 700, currency: "usd", status: "succeeded", payment_intent: "pi_123", metadata: {} }
      : req.path === "/v1/transfers" ? { id: "tr_1", object: "transfer", amount: 9000, currency: "usd", destination: "acct_1" }
      : intent({ status: "requires_payment_method", last_payment_error: { code: "card_declined", decline_code: "insufficient_funds", message: "Your card has insufficient funds." } }));
    const provider = createStripeProvider({ secretKey: "sk_test_recording", webhookSecret: "whsec_x", client });
    expect(await provider.refund({ paymentIntentId: "pi_123", amount: 700, idempotencyKey: "refund:r1", metadata: { refundId: "r1" } })).toMatchObject({ id: "re_1", status: "succeeded", amount: 700, currency: "USD" });
    expect(await provider.transfer({ amount: 9000, currency: "USD", destination: "acct_1", idempotencyKey: "payout:v1:2026-11", metadata: { vendorId: "v1" } })).toEqual({ id: "tr_1" });
    expect((await provider.retrieveIntent("pi_123")).lastError).toEqual({ code: "insufficient_funds", message: "Your card has insufficient funds." });
    expect(requests.map((r) => [r.method, r.path, r.idempotencyKey])).toEqual([
      ["POST", "/v1/refunds", "refund:r1"],
      ["POST", "/v1/transfers", "payout:v1:2026-11"],
      ["GET", "/v1/payment_intents/pi_123", null],
    ]);
    expect(requests[0]!.form.get("payment_intent")).toBe("pi_123");
    expect(requests[0]!.form.get("amount")).toBe("700");
    expect(requests[1]!.form.get("currency")).toBe("usd");
  });

  it("saved cards: customer and SetupIntent carry idempotency keys; a card of another customer is never detached", async () => {
    const { client, requests } = recordingStripe((req) =>
      req.path === "/v1/customers" ? { id: "cus_1", object: "customer" }
      : req.path === "/v1/setup_intents" ? { id: "seti_1", object: "setup_intent", client_secret: "seti_1_secret_x" }
      : req.path === "/v1/payment_methods/pm_theirs" ? { id: "pm_theirs", object: "payment_method", customer: "cus_other", card: { brand: "visa", last4: "4242", exp_month: 1, exp_year: 2030 } }
      : intent({ status: "succeeded", amount_received: 4599 }));
    const provider = createStripeProvider({ secretKey: "sk_test_recording", webhookSecret: "whsec_x", client });
    expect(await provider.createCustomer({ email: "a@example.test", userId: "u1", idempotencyKey: "customer:u1" })).toEqual({ id: "cus_1" });
    expect(await provider.createSetupIntent({ customerId: "cus_1", idempotencyKey: "setup:u1:abc" })).toEqual({ id: "seti_1", clientSecret: "seti_1_secret_x" });
    await expect(provider.detachCard("cus_1", "pm_theirs")).rejects.toMatchObject({ messageKey: "payments.cardNotFound" });
    expect(await provider.confirmWithSavedCard("pi_123", "pm_mine", "https://shop.example/return")).toMatchObject({ status: "succeeded" });
    expect(requests.map((r) => [r.method, r.path, r.idempotencyKey])).toEqual([
      ["POST", "/v1/customers", "customer:u1"],
      ["POST", "/v1/setup_intents", "setup:u1:abc"],
      ["GET", "/v1/payment_methods/pm_theirs", null],
      ["POST", "/v1/payment_intents/pi_123/confirm", expect.stringMatching(/^confirm:pi_123:pm_mine:\d+$/)],
    ]);
    expect(requests[3]!.form.get("payment_method")).toBe("pm_mine");
    expect(requests[0]!.form.get("metadata[userId]")).toBe("u1");
    expect(requests[1]!.form.get("customer")).toBe("cus_1");
  });

  it("verifies webhooks with the endpoint secret and refuses anything else", () => {
    const provider = createStripeProvider({ secretKey: "sk_test_recording", webhookSecret: "whsec_endpoint" });
    const payload = JSON.stringify({ id: "evt_1", object: "event", type: "payment_intent.succeeded", data: { object: intent({ status: "succeeded" }) } });
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_endpoint" });
    expect(provider.parseWebhook(payload, header)).toMatchObject({ id: "evt_1", type: "payment_intent.succeeded", object: { id: "pi_123" } });
    expect(() => provider.parseWebhook(payload, null)).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: "whsec_other" }))).toThrow(WebhookSignatureError);
    expect(() => provider.parseWebhook(payload.replace("4599", "1"), header)).toThrow(WebhookSignatureError);
  });
});
