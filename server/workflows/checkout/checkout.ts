// Checkout: the preview the shopper sees and placing the order. Placing is one transaction:
// it reads the cart at current prices, prices it (pricing.ts), creates one order with one
// sub-order per shop and line snapshots, reserves stock (all or nothing), publishes
// "order.placed" and empties the bought lines. Nothing here calls a payment provider, so no
// row lock outlives the transaction. A retried request with the same idempotency key returns
// the same order; the same key with a different request is refused.
import crypto from "node:crypto";
import type { Prisma } from "@/prisma/generated/client/client";
import type { Db, DbTx } from "@/server/db";
import { env } from "@/server/env";
import { publish } from "@/server/events";
import type { Actor } from "@/server/lib/actor";
import { badRequest, conflict, notFound } from "@/server/lib/errors";
import { recordAudit } from "@/server/modules/audit";
import { clearPurchasedLines, getCartForCheckout, type CheckoutCart } from "@/server/modules/cart";
import { reserveStock } from "@/server/modules/inventory";
import { CheckoutPreviewInput, PlaceOrderInput } from "./checkout.schema";
import { confirmOrderPayment } from "./payment";
import { priceCheckout, type ShippingOption } from "./pricing";

const sha256 = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/** What the shopper agreed to: every purchasable line with its quantity and current price. */
export function cartHash(cart: CheckoutCart): string {
  const lines = cart.groups.flatMap((g) => g.lines.map((l) => `${l.variantId}:${l.quantity}:${l.unitPrice}:${l.currency}`)).sort();
  return sha256(lines.join("|"));
}

async function shippingOptionsFor(db: DbTx, vendorIds: string[], currency: string) {
  const rules = await db.shippingRule.findMany({ where: { vendorId: { in: vendorIds }, active: true, currency }, orderBy: [{ position: "asc" }, { price: "asc" }] });
  const options = new Map<string, ShippingOption[]>();
  for (const r of rules) {
    options.set(r.vendorId, [...(options.get(r.vendorId) ?? []), { id: r.id, name: r.name, price: r.price, freeOver: r.freeOver, minDays: r.minDays, maxDays: r.maxDays }]);
  }
  return options;
}

/** The one currency of the cart; a cart mixing currencies cannot be checked out in one order. */
function currencyOf(cart: CheckoutCart): string {
  const currencies = new Set(cart.groups.flatMap((g) => g.lines.map((l) => l.currency)));
  if (currencies.size > 1) throw badRequest("checkout.mixedCurrencies");
  return [...currencies][0] ?? "USD";
}

async function priced(db: DbTx, userId: string, shipping: Record<string, string>, locale: string) {
  const cart = await getCartForCheckout(db, userId, locale);
  const currency = currencyOf(cart);
  const shippingOptions = await shippingOptionsFor(db, cart.groups.map((g) => g.vendor.id), currency);
  for (const [vendorId, ruleId] of Object.entries(shipping)) {
    if (!(shippingOptions.get(vendorId) ?? []).some((o) => o.id === ruleId)) throw badRequest("checkout.shippingInvalid");
  }
  return { cart, pricing: priceCheckout({ cart, shippingOptions, chosenShipping: shipping }, currency) };
}

/** The checkout page: lines grouped by shop with shipping choices, totals and the cart's hash. */
export async function previewCheckout(db: DbTx, userId: string, rawInput: CheckoutPreviewInput) {
  const input = CheckoutPreviewInput.parse(rawInput);
  const { cart, pricing } = await priced(db, userId, input.shipping, input.locale);
  const addresses = await db.address.findMany({ where: { userId }, orderBy: [{ isDefault: "desc" }, { createdAt: "asc" }] });
  return { ...pricing, excluded: cart.excluded, cartHash: cartHash(cart), addresses };
}

/** "BZ-7K4Q2M9X": short, unambiguous, not guessable from another order's number. */
function orderNumber(): string {
  const alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
  return `BZ-${Array.from(crypto.randomBytes(8), (b) => alphabet[b % alphabet.length]).join("")}`;
}

/** Same key, same request: the earlier order. Same key, another request: refused. */
function replay(existing: { id: string; number: string; requestHash: string }, requestHash: string) {
  if (existing.requestHash !== requestHash) throw conflict("checkout.idempotencyKeyReused");
  return { orderId: existing.id, number: existing.number, replayed: true };
}

