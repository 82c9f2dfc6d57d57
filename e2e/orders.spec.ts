// A shopper orders from three shops at once (through the tRPC endpoint, as the checkout page
// would); seller@ ships the Nordic Home and Tech Haven parts (switching shops in the seller
// center), artisan@ ships Atelier Lumière's; the shopper's order then shows every part shipped,
// with carrier, tracking number and a timeline; the admin console finds the order too.
import type { Browser } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";
import { addOneFrom, placePayOnDeliveryOrder, trpc } from "./shop-helpers";

const so = en.sellerOrders;
const SHOPS = [
  { slug: "nordic-home", name: "Nordic Home", seller: DEMO_ACCOUNTS.seller, carrier: "DHL", tracking: "JD0146E2E001" },
  { slug: "tech-haven", name: "Tech Haven", seller: DEMO_ACCOUNTS.seller, carrier: "UPS", tracking: "1Z999E2E0002" },
  { slug: "atelier-lumiere", name: "Atelier Lumière", seller: DEMO_ACCOUNTS.artisan, carrier: "La Poste", tracking: "6A99E2E00003" },
] as const;


/** Signs `account` in on a fresh context, opens the order's part in the seller center and ships it. */
async function shipParts(browser: Browser, account: { email: string }, number: string, shops: (typeof SHOPS)[number][]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signIn(page, account.email, DEMO_PASSWORD);
  for (const shop of shops) {
    await page.goto(`/en/seller/orders?q=${number}`);
    const switcher = page.getByTestId("shop-switcher");
    if (await switcher.count()) {
      await switcher.selectOption({ label: shop.name });
    }
    await expect(page.getByRole("heading", { level: 1, name: so.title })).toBeVisible();
    await expect(page.getByText(so.description.replace("{shop}", shop.name))).toBeVisible();
    await page.getByRole("link", { name: new RegExp(`^${number}-\\d$`) }).click();
    await expect(page).toHaveURL(/\/en\/seller\/orders\/[a-z0-9]+$/);
    const status = page.getByTestId("order-status");
    await expect(status).toHaveText(en.orders.status.PAID);

    await page.getByRole("button", { name: so.accept }).click();
    await expect(status).toHaveText(en.orders.status.PROCESSING);
    await page.getByRole("button", { name: so.markShipped }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel(so.carrier).fill(shop.carrier);
    await dialog.getByLabel(so.trackingNumber).fill(shop.tracking);
    await dialog.getByRole("button", { name: so.shipConfirm }).click();
    await expect(dialog).toBeHidden();
    await expect(status).toHaveText(en.orders.status.SHIPPED);
    await expect(page.getByTestId("tracking-number")).toHaveText(shop.tracking);
    await expect(page.getByTestId("order-timeline").locator('li[data-state="current"]')).toHaveAttribute("data-status", "SHIPPED");
  }
  await context.close();
}

test("a three-shop order is shipped by two sellers and the shopper follows it", async ({ page, browser }) => {
  test.setTimeout(240_000);
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);

  const { number } = await test.step("the shopper orders from three shops, paying on delivery", async () => {
    await trpc(page, "cart.clear", null, "mutation");
    for (const shop of SHOPS) await addOneFrom(page, shop.slug);
    const placed = await placePayOnDeliveryOrder(page, "Shira Shopper");
    expect(placed.vendors.map((v) => v.slug).sort()).toEqual(SHOPS.map((s) => s.slug).sort());
    return placed;
  });

  await test.step("it is the newest of the shopper's orders, paid, in three parts", async () => {
    await page.goto("/en/account/orders");
    await expect(page.getByRole("link", { name: en.account.nav.orders })).toHaveAttribute("aria-current", "page");
    const first = page.getByTestId("my-order").first();
    await expect(first).toContainText(number);
    await expect(first.getByTestId("order-status")).toHaveText(en.orders.status.PAID);
    await first.getByRole("link", { name: en.accountOrders.orderNumber.replace("{number}", number) }).click();
    await expect(page.getByRole("heading", { name: en.accountOrders.orderNumber.replace("{number}", number) })).toBeVisible();
    await expect(page.getByTestId("order-part")).toHaveCount(3);
    await expect(page.getByRole("button", { name: en.accountOrders.cancelOrder })).toBeVisible();
  });

  await test.step("seller@ ships Nordic Home's and Tech Haven's parts; artisan@ ships Atelier Lumière's", async () => {
    await shipParts(browser, DEMO_ACCOUNTS.seller, number, [SHOPS[0], SHOPS[1]]);
    await shipParts(browser, DEMO_ACCOUNTS.artisan, number, [SHOPS[2]]);
  });

  await test.step("the shopper sees the order shipped, each part's tracking number and its timeline", async () => {
    await page.reload();
    await expect(page.getByTestId("order-detail").locator("header").getByTestId("order-status")).toHaveText(en.orders.status.SHIPPED);
    // Nothing can be cancelled once parts have shipped.
    await expect(page.getByRole("button", { name: en.accountOrders.cancelOrder })).toHaveCount(0);
    for (const shop of SHOPS) {
      const part = page.locator(`[data-testid="order-part"][data-vendor="${shop.slug}"]`);
      await expect(part.getByTestId("order-status")).toHaveText(en.orders.status.SHIPPED);
      await expect(part.getByTestId("carrier")).toHaveText(shop.carrier);
      await expect(part.getByTestId("tracking-number")).toHaveText(shop.tracking);
      const steps = part.getByTestId("order-timeline").getByRole("listitem");
      await expect(steps).toHaveCount(5);
      expect(await steps.evaluateAll((items) => items.map((li) => `${li.getAttribute("data-status")}:${li.getAttribute("data-state")}`))).toEqual([
        "PENDING_PAYMENT:done", "PAID:done", "PROCESSING:done", "SHIPPED:current", "DELIVERED:upcoming",
      ]);
      await expect(steps.nth(0)).toContainText(en.orders.timeline.reasons.placed);
      await expect(steps.nth(3)).toContainText(`${shop.carrier} ${shop.tracking}`);
    }
  });

  await test.step("the admin console lists the order and shows every part's history", async () => {
    const context = await browser.newContext();
    const admin = await context.newPage();
    await signIn(admin, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
    await admin.goto("/en/admin");
    await admin.getByRole("navigation", { name: en.admin.nav }).getByRole("link", { name: en.admin.orders.title }).click();
    await admin.getByRole("searchbox", { name: en.adminOrders.search }).fill(number);
    await admin.getByRole("button", { name: en.orders.apply }).click();
    await expect(admin.getByTestId("admin-order-row")).toHaveCount(1);
    await admin.getByRole("link", { name: number, exact: true }).click();
    await expect(admin.getByTestId("admin-order-part")).toHaveCount(3);
    await expect(admin.getByText(DEMO_ACCOUNTS.seller.email).first()).toBeVisible();
    await context.close();
  });
});
