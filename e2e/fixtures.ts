// Shared helpers for the journeys: demo accounts, signing in through the real form, the dev mailbox.
import { expect, test as base, type Page } from "@playwright/test";
import en from "../messages/en.json" with { type: "json" };
import { DEMO_ACCOUNTS, DEMO_PASSWORD } from "../prisma/seed/demo-accounts";
import { currentStep, totpAt } from "../server/modules/identity/totp";

export { expect, en, DEMO_ACCOUNTS, DEMO_PASSWORD };

/** Signs in through /en/login; `otp` answers the second step when 2FA is on. */
export async function signIn(page: Page, email: string, password: string, otp?: string) {
  await page.goto("/en/login");
  await page.getByLabel(en.auth.email).fill(email);
  await page.getByLabel(en.auth.password, { exact: true }).fill(password);
  await page.getByRole("button", { name: en.auth.login.submit }).click();
  if (otp) {
    const code = page.getByLabel(en.auth.login.otpLabel);
    await expect(code).toBeVisible();
    await code.fill(otp);
    await page.getByRole("button", { name: en.auth.login.verify }).click();
  }
  await expect(page).not.toHaveURL(/\/login/);
}

/** A TOTP code for `secret` that differs from `previous` (codes are single-use). */
export async function freshTotp(secret: string, previous?: string): Promise<string> {
  for (;;) {
    const code = totpAt(secret, currentStep());
    if (code !== previous) return code;
    await new Promise((r) => setTimeout(r, 1000));
  }
}

/** Opens the newest dev-mailbox mail to `to` with `subject` and returns its first link. */
export async function linkFromMailbox(page: Page, to: string, subject: string): Promise<string> {
  await page.goto(`/en/dev/mailbox?to=${encodeURIComponent(to)}`);
  await page.getByRole("link", { name: subject }).first().click();
  const link = page.getByTestId("mail-links").getByRole("link").first();
  const href = await link.getAttribute("href");
  if (!href) throw new Error("mail has no link");
  return href;
}

export const test = base;
