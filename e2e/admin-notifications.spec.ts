// Issue 7, the admin side: an admin writes a bulk send to the shoppers who read Bazaar in French
// (in-app only, English and French text), confirms it and watches the worker's progress reach
// the end; the French-speaking shopper finds it, in French, among their notifications. The
// deliveries page filtered by channel lists in-app rows; a send without its English title shows
// a translated error next to the field and creates nothing. A push that cannot be delivered
// (the shopper's subscription points nowhere) is put back in the queue from the deliveries page.
// Needs the background worker (it runs the campaign's batches); playwright.config.ts starts it.
import crypto from "node:crypto";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";
import { trpc } from "./shop-helpers";

const shopper = DEMO_ACCOUNTS.shopper;
const tf = en.adminNotifications.campaignForm;
type Campaigns = { items: { id: string }[] };

test("an admin sends a message to French-speaking shoppers and follows it to the shopper's notifications", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const stamp = Date.now().toString(36);
  const english = { title: `Winter sale ${stamp}`, body: "20% off lamps this week." };
  const french = { title: `Soldes d'hiver ${stamp}`, body: "20 % de remise sur les lampes cette semaine." };

  // The demo shopper reads Bazaar in French for this journey (seeded accounts are English).
  const shopperContext = await browser.newContext();
  const shopperPage = await shopperContext.newPage();
  await signIn(shopperPage, shopper.email, DEMO_PASSWORD);
  await trpc(shopperPage, "identity.updateProfile", { name: shopper.name, locale: "fr" }, "mutation");
  try {
    await signIn(page, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);

    await test.step("the admin opens Bulk sends from the notifications overview", async () => {
      await page.goto("/en/admin/notifications");
      const tabs = page.getByRole("navigation", { name: en.adminNotifications.tabs.label });
      await expect(tabs.getByRole("link", { name: en.adminNotifications.tabs.overview })).toHaveAttribute("aria-current", "page");
      await tabs.getByRole("link", { name: en.adminNotifications.tabs.campaigns }).click();
      await expect(page.getByRole("heading", { level: 1, name: en.adminNotifications.campaigns.title })).toBeVisible();
      await expect(tabs.getByRole("link", { name: en.adminNotifications.tabs.campaigns })).toHaveAttribute("aria-current", "page");
    });

    const form = page.getByTestId("campaign-form");
    await test.step("without an English title the form shows a translated error and sends nothing", async () => {
      const before = (await trpc<Campaigns>(page, "notifications.listCampaigns", { limit: 50 }, "query")).items.length;
      await form.getByRole("radio", { name: tf.oneLanguage }).check();
      await form.getByLabel(tf.language, { exact: true }).selectOption("fr");
      await expect(form.getByRole("checkbox", { name: en.notifications.channels.IN_APP })).toBeChecked();
      await expect(form.getByRole("checkbox", { name: en.notifications.channels.EMAIL })).not.toBeChecked();
      await expect(form.getByRole("checkbox", { name: en.notifications.channels.PUSH })).not.toBeChecked();
      await form.locator("#campaign-en-body").fill(english.body);
      await form.getByRole("button", { name: tf.review }).click();
      await expect(form.locator("#campaign-en-title")).toHaveAttribute("aria-invalid", "true");
      await expect(form.locator("#campaign-en-title-error")).toHaveText(en.errors.validation.required);
      await expect(form.locator("#campaign-en-title")).toBeFocused();
      await expect(page.getByRole("dialog")).toHaveCount(0);
      expect((await trpc<Campaigns>(page, "notifications.listCampaigns", { limit: 50 }, "query")).items.length).toBe(before);
    });

    await test.step("with English and French text it asks for confirmation, then sends", async () => {
      await form.locator("#campaign-en-title").fill(english.title);
      await form.getByText(tf.languageText.replace("{language}", "Français")).click();
      await form.locator("#campaign-fr-title").fill(french.title);
      await form.locator("#campaign-fr-body").fill(french.body);
      await form.getByRole("button", { name: tf.review }).click();
      const dialog = page.getByRole("dialog", { name: tf.confirmTitle });
      await expect(dialog).toContainText(tf.confirmLocale.replace("{language}", "Français"));
      await expect(dialog).toContainText(tf.confirmChannels.replace("{channels}", en.notifications.channels.IN_APP));
      // How many it reaches now (at least the shopper switched to French above).
      await expect(dialog.getByTestId("campaign-audience")).toContainText(/It goes to \d+ shoppers? now/);
      await dialog.getByRole("button", { name: tf.send }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step("the progress bar follows the worker to the end: every recipient processed", async () => {
      const progress = page.getByTestId("campaign-progress");
      await expect(progress).toHaveAttribute("data-status", "DONE", { timeout: 60_000 });
      await expect(progress.getByRole("heading", { name: tf.doneTitle })).toBeVisible();
      const bar = progress.getByRole("progressbar", { name: en.adminNotifications.campaigns.progressLabel });
      await expect(bar).toHaveAttribute("aria-valuenow", "100");
      const figure = (await bar.getAttribute("aria-valuetext")) ?? "";
      const [, processed, total] = /^(\d+) of (\d+) recipients processed$/.exec(figure) ?? [];
      expect(Number(total)).toBeGreaterThan(0);
      expect(processed).toBe(total);
      await expect(progress.getByText(figure)).toBeVisible();
      // The list below shows the send, done.
      await expect(page.getByTestId("campaign-row").first()).toHaveAttribute("data-status", "DONE");
    });

    await test.step("the French-speaking shopper has it, in French", async () => {
      await expect(async () => {
        await shopperPage.goto("/en/account/notifications");
        await expect(shopperPage.getByTestId("notification-item").filter({ hasText: french.title })).toHaveCount(1, { timeout: 2_000 });
      }).toPass({ timeout: 30_000 });
      await expect(shopperPage.getByTestId("notification-item").filter({ hasText: french.title })).toContainText(french.body);
      await expect(shopperPage.getByText(english.title)).toHaveCount(0);
    });

    await test.step("the deliveries page filtered by channel lists in-app rows", async () => {
      await page.getByRole("navigation", { name: en.adminNotifications.tabs.label }).getByRole("link", { name: en.adminNotifications.tabs.deliveries }).click();
      await expect(page.getByRole("heading", { level: 1, name: en.adminNotifications.deliveries.title })).toBeVisible();
      await page.getByLabel(en.adminNotifications.deliveries.channel).selectOption("IN_APP");
      await page.getByRole("button", { name: en.adminNotifications.deliveries.apply }).click();
      await expect(page).toHaveURL(/channel=IN_APP/);
      const rows = page.getByTestId("delivery-row");
      await expect(rows.first()).toBeVisible();
      expect(new Set(await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-channel"))))).toEqual(new Set(["IN_APP"]));
      await expect(rows.filter({ hasText: en.notifications.types.marketing }).first()).toBeVisible();
      await expect(page.getByLabel(en.adminNotifications.deliveries.channel)).toHaveValue("IN_APP");
    });
  } finally {
    await trpc(shopperPage, "identity.updateProfile", { name: shopper.name, locale: "en" }, "mutation").catch(() => {});
    await shopperContext.close();
  }
});

test("an admin puts a failed push delivery back in the queue", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const td = en.adminNotifications.deliveries;
  // The shopper's only push subscription points at a closed port: every push to it fails.
  const shopperContext = await browser.newContext();
  const shopperPage = await shopperContext.newPage();
  await signIn(shopperPage, shopper.email, DEMO_PASSWORD);
  const ecdh = crypto.createECDH("prime256v1");
  ecdh.generateKeys();
  const endpoint = `https://127.0.0.1:9/e2e-push/${Date.now().toString(36)}`;
  await trpc(shopperPage, "notifications.savePushSubscription", { endpoint, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth: crypto.randomBytes(16).toString("base64url") } }, "mutation");
  try {
    await signIn(page, DEMO_ACCOUNTS.admin.email, DEMO_PASSWORD);
    // Push only: everyone without a subscription is skipped, so this is the shopper's push.
    await trpc(page, "notifications.sendBulk", { segment: { kind: "allShoppers" }, channels: ["PUSH"], content: { en: { title: "Flash sale", body: "Two hours only." } } }, "mutation");

    const failed = page.getByTestId("delivery-row").filter({ hasText: en.notifications.types.marketing }).and(page.locator('[data-status="FAILED"]'));
    await expect(async () => {
      await page.goto("/en/admin/notifications/deliveries?status=FAILED&channel=PUSH");
      await expect(failed.first()).toBeVisible({ timeout: 2_000 });
    }).toPass({ timeout: 100_000 });
    await expect(failed.first()).toContainText("push failed");

    await failed.first().getByRole("button", { name: new RegExp(`^${td.retry}`) }).click();
    const dialog = page.getByRole("dialog", { name: td.retryTitle });
    await expect(dialog).toContainText(td.retryDescription);
    await dialog.getByRole("button", { name: td.retry, exact: true }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByText(td.retried, { exact: true })).toBeVisible();
  } finally {
    await trpc(shopperPage, "notifications.deletePushSubscription", { endpoint }, "mutation").catch(() => {});
    await shopperContext.close();
  }
});
