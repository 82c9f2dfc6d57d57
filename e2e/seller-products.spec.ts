// A seller lists a product with two options (four generated variants), two images and prices,
// saves it and publishes it; then a shopper finds it in its category, filters to it by brand
// and opens it, in English and in Arabic (right-to-left).
import path from "node:path";
import type { Page } from "@playwright/test";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";

const sp = en.sellerProducts;
const ed = sp.editor;
const fill = (template: string, values: Record<string, string>) => template.replace(/\{(\w+)\}/g, (_, k: string) => values[k] ?? "");
const fixture = (name: string) => path.join(import.meta.dirname, "fixtures", name);

// From the seed: Electronics › Audio › Speakers, and a brand that sells no speakers there, so
// filtering by it leaves only this product.
const CATEGORY = { path: "Electronics › Audio › Speakers", slug: "speakers", arabic: "مكبرات صوت" };
const BRAND = "Quill";

/** Closes the toasts (they stay while the pointer rests on them). */
async function dismissToasts(page: Page) {
  for (const button of await page.getByRole("button", { name: en.common.dismiss }).all()) await button.click();
}

test("a seller publishes a product with variants and images; shoppers find it in English and Arabic", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const suffix = Date.now().toString(36).slice(-5);
  const title = `Trail Speaker ${suffix}`;
  const arabicTitle = `مكبر صوت للرحلات ${suffix}`;

  await signIn(page, DEMO_ACCOUNTS.seller.email, DEMO_PASSWORD);
  await page.goto("/en/seller/products");
  await expect(page.getByRole("heading", { level: 1, name: sp.title })).toBeVisible();
  await page.getByRole("link", { name: sp.newProduct }).first().click();
  await expect(page).toHaveURL(/\/en\/seller\/products\/new$/);

  await test.step("basics: title, category from the tree, brand, an attribute", async () => {
    await page.getByRole("textbox", { name: ed.title, exact: true }).fill(title);
    await page.getByRole("combobox", { name: ed.category }).fill("Speakers");
    await page.getByRole("option", { name: CATEGORY.path }).click();
    await expect(page.getByTestId("category-selected")).toContainText(CATEGORY.path);
    await page.getByLabel(ed.brand).selectOption({ label: BRAND });
    // The category's attributes appear once it is chosen (Audio defines connectivity).
    await page.getByLabel("Connectivity").selectOption({ label: "Bluetooth" });
    await page.getByRole("textbox", { name: ed.description, exact: true }).click();
    await page.keyboard.type("A rugged speaker for the trail.");
  });

  await test.step("two options generate four variants", async () => {
    const options = page.getByTestId("option");
    for (const [index, [name, values]] of ([["Colour", ["Red", "Blue"]], ["Size", ["S", "M"]]] as const).entries()) {
      await page.getByRole("button", { name: ed.addOption }).click();
      const option = options.nth(index);
      await option.getByLabel(ed.optionName).fill(name);
      const input = option.getByLabel(ed.optionValues, { exact: true });
      for (const value of values) {
        await input.fill(value);
        await input.press("Enter");
      }
    }
    await expect(page.getByText(ed.variantsOutOfDate)).toBeVisible();
    await page.getByRole("button", { name: ed.generateVariants }).click();
    await expect(page.getByTestId("variant-row")).toHaveCount(4);
    await expect(page.getByText(ed.variantsOutOfDate)).toBeHidden();
  });

  await test.step("two images", async () => {
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: en.media.choose }).click();
    await (await chooser).setFiles([fixture("product-red.png"), fixture("product-blue.png")]);
    const images = page.getByTestId("product-images").getByRole("listitem");
    await expect(images).toHaveCount(2);
    await images.nth(0).getByLabel(ed.altText).fill("Red trail speaker");
    // The second image becomes the main one.
    await images.nth(1).getByRole("button", { name: ed.setMain }).click();
    await expect(images.nth(0).getByText(ed.mainImage)).toBeVisible();
  });

  await test.step("prices: one for all, then one variant dearer", async () => {
    await page.getByLabel(fill(ed.bulkPrice, { currency: "USD" })).fill("49.90");
    await page.getByRole("button", { name: ed.applyToAll }).click();
    await page.getByLabel(fill(ed.variantField.price, { variant: "Blue / M" }), { exact: true }).fill("54.90");
  });

  await test.step("an Arabic translation", async () => {
    await page.getByRole("tab", { name: "العربية" }).click();
    await page.getByLabel(fill(ed.translatedTitle, { language: "العربية" })).fill(arabicTitle);
  });

  await test.step("save as a draft, then publish", async () => {
    await page.getByRole("button", { name: ed.saveDraft }).click();
    await expect(page).toHaveURL(/\/en\/seller\/products\/[a-z0-9]{20,}$/);
    await expect(page.getByText(ed.saved, { exact: true }).first()).toBeVisible();
    await expect(page.getByTestId("product-state")).toContainText(sp.status.DRAFT);
    await expect(page.getByTestId("variant-row")).toHaveCount(4);
    await dismissToasts(page);
    await page.getByRole("button", { name: ed.saveAndPublish }).click();
    await expect(page.getByText(ed.savedPublished).first()).toBeVisible();
    await expect(page.getByTestId("product-state")).toContainText(sp.status.ACTIVE);
    await expect(page.getByTestId("public-link")).toBeVisible();
  });

  await test.step("the list shows it as active with its price range and variants", async () => {
    await page.goto(`/en/seller/products?q=${encodeURIComponent(title)}`);
    const row = page.getByTestId("product-list").getByRole("row", { name: new RegExp(title) });
    await expect(row).toContainText(sp.status.ACTIVE);
    await expect(row).toContainText("$49.90");
    await expect(row).toContainText("$54.90");
    await expect(row).toContainText("4 variants");
  });

  // A shopper (a fresh session) finds it.
  const shopperContext = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const shopper = await shopperContext.newPage();
  await signIn(shopper, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);

  await test.step("in its category, filtered by brand, in English", async () => {
    await shopper.goto(`/en/c/${CATEGORY.slug}`);
    await expect(shopper.getByRole("heading", { level: 1 })).toHaveText("Speakers");
    await shopper.getByTestId("filters").getByRole("checkbox", { name: new RegExp(`^${BRAND}\\b`) }).check();
    await shopper.waitForURL(/[?&]brand=/);
    const cards = shopper.getByTestId("product-card");
    await expect(cards).toHaveCount(1);
    await expect(cards.first()).toContainText(title);
    await expect(cards.first()).toContainText("$49.90");
    await cards.first().getByRole("link", { name: title }).click();
    await expect(shopper).toHaveURL(/\/en\/p\/trail-speaker-[a-z0-9-]+$/);
    await expect(shopper.getByRole("heading", { level: 1 })).toHaveText(title);
  });

  await test.step("in Arabic, right-to-left, with the Arabic title", async () => {
    await shopper.goto(`/ar/c/${CATEGORY.slug}`);
    await expect(shopper.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(shopper.getByRole("heading", { level: 1 })).toHaveText(CATEGORY.arabic);
    await shopper.getByTestId("filters").getByRole("checkbox", { name: new RegExp(`^${BRAND}\\b`) }).check();
    await shopper.waitForURL(/[?&]brand=/);
    const card = shopper.getByTestId("product-card").filter({ hasText: arabicTitle });
    await expect(card).toHaveCount(1);
    await card.getByRole("link", { name: arabicTitle }).click();
    await expect(shopper).toHaveURL(/\/ar\/p\/trail-speaker-[a-z0-9-]+$/);
    await expect(shopper.locator("html")).toHaveAttribute("lang", "ar");
    await expect(shopper.getByRole("heading", { level: 1 })).toHaveText(arabicTitle);
  });
  await shopperContext.close();
});
