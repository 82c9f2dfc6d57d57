// Issue 7's acceptance: the shopper (who reads Bazaar in French) has an order page open; the
// seller accepts and ships the part; without a reload the page shows it shipped and the header's
// bell counts a new notification; the shipping mail is in the dev mailbox, in French.
// Needs the background worker (the outbox handlers create the notifications and publish
// "order.updated"); playwright.config.ts starts it.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";
import { addOneFrom, placePayOnDeliveryOrder, trpc } from "./shop-helpers";
import fr from "../messages/fr.json" with { type: "json" };

type MyOrder = { id: string; subOrders: { id: string; number: string; vendor: { slug: string } }[] };
type NotificationList = { items: { type: string; title: string; data: { orderId?: string } | null }[] };

const SHOP = "tech-haven";
const shopper = DEMO_ACCOUNTS.shopper;

test("a seller ships: the shopper's open order page and bell update live, the mail is in French", async ({ page, browser }) => {
  test.setTimeout(180_000);
  await signIn(page, shopper.email, DEMO_PASSWORD);
  await trpc(page, "identity.updateProfile", { name: shopper.name, locale: "fr" }, "mutation");
  try {
    const { orderId, vendorId } = await test.step("the shopper orders from Tech Haven, paying on delivery", async () => {
      await trpc(page, "cart.clear", null, "mutation");
      await addOneFrom(page, SHOP);
      const placed = await placePayOnDeliveryOrder(page, shopper.name);
      return { orderId: placed.orderId, vendorId: placed.vendors[0]!.id };
    });

    await test.step("the worker notifies the order", async () => {
      await expect
        .poll(async () => (await trpc<NotificationList>(page, "notifications.list", { limit: 20 }, "query")).items.some((n) => n.type === "order.placed" && n.data?.orderId === orderId), { timeout: 30_000 })
        .toBe(true);
    });

    const order = await trpc<MyOrder>(page, "orders.getMyOrder", { orderId }, "query");
    const part = order.subOrders[0]!;
    const bell = page.getByTestId("notification-bell").getByRole("button", { name: /^Notifications/ });

    const count = page.getByTestId("notification-count");
    // The count the bell shows once it has read it (the badge carries the same number up to 99).
    const unreadShown = async () => Number(await page.getByTestId("notification-bell").getAttribute("data-unread"));
    const before = await test.step("the shopper's order page is open and listening", async () => {
      await page.goto(`/en/account/orders/${orderId}`);
      await expect(page.getByTestId("live-order")).toHaveAttribute("data-subscribed", "true");
      await expect(page.getByTestId("order-part").getByTestId("order-status")).toHaveText(en.orders.status.PAID);
      await expect(page.getByTestId("notification-bell")).toHaveAttribute("data-unread", /^\d+$/);
      await expect(bell).toHaveAccessibleName(/^Notifications(, \d+ unread)?$/);
      await page.evaluate(() => ((window as unknown as { __noReload: boolean }).__noReload = true));
      // The fresh database's worker may still be catching up on the seed's events, so the count
      // is only ever compared with itself: nothing marks anything read until the end.
      return unreadShown();
    });

    await test.step("seller@ accepts and ships the part", async () => {
      const context = await browser.newContext();
      const seller = await context.newPage();
      await signIn(seller, DEMO_ACCOUNTS.seller.email, DEMO_PASSWORD);
      await trpc(seller, "orders.acceptSubOrder", { vendorId, subOrderId: part.id }, "mutation");
      await trpc(seller, "orders.markShipped", { vendorId, subOrderId: part.id, carrier: "DHL", trackingNumber: "JD0146E2E777" }, "mutation");
      await context.close();
    });

    const shippedTitle = fr.notificationTemplates.orderShipped.title.replace("{number}", part.number);
    await test.step("without a reload the page shows Shipped and the bell counts the notification", async () => {
      await expect(page.getByTestId("order-part").getByTestId("order-status")).toHaveText(en.orders.status.SHIPPED, { timeout: 30_000 });
      await expect(page.getByTestId("order-part").getByTestId("tracking-number")).toHaveText("JD0146E2E777");
      await expect.poll(unreadShown, { timeout: 30_000 }).toBeGreaterThan(before);
      await expect(count).toBeVisible();
      await expect(bell).toHaveAccessibleName(/^Notifications, \d+ unread$/);
      expect(await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload)).toBe(true);

      await bell.click();
      await expect(bell).toHaveAttribute("aria-expanded", "true");
      const panel = page.getByTestId("notification-panel");
      await expect(panel.getByRole("link", { name: new RegExp(shippedTitle) })).toBeVisible();
      await page.keyboard.press("Escape");
      await expect(panel).toBeHidden();
      await expect(bell).toBeFocused();
    });

    await test.step("the shipping mail is in the dev mailbox, in French", async () => {
      await expect(async () => {
        await page.goto(`/en/dev/mailbox?to=${encodeURIComponent(shopper.email)}`);
        await expect(page.getByTestId("mail-link").filter({ hasText: shippedTitle })).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 30_000 });
    });

    await test.step("mark all as read empties the count", async () => {
      await page.goto(`/en/account/orders/${orderId}`);
      await bell.click();
      await page.getByTestId("notification-panel").getByRole("button", { name: en.notificationCenter.markAllRead }).click();
      await expect(count).toHaveCount(0);
      await expect(bell).toHaveAccessibleName("Notifications");
    });
  } finally {
    await trpc(page, "identity.updateProfile", { name: shopper.name, locale: "en" }, "mutation").catch(() => {});
  }
});
