// Card payments through the embedded sandbox provider (Stripe's flow and test cards): a declined
// card takes nothing and puts the stock back, a retry with 4242 pays and the seller sees a paid
// order; the authentication card shows the bank's challenge page before paying.
import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";
import { addFromShop, ensureAddress, NAV, trpc } from "./shop-helpers";

const p = en.payment;
const CARDS = { good: "4242 4242 4242 4242", declined: "4000 0000 0000 0002", authenticate: "4000 0025 0000 3155" };

type Status = { order: { id: string; number: string; status: string }; payment: { status: string; failureCode: string | null } | null };
type Availability = Record<string, { max: number }>;

async function fillCard(page: Page, number: string) {
  const form = page.getByTestId("sandbox-card-form");
  await expect(form).toBeVisible(NAV);
  await form.getByLabel(p.cardNumber).fill(number);
  await form.getByLabel(p.expiry).fill("12 / 34");
  await form.getByLabel(p.cvc).fill("123");
  await form.getByTestId("pay-button").click();
}

/** Cart → checkout with Card (the default) → the pay step; returns the order id and the bought variant. */
async function checkoutByCard(page: Page, shop: string) {
  await trpc(page, "cart.clear", null, "mutation");
  await addFromShop(page, shop);
  const cart = await trpc<{ groups: { lines: { variantId: string }[] }[] }>(page, "cart.get", null, "query");
  const variantId = cart.groups[0]!.lines[0]!.variantId;
  await page.goto("/en/checkout", NAV);
  await ensureAddress(page);
  await expect(page.getByRole("radio", { name: new RegExp(en.checkout.payByCard) })).toBeChecked();
  await page.getByTestId("place-order").click();
  await expect(page).toHaveURL(/\/en\/checkout\/pay\/[^/?]+$/, NAV);
  const orderId = new URL(page.url()).pathname.split("/").pop()!;
  return { orderId, variantId };
}

test.describe.configure({ timeout: 240_000 });

test("a declined card releases the stock; a retry with 4242 pays and the seller sees a paid order", async ({ page, browser }) => {
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);
  const { orderId, variantId } = await checkoutByCard(page, "tech-haven");
  const held = (await trpc<Availability>(page, "cart.availability", { variantIds: [variantId] }, "query"))[variantId]!.max;

  await test.step("4000 0000 0000 0002 is declined: a clear message, nothing paid, the unit back on sale", async () => {
    await fillCard(page, CARDS.declined);
    await expect(page.getByTestId("payment-declined")).toContainText(p.declined.generic_decline, NAV);
    const status = await trpc<Status>(page, "payments.status", { orderId }, "query");
    expect(status.order.status).toBe("PENDING_PAYMENT");
    expect(status.payment).toMatchObject({ status: "FAILED", failureCode: "generic_decline" });
    const after = (await trpc<Availability>(page, "cart.availability", { variantIds: [variantId] }, "query"))[variantId]!.max;
    expect(after).toBeGreaterThan(held);
  });

  const number = await test.step("4242 4242 4242 4242 pays the same order", async () => {
    await fillCard(page, CARDS.good);
    await expect(page).toHaveURL(new RegExp(`/en/checkout/done/${orderId}$`), NAV);
    await expect(page.getByTestId("paid-note")).toBeVisible();
    const status = await trpc<Status>(page, "payments.status", { orderId }, "query");
    expect(status.order.status).toBe("PAID");
    expect(status.payment?.status).toBe("CAPTURED");
    return status.order.number;
  });

  await test.step("the seller finds the paid order", async () => {
    const context = await browser.newContext();
    const seller = await context.newPage();
    await signIn(seller, DEMO_ACCOUNTS.seller.email, DEMO_PASSWORD);
    await seller.goto(`/en/seller/orders?q=${number}`, NAV);
    const switcher = seller.getByTestId("shop-switcher");
    if (await switcher.count()) await switcher.selectOption({ label: "Tech Haven" });
    await seller.getByRole("link", { name: new RegExp(`^${number}-\\d$`) }).click();
    await expect(seller.getByTestId("order-status")).toHaveText(en.orders.status.PAID, NAV);
    await context.close();
  });
});

test("the authentication card shows the bank's challenge page, then pays", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);
  const { orderId } = await checkoutByCard(page, "nordic-home");
  await fillCard(page, CARDS.authenticate);
  await expect(page).toHaveURL(new RegExp(`/en/checkout/pay/${orderId}/challenge\\?payment=`), NAV);
  await expect(page.getByRole("heading", { level: 1, name: p.challenge.title })).toBeVisible();
  await expect(page.getByText(p.challenge.bank)).toBeVisible();
  await expect(page.getByText(/ending in 3155/)).toBeVisible();
  await page.getByRole("button", { name: p.challenge.complete }).click();
  await expect(page).toHaveURL(new RegExp(`/en/checkout/done/${orderId}$`), NAV);
  expect((await trpc<Status>(page, "payments.status", { orderId }, "query")).order.status).toBe("PAID");
});

test("a card saved in the account pays the next order in one click", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);
  await page.goto("/en/account/cards", NAV);
  await page.getByRole("button", { name: en.savedCards.add }).click();
  const dialog = page.getByRole("dialog", { name: en.savedCards.addTitle });
  await dialog.getByLabel(p.cardNumber).fill("5555 5555 5555 4444");
  await dialog.getByLabel(p.expiry).fill("11 / 33");
  await dialog.getByLabel(p.cvc).fill("321");
  await dialog.getByRole("button", { name: en.savedCards.save }).click();
  await expect(page.getByTestId("saved-card").filter({ hasText: "4444" })).toBeVisible(NAV);

  const { orderId } = await checkoutByCard(page, "atelier-lumiere");
  const form = page.getByTestId("sandbox-card-form");
  await form.getByRole("radio", { name: /4444/ }).check();
  await form.getByTestId("pay-button").click();
  await expect(page).toHaveURL(new RegExp(`/en/checkout/done/${orderId}$`), NAV);
  expect((await trpc<Status>(page, "payments.status", { orderId }, "query")).order.status).toBe("PAID");
});
