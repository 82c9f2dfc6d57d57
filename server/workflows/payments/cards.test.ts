import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { AppError } from "@/server/lib/errors";
import { addToCart } from "@/server/modules/cart";
import { shopWithProduct } from "@/server/modules/cart/cart.test-helpers";
import { createSandboxProvider } from "@/server/modules/payments/providers";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { actorFor, createUser } from "@/test/factories";
import { confirmSandboxSetup, listMyCards, payWithSavedCard, removeCard, setDefaultCard, startAddCard } from "./cards";
import { completeSandboxChallenge, startPayment } from "./pay";

const sandbox = createSandboxProvider({ db, webhookSecret: "whsec_cards_test", schedule: () => {} });
const card = (number: string) => ({ number, expMonth: 12, expYear: 2034, cvc: "123" });

async function errorOf(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return { code: (error as AppError).code, key: (error as AppError).messageKey };
}

async function shopper() {
  const user = await createUser(db);
  return actorFor(user, `s-${user.id}`);
}

async function saveCard(actor: Awaited<ReturnType<typeof shopper>>, number: string) {
  const setup = await startAddCard(db, sandbox, actor);
  return confirmSandboxSetup(db, sandbox, actor, { setupIntentId: setup.id, clientSecret: setup.clientSecret, ...card(number) });
}

async function cardOrderFor(actor: Awaited<ReturnType<typeof shopper>>) {
  const shop = await shopWithProduct(db, { price: 1500, stock: 5 });
  await db.shippingRule.create({ data: { vendorId: shop.vendor.id, name: "Standard", price: 0, currency: "USD", minDays: 2, maxDays: 5 } });
  const address = await db.address.create({ data: { userId: actor.userId, fullName: "Ana Buyer", line1: "1 Main St", city: "Springfield", postalCode: "12345", countryCode: "US", isDefault: true } });
  await addToCart(db, { userId: actor.userId }, { variantId: shop.variant.id, quantity: 1 });
  const preview = await previewCheckout(db, actor.userId, {});
  const { orderId } = await placeOrder(db, actor, { idempotencyKey: crypto.randomBytes(12).toString("hex"), cartHash: preview.cartHash, addressId: address.id, paymentMethod: "card" });
  return orderId;
}

describe("saved cards", () => {
  it("saves cards (the first becomes default), refuses a declining card, switches default, removes", async () => {
    const actor = await shopper();
    expect(await listMyCards(db, sandbox, actor)).toEqual({ cards: [], defaultId: null });
    const visa = await saveCard(actor, "4242 4242 4242 4242");
    const mastercard = await saveCard(actor, "5555 5555 5555 4444");
    expect(await saveCard(actor, "4000 0000 0000 0002")).toMatchObject({ status: "requires_payment_method", lastError: { code: "generic_decline" } });
    const listed = await listMyCards(db, sandbox, actor);
    expect(listed.cards.map((c) => [c.brand, c.last4])).toEqual([["visa", "4242"], ["mastercard", "4444"]]);
    expect(listed.defaultId).toBe(visa.paymentMethodId);
    await setDefaultCard(db, sandbox, actor, mastercard.paymentMethodId!);
    expect((await listMyCards(db, sandbox, actor)).defaultId).toBe(mastercard.paymentMethodId);
    await removeCard(db, sandbox, actor, mastercard.paymentMethodId!);
    expect(await listMyCards(db, sandbox, actor)).toMatchObject({ cards: [{ last4: "4242" }], defaultId: visa.paymentMethodId });
    // No card data of ours: only the provider's ids and what the sandbox keeps, never the number.
    expect(JSON.stringify(await db.sandboxPaymentMethod.findMany({ where: { id: visa.paymentMethodId! } }))).not.toContain("4242424242424242");
  });

  it("another shopper can neither see, remove, make default nor pay with my card", async () => {
    const me = await shopper();
    const saved = await saveCard(me, "4242424242424242");
    const other = await shopper();
    expect((await listMyCards(db, sandbox, other)).cards).toEqual([]);
    await startAddCard(db, sandbox, other); // other has a customer now too
    expect(await errorOf(removeCard(db, sandbox, other, saved.paymentMethodId!))).toEqual({ code: "NOT_FOUND", key: "payments.cardNotFound" });
    expect(await errorOf(setDefaultCard(db, sandbox, other, saved.paymentMethodId!))).toEqual({ code: "NOT_FOUND", key: "payments.cardNotFound" });
    const orderId = await cardOrderFor(other);
    const session = await startPayment(db, sandbox, other, orderId);
    expect(await errorOf(payWithSavedCard(db, sandbox, other, { paymentId: session.paymentId, paymentMethodId: saved.paymentMethodId!, returnUrl: "http://x" }))).toEqual({ code: "NOT_FOUND", key: "payments.cardNotFound" });
    expect(await errorOf(payWithSavedCard(db, sandbox, me, { paymentId: session.paymentId, paymentMethodId: saved.paymentMethodId!, returnUrl: "http://x" }))).toEqual({ code: "NOT_FOUND", key: "payments.paymentNotFound" });
  });

  it("pays an order with a saved card, including one that asks for 3-D Secure", async () => {
    const actor = await shopper();
    const visa = await saveCard(actor, "4242424242424242");
    const secure = await saveCard(actor, "4000002500003155");
    const first = await startPayment(db, sandbox, actor, await cardOrderFor(actor));
    expect(await payWithSavedCard(db, sandbox, actor, { paymentId: first.paymentId, paymentMethodId: visa.paymentMethodId!, returnUrl: "http://x" })).toMatchObject({ status: "CAPTURED" });
    const second = await startPayment(db, sandbox, actor, await cardOrderFor(actor));
    expect(await payWithSavedCard(db, sandbox, actor, { paymentId: second.paymentId, paymentMethodId: secure.paymentMethodId!, returnUrl: "http://x" })).toMatchObject({ status: "REQUIRES_ACTION" });
    expect(await completeSandboxChallenge(db, sandbox, actor, { paymentId: second.paymentId, passed: true })).toMatchObject({ status: "CAPTURED" });
  });
});
