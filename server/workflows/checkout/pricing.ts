// The checkout's pricing: one pipeline of steps (items → promotions → shipping → tax → total),
// each taking the draft and returning it with its part filled in. Later issues add promotions
// and tax by replacing those steps; prices are only ever computed here, on the server.
import type { CheckoutCart } from "@/server/modules/cart";
import { allocate } from "./allocate";

export interface ShippingOption {
  id: string;
  name: string;
  price: number;
  freeOver: number | null;
  minDays: number;
  maxDays: number;
}

export interface PricedGroup {
  vendor: { id: string; name: string; slug: string };
  lines: CheckoutCart["groups"][number]["lines"];
  subtotal: number;
  shippingOptions: ShippingOption[];
  shipping: (ShippingOption & { charged: number }) | null;
  discount: number;
  tax: number;
  total: number;
}

export interface PricedCheckout {
  currency: string;
  groups: PricedGroup[];
  subtotal: number;
  shipping: number;
  discount: number;
  tax: number;
  total: number;
}

export interface PricingInput {
  cart: CheckoutCart;
  /** Each shop's shipping methods (active, in order). */
  shippingOptions: Map<string, ShippingOption[]>;
  /** The shopper's choice per shop; the first method when missing. */
  chosenShipping: Record<string, string>;
  /** Order-level discount to spread over the shops (promotions issue). */
  orderDiscount?: number;
}

type Step = (draft: PricedCheckout, input: PricingInput) => PricedCheckout;

const items: Step = (draft, input) => {
  const groups = input.cart.groups.map((g) => {
    const subtotal = g.lines.reduce((s, l) => s + l.lineTotal, 0);
    return { vendor: g.vendor, lines: g.lines, subtotal, shippingOptions: input.shippingOptions.get(g.vendor.id) ?? [], shipping: null, discount: 0, tax: 0, total: subtotal };
  });
  return { ...draft, groups, subtotal: groups.reduce((s, g) => s + g.subtotal, 0) };
};

const promotions: Step = (draft, input) => {
  const orderDiscount = Math.min(input.orderDiscount ?? 0, draft.subtotal);
  const parts = allocate(orderDiscount, draft.groups.map((g) => g.subtotal));
  return { ...draft, groups: draft.groups.map((g, i) => ({ ...g, discount: parts[i]! })), discount: orderDiscount };
};

const shipping: Step = (draft, input) => {
  const groups = draft.groups.map((g) => {
    const option = g.shippingOptions.find((o) => o.id === input.chosenShipping[g.vendor.id]) ?? g.shippingOptions[0] ?? null;
    const charged = option ? (option.freeOver !== null && g.subtotal >= option.freeOver ? 0 : option.price) : 0;
    return { ...g, shipping: option ? { ...option, charged } : null };
  });
  return { ...draft, groups, shipping: groups.reduce((s, g) => s + (g.shipping?.charged ?? 0), 0) };
};

// Zero until the tax issue replaces this step.
const tax: Step = (draft) => ({ ...draft, groups: draft.groups.map((g) => ({ ...g, tax: 0 })), tax: 0 });

const total: Step = (draft) => {
  const groups = draft.groups.map((g) => ({ ...g, total: g.subtotal - g.discount + (g.shipping?.charged ?? 0) + g.tax }));
  return { ...draft, groups, total: groups.reduce((s, g) => s + g.total, 0) };
};

export const PRICING_STEPS: readonly Step[] = [items, promotions, shipping, tax, total];

/** Runs the pipeline over the cart. */
export function priceCheckout(input: PricingInput, currency: string): PricedCheckout {
  const start: PricedCheckout = { currency, groups: [], subtotal: 0, shipping: 0, discount: 0, tax: 0, total: 0 };
  return PRICING_STEPS.reduce((draft, step) => step(draft, input), start);
}
