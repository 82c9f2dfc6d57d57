// Inputs of a shop's flat shipping methods. Messages are keys under "errors".
import { z } from "zod";

/** Most shipping methods one shop keeps. */
export const MAX_SHIPPING_RULES = 20;
/** Currencies a seller may price shipping in. */
export const SHIPPING_CURRENCIES = ["USD", "EUR", "GBP", "AED", "SAR", "CNY", "JPY", "CAD", "AUD", "CHF", "SEK", "INR", "MXN", "BRL"] as const;

const Id = z.string().min(1).max(50);
const Amount = z.number({ error: "validation.invalid" }).int({ error: "validation.invalid" }).min(0, { error: "shipping.amountInvalid" }).max(100_000_000, { error: "shipping.amountInvalid" });
const Days = z.number({ error: "validation.invalid" }).int({ error: "shipping.daysInvalid" }).min(0, { error: "shipping.daysInvalid" }).max(180, { error: "shipping.daysInvalid" });

const RuleFields = z.object({
  name: z.string().trim().min(1, { error: "validation.required" }).max(60, { error: "validation.tooLong" }),
  /** Minor units of `currency`. */
  price: Amount,
  currency: z.enum(SHIPPING_CURRENCIES, { error: "shipping.currencyInvalid" }),
  /** Free when the shop's subtotal reaches this (minor units); null = never free. */
  freeOver: Amount.min(1, { error: "shipping.amountInvalid" }).nullable().default(null),
  minDays: Days,
  maxDays: Days,
  active: z.boolean().default(true),
  /** Order among the shop's methods (lowest first); new methods go last when omitted. */
  position: z.number().int().min(0).max(1000).optional(),
});

const daysInOrder = (v: { minDays: number; maxDays: number }) => v.maxDays >= v.minDays;
const daysError = { path: ["maxDays"], error: "shipping.daysOrder" };

export const CreateShippingRuleInput = RuleFields.extend({ vendorId: Id }).refine(daysInOrder, daysError);
export type CreateShippingRuleInput = z.infer<typeof CreateShippingRuleInput>;

export const UpdateShippingRuleInput = RuleFields.extend({ vendorId: Id, id: Id }).refine(daysInOrder, daysError);
export type UpdateShippingRuleInput = z.infer<typeof UpdateShippingRuleInput>;

export const ShippingRuleRefInput = z.object({ vendorId: Id, id: Id });
export type ShippingRuleRefInput = z.infer<typeof ShippingRuleRefInput>;

export const VendorIdInput = z.object({ vendorId: Id });
