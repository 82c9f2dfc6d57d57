// The route itself: the raw body's signature decides; a forged or unsigned event is a 400
// and changes nothing.
import crypto from "node:crypto";
import Stripe from "stripe";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/webhooks/stripe/route";
import { db } from "@/server/db";
import { sandboxProvider, webhookSecret } from "@/server/modules/payments/providers";

function eventBody(type: string, object: Record<string, unknown>) {
  return JSON.stringify({ id: `evt_${crypto.randomBytes(8).toString("hex")}`, object: "event", type, data: { object } });
}

const post = (body: string, signature?: string) =>
  POST(new Request("http://localhost/api/webhooks/stripe", { method: "POST", body, headers: signature ? { "stripe-signature": signature } : {} }));

describe("POST /api/webhooks/stripe", () => {
  it("answers 400 to unsigned, forged, tampered and stale events, and stores none of them", async () => {
    const body = eventBody("payment_intent.succeeded", { id: "pi_forged", object: "payment_intent", metadata: {} });
    const forgedSecret = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: "whsec_someone_else" });
    const genuine = sandboxProvider()!.sign(body);
    const stale = Stripe.webhooks.generateTestHeaderString({ payload: body, secret: webhookSecret, timestamp: Math.floor(Date.now() / 1000) - 3600 });

    expect((await post(body)).status).toBe(400);
    expect((await post(body, forgedSecret)).status).toBe(400);
    expect((await post(body.replace("pi_forged", "pi_other"), genuine)).status).toBe(400);
    expect((await post(body, stale)).status).toBe(400);
    expect((await post(body, "t=1,v1=deadbeef")).status).toBe(400);
    const id = (JSON.parse(body) as { id: string }).id;
    expect(await db.paymentEvent.count({ where: { id } })).toBe(0);
  });

  it("accepts a correctly signed event once and acknowledges its redelivery", async () => {
    const body = eventBody("payment_intent.succeeded", { id: "pi_unknown_to_us", object: "payment_intent", metadata: {} });
    const signature = sandboxProvider()!.sign(body);
    const first = await post(body, signature);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true, outcome: "ignored" });
    const again = await post(body, signature);
    expect(await again.json()).toEqual({ received: true, outcome: "duplicate" });
  });
});
