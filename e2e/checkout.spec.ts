// Checkout journeys: a guest fills a cart from three shops, signs in on the way to checkout (the
// guest cart merges into the account's), places a pay-on-delivery order and sees it split per
// shop; a double click on Place order makes exactly one order.
import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";
import { addFromShop, ensureAddress, NAV } from "./shop-helpers";

async function myOrderCount(page: Page): Promise<number> {
  const input = encodeURIComponent(JSON.stringify({ json: { limit: 50 } }));
  const response = await page.request.get(`/api/trpc/orders.listMyOrders?input=${input}`);
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { result: { data: { json: { items: unknown[] } } } };
  return body.result.data.json.items.length;
}

test.describe.configure({ timeout: 240_000 });

test("a guest's cart from three shops merges at sign-in and becomes one order in three parts", async ({ page }) => {
  const titles = [];
  for (const shop of ["nordic-home", "tech-haven", "atelier-lumiere"]) titles.push(await addFromShop(page, shop));

  // Checkout asks a guest to sign in and comes back: the first page after signing in is /checkout.
  await page.goto("/en/checkout", NAV);
  await expect(page).toHaveURL(/\/en\/login\?callbackUrl=%2Fen%2Fcheckout/);
  await page.getByLabel(en.auth.email).fill(DEMO_ACCOUNTS.shopper.email);
  await page.getByLabel(en.auth.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: en.auth.login.submit }).click();
  await expect(page).toHaveURL(/\/en\/checkout$/, NAV);
  await expect(page.getByRole("heading", { level: 1, name: en.checkout.title })).toBeVisible();

  // The guest cart came along: one group per shop with its item.
  const groups = page.getByTestId("checkout-group");
  await expect(groups).toHaveCount(3);
  for (const title of titles) await expect(page.getByTestId("checkout-line").filter({ hasText: title })).toHaveCount(1);
  await expect(page.getByText(en.checkout.payOnDelivery, { exact: true }).first()).toBeVisible();
  await page.getByRole("radio", { name: new RegExp(en.checkout.payOnDelivery) }).check();

  await ensureAddress(page);
  // Choosing Express for one shop re-prices it on the server.
  const before = await page.getByTestId("order-totals-total").textContent();
  await groups.first().getByRole("radio", { name: /Express/ }).check();
  await expect(page.getByTestId("order-totals-total")).not.toHaveText(before ?? "", NAV);

  const place = page.getByTestId("place-order");
  await expect(place).toBeEnabled();
  await place.click();
  await expect(page).toHaveURL(/\/en\/checkout\/done\/[^/]+$/, NAV);
  await expect(page.getByRole("heading", { level: 1, name: en.checkout.done.title })).toBeVisible();
  await expect(page.getByTestId("order-number")).toHaveText(/^BZ-[A-Z0-9]{8}$/);
  const parts = page.getByTestId("order-part");
  await expect(parts).toHaveCount(3);
  for (const shop of ["Nordic Home", "Tech Haven", "Atelier Lumière"]) {
    await expect(parts.filter({ hasText: en.checkout.soldBy.replace("{shop}", shop) })).toHaveCount(1);
  }
  // The header's cart count follows: the bought items left the cart.
  await expect(page.getByRole("link", { name: "Cart, empty" })).toBeVisible(NAV);
  const orderId = page.url().split("/").pop()!;
  await expect(page.getByRole("link", { name: en.checkout.done.viewOrder })).toHaveAttribute("href", `/en/account/orders/${orderId}`);
  await expect(page.getByRole("link", { name: en.checkout.continueShopping })).toBeVisible();

  // The bought lines left the cart.
  await page.goto("/en/cart", NAV);
  await expect(page.getByRole("heading", { name: en.cart.emptyTitle })).toBeVisible();
});

test("double-clicking Place order makes exactly one order", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);
  await addFromShop(page, "tech-haven");
  const ordersBefore = await myOrderCount(page);

  await page.goto("/en/checkout", NAV);
  await ensureAddress(page);
  await page.getByRole("radio", { name: new RegExp(en.checkout.payOnDelivery) }).check();
  let requests = 0;
  page.on("request", (request) => {
    if (request.url().includes("checkout.placeOrder")) requests += 1;
  });
  const place = page.getByTestId("place-order");
  await expect(place).toBeEnabled();
  await place.dblclick();
  await expect(page).toHaveURL(/\/en\/checkout\/done\/[^/]+$/, NAV);
  await expect(page.getByTestId("order-part")).toHaveCount(1);
  expect(requests).toBe(1);
  expect(await myOrderCount(page)).toBe(ordersBefore + 1);
});
