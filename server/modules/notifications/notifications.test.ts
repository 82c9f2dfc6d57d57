// Notifications against a real PostgreSQL: events → notifications once, preferences and
// mandatory channels, retries with backoff to the dead letter, the shipped journey (in-app +
// email in the shopper's language + realtime), Web Push and Twilio request shapes, bulk sends,
// and who may call what.
import crypto from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { userChannel, vendorChannel } from "@/lib/realtime/channels";
import { db } from "@/server/db";
import { publish } from "@/server/events";
import { deliver } from "@/server/events/registry";
import { subscriptions } from "@/server/events/subscriptions";
import { addToCart } from "@/server/modules/cart";
import { shopWithProduct } from "@/server/modules/cart/cart.test-helpers";
import { changePassword, signIn } from "@/server/modules/identity/identity.service";
import { publishRealtime } from "@/server/modules/realtime";
import { placeOrder, previewCheckout } from "@/server/workflows/checkout/checkout";
import { callerFor } from "@/test/catalog-factories";
import { actorFor, createStaffUser, createUser, meta } from "@/test/factories";
import { drainOutbox } from "@/test/outbox";
import { createCampaign, processCampaignBatch } from "./notifications.campaigns";
import { backoffMs, deliverDueNotifications, notify } from "./notifications.delivery";
import { pushRequestDetails, twilioSmsProvider, devSmsLog, PermanentDeliveryError, type ChannelProvider, type DeliveryRow } from "./providers";
import { deriveVapidKeys, vapidKeys } from "./providers/vapid";
import { DELIVERY_MAX_ATTEMPTS } from "./notifications.types";

const published = vi.hoisted(() => [] as { channel: string | string[]; event: string; data: unknown }[]);
vi.mock("@/server/modules/realtime", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/server/modules/realtime")>()),
  publishRealtime: vi.fn(async (channel: string | string[], event: string, data: unknown) => {
    published.push({ channel, event, data });
    return true;
  }),
}));

beforeEach(() => {
  published.length = 0;
});

const servers: http.Server[] = [];
afterAll(async () => {
  for (const s of servers) await new Promise((resolve) => s.close(resolve));
});

