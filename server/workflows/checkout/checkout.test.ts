import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { addToCart, hashCartToken } from "@/server/modules/cart";
import { browserCaller, cookieJar, shopWithProduct } from "@/server/modules/cart/cart.test-helpers";
import { actorFor, createUser } from "@/test/factories";
import { allocate } from "./allocate";
import { placeOrder, previewCheckout } from "./checkout";

const key = () => crypto.randomBytes(12).toString("hex");

/** A shopper with a default address; `fast` skips the password hash (for races with many shoppers). */
async function shopper(fast = false) {
  const user = fast
    ? await db.user.create({ data: { email: `racer-${key()}@example.test`, name: "Racer" } })
    : await createUser(db);
  const address = await db.address.create({ data: { userId: user.id, fullName: "Ana Buyer", line1: "1 Main St", city: "Springfield", postalCode: "12345", countryCode: "US", isDefault: true } });
  return { user, actor: actorFor(user, `s-${user.id}`), address };
}

async function shippingFor(vendorId: string, price = 500, freeOver: number | null = null) {
  return db.shippingRule.create({ data: { vendorId, name: "Standard", price, currency: "USD", freeOver, minDays: 2, maxDays: 5 } });
}

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, key: (error as AppError).messageKey };
}

describe("allocating order-level amounts", () => {
  it("always adds up to the cent", () => {
    expect(allocate(100, [1, 1, 1])).toEqual([34, 33, 33]);
    expect(allocate(1000, [2999, 1001, 0])).toEqual([750, 250, 0]);
    expect(allocate(7, [0, 0])).toEqual([4, 3]);
    for (let i = 0; i < 200; i += 1) {
      const weights = Array.from({ length: 1 + (i % 5) }, (_, j) => ((i * 7919 + j * 104729) % 5000) + 1);
      const total = (i * 31337) % 100_000;
      expect(allocate(total, weights).reduce((s, p) => s + p, 0)).toBe(total);
    }
  });
});

