// The account's notification preferences (/en/account/notifications) and "notifications on this
// device" (Web Push). Each test registers its own shopper, so nothing here changes the demo
// accounts' preferences or subscriptions that other journeys rely on.
//
// 1. A shopper switches "Order shipped · In the app" off; it stays off after a reload and on the
//    server; locked (mandatory) switches are on, aria-disabled, described by the note under the
//    table, do not change when clicked, and the server refuses to switch them off. Then the effect
//    is real: a seller ships the shopper's order, the shipping mail arrives in the dev mailbox
//    (e-mail still on) and no in-app notification was created for it. Needs the background worker
//    (playwright.config.ts starts it), as e2e/notifications.spec.ts.
// 2. Push subscribe/unsubscribe through the real page, with only the browser's push service faked
//    (see the comment above `fakePushService`).
import type { Browser, Page, Request } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, linkFromMailbox, signIn, test } from "./fixtures";
import { addOneFrom, placePayOnDeliveryOrder, trpc } from "./shop-helpers";

type MyOrder = { id: string; number: string; subOrders: { id: string; number: string; vendor: { id: string } }[] };
type NotificationList = { items: { type: string; title: string; data: { orderId?: string } | null }[] };
type Preferences = { types: { type: string; channels: { channel: string; enabled: boolean; mandatory: boolean }[] }[]; pushSubscriptions: number };

const SHOP = "tech-haven";
const PASSWORD = "Correct-horse-42";
const prefs = en.notificationCenter.preferences;
const push = en.notificationCenter.push;

/** The accessible name of a preference switch, as notification-preferences.tsx builds it. */
function switchName(type: keyof typeof en.notifications.types, channel: keyof typeof en.notifications.channels, mandatory = false) {
  const label = prefs.switchLabel.replace("{type}", en.notifications.types[type]).replace("{channel}", en.notifications.channels[channel]);
  return mandatory ? `${label} (${prefs.required})` : label;
}

function enabledOnServer(preferences: Preferences, type: string, channel: string) {
  return preferences.types.find((t) => t.type === type)?.channels.find((c) => c.channel === channel)?.enabled;
}

/** Registers a new shopper through /en/register, verifies the address from the dev mailbox and signs in. */
async function registerShopper(page: Page, name: string): Promise<string> {
  const email = `e2e-prefs-${Date.now()}-${Math.random().toString(36).slice(2, 8)}@example.com`;
  await page.goto("/en/register");
  await page.getByLabel(en.auth.name).fill(name);
  await page.getByLabel(en.auth.email).fill(email);
  await page.getByLabel(en.auth.password, { exact: true }).fill(PASSWORD);
  await page.getByLabel(en.auth.confirmPassword).fill(PASSWORD);
  await page.getByRole("button", { name: en.auth.register.submit }).click();
  await expect(page.getByText(en.auth.register.checkInboxTitle)).toBeVisible();
  const verifyUrl = await linkFromMailbox(page, email, en.mail.verifyEmail.subject);
  await page.goto(verifyUrl);
  await expect(page.getByText(en.auth.verifyEmail.success.replace("{email}", email))).toBeVisible();
  await signIn(page, email, PASSWORD);
  return email;
}

/** Places an order from Tech Haven (pay on delivery) for the signed-in shopper; returns its id. */
async function placeOrder(page: Page, name: string): Promise<string> {
  await trpc(page, "cart.clear", null, "mutation");
  await addOneFrom(page, SHOP);
  return (await placePayOnDeliveryOrder(page, name)).orderId;
}

/** seller@ accepts and ships every part of the order (Tech Haven is theirs). */
async function shipAsSeller(browser: Browser, orderId: string, parts: MyOrder["subOrders"]) {
  const context = await browser.newContext();
  try {
    const seller = await context.newPage();
    await signIn(seller, DEMO_ACCOUNTS.seller.email, DEMO_PASSWORD);
    for (const part of parts) {
      await trpc(seller, "orders.acceptSubOrder", { vendorId: part.vendor.id, subOrderId: part.id }, "mutation");
      await trpc(seller, "orders.markShipped", { vendorId: part.vendor.id, subOrderId: part.id, carrier: "DHL", trackingNumber: `JD${orderId.slice(-8).toUpperCase()}` }, "mutation");
    }
  } finally {
    await context.close();
  }
}

