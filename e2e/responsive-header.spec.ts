// The headers fit a phone: at 390 px no page scrolls sideways (the storefront header with the
// language switcher, cart, bell and account; the consoles' header), in the languages whose words
// run longest (fr, es), in Arabic (right to left) and Chinese, signed out and signed in. Below
// `sm` the language switcher shows only its globe and signed-out visitors get one account icon:
// both keep a translated accessible name and stay keyboard-usable.
import type { Page } from "@playwright/test";
import arCatalog from "../messages/ar.json" with { type: "json" };
import esCatalog from "../messages/es.json" with { type: "json" };
import frCatalog from "../messages/fr.json" with { type: "json" };
import zhCatalog from "../messages/zh.json" with { type: "json" };
import { localeNames, type Locale } from "../lib/i18n/routing";
import { DEMO_ACCOUNTS, DEMO_PASSWORD, en, expect, signIn, test } from "./fixtures";
import { trpc } from "./shop-helpers";

const catalogs: Record<Locale, typeof en> = {
  en,
  ar: arCatalog as unknown as typeof en,
  es: esCatalog as unknown as typeof en,
  fr: frCatalog as unknown as typeof en,
  zh: zhCatalog as unknown as typeof en,
};
const PHONE = { width: 390, height: 844 };

test.use({ viewport: PHONE });

async function productSlug(page: Page): Promise<string> {
  await page.goto("/en/cart");
  const browse = await trpc<{ items: { slug: string }[] }>(page, "products.browse", { locale: "en", pageSize: 1 }, "query");
  return browse.items[0]!.slug;
}

/** Opens the page and waits for the header's client islands (account, cart), then compares widths. */
async function expectNoSidewaysScroll(page: Page, path: string, ready: (page: Page) => Promise<void>) {
  await page.goto(path);
  await ready(page);
  const { scrollWidth, innerWidth } = await page.evaluate(() => ({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth }));
  expect(scrollWidth, `${path} is ${scrollWidth - innerWidth}px too wide at ${innerWidth}px`).toBeLessThanOrEqual(innerWidth);
}

/** The language switcher: only the globe shows, its name is "Language: <current language>" in the page's language. */
async function expectCompactLanguageSwitcher(page: Page, locale: Locale) {
  const summary = page.getByTestId("language-switcher").locator("summary");
  await expect(summary).toHaveAccessibleName(`${catalogs[locale].nav.language}: ${localeNames[locale]}`);
  const box = await summary.boundingBox();
  expect(box!.width).toBeLessThanOrEqual(44);
}

test("storefront pages fit 390 px signed out, in five languages", async ({ page }) => {
  const slug = await productSlug(page);
  for (const locale of ["en", "ar", "fr", "es", "zh"] as const) {
    const t = catalogs[locale];
    const ready = async (p: Page) => {
      // The account area has answered "signed out" (a sign-in link is shown) and the cart is there.
      await expect(p.getByRole("banner").locator('a[href$="/login"]:visible')).toHaveCount(1);
      await expect(p.getByTestId("cart-link")).toBeVisible();
    };
    for (const path of ["", `/p/${slug}`, "/cart"]) await expectNoSidewaysScroll(page, `/${locale}${path}`, ready);
    await expectCompactLanguageSwitcher(page, locale);
    // One account icon instead of the two text links.
    await expect(page.getByRole("link", { name: t.nav.signInOrRegister, exact: true })).toBeVisible();
    await expect(page.getByRole("banner").getByRole("link", { name: t.nav.register, exact: true })).toBeHidden();
    await expect(page.getByRole("banner").getByRole("link", { name: t.nav.signIn, exact: true })).toBeHidden();
    await expect(page.locator("html")).toHaveAttribute("dir", locale === "ar" ? "rtl" : "ltr");
  }
});

test("storefront pages fit 390 px signed in (bell and account menu), and the compact controls work from the keyboard", async ({ page }) => {
  await signIn(page, DEMO_ACCOUNTS.shopper.email, DEMO_PASSWORD);
  const slug = await productSlug(page);
  const ready = async (p: Page) => {
    await expect(p.getByTestId("account-menu")).toBeVisible();
    await expect(p.getByTestId("notification-bell")).toBeVisible();
  };
  for (const locale of ["ar", "fr", "es", "zh"] as const) {
    for (const path of ["", `/p/${slug}`, "/account/notifications"]) await expectNoSidewaysScroll(page, `/${locale}${path}`, ready);
  }

  // Arabic: the globe opens the list from the keyboard, the list stays on screen, and a language is a link.
  await page.goto("/ar");
  await ready(page);
  const summary = page.getByTestId("language-switcher").locator("summary");
  await summary.focus();
  await page.keyboard.press("Enter");
  const french = page.getByTestId("language-switcher").getByRole("link", { name: localeNames.fr });
  await expect(french).toBeVisible();
  const box = await french.boundingBox();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(PHONE.width);
  await page.keyboard.press("Tab");
  await expect(page.getByTestId("language-switcher").getByRole("link").first()).toBeFocused();
});

test("the seller center and the admin console fit 390 px", async ({ browser }) => {
  for (const [who, path] of [["seller", "/seller"], ["admin", "/admin"]] as const) {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await signIn(page, DEMO_ACCOUNTS[who].email, DEMO_PASSWORD);
    for (const locale of ["en", "ar", "fr", "es", "zh"] as const) {
      await expectNoSidewaysScroll(page, `/${locale}${path}`, async (p) => {
        await expect(p.getByTestId("notification-bell")).toBeVisible();
        await expect(p.getByTestId("account-menu")).toBeVisible();
      });
      await expectCompactLanguageSwitcher(page, locale);
    }
    await context.close();
  }
});

test("signed out, the account icon leads to sign-in, which offers registration", async ({ page }) => {
  await page.goto("/fr");
  const icon = page.getByRole("link", { name: catalogs.fr.nav.signInOrRegister, exact: true });
  await icon.click();
  await expect(page).toHaveURL(/\/fr\/login/);
  await expect(page.getByRole("main").getByRole("link", { name: catalogs.fr.auth.login.createAccount })).toBeVisible();
});