describe("placing an order", () => {
  it("makes one order with one sub-order per shop, snapshots the lines, takes the stock and empties the cart", async () => {
    const shops = [await shopWithProduct(db, { price: 1000, stock: 5 }), await shopWithProduct(db, { price: 2500, stock: 5 }), await shopWithProduct(db, { price: 4000, stock: 5 })];
    await shippingFor(shops[0]!.vendor.id, 500);
    await shippingFor(shops[1]!.vendor.id, 700, 2000); // free: the subtotal reaches 2000
    await shippingFor(shops[2]!.vendor.id, 300);
    const { user, actor, address } = await shopper();
    for (const [i, shop] of shops.entries()) await addToCart(db, { userId: user.id }, { variantId: shop.variant.id, quantity: i + 1 });
    const preview = await previewCheckout(db, user.id, {});
    expect(preview).toMatchObject({ subtotal: 1000 + 5000 + 12000, shipping: 500 + 0 + 300, total: 18800, currency: "USD" });

    const placed = await placeOrder(db, actor, { idempotencyKey: key(), cartHash: preview.cartHash, addressId: address.id, paymentMethod: "pay_on_delivery" });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { subOrders: { include: { lines: true } }, history: true } });
    expect(order).toMatchObject({ status: "PAID", total: 18800, subtotal: 18000, shippingTotal: 800, shippingAddress: { fullName: "Ana Buyer", countryCode: "US" } });
    expect(order.subOrders).toHaveLength(3);
    expect(order.subOrders.reduce((s, o) => s + o.total, 0)).toBe(order.total);
    expect(order.subOrders.flatMap((s) => s.lines.map((l) => [l.quantity, l.unitPrice, l.lineTotal])).sort()).toEqual([[1, 1000, 1000], [2, 2500, 5000], [3, 4000, 12000]].sort());
    expect(order.history.map((h) => h.to)).toEqual(["PENDING_PAYMENT", "PAID", "PAID", "PAID", "PAID"].slice(0, order.history.length));
    // Pay on delivery: the stock left the shelf.
    const stock = await db.stockLevel.findMany({ where: { variantId: { in: shops.map((s) => s.variant.id) } } });
    expect(stock.map((s) => [s.onHand, s.reserved]).sort()).toEqual([[2, 0], [3, 0], [4, 0]]);
    expect(await db.cartItem.count({ where: { cart: { userId: user.id } } })).toBe(0);
    expect(await db.outboxEvent.count({ where: { aggregateId: order.id, type: "order.placed" } })).toBe(1);
  });

  it("makes one order when the same key is sent 20 times at once, and refuses the key for another request", async () => {
    const shop = await shopWithProduct(db, { price: 1500, stock: 50 });
    await shippingFor(shop.vendor.id);
    const { user, actor, address } = await shopper();
    await addToCart(db, { userId: user.id }, { variantId: shop.variant.id, quantity: 2 });
    const { cartHash } = await previewCheckout(db, user.id, {});
    const idempotencyKey = key();
    const results = await Promise.all(Array.from({ length: 20 }, () =>
      placeOrder(db, actor, { idempotencyKey, cartHash, addressId: address.id, paymentMethod: "pay_on_delivery" })));
    expect(new Set(results.map((r) => r.orderId)).size).toBe(1);
    expect(results.filter((r) => !r.replayed)).toHaveLength(1);
    expect(await db.order.count({ where: { userId: user.id } })).toBe(1);
    expect((await db.stockLevel.findFirstOrThrow({ where: { variantId: shop.variant.id } })).onHand).toBe(48);

    await addToCart(db, { userId: user.id }, { variantId: shop.variant.id, quantity: 1 });
    const other = await previewCheckout(db, user.id, {});
    expect(await errorOf(placeOrder(db, actor, { idempotencyKey, cartHash: other.cartHash, addressId: address.id, paymentMethod: "pay_on_delivery" })))
      .toEqual({ code: "CONFLICT", key: "checkout.idempotencyKeyReused" });
  });

  it("sells exactly 10 units to 200 shoppers racing for them", { timeout: 120_000 }, async () => {
    const shop = await shopWithProduct(db, { price: 999, stock: 10 });
    await shippingFor(shop.vendor.id);
    const buyers = [];
    for (let i = 0; i < 200; i += 1) {
      const buyer = await shopper(true);
      await addToCart(db, { userId: buyer.user.id }, { variantId: shop.variant.id, quantity: 1 });
      buyers.push({ ...buyer, cartHash: (await previewCheckout(db, buyer.user.id, {})).cartHash });
    }
    const results = await Promise.allSettled(buyers.map((b) =>
      placeOrder(db, b.actor, { idempotencyKey: key(), cartHash: b.cartHash, addressId: b.address.id, paymentMethod: "pay_on_delivery" })));
    const placed = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(placed).toHaveLength(10);
    // Refused for want of stock: by the reservation, or by the cart's re-check once it sold out.
    const odd = refused.filter((r) => !(r.reason instanceof AppError)).map((r) => String((r.reason as Error).message).slice(0, 300));
    expect(odd).toEqual([]);
    for (const r of refused) expect(["inventory.insufficient", "checkout.itemsUnavailable", "checkout.cartChanged"]).toContain((r.reason as AppError).messageKey);
    expect(await db.stockLevel.findFirstOrThrow({ where: { variantId: shop.variant.id } })).toMatchObject({ onHand: 0, reserved: 0 });
    const sold = await db.orderLine.aggregate({ where: { variantId: shop.variant.id }, _sum: { quantity: true } });
    expect(sold._sum.quantity).toBe(10);
  });

  it("refuses tampered requests and changes nothing", async () => {
    const shop = await shopWithProduct(db, { price: 1500, stock: 5 });
    const rival = await shopWithProduct(db, { price: 1500, stock: 5 });
    await shippingFor(shop.vendor.id);
    const rivalRule = await shippingFor(rival.vendor.id);
    const { user, actor, address } = await shopper();
    const stranger = await shopper();
    await addToCart(db, { userId: user.id }, { variantId: shop.variant.id, quantity: 1 });
    const { cartHash } = await previewCheckout(db, user.id, {});
    const base = { cartHash, addressId: address.id, paymentMethod: "pay_on_delivery" as const };
    // Another shopper's address.
    expect(await errorOf(placeOrder(db, actor, { ...base, idempotencyKey: key(), addressId: stranger.address.id }))).toEqual({ code: "NOT_FOUND", key: "checkout.addressNotFound" });
    // Another shop's shipping method.
    expect(await errorOf(placeOrder(db, actor, { ...base, idempotencyKey: key(), shipping: { [shop.vendor.id]: rivalRule.id } }))).toEqual({ code: "BAD_REQUEST", key: "checkout.shippingInvalid" });
    // A price that moved after the preview (an edited price never reaches the server: it recomputes).
    await db.productVariant.update({ where: { id: shop.variant.id }, data: { price: 1200 } });
    expect(await errorOf(placeOrder(db, actor, { ...base, idempotencyKey: key() }))).toEqual({ code: "CONFLICT", key: "checkout.cartChanged" });
    expect(await db.order.count({ where: { userId: user.id } })).toBe(0);
    expect((await db.stockLevel.findFirstOrThrow({ where: { variantId: shop.variant.id } })).reserved).toBe(0);
    // The other shopper's empty cart cannot order anything.
    const { cartHash: emptyHash } = await previewCheckout(db, stranger.user.id, {});
    expect(await errorOf(placeOrder(db, stranger.actor, { cartHash: emptyHash, addressId: stranger.address.id, paymentMethod: "pay_on_delivery", idempotencyKey: key() })))
      .toEqual({ code: "BAD_REQUEST", key: "checkout.cartEmpty" });
  });
});

