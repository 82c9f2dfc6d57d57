import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createShop } from "@/test/catalog-factories";
import { createUser } from "@/test/factories";
import { cartCookieFrom, cartCookieHeader, hashCartToken, readCartToken } from "./cart.cookie";
import { clearPurchasedLines, getCartForCheckout, mergeGuestCart } from "./cart.service";
import { browserCaller, cookieJar, createSellableProduct, shopWithProduct } from "./cart.test-helpers";

/** A refused call's tRPC code, the AppError's message key, and zod's message key per field. */
async function failure(promise: Promise<unknown>) {
  const error = (await promise.then(() => null, (e: unknown) => e)) as { code?: string; cause?: unknown } | null;
  expect(error).not.toBeNull();
  const cause = error!.cause as { messageKey?: string; issues?: { path: PropertyKey[]; message: string }[] } | undefined;
  const fields = Object.fromEntries((cause?.issues ?? []).map((i) => [i.path.join("."), i.message]));
  return { code: error!.code, key: cause?.messageKey, fields };
}

const lines = async (cartFilter: { userId?: string; guestToken?: string }) =>
  db.cartItem.findMany({ where: { cart: cartFilter }, select: { variantId: true, quantity: true, savedForLater: true } });

describe("guest cart cookie", () => {
  it("reads only well-formed tokens and writes an httpOnly SameSite=Lax cookie", () => {
    const token = "a".repeat(43);
    expect(readCartToken(`x=1; bazaar_cart=${token}; y=2`)).toBe(token);
    expect(readCartToken("bazaar_cart=short")).toBeNull();
    expect(readCartToken(null)).toBeNull();
    expect(cartCookieHeader(token, true)).toMatch(/^bazaar_cart=a{43}; Max-Age=\d+; Path=\/; HttpOnly; SameSite=Lax; Secure$/);
    expect(cartCookieHeader(null, false)).toBe("bazaar_cart=; Max-Age=0; Path=/; HttpOnly; SameSite=Lax");
    const response = new Headers();
    const cookie = cartCookieFrom(new Headers({ cookie: `bazaar_cart=${token}` }), response, false);
    expect(cookie.token).toBe(token);
    cookie.set(null);
    expect(response.get("set-cookie")).toContain("Max-Age=0");
  });

  it("a guest's first add sets a random 256-bit token; only its SHA-256 is stored", async () => {
    const { variant } = await shopWithProduct(db);
    const jar = cookieJar();
    await browserCaller(db, jar).cart.add({ variantId: variant.id, quantity: 2 });
    expect(jar.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const cart = await db.cart.findUniqueOrThrow({ where: { guestToken: hashCartToken(jar.token!) } });
    expect(cart.guestToken).not.toBe(jar.token);
    expect(cart.userId).toBeNull();
    const view = await browserCaller(db, jar).cart.get();
    expect(view.itemCount).toBe(2);
    // Another browser (no cookie) sees an empty cart.
    expect((await browserCaller(db, cookieJar()).cart.get()).itemCount).toBe(0);
  });
});

describe("adding and changing lines", () => {
  it("groups by shop with titles in the shopper's locale, option text, images and integer totals", async () => {
    const a = await createShop(db, { name: "Alpha" });
    const b = await createShop(db, { name: "Beta" });
    const shirt = await createSellableProduct(db, a.vendor.id, [{ price: 1250, options: { Colour: "Red", Size: "M" } }, { price: 1300, options: { Colour: "Blue", Size: "L" } }]);
    await db.productTranslation.create({ data: { productId: shirt.product.id, locale: "ar", title: "قميص كتان" } });
    const media = await db.mediaAsset.create({
      data: { vendorId: b.vendor.id, storageKey: "k/mug", originalName: "m.jpg", width: 800, height: 600, byteSize: 10, widths: [320], formats: ["webp"], placeholder: "data:x" },
    });
    const mug = await createSellableProduct(db, b.vendor.id, [{ price: 899 }], { title: "Mug", currency: "EUR" });
    await db.productImage.create({ data: { productId: mug.product.id, mediaId: media.id, position: 0 } });
    const user = await createUser(db);
    const caller = browserCaller(db, cookieJar(), user, "ar");
    await caller.cart.add({ variantId: shirt.variants[0]!.id, quantity: 2 });
    await caller.cart.add({ variantId: shirt.variants[1]!.id });
    await caller.cart.add({ variantId: mug.variants[0]!.id, quantity: 3 });
    const view = await caller.cart.get();
    expect(view.groups.map((g) => g.vendor.name)).toEqual(["Alpha", "Beta"]);
    expect(view.groups[0]!.lines.map((l) => [l.title, l.optionText, l.unitPrice, l.quantity, l.lineTotal])).toEqual([
      ["قميص كتان", "Red / M", 1250, 2, 2500],
      ["قميص كتان", "Blue / L", 1300, 1, 1300],
    ]);
    expect(view.groups[0]!.subtotals).toEqual([{ amount: 3800, currency: "USD" }]);
    expect(view.groups[1]!.lines[0]).toMatchObject({ title: "Mug", image: { storageKey: "k/mug", placeholder: "data:x", width: 800, height: 600 } });
    expect(view.totals).toEqual([{ amount: 3800, currency: "USD" }, { amount: 2697, currency: "EUR" }]);
    expect(view.itemCount).toBe(6);
    expect(await caller.cart.count()).toBe(6);
  });

  it("sums repeated adds into one line and refuses going past stock or maxPerOrder", async () => {
    const { variant } = await shopWithProduct(db, { stock: 5, maxPerOrder: 4 });
    const caller = browserCaller(db, cookieJar(), await createUser(db));
    await caller.cart.add({ variantId: variant.id, quantity: 3 });
    expect(await failure(caller.cart.add({ variantId: variant.id, quantity: 2 }))).toMatchObject({ code: "BAD_REQUEST", key: "cart.limitReached" });
    expect(await failure(caller.cart.add({ variantId: variant.id, quantity: 5 }))).toMatchObject({ key: "cart.quantityTooHigh" });
    await caller.cart.add({ variantId: variant.id, quantity: 1 });
    const view = await caller.cart.get();
    expect(view.groups[0]!.lines).toHaveLength(1);
    expect(view.groups[0]!.lines[0]).toMatchObject({ quantity: 4, maxQuantity: 4 });
  });

  it("sets quantities, saves for later and back, removes and clears", async () => {
    const { vendor, variant } = await shopWithProduct(db, { stock: 3 });
    const other = (await createSellableProduct(db, vendor.id, [{ price: 100 }])).variants[0]!;
    const caller = browserCaller(db, cookieJar(), await createUser(db));
    const { lineId } = await caller.cart.add({ variantId: variant.id });
    const second = await caller.cart.add({ variantId: other.id });
    await caller.cart.setQuantity({ lineId, quantity: 3 });
    expect(await failure(caller.cart.setQuantity({ lineId, quantity: 4 }))).toMatchObject({ key: "cart.quantityTooHigh" });
    await caller.cart.saveForLater({ lineId: second.lineId, saved: true });
    let view = await caller.cart.get();
    expect(view.saved.map((l) => l.variantId)).toEqual([other.id]);
    expect(view.saved[0]!.purchasable).toBe(false);
    expect(view.totals).toEqual([{ amount: 7500, currency: "USD" }]);
    await caller.cart.clear();
    view = await caller.cart.get();
    expect(view.groups).toEqual([]);
    expect(view.saved).toHaveLength(1);
    await caller.cart.saveForLater({ lineId: second.lineId, saved: false });
    expect((await caller.cart.get()).groups[0]!.lines[0]!.variantId).toBe(other.id);
    await caller.cart.remove({ lineId: second.lineId });
    expect((await caller.cart.get()).itemCount).toBe(0);
  });
});

describe("tampering is refused and changes nothing", () => {
  it("refuses zero, negative, fractional and huge quantities with the cart's key", async () => {
    const { variant } = await shopWithProduct(db);
    const caller = browserCaller(db, cookieJar(), await createUser(db));
    for (const quantity of [0, -3, 1.5, 100, 1e9, Number.NaN]) {
      const result = await failure(caller.cart.add({ variantId: variant.id, quantity }));
      expect(result.code).toBe("BAD_REQUEST");
      expect(result.fields.quantity).toBe("cart.invalidQuantity");
    }
    const { lineId } = await caller.cart.add({ variantId: variant.id });
    expect((await failure(caller.cart.setQuantity({ lineId, quantity: -1 }))).fields.quantity).toBe("cart.invalidQuantity");
    expect(await db.cartItem.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ quantity: 1 });
  });

  it("refuses unknown variants, banned or draft products, inactive variants, suspended and paused shops", async () => {
    const user = await createUser(db);
    const caller = browserCaller(db, cookieJar(), user);
    const banned = await shopWithProduct(db);
    await db.product.update({ where: { id: banned.product.id }, data: { moderation: "BANNED" } });
    const draft = await shopWithProduct(db);
    await db.product.update({ where: { id: draft.product.id }, data: { status: "DRAFT" } });
    const inactive = await shopWithProduct(db);
    await db.productVariant.update({ where: { id: inactive.variant.id }, data: { active: false } });
    const suspended = await shopWithProduct(db);
    await db.vendor.update({ where: { id: suspended.vendor.id }, data: { status: "SUSPENDED" } });
    const paused = await shopWithProduct(db);
    await db.vendor.update({ where: { id: paused.vendor.id }, data: { acceptingOrders: false } });
    const soldOut = await shopWithProduct(db, { stock: 0 });

    for (const variantId of ["no-such-variant", banned.variant.id, draft.variant.id, inactive.variant.id, suspended.variant.id]) {
      expect(await failure(caller.cart.add({ variantId }))).toMatchObject({ code: "NOT_FOUND", key: "cart.variantUnavailable" });
    }
    expect(await failure(caller.cart.add({ variantId: paused.variant.id }))).toMatchObject({ code: "BAD_REQUEST", key: "cart.shopPaused" });
    expect(await failure(caller.cart.add({ variantId: soldOut.variant.id }))).toMatchObject({ code: "BAD_REQUEST", key: "cart.outOfStock" });
    expect(await db.cartItem.count({ where: { cart: { userId: user.id } } })).toBe(0);
  });

  it("another shopper's line id is NOT_FOUND for every line operation", async () => {
    const { variant } = await shopWithProduct(db);
    const victim = browserCaller(db, cookieJar(), await createUser(db));
    const { lineId } = await victim.cart.add({ variantId: variant.id, quantity: 2 });
    const attackers = [browserCaller(db, cookieJar(), await createUser(db)), browserCaller(db, cookieJar())];
    for (const attacker of attackers) {
      await attacker.cart.add({ variantId: variant.id }); // has a cart of its own
      for (const attempt of [
        () => attacker.cart.setQuantity({ lineId, quantity: 5 }),
        () => attacker.cart.remove({ lineId }),
        () => attacker.cart.saveForLater({ lineId, saved: true }),
      ]) {
        expect(await failure(attempt())).toMatchObject({ code: "NOT_FOUND", key: "cart.lineNotFound" });
      }
    }
    expect(await db.cartItem.findUniqueOrThrow({ where: { id: lineId } })).toMatchObject({ quantity: 2, savedForLater: false });
  });
});

