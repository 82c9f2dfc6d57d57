// Inputs of the payment step.
import { z } from "zod";

const Id = z.string().min(1).max(60);

export const OrderPaymentInput = z.object({ orderId: Id });
export type OrderPaymentInput = z.infer<typeof OrderPaymentInput>;

/** The sandbox's card form (the card number never reaches our tables, only brand and last 4). */
export const SandboxCardInput = z.object({
  paymentId: Id,
  number: z.string().trim().regex(/^[\d\s-]{12,23}$/, { error: "payments.cardNumberInvalid" }),
  expMonth: z.number().int().min(1, { error: "payments.expiryInvalid" }).max(12, { error: "payments.expiryInvalid" }),
  expYear: z.number().int().min(0, { error: "payments.expiryInvalid" }).max(2100, { error: "payments.expiryInvalid" }),
  cvc: z.string().trim().regex(/^\d{3,4}$/, { error: "payments.cvcInvalid" }),
});
export type SandboxCardInput = z.infer<typeof SandboxCardInput>;

export const SandboxChallengeInput = z.object({ paymentId: Id, passed: z.boolean() });
export type SandboxChallengeInput = z.infer<typeof SandboxChallengeInput>;

export const PartRefundInput = z.object({
  subOrderId: Id,
  /** Minor units. */
  amount: z.number().int({ error: "payments.refundAmountInvalid" }).min(1, { error: "payments.refundAmountInvalid" }).max(100_000_000, { error: "payments.refundAmountInvalid" }),
  reason: z.string().trim().min(3, { error: "validation.tooShort" }).max(500, { error: "validation.tooLong" }),
});
export type PartRefundInput = z.infer<typeof PartRefundInput>;