describe("signing in with a guest cart and going straight to checkout", () => {
  it("merges the guest cart in checkout.preview and checkout.placeOrder, once", async () => {
    const shop = await shopWithProduct(db, { price: 1500, stock: 5 });
    const other = await shopWithProduct(db, { price: 700, stock: 5 });
    await shippingFor(shop.vendor.id);
    await shippingFor(other.vendor.id);
    const { user, address } = await shopper();
    await addToCart(db, { userId: user.id }, { variantId: other.variant.id, quantity: 1 });
    // As a guest, the browser's cookie jar gets a cart token.
    const jar = cookieJar();
    await browserCaller(db, jar).cart.add({ variantId: shop.variant.id, quantity: 2 });
    const guestToken = jar.token!;
    expect(guestToken).toBeTruthy();

    // Signed in, the first request is the checkout page (no cart procedure ran).
    const signedIn = browserCaller(db, jar, user);
    const preview = await signedIn.checkout.preview({});
    expect(preview.groups.flatMap((g) => g.lines.map((l) => [l.variantId, l.quantity])).sort()).toEqual([[shop.variant.id, 2], [other.variant.id, 1]].sort());
    expect(jar.token).toBeNull();
    expect(await db.cart.count({ where: { guestToken: hashCartToken(guestToken) } })).toBe(0);

    // A server component cannot clear the cookie: a placeOrder that still sends it merges nothing twice.
    const stale = browserCaller(db, cookieJar(guestToken), user);
    const again = await stale.checkout.preview({});
    expect(again.cartHash).toBe(preview.cartHash);
    const placed = await stale.checkout.placeOrder({ idempotencyKey: key(), cartHash: preview.cartHash, addressId: address.id, paymentMethod: "pay_on_delivery" });
    const order = await db.order.findUniqueOrThrow({ where: { id: placed.orderId }, include: { subOrders: true } });
    expect(order.subOrders).toHaveLength(2);
    expect(order.total).toBe(3000 + 700 + 500 + 500);
  });

  it("tells guests to sign in", async () => {
    await expect(browserCaller(db, cookieJar()).checkout.preview({})).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "auth.signInRequired" });
  });
});