describe("every read re-checks the lines", () => {
  it("reports a moved price once, then remembers the shopper has seen it", async () => {
    const { variant } = await shopWithProduct(db, { price: 2000 });
    const caller = browserCaller(db, cookieJar(), await createUser(db));
    await caller.cart.add({ variantId: variant.id, quantity: 2 });
    await db.productVariant.update({ where: { id: variant.id }, data: { price: 2300 } });
    const view = await caller.cart.get();
    expect(view.groups[0]!.lines[0]).toMatchObject({ unitPrice: 2300, lineTotal: 4600, notices: [{ kind: "priceChanged", from: 2000, to: 2300 }] });
    expect(view.noticeCount).toBe(1);
    expect((await caller.cart.get()).groups[0]!.lines[0]!.notices).toEqual([]);
  });

  it("marks sold-out lines and lowers quantities above what is left (and above maxPerOrder)", async () => {
    const shop = await createShop(db);
    const { variants, warehouse } = await createSellableProduct(db, shop.vendor.id, [{ stock: 10 }, { stock: 10 }, { stock: 10 }]);
    const caller = browserCaller(db, cookieJar(), await createUser(db));
    for (const v of variants) await caller.cart.add({ variantId: v.id, quantity: 6 });
    await db.stockLevel.update({ where: { variantId_warehouseId: { variantId: variants[0]!.id, warehouseId: warehouse.id } }, data: { onHand: 0 } });
    await db.stockLevel.update({ where: { variantId_warehouseId: { variantId: variants[1]!.id, warehouseId: warehouse.id } }, data: { reserved: 7 } });
    await db.inventoryItem.create({ data: { variantId: variants[2]!.id, vendorId: shop.vendor.id, maxPerOrder: 2 } });
    const view = await caller.cart.get();
    const [soldOut, fewLeft, limited] = view.groups[0]!.lines;
    expect(soldOut).toMatchObject({ purchasable: false, quantity: 6, notices: [{ kind: "outOfStock" }] });
    expect(fewLeft).toMatchObject({ purchasable: true, quantity: 3, notices: [{ kind: "quantityReduced", to: 3 }] });
    expect(limited).toMatchObject({ purchasable: true, quantity: 2, notices: [{ kind: "quantityReduced", to: 2 }] });
    expect(view.totals).toEqual([{ amount: 2500 * 5, currency: "USD" }]);
    expect(view.itemCount).toBe(11);
  });

  it("says when a shop paused orders, and when a product went away", async () => {
    const paused = await shopWithProduct(db);
    const banned = await shopWithProduct(db);
    const suspended = await shopWithProduct(db);
    const archived = await shopWithProduct(db);
    const caller = browserCaller(db, cookieJar(), await createUser(db));
    for (const s of [paused, banned, suspended, archived]) await caller.cart.add({ variantId: s.variant.id });
    await db.vendor.update({ where: { id: paused.vendor.id }, data: { acceptingOrders: false } });
    await db.product.update({ where: { id: banned.product.id }, data: { moderation: "BANNED" } });
    await db.vendor.update({ where: { id: suspended.vendor.id }, data: { status: "SUSPENDED" } });
    await db.product.update({ where: { id: archived.product.id }, data: { status: "ARCHIVED" } });
    const view = await caller.cart.get();
    const notices = Object.fromEntries(view.groups.map((g) => [g.vendor.id, g.lines[0]!.notices.map((n) => n.kind)]));
    expect(notices).toEqual({
      [paused.vendor.id]: ["shopPaused"], [banned.vendor.id]: ["unavailable"], [suspended.vendor.id]: ["unavailable"], [archived.vendor.id]: ["unavailable"],
    });
    expect(view.totals).toEqual([]);
    expect(view.groups.every((g) => g.subtotals.length === 0)).toBe(true);
  });
});

