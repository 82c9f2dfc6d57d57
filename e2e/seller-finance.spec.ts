// Seller money: the seller's finance page and the admin's commission settings.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";

test("a seller sees balances, a disabled payout request with its reason, and the ledger", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.seller.email, DEMO_PASSWORD);
  await page.goto("/en/seller");
  await page.getByRole("link", { name: en.sellerFinance.nav }).click();
  await expect(page.getByRole("heading", { level: 1, name: en.sellerFinance.title })).toBeVisible();
  for (const label of [en.sellerFinance.pending, en.sellerFinance.available, en.sellerFinance.paidOut]) {
    await expect(page.getByText(label, { exact: true }).first()).toBeVisible();
  }
  const request = page.getByRole("button", { name: en.sellerFinance.requestPayout }).first();
  await expect(request).toBeDisabled();
  await expect(page.getByText("The minimum payout is $10.00").first()).toBeVisible();
  await expect(page.getByRole("heading", { name: en.sellerFinance.entriesTitle })).toBeVisible();
});

test("staff with payments.manage set the default commission; the change is kept", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
  await page.goto("/en/admin/payouts");
  await expect(page.getByRole("heading", { level: 1, name: en.adminPayments.title })).toBeVisible();
  const rate = page.getByLabel(en.adminPayments.defaultRate);
  await rate.fill("12.5");
  await page.getByRole("button", { name: en.adminPayments.save }).click();
  await expect(page.getByText(en.adminPayments.saved)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel(en.adminPayments.defaultRate)).toHaveValue("12.5");
  await page.getByLabel(en.adminPayments.defaultRate).fill("150");
  await page.getByRole("button", { name: en.adminPayments.save }).click();
  await expect(page.getByText(en.adminPayments.rateInvalid)).toBeVisible();
  await page.getByLabel(en.adminPayments.defaultRate).fill("10");
  await page.getByRole("button", { name: en.adminPayments.save }).click();
  await expect(page.getByText(en.adminPayments.saved)).toBeVisible();
});
