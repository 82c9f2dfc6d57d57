// The three faces are guarded: anonymous → sign in, wrong role → 403.
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";

test("anonymous visitors are sent to sign in and come back afterwards", async ({ page }) => {
  await page.goto("/en/admin");
  await expect(page).toHaveURL(/\/en\/login\?callbackUrl=/);
  await page.getByLabel(en.auth.email).fill(DEMO_ACCOUNTS.admin.email);
  await page.getByLabel(en.auth.password, { exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: en.auth.login.submit }).click();
  await expect(page).toHaveURL(/\/en\/admin$/);
});

test("the seeded admin opens the admin console and its audit log", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
  const response = await page.goto("/en/admin");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await page.goto("/en/admin/audit");
  await expect(page.getByTestId("audit-table")).toContainText("auth.signIn");
});

test("the seeded seller opens the seller center", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.seller.email, DEMO_PASSWORD);
  const response = await page.goto("/en/seller");
  expect(response?.status()).toBe(200);
  await expect(page.getByRole("main").getByText("Nordic Home").first()).toBeVisible();
});

test("a buyer gets 403 on the admin console and the seller center", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);
  for (const path of ["/en/admin", "/en/seller"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: en.forbidden.title })).toBeVisible();
  }
});