test("a shopper turns off in-app for shipped orders: it stays off, locked channels cannot change, the shipping mail still arrives and no in-app notification does", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const name = "Pia Prefs";
  const email = await test.step("a new shopper registers and signs in", () => registerShopper(page, name));

  const shippedInApp = page.getByRole("switch", { name: switchName("orderShipped", "IN_APP"), exact: true });
  const shippedEmail = page.getByRole("switch", { name: switchName("orderShipped", "EMAIL"), exact: true });

  await test.step("switch off 'Order shipped' in the app", async () => {
    await page.goto("/en/account/notifications");
    await expect(page.getByRole("heading", { name: prefs.title })).toBeVisible();
    await expect(shippedInApp).toHaveAttribute("aria-checked", "true");
    await expect(shippedEmail).toHaveAttribute("aria-checked", "true");
    const saved = page.waitForResponse((r) => r.url().includes("/api/trpc/notifications.setPreference") && r.request().method() === "POST");
    await shippedInApp.click();
    await expect(shippedInApp).toHaveAttribute("aria-checked", "false");
    expect((await saved).ok()).toBe(true);
  });

  await test.step("after a reload it is still off, on the page and on the server", async () => {
    await page.reload();
    await expect(shippedInApp).toHaveAttribute("aria-checked", "false");
    await expect(shippedEmail).toHaveAttribute("aria-checked", "true");
    const stored = await trpc<Preferences>(page, "notifications.getPreferences", null, "query");
    expect(enabledOnServer(stored, "order.shipped", "IN_APP")).toBe(false);
    expect(enabledOnServer(stored, "order.shipped", "EMAIL")).toBe(true);
  });

  await test.step("mandatory channels are shown locked, with the reason, and cannot be switched off", async () => {
    const note = page.getByText(prefs.mandatoryNote);
    await expect(note).toBeVisible();
    for (const [type, channel] of [["orderPlaced", "EMAIL"], ["newSignIn", "IN_APP"]] as const) {
      const locked = page.getByRole("switch", { name: switchName(type, channel, true), exact: true });
      await expect(locked).toHaveAttribute("aria-checked", "true");
      await expect(locked).toHaveAttribute("aria-disabled", "true");
      await expect(locked).toHaveAccessibleDescription(prefs.mandatoryNote);
      // aria-disabled keeps it focusable (so the reason can be read) but Playwright will not click a
      // disabled control without `force`: the click reaches the page and must change nothing.
      await locked.click({ force: true });
      await expect(locked).toHaveAttribute("aria-checked", "true");
    }
    // Nothing was sent for the locked ones, and the server refuses them anyway.
    await expect(trpc(page, "notifications.setPreference", { type: "order.placed", channel: "EMAIL", enabled: false }, "mutation")).rejects.toThrow(/notifications\.mandatory/);
    await page.reload();
    await expect(page.getByRole("switch", { name: switchName("orderPlaced", "EMAIL", true), exact: true })).toHaveAttribute("aria-checked", "true");
    const stored = await trpc<Preferences>(page, "notifications.getPreferences", null, "query");
    expect(enabledOnServer(stored, "order.placed", "EMAIL")).toBe(true);
    expect(enabledOnServer(stored, "security.newSignIn", "IN_APP")).toBe(true);
  });

  const orderId = await test.step("the shopper orders from Tech Haven; 'order placed' still arrives in the app", async () => {
    const id = await placeOrder(page, name);
    await expect
      .poll(async () => (await trpc<NotificationList>(page, "notifications.list", { limit: 20 }, "query")).items.some((n) => n.type === "order.placed" && n.data?.orderId === id), { timeout: 30_000 })
      .toBe(true);
    return id;
  });

  const order = await trpc<MyOrder>(page, "orders.getMyOrder", { orderId }, "query");
  await test.step("the seller ships it", () => shipAsSeller(browser, orderId, order.subOrders));

  await test.step("the shipping mail arrives (e-mail is still on)…", async () => {
    for (const part of order.subOrders) {
      const subject = en.notificationTemplates.orderShipped.title.replace("{number}", part.number);
      await expect(async () => {
        await page.goto(`/en/dev/mailbox?to=${encodeURIComponent(email)}`);
        await expect(page.getByTestId("mail-link").filter({ hasText: subject })).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 45_000 });
    }
  });

  await test.step("…but no in-app notification was made for it, in the list or the bell", async () => {
    // The in-app row and the mail's delivery row are written in one transaction (notify() in
    // notifications.delivery.ts), so once the mail is out the in-app decision is final.
    const list = await trpc<NotificationList>(page, "notifications.list", { limit: 50 }, "query");
    expect(list.items.filter((n) => n.type === "order.shipped")).toEqual([]);
    expect(list.items.some((n) => n.type === "order.placed" && n.data?.orderId === orderId)).toBe(true);
    await page.goto("/en/account/notifications");
    await expect(page.getByText(en.notificationTemplates.orderPlaced.title.replace("{number}", order.number)).first()).toBeVisible();
    for (const part of order.subOrders) await expect(page.getByText(en.notificationTemplates.orderShipped.title.replace("{number}", part.number))).toHaveCount(0);
  });

  await test.step("switching it back on is saved too", async () => {
    await shippedInApp.click();
    await expect(shippedInApp).toHaveAttribute("aria-checked", "true");
    await expect.poll(async () => enabledOnServer(await trpc<Preferences>(page, "notifications.getPreferences", null, "query"), "order.shipped", "IN_APP")).toBe(true);
  });
});

