// Inputs of the payment reads (admin dashboard, shopper history, receipts).
import { z } from "zod";

const Id = z.string().min(1).max(60);
/** A calendar day, YYYY-MM-DD (UTC). */
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "validation.invalid" }).refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), { error: "validation.invalid" });

export const PAYMENT_STATUSES = ["PENDING", "REQUIRES_ACTION", "AUTHORIZED", "CAPTURED", "FAILED", "CANCELLED"] as const;
export type PaymentStatusName = (typeof PAYMENT_STATUSES)[number];

export const AdminPaymentListInput = z.object({
  status: z.enum(PAYMENT_STATUSES).optional(),
  /** Payments whose order has a part from this shop. */
  vendorId: Id.optional(),
  from: Day.optional(),
  to: Day.optional(),
  /** Order number or shopper email. */
  query: z.string().trim().max(100).optional(),
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type AdminPaymentListInput = z.infer<typeof AdminPaymentListInput>;

export const MyPaymentListInput = z.object({ cursor: Id.optional(), limit: z.number().int().min(1).max(50).default(10) });
export type MyPaymentListInput = z.infer<typeof MyPaymentListInput>;

export const PaymentRefInput = z.object({ paymentId: Id });
export const OrderRefInput = z.object({ orderId: Id });
export const PartRefInput = z.object({ subOrderId: Id });