/**
 * Places the order for the shopper's cart. Throws (and writes nothing) when the cart is empty
 * or changed since the preview, the address is not the shopper's, a shipping choice is not the
 * shop's, or stock is short (CONFLICT "inventory.insufficient").
 */
export async function placeOrder(db: Db, actor: Actor, rawInput: PlaceOrderInput) {
  const input = PlaceOrderInput.parse(rawInput);
  const requestHash = sha256(JSON.stringify([input.cartHash, input.addressId, Object.entries(input.shipping).sort(), input.paymentMethod]));
  return db.$transaction(async (tx) => {
    // Attempts with one key run one at a time; the second finds the first's order.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`checkout:${actor.userId}:${input.idempotencyKey}`}))`;
    const existing = await tx.order.findUnique({
      where: { userId_idempotencyKey: { userId: actor.userId, idempotencyKey: input.idempotencyKey } }, select: { id: true, number: true, requestHash: true },
    });
    if (existing) return replay(existing, requestHash);

    const { cart, pricing } = await priced(tx, actor.userId, input.shipping, input.locale);
    if (pricing.groups.length === 0) throw cart.excluded.length ? conflict("checkout.itemsUnavailable") : badRequest("checkout.cartEmpty");
    if (cartHash(cart) !== input.cartHash) throw conflict("checkout.cartChanged");
    const address = await tx.address.findFirst({ where: { id: input.addressId, userId: actor.userId } });
    if (!address) throw notFound("checkout.addressNotFound");
    if (pricing.groups.some((g) => !g.shipping)) throw badRequest("checkout.noShippingMethod");

    const number = orderNumber();
    const order = await tx.order.create({
      data: {
        number, userId: actor.userId, currency: pricing.currency, subtotal: pricing.subtotal, shippingTotal: pricing.shipping,
        discountTotal: pricing.discount, taxTotal: pricing.tax, total: pricing.total, paymentMethod: input.paymentMethod,
        shippingAddress: {
          fullName: address.fullName, line1: address.line1, line2: address.line2, city: address.city, region: address.region,
          postalCode: address.postalCode, countryCode: address.countryCode, phone: address.phone,
        } satisfies Prisma.InputJsonObject,
        idempotencyKey: input.idempotencyKey, requestHash,
        history: { create: { to: "PENDING_PAYMENT", actorId: actor.userId, reason: "order placed" } },
      },
    });
    for (const [index, group] of pricing.groups.entries()) {
      await tx.subOrder.create({
        data: {
          orderId: order.id, vendorId: group.vendor.id, number: `${number}-${index + 1}`, subtotal: group.subtotal, shippingTotal: group.shipping!.charged,
          discountTotal: group.discount, taxTotal: group.tax, total: group.total,
          shippingMethod: { id: group.shipping!.id, name: group.shipping!.name, price: group.shipping!.charged, minDays: group.shipping!.minDays, maxDays: group.shipping!.maxDays },
          lines: {
            create: group.lines.map((l) => ({
              productId: l.productId, variantId: l.variantId, title: l.title, variantTitle: l.optionText, sku: l.sku, imageKey: l.image?.storageKey ?? null,
              unitPrice: l.unitPrice, quantity: l.quantity, lineTotal: l.lineTotal,
            })),
          },
        },
      });
    }
    const lines = pricing.groups.flatMap((g) => g.lines.map((l) => ({ variantId: l.variantId, quantity: l.quantity })));
    await reserveStock(tx, { orderId: order.id, lines, expiresAt: new Date(Date.now() + env.CHECKOUT_RESERVATION_MINUTES * 60_000), actorId: actor.userId });
    await publish(tx, {
      type: "order.placed", aggregateType: "order", aggregateId: order.id,
      payload: { orderId: order.id, number, userId: actor.userId, vendorIds: pricing.groups.map((g) => g.vendor.id), total: pricing.total, currency: pricing.currency },
    });
    await clearPurchasedLines(tx, actor.userId, lines.map((l) => l.variantId));
    await recordAudit(tx, actor, { action: "order.place", resourceType: "order", resourceId: order.id, metadata: { number, total: pricing.total, currency: pricing.currency } });
    if (input.paymentMethod === "pay_on_delivery") await confirmOrderPayment(tx, order.id, actor.userId, "pay on delivery");
    return { orderId: order.id, number, replayed: false };
  }, { timeout: 20_000, maxWait: 30_000 }); // under a rush, wait for a connection rather than fail
}