/** The input a tRPC request carried for `path` (the client batches: ?batch=1, body {"0": {json}}). */
function trpcInput<T>(request: Request, path: string): T {
  const url = new URL(request.url());
  const body = request.postDataJSON() as Record<string, { json: T }> & { json?: T };
  if (!url.searchParams.has("batch")) return body.json as T;
  const paths = decodeURIComponent(url.pathname.slice(url.pathname.indexOf("/api/trpc/") + "/api/trpc/".length)).split(",");
  return body[String(paths.indexOf(path))]!.json;
}

// What is faked, and why: headless Chromium on this offline machine has no reachable push
// service (the real PushManager.subscribe() would contact Google's FCM and fail). So the init
// script below replaces exactly two methods, PushManager.prototype.subscribe and
// PushManager.prototype.getSubscription, in every page of the context. The fake subscribe()
// checks the applicationServerKey it is given (the page's real VAPID key: a 65-byte uncompressed
// P-256 point) and returns a PushSubscription-shaped object whose endpoint is
// https://push.example.test/e2e/<random>, whose p256dh key is a real P-256 ECDH public key made
// with crypto.subtle in the page, and whose auth secret is 16 random bytes; it is kept in
// localStorage so getSubscription() returns it after a reload, and its unsubscribe() forgets it.
// Everything else is real: the `notifications` permission (granted to the context, so
// Notification.requestPermission() resolves "granted"), the registration of /sw.js, the VAPID key
// query, savePushSubscription / deletePushSubscription, and the toggle's state.
// push-toggle.tsx decides "on"/"off" from the browser alone (getSubscription() of the "/"
// registration), so "a reload shows it on" reads the faked getSubscription(); what the server
// stored is checked on its own through getPreferences().pushSubscriptions and the requests' inputs.
const fakePushService = () => {
  const STORE = "__e2e_push_subscription";
  const b64url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  const unb64url = (value: string) => Uint8Array.from(atob(value.replace(/-/g, "+").replace(/_/g, "/") + "=".repeat((4 - (value.length % 4)) % 4)), (c) => c.charCodeAt(0));
  type Stored = { endpoint: string; p256dh: string; auth: string; applicationServerKey: string };
  const make = (s: Stored) => ({
    endpoint: s.endpoint,
    expirationTime: null,
    options: { userVisibleOnly: true, applicationServerKey: unb64url(s.applicationServerKey).buffer },
    getKey: (name: string) => (name === "p256dh" ? unb64url(s.p256dh).buffer : name === "auth" ? unb64url(s.auth).buffer : null),
    toJSON: () => ({ endpoint: s.endpoint, expirationTime: null, keys: { p256dh: s.p256dh, auth: s.auth } }),
    unsubscribe: async () => {
      localStorage.removeItem(STORE);
      return true;
    },
  });
  const read = (): Stored | null => JSON.parse(localStorage.getItem(STORE) ?? "null") as Stored | null;
  PushManager.prototype.getSubscription = async function getSubscription() {
    const s = read();
    return (s ? make(s) : null) as unknown as PushSubscription;
  };
  PushManager.prototype.subscribe = async function subscribe(options?: PushSubscriptionOptionsInit) {
    const existing = read();
    if (existing) return make(existing) as unknown as PushSubscription;
    const raw = options?.applicationServerKey;
    const key = raw instanceof ArrayBuffer ? new Uint8Array(raw) : ArrayBuffer.isView(raw) ? new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength) : null;
    if (!options?.userVisibleOnly || !key || key.length !== 65 || key[0] !== 4) throw new DOMException("bad applicationServerKey", "InvalidAccessError");
    const pair = await crypto.subtle.generateKey({ name: "ECDH", namedCurve: "P-256" }, true, ["deriveBits"]);
    const p256dh = new Uint8Array(await crypto.subtle.exportKey("raw", pair.publicKey));
    const auth = crypto.getRandomValues(new Uint8Array(16));
    const stored: Stored = {
      endpoint: `https://push.example.test/e2e/${b64url(crypto.getRandomValues(new Uint8Array(12)))}`,
      p256dh: b64url(p256dh),
      auth: b64url(auth),
      applicationServerKey: b64url(key),
    };
    localStorage.setItem(STORE, JSON.stringify(stored));
    return make(stored) as unknown as PushSubscription;
  };
};

