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

type Browse = { items: { slug: string }[] };
type ProductPage = { kind: string; product: { variants: { id: string }[] } };
type Preview = { groups: { vendor: { id: string; slug: string }; shippingOptions: { id: string }[] }[]; cartHash: string };

/** Puts one purchasable item of the shop in the cart over tRPC (the first variant the cart accepts). */
export async function addOneFrom(page: Page, shopSlug: string) {
  const browse = await trpc<Browse>(page, "products.browse", { vendorSlug: shopSlug, locale: "en", pageSize: 12, sort: "priceAsc" }, "query");
  for (const item of browse.items) {
    const product = await trpc<ProductPage>(page, "products.getProductPage", { slug: item.slug, locale: "en" }, "query");
    if (product.kind !== "product") continue;
    for (const variant of product.product.variants) {
      const added = await trpc(page, "cart.add", { variantId: variant.id, quantity: 1 }, "mutation").then(() => true, () => false);
      if (added) return;
    }
  }
  throw new Error(`nothing purchasable in ${shopSlug}`);
}

/**
 * Places the signed-in shopper's cart over tRPC, paying on delivery: to their first saved address
 * (one is added for `fullName` when they have none), each shop's first shipping option.
 */
export async function placePayOnDeliveryOrder(page: Page, fullName: string) {
  const addresses = await trpc<{ id: string }[]>(page, "addresses.list", null, "query");
  const addressId =
    addresses[0]?.id ??
    (await trpc<{ id: string }>(page, "addresses.create", { fullName, line1: "1 Test Road", city: "Bristol", postalCode: "BS1 4DJ", countryCode: "GB" }, "mutation")).id;
  const preview = await trpc<Preview>(page, "checkout.preview", { addressId }, "query");
  const placed = await trpc<{ orderId: string; number: string }>(page, "checkout.placeOrder", {
    idempotencyKey: `e2e-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`, cartHash: preview.cartHash, addressId,
    shipping: Object.fromEntries(preview.groups.map((g) => [g.vendor.id, g.shippingOptions[0]!.id])), paymentMethod: "pay_on_delivery",
  }, "mutation");
  return { ...placed, vendors: preview.groups.map((g) => g.vendor) };
}
