// Locale-prefixed routes, right-to-left Arabic, and a language switcher that keeps the page.
import arCatalog from "../messages/ar.json" with { type: "json" };
import frCatalog from "../messages/fr.json" with { type: "json" };
import { en, expect, test } from "./fixtures";

const ar = arCatalog as unknown as typeof en;
const fr = frCatalog as unknown as typeof en;

test("the root redirects to English", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("/ar renders right-to-left in Arabic", async ({ page }) => {
  await page.goto("/ar");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("dir", "rtl");
  await expect(html).toHaveAttribute("lang", "ar");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(ar.home.heroTitle);
  // The layout mirrors: the logo sits at the right edge of the header.
  const logo = await page.getByRole("banner").getByRole("link").first().boundingBox();
  const viewport = page.viewportSize()!;
  expect(logo!.x).toBeGreaterThan(viewport.width / 2);
});

test("the language switcher keeps the current page and its query", async ({ page }) => {
  await page.goto("/en/login?callbackUrl=%2Fen%2Faccount");
  await expect(page.getByRole("heading", { name: en.auth.login.title })).toBeVisible();
  await page.getByTestId("language-switcher").locator("summary").click();
  await page.getByRole("link", { name: "Français" }).click();
  await expect(page).toHaveURL(/\/fr\/login\?callbackUrl=%2Fen%2Faccount/);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { name: fr.auth.login.title })).toBeVisible();
});
