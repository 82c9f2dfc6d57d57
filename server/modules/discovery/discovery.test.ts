import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/server/db";
import { createUser, meta, type TestUser } from "@/test/factories";
import { createCaller } from "@/server/trpc/router";
import { shopWithProduct } from "../cart/cart.test-helpers";
import type { VisitorCookie } from "./discovery.cookie";
import { hashVisitorToken } from "./discovery.cookie";
import { pruneProductViews, recentlyViewed, recordView, trending } from "./discovery.service";
import { VIEW_RETENTION_DAYS } from "./discovery.schema";

const unique = () => crypto.randomBytes(4).toString("hex");

/** A cookie jar for one browser's visitor cookie. */
function jar(token: string | null = null): VisitorCookie & { writes: (string | null)[] } {
  const j = { token, writes: [] as (string | null)[], set(value: string | null) { j.token = value; j.writes.push(value); } };
  return j;
}

function browser(cookie: VisitorCookie, user: Pick<TestUser, "id" | "email" | "name"> | null = null) {
  return createCaller({
    db: db as never, meta: meta({ locale: "en", ip: `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` }), visitorCookie: cookie,
    session: user ? { sessionId: `s-${user.id}`, user: { id: user.id, email: user.email, name: user.name, locale: "en", twoFactor: false } } : null,
  });
}

async function sell(productId: string, quantity: number, status: "PAID" | "CANCELLED" | "PENDING_PAYMENT", createdAt: Date) {
  const product = await db.product.findUniqueOrThrow({ where: { id: productId } });
  const user = await createUser(db);
  const key = unique();
  const order = await db.order.create({
    data: {
      number: `BZ-D${key}`, userId: user.id, currency: "USD", subtotal: 1000, shippingTotal: 0, total: 1000, paymentMethod: "cod", status,
      shippingAddress: { line1: "1 Test Street", country: "GB" }, idempotencyKey: key, requestHash: "h", createdAt,
    },
  });
  await db.subOrder.create({
    data: {
      orderId: order.id, vendorId: product.vendorId, number: `BZ-D${key}-1`, status, subtotal: 1000, shippingTotal: 0, total: 1000,
      shippingMethod: {}, createdAt,
      lines: { create: { productId, title: product.title, sku: "S", unitPrice: 1000, quantity, lineTotal: 1000 * quantity } },
    },
  });
}

