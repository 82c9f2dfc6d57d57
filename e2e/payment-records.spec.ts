// After a card payment: the shopper's payment history with an HTML and a PDF receipt (nobody
// else's), the seller refunds part of its order before shipping, and staff find the payment in
// the admin dashboard (filters, totals), read its webhook timeline and refund another part.
import fs from "node:fs";
import type { Browser, Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";
import { addFromShop, ensureAddress, NAV, trpc } from "./shop-helpers";

const SHOTS = process.env.E2E_SHOTS_DIR; // set to keep screenshots of the pages for review
async function shot(page: Page, name: string) {
  if (!SHOTS) return;
  fs.mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

async function as(browser: Browser, email: string, viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  await signIn(page, email, DEMO_PASSWORD);
  return { page, close: () => context.close() };
}

test.describe.configure({ timeout: 300_000 });

test("payment history, receipts, a seller's partial refund and the admin payments dashboard", async ({ page, browser }) => {
  const ap = en.accountPayments;
  const pa = en.paymentsAdmin;
  const rd = en.paymentRecords.refundDialog;

  // The shopper buys from two shops (Atelier Lumière and Tech Haven) and pays with 4242.
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);
  await trpc(page, "cart.clear", null, "mutation");
  await addFromShop(page, "atelier-lumiere");
  await addFromShop(page, "tech-haven");
  await page.goto("/en/checkout", NAV);
  await ensureAddress(page);
  await page.getByTestId("place-order").click();
  await expect(page).toHaveURL(/\/en\/checkout\/pay\/[^/?]+$/, NAV);
  const orderId = new URL(page.url()).pathname.split("/").pop()!;
  const form = page.getByTestId("sandbox-card-form");
  await form.getByLabel(en.payment.cardNumber).fill("4242 4242 4242 4242");
  await form.getByLabel(en.payment.expiry).fill("12 / 34");
  await form.getByLabel(en.payment.cvc).fill("123");
  await form.getByTestId("pay-button").click();
  await expect(page).toHaveURL(new RegExp(`/en/checkout/done/${orderId}$`), NAV);
  const status = await trpc<{ order: { number: string }; payment: { id: string } }>(page, "payments.status", { orderId }, "query");
  const { number } = status.order;
  const paymentId = status.payment.id;

  await test.step("the shopper's Payments tab lists it with the card; the receipt is printable and downloadable as a PDF", async () => {
    await page.goto("/en/account/payments", NAV);
    await expect(page.getByRole("link", { name: en.account.nav.payments })).toHaveAttribute("aria-current", "page");
    const card = page.getByTestId("my-payment").filter({ hasText: number });
    await expect(card).toContainText("Visa ending in 4242");
    await expect(card.getByTestId("payment-status")).toHaveText(en.paymentRecords.status.CAPTURED);
    await shot(page, "account-payments");
    await card.getByTestId("receipt-link").click();
    await expect(page).toHaveURL(new RegExp(`/en/account/payments/${paymentId}/receipt$`), NAV);
    const receipt = page.getByTestId("receipt");
    await expect(receipt.getByRole("heading", { name: ap.receipt.title })).toBeVisible();
    await expect(receipt).toContainText(number);
    await expect(receipt).toContainText("Atelier Lumière");
    await shot(page, "receipt");
    const pdf = await page.request.get(`/api/receipts/${paymentId}?locale=en`);
    expect(pdf.status()).toBe(200);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    expect((await pdf.body()).subarray(0, 5).toString()).toBe("%PDF-");
  });

  await test.step("someone else gets 404 for the receipt page and the PDF", async () => {
    const other = await as(browser, DEMO_ACCOUNTS.moderator.email);
    expect((await other.page.request.get(`/api/receipts/${paymentId}?locale=en`)).status()).toBe(404);
    const response = await other.page.goto(`/en/account/payments/${paymentId}/receipt`);
    expect(response?.status()).toBe(404);
    await other.close();
  });

  await test.step("artisan@ refunds part of its sub-order before shipping", async () => {
    const seller = await as(browser, DEMO_ACCOUNTS.artisan.email);
    const subs = await trpc<{ items: { id: string; order: { number: string } }[] }>(seller.page, "orders.listVendorSubOrders", { vendorId: await vendorIdOf(seller.page, "atelier-lumiere"), query: number, limit: 5 }, "query");
    await seller.page.goto(`/en/seller/orders/${subs.items[0]!.id}`, NAV);
    const panel = seller.page.getByTestId("part-refunds");
    await panel.getByTestId("refund-button").click();
    const dialog = seller.page.getByRole("dialog");
    await dialog.getByLabel(new RegExp(rd.amount.replace("({currency})", ""))).fill("1.00");
    await dialog.getByLabel(rd.reason).fill("A small scratch");
    await shot(seller.page, "seller-refund-dialog");
    await dialog.getByRole("button", { name: rd.submit }).click();
    await expect(dialog).toBeHidden(NAV);
    await expect(panel.getByTestId("part-refund")).toContainText("$1.00", NAV);
    await expect(panel.getByTestId("part-refund")).toContainText("A small scratch");
    await shot(seller.page, "seller-order-refunds");
    await seller.close();
  });

  await test.step("admin finds the payment by shop and status, reads its events and refunds the other part", async () => {
    const admin = await as(browser, DEMO_ACCOUNTS.admin.email);
    const p = admin.page;
    await p.goto("/en/admin/payments", NAV);
    await p.getByLabel(pa.vendor, { exact: true }).selectOption({ label: "Tech Haven" });
    await p.getByLabel(pa.status, { exact: true }).selectOption({ label: en.paymentRecords.status.CAPTURED });
    await p.getByRole("button", { name: en.orders.apply }).click();
    await expect(p).toHaveURL(/status=captured/, NAV);
    const row = p.getByTestId("admin-payment-row").filter({ hasText: number });
    await expect(row).toHaveCount(1);
    await expect(p.getByTestId("payment-totals")).toContainText("USD");
    await shot(p, "admin-payments");
    await row.getByRole("link", { name: new RegExp(pa.view) }).click();
    await expect(p).toHaveURL(new RegExp(`/en/admin/payments/${paymentId}$`), NAV);
    await expect(p.getByTestId("payment-refund")).toHaveCount(1);
    await expect(p.getByTestId("payment-events")).toContainText("payment_intent.succeeded", NAV);
    const tech = p.getByTestId("payment-part").filter({ hasText: "Tech Haven" });
    await tech.getByTestId("refund-button").click();
    const dialog = p.getByRole("dialog");
    await dialog.getByLabel(new RegExp(rd.amount.replace("({currency})", ""))).fill("999999");
    await dialog.getByLabel(rd.reason).fill("Arrived broken");
    await dialog.getByRole("button", { name: rd.submit }).click();
    await expect(dialog.getByText(/more than is left to refund/)).toBeVisible();
    await dialog.getByLabel(new RegExp(rd.amount.replace("({currency})", ""))).fill("2.50");
    await shot(p, "admin-refund-dialog");
    await dialog.getByRole("button", { name: rd.submit }).click();
    await expect(dialog).toBeHidden(NAV);
    await expect(p.getByTestId("payment-refund")).toHaveCount(2, NAV);
    await expect(p.getByTestId("payment-refunded")).toContainText("$3.50");
    await shot(p, "admin-payment");
    await p.getByTestId("payment-order-link").click();
    await expect(p.getByTestId("order-payment-panel")).toContainText("$3.50", NAV);
    await shot(p, "admin-order-panel");
    await p.getByTestId("order-payment-link").click();
    await expect(p).toHaveURL(new RegExp(`/en/admin/payments/${paymentId}$`), NAV);
    await admin.close();
  });

  if (SHOTS) {
    await test.step("mobile and Arabic screenshots", async () => {
      const mobile = await as(browser, DEMO_ACCOUNTS.shopper.email, { width: 390, height: 844 });
      await mobile.page.goto("/en/account/payments", NAV);
      await shot(mobile.page, "account-payments-mobile");
      await mobile.page.goto(`/ar/account/payments/${paymentId}/receipt`, NAV);
      await shot(mobile.page, "receipt-ar-mobile");
      await mobile.close();
      const admin = await as(browser, DEMO_ACCOUNTS.admin.email, { width: 390, height: 844 });
      await admin.page.goto("/en/admin/payments", NAV);
      await shot(admin.page, "admin-payments-mobile");
      await admin.page.goto(`/en/admin/payments/${paymentId}`, NAV);
      await shot(admin.page, "admin-payment-mobile");
      await admin.close();
    });
  }
});

async function vendorIdOf(page: Page, slug: string) {
  const shops = await trpc<{ id: string; slug: string }[]>(page, "vendors.listMyVendors", null, "query");
  return shops.find((s) => s.slug === slug)!.id;
}
