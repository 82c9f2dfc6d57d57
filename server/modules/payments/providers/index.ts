// Which provider this process talks to: Stripe when STRIPE_SECRET_KEY is set, otherwise the
// embedded sandbox. Both verify webhooks with the same secret scheme, so the route is one.
import crypto from "node:crypto";
import { db } from "@/server/db";
import { authSecret, env } from "@/server/env";
import { createSandboxProvider, type SandboxProvider } from "./sandbox";
import { deliverSandboxEvent, type DeliveryTarget } from "./sandbox-delivery";
import { createStripeProvider } from "./stripe";
import type { PaymentProvider } from "./types";

export * from "./types";
export type { SandboxProvider } from "./sandbox";
export type { SandboxCard } from "./sandbox-cards";
export { createSandboxProvider } from "./sandbox";
export { createStripeProvider } from "./stripe";
export { deliverPendingSandboxEvents, deliverSandboxEvent } from "./sandbox-delivery";

/** Stripe's endpoint secret, or for the sandbox one derived from AUTH_SECRET (stable across restarts). */
export const webhookSecret = env.STRIPE_WEBHOOK_SECRET ?? `whsec_${crypto.createHmac("sha256", authSecret).update("bazaar-sandbox-webhooks").digest("base64url")}`;

export const usingStripe = Boolean(env.STRIPE_SECRET_KEY);

let sandbox: SandboxProvider | null = null;
let stripe: PaymentProvider | null = null;

/** Where sandbox events go: this app's own webhook route. */
export function sandboxDeliveryTarget(): DeliveryTarget {
  return { url: new URL("/api/webhooks/stripe", env.APP_URL).toString(), sign: (payload) => sandboxProvider()!.sign(payload) };
}

/** The sandbox provider (its card form and challenge page need it), or null when Stripe is configured. */
export function sandboxProvider(): SandboxProvider | null {
  if (usingStripe) return null;
  sandbox ??= createSandboxProvider({
    db,
    webhookSecret,
    schedule: (eventId) => {
      const timer = setTimeout(() => void deliverSandboxEvent(db, eventId, sandboxDeliveryTarget()), env.PAYMENTS_SANDBOX_WEBHOOK_DELAY_MS);
      timer.unref?.();
    },
  });
  return sandbox;
}

export function paymentProvider(): PaymentProvider {
  if (!usingStripe) return sandboxProvider()!;
  stripe ??= createStripeProvider({ secretKey: env.STRIPE_SECRET_KEY!, webhookSecret });
  return stripe;
}

/** What the checkout page needs to show the right card form. */
export function paymentClientConfig() {
  return usingStripe ? { provider: "stripe" as const, publishableKey: env.STRIPE_PUBLISHABLE_KEY! } : { provider: "sandbox" as const, publishableKey: null };
}
