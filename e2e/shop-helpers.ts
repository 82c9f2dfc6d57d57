// Helpers the buying journeys share: filling the cart from a shop's page, the checkout
// address, and calling tRPC over HTTP with the page's cookies (superjson envelope).
import type { Page } from "@playwright/test";
import { en, expect } from "./fixtures";

export const NAV = { timeout: 60_000 };

/** Calls a tRPC procedure as the signed-in page would. */
export async function trpc<T>(page: Page, path: string, input: unknown, kind: "query" | "mutation"): Promise<T> {
  const origin = new URL(page.url() === "about:blank" ? "http://localhost" : page.url()).origin;
  const response =
    kind === "query"
      ? await page.request.get(`/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`)
      : await page.request.post(`/api/trpc/${path}`, { data: { json: input ?? null }, headers: { Origin: origin, "Content-Type": "application/json" } });
  const body = (await response.json()) as { result?: { data?: { json?: T } }; error?: unknown };
  if (!response.ok() || !body.result) throw new Error(`${path}: HTTP ${response.status()} ${JSON.stringify(body.error ?? body).slice(0, 400)}`);
  return body.result.data!.json as T;
}

/** Adds the first in-stock product of a shop to the cart through its product page; returns its title and page. */
export async function addFromShop(page: Page, shopSlug: string): Promise<string> {
  await page.goto(`/en/shop/${shopSlug}`, NAV);
  const hrefs = await page.getByTestId("product-card").locator('a[href*="/p/"]').evaluateAll((links) => links.slice(0, 8).map((a) => a.getAttribute("href") ?? ""));
  for (const href of hrefs) {
    await page.goto(href, NAV);
    const panel = page.getByTestId("purchase-panel");
    const button = panel.getByRole("button", { name: en.cart.add.button });
    await expect(button).toBeVisible();
    // Stock is read after the (cached) page loads; the panel is busy until it arrives.
    await expect(panel.getByTestId("add-to-cart")).toHaveAttribute("aria-busy", "false", NAV);
    if (await button.isDisabled()) continue;
    const title = (await page.getByRole("heading", { level: 1 }).textContent())?.trim() ?? "";
    await button.click();
    await expect(panel.getByRole("link", { name: en.cart.add.viewCart })).toBeVisible(NAV);
    return title;
  }
  throw new Error(`no product of ${shopSlug} could be added`);
}

/** On the checkout page: picks the saved address, or adds one through the dialog. */
export async function ensureAddress(page: Page) {
  const choices = page.getByTestId("address-choices");
  if (await choices.isVisible()) return;
  await page.getByRole("button", { name: en.checkout.addAddress }).click();
  const dialog = page.getByRole("dialog", { name: en.addresses.addTitle });
  await dialog.getByLabel(en.addresses.fullName).fill("Shira Shopper");
  await dialog.getByLabel(en.addresses.line1).fill("12 Market Street");
  await dialog.getByLabel(en.addresses.city).fill("Springfield");
  await dialog.getByLabel(en.addresses.postalCode).fill("12345");
  await dialog.getByRole("button", { name: en.common.save }).click();
  await expect(dialog).toBeHidden();
  await expect(choices.getByRole("radio")).toBeChecked(NAV);
}
