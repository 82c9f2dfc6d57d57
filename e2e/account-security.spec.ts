// Register → verify from the dev mailbox → sign in → sign out another device → 2FA on →
// sign in with a code.
import { en, expect, freshTotp, linkFromMailbox, signIn, test } from "./fixtures";

test("a new shopper registers, verifies, manages devices and turns on 2FA", async ({ page, browser }) => {
  const email = `e2e-${Date.now()}@example.com`;
  const password = "Correct-horse-42";

  await test.step("register", async () => {
    await page.goto("/en/register");
    await page.getByLabel(en.auth.name).fill("Erin Tester");
    await page.getByLabel(en.auth.email).fill(email);
    await page.getByLabel(en.auth.password, { exact: true }).fill(password);
    await page.getByLabel(en.auth.confirmPassword).fill(password);
    await page.getByRole("button", { name: en.auth.register.submit }).click();
    await expect(page.getByText(en.auth.register.checkInboxTitle)).toBeVisible();
  });

  await test.step("signing in before verifying is refused", async () => {
    await page.goto("/en/login");
    await page.getByLabel(en.auth.email).fill(email);
    await page.getByLabel(en.auth.password, { exact: true }).fill(password);
    await page.getByRole("button", { name: en.auth.login.submit }).click();
    await expect(page.getByText(en.errors.auth.emailNotVerified)).toBeVisible();
  });

  await test.step("verify the email from the dev mailbox", async () => {
    const verifyUrl = await linkFromMailbox(page, email, en.mail.verifyEmail.subject);
    await page.goto(verifyUrl);
    await expect(page.getByText(en.auth.verifyEmail.success.replace("{email}", email))).toBeVisible();
  });

  await test.step("sign in on two devices, then sign the other one out", async () => {
    await signIn(page, email, password);
    const other = await browser.newContext();
    const otherPage = await other.newPage();
    await signIn(otherPage, email, password);

    await page.goto("/en/account/security");
    const rows = page.getByTestId("sessions-list").getByTestId("session-row");
    await expect(rows).toHaveCount(2);
    const otherRow = rows.filter({ hasNot: page.getByText(en.account.sessions.thisDevice) });
    await otherRow.getByRole("button", { name: en.account.sessions.signOut }).click();
    await expect(rows).toHaveCount(1);

    // The revoked device is signed out for real: its next visit asks it to sign in.
    await otherPage.goto("/en/account");
    await expect(otherPage).toHaveURL(/\/en\/login/);
    await other.close();
  });

  let secret = "";
  let usedCode = "";
  await test.step("turn on two-factor authentication", async () => {
    await page.getByRole("button", { name: en.account.twoFactor.enable }).click();
    secret = (await page.getByTestId("totp-secret").innerText()).replace(/\s+/g, "");
    usedCode = await freshTotp(secret);
    await page.getByLabel(en.account.twoFactor.codeLabel).fill(usedCode);
    await page.getByRole("button", { name: en.account.twoFactor.confirm }).click();
    await expect(page.getByText(en.account.twoFactor.recoveryTitle)).toBeVisible();
    await page.getByRole("button", { name: en.account.twoFactor.done }).click();
  });

  await test.step("sign out and back in with a code", async () => {
    await page.getByTestId("account-menu").locator("summary").click();
    await page.getByTestId("account-menu").getByRole("button", { name: en.nav.signOut, exact: true }).click();
    await expect(page.getByRole("link", { name: en.nav.signIn })).toBeVisible();

    // A wrong code is refused with a translated message.
    await page.goto("/en/login");
    await page.getByLabel(en.auth.email).fill(email);
    await page.getByLabel(en.auth.password, { exact: true }).fill(password);
    await page.getByRole("button", { name: en.auth.login.submit }).click();
    await page.getByLabel(en.auth.login.otpLabel).fill(usedCode === "123456" ? "654321" : "123456");
    await page.getByRole("button", { name: en.auth.login.verify }).click();
    await expect(page.getByText(en.errors.auth.totpInvalid)).toBeVisible();

    // Codes are single-use: wait for the next one after the set-up code.
    await signIn(page, email, password, await freshTotp(secret, usedCode));
    await page.goto("/en/account/security");
    await expect(page.getByText(en.account.twoFactor.statusOn, { exact: true })).toBeVisible();
  });
});
