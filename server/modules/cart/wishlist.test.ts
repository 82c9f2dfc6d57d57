import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createShop } from "@/test/catalog-factories";
import { createUser } from "@/test/factories";
import { browserCaller, cookieJar, createSellableProduct, shopWithProduct } from "./cart.test-helpers";

async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { code?: string; cause?: { messageKey?: string } } | null;
  expect(error).not.toBeNull();
  return { code: error!.code, key: error!.cause?.messageKey };
}

describe("wishlist", () => {
  it("asks guests to sign in", async () => {
    const { product } = await shopWithProduct(db);
    const guest = browserCaller(db, cookieJar());
    expect(await failure(guest.wishlist.add({ productId: product.id }))).toEqual({ code: "UNAUTHORIZED", key: "auth.signInRequired" });
    expect(await failure(guest.wishlist.list())).toEqual({ code: "UNAUTHORIZED", key: "auth.signInRequired" });
  });

  it("adds (twice is once), lists newest first with availability, tells which products are on it, removes", async () => {
    const first = await shopWithProduct(db, { price: 1500 }, "First");
    const second = await shopWithProduct(db, { stock: 0 }, "Second");
    const user = await createUser(db);
    const caller = browserCaller(db, cookieJar(), user);
    await caller.wishlist.add({ productId: first.product.id });
    await caller.wishlist.add({ productId: first.product.id });
    await new Promise((r) => setTimeout(r, 5));
    await caller.wishlist.add({ productId: second.product.id });
    const list = await caller.wishlist.list();
    expect(list.map((e) => [e.productId, e.available, e.inStock, e.singleVariantId, e.vendor.name])).toEqual([
      [second.product.id, true, false, second.variant.id, "Second"],
      [first.product.id, true, true, first.variant.id, "First"],
    ]);
    expect(list[1]).toMatchObject({ minPrice: 1500, currency: "USD" });
    expect(await caller.wishlist.contains({ productIds: [first.product.id, "other"] })).toEqual([first.product.id]);
    // Someone else's wishlist is separate.
    expect(await browserCaller(db, cookieJar(), await createUser(db)).wishlist.list()).toEqual([]);
    await caller.wishlist.remove({ productId: first.product.id });
    expect((await caller.wishlist.list()).map((e) => e.productId)).toEqual([second.product.id]);
  });

  it("refuses products shoppers cannot see and marks ones that went away", async () => {
    const banned = await shopWithProduct(db);
    await db.product.update({ where: { id: banned.product.id }, data: { moderation: "BANNED" } });
    const user = await createUser(db);
    const caller = browserCaller(db, cookieJar(), user);
    expect(await failure(caller.wishlist.add({ productId: banned.product.id }))).toEqual({ code: "NOT_FOUND", key: "wishlist.productUnavailable" });
    expect(await failure(caller.wishlist.add({ productId: "nope" }))).toEqual({ code: "NOT_FOUND", key: "wishlist.productUnavailable" });
    const later = await shopWithProduct(db);
    await caller.wishlist.add({ productId: later.product.id });
    await db.vendor.update({ where: { id: later.vendor.id }, data: { status: "SUSPENDED" } });
    expect(await caller.wishlist.list()).toMatchObject([{ productId: later.product.id, available: false, inStock: false }]);
  });

  it("moves a product to the cart: its only variant, or the one chosen; then it leaves the wishlist", async () => {
    const single = await shopWithProduct(db);
    const shop = await createShop(db);
    const multi = await createSellableProduct(db, shop.vendor.id, [{ options: { Size: "S" } }, { options: { Size: "M" } }]);
    const stranger = await shopWithProduct(db);
    const user = await createUser(db);
    const caller = browserCaller(db, cookieJar(), user);
    await caller.wishlist.add({ productId: single.product.id });
    await caller.wishlist.add({ productId: multi.product.id });
    await caller.wishlist.moveToCart({ productId: single.product.id });
    expect(await failure(caller.wishlist.moveToCart({ productId: multi.product.id }))).toEqual({ code: "BAD_REQUEST", key: "wishlist.chooseVariant" });
    expect(await failure(caller.wishlist.moveToCart({ productId: multi.product.id, variantId: stranger.variant.id }))).toEqual({
      code: "NOT_FOUND", key: "cart.variantUnavailable",
    });
    await caller.wishlist.moveToCart({ productId: multi.product.id, variantId: multi.variants[1]!.id });
    expect(await failure(caller.wishlist.moveToCart({ productId: stranger.product.id }))).toEqual({ code: "NOT_FOUND", key: "wishlist.notOnList" });
    expect(await caller.wishlist.list()).toEqual([]);
    const cart = await caller.cart.get();
    expect(cart.groups.flatMap((g) => g.lines.map((l) => l.variantId)).sort()).toEqual([single.variant.id, multi.variants[1]!.id].sort());
  });

  it("keeps the product on the wishlist when the cart refuses it", async () => {
    const soldOut = await shopWithProduct(db, { stock: 0 });
    const user = await createUser(db);
    const caller = browserCaller(db, cookieJar(), user);
    await caller.wishlist.add({ productId: soldOut.product.id });
    expect(await failure(caller.wishlist.moveToCart({ productId: soldOut.product.id }))).toEqual({ code: "BAD_REQUEST", key: "cart.outOfStock" });
    expect((await caller.wishlist.list()).map((e) => e.productId)).toEqual([soldOut.product.id]);
  });
});
