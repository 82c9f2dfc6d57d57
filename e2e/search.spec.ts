// Search journeys on the seeded catalog: the header typeahead (keyboard), the search page with a
// facet and a sort kept in the URL, a typo that still finds the product, and "Recently viewed".
import { en, expect, test } from "./fixtures";

const box = en.storefront.searchBox;

test("typeahead: suggestions as one types, arrows and Enter open a product", async ({ page }) => {
  await page.goto("/en");
  const input = page.getByRole("combobox", { name: box.label });
  await input.click();
  await input.pressSequentially("headph", { delay: 30 });
  const listbox = page.getByRole("listbox", { name: box.label });
  await expect(listbox).toBeVisible();
  await expect(input).toHaveAttribute("aria-expanded", "true");
  const products = listbox.getByRole("group", { name: box.products }).getByRole("option");
  await expect(products.first()).toBeVisible();
  const optionCount = await listbox.getByRole("option").count();
  const productIndex = await listbox.getByRole("option").evaluateAll((options, firstProductId) => options.findIndex((o) => o.id === firstProductId), await products.first().getAttribute("id"));
  expect(productIndex).toBeGreaterThanOrEqual(0);
  expect(productIndex).toBeLessThan(optionCount);
  const title = (await products.first().innerText()).trim();
  for (let i = 0; i <= productIndex; i++) await input.press("ArrowDown");
  await expect(input).toHaveAttribute("aria-activedescendant", (await products.first().getAttribute("id"))!);
  await expect(products.first()).toHaveAttribute("aria-selected", "true");
  await input.press("Enter");
  await expect(page).toHaveURL(/\/en\/p\/[^/?]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);

  // Escape closes the list, a second Escape clears the text.
  await input.fill("sleeping");
  await expect(listbox).toBeVisible();
  await input.press("Escape");
  await expect(listbox).toBeHidden();
  await input.press("Escape");
  await expect(input).toHaveValue("");
});

test("search page: results, a facet and a sort narrow them and live in the URL", async ({ page }) => {
  await page.goto("/en");
  const input = page.getByRole("combobox", { name: box.label });
  await input.fill("headphones");
  await input.press("Enter");
  await expect(page).toHaveURL(/\/en\/search\?q=headphones$/);
  await expect(page.getByTestId("search-title")).toContainText("headphones");
  const count = async () => Number((await page.getByTestId("result-count").innerText()).replace(/[^\d]/g, ""));
  const total = await count();
  expect(total).toBeGreaterThan(1);
  await expect(page.getByTestId("product-card").first()).toBeVisible();

  await test.step("filter by a brand", async () => {
    const brands = page.getByTestId("filters").getByRole("group", { name: en.storefront.filters.brand });
    const label = await brands.locator("label").first().innerText();
    const expected = Number(/\((\d[\d,]*)\)/.exec(label)![1]!.replace(/,/g, ""));
    await brands.getByRole("checkbox").first().check();
    await page.waitForURL(/[?&]brand=/);
    await expect(page).toHaveURL(/q=headphones/);
    await expect(page.getByTestId("result-count")).toHaveText(new RegExp(`^${expected.toLocaleString("en")}\\b`));
    expect(expected).toBeLessThanOrEqual(total);
  });

  await test.step("sort by price, low to high", async () => {
    await page.getByLabel(en.storefront.sort.label).selectOption("priceAsc");
    await page.waitForURL(/[?&]sort=priceAsc/);
    await expect(page).toHaveURL(/brand=/);
    const prices = await page.getByTestId("product-card").evaluateAll((cards) =>
      cards.map((card) => Number((card.querySelector("p.mt-auto span")?.textContent ?? "").replace(/[^\d.]/g, ""))));
    expect(prices.length).toBeGreaterThan(0);
    expect([...prices].sort((a, b) => a - b)).toEqual(prices);
  });

  await test.step("the category tree narrows the search", async () => {
    const tree = page.getByTestId("category-facet");
    await tree.getByRole("link").first().click();
    await page.waitForURL(/[?&]category=/);
    await expect(page.getByTestId("category-facet").getByRole("link", { name: en.storefront.filters.allCategories })).toBeVisible();
  });
});

test("a typo still finds the product, and says what it searched for", async ({ page }) => {
  await page.goto("/en/search?q=hedphones");
  await expect(page.getByTestId("corrected")).toContainText("headphones");
  await expect(page.getByTestId("product-card").first()).toBeVisible();
  await expect(page.locator('meta[name="robots"]')).toHaveAttribute("content", /noindex/);

  await page.goto("/en/search?q=zzqxwv");
  await expect(page.getByTestId("search-empty")).toBeVisible();
  await expect(page.getByTestId("search-empty").getByRole("link").first()).toBeVisible();
});

test("products one viewed appear under Recently viewed on the home page", async ({ page }) => {
  await page.goto("/en");
  await expect(page.getByTestId("recently-viewed")).toHaveCount(0);
  await page.goto("/en/search?q=tent");
  const cards = page.getByTestId("product-card");
  const first = (await cards.nth(0).getByRole("heading").innerText()).trim();
  const second = (await cards.nth(1).getByRole("heading").innerText()).trim();
  for (const title of [first, second]) {
    await page.goto("/en/search?q=tent");
    const viewed = page.waitForResponse((r) => r.url().includes("discovery.recordView") && r.ok());
    await page.getByTestId("product-card").getByRole("link", { name: title, exact: true }).first().click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(title);
    await viewed;
  }
  await page.goto("/en");
  const recent = page.getByTestId("recently-viewed");
  await expect(recent).toBeVisible();
  await expect(recent.getByTestId("product-card").nth(0)).toContainText(second);
  await expect(recent.getByTestId("product-card").nth(1)).toContainText(first);
});