test("push on this device: subscribe stores the subscription, a reload shows it on, turning it off deletes it", async ({ page, context, baseURL }) => {
  test.setTimeout(120_000);
  await context.grantPermissions(["notifications"], { origin: baseURL! });
  await context.addInitScript(fakePushService);
  await test.step("a new shopper registers and signs in", () => registerShopper(page, "Pat Push"));

  const section = page.getByTestId("push-toggle");
  const stored = async () => (await trpc<Preferences>(page, "notifications.getPreferences", null, "query")).pushSubscriptions;
  const fake = () => page.evaluate(() => JSON.parse(localStorage.getItem("__e2e_push_subscription") ?? "null") as { endpoint: string; p256dh: string; auth: string; applicationServerKey: string } | null);

  await test.step("it starts off", async () => {
    await page.goto("/en/account/notifications");
    await expect(section).toHaveAttribute("data-state", "off");
    await expect(section.getByText(push.off)).toBeVisible();
    expect(await stored()).toBe(0);
  });

  const endpoint = await test.step("enable: /sw.js is registered, the VAPID key is used, the subscription is saved", async () => {
    const saved = page.waitForRequest((r) => r.url().includes("/api/trpc/notifications.savePushSubscription") && r.method() === "POST");
    await section.getByRole("button", { name: push.enable }).click();
    const request = await saved;
    await expect(section).toHaveAttribute("data-state", "on");
    await expect(section.getByText(push.on)).toBeVisible();
    await expect(section.getByRole("button", { name: push.disable })).toBeVisible();

    const subscription = await fake();
    expect(subscription?.endpoint).toMatch(/^https:\/\/push\.example\.test\/e2e\//);
    // The key handed to subscribe() is the server's VAPID public key.
    const { publicKey } = await trpc<{ publicKey: string }>(page, "notifications.vapidPublicKey", null, "query");
    expect(subscription?.applicationServerKey).toBe(publicKey.replace(/=+$/, ""));
    // What went to the server is the browser's subscription: endpoint, 65-byte P-256 key, 16-byte secret.
    const input = trpcInput<{ endpoint: string; keys: { p256dh: string; auth: string } }>(request, "notifications.savePushSubscription");
    expect(input).toEqual({ endpoint: subscription!.endpoint, keys: { p256dh: subscription!.p256dh, auth: subscription!.auth } });
    expect(input.keys.p256dh).toHaveLength(87);
    expect(input.keys.auth).toHaveLength(22);
    expect(await stored()).toBe(1);
    // The real service worker is registered and active for the whole site.
    const worker = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.ready;
      return { scope: registration.scope, script: registration.active?.scriptURL ?? "" };
    });
    expect(new URL(worker.scope).pathname).toBe("/");
    expect(new URL(worker.script).pathname).toBe("/sw.js");
    return subscription!.endpoint;
  });

  await test.step("a reload shows it on", async () => {
    await page.reload();
    await expect(section).toHaveAttribute("data-state", "on");
    await expect(section.getByText(push.on)).toBeVisible();
  });

  await test.step("turning it off deletes the stored subscription and shows off", async () => {
    const deleted = page.waitForRequest((r) => r.url().includes("/api/trpc/notifications.deletePushSubscription") && r.method() === "POST");
    await section.getByRole("button", { name: push.disable }).click();
    expect(trpcInput(await deleted, "notifications.deletePushSubscription")).toEqual({ endpoint });
    await expect(section).toHaveAttribute("data-state", "off");
    await expect(section.getByText(push.off)).toBeVisible();
    await expect.poll(stored).toBe(0);
    expect(await fake()).toBeNull();
    await page.reload();
    await expect(section).toHaveAttribute("data-state", "off");
  });
});
