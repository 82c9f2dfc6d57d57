import { z } from "zod";

const Id = z.string().min(1).max(50);

// "card" leaves the order pending until the payment step (server/workflows/payments) captures it.
export const PAYMENT_METHODS = ["card", "pay_on_delivery"] as const;

export const CheckoutPreviewInput = z.object({
  addressId: Id.optional(),
  /** Shipping method chosen per shop: vendorId → ShippingRule id. */
  shipping: z.record(Id, Id).default({}),
  locale: z.enum(["en", "es", "fr", "ar", "zh"]).default("en"),
});
export type CheckoutPreviewInput = z.input<typeof CheckoutPreviewInput>;

export const PlaceOrderInput = z.object({
  /** One per checkout attempt (the page makes it); a retry with the same key returns the same order. */
  idempotencyKey: z.string().min(16).max(100).regex(/^[A-Za-z0-9_-]+$/),
  /** The preview's cartHash: the order is refused when the cart changed since the shopper saw it. */
  cartHash: z.string().length(64),
  addressId: Id,
  shipping: z.record(Id, Id).default({}),
  paymentMethod: z.enum(PAYMENT_METHODS),
  locale: z.enum(["en", "es", "fr", "ar", "zh"]).default("en"),
});
export type PlaceOrderInput = z.input<typeof PlaceOrderInput>;
