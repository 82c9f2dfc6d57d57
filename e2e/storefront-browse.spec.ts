// A shopper browses the seeded catalog: a category, a brand filter, a product, a variant; and
// the same product page in Arabic is right-to-left. Names are read from the pages, not hard-coded.
import { en, expect, test } from "./fixtures";

test("a shopper filters a category by brand, opens a product and picks a variant", async ({ page }) => {
  await page.goto("/en");
  const categories = page.getByRole("region", { name: en.storefront.home.shopByCategory });
  const firstCategory = categories.getByRole("link").first();
  const categoryName = (await firstCategory.locator("span").first().innerText()).trim();
  await firstCategory.click();
  await expect(page).toHaveURL(/\/en\/c\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(categoryName);

  await test.step("filter by the first brand", async () => {
    const brands = page.getByTestId("filters").getByRole("group", { name: en.storefront.filters.brand });
    const brand = brands.getByRole("checkbox").first();
    const label = await brands.locator("label").first().innerText();
    const expected = Number(/\((\d[\d,]*)\)/.exec(label)![1]!.replace(/,/g, ""));
    await brand.check();
    // With JavaScript the change applies at once; the button is the no-JS path.
    await page.waitForURL(/[?&]brand=/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${expected.toLocaleString("en")}\\b`));
    await expect(page.getByTestId("filters").getByRole("checkbox").first()).toBeChecked();
    await expect(page.getByTestId("product-card")).toHaveCount(Math.min(expected, 24));
  });

  const card = page.getByTestId("product-card").first();
  const title = (await card.getByRole("heading").innerText()).trim();
  await card.getByRole("link", { name: title }).click();
  await expect(page).toHaveURL(/\/en\/p\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  await test.step("pick another variant and see its price", async () => {
    const panel = page.getByTestId("purchase-panel");
    const price = page.getByTestId("variant-price");
    await expect(price).toContainText("$");
    const skuBefore = await price.locator("p").last().innerText();
    const choice = panel.locator('button[aria-pressed="false"]:not([aria-disabled="true"])').first();
    await expect(choice).toBeVisible();
    const value = (await choice.innerText()).trim();
    await choice.click();
    await expect(panel.getByRole("button", { name: value, exact: true })).toHaveAttribute("aria-pressed", "true");
    await expect(page).toHaveURL(/[?&]variant=[^&]+/);
    await expect(price.locator("p").last()).not.toHaveText(skuBefore);
    await expect(price.locator("p").first()).toHaveText(/\$\d[\d,]*\.\d{2}/);

    // The chosen variant is linkable: opening the URL shows the same variant and price.
    const chosenPrice = await price.locator("p").first().innerText();
    const chosenSku = await price.locator("p").last().innerText();
    await page.reload();
    await expect(price.locator("p").first()).toHaveText(chosenPrice);
    await expect(price.locator("p").last()).toHaveText(chosenSku);
  });

  await test.step("the same product in Arabic is right-to-left", async () => {
    const arabicUrl = page.url().replace("/en/p/", "/ar/p/");
    await page.goto(arabicUrl);
    await expect(page.locator("html")).toHaveAttribute("dir", "rtl");
    await expect(page.locator("html")).toHaveAttribute("lang", "ar");
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByTestId("variant-price")).toBeVisible();
  });
});