/** An HTTP server that records requests and answers `status`. */
async function recordingServer(status: number | (() => number), answer: unknown = {}) {
  const requests: { method: string; url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      requests.push({ method: req.method!, url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(typeof status === "function" ? status() : status, { "content-type": "application/json" });
      res.end(JSON.stringify(answer));
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests };
}

/** A browser-like push subscription: a P-256 key pair and a 16-byte auth secret. */
function browserKeys() {
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  return { p256dh: ecdh.getPublicKey().toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") };
}

/** Two shops; a shopper (in `locale`) bought from both, pay on delivery (PAID at once). */
async function paidOrder(locale = "en", phone = "") {
  const shops = [await shopWithProduct(db, { price: 1000, stock: 10 }), await shopWithProduct(db, { price: 2000, stock: 10 })];
  for (const s of shops) await db.shippingRule.create({ data: { vendorId: s.vendor.id, name: "Standard", price: 500, currency: "USD", minDays: 1, maxDays: 3 } });
  const buyer = await createUser(db, { locale, name: "Camille" });
  const address = await db.address.create({ data: { userId: buyer.id, fullName: "Camille B", line1: "2 rue Haute", city: "Lyon", postalCode: "69001", countryCode: "FR", phone } });
  for (const s of shops) await addToCart(db, { userId: buyer.id }, { variantId: s.variant.id, quantity: 1 });
  const { cartHash } = await previewCheckout(db, buyer.id, {});
  const { orderId } = await placeOrder(db, actorFor(buyer, `s-${buyer.id}`), { idempotencyKey: crypto.randomBytes(12).toString("hex"), cartHash, addressId: address.id, paymentMethod: "pay_on_delivery" });
  const subs = await db.subOrder.findMany({ where: { orderId }, orderBy: { number: "asc" } });
  const subOf = (vendorId: string) => subs.find((s) => s.vendorId === vendorId)!;
  return { shops, buyer, orderId, subA: subOf(shops[0]!.vendor.id) };
}

async function ship(order: Awaited<ReturnType<typeof paidOrder>>) {
  const shop = order.shops[0]!;
  const seller = callerFor(db, shop.owner);
  await seller.orders.acceptSubOrder({ vendorId: shop.vendor.id, subOrderId: order.subA.id });
  await seller.orders.markShipped({ vendorId: shop.vendor.id, subOrderId: order.subA.id, carrier: "DHL", trackingNumber: "JD0142" });
}

const errorOf = (p: Promise<unknown>) => p.then(() => null, (e: { code?: string; data?: { messageKey?: string }; cause?: { messageKey?: string } }) => ({ code: e.code, key: e.cause?.messageKey ?? e.data?.messageKey }));

describe("notifications from events", () => {
  it("a seller shipping a part gives the shopper an in-app notification and an email in their language, live on their channel", async () => {
    const order = await paidOrder("fr");
    await drainOutbox();
    published.length = 0;
    await ship(order);
    await drainOutbox();

    const n = await db.notification.findFirstOrThrow({ where: { userId: order.buyer.id, type: "order.shipped" } });
    expect(n.title).toBe(`Votre commande ${order.subA.number} a été expédiée`);
    expect(n.body).toContain("DHL");
    expect(n.link).toBe(`/account/orders/${order.orderId}`);
    const deliveries = await db.notificationDelivery.findMany({ where: { userId: order.buyer.id, type: "order.shipped" }, orderBy: { channel: "asc" } });
    expect(deliveries.map((d) => [d.channel, d.status])).toEqual([["EMAIL", "SENT"], ["IN_APP", "SENT"]]);

    const mail = await db.mailMessage.findFirstOrThrow({ where: { to: order.buyer.email.toLowerCase(), template: "notification", subject: n.title } });
    expect(mail.locale).toBe("fr");
    expect(mail.html).toContain('lang="fr"');
    expect(mail.text).toContain(`/fr/account/orders/${order.orderId}`);

    const mine = published.filter((p) => (Array.isArray(p.channel) ? p.channel : [p.channel]).includes(userChannel(order.buyer.id)));
    expect(mine.map((p) => p.event)).toEqual(expect.arrayContaining(["order.updated", "notification.created"]));
    const created = mine.find((p) => p.event === "notification.created" && (p.data as { notification: { id: string } }).notification.id === n.id);
    expect(created?.data).toMatchObject({ notification: { title: n.title, type: "order.shipped" }, unread: expect.any(Number) });
    const updated = mine.find((p) => p.event === "order.updated" && (p.data as { status: string }).status === "SHIPPED");
    expect(updated?.data).toEqual({ orderId: order.orderId, subOrderId: order.subA.id, status: "SHIPPED" });
    expect(updated?.channel).toEqual([userChannel(order.buyer.id), vendorChannel(order.shops[0]!.vendor.id)]);

    // The sellers with orders.fulfil heard about the paid part; the placed order mailed the shopper.
    expect(await db.notification.count({ where: { userId: order.shops[0]!.owner.id, type: "seller.newOrder" } })).toBe(1);
    expect(await db.notificationDelivery.count({ where: { userId: order.buyer.id, type: "order.placed", channel: "EMAIL", status: "SENT" } })).toBe(1);
  });

  it("notifies once even when the outbox delivers an event twice", async () => {
    const order = await paidOrder();
    await ship(order);
    await drainOutbox();
    const event = await db.outboxEvent.findFirstOrThrow({ where: { type: "order.subOrderStatusChanged", aggregateId: order.orderId, payload: { path: ["to"], equals: "SHIPPED" } } });
    const count = () => db.notificationDelivery.count({ where: { sourceKey: `event:${event.id}` } });
    const before = await count();
    expect(before).toBe(2);
    // A second delivery of the job: ProcessedEvent stops it.
    expect(await deliver(db, subscriptions, "notifications-sub-order-status", event.id)).toBe("duplicate");
    // Even with ProcessedEvent gone (a replayed outbox), the unique keys keep one of each.
    await db.processedEvent.deleteMany({ where: { handler: "notifications-sub-order-status", eventId: event.id } });
    expect(await deliver(db, subscriptions, "notifications-sub-order-status", event.id)).toBe("handled");
    expect(await count()).toBe(before);
    expect(await db.notification.count({ where: { userId: order.buyer.id, type: "order.shipped" } })).toBe(1);
  });

  it("sends nothing on an opted-out channel, while a mandatory channel still sends", async () => {
    const order = await paidOrder();
    const shopper = callerFor(db, order.buyer);
    await shopper.notifications.setPreference({ type: "order.shipped", channel: "EMAIL", enabled: false });
    expect(await errorOf(shopper.notifications.setPreference({ type: "order.placed", channel: "EMAIL", enabled: false }))).toEqual({ code: "BAD_REQUEST", key: "notifications.mandatory" });
    expect(await errorOf(shopper.notifications.setPreference({ type: "order.shipped", channel: "SMS", enabled: true }))).toBeNull();
    expect(await errorOf(shopper.notifications.setPreference({ type: "order.paid", channel: "SMS", enabled: true }))).toEqual({ code: "BAD_REQUEST", key: "notifications.channelNotAllowed" });
    // Even a stored "off" for a mandatory channel (say, from before it became mandatory) is ignored.
    await db.notificationPreference.create({ data: { userId: order.buyer.id, type: "order.placed", channel: "EMAIL", enabled: false } });
    await db.notificationPreference.create({ data: { userId: order.buyer.id, type: "order.placed", channel: "IN_APP", enabled: false } });

    await ship(order);
    await drainOutbox();
    const shipped = await db.notificationDelivery.findMany({ where: { userId: order.buyer.id, type: "order.shipped" } });
    expect(shipped.map((d) => d.channel)).toEqual(["IN_APP"]); // SMS on, but the address has no phone
    const placed = await db.notificationDelivery.findMany({ where: { userId: order.buyer.id, type: "order.placed" } });
    expect(placed.map((d) => [d.channel, d.status])).toEqual([["EMAIL", "SENT"]]);
    expect(await db.notification.count({ where: { userId: order.buyer.id, type: "order.placed" } })).toBe(0);

    const prefs = await shopper.notifications.getPreferences();
    const row = prefs.types.find((t) => t.type === "order.placed")!;
    expect(row.channels.find((c) => c.channel === "EMAIL")).toEqual({ channel: "EMAIL", enabled: true, mandatory: true });
    expect(prefs.types.some((t) => t.type === "seller.newOrder")).toBe(false);
  });

  it("texts the phone of the order's address when SMS is switched on (dev SMS log)", async () => {
    const order = await paidOrder("es", "+34 600 111 222");
    await callerFor(db, order.buyer).notifications.setPreference({ type: "order.shipped", channel: "SMS", enabled: true });
    await ship(order);
    await drainOutbox();
    const sms = await db.smsMessage.findFirstOrThrow({ where: { to: "+34 600 111 222" } });
    expect(sms.body).toContain(`Tu pedido ${order.subA.number} ha sido enviado`);
  });

  it("turns cancellations, payment failures, refunds and low stock into notifications for the right people", async () => {
    const order = await paidOrder("es");
    const shop = order.shops[0]!;
    const packer = await createUser(db);
    const stocker = await createUser(db);
    await db.vendorMembership.create({ data: { userId: packer.id, vendorId: shop.vendor.id, role: "STAFF", permissions: ["orders.fulfil"] } });
    await db.vendorMembership.create({ data: { userId: stocker.id, vendorId: shop.vendor.id, role: "STAFF", permissions: ["inventory.write"] } });
    await drainOutbox();
    const { orderId } = order;
    const lastBefore = (await db.outboxEvent.findFirstOrThrow({ orderBy: { id: "desc" } })).id;
    await db.$transaction(async (tx) => {
      await publish(tx, { type: "order.cancelled", aggregateType: "order", aggregateId: orderId, payload: { orderId, reason: "payment window expired" } });
      await publish(tx, { type: "payment.failed", aggregateType: "payment", aggregateId: "p1", payload: { paymentId: "p1", orderId, code: "card_declined" } });
      await publish(tx, { type: "payment.refunded", aggregateType: "payment", aggregateId: "p1", payload: { paymentId: "p1", refundId: "r1", orderId, subOrderId: null, amount: 1250, currency: "USD" } });
      await publish(tx, { type: "inventory.lowStock", aggregateType: "variant", aggregateId: shop.variant.id, payload: { vendorId: shop.vendor.id, variantId: shop.variant.id, available: 2, threshold: 5 } });
    });
    // Only the notification handlers (the ledger would refuse a refund of a made-up payment).
    const made = await db.outboxEvent.findMany({ where: { id: { gt: lastBefore } }, orderBy: { id: "asc" } });
    expect(made).toHaveLength(4);
    for (const event of made) {
      for (const s of subscriptions.of(event.type).filter((h) => h.name.startsWith("notifications-"))) await deliver(db, subscriptions, s.name, event.id);
    }
    // Made-up events must not reach the other handlers of later tests.
    await db.processedEvent.deleteMany({ where: { eventId: { in: made.map((e) => e.id) } } });
    await db.outboxEvent.deleteMany({ where: { id: { in: made.map((e) => e.id) } } });
    const titles = async (userId: string) => (await db.notification.findMany({ where: { userId }, orderBy: { createdAt: "asc" } })).map((n) => [n.type, n.title]);
    const buyerTitles = await titles(order.buyer.id);
    const number = (await db.order.findUniqueOrThrow({ where: { id: orderId } })).number;
    expect(buyerTitles).toEqual(expect.arrayContaining([
      ["order.cancelled", `Pedido ${number} cancelado`],
      ["payment.failed", `El pago del pedido ${number} falló`],
      ["payment.refunded", `Reembolso del pedido ${number}`],
    ]));
    const refund = await db.notification.findFirstOrThrow({ where: { userId: order.buyer.id, type: "payment.refunded" } });
    expect(refund.body).toMatch(/12,50\s?US\$/);
    // Fulfilment staff hear about new orders, not stock; inventory staff the reverse; the owner both.
    expect((await titles(packer.id)).map(([t]) => t)).toEqual(["seller.newOrder"]);
    expect((await titles(stocker.id)).map(([t]) => t)).toEqual(["inventory.lowStock"]);
    expect((await titles(shop.owner.id)).map(([t]) => t).sort()).toEqual(["inventory.lowStock", "seller.newOrder"]);
    expect((await db.notification.findFirstOrThrow({ where: { userId: stocker.id } })).title).toBe(`Low stock: ${shop.product.title}`);
  });

  it("announces a sign-in from a new browser (mail + in-app, in the user's language), not a repeated one", async () => {
    const user = await createUser(db, { locale: "fr" });
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0";
    await signIn(db, { email: user.email, password: user.password }, meta()); // first ever: nothing to compare with
    await signIn(db, { email: user.email, password: user.password }, meta()); // same Chrome
    expect(await db.outboxEvent.count({ where: { type: "identity.newSignIn", aggregateId: user.id } })).toBe(0);
    await signIn(db, { email: user.email, password: user.password }, meta({ userAgent: firefox }));
    await drainOutbox();
    const n = await db.notification.findFirstOrThrow({ where: { userId: user.id, type: "security.newSignIn" } });
    expect(n.title).toBe("Nouvelle connexion à votre compte");
    expect(n.body).toContain("Firefox 140 · Linux");
    expect(n.body).toMatch(/UTC/);
    expect(await db.mailMessage.count({ where: { to: user.email, template: "notification", subject: n.title } })).toBe(1);
  });

  it("tells a user in-app when their password changes", async () => {
    const user = await createUser(db);
    await changePassword(db, actorFor(user, `s-${user.id}`), { currentPassword: user.password, newPassword: "another-horse-77" });
    await drainOutbox();
    const n = await db.notification.findFirstOrThrow({ where: { userId: user.id, type: "security.passwordChanged" } });
    expect(n.title).toBe("Your password was changed");
    expect(await db.notificationDelivery.count({ where: { userId: user.id, type: "security.passwordChanged", channel: "IN_APP", status: "SENT" } })).toBe(1);
  });
});

describe("delivery", () => {
  it("retries a failing channel with exponential backoff and dead-letters it after the last attempt", async () => {
    const user = await createUser(db);
    const sourceKey = `test:${crypto.randomUUID()}`;
    await notify(db, { type: "order.placed", sourceKey, recipients: [{ userId: user.id }], vars: { number: "BZ-1", total: { minor: 100, currency: "USD" } }, link: null, channels: ["EMAIL"] });
    const calls: string[] = [];
    const failing: ChannelProvider = { name: "down", send: async (_db, d) => { calls.push(d.id); throw new Error("smtp down"); } };
    const row = () => db.notificationDelivery.findFirstOrThrow({ where: { sourceKey } });

    let now = new Date("2030-01-01T00:00:00Z");
    const waits: number[] = [];
    for (let attempt = 1; attempt <= DELIVERY_MAX_ATTEMPTS; attempt++) {
      const result = await deliverDueNotifications(db, now, { sourceKey, providers: { EMAIL: failing } });
      const d = await row();
      expect(d.attempts).toBe(attempt);
      expect(d.lastError).toBe("smtp down");
      if (attempt < DELIVERY_MAX_ATTEMPTS) {
        expect(result).toEqual({ sent: 0, failed: 1, dead: 0 });
        expect(d.status).toBe("FAILED");
        waits.push(d.nextAttemptAt.getTime() - now.getTime());
        // Not due yet: nothing is sent before the backoff passes.
        expect(await deliverDueNotifications(db, new Date(d.nextAttemptAt.getTime() - 1), { sourceKey, providers: { EMAIL: failing } })).toEqual({ sent: 0, failed: 0, dead: 0 });
        now = d.nextAttemptAt;
      } else {
        expect(result).toEqual({ sent: 0, failed: 0, dead: 1 });
        expect(d.status).toBe("DEAD");
      }
    }
    expect(waits).toEqual([1, 2, 3, 4, 5].map(backoffMs));
    expect(waits).toEqual([30_000, 60_000, 120_000, 240_000, 480_000]);
    expect(calls).toHaveLength(DELIVERY_MAX_ATTEMPTS);
    // Dead stays dead.
    expect(await deliverDueNotifications(db, new Date("2031-01-01"), { sourceKey, providers: { EMAIL: failing } })).toEqual({ sent: 0, failed: 0, dead: 0 });

    // Staff may put it back in the queue.
    const { user: ops } = await createStaffUser(db, ["notifications.manage"]);
    await callerFor(db, ops).notifications.retryDelivery({ deliveryId: (await row()).id });
    expect(await row()).toMatchObject({ status: "PENDING", attempts: 0 });
  });

  it("never sends a row twice when two runs overlap", async () => {
    const users = await Promise.all([1, 2, 3, 4, 5].map(() => createUser(db)));
    const sourceKey = `test:${crypto.randomUUID()}`;
    await notify(db, { type: "order.placed", sourceKey, recipients: users.map((u) => ({ userId: u.id })), vars: { number: "BZ-2", total: { minor: 100, currency: "USD" } }, link: null, channels: ["EMAIL"] });
    const sent: string[] = [];
    const slow: ChannelProvider = { name: "slow", send: async (_db, d) => { sent.push(d.id); await new Promise((r) => setTimeout(r, 20)); } };
    const results = await Promise.all([1, 2, 3].map(() => deliverDueNotifications(db, new Date(), { sourceKey, batchSize: 2, providers: { EMAIL: slow } })));
    expect(results.reduce((n, r) => n + r.sent, 0)).toBe(5);
    expect(new Set(sent).size).toBe(5);
    expect(sent).toHaveLength(5);
  });

  it("counts an in-app notification as delivered when the live ping cannot be published", async () => {
    const user = await createUser(db);
    const sourceKey = `test:${crypto.randomUUID()}`;
    await notify(db, { type: "order.paid", sourceKey, recipients: [{ userId: user.id }], vars: { number: "BZ-3", total: { minor: 100, currency: "USD" } }, link: null, channels: ["IN_APP"] });
    vi.mocked(publishRealtime).mockResolvedValueOnce(false);
    expect(await deliverDueNotifications(db, new Date(), { sourceKey })).toEqual({ sent: 1, failed: 0, dead: 0 });
    expect(await db.notificationDelivery.findFirstOrThrow({ where: { sourceKey } })).toMatchObject({ status: "SENT", attempts: 1 });
    expect(await db.notification.count({ where: { userId: user.id, sourceKey, readAt: null } })).toBe(1);
  });

  it("push: sends web-push's encrypted, VAPID-signed request and forgets gone subscriptions", async () => {
    const ok = await recordingServer(201);
    const gone = await recordingServer(410);
    const user = await createUser(db);
    const me = callerFor(db, user);
    const keys = browserKeys();
    await me.notifications.savePushSubscription({ endpoint: `${ok.url}/push/abc`, keys });
    await me.notifications.savePushSubscription({ endpoint: `${gone.url}/push/old`, keys: browserKeys() });
    const { publicKey } = await me.notifications.vapidPublicKey();
    expect(publicKey).toBe(vapidKeys().publicKey);

    const sourceKey = `test:${crypto.randomUUID()}`;
    await notify(db, { type: "order.shipped", sourceKey, recipients: [{ userId: user.id }], vars: { number: "BZ-3-1", shop: "Lamps", carrier: "DHL", tracking: "X1" }, link: "/account/orders/x", channels: ["PUSH"] });
    expect(await deliverDueNotifications(db, new Date(), { sourceKey })).toEqual({ sent: 1, failed: 0, dead: 0 });

    expect(ok.requests).toHaveLength(1);
    const req = ok.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe("/push/abc");
    expect(req.headers["content-encoding"]).toBe("aes128gcm");
    expect(req.headers["ttl"]).toBe("86400");
    expect(req.headers["urgency"]).toBe("normal");
    expect(req.headers.authorization).toMatch(new RegExp(`^vapid t=[\\w-]+\\.[\\w-]+\\.[\\w-]+, k=${publicKey}$`));
    const jwt = JSON.parse(Buffer.from(req.headers.authorization!.split("t=")[1]!.split(".")[1]!, "base64url").toString()) as { aud: string; sub: string };
    expect(jwt.aud).toBe(ok.url);
    expect(jwt.sub).toMatch(/^mailto:/);
    expect(req.body.length).toBeGreaterThan(86); // header (salt, record size, key) + ciphertext
    // The same shape web-push's generateRequestDetails documents.
    const details = pushRequestDetails({ endpoint: `${ok.url}/push/abc`, keys }, "{}");
    expect(Object.keys(details.headers).map((h) => h.toLowerCase()).sort()).toEqual(["authorization", "content-encoding", "content-length", "content-type", "ttl", "urgency"]);

    expect(gone.requests).toHaveLength(1);
    expect(await db.pushSubscription.count({ where: { userId: user.id } })).toBe(1);

    // A push service answering 500 is retried.
    const down = await recordingServer(500);
    await db.pushSubscription.updateMany({ where: { userId: user.id }, data: { endpoint: `${down.url}/push/abc` } });
    const retryKey = `test:${crypto.randomUUID()}`;
    await notify(db, { type: "order.shipped", sourceKey: retryKey, recipients: [{ userId: user.id }], vars: { number: "BZ-3-2", shop: "Lamps", carrier: "DHL", tracking: "X2" }, link: null, channels: ["PUSH"] });
    expect(await deliverDueNotifications(db, new Date(), { sourceKey: retryKey })).toEqual({ sent: 0, failed: 1, dead: 0 });
    expect((await db.notificationDelivery.findFirstOrThrow({ where: { sourceKey: retryKey } })).lastError).toContain("HTTP 500");
  });

  it("derives a stable, valid VAPID key pair from AUTH_SECRET when none is configured", () => {
    const a = deriveVapidKeys("a".repeat(40));
    expect(deriveVapidKeys("a".repeat(40))).toEqual(a);
    expect(deriveVapidKeys("b".repeat(40)).publicKey).not.toBe(a.publicKey);
    const ecdh = crypto.createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(a.privateKey, "base64url"));
    expect(ecdh.getPublicKey().toString("base64url")).toBe(a.publicKey);
    expect(Buffer.from(a.publicKey, "base64url")).toHaveLength(65);
    expect(Buffer.from(a.privateKey, "base64url")).toHaveLength(32);
  });

  it("SMS: posts Twilio's Messages API form with basic auth; 4xx dead-letters, 5xx retries", async () => {
    let status = 201;
    const twilio = await recordingServer(() => status, { sid: "SM1", status: "queued" });
    const sid = `AC${"a1".repeat(16)}`;
    const provider = twilioSmsProvider({ accountSid: sid, authToken: "tok3n", from: "+15550001111", apiUrl: twilio.url });
    const delivery = { id: "d1", destination: "+447700900123", subject: "Order BZ-9 shipped", body: "DHL, JD0142" } as DeliveryRow;
    await provider.send(db, delivery);
    const req = twilio.requests[0]!;
    expect(req.method).toBe("POST");
    expect(req.url).toBe(`/2010-04-01/Accounts/${sid}/Messages.json`);
    expect(req.headers.authorization).toBe(`Basic ${Buffer.from(`${sid}:tok3n`).toString("base64")}`);
    expect(req.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    expect(Object.fromEntries(new URLSearchParams(req.body.toString()))).toEqual({ To: "+447700900123", From: "+15550001111", Body: "Order BZ-9 shipped\nDHL, JD0142" });

    status = 400;
    await expect(provider.send(db, delivery)).rejects.toBeInstanceOf(PermanentDeliveryError);
    status = 503;
    await expect(provider.send(db, delivery)).rejects.not.toBeInstanceOf(PermanentDeliveryError);

    await devSmsLog.send(db, delivery);
    expect(await db.smsMessage.count({ where: { to: "+447700900123" } })).toBe(1);
  });
});

describe("bulk sends", () => {
  it("go to the segment in batches with progress, respecting preferences", async () => {
    const recipients = await Promise.all([1, 2, 3, 4].map(() => createUser(db, { locale: "ar" })));
    const optedOut = await createUser(db, { locale: "ar" });
    for (const channel of ["EMAIL", "IN_APP"] as const) await db.notificationPreference.create({ data: { userId: optedOut.id, type: "marketing", channel, enabled: false } });
    await createUser(db, { locale: "ar", verified: false }); // not a confirmed shopper
    const { user: ops } = await createStaffUser(db, ["notifications.manage"]);
    const admin = callerFor(db, ops);

    const input = {
      segment: { kind: "locale" as const, locale: "ar" as const }, channels: ["EMAIL" as const, "IN_APP" as const], link: "/c/lamps",
      content: { en: { title: "Winter sale", body: "20% off lamps" }, ar: { title: "تخفيضات الشتاء", body: "خصم 20٪ على المصابيح" } },
    };
    // The confirmation's figure: confirmed, active shoppers of the segment, before preferences.
    expect(await admin.notifications.segmentSize({ segment: input.segment })).toEqual({ count: 5 });
    // Batches of 2 by hand to watch the progress.
    const campaign = await db.$transaction((tx) => createCampaign(tx, actorFor(ops, `s-${ops.id}`), input));
    expect(campaign).toMatchObject({ total: 5, processed: 0, status: "QUEUED" });
    await db.$transaction((tx) => processCampaignBatch(tx, campaign.id, 2));
    expect(await admin.notifications.getCampaign({ campaignId: campaign.id })).toMatchObject({ processed: 2, status: "RUNNING", progress: 0.4 });
    await db.$transaction((tx) => processCampaignBatch(tx, campaign.id, 2));
    await db.$transaction((tx) => processCampaignBatch(tx, campaign.id, 2));
    await deliverDueNotifications(db, new Date(), { sourceKey: `campaign:${campaign.id}` });
    const done = await admin.notifications.getCampaign({ campaignId: campaign.id });
    expect(done).toMatchObject({ processed: 5, skipped: 1, queued: 8, status: "DONE", progress: 1, deliveries: { SENT: 8, PENDING: 0, FAILED: 0, DEAD: 0 } });
    expect(await db.notificationDelivery.count({ where: { sourceKey: `campaign:${campaign.id}`, userId: optedOut.id } })).toBe(0);
    const n = await db.notification.findFirstOrThrow({ where: { userId: recipients[0]!.id, sourceKey: `campaign:${campaign.id}` } });
    expect(n).toMatchObject({ title: "تخفيضات الشتاء", body: "خصم 20٪ على المصابيح", link: "/c/lamps" });

    // Through the procedure: the worker runs the batches from the outbox.
    const viaRouter = await admin.notifications.sendBulk(input);
    await drainOutbox();
    expect(await admin.notifications.getCampaign({ campaignId: viaRouter.id })).toMatchObject({ processed: 5, skipped: 1, queued: 8, status: "DONE" });
    expect(await db.auditLog.count({ where: { action: "notifications.sendBulk", resourceId: viaRouter.id } })).toBe(1);
  });
});

describe("procedures", () => {
  it("keep each person to their own notifications and staff tools to notifications.manage", async () => {
    const alice = await createUser(db);
    const bob = await createUser(db);
    for (let i = 0; i < 3; i++) {
      await notify(db, { type: "order.paid", sourceKey: `test:${crypto.randomUUID()}`, recipients: [{ userId: alice.id }], vars: { number: `BZ-${i}`, total: { minor: 100, currency: "EUR" } }, link: null, channels: ["IN_APP"] });
    }
    const a = callerFor(db, alice);
    const b = callerFor(db, bob);
    const page1 = await a.notifications.list({ limit: 2 });
    expect(page1.items).toHaveLength(2);
    const page2 = await a.notifications.list({ limit: 2, cursor: page1.nextCursor! });
    expect(page2).toMatchObject({ nextCursor: null });
    expect(new Set([...page1.items, ...page2.items].map((n) => n.id)).size).toBe(3);
    expect(await a.notifications.unreadCount()).toBe(3);

    // Bob sees none of them, and cannot mark them read.
    expect((await b.notifications.list({})).items).toHaveLength(0);
    expect(await b.notifications.markRead({ ids: page1.items.map((n) => n.id) })).toEqual({ marked: 0, unread: 0 });
    expect(await b.notifications.list({ cursor: page1.items[0]!.id })).toMatchObject({ items: [] });
    expect(await a.notifications.unreadCount()).toBe(3);
    expect(await a.notifications.markRead({ ids: [page1.items[0]!.id] })).toEqual({ marked: 1, unread: 2 });
    expect(await a.notifications.markRead({ all: true })).toEqual({ marked: 2, unread: 0 });

    // Push subscriptions: Bob cannot remove Alice's.
    await a.notifications.savePushSubscription({ endpoint: "https://push.example/alice", keys: browserKeys() });
    // A shared browser: Bob sees Alice's subscription as not his, until he turns it on himself (it moves to him).
    expect(await a.notifications.pushSubscriptionStatus({ endpoint: "https://push.example/alice" })).toEqual({ mine: true });
    expect(await b.notifications.pushSubscriptionStatus({ endpoint: "https://push.example/alice" })).toEqual({ mine: false });
    expect(await b.notifications.deletePushSubscription({ endpoint: "https://push.example/alice" })).toEqual({ deleted: 0 });
    expect(await a.notifications.deletePushSubscription({ endpoint: "https://push.example/alice" })).toEqual({ deleted: 1 });

    // Admin procedures.
    const { user: other } = await createStaffUser(db, ["orders.manage"]);
    for (const caller of [a, callerFor(db, other)]) {
      expect(await errorOf(caller.notifications.listTemplates({}))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(caller.notifications.deliveryStats({ from: new Date(0), to: new Date() }))).toMatchObject({ code: "FORBIDDEN" });
      expect(await errorOf(caller.notifications.sendBulk({ segment: { kind: "allShoppers" }, channels: ["IN_APP"], content: { en: { title: "x", body: "y" } } }))).toMatchObject({ code: "FORBIDDEN" });
    }
    expect(await errorOf(callerFor(db, null).notifications.unreadCount())).toMatchObject({ code: "UNAUTHORIZED" });
  });

  it("let staff edit, preview and reset templates (audited), used for the next notifications; stats by channel and type", async () => {
    const { user: ops } = await createStaffUser(db, ["notifications.manage"]);
    const admin = callerFor(db, ops);
    const preview = await admin.notifications.previewTemplate({ type: "order.placed", channel: "EMAIL", locale: "fr" });
    expect(preview.subject).toBe("Commande BZ-260001 passée");
    expect(preview.body).toContain("45,99"); // sample total in French formatting
    const draft = await admin.notifications.previewTemplate({ type: "order.placed", channel: "EMAIL", locale: "en", subject: "We got {number}", body: "Total {total}, {unknown}" });
    expect(draft).toMatchObject({ subject: "We got BZ-260001", body: "Total $45.99, {unknown}" });

    await admin.notifications.saveTemplate({ type: "order.placed", channel: "IN_APP", locale: "en", subject: "Got it: {number}", body: "{name}, {total} is on its way to the shops." });
    expect(await db.auditLog.count({ where: { action: "notifications.templateSaved", actorId: ops.id } })).toBe(1);
    const listed = await admin.notifications.listTemplates({ type: "order.placed", locale: "en" });
    expect(listed.find((t) => t.channel === "IN_APP")).toMatchObject({ overridden: true, subject: "Got it: {number}" });
    expect(listed.find((t) => t.channel === "EMAIL")).toMatchObject({ overridden: false, subject: "Order {number} placed" });

    const shopper = await createUser(db, { name: "Zoe" });
    const sourceKey = `test:${crypto.randomUUID()}`;
    await notify(db, { type: "order.placed", sourceKey, recipients: [{ userId: shopper.id }], vars: { number: "BZ-77", total: { minor: 1234, currency: "USD" } }, link: null, channels: ["IN_APP", "EMAIL"] });
    expect(await db.notification.findFirstOrThrow({ where: { sourceKey } })).toMatchObject({ title: "Got it: BZ-77", body: "Zoe, $12.34 is on its way to the shops." });
    expect((await db.notificationDelivery.findFirstOrThrow({ where: { sourceKey, channel: "EMAIL" } })).subject).toBe("Order BZ-77 placed");
    await admin.notifications.resetTemplate({ type: "order.placed", channel: "IN_APP", locale: "en" });
    expect(await db.notificationTemplate.count()).toBe(0);

    const failing: ChannelProvider = { name: "down", send: () => Promise.reject(new PermanentDeliveryError("bad address")) };
    await deliverDueNotifications(db, new Date(), { sourceKey, providers: { EMAIL: failing } });
    const stats = await admin.notifications.deliveryStats({ from: new Date(Date.now() - 60_000), to: new Date(Date.now() + 60_000) });
    expect(stats.byTypeAndChannel["order.placed"]?.EMAIL?.DEAD).toBeGreaterThanOrEqual(1);
    expect(stats.byTypeAndChannel["order.placed"]?.IN_APP?.SENT).toBeGreaterThanOrEqual(1);
    expect(stats.byChannel.EMAIL.total).toBeGreaterThanOrEqual(1);
    const dead = await admin.notifications.listDeliveries({ status: "DEAD", type: "order.placed" });
    expect(dead.items.some((d) => d.lastError === "bad address")).toBe(true);
  });

  it("list deliveries for the admin page by status, channel and type in keyset pages; retry only failed or dead ones (audited)", async () => {
    const { user: ops } = await createStaffUser(db, ["notifications.manage"]);
    const admin = callerFor(db, ops);
    const users = await Promise.all([1, 2, 3].map(() => createUser(db)));
    const sourceKey = `test:${crypto.randomUUID()}`;
    await notify(db, { type: "order.placed", sourceKey, recipients: users.map((u) => ({ userId: u.id })), vars: { number: "BZ-5", total: { minor: 100, currency: "USD" } }, link: null, channels: ["EMAIL", "IN_APP"] });
    const failing: ChannelProvider = { name: "down", send: () => Promise.reject(new Error("smtp down")) };
    await deliverDueNotifications(db, new Date(), { sourceKey, providers: { EMAIL: failing } });
    const mine = await db.notificationDelivery.findMany({ where: { sourceKey } });

    const failed = await admin.notifications.listDeliveries({ status: "FAILED", channel: "EMAIL", type: "order.placed", limit: 100 });
    expect(failed.items.every((d) => d.status === "FAILED" && d.channel === "EMAIL" && d.type === "order.placed")).toBe(true);
    const failedIds = new Set(failed.items.map((d) => d.id));
    expect(mine.filter((d) => d.channel === "EMAIL").every((d) => failedIds.has(d.id))).toBe(true);
    const sent = await admin.notifications.listDeliveries({ status: "SENT", channel: "IN_APP", limit: 100 });
    expect(sent.items.every((d) => d.status === "SENT" && d.channel === "IN_APP")).toBe(true);
    expect(mine.filter((d) => d.channel === "IN_APP").every((d) => sent.items.some((s) => s.id === d.id))).toBe(true);

    // Pages of 2, newest first, without overlap.
    const first = await admin.notifications.listDeliveries({ status: "FAILED", channel: "EMAIL", type: "order.placed", limit: 2 });
    const second = await admin.notifications.listDeliveries({ status: "FAILED", channel: "EMAIL", type: "order.placed", limit: 2, cursor: first.nextCursor! });
    const paged = [...first.items, ...second.items];
    expect(new Set(paged.map((d) => d.id)).size).toBe(paged.length);
    expect(paged.map((d) => d.createdAt.getTime())).toEqual(paged.map((d) => d.createdAt.getTime()).sort((a, b) => b - a));

    // A sent delivery cannot be retried; a failed one goes back to the queue, audited.
    const inApp = mine.find((d) => d.channel === "IN_APP")!;
    expect(await errorOf(admin.notifications.retryDelivery({ deliveryId: inApp.id }))).toEqual({ code: "BAD_REQUEST", key: "notifications.notRetryable" });
    const email = mine.find((d) => d.channel === "EMAIL")!;
    expect(await admin.notifications.retryDelivery({ deliveryId: email.id })).toEqual({ retried: true });
    expect(await db.notificationDelivery.findUniqueOrThrow({ where: { id: email.id } })).toMatchObject({ status: "PENDING", attempts: 0, lastError: null });
    expect(await db.auditLog.count({ where: { action: "notifications.deliveryRetried", resourceId: email.id, actorId: ops.id } })).toBe(1);
    expect(await errorOf(admin.notifications.retryDelivery({ deliveryId: email.id }))).toEqual({ code: "BAD_REQUEST", key: "notifications.notRetryable" });
    const { user: other } = await createStaffUser(db, ["orders.manage"]);
    expect(await errorOf(callerFor(db, other).notifications.retryDelivery({ deliveryId: email.id }))).toMatchObject({ code: "FORBIDDEN" });
  });
});