describe("merging a guest cart on sign-in", () => {
  it("sums quantities capped by stock and maxPerOrder, deletes the guest cart and clears the cookie", async () => {
    const shop = await createShop(db);
    const { variants } = await createSellableProduct(db, shop.vendor.id, [{ stock: 5 }, { stock: 50, maxPerOrder: 3 }, { stock: 9 }, { stock: 9 }]);
    const [few, limited, onlyGuest, onlyAccount] = variants;
    const user = await createUser(db);
    // The account cart, filled on another device.
    const phone = browserCaller(db, cookieJar(), user);
    await phone.cart.add({ variantId: few!.id, quantity: 3 });
    await phone.cart.add({ variantId: limited!.id, quantity: 2 });
    await phone.cart.add({ variantId: onlyAccount!.id, quantity: 1 });
    // A guest on the laptop.
    const jar = cookieJar();
    const guest = browserCaller(db, jar);
    await guest.cart.add({ variantId: few!.id, quantity: 4 });
    await guest.cart.add({ variantId: limited!.id, quantity: 3 });
    await guest.cart.add({ variantId: onlyGuest!.id, quantity: 2 });
    const guestHash = hashCartToken(jar.token!);

    // The same browser signs in: its next request merges.
    const view = await browserCaller(db, jar, user).cart.get();
    expect(jar.token).toBeNull();
    expect(jar.writes.at(-1)).toBeNull();
    const quantities = Object.fromEntries(view.groups[0]!.lines.map((l) => [l.variantId, l.quantity]));
    expect(quantities).toEqual({ [few!.id]: 5, [limited!.id]: 3, [onlyAccount!.id]: 1, [onlyGuest!.id]: 2 });
    expect(await db.cart.findUnique({ where: { guestToken: guestHash } })).toBeNull();
    expect(await db.cart.count({ where: { userId: user.id } })).toBe(1);
  });

  it("is idempotent: merging twice (or concurrently) adds the guest's lines once", async () => {
    const { variant } = await shopWithProduct(db, { stock: 100 });
    const user = await createUser(db);
    const jar = cookieJar();
    await browserCaller(db, jar).cart.add({ variantId: variant.id, quantity: 2 });
    const hash = hashCartToken(jar.token!);
    const results = await Promise.all([1, 2, 3].map(() => db.$transaction((tx) => mergeGuestCart(tx, user.id, hash))));
    expect(results.map((r) => r.merged).sort()).toEqual([0, 0, 1]);
    expect(await db.$transaction((tx) => mergeGuestCart(tx, user.id, hash))).toEqual({ merged: 0 });
    expect(await lines({ userId: user.id })).toEqual([{ variantId: variant.id, quantity: 2, savedForLater: false }]);
  });
});