describe("recording views", () => {
  it("keeps one row per viewer, product and hour; a repeat moves the view's time", async () => {
    const { product } = await shopWithProduct(db);
    const viewer = { userId: (await createUser(db)).id };
    const t0 = new Date("2031-03-01T10:05:00Z");
    expect(await recordView(db, viewer, product.id, t0)).toBe(true);
    expect(await recordView(db, viewer, product.id, new Date("2031-03-01T10:40:00Z"))).toBe(true);
    let rows = await db.productView.findMany({ where: { productId: product.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.viewedAt.toISOString()).toBe("2031-03-01T10:40:00.000Z");
    // Next hour: a new bucket. Another viewer: its own row.
    await recordView(db, viewer, product.id, new Date("2031-03-01T11:01:00Z"));
    await recordView(db, { visitorHash: "x".repeat(64) }, product.id, t0);
    rows = await db.productView.findMany({ where: { productId: product.id } });
    expect(rows).toHaveLength(3);
  });

  it("ignores products shoppers cannot see", async () => {
    const banned = await shopWithProduct(db);
    await db.product.update({ where: { id: banned.product.id }, data: { moderation: "BANNED" } });
    const viewer = { userId: (await createUser(db)).id };
    expect(await recordView(db, viewer, banned.product.id)).toBe(false);
    expect(await recordView(db, viewer, "no-such-product")).toBe(false);
    expect(await db.productView.count({ where: { viewer: `u:${viewer.userId}` } })).toBe(0);
  });
});

describe("pruning", () => {
  it("deletes views past the retention in batches and keeps newer ones", async () => {
    const { product } = await shopWithProduct(db);
    const now = new Date();
    const old = new Date(now.getTime() - (VIEW_RETENTION_DAYS + 1) * 86_400_000);
    const viewers = Array.from({ length: 5 }, () => ({ visitorHash: unique() }));
    for (const viewer of viewers) await recordView(db, viewer, product.id, old);
    await recordView(db, viewers[0]!, product.id, now);
    expect(await pruneProductViews(db, now, 2)).toBeGreaterThanOrEqual(5);
    expect(await db.productView.count({ where: { productId: product.id } })).toBe(1);
    expect(await db.productView.count({ where: { productId: product.id, hour: { lt: new Date(now.getTime() - VIEW_RETENTION_DAYS * 86_400_000) } } })).toBe(0);
  });
});

describe("recently viewed", () => {
  it("gives a guest a visitor cookie, lists its distinct products newest first, and keeps guests apart", async () => {
    const a = await shopWithProduct(db, {}, "Shop A");
    const b = await shopWithProduct(db, {}, "Shop B");
    const cookie = jar();
    const guest = browser(cookie);
    expect(await guest.discovery.recentlyViewed()).toEqual([]);
    expect(cookie.writes).toEqual([]); // reading sets no cookie
    await guest.discovery.recordView({ productId: a.product.id });
    expect(cookie.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await new Promise((r) => setTimeout(r, 5));
    await guest.discovery.recordView({ productId: b.product.id });
    await new Promise((r) => setTimeout(r, 5));
    await guest.discovery.recordView({ productId: a.product.id });
    expect(cookie.writes).toHaveLength(1);
    const list = await guest.discovery.recentlyViewed();
    expect(list.map((c) => c.id)).toEqual([a.product.id, b.product.id]);
    expect(list[0]).toMatchObject({ slug: a.product.slug, minPrice: 2500, currency: "USD", vendor: { name: "Shop A" } });
    // Another browser sees nothing of it.
    expect(await browser(jar()).discovery.recentlyViewed()).toEqual([]);
  });

  it("moves a guest's views to the account at sign-in, then clears the visitor cookie", async () => {
    const a = await shopWithProduct(db);
    const b = await shopWithProduct(db);
    const user = await createUser(db);
    const signedIn = browser(jar(), user);
    await signedIn.discovery.recordView({ productId: b.product.id });
    const cookie = jar();
    await browser(cookie).discovery.recordView({ productId: a.product.id });
    const token = cookie.token!;
    // Same browser, now signed in: the guest views join the account's.
    const list = await browser(cookie, user).discovery.recentlyViewed();
    expect(list.map((c) => c.id)).toEqual([a.product.id, b.product.id]);
    expect(cookie.token).toBeNull();
    expect(await db.productView.count({ where: { viewer: `g:${hashVisitorToken(token)}` } })).toBe(0);
    // A repeat changes nothing; the account's list is the same on another device.
    expect((await browser(jar(), user).discovery.recentlyViewed()).map((c) => c.id)).toEqual([a.product.id, b.product.id]);
  });

  it("hides products that are no longer visible and keeps at most 12", async () => {
    const user = await createUser(db);
    const viewer = { userId: user.id };
    const products = [];
    for (let i = 0; i < 14; i++) {
      const { product } = await shopWithProduct(db);
      await recordView(db, viewer, product.id, new Date(Date.UTC(2031, 4, 1, 10, i)));
      products.push(product);
    }
    await db.product.update({ where: { id: products[13]!.id }, data: { status: "ARCHIVED" } });
    const list = await recentlyViewed(db, viewer, "en");
    expect(list).toHaveLength(12);
    expect(list.map((c) => c.id)).toEqual(products.slice(1, 13).reverse().map((p) => p.id));
  });
});

describe("trending", () => {
  it("orders by views plus weighted paid sales over the last 7 days; old, unpaid and invisible ones do not count", async () => {
    const now = new Date("2032-06-15T12:00:00Z");
    const day = 86_400_000;
    const viewed = await shopWithProduct(db); // 3 views = 3
    const sold = await shopWithProduct(db); // 1 view + 1 unit paid (×5) = 6
    const quiet = await shopWithProduct(db); // 1 view; its cancelled, unpaid and old sales do not count = 1
    const hidden = await shopWithProduct(db); // many views, but its shop is suspended
    for (let i = 0; i < 3; i++) await recordView(db, { userId: (await createUser(db)).id }, viewed.product.id, new Date(now.getTime() - day));
    await recordView(db, { visitorHash: "a".repeat(64) }, sold.product.id, new Date(now.getTime() - 2 * day));
    await sell(sold.product.id, 1, "PAID", new Date(now.getTime() - 3 * day));
    await recordView(db, { visitorHash: "b".repeat(64) }, quiet.product.id, new Date(now.getTime() - 2 * day));
    await sell(quiet.product.id, 3, "CANCELLED", new Date(now.getTime() - day));
    await sell(quiet.product.id, 3, "PENDING_PAYMENT", new Date(now.getTime() - day));
    await sell(quiet.product.id, 9, "PAID", new Date(now.getTime() - 9 * day));
    // Views older than the window do not count either.
    for (let i = 0; i < 5; i++) await recordView(db, { userId: (await createUser(db)).id }, quiet.product.id, new Date(now.getTime() - 8 * day));
    for (let i = 0; i < 10; i++) await recordView(db, { userId: (await createUser(db)).id }, hidden.product.id, new Date(now.getTime() - day));
    await db.vendor.update({ where: { id: hidden.vendor.id }, data: { status: "SUSPENDED" } });

    const list = await trending(db, "en", 10, now);
    expect(list.map((c) => c.id)).toEqual([sold.product.id, viewed.product.id, quiet.product.id]);

    // More views overtake the sale.
    for (let i = 0; i < 4; i++) await recordView(db, { userId: (await createUser(db)).id }, viewed.product.id, new Date(now.getTime() - day));
    expect((await trending(db, "en", 2, now)).map((c) => c.id)).toEqual([viewed.product.id, sold.product.id]);
  });
});
