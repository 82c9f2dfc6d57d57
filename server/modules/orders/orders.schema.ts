// Inputs of the orders module, shared by its router and the pages.
import { z } from "zod";
import { ORDER_STATUSES } from "./orders.status";

const Id = z.string().min(1).max(50);
const Reason = z.string().trim().min(1, { error: "validation.required" }).max(500, { error: "validation.tooLong" });

export const ListOrdersInput = z.object({
  status: z.enum(ORDER_STATUSES).optional(),
  /** Order number, shopper email or SKU. */
  query: z.string().trim().max(100).optional(),
  cursor: Id.optional(),
  limit: z.number().int().min(1).max(100).default(25),
});
export type ListOrdersInput = z.input<typeof ListOrdersInput>;

export const ListVendorSubOrdersInput = ListOrdersInput.extend({ vendorId: Id });
export type ListVendorSubOrdersInput = z.input<typeof ListVendorSubOrdersInput>;

export const OrderRefInput = z.object({ orderId: Id });
export const SubOrderRefInput = z.object({ vendorId: Id, subOrderId: Id });

export const MarkShippedInput = SubOrderRefInput.extend({
  carrier: z.string().trim().min(2, { error: "validation.tooShort" }).max(60, { error: "validation.tooLong" }),
  trackingNumber: z.string().trim().min(4, { error: "validation.tooShort" }).max(60, { error: "validation.tooLong" })
    .regex(/^[A-Za-z0-9-]+$/, { error: "orders.trackingInvalid" }),
});
export type MarkShippedInput = z.infer<typeof MarkShippedInput>;

export const CancelSubOrderInput = SubOrderRefInput.extend({ reason: Reason });
export type CancelSubOrderInput = z.infer<typeof CancelSubOrderInput>;

export const CancelOrderInput = OrderRefInput.extend({ reason: z.string().trim().max(500).default("") });
export type CancelOrderInput = z.infer<typeof CancelOrderInput>;