describe("concurrency", () => {
  it("concurrent adds of the same variant make one line with the summed quantity", async () => {
    const { variant } = await shopWithProduct(db, { stock: 50 });
    const user = await createUser(db);
    await Promise.all(Array.from({ length: 8 }, () => browserCaller(db, cookieJar(), user).cart.add({ variantId: variant.id, quantity: 2 })));
    expect(await db.cart.count({ where: { userId: user.id } })).toBe(1);
    expect(await lines({ userId: user.id })).toEqual([{ variantId: variant.id, quantity: 16, savedForLater: false }]);
  });

  it("concurrent adds never push a line past the stock", async () => {
    const { variant } = await shopWithProduct(db, { stock: 5 });
    const user = await createUser(db);
    const results = await Promise.allSettled(Array.from({ length: 6 }, () => browserCaller(db, cookieJar(), user).cart.add({ variantId: variant.id, quantity: 2 })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(2);
    expect(await lines({ userId: user.id })).toEqual([{ variantId: variant.id, quantity: 4, savedForLater: false }]);
  });
});

describe("what checkout uses", () => {
  it("getCartForCheckout returns purchasable lines by shop at current prices, writes nothing; clearPurchasedLines removes bought ones", async () => {
    const a = await shopWithProduct(db, { price: 1000, stock: 2 }, "A");
    const b = await shopWithProduct(db, { price: 500 }, "B");
    const paused = await shopWithProduct(db);
    const user = await createUser(db);
    const caller = browserCaller(db, cookieJar(), user);
    await caller.cart.add({ variantId: a.variant.id, quantity: 2 });
    await caller.cart.add({ variantId: b.variant.id, quantity: 1 });
    await caller.cart.add({ variantId: paused.variant.id });
    await db.productVariant.update({ where: { id: a.variant.id }, data: { price: 1100 } });
    await db.vendor.update({ where: { id: paused.vendor.id }, data: { acceptingOrders: false } });
    const checkout = await db.$transaction((tx) => getCartForCheckout(tx, user.id));
    expect(checkout.groups.map((g) => [g.vendor.id, g.lines.map((l) => [l.variantId, l.unitPrice, l.priceSeen, l.quantity, l.lineTotal]), g.subtotals])).toEqual([
      [a.vendor.id, [[a.variant.id, 1100, 1000, 2, 2200]], [{ amount: 2200, currency: "USD" }]],
      [b.vendor.id, [[b.variant.id, 500, 500, 1, 500]], [{ amount: 500, currency: "USD" }]],
    ]);
    expect(checkout.excluded).toMatchObject([{ variantId: paused.variant.id, notices: [{ kind: "shopPaused" }] }]);
    expect((await db.cartItem.findFirstOrThrow({ where: { variantId: a.variant.id } })).priceSeen).toBe(1000);
    expect(await db.$transaction((tx) => clearPurchasedLines(tx, user.id, [a.variant.id, b.variant.id]))).toBe(2);
    expect((await lines({ userId: user.id })).map((l) => l.variantId)).toEqual([paused.variant.id]);
  });
});

describe("availability for the product page", () => {
  it("tells anyone how many units of each variant may be added now", async () => {
    const shop = await createShop(db);
    const { variants } = await createSellableProduct(db, shop.vendor.id, [{ stock: 0 }, { stock: 7, maxPerOrder: 3 }, { stock: 500 }]);
    const result = await browserCaller(db, cookieJar()).cart.availability({ variantIds: variants.map((v) => v.id) });
    expect(result).toEqual({
      [variants[0]!.id]: { max: 0, maxPerOrder: null },
      [variants[1]!.id]: { max: 3, maxPerOrder: 3 },
      [variants[2]!.id]: { max: 99, maxPerOrder: null },
    });
  });
});
